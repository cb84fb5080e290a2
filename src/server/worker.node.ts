/** The analysis worker in Node (worker_threads): the shipped dictionaries, then requests from the server's main thread. */
import { parentPort } from 'node:worker_threads';
import { createNodeDictionaryLoader } from '../node/dictionary';
import { AnalysisWorker } from './analysis';
import type { WorkerEnvelope } from './protocol';

if (!parentPort) throw new Error('server-worker.js runs inside note-coach-ls, not on its own.');
const port = parentPort;
const worker = new AnalysisWorker((reply) => port.postMessage(reply), createNodeDictionaryLoader());
port.on('message', (envelope: WorkerEnvelope) => void worker.handle(envelope));
worker.warmUp();
