/**
 * Notes hold personal data: Note Coach must never touch the network. Two checks:
 *
 * 1. In-process: the whole analysis (every rule, spelling with its dictionary
 *    loaded) on every good note and example, and the CLI's run() — text,
 *    JSON and --fix on a temporary copy — with Node's network entry points
 *    (http, https, http2, net, tls, dns, dgram, child_process, fetch,
 *    WebSocket) replaced by functions that count the call and throw.
 * 2. Static: the bundles (dist/cli.js, dist/extension.js, after
 *    `node scripts/build.mjs`) are scanned for network modules and APIs; only
 *    an allowlist, each entry with its reason, may remain.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze, fixAll, parseNote, resolveConfig, rules, type ResolvedConfig } from '../../src/core/index';
import { run } from '../../src/cli/main';
import { FIXTURES, listNotes } from '../support/fixtures';

const ROOT = path.join(__dirname, '..', '..');
const NOW = new Date(2026, 2, 2, 12, 0, 0);

// ---------------------------------------------------------------------------
// The network, made to throw

interface Patch {
  restore(): void;
}

/** Replace `owner[name]` with a function that records the call and throws; `restore()` puts it back. */
function trap(owner: Record<string, unknown> | undefined, name: string, label: string, calls: string[]): Patch | undefined {
  if (!owner || typeof owner[name] !== 'function') return undefined;
  const original = owner[name];
  const descriptor = Object.getOwnPropertyDescriptor(owner, name);
  const replacement = function (this: unknown) {
    calls.push(label);
    throw new Error(`privacy test: ${label} called; Note Coach must not use the network`);
  };
  Object.defineProperty(owner, name, { value: replacement, configurable: true, writable: true, enumerable: descriptor?.enumerable ?? true });
  return {
    restore() {
      if (descriptor) Object.defineProperty(owner, name, descriptor);
      else owner[name] = original;
    },
  };
}

/** Every way out of the process we know of. */
export function blockNetwork(): { calls: string[]; restore(): void } {
  const calls: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = (name: string) => require(name) as Record<string, unknown>;
  const patches: (Patch | undefined)[] = [];
  const each = (moduleName: string, names: string[]) => {
    const m = mod(moduleName);
    for (const n of names) patches.push(trap(m, n, `${moduleName}.${n}`, calls));
  };
  each('node:http', ['request', 'get']);
  each('node:https', ['request', 'get']);
  each('node:http2', ['connect']);
  each('node:net', ['connect', 'createConnection']);
  each('node:tls', ['connect']);
  each('node:dgram', ['createSocket']);
  each('node:dns', ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse']);
  const dnsPromises = (mod('node:dns') as { promises?: Record<string, unknown> }).promises;
  for (const n of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) patches.push(trap(dnsPromises, n, `dns.promises.${n}`, calls));
  each('node:child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
  const net = mod('node:net') as { Socket: { prototype: Record<string, unknown> } };
  patches.push(trap(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect', calls));
  const globals = globalThis as unknown as Record<string, unknown>;
  patches.push(trap(globals, 'fetch', 'fetch', calls));
  patches.push(trap(globals, 'WebSocket', 'WebSocket', calls));
  patches.push(trap(globals, 'XMLHttpRequest', 'XMLHttpRequest', calls));
  patches.push(trap(globals, 'EventSource', 'EventSource', calls));
  return {
    calls,
    restore() {
      for (const p of patches.reverse()) p?.restore();
    },
  };
}

function notesIn(dir: string): string[] {
  return listNotes(dir);
}

function configFor(dir: string): ResolvedConfig {
  const file = path.join(dir, '.notecoach.json');
  const layers = fs.existsSync(file) ? [{ source: file, value: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown }] : [];
  return resolveConfig(rules, layers).config;
}

describe('privacy: nothing reaches for the network', function () {
  this.timeout(120000);
  let guard: { calls: string[]; restore(): void } | undefined;

  const corpora = [
    { name: 'good notes', dir: path.join(FIXTURES, 'good') },
    { name: 'examples', dir: path.join(ROOT, 'examples') },
  ];

  beforeEach(() => {
    guard = blockNetwork();
  });
  afterEach(() => {
    guard?.restore();
    guard = undefined;
  });

  it('the traps work (and are removed afterwards)', async () => {
    assert.throws(() => (require('node:https') as typeof import('node:https')).get('https://example.com'), /privacy test/);
    if (typeof fetch === 'function') await assert.rejects(async () => fetch('https://example.com'), /privacy test/);
    assert.deepEqual(guard!.calls.filter((c) => c !== 'fetch'), ['node:https.get']);
    guard!.calls.length = 0;
  });

  for (const { name, dir } of corpora) {
    it(`analyses every one of the ${name} (all rules, spelling included) without a network call`, () => {
      const files = notesIn(dir);
      assert.ok(files.length > 0);
      const config = configFor(dir);
      // Every note with the others as its workspace, so the rules that compare notes run too.
      const workspace = files.map((file) => ({ file, note: parseNote(fs.readFileSync(file, 'utf8')) }));
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        analyze(text, { config, now: NOW, file, workspace: workspace.filter((w) => w.file !== file) });
        fixAll(text, (t) => analyze(t, { config, now: NOW, file }));
      }
      // The dictionary is loaded (a misspelling is caught), so spelling really ran.
      const probe = analyze('Dear Ana,\n\nThank you for the tuor of the warehouse.\n\nBest,\nSam\n', { now: NOW });
      assert.ok(probe.findings.some((f) => f.ruleId === 'spelling'), 'the spelling dictionary is loaded');
      assert.deepEqual(guard!.calls, []);
    });
  }

  it('runs the CLI (text, JSON, --fix on a temporary copy) without a network call', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-privacy-'));
    try {
      fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
      fs.cpSync(path.join(FIXTURES, 'good'), path.join(dir, 'good'), { recursive: true });
      const io = () => {
        const out = { stdout: '', stderr: '' };
        return {
          out,
          io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) }, cwd: dir, isTTY: false, env: {} },
        };
      };
      for (const argv of [['examples', 'good'], ['--format', 'json', 'examples', 'good'], ['--fix', '--format', 'json', 'examples', 'good'], ['--fix', 'examples']]) {
        const { out, io: streams } = io();
        const code = await run([...argv, '--now', NOW.toISOString()], streams);
        assert.ok([0, 1].includes(code), `note-coach ${argv.join(' ')} exited ${code}: ${out.stderr}`);
        assert.doesNotMatch(out.stderr, /privacy test/);
        if (argv.includes('json')) JSON.parse(out.stdout);
      }
      assert.deepEqual(guard!.calls, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------
// The bundles

/**
 * What may appear in a bundle, and why. Each entry: a pattern, the bundle(s)
 * it may appear in, and the reason it is harmless. Anything else that looks
 * like a network API fails the test.
 */
const ALLOWED: { pattern: RegExp; bundles: readonly string[]; reason: string }[] = [
  {
    pattern: /var net_1 = require\("net"\)/,
    bundles: ['server-main.js'],
    reason: "vscode-jsonrpc's local transports (--socket=PORT on 127.0.0.1, named pipes), which the editor chooses; note-coach-ls opens no connection itself",
  },
  {
    pattern: /var child_process_1 = require\("child_process"\)/,
    bundles: ['server-main.js'],
    reason: "vscode-languageserver's helpers that locate global node modules (never called by note-coach-ls)",
  },
  {
    pattern: /await fetch\(new URL\(`\$\{language\}\.ncdict`, base\)\)/,
    bundles: ['server-worker.browser.js'],
    reason: "the spelling dictionary, read from dictionaries/ beside the script (the extension's own files)",
  },
  {
    pattern: /await fetch\(new URL\("\.\.\/snippets\/notes\.code-snippets", here\)\)/,
    bundles: ['server.browser.js'],
    reason: "the snippet templates, read from the extension's own snippets/ folder",
  },
  {
    pattern: /import_node_worker_threads = require\("node:worker_threads"\)/,
    bundles: ['server.js', 'server-main.js', 'server-worker.js'],
    reason: 'the analysis runs in a worker thread that can be stopped when a note runs past its time limit',
  },
];

/** Network modules and APIs, as they appear in an esbuild CommonJS bundle. */
const NETWORK_APIS: { label: string; pattern: RegExp }[] = [
  { label: 'require("http")', pattern: /require\(\s*["'](?:node:)?http["']\s*\)/g },
  { label: 'require("https")', pattern: /require\(\s*["'](?:node:)?https["']\s*\)/g },
  { label: 'require("http2")', pattern: /require\(\s*["'](?:node:)?http2["']\s*\)/g },
  { label: 'require("net")', pattern: /require\(\s*["'](?:node:)?net["']\s*\)/g },
  { label: 'require("tls")', pattern: /require\(\s*["'](?:node:)?tls["']\s*\)/g },
  { label: 'require("dgram")', pattern: /require\(\s*["'](?:node:)?dgram["']\s*\)/g },
  { label: 'require("dns")', pattern: /require\(\s*["'](?:node:)?dns(?:\/promises)?["']\s*\)/g },
  { label: 'require("child_process")', pattern: /require\(\s*["'](?:node:)?child_process["']\s*\)/g },
  { label: 'require("worker_threads")', pattern: /require\(\s*["'](?:node:)?worker_threads["']\s*\)/g },
  { label: '"node:http…" / "node:net" / … (any form)', pattern: /["']node:(?:http2?|https|net|tls|dgram|dns)["']/g },
  { label: 'fetch(', pattern: /(?<![\w$.])fetch\s*\(/g },
  { label: 'XMLHttpRequest', pattern: /XMLHttpRequest/g },
  { label: 'WebSocket', pattern: /WebSocket/g },
  { label: 'EventSource', pattern: /EventSource/g },
  { label: 'navigator.sendBeacon', pattern: /sendBeacon/g },
  { label: 'an http(s):// URL being requested (axios, got, undici)', pattern: /require\(\s*["'](?:axios|got|node-fetch|undici|ws|request)["']\s*\)/g },
];

interface ScanHit {
  bundle: string;
  label: string;
  line: number;
  context: string;
  allowedBecause?: string;
}

export function scanBundle(file: string): ScanHit[] {
  const text = fs.readFileSync(file, 'utf8');
  const bundle = path.basename(file);
  const hits: ScanHit[] = [];
  for (const api of NETWORK_APIS) {
    for (const m of text.matchAll(api.pattern)) {
      const at = m.index ?? 0;
      const line = text.slice(0, at).split('\n').length;
      const context = text.slice(Math.max(0, at - 60), at + 60).replace(/\s+/g, ' ');
      const allowed = ALLOWED.find((a) => a.bundles.includes(bundle) && a.pattern.test(context));
      hits.push({ bundle, label: api.label, line, context, allowedBecause: allowed?.reason });
    }
  }
  return hits;
}

describe('privacy: the bundles hold no network API', function () {
  this.timeout(120000);
  const bundles = ['dist/cli.js', 'dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'dist/server-worker.js', 'dist/server.browser.js', 'dist/server-worker.browser.js'].map((b) => path.join(ROOT, b));

  before(function () {
    // Build fresh bundles (the build is quick); skipped only when NOTE_COACH_SKIP_BUILD is set.
    if (process.env.NOTE_COACH_SKIP_BUILD) return;
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(built.status, 0, `node scripts/build.mjs failed:\n${built.stdout}\n${built.stderr}`);
  });

  it('the scanner finds what it looks for (a planted bundle)', () => {
    const planted = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-scan-')), 'planted.js');
    try {
      fs.writeFileSync(planted, 'var a = require("https"); var b = require("node:net"); fetch("https://x"); new WebSocket("wss://x"); const t = require("tls");');
      const labels = scanBundle(planted).map((h) => h.label);
      for (const label of ['require("https")', 'require("net")', 'require("tls")', 'fetch(', 'WebSocket']) assert.ok(labels.includes(label), `${label} not found: ${labels.join(', ')}`);
    } finally {
      fs.rmSync(path.dirname(planted), { recursive: true, force: true });
    }
  });

  for (const bundle of bundles) {
    it(`${path.relative(ROOT, bundle)}: only allowlisted matches`, () => {
      assert.ok(fs.existsSync(bundle), `${bundle} is missing; run node scripts/build.mjs`);
      const hits = scanBundle(bundle);
      const modules = [...new Set([...fs.readFileSync(bundle, 'utf8').matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))].sort();
      console.log(`      ${path.basename(bundle)} requires: ${modules.join(', ')}`);
      const allowed = hits.filter((h) => h.allowedBecause);
      if (allowed.length) console.log(`      allowed in ${path.basename(bundle)}: ${allowed.map((h) => `${h.label} (line ${h.line}: ${h.allowedBecause})`).join('; ')}`);
      const forbidden = hits.filter((h) => !h.allowedBecause).map((h) => `${h.label} at line ${h.line}: …${h.context}…`);
      assert.deepEqual(forbidden, []);
    });
  }
});
