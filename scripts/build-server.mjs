// The language server's bundles: note-coach-ls (Node: stdio, IPC; browser: a Web Worker) and
// its analysis worker for each.
// Used by build.mjs (into dist/) and by the unit tests (into a scratch folder).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The server's main thread only finds files and talks LSP; the analyzer runs in the worker.
 * Its bundle may import constants from the core, but none of the rules: the core's modules
 * are marked free of side effects there, so whatever is not used is left out.
 */
const coreWithoutSideEffects = {
  name: 'core-without-side-effects',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === 'core') return undefined;
      const result = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'core' });
      if (result.errors.length || !result.path.startsWith(path.join(root, 'src', 'core') + path.sep)) return undefined;
      return { path: result.path, sideEffects: false };
    });
  },
};

/** esbuild jobs writing `server.js` and `server-worker.js` into `outdir`. */
export function serverBuilds(options, outdir) {
  const common = { bundle: true, logLevel: 'warning', absWorkingDir: root, legalComments: 'none', ...options };
  const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };
  // `worker`: packages with a DOM-only browser build (decode-named-character-reference) pick their worker-safe one.
  const browser = { ...common, platform: 'browser', format: 'iife', target: 'es2022', conditions: ['worker'] };
  return [
    // server.js starts the analysis worker, then loads server-main.js (the LSP side) while the worker loads.
    build({ ...node, entryPoints: ['src/server/launch.ts'], outfile: path.join(outdir, 'server.js'), banner: { js: '#!/usr/bin/env node' }, external: ['./server-main.js'] }),
    build({ ...node, entryPoints: ['src/server/node.ts'], outfile: path.join(outdir, 'server-main.js'), plugins: [coreWithoutSideEffects] }),
    build({ ...node, entryPoints: ['src/server/worker.node.ts'], outfile: path.join(outdir, 'server-worker.js') }),
    // The same in a browser: the server in a Web Worker, the analysis in a nested one.
    build({ ...browser, entryPoints: ['src/server/browser.ts'], outfile: path.join(outdir, 'server.browser.js'), plugins: [coreWithoutSideEffects] }),
    build({ ...browser, entryPoints: ['src/server/worker.browser.ts'], outfile: path.join(outdir, 'server-worker.browser.js') }),
  ];
}
