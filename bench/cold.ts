/**
 * `npm run bench:cold` (`npm run bench -- --cold`): the CLI as a whole process
 * next to markdownlint-cli2 on the same files (examples/*.note.md), the way
 * hyperfine measures commands: a few warm-up runs, then rounds in which each
 * command runs once, in alternating order, so a busy machine slows both alike.
 *
 * Each run is a fresh `node` process. A preloaded probe records the process's
 * own CPU time and peak memory (process.resourceUsage) at exit; the wall time
 * is measured from outside. Also timed: opening the compiled en-US dictionary
 * in fresh processes that load nothing else (bench/dictionary-load.ts).
 *
 *   npm run bench:cold                     20 rounds
 *   npm run bench:cold -- --runs 40        more rounds
 *   npm run bench:cold -- --json           one JSON object
 *
 * Needs `npm run build` first (it runs dist/cli.js, the CLI as it ships).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile } from './workspace';

const root = path.join(__dirname, '..');

export interface ColdOptions {
  runs: number;
  warmup: number;
  json: boolean;
}

interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

interface Summary {
  command: string;
  runs: number;
  wall: { meanMs: number; sdMs: number; p50Ms: number; minMs: number; maxMs: number };
  cpu: { p50Ms: number; meanMs: number };
  maxRssMb: { p50: number; max: number };
}

// Written to a temporary file and preloaded with --require into every measured process.
const PROBE = `'use strict';
process.on('exit', () => {
  const u = process.resourceUsage();
  require('node:fs').writeFileSync(process.env.NOTE_COACH_BENCH_PROBE, JSON.stringify({ user: u.userCPUTime, system: u.systemCPUTime, maxRSS: u.maxRSS }));
});
`;

function runOnce(args: string[], probeFile: string, outFile: string): Run {
  fs.rmSync(outFile, { force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', probeFile, ...args], {
    cwd: root,
    env: { ...process.env, NOTE_COACH_BENCH_PROBE: outFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wallMs = performance.now() - started;
  // Both tools exit 1 when they find problems; anything else means the run is not a fair sample.
  if (result.error || (result.status !== 0 && result.status !== 1) || !fs.existsSync(outFile)) {
    throw new Error(`${args.map((a) => path.relative(root, a) || a).join(' ')} failed (exit ${result.status}): ${result.error?.message ?? result.stderr.slice(0, 500)}`);
  }
  const usage = JSON.parse(fs.readFileSync(outFile, 'utf8')) as { user: number; system: number; maxRSS: number };
  return { wallMs, cpuMs: (usage.user + usage.system) / 1000, maxRssMb: usage.maxRSS / 1024 };
}

function summarize(command: string, runs: Run[]): Summary {
  const walls = runs.map((r) => r.wallMs).sort((a, b) => a - b);
  const mean = walls.reduce((s, x) => s + x, 0) / walls.length;
  const sd = Math.sqrt(walls.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, walls.length - 1));
  const cpus = runs.map((r) => r.cpuMs).sort((a, b) => a - b);
  const rss = runs.map((r) => r.maxRssMb).sort((a, b) => a - b);
  const r1 = (n: number) => Number(n.toFixed(1));
  return {
    command,
    runs: runs.length,
    wall: { meanMs: r1(mean), sdMs: r1(sd), p50Ms: r1(percentile(walls, 50)), minMs: r1(walls[0]), maxMs: r1(walls[walls.length - 1]) },
    cpu: { p50Ms: r1(percentile(cpus, 50)), meanMs: r1(cpus.reduce((s, x) => s + x, 0) / cpus.length) },
    maxRssMb: { p50: r1(percentile(rss, 50)), max: r1(rss[rss.length - 1]) },
  };
}

/** Opening the compiled en-US dictionary in fresh processes that load nothing else (bench/dictionary-load.ts). */
function dictionaryLoads(times: number): { wallMs: number[]; cpuMs: number[] } {
  // Next to the running benchmark: out/dictionary-load.cjs beside out/bench.cjs, or the source under tsx.
  const bundled = path.join(path.dirname(process.argv[1]), 'dictionary-load.cjs');
  const args = fs.existsSync(bundled) ? [bundled] : [...process.execArgv, path.join(__dirname, 'dictionary-load.ts')];
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < times; i++) {
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    let sample: { wallMs: number; cpuMs: number } | undefined;
    try {
      sample = JSON.parse(result.stdout) as { wallMs: number; cpuMs: number };
    } catch {
      sample = undefined;
    }
    if (result.status !== 0 || !sample) throw new Error(`the dictionary load process failed: ${result.stderr.slice(0, 500)}`);
    wallMs.push(sample.wallMs);
    cpuMs.push(sample.cpuMs);
  }
  return { wallMs: wallMs.sort((a, b) => a - b), cpuMs: cpuMs.sort((a, b) => a - b) };
}

export async function benchCold(options: ColdOptions): Promise<void> {
  const cli = path.join(root, 'dist', 'cli.js');
  const dictionary = path.join(root, 'dist', 'dictionaries', 'en-US.ncdict');
  if (!fs.existsSync(cli) || !fs.existsSync(dictionary)) throw new Error('dist/cli.js or dist/dictionaries is missing: run npm run build first.');
  const markdownlintCli2 = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  if (!fs.existsSync(markdownlintCli2)) throw new Error('markdownlint-cli2 is not installed: run npm install.');
  const files = fs
    .readdirSync(path.join(root, 'examples'))
    .filter((f) => f.endsWith('.note.md'))
    .sort()
    .map((f) => `examples/${f}`);
  const commands: Record<string, string[]> = {
    'note-coach': [cli, ...files],
    'markdownlint-cli2': [markdownlintCli2, ...files],
  };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nc-bench-cold-'));
  try {
    const probe = path.join(tmp, 'probe.cjs');
    fs.writeFileSync(probe, PROBE);
    const out = path.join(tmp, 'usage.json');
    const names = Object.keys(commands);
    for (let i = 0; i < options.warmup; i++) for (const name of names) runOnce(commands[name], probe, out);
    const runs: Record<string, Run[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let round = 0; round < options.runs; round++) {
      const order = round % 2 === 0 ? names : [...names].reverse();
      for (const name of order) runs[name].push(runOnce(commands[name], probe, out));
    }
    const summaries = names.map((n) => summarize(n, runs[n]));
    const [ours, theirs] = summaries;
    const loads = dictionaryLoads(Math.max(5, Math.round(options.runs / 2)));
    const result = {
      files: files.length,
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
      commands: summaries,
      ratio: {
        wallP50: Number((ours.wall.p50Ms / theirs.wall.p50Ms).toFixed(3)),
        wallMean: Number((ours.wall.meanMs / theirs.wall.meanMs).toFixed(3)),
        cpuP50: Number((ours.cpu.p50Ms / theirs.cpu.p50Ms).toFixed(3)),
      },
      dictionaryLoad: {
        wallP50Ms: Number(percentile(loads.wallMs, 50).toFixed(2)),
        wallMaxMs: Number(loads.wallMs[loads.wallMs.length - 1].toFixed(2)),
        cpuP50Ms: Number(percentile(loads.cpuMs, 50).toFixed(2)),
        processes: loads.wallMs.length,
      },
      cliBundleKb: Math.round(fs.statSync(cli).size / 1024),
    };
    if (options.json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    const lines = [
      `Cold start: each command as a fresh process on ${files.length} notes in examples/ (${options.runs} rounds, ${options.warmup} warm-up; node ${process.version}, ${result.cpus} CPUs, load ${result.loadAverage.join(' ')})`,
      '',
      `${'command'.padEnd(20)}${'wall mean ± sd'.padStart(18)}${'p50'.padStart(10)}${'min'.padStart(10)}${'max'.padStart(10)}${'CPU p50'.padStart(10)}${'max RSS'.padStart(10)}`,
      ...summaries.map(
        (s) =>
          `${s.command.padEnd(20)}${`${s.wall.meanMs.toFixed(0)} ± ${s.wall.sdMs.toFixed(0)} ms`.padStart(18)}${`${s.wall.p50Ms.toFixed(0)} ms`.padStart(10)}${`${s.wall.minMs.toFixed(0)} ms`.padStart(10)}${`${s.wall.maxMs.toFixed(0)} ms`.padStart(10)}${`${s.cpu.p50Ms.toFixed(0)} ms`.padStart(10)}${`${s.maxRssMb.max.toFixed(0)} MB`.padStart(10)}`,
      ),
      '',
      `note-coach / markdownlint-cli2: wall p50 ${result.ratio.wallP50.toFixed(2)}x, wall mean ${result.ratio.wallMean.toFixed(2)}x, CPU p50 ${result.ratio.cpuP50.toFixed(2)}x`,
      `Compiled en-US dictionary, opened in a fresh process: p50 ${result.dictionaryLoad.wallP50Ms.toFixed(1)} ms (max ${result.dictionaryLoad.wallMaxMs.toFixed(1)} ms), CPU p50 ${result.dictionaryLoad.cpuP50Ms.toFixed(1)} ms (${result.dictionaryLoad.processes} processes)`,
      `dist/cli.js: ${result.cliBundleKb} KB`,
    ];
    console.log(lines.join('\n'));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
