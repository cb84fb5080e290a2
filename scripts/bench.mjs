// `npm run bench`: times the analyzer as it ships. The benchmark (bench/bench.ts, with the core and
// markdownlint) is bundled by esbuild into out/bench.cjs, as dist/cli.js and dist/extension.js are,
// then run by node with the given arguments. `--tsx` runs the TypeScript sources instead.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let command;
if (args.includes('--server')) {
  // note-coach-ls cold start (bench/server-coldstart.mjs), on the built dist/server.js.
  command = [process.execPath, path.join(root, 'bench', 'server-coldstart.mjs'), ...args.filter((a) => a !== '--server')];
} else if (args.includes('--tsx')) {
  command = [path.join(root, 'node_modules', '.bin', 'tsx'), path.join(root, 'bench', 'bench.ts'), ...args.filter((a) => a !== '--tsx')];
} else {
  await build({
    // bench/dictionary-load.ts: the process bench:cold starts to time one dictionary load.
    entryPoints: [path.join(root, 'bench', 'bench.ts'), path.join(root, 'bench', 'dictionary-load.ts')],
    outdir: path.join(root, 'out'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: root,
    legalComments: 'none',
  });
  command = [process.execPath, path.join(root, 'out', 'bench.cjs'), ...args];
}
const run = spawnSync(command[0], command.slice(1), { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });
if (run.error) console.error(`npm run bench: could not start ${command[0]}: ${run.error.message}`);
process.exit(run.status ?? 1);
