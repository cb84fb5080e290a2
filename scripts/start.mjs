// `npm start`: build, then check examples/ with the freshly built CLI and print its findings.
//
// The examples include flawed notes on purpose, so findings (CLI exit 1) are a
// success here; only a failed build, bad input (exit 2) or a crash fails.
import { spawnSync } from 'node:child_process';
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

/** Packaging the VS Code extension (.vsix) goes here; not part of `npm start` yet. */
function packageExtension() {
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
