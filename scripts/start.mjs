// `npm start`: build, then check examples/ with the freshly built CLI and print its findings.
//
// The examples include flawed notes on purpose, so findings (CLI exit 1) are a
// success here; only a failed build, bad input (exit 2) or a crash fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Run a Node script in the project folder with inherited output; returns its exit code. */
function node(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(`npm start: could not run node ${args.join(' ')}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

function build() {
  return node(['scripts/build.mjs']);
}

function lintExamples() {
  console.log('\nChecking examples/ (some notes are flawed on purpose; see examples/README.md):\n');
  return node(['dist/cli.js', 'examples']);
}

/**
 * Build the installable extension: a production bundle, then @vscode/vsce (offline;
 * the bundle carries every dependency, so --no-dependencies), into note-coach-<version>.vsix.
 */
function packageExtension() {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const out = `note-coach-${version}.vsix`;
  console.log(`\nPackaging the VS Code extension into ${out}:`);
  const built = node(['scripts/build.mjs', '--production']);
  if (built !== 0) return built;
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const packaged = node([vsce, 'package', '--no-dependencies', '--no-update-package-json', '--no-rewrite-relative-links', '--out', out]);
  if (packaged !== 0) return packaged;
  // The development bundle (with source maps) is what the tests and `node dist/cli.js` use.
  const rebuilt = build();
  if (rebuilt !== 0) return rebuilt;
  const size = fs.statSync(path.join(root, out)).size;
  console.log(`Built ${out} (${(size / 1024).toFixed(0)} KB). Install it with: code --install-extension ${out}`);
  return 0;
}

function main() {
  const built = build();
  if (built !== 0) {
    console.error(`npm start: the build failed (exit ${built}).`);
    return built;
  }
  const linted = lintExamples();
  if (linted !== 0 && linted !== 1) {
    console.error(`npm start: the CLI failed on examples/ (exit ${linted}).`);
    return linted;
  }
  console.log(linted === 1 ? '\nThe CLI ran; the findings above are expected in the flawed examples.' : '\nThe CLI ran; no errors in examples/.');
  return packageExtension();
}

process.exitCode = main();
