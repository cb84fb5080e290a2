// Bundles the CLI (and the extension, when present) with esbuild. `vscode` stays external.
// The core is also bundled for the browser, which fails the build if it ever imports a Node module.
import { build } from 'esbuild';
import { serverBuilds } from './build-server.mjs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

const jobs = [
  build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // note-coach-ls and its analysis worker (worker_threads), for any LSP editor.
  ...serverBuilds(common, path.join(root, 'dist')),
  build({
    ...common,
    entryPoints: ['src/core/index.ts'],
    outfile: 'out/core.browser.js',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
  }),
];
if (fs.existsSync(path.join(root, 'src/vscode/extension.ts'))) {
  jobs.push(
    build({
      ...common,
      entryPoints: ['src/vscode/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
    }),
  );
}
if (process.argv.includes('--tests') && fs.existsSync(path.join(root, 'test/integration/index.ts'))) {
  jobs.push(
    build({
      ...common,
      minify: false,
      entryPoints: ['test/integration/index.ts'],
      outfile: 'out/test/integration/index.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode', 'mocha'],
    }),
  );
}
await Promise.all(jobs);
fs.chmodSync(path.join(root, 'dist/server.js'), 0o755);

// --- Spelling dictionaries -------------------------------------------------
// The Hunspell files are compiled once here into dist/dictionaries/<language>.ncdict (a packed
// trie that opens in milliseconds; see src/core/spelling/compiled.ts). The compiler is bundled
// like the CLI and skips a dictionary whose inputs did not change.
await build({
  ...common,
  sourcemap: false,
  minify: false,
  entryPoints: ['scripts/compile-dictionaries.ts'],
  outfile: 'out/compile-dictionaries.cjs',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
});
const compiled = spawnSync(process.execPath, [path.join(root, 'out/compile-dictionaries.cjs'), 'dist/dictionaries'], { stdio: 'inherit', cwd: root });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
// ---------------------------------------------------------------------------

fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);
console.log(`Built ${jobs.length - 1} bundle(s) into dist/ (core checked for the browser).`);
