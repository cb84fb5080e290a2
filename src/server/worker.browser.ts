/**
 * The analysis worker in a browser (a Web Worker started by the server's own
 * worker): the compiled dictionaries are fetched from `dictionaries/` beside
 * this script (the extension's own files, never a web service).
 */
import { AnalysisWorker } from './analysis';
import type { WorkerEnvelope } from './protocol';

declare const self: { location: { href: string }; postMessage(message: unknown): void; addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void };

const base = new URL('dictionaries/', self.location.href);
const worker = new AnalysisWorker((reply) => self.postMessage(reply), async (language) => {
  // The dictionary compiled at build time (scripts/compile-dictionaries.ts): one file, opened without parsing.
  const response = await fetch(new URL(`${language}.ncdict`, base));
  if (!response.ok) throw new Error(`The ${language} spelling dictionary could not be read (${response.status}).`);
  return { compiled: await response.arrayBuffer() };
});
self.addEventListener('message', (event) => void worker.handle(event.data as WorkerEnvelope));
worker.warmUp();
