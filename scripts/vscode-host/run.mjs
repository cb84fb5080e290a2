#!/usr/bin/env node
// Runs VS Code extension integration tests inside a real VS Code extension host,
// offline: code-server (= VS Code's workbench + Node extension host) served on
// 127.0.0.1, driven by a headless Chromium from the npm registry (@sparticuz/chromium,
// unpacked into .vscode-test/chromium/ by setup.mjs) through playwright-core.
// See README.md next to this file and /work/shared/TESTING-IN-VSCODE.md.
//
// API:
//   runExtensionTests({ extensionDevelopmentPath, extensionTestsPath, workspace?, timeoutMs?, env?, ... }) -> Promise<number>
//   launchWorkbench({ workspace?, extensionDevelopmentPath?, ... }) -> Promise<{ page, baseUrl, url, browser, server, close }>
//   startCodeServer({ workspace?, env?, settings?, ... }) -> Promise<{ port, baseUrl, pid, userDataDir, logs, close }>
//
// CLI:
//   node scripts/vscode-host/run.mjs --extensionDevelopmentPath <dir> --extensionTestsPath <module>
//        [--workspace <dir>] [--timeout <ms>] [--verbose]

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';
import { ensureVSCodeHost, SetupError } from './setup.mjs';

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const SERVER_START_TIMEOUT_MS = 60_000;

/** User settings seeded into every run (merged with `settings` from the caller). */
export const DEFAULT_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.settings.enableNaturalLanguageSearch': false,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.autoDetect': 'off',
  'typescript.tsserver.experimental.enableProjectDiagnostics': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
});

// Always passed (after the npm Chromium's own `chromium.args`, see setup.mjs): no /dev/shm
// in containers, and nothing that reaches for the network (there is none here).
const CHROMIUM_ARGS = [
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-extensions',
];

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const verboseDefault = () => process.env.VSCODE_HOST_VERBOSE === '1';

function info(msg) {
  process.stderr.write(`[vscode-host] ${msg}\n`);
}

/** Environment for code-server (and thus the extension host). */
function serverEnv(extra) {
  const env = { ...process.env };
  // A VS Code terminal's IPC hook would make code-server hand off to that instance and exit.
  for (const k of Object.keys(env)) {
    if (k === 'VSCODE_IPC_HOOK_CLI' || k === 'VSCODE_IPC_HOOK' || k === 'ELECTRON_RUN_AS_NODE' || /^VSCODE_(PID|CWD|NLS_CONFIG|HANDLES_|CODE_CACHE|ESM_ENTRYPOINT|INJECT)/.test(k)) delete env[k];
    if (/^npm_/i.test(k)) delete env[k];
  }
  delete env.NODE_OPTIONS; // e.g. `--import tsx` from the caller would break Node 24's code-server
  delete env.PORT; // code-server honours $PORT over --bind-addr
  env.EXTENSIONS_GALLERY = '{}'; // no marketplace lookups (offline)
  return { ...env, ...(extra || {}) };
}

function mkTmp(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function killGroup(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {}
  }
}

// Processes started here, so a Ctrl+C / SIGTERM to the runner still cleans up.
const liveServers = new Map(); // child -> temp dir
let signalHandlersInstalled = false;
function installSignalHandlers() {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  const onSignal = (sig) => {
    cleanupAll();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', cleanupAll);
}
function cleanupAll() {
  for (const [c, tmp] of liveServers) {
    killGroup(c, 'SIGKILL');
    try {
      fs.rmSync(tmp, { recursive: true, force: true });
    } catch {}
  }
  liveServers.clear();
}

/**
 * Starts a private code-server on 127.0.0.1 with a random port, in its own process group.
 * @param {{
 *   workspace?: string,              // folder to open; undefined = no folder
 *   env?: Record<string,string>,     // extra environment for code-server / the extension host
 *   settings?: Record<string,unknown>, // extra user settings (merged over DEFAULT_SETTINGS)
 *   extraArgs?: string[],            // extra code-server arguments
 *   verbose?: boolean,               // echo code-server's own output
 * }} [opts]
 * @returns {Promise<{ port: number, baseUrl: string, pid: number, userDataDir: string, extensionsDir: string, logs: string[], close: () => Promise<void> }>}
 */
export async function startCodeServer(opts = {}) {
  const { workspace, env, settings, extraArgs = [], verbose = verboseDefault() } = opts;
  const host = await ensureVSCodeHost({ quiet: true });
  const tmp = mkTmp('vscode-host-');
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const configFile = path.join(tmp, 'config.yaml');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(configFile, '');
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...(settings || {}) }, null, 2));

  const args = [
    host.codeServerEntry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--vscode-option', 'enable-smoke-test-driver',
    ...extraArgs,
  ];
  if (workspace) args.push(path.resolve(workspace));

  const child = spawn(host.nodePath, args, {
    cwd: workspace ? path.resolve(workspace) : tmp,
    env: serverEnv({ HOME: process.env.HOME || tmp, ...(env || {}) }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: close() ends code-server and everything it spawned
  });
  installSignalHandlers();
  liveServers.set(child, tmp);

  const logs = [];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      killGroup(child, 'SIGTERM');
      const t = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(t);
    }
    // Stragglers in the group (extension host, watchers) that ignored SIGTERM.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
    liveServers.delete(child);
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };

  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not report a port within ${SERVER_START_TIMEOUT_MS / 1000} s`)), SERVER_START_TIMEOUT_MS);
    const onLine = (line) => {
      logs.push(line);
      if (verbose) process.stderr.write(`[code-server] ${line}\n`);
      const m = /HTTP server listening on https?:\/\/[^\s]*?:(\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', onLine);
    child.once('exit', (code, sig) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (code ${code}, signal ${sig}):\n${logs.slice(-30).join('\n')}`));
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  }).catch(async (e) => {
    await close();
    throw e;
  });

  return { port, baseUrl: `http://127.0.0.1:${port}`, pid: child.pid, child, userDataDir, extensionsDir, logs, close };
}

function remoteUri(port, p) {
  const abs = path.resolve(p).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://127.0.0.1:${port}${abs.startsWith('/') ? abs : `/${abs}`}`;
}

/** Builds the workbench URL (folder / empty window + payload). */
export function workbenchUrl(baseUrl, port, { workspace, extensionDevelopmentPath, extensionTestsPath, payload = [] } = {}) {
  const pl = [];
  for (const p of [].concat(extensionDevelopmentPath || [])) pl.push(['extensionDevelopmentPath', remoteUri(port, p)]);
  if (extensionTestsPath) pl.push(['extensionTestsPath', remoteUri(port, extensionTestsPath)]);
  pl.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true'], ...payload);
  const q = new URLSearchParams();
  if (workspace) q.set('folder', path.resolve(workspace));
  else q.set('ew', 'true'); // empty window: no folder open
  q.set('payload', JSON.stringify(pl));
  return `${baseUrl}/?${q.toString()}`;
}

async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch (e) {
    throw new SetupError(`playwright-core is not installed in the project (npm install): ${e.message}`);
  }
}

/**
 * Headless Chromium: the npm one from .vscode-test/chromium/ with its package's launch
 * flags and fontconfig file, or the binary in CHROMIUM_PATH (then with --disable-gpu).
 * Never a Playwright browser download.
 */
export async function launchBrowser({ headless = true, chromiumArgs = [] } = {}) {
  const host = await ensureVSCodeHost({ quiet: true });
  const { chromium } = await loadPlaywright();
  const args = [...host.chromiumArgs, ...CHROMIUM_ARGS, ...chromiumArgs];
  if (!host.chromiumArgs.length) args.push('--disable-gpu'); // CHROMIUM_PATH: no SwiftShader flags from the package
  if (isRoot()) args.push('--no-sandbox');
  return chromium.launch({
    executablePath: host.chromiumPath,
    headless,
    args: [...new Set(args)],
    env: { ...process.env, ...host.chromiumEnv },
    timeout: 60_000,
  });
}

/**
 * Starts code-server + headless Chromium and opens the workbench, for
 * Playwright-driven user-level tests (open files, press keys, screenshots).
 * @param {{
 *   workspace?: string, extensionDevelopmentPath?: string|string[], extensionTestsPath?: string,
 *   env?: Record<string,string>, settings?: Record<string,unknown>,
 *   viewport?: { width: number, height: number }, deviceScaleFactor?: number,
 *   headless?: boolean, verbose?: boolean, waitForRestored?: boolean,
 *   onLog?: (level: string, message: unknown[]) => void, // raw [format, ...args]; see formatLogArgs
 *   onExit?: (code: number) => void,
 * }} [opts]
 * @returns {Promise<{ page: import('playwright-core').Page, browser: import('playwright-core').Browser, baseUrl: string, url: string, server: Awaited<ReturnType<typeof startCodeServer>>, close: () => Promise<void> }>}
 */
export async function launchWorkbench(opts = {}) {
  const {
    workspace,
    extensionDevelopmentPath,
    extensionTestsPath,
    viewport = { width: 1280, height: 800 },
    deviceScaleFactor = 1,
    headless = true,
    waitForRestored = !extensionTestsPath,
    onLog,
    onExit,
  } = opts;
  const server = await startCodeServer(opts);
  let browser;
  const close = async () => {
    try {
      if (browser) await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 5000))]);
    } catch {}
    await server.close();
  };
  try {
    browser = await launchBrowser(opts);
    const context = await browser.newContext({ viewport, deviceScaleFactor });
    const page = await context.newPage();
    await page.exposeFunction('codeAutomationLog', (level, message) => onLog?.(String(level), message));
    await page.exposeFunction('codeAutomationExit', (code) => onExit?.(Number(code)));
    const url = workbenchUrl(server.baseUrl, server.port, { workspace, extensionDevelopmentPath, extensionTestsPath });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    if (waitForRestored) await waitForWorkbench(page);
    return { page, browser, baseUrl: server.baseUrl, url, server, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Waits until the workbench has restored (via the smoke-test driver), then for the editor area. */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.waitForFunction(() => typeof window.driver?.whenWorkbenchRestored === 'function', null, { timeout: timeoutMs });
  await page.evaluate(() => window.driver.whenWorkbenchRestored());
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: timeoutMs });
}

/**
 * Runs an extension's integration tests in the extension host and resolves
 * with the exit code the extension host reported (0 = all passed).
 * Never rejects for test failures; rejects only if the host cannot be set up.
 * @param {{
 *   extensionDevelopmentPath: string | string[], // folder(s) with the extension's package.json
 *   extensionTestsPath: string,                 // module whose run() runs the tests
 *   workspace?: string,                         // folder to open; undefined = no folder open
 *   timeoutMs?: number,                         // whole run, default 5 min; on timeout resolves 124
 *   env?: Record<string,string>,                // extra environment for the extension host
 *   settings?: Record<string,unknown>,          // extra user settings
 *   verbose?: boolean,                          // also print workbench/code-server log lines
 * }} opts
 * @returns {Promise<number>}
 */
export async function runExtensionTests(opts) {
  const { extensionDevelopmentPath, extensionTestsPath, timeoutMs = DEFAULT_TIMEOUT_MS, verbose = verboseDefault() } = opts || {};
  if (!extensionDevelopmentPath || !extensionTestsPath) throw new TypeError('runExtensionTests: extensionDevelopmentPath and extensionTestsPath are required');
  for (const p of [].concat(extensionDevelopmentPath)) {
    if (!fs.existsSync(path.join(p, 'package.json'))) throw new TypeError(`runExtensionTests: no package.json in ${p}`);
  }
  if (opts.workspace && !fs.statSync(opts.workspace, { throwIfNoEntry: false })?.isDirectory()) {
    throw new TypeError(`runExtensionTests: workspace ${opts.workspace} is not a folder`);
  }

  const t0 = Date.now();
  let finish;
  const done = new Promise((r) => (finish = r));
  const onExit = (code) => finish({ code: Number.isInteger(code) ? code : 1, why: 'exit' });
  const onLog = (level, message) => printLog(level, message, verbose);

  let wb;
  const timer = setTimeout(() => finish({ code: 124, why: 'timeout' }), timeoutMs);
  try {
    wb = await launchWorkbench({ ...opts, waitForRestored: false, onExit, onLog });
    info(`code-server ${wb.baseUrl} + Chromium started (${((Date.now() - t0) / 1000).toFixed(1)} s); running ${extensionTestsPath}`);
    wb.page.on('crash', () => finish({ code: 1, why: 'page crashed' }));
    wb.page.on('pageerror', (e) => verbose && info(`page error: ${e.message}`));
    wb.server.child.once('exit', (c, s) => finish({ code: 1, why: `code-server exited (code ${c}, signal ${s})` }));
    const { code, why } = await done;
    if (why === 'timeout') info(`TIMEOUT: tests did not finish within ${timeoutMs / 1000} s`);
    else if (why !== 'exit') info(`FAILED: ${why}`);
    if (why !== 'exit' && wb) {
      info('last code-server output:');
      for (const l of wb.server.logs.slice(-20)) process.stderr.write(`  ${l}\n`);
    }
    info(`exit code ${code} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return code;
  } catch (e) {
    if (e instanceof SetupError) throw e;
    info(`FAILED to run tests: ${e?.stack || e}`);
    return 1;
  } finally {
    clearTimeout(timer);
    await wb?.close();
  }
}

// In extension-test mode the workbench logs every extension-host console call
// through its log service, which the smoke-test driver hands to
// window.codeAutomationLog(level, [format, ...args]). The same channel carries
// the workbench's own log lines; the known chatter is kept for --verbose.
const WORKBENCH_CHATTER = [
  /^Resolving connection token/,
  /^Resolved connection token/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^Ignoring fetching additional builtin extensions/,
  /^\[Service Worker\]/,
  /^\[AgentHost/,
  /^\[AccountPolicyGate\]/,
  /^\[driver\]/,
  /^Updating additional builtin extensions cache/,
  /^Canceled: Canceled/, // extension hosts being stopped after the tests
];

export function formatLogArgs(message) {
  if (Array.isArray(message)) {
    const [first, ...rest] = message;
    return typeof first === 'string' ? format(first.replace(/%c/g, ''), ...rest) : format(first, ...rest);
  }
  return typeof message === 'string' ? message : format(message);
}

function printLog(level, message, verbose) {
  const text = formatLogArgs(message);
  const chatter = WORKBENCH_CHATTER.some((re) => re.test(text));
  if (chatter) {
    if (verbose) process.stderr.write(`[workbench ${level}] ${text}\n`);
    return;
  }
  if (level === 'error' || level === 'warn') process.stderr.write(`${text}\n`);
  else if (level === 'info' || verbose) process.stdout.write(`${text}\n`);
}

// ---------------------------------------------------------------- CLI

async function main() {
  const { values } = parseArgs({
    options: {
      extensionDevelopmentPath: { type: 'string', multiple: true },
      extensionTestsPath: { type: 'string' },
      workspace: { type: 'string' },
      timeout: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.extensionDevelopmentPath || !values.extensionTestsPath) {
    process.stderr.write(
      'usage: node scripts/vscode-host/run.mjs --extensionDevelopmentPath <dir> --extensionTestsPath <module> [--workspace <dir>] [--timeout <ms>] [--verbose]\n',
    );
    process.exit(values.help ? 0 : 2);
  }
  await ensureVSCodeHost();
  const code = await runExtensionTests({
    extensionDevelopmentPath: values.extensionDevelopmentPath.map((p) => path.resolve(p)),
    extensionTestsPath: path.resolve(values.extensionTestsPath),
    workspace: values.workspace ? path.resolve(values.workspace) : undefined,
    timeoutMs: values.timeout ? Number(values.timeout) : undefined,
    verbose: values.verbose || undefined,
  });
  process.exit(code);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`\n[vscode-host] ${e instanceof SetupError ? `SETUP FAILED: ${e.message}` : e?.stack || e}\n`);
    process.stderr.write('[vscode-host] No VS Code extension host is available; the integration tests cannot run.\n');
    process.exit(1);
  });
}
