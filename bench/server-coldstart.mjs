// `npm run bench -- --server`: cold start of note-coach-ls as shipped (dist/server.js), over stdio.
// Each round starts a fresh server, initializes it, opens one example note and times
//   - start → initialize answered;
//   - didOpen (sent right after initialize) → first publishDiagnostics: the editor opening a note
//     the moment the server is up;
//   - the same for a second note opened once the worker is warm (note-coach-ls/status ready).
// `--rounds N` (default 10). Needs `npm run build` first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 10;
const server = path.join(root, 'dist', 'server.js');
if (!fs.existsSync(server)) {
  console.error('dist/server.js is missing: run npm run build first.');
  process.exit(1);
}
const examples = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.note.md')).sort();

async function round(i) {
  const started = performance.now();
  const child = spawn(process.execPath, [server, '--stdio'], { cwd: os.tmpdir(), stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const firsts = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    if (!firsts.has(p.uri)) firsts.get(`wait:${p.uri}`)?.(performance.now());
  });
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const until = (uri) => new Promise((resolve) => firsts.set(`wait:${uri}`, (at) => { firsts.set(uri, at); resolve(at); }));
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  const initializeMs = performance.now() - started;
  await connection.sendNotification('initialized', {});
  const open = async (name) => {
    const uri = pathToFileURL(path.join(root, 'examples', name)).href;
    const arrived = until(uri);
    const sent = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(path.join(root, 'examples', name), 'utf8') } });
    return (await arrived) - sent;
  };
  const coldMs = await open(examples[i % examples.length]);
  while (!(await connection.sendRequest('note-coach-ls/status'))?.ready) await new Promise((r) => setTimeout(r, 20));
  const warmMs = await open(examples[(i + 1) % examples.length]);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  return { initializeMs, coldMs, warmMs };
}

const results = [];
for (let i = 0; i < rounds; i++) results.push(await round(i));
const stat = (key) => {
  const v = results.map((r) => r[key]).sort((a, b) => a - b);
  const q = (p) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
  return `p50 ${q(0.5).toFixed(0).padStart(5)} ms   p90 ${q(0.9).toFixed(0).padStart(5)} ms   min ${v[0].toFixed(0).padStart(5)} ms`;
};
console.log(`note-coach-ls cold start, ${rounds} rounds (${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
console.log(`  start → initialize answered              ${stat('initializeMs')}`);
console.log(`  didOpen → first diagnostics (cold)       ${stat('coldMs')}`);
console.log(`  didOpen → first diagnostics (2nd note)   ${stat('warmMs')}`);
