/**
 * `note-coach-ls`: the language server in Node (dist/server-main.js, loaded by
 * dist/server.js, src/server/launch.ts). Speaks LSP over stdio (the
 * default, or `--stdio`), Node IPC (`--node-ipc`) or a socket (`--socket=N`);
 * the analysis runs in a worker thread (dist/server-worker.js beside this file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '../core/config';
import { addWordsToConfigText } from '../core/spelling/config-words';
import { readNote, walkNotes } from '../cli/files';
import { nodeConfigFileSystem } from '../node/configFiles';
import { startServer, uriPaths, type ServerHost } from './server';
import type { WorkerPort } from './runner';
import type { WorkerReply } from './protocol';
import './launch-types';
import packageJson from '../../package.json';

const USAGE = `Usage: note-coach-ls [--stdio | --node-ipc | --socket=PORT]

The Note Coach language server: diagnostics, quick fixes and completions for
interview follow-up notes (*.note.md) in any editor that speaks LSP. Start it
from your editor (see the README, "Other editors"); it talks over stdio unless
told otherwise.
`;

const toPath = (uri: string) => fileURLToPath(uri);
const isFileUri = (uri: string) => uri.startsWith('file:');

export function nodeHost(workerFile = path.join(__dirname, 'server-worker.js')): ServerHost {
  return {
    spawnWorker(): WorkerPort {
      // The first one was started by dist/server.js before this bundle loaded (src/server/launch.ts).
      const early = globalThis.noteCoachEarlyWorker;
      globalThis.noteCoachEarlyWorker = undefined;
      const worker = early?.worker ?? new Worker(workerFile);
      // The worker must not keep the server alive once the client is gone.
      worker.unref();
      return {
        post: (message) => worker.postMessage(message),
        onMessage(listener) {
          if (early) {
            worker.removeAllListeners('message');
            for (const message of early.messages) listener(message as WorkerReply);
          }
          worker.on('message', listener);
        },
        onExit(listener) {
          worker.on('error', (error) => listener(error.message));
          worker.on('exit', (code) => listener(`exit code ${code}`));
        },
        terminate: () => void worker.terminate(),
      };
    },
    files: {
      readText: (uri) => nodeConfigFileSystem.readText(toPath(uri)),
      isFile: async (uri) => isFileUri(uri) && nodeConfigFileSystem.isFile(toPath(uri)),
      dirname: uriPaths.dirname,
      join: uriPaths.join,
      describeError: nodeConfigFileSystem.describeError,
    },
    async listNotes(folder) {
      if (!isFileUri(folder)) return [];
      return (await walkNotes(toPath(folder))).map((file) => pathToFileURL(file).href);
    },
    async readNote(uri) {
      if (!isFileUri(uri)) return undefined;
      const read = await readNote(toPath(uri));
      return 'text' in read ? read.text : undefined;
    },
    async loadSnippets() {
      // snippets/ of the package: beside dist/ (installed), or further up (a build in out/ while testing).
      for (let dir = path.dirname(workerFile), i = 0; i < 4; i++, dir = path.dirname(dir)) {
        const file = path.join(dir, 'snippets', 'notes.code-snippets');
        if (fs.existsSync(file)) return JSON.parse(await fs.promises.readFile(file, 'utf8'));
      }
      return {};
    },
    async addWords(configFile, folder, words) {
      const target = configFile ? toPath(configFile) : path.join(toPath(folder), CONFIG_FILE_NAME);
      const before = fs.existsSync(target) ? await fs.promises.readFile(target, 'utf8') : undefined;
      await fs.promises.writeFile(target, addWordsToConfigText(before, [...words]), 'utf8');
    },
  };
}

export function main(argv: readonly string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${packageJson.version}\n`);
    return;
  }
  const transport = argv.some((a) => a === '--node-ipc' || a === '--stdio' || a.startsWith('--socket=') || a.startsWith('--pipe='));
  const connection = transport
    ? createConnection(ProposedFeatures.all)
    : createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  startServer(connection, nodeHost());
  connection.listen();
}

if (require.main === module) main(process.argv.slice(2));
