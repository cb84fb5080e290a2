/**
 * A real LSP client for tests: spawns a built note-coach-ls over stdio and
 * talks to it through vscode-languageserver-protocol (the same JSON-RPC
 * machinery vscode-languageclient uses). It answers the server's requests the
 * way an editor would (workspace/configuration from `settings`, registrations
 * accepted) and records every publishDiagnostics with its arrival time.
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const repoRoot = path.resolve(__dirname, '..', '..');

let built: Promise<string> | undefined;
/** The server's bundles, built once per test run into a scratch folder (as `npm run build` builds them). */
export function buildServer(): Promise<string> {
  built ??= (async () => {
    // Inside the repository (out/ is git-ignored), so the server finds snippets/ and the dictionaries as from dist/.
    const outdir = path.join(repoRoot, 'out', 'test-server', 'dist');
    const { serverBuilds } = (await import(pathToFileURL(path.join(repoRoot, 'scripts/build-server.mjs')).href)) as {
      serverBuilds(options: object, outdir: string): Promise<unknown>[];
    };
    await Promise.all(serverBuilds({ sourcemap: false }, outdir));
    // The compiled dictionaries beside it, as in dist/ (the compiler skips them when they are up to date).
    const compiled = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), [path.join(repoRoot, 'scripts', 'compile-dictionaries.ts'), path.join(outdir, 'dictionaries')], { cwd: repoRoot, encoding: 'utf8' });
    if (compiled.status !== 0) throw new Error(`compiling the dictionaries failed: ${compiled.stderr}`);
    return outdir;
  })();
  return built;
}

export interface Published extends PublishDiagnosticsParams {
  at: number;
}

export class TestClient {
  readonly published: Published[] = [];
  /** What workspace/configuration answers with for `noteCoach`. */
  settings: unknown = {};
  configurationRequests = 0;
  private readonly waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  private exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const entry = { ...params, at: performance.now() };
      this.published.push(entry);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(entry)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(entry);
        }
      }
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      return params.items.map((item) => (item.section === 'noteCoach' ? this.settings : null));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('window/showDocument', () => ({ success: true }));
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
  }

  /** The server over stdio (`--stdio`), or over Node IPC (`--node-ipc`, a forked process) as vscode-languageclient starts it. */
  static async start(serverDir: string, transport: 'stdio' | 'ipc' = 'stdio'): Promise<TestClient> {
    const server = path.join(serverDir, 'server.js');
    if (transport === 'ipc') {
      const child = fork(server, ['--node-ipc'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
      return new TestClient(child, createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child)));
    }
    const child = spawn(process.execPath, [server, '--stdio'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', () => undefined);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    return new TestClient(child, connection);
  }

  initialize(rootUri: string | null, initializationOptions: object = {}): Promise<{ capabilities: Record<string, unknown> }> {
    return this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'notes' }] : null,
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, isPreferredSupport: true },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
    });
  }

  async initialized(): Promise<void> {
    await this.connection.sendNotification('initialized', {});
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The next publishDiagnostics for `uri` that passes `test` (already received ones count when `since` is before them). */
  diagnostics(uri: string, test: (p: Published) => boolean = () => true, since = -1, timeoutMs = 60000): Promise<Published> {
    const done = this.published.find((p) => p.uri === uri && p.at > since && test(p));
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const waiter = { test: (p: Published) => p.uri === uri && test(p), resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) {
          this.waiters.splice(at, 1);
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => [p.version, p.diagnostics.map((d) => d.code)]))}`));
        }
      }, timeoutMs);
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await Promise.race([this.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5000))]);
    if (code === 'hung') {
      this.process.kill();
      throw new Error('the server did not exit within 5 s of shutdown + exit');
    }
    this.connection.dispose();
    return code;
  }
}
