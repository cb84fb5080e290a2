// The browser build of note-coach-ls, tested directly: headless Chromium (the npm one that
// scripts/vscode-host sets up) loads dist/server.browser.js as a Web Worker from a local
// 127.0.0.1 server, and the page speaks LSP to it over postMessage, answering the server's
// requests as the VS Code client would (settings, reading .notecoach.json and other notes).
// Checks: diagnostics for an open note, a spelling finding (the dictionary fetched from
// dist/dictionaries/ by the nested analysis worker), a cross-note finding, a quick fix.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../scripts/vscode-host/run.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
for (const f of ['dist/server.browser.js', 'dist/server-worker.browser.js', 'dist/dictionaries/en-US.ncdict']) {
  if (!fs.existsSync(path.join(root, f))) {
    console.error(`${f} is missing: run npm run build first.`);
    process.exit(1);
  }
}
const types = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>note-coach-ls web</title>');
    return;
  }
  const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
  if (!file.startsWith(path.join(root, 'dist')) && !file.startsWith(path.join(root, 'snippets'))) return void res.writeHead(404).end();
  fs.readFile(file, (error, data) => (error ? res.writeHead(404).end() : res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(data)));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const FRONT = (to, company) => `---\nto: ${to}\ncompany: ${company}\nrole: Routing Analyst\nsubject: Routing Analyst interview\n---\n\n`;
const notes = {
  'vscode-vfs://github/sam/notes/ana.note.md':
    FRONT('Ana Ruiz', 'Fernleaf Logistics') +
    'Dear Ana,\n\nThank you for showing me the routing dashbord on Thursday and for the time you spent on my questions about Harbor Analytics.\n\nI remain very interested in the Routing Analyst role.\n\nBest regards,\nSam Patel\n',
  'vscode-vfs://github/sam/notes/maria.note.md':
    FRONT('Maria Chen', 'Harbor Analytics') + 'Dear Maria,\n\nThank you for the talk about the churn dashboard.\n\nI remain very interested in the role at Harbor Analytics.\n\nBest regards,\nSam Patel\n',
};

const browser = await launchBrowser();
let failed = false;
try {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  const result = await page.evaluate(
    async ({ workerUrl, notes }) => {
      const worker = new Worker(workerUrl);
      let nextId = 1;
      const pending = new Map();
      const published = [];
      const log = [];
      const send = (message) => worker.postMessage({ jsonrpc: '2.0', ...message });
      const request = (method, params) =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          send({ id, method, params });
        });
      const answers = {
        'workspace/configuration': (p) => p.items.map(() => ({})),
        'client/registerCapability': () => null,
        'note-coach-ls/readFile': (p) => notes[p.uri] ?? null,
        'note-coach-ls/findNotes': () => Object.keys(notes),
      };
      worker.addEventListener('message', ({ data }) => {
        if (data.id !== undefined && data.method === undefined) {
          const waiter = pending.get(data.id);
          pending.delete(data.id);
          if (data.error) waiter?.reject(new Error(data.error.message));
          else waiter?.resolve(data.result);
        } else if (data.method && data.id !== undefined) {
          const answer = answers[data.method];
          send({ id: data.id, result: answer ? answer(data.params) : null });
        } else if (data.method === 'textDocument/publishDiagnostics') {
          published.push(data.params);
        } else if (data.method === 'window/logMessage') log.push(data.params.message);
      });
      const until = async (test, ms = 60000) => {
        const end = Date.now() + ms;
        while (Date.now() < end) {
          const hit = published.find(test);
          if (hit) return hit;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error(`timed out; published ${JSON.stringify(published.map((p) => [p.uri, p.diagnostics.map((d) => d.code)]))}; log ${log.join(' | ')}`);
      };
      const folder = 'vscode-vfs://github/sam/notes';
      await request('initialize', { processId: null, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'notes' }], capabilities: { workspace: { configuration: true } } });
      send({ method: 'initialized', params: {} });
      const uri = 'vscode-vfs://github/sam/notes/ana.note.md';
      send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: notes[uri] } } });
      const codes = (p) => p.diagnostics.map((d) => d.code);
      const first = await until((p) => p.uri === uri);
      const spelling = await until((p) => p.uri === uri && codes(p).includes('spelling'));
      const crossNote = await until((p) => p.uri === uri && codes(p).includes('no-wrong-company'));
      const target = crossNote.diagnostics.find((d) => d.code === 'no-wrong-company');
      const actions = await request('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target], only: ['quickfix'] } });
      await request('shutdown');
      send({ method: 'exit' });
      return { first: codes(first), spelling: codes(spelling), crossNote: codes(crossNote), actions: actions.map((a) => ({ title: a.title, preferred: Boolean(a.isPreferred) })) };
    },
    { workerUrl: `${base}/dist/server.browser.js`, notes },
  );
  const check = (ok, what) => {
    if (!ok) failed = true;
    console.log(`${ok ? '✔' : '✖'} ${what}`);
  };
  check(Array.isArray(result.first), `first diagnostics from the Web Worker server: ${result.first.join(', ') || '(none)'}`);
  check(result.spelling.includes('spelling'), 'a spelling finding once the nested worker fetched its dictionary');
  check(result.crossNote.includes('no-wrong-company'), 'a cross-note finding, with the other note read through the client');
  check(result.actions.length > 0 && !/^(Disable|Learn more)/.test(result.actions[0].title), `quick fixes, a real one first: ${result.actions.map((a) => a.title).join(' | ')}`);
} catch (error) {
  failed = true;
  console.error(`✖ the browser build of note-coach-ls: ${error.message}`);
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
