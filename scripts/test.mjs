// `npm test`: type-check, build, unit tests (mocha, in Node), then the integration
// suites inside a real VS Code extension host (code-server, set up on first use in
// .vscode-test/), then a user-level smoke test that drives the real workbench UI, then
// note-coach-ls in a headless Neovim (Debian's neovim, installed on first use) and its browser
// build in a Web Worker of the same Chromium.
// Fails loudly — never skips — when no editor can be had.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = (name) => args.length === 0 || args.includes(name);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

// Counts from every mocha run (unit, integration), for one closing line.
const totals = { passed: 0, failed: 0, pending: 0 };
function count(text) {
  for (const [key, word] of [['passed', 'passing'], ['failed', 'failing'], ['pending', 'pending']]) {
    for (const m of text.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))) totals[key] += Number(m[1]);
  }
}
/** Echo what a step prints and count its tests. */
function teeAndCount(run) {
  const write = process.stdout.write.bind(process.stdout);
  let buffer = '';
  process.stdout.write = (chunk, ...rest) => {
    buffer += String(chunk);
    return write(chunk, ...rest);
  };
  const restore = () => {
    process.stdout.write = write;
    count(buffer.replace(/\u001b\[[0-9;]*m/g, ''));
  };
  return run().finally(restore);
}
function summary() {
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.pending ? `, ${totals.pending} skipped` : ''}`);
}

function step(title, command, commandArgs) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: ['inherit', 'pipe', 'inherit'], env: process.env, maxBuffer: 256 * 1024 * 1024 });
  const out = result.stdout?.toString() ?? '';
  process.stdout.write(out);
  count(out.replace(/\u001b\[[0-9;]*m/g, ''));
  if (result.status !== 0) {
    summary();
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

if (only('unit')) {
  step('Type-check', bin('tsc'), ['--noEmit', '-p', '.']);
  step('Unit tests', bin('mocha'), []);
}

if (only('integration') || only('smoke')) {
  step('Build extension and test bundle', process.execPath, ['scripts/build.mjs', '--tests']);
  // Desktop VS Code through @vscode/test-electron where it can be downloaded (and shown);
  // otherwise the same suites in code-server's real extension host, set up offline.
  const electron = only('integration') ? await desktopVSCode() : undefined;
  let runExtensionTests;
  if (electron) {
    runExtensionTests = electron;
  } else {
    const { ensureVSCodeHost } = await import('./vscode-host/setup.mjs');
    console.log('\n▶ VS Code test host (code-server; installed into .vscode-test/ on first use)');
    try {
      await ensureVSCodeHost({ quiet: false });
    } catch (error) {
      console.error(`\n✖ No VS Code could be set up for the integration tests: ${error.message}`);
      process.exit(1);
    }
    ({ runExtensionTests } = await import('./vscode-host/run.mjs'));
  }
  const testsPath = path.join(root, 'out/test/integration/index.js');
  const suites = [
    ['workspace', 'Integration tests in a real VS Code (workspace folder open)', true],
    ['nofolder', 'Integration tests in a real VS Code (no folder open)', false],
  ];
  if (only('integration')) {
    for (const [name, title, withFolder] of suites) {
      console.log(`\n▶ ${title}`);
      const started = Date.now();
      let workspace;
      if (withFolder) {
        workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-ws-'));
        fs.cpSync(path.join(root, 'test/integration/workspace'), workspace, { recursive: true });
      }
      const code = await teeAndCount(() =>
        runExtensionTests({
          extensionDevelopmentPath: root,
          extensionTestsPath: testsPath,
          workspace,
          timeoutMs: 300000,
          env: { NOTE_COACH_SUITES: name },
        }),
      );
      if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
      if (code !== 0) {
        if (totals.failed === 0) totals.failed = 1;
        summary();
        console.error(`\n✖ ${title} failed (exit ${code}).`);
        process.exit(code || 1);
      }
      console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  if (only('smoke')) {
    step('User-level smoke test (workbench UI in Chromium)', process.execPath, ['test/smoke/ui.mjs']);
    totals.passed += 1;
  }
}
if (only('neovim') || only('web')) {
  if (!only('integration') && !only('smoke')) step('Build', process.execPath, ['scripts/build.mjs']);
}
if (only('neovim')) {
  // The language server as another editor starts it: Debian's Neovim (installed on first use, as root).
  step('Neovim end-to-end (note-coach-ls in headless Neovim)', process.execPath, ['test/e2e/neovim.mjs']);
  totals.passed += 1;
}
if (only('web')) {
  // The browser build: note-coach-ls in a Web Worker of the test Chromium, driven over postMessage.
  step('note-coach-ls in a browser Web Worker (headless Chromium)', process.execPath, ['test/e2e/web-worker.mjs']);
  totals.passed += 1;
}
console.log('\nAll tests passed.');
summary();

/**
 * A runner on desktop VS Code when one can be downloaded (cached in .vscode-test/ by
 * @vscode/test-electron) and displayed; undefined otherwise, with the reason printed.
 * NOTE_COACH_TEST_HOST=code-server skips the attempt.
 */
async function desktopVSCode() {
  if (process.env.NOTE_COACH_TEST_HOST === 'code-server') return undefined;
  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ cachePath: path.join(root, '.vscode-test') });
  } catch (error) {
    console.log(`\nDesktop VS Code can't be downloaded here (${String(error.message).split('\n')[0]}); using code-server's extension host instead.`);
    return undefined;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    console.log('\nDesktop VS Code was downloaded, but there is no display (DISPLAY is unset; run under xvfb-run to use it); using code-server instead.');
    return undefined;
  }
  console.log(`\n▶ VS Code test host: desktop VS Code (${vscodeExecutablePath})`);
  return async ({ extensionDevelopmentPath, extensionTestsPath, workspace, env }) => {
    try {
      return await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath,
        extensionTestsPath,
        extensionTestsEnv: env,
        launchArgs: [...(workspace ? [workspace] : []), '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      });
    } catch (error) {
      console.error(String(error?.message ?? error));
      return 1;
    }
  };
}
