/** The worker dist/server.js starts before the server bundle loads (src/server/launch.ts). */
import type { Worker } from 'node:worker_threads';

export interface EarlyWorker {
  worker: Worker;
  /** Messages that arrived before the server listened. */
  messages: unknown[];
}

declare global {
  // eslint-disable-next-line no-var
  var noteCoachEarlyWorker: EarlyWorker | undefined;
}
