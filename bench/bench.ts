/**
 * `npm run bench`: how long Note Coach takes per note, next to markdownlint
 * and bare remark-parse (the floor: our analysis parses with it) on the same
 * texts — examples/ plus generated notes of 100–400 words.
 *
 * It runs the analyzer as it ships: scripts/bench.mjs bundles this file with esbuild (as the CLI
 * and the extension are bundled) and runs the bundle; `npm run bench -- --tsx` runs the sources.
 *
 *   npm run bench                 p50/p95 per tool and the ratio ours/markdownlint
 *   npm run bench -- --json       the same as one JSON object
 *   npm run bench -- --scale      1 KB → 1 MB notes: time per KB at each size, and per rule at the largest
 *   npm run bench -- --quick      fewer repetitions (a smoke test)
 *   npm run bench -- --no-workspace   skip the 1,000-note workspace case
 *   npm run bench -- --cold       the CLI as a whole process next to markdownlint-cli2 (also `npm run bench:cold`; bench/cold.ts)
 *
 * Every tool runs warm (several passes first), and within each round the tools
 * take turns on each note in rotating order, so drift in CPU speed or GC
 * pressure falls on all of them alike.
 *
 * A second measure takes 2,000 other generated notes and analyses each once
 * (the two tools take turns), so that nothing one run leaves behind — a cache,
 * a model — can flatter the next run on the same text.
 */
import { benchWorkspace, percentile } from './workspace';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { lint as markdownlint } from 'markdownlint/sync';
import { analyze, defaults, parseNote, resolveConfig, rules, type ResolvedConfig } from '../src/core/index';
import { dictionaryStatus, loadDictionary } from '../src/core/spelling/dictionary';
import { registerNodeDictionaryLoader } from '../src/node/dictionary';
import { generateLargeNote, generateNotes } from './generate';
import { benchCold } from './cold';

const args = new Set(process.argv.slice(2));
/** How this run was built: the esbuild bundle (`npm run bench`) or the sources (`-- --tsx`). */
const BUILD = __filename.endsWith('.cjs') ? 'esbuild bundle (as shipped)' : 'TypeScript sources (tsx)';
const asJson = args.has('--json');
const quick = args.has('--quick');
const root = path.join(__dirname, '..');
/** Time-based rules see a fixed instant, so every run does the same work. */
const NOW = new Date(2026, 2, 2, 12, 0, 0);
const GENERATED_NOTES = 60;
/** Notes analysed once each in the second measure (after the 60 above, so none repeats). */
const DISTINCT_NOTES = 2000;
/** Rounds over every note and tool; stops earlier when the time budget is spent. */
const ROUNDS = quick ? 5 : 40;
const BUDGET_MS = quick ? 3_000 : 24_000;

interface Stats {
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  samples: number;
}

type Tool = (text: string) => unknown;

const remark = unified().use(remarkParse);

function tools(config: ResolvedConfig): Record<string, Tool> {
  return {
    'note-coach': (text) => analyze(text, { config, now: NOW }),
    markdownlint: (text) => markdownlint({ strings: { note: text } }),
    'remark-parse': (text) => remark.parse(text),
  };
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return { p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), meanMs: round(mean), samples: sorted.length };
}

function round(ms: number, digits = 4): number {
  return Number(ms.toFixed(digits));
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function median(fn: () => unknown, reps: number): number {
  const samples = Array.from({ length: reps }, () => time(fn)).sort((a, b) => a - b);
  return percentile(samples, 50);
}

// ---------------------------------------------------------------------------
// Spelling dictionary

/**
 * Load the en-US spelling dictionary before timing anything: without it the
 * spelling rule reports nothing and the timings would flatter us. Returns its
 * cold load time, which every process pays once and which is reported apart
 * from the per-note times: the compiled file as it ships (dist/dictionaries,
 * after npm run build), else the Hunspell files compiled in memory.
 */
async function warmDictionary(): Promise<number> {
  const shipped = path.join(root, 'dist', 'dictionaries');
  registerNodeDictionaryLoader(fs.existsSync(path.join(shipped, 'en-US.ncdict')) ? { directory: shipped } : {});
  const started = performance.now();
  await loadDictionary('en-US');
  return dictionaryStatus('en-US').loadMs ?? performance.now() - started;
}

// ---------------------------------------------------------------------------
// Per-note benchmark

function readExamples(): { name: string; text: string }[] {
  const dir = path.join(root, 'examples');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.note.md'))
    .sort()
    .map((f) => ({ name: `examples/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

async function perNote(): Promise<void> {
  const dictionaryLoadMs = await warmDictionary();
  const config = defaults();
  const texts = [...readExamples(), ...generateNotes(GENERATED_NOTES).map((n) => ({ name: n.name, text: n.text }))];
  const toolset = tools(config);
  const names = Object.keys(toolset);

  // Warm-up: let the JIT settle on every code path.
  for (let pass = 0; pass < 2; pass++) for (const { text } of texts) for (const name of names) toolset[name](text);

  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const started = performance.now();
  let rounds = 0;
  while (rounds < ROUNDS && performance.now() - started < BUDGET_MS) {
    texts.forEach(({ text }, i) => {
      for (let k = 0; k < names.length; k++) {
        const name = names[(rounds + i + k) % names.length];
        samples[name].push(time(() => toolset[name](text)));
      }
    });
    rounds++;
  }
  const elapsedS = (performance.now() - started) / 1000;

  // Each note once: generated notes past the ones above, the two tools taking turns on each.
  const distinctTexts = generateNotes(GENERATED_NOTES + (quick ? 200 : DISTINCT_NOTES))
    .slice(GENERATED_NOTES)
    .map((n) => n.text);
  const once: Record<'note-coach' | 'markdownlint', number[]> = { 'note-coach': [], markdownlint: [] };
  distinctTexts.forEach((text, i) => {
    const order = i % 2 ? (['markdownlint', 'note-coach'] as const) : (['note-coach', 'markdownlint'] as const);
    for (const name of order) once[name].push(time(() => toolset[name](text)));
  });
  const onceOurs = stats(once['note-coach']);
  const onceTheirs = stats(once.markdownlint);
  const onceRatio = round(onceOurs.p50Ms / onceTheirs.p50Ms, 2);

  const result = Object.fromEntries(names.map((n) => [n, stats(samples[n])])) as Record<string, Stats>;
  const ours = result['note-coach'];
  const theirs = result.markdownlint;
  const ratio = { p50: round(ours.p50Ms / theirs.p50Ms, 2), p95: round(ours.p95Ms / theirs.p95Ms, 2) };
  const words = texts.map(({ text }) => parseNote(text).wordCount).sort((a, b) => a - b);

  // Where our time goes: parsing into the Note model, then each rule on the parsed note.
  const parsed = texts.map(({ text }) => parseNote(text));
  const parseSamples: number[] = [];
  // All rules at once on the parsed note (what a check costs beyond parsing), and analyze() with
  // no rule at all (its own share, which every per-rule figure includes too).
  const allRulesSamples: number[] = [];
  const overheadSamples: number[] = [];
  const ruleSamples = new Map<string, number[]>(rules.map((r) => [r.meta.id, []]));
  const breakdownReps = quick ? 1 : 3;
  for (let rep = 0; rep < breakdownReps; rep++) {
    texts.forEach(({ text }, i) => {
      parseSamples.push(time(() => parseNote(text)));
      allRulesSamples.push(time(() => analyze(parsed[i], { config, now: NOW })));
      overheadSamples.push(time(() => analyze(parsed[i], { config, now: NOW, only: [] })));
      for (const rule of rules) {
        const only = [rule.meta.id];
        ruleSamples.get(rule.meta.id)!.push(time(() => analyze(parsed[i], { config, now: NOW, only })));
      }
    });
  }
  const parseStats = stats(parseSamples);
  const overheadStats = stats(overheadSamples);
  const perRule = [...ruleSamples]
    .map(([rule, samples]) => ({ rule, ...stats(samples) }))
    .sort((a, b) => b.meanMs - a.meanMs);
  const allRules = stats(allRulesSamples);

  // The workspace case (issue 5): 1,000 notes across 100 companies.
  const workspace = args.has('--no-workspace') ? undefined : await benchWorkspace({ edits: quick ? 60 : 300 });

  if (asJson) {
    process.stdout.write(
      JSON.stringify(
        {
          notes: texts.length,
          tools: result,
          ratio,
          eachNoteOnce: { notes: distinctTexts.length, 'note-coach': onceOurs, markdownlint: onceTheirs, ratioP50: onceRatio },
          build: BUILD,
          dictionaryLoadMs: round(dictionaryLoadMs, 1),
          parseNote: parseStats,
          perRule: Object.fromEntries(perRule.map((r) => [r.rule, { p50Ms: r.p50Ms, meanMs: r.meanMs }])),
          allRules: { p50Ms: allRules.p50Ms, meanMs: allRules.meanMs },
          analyzeOverhead: { p50Ms: overheadStats.p50Ms, meanMs: overheadStats.meanMs },
          rounds,
          words: { min: words[0], median: percentile(words, 50), max: words[words.length - 1] },
          rules: rules.length,
          workspace,
          node: process.version,
          cpu: os.cpus()[0]?.model ?? 'unknown',
        },
        null,
        2,
      ) + '\n',
    );
    return;
  }
  const out: string[] = [];
  out.push(`Note Coach benchmark — ${texts.length} notes (${readExamples().length} from examples/, ${GENERATED_NOTES} generated; ${words[0]}–${words[words.length - 1]} words), ${rounds} round${rounds === 1 ? '' : 's'} in ${elapsedS.toFixed(1)} s, warm`);
  out.push(`Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${rules.length} rules registered; ${BUILD}`);
  out.push(
    `Spelling dictionary (en-US) cold load: ${dictionaryLoadMs.toFixed(0)} ms (once per process; not in the per-note times).`,
  );
  out.push('');
  out.push(`${'tool'.padEnd(14)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'mean ms'.padStart(10)}`);
  for (const name of names) {
    const s = result[name];
    out.push(`${name.padEnd(14)}${s.p50Ms.toFixed(3).padStart(10)}${s.p95Ms.toFixed(3).padStart(10)}${s.meanMs.toFixed(3).padStart(10)}`);
  }
  out.push('');
  out.push(`note-coach / markdownlint: ${ratio.p50.toFixed(2)}× at p50, ${ratio.p95.toFixed(2)}× at p95 (target: ≤ 1 at p50).`);
  out.push(
    `Each of ${distinctTexts.length.toLocaleString('en-US')} other generated notes once: note-coach p50 ${onceOurs.p50Ms.toFixed(3)} ms, markdownlint p50 ${onceTheirs.p50Ms.toFixed(3)} ms, ${onceRatio.toFixed(2)}×.`,
  );
  out.push('');
  out.push(`Inside note-coach: parsing (parseNote) p50 ${parseStats.p50Ms.toFixed(3)} ms; the slowest rules on a parsed note (ms per note):`);
  out.push(`  ${'rule'.padEnd(28)}${'p50'.padStart(9)}${'mean'.padStart(9)}`);
  for (const r of perRule.slice(0, 8)) out.push(`  ${r.rule.padEnd(28)}${r.p50Ms.toFixed(3).padStart(9)}${r.meanMs.toFixed(3).padStart(9)}`);
  out.push(`  ${'all rules at once'.padEnd(28)}${allRules.p50Ms.toFixed(3).padStart(9)}${allRules.meanMs.toFixed(3).padStart(9)}`);
  out.push(`  ${'(analyze() with no rule)'.padEnd(28)}${overheadStats.p50Ms.toFixed(3).padStart(9)}${overheadStats.meanMs.toFixed(3).padStart(9)}`);
  if (workspace) {
    out.push('');
    out.push(`Workspace: ${workspace.notes} notes across ${workspace.companies} companies`);
    out.push(`  index build (parse all): ${workspace.buildMs.toFixed(0)} ms (target < 2000); first check of every note: ${workspace.checkMs.toFixed(0)} ms`);
    out.push(`  one edit re-checked against the index: p50 ${workspace.editP50Ms.toFixed(2)} ms, p95 ${workspace.editP95Ms.toFixed(2)} ms (target < 20) over ${workspace.edits} edits`);
  }
  console.log(out.join('\n'));
}

// ---------------------------------------------------------------------------
// Scale benchmark

const KB = 1024;
/** One analysis slower than this ends the doubling (the table says where it stopped). */
const STOP_MS = 60_000;

async function scale(): Promise<void> {
  const dictionaryLoadMs = await warmDictionary();
  // Lift the size limit so every rule runs even on the 1 MB note (by default, notes over
  // maxFileSize get only the cheap rules, which would hide a slow rule).
  const { config } = resolveConfig(rules, [{ source: 'bench', value: { maxFileSize: 64 * 1024 * 1024 } }]);
  const sizes: number[] = [];
  for (let size = KB; size <= 1024 * KB; size *= 2) sizes.push(size);
  const texts = new Map(sizes.map((size) => [size, generateLargeNote(size)]));

  // Warm-up on every size up to 64 KB (warmed on one size only, the JIT was still settling during
  // the first rows: the 1 KB row came out twice as slow as the same note timed on its own).
  for (let i = 0; i < (quick ? 3 : 10); i++) {
    for (const size of sizes) {
      if (size > 64 * KB) break;
      analyze(texts.get(size)!, { config, now: NOW });
      markdownlint({ strings: { note: texts.get(size)! } });
    }
  }

  const rows: { kb: number; ours: number; parse: number; theirs: number }[] = [];
  let stoppedAt: number | undefined;
  let big = sizes[0];
  for (const size of sizes) {
    const text = texts.get(size)!;
    const kb = Buffer.byteLength(text) / KB;
    const first = time(() => analyze(text, { config, now: NOW }));
    big = size;
    if (first > STOP_MS) {
      // Far too slow already: doubling again would only take (much) longer.
      rows.push({ kb, ours: first, parse: time(() => parseNote(text)), theirs: time(() => markdownlint({ strings: { note: text } })) });
      stoppedAt = size;
      break;
    }
    // Repeat small sizes many times, large ones a few (the first run counts as one sample).
    const reps = Math.max(3, Math.min(quick ? 5 : 30, Math.ceil((quick ? 200 : 1500) / Math.max(first, 0.01))));
    const oursSamples = [first, ...Array.from({ length: reps - 1 }, () => time(() => analyze(text, { config, now: NOW })))];
    const ours = percentile(oursSamples.sort((a, b) => a - b), 50);
    const parse = median(() => parseNote(text), reps);
    const theirs = median(() => markdownlint({ strings: { note: text } }), reps);
    rows.push({ kb, ours, parse, theirs });
  }

  // Per rule: time at the largest size and at 1/16 of it, on a note parsed once, so each
  // rule's own cost shows; the growth exponent is ~1 for a linear rule, ~2 for a quadratic one.
  const small = Math.max(KB, big / 16);
  const bigNote = parseNote(texts.get(big)!);
  const smallNote = parseNote(texts.get(small)!);
  const perRule = rules
    .map((rule) => {
      const only = [rule.meta.id];
      const once = time(() => analyze(bigNote, { config, now: NOW, only }));
      const tBig = quick || once > 1000 ? once : Math.min(once, median(() => analyze(bigNote, { config, now: NOW, only }), 2));
      const tSmall = median(() => analyze(smallNote, { config, now: NOW, only }), quick ? 3 : 7);
      const exponent = tSmall > 0.05 && big > small ? Math.log(tBig / tSmall) / Math.log(big / small) : NaN;
      return { rule: rule.meta.id, ms: round(tBig, 2), msAtSixteenth: round(tSmall, 3), exponent: Number.isFinite(exponent) ? round(exponent, 2) : null };
    })
    .sort((a, b) => b.ms - a.ms);
  // A busy machine can make one slow run look like growth: re-time each suspect (best of 3
  // at both sizes, which preemption can only inflate) and keep it only if it still grows.
  const suspects = perRule.filter((r) => {
    if (r.exponent === null || r.exponent <= 1.3 || r.ms <= 20) return false;
    const only = [r.rule];
    const best = (note: typeof bigNote) => Math.min(...Array.from({ length: 3 }, () => time(() => analyze(note, { config, now: NOW, only }))));
    const exponent = Math.log(best(bigNote) / best(smallNote)) / Math.log(big / small);
    r.exponent = round(exponent, 2);
    return exponent > 1.3;
  });
  const perKb = rows.map((r) => r.ours / r.kb);
  // Baseline: the median ms/KB over 32–256 KB, big enough that fixed costs per note no longer count.
  const mid = rows.filter((r) => r.kb >= 32 && r.kb <= 257).map((r) => r.ours / r.kb);
  const growth = perKb[perKb.length - 1] / percentile((mid.length ? mid : perKb).sort((a, b) => a - b), 50);

  if (asJson) {
    process.stdout.write(
      JSON.stringify(
        {
          sizes: rows.map((r) => ({
            kb: round(r.kb, 1),
            noteCoachMs: round(r.ours, 2),
            noteCoachMsPerKb: round(r.ours / r.kb, 4),
            parseMsPerKb: round(r.parse / r.kb, 4),
            markdownlintMs: round(r.theirs, 2),
            markdownlintMsPerKb: round(r.theirs / r.kb, 4),
          })),
          perRuleAtLargest: perRule,
          perKbGrowth: round(growth, 2),
          stoppedAtKb: stoppedAt === undefined ? null : stoppedAt / KB,
          superLinearRules: suspects.map((s) => s.rule),
          dictionaryLoadMs: round(dictionaryLoadMs, 1),
        },
        null,
        2,
      ) + '\n',
    );
    return;
  }
  const out: string[] = [];
  out.push('Note Coach scale benchmark — one generated note per size, all rules on (maxFileSize lifted), warm, median of repeats');
  out.push(`Spelling dictionary (en-US) cold load: ${dictionaryLoadMs.toFixed(0)} ms, before the timings.`);
  out.push('');
  out.push(`${'size KB'.padStart(8)}${'note-coach ms'.padStart(15)}${'ms/KB'.padStart(9)}${'parse ms/KB'.padStart(13)}${'markdownlint ms'.padStart(17)}${'ms/KB'.padStart(9)}`);
  for (const r of rows) {
    out.push(
      `${r.kb.toFixed(0).padStart(8)}${r.ours.toFixed(2).padStart(15)}${(r.ours / r.kb).toFixed(3).padStart(9)}${(r.parse / r.kb).toFixed(3).padStart(13)}${r.theirs.toFixed(2).padStart(17)}${(r.theirs / r.kb).toFixed(3).padStart(9)}`,
    );
  }
  if (stoppedAt !== undefined) out.push(`Stopped at ${stoppedAt / KB} KB: one analysis took over ${STOP_MS / 1000} s.`);
  out.push('');
  out.push(`ms/KB at ${(big / KB).toFixed(0)} KB is ${growth.toFixed(2)}× the median over 32–256 KB (≈1 when linear).`);
  out.push('');
  out.push(`Per rule on the ${(big / KB).toFixed(0)} KB note (parsed once; growth exponent from ${(small / KB).toFixed(0)} KB → ${(big / KB).toFixed(0)} KB, 1 = linear):`);
  for (const r of perRule) {
    out.push(`  ${r.rule.padEnd(28)}${r.ms.toFixed(2).padStart(10)} ms${r.exponent === null ? '' : `   exponent ${r.exponent.toFixed(2)}`}`);
  }
  out.push('');
  out.push(
    suspects.length
      ? `Super-linear: ${suspects.map((s) => `${s.rule} (exponent ${s.exponent})`).join(', ')}.`
      : 'No rule grows faster than linearly.',
  );
  console.log(out.join('\n'));
}

function numberAfter(flag: string, fallback: number): number {
  const argv = process.argv.slice(2);
  const at = argv.indexOf(flag);
  const value = at >= 0 ? Number(argv[at + 1]) : NaN;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const main = args.has('--cold')
  ? () => benchCold({ runs: numberAfter('--runs', quick ? 5 : 20), warmup: quick ? 1 : 3, json: asJson })
  : args.has('--scale')
    ? scale
    : perNote;
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
