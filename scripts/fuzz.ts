/**
 * `npm run fuzz`: the property-based tests of test/unit/properties.test.ts at
 * scale — 100,000 generated notes in all by default — spread over worker
 * processes, with a report: cases per property, time, and every distinct
 * failure with the seed and path that replay it.
 *
 *   npm run fuzz                               # 100,000 cases, one worker per core
 *   npm run fuzz -- --cases 20000 --workers 1  # fewer cases, one process
 *   npm run fuzz -- --only fixes,fix-all       # some properties (their share of the cases)
 *   npm run fuzz -- --seed 42                  # another sequence (default: random, printed)
 *   npm run fuzz -- --replay fixes:123:45:2:1  # rerun one counterexample and print it in full
 *   npm run fuzz -- --json                     # the report as JSON on stdout
 *
 * Exit code: 0 when no property failed, 1 otherwise.
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import fc from 'fast-check';
import { loadDictionary } from '../src/core/spelling/dictionary';
import { registerNodeDictionaryLoader } from '../src/node/dictionary';
import { PROPERTIES } from '../test/support/properties';

interface Batch {
  property: string;
  seed: number;
  runs: number;
}

interface Failure {
  property: string;
  seed: number;
  path: string;
  message: string;
  counterexample: string;
}

interface BatchResult {
  property: string;
  runs: number;
  skipped: number;
  ms: number;
  failure?: Failure;
}

const BATCH = 250;

function parseArgs(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? undefined : argv[i + 1];
  };
  const only = get('only')?.split(',').map((s) => s.trim());
  const unknown = only?.filter((name) => !PROPERTIES.some((p) => p.name === name));
  if (unknown?.length) throw new Error(`unknown properties: ${unknown.join(', ')} (known: ${PROPERTIES.map((p) => p.name).join(', ')})`);
  return {
    cases: Number(get('cases') ?? 100000),
    workers: Math.max(1, Number(get('workers') ?? os.availableParallelism?.() ?? os.cpus().length)),
    seed: get('seed') !== undefined ? Number(get('seed')) : Math.floor(Math.random() * 2 ** 31),
    only,
    replay: get('replay'),
    json: argv.includes('--json'),
  };
}

async function prepare(): Promise<void> {
  registerNodeDictionaryLoader();
  await Promise.all([loadDictionary('en-US'), loadDictionary('en-GB')]);
}

function firstLines(text: string, n: number): string {
  const lines = text.split('\n');
  return lines.length > n ? `${lines.slice(0, n).join('\n')}\n…` : text;
}

async function runBatch(batch: Batch): Promise<BatchResult> {
  const spec = PROPERTIES.find((p) => p.name === batch.property)!;
  const started = performance.now();
  const details = await fc.check(spec.property(), { numRuns: batch.runs, seed: batch.seed, maxSkipsPerRun: 1000 });
  const result: BatchResult = { property: batch.property, runs: details.numRuns, skipped: details.numSkips, ms: performance.now() - started };
  if (details.failed) {
    const error = details.errorInstance as Error | undefined;
    result.failure = {
      property: batch.property,
      seed: batch.seed,
      path: details.counterexamplePath ?? '',
      message: error?.message ?? String(details.errorInstance),
      counterexample: details.counterexample ? fc.stringify(details.counterexample) : '',
    };
  }
  return result;
}

// ---------------------------------------------------------------------------
// Worker side

async function worker(): Promise<void> {
  await prepare();
  process.on('message', (batch: Batch | 'done') => {
    if (batch === 'done') process.exit(0);
    runBatch(batch).then(
      (result) => process.send!(result),
      (error) => process.send!({ property: batch.property, runs: 0, skipped: 0, ms: 0, failure: { property: batch.property, seed: batch.seed, path: '', message: `the runner crashed: ${(error as Error)?.stack ?? error}`, counterexample: '' } }),
    );
  });
  process.send!('ready');
}

// ---------------------------------------------------------------------------
// Main side

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (process.env.NOTE_COACH_FUZZ_WORKER) {
    await worker();
    return -1;
  }
  if (options.replay) return replay(options.replay);

  const specs = PROPERTIES.filter((p) => !options.only || options.only.includes(p.name));
  const share = specs.reduce((sum, p) => sum + p.fuzzRuns, 0);
  const batches: Batch[] = [];
  let seed = options.seed;
  for (const spec of specs) {
    let left = Math.max(1, Math.round((spec.fuzzRuns / share) * options.cases));
    while (left > 0) {
      const runs = Math.min(BATCH, left);
      batches.push({ property: spec.name, seed: seed++ % 2 ** 31, runs });
      left -= runs;
    }
  }
  // Expensive properties first, interleaved, so the workers finish together.
  batches.sort((a, b) => (a.property === 'cli' ? -1 : 0) - (b.property === 'cli' ? -1 : 0));

  const log = (line: string) => (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  log(`note-coach fuzz: ${options.cases.toLocaleString('en-US')} cases over ${specs.map((s) => s.name).join(', ')}; seed ${options.seed}; ${options.workers} worker(s)`);

  const results: BatchResult[] = [];
  const started = performance.now();
  let next = 0;
  let lastProgress = 0;
  await new Promise<void>((resolve, reject) => {
    let running = 0;
    for (let i = 0; i < Math.min(options.workers, batches.length); i++) {
      const child = fork(__filename, process.argv.slice(2), { env: { ...process.env, NOTE_COACH_FUZZ_WORKER: '1' }, execArgv: process.execArgv });
      running++;
      const feed = () => {
        if (next < batches.length) child.send(batches[next++]);
        else child.send('done');
      };
      child.on('message', (message: BatchResult | 'ready') => {
        if (message !== 'ready') {
          results.push(message);
          const done = results.reduce((sum, r) => sum + r.runs, 0);
          if (performance.now() - lastProgress > 15000) {
            lastProgress = performance.now();
            log(`  … ${done.toLocaleString('en-US')} cases, ${results.filter((r) => r.failure).length} failing batch(es), ${((performance.now() - started) / 1000).toFixed(0)} s`);
          }
        }
        feed();
      });
      child.on('error', reject);
      child.on('exit', (code) => {
        if (code !== 0) reject(new Error(`a fuzz worker exited with ${code}`));
        else if (--running === 0) resolve();
      });
    }
  });
  const seconds = (performance.now() - started) / 1000;
  return report(specs.map((s) => s.name), results, seconds, options);
}

function report(names: string[], results: BatchResult[], seconds: number, options: ReturnType<typeof parseArgs>): number {
  const rows = names.map((name) => {
    const mine = results.filter((r) => r.property === name);
    return {
      property: name,
      cases: mine.reduce((s, r) => s + r.runs, 0),
      skipped: mine.reduce((s, r) => s + r.skipped, 0),
      cpuSeconds: mine.reduce((s, r) => s + r.ms, 0) / 1000,
      failures: mine.filter((r) => r.failure).length,
    };
  });
  // One entry per distinct failure (same property and first line of the message, numbers and quotes left out).
  const distinct = new Map<string, Failure & { count: number }>();
  for (const r of results) {
    if (!r.failure) continue;
    const key = `${r.failure.property}|${r.failure.message.split('\n')[0].replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"')}`;
    const seen = distinct.get(key);
    if (seen) seen.count++;
    else distinct.set(key, { ...r.failure, count: 1 });
  }
  const failures = [...distinct.values()];
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ seed: options.seed, cases: rows.reduce((s, r) => s + r.cases, 0), seconds, properties: rows, failures }, null, 2)}\n`);
    return failures.length ? 1 : 0;
  }
  const out: string[] = [''];
  out.push('property    cases            skipped   cpu s   cases/s   failing batches');
  for (const r of rows) {
    out.push(
      `${r.property.padEnd(10)}  ${String(r.cases).padStart(7)}   ${String(r.skipped).padStart(14)}   ${r.cpuSeconds.toFixed(0).padStart(5)}   ${(r.cases / Math.max(r.cpuSeconds, 0.001)).toFixed(0).padStart(7)}   ${String(r.failures).padStart(15)}`,
    );
  }
  const total = rows.reduce((s, r) => s + r.cases, 0);
  out.push(`total       ${String(total).padStart(7)}   in ${seconds.toFixed(0)} s wall clock, seed ${options.seed}`);
  if (failures.length === 0) out.push('', 'No failures.');
  else {
    out.push('', `${failures.length} distinct failure(s):`);
    for (const f of failures) {
      out.push('', `✖ ${f.property} (${f.count} batch(es)); replay: npm run fuzz -- --replay ${f.property}:${f.seed}:${f.path}`);
      out.push(firstLines(f.message, 30).replace(/^/gm, '    '));
      out.push(`    counterexample: ${f.counterexample.slice(0, 2000)}`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return failures.length ? 1 : 0;
}

async function replay(spec: string): Promise<number> {
  const [name, seed, ...path] = spec.split(':');
  const property = PROPERTIES.find((p) => p.name === name);
  if (!property || !seed) throw new Error(`--replay wants <property>:<seed>:<path>, e.g. fixes:123:45:2:1`);
  await prepare();
  const details = await fc.check(property.property(), { seed: Number(seed), path: path.join(':') || undefined, numRuns: 1, endOnFailure: true, maxSkipsPerRun: 1000 });
  if (!details.failed) {
    process.stdout.write(`${name}: the case passes now.\n`);
    return 0;
  }
  process.stdout.write(`${name}: fails\n\n${(details.errorInstance as Error)?.message ?? details.errorInstance}\n\ncounterexample: ${fc.stringify(details.counterexample)}\n`);
  return 1;
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`fuzz: ${(error as Error)?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
