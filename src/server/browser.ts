/**
 * note-coach-ls in a browser Web Worker (vscode.dev, github.dev, code-server's
 * web extension host). The client starts this script as a worker and speaks
 * LSP over postMessage; the analysis runs in a nested worker
 * (server-worker.browser.js beside this script) that can be stopped.
 *
 * A browser worker cannot read the workspace, so it asks the client:
 * `note-coach-ls/readFile` ({ uri } → text or null) and `note-coach-ls/findNotes`
 * ({ folder } → note URIs). A client that does not answer them still gets
 * every check on the open notes, without `.notecoach.json` and the other notes.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer, uriPaths, type ServerHost } from './server';
import type { WorkerPort } from './runner';
import type { WorkerReply } from './protocol';

export const READ_FILE_REQUEST = 'note-coach-ls/readFile';
export const FIND_NOTES_REQUEST = 'note-coach-ls/findNotes';

declare const self: { location: { href: string } } & ConstructorParameters<typeof BrowserMessageReader>[0];
declare const Worker: new (url: string | URL) => {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
};

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const here = self.location.href;

const readFile = async (uri: string): Promise<string | undefined> => {
  const text = await connection.sendRequest<string | null>(READ_FILE_REQUEST, { uri }).catch(() => null);
  return typeof text === 'string' ? text : undefined;
};

const host: ServerHost = {
  spawnWorker(): WorkerPort {
    const worker = new Worker(new URL('server-worker.browser.js', here));
    return {
      post: (message) => worker.postMessage(message),
      onMessage: (listener) => worker.addEventListener('message', (event) => listener(event.data as WorkerReply)),
      onExit: (listener) => worker.addEventListener('error', (event) => listener(event.message ?? 'the worker failed')),
      terminate: () => worker.terminate(),
    };
  },
  files: {
    async readText(uri) {
      const text = await readFile(uri);
      if (text === undefined) throw new Error('no such file');
      return text;
    },
    isFile: async (uri) => (await readFile(uri)) !== undefined,
    dirname: uriPaths.dirname,
    join: uriPaths.join,
  },
  async listNotes(folder) {
    const uris = await connection.sendRequest<string[] | null>(FIND_NOTES_REQUEST, { folder }).catch(() => null);
    return Array.isArray(uris) ? uris.filter((u) => typeof u === 'string') : [];
  },
  readNote: readFile,
  async loadSnippets() {
    const response = await fetch(new URL('../snippets/notes.code-snippets', here));
    return response.ok ? ((await response.json()) as Awaited<ReturnType<ServerHost['loadSnippets']>>) : {};
  },
};

startServer(connection, host);
connection.listen();
