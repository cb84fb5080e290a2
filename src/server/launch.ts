/**
 * dist/server.js, the `note-coach-ls` command: starts the analysis worker
 * first, so that it loads the analyzer while this thread loads the LSP side
 * (dist/server-main.js) and answers `initialize`. Its messages are kept until
 * the server takes the worker over (`takeEarlyWorker`).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

import type { EarlyWorker } from './launch-types';

const args = process.argv.slice(2);
if (!args.some((a) => ['--help', '-h', '--version', '-v'].includes(a))) {
  const worker = new Worker(path.join(__dirname, 'server-worker.js'));
  worker.unref();
  const early: EarlyWorker = { worker, messages: [] };
  worker.on('message', (message) => early.messages.push(message));
  globalThis.noteCoachEarlyWorker = early;
}
(require('./server-main.js') as { main(argv: readonly string[]): void }).main(args);
