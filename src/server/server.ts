/**
 * note-coach-ls: the language server over the core, for any LSP client and
 * any host (Node over stdio or IPC, a browser Web Worker). It owns the live
 * diagnostics, code actions, completions, the workspace index and the
 * configuration; the analysis itself runs in a worker the runner can stop
 * (src/server/runner.ts), so no note can stall the others.
 *
 * Notes are `*.note.md` files only; other documents a client sends are ignored.
 * Browser-safe: everything that touches files comes through `ServerHost`.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InsertTextFormat,
  CompletionItemKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/lib/common/api';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_DOCS_BASE_URL, TOOL_ID, type ConfigLayer, type Finding, type TextEdit } from '../core/index';
import { CONFIG_FILE_NAME } from '../core/config';
import { resolveSnippet } from '../core/snippets';
import { ConfigFiles, settingsLayer, type ConfigFileSystem } from '../shared/config';
import type { SnippetDefinition } from '../shared/completions';
import { AnalysisRunner, type Outcome, type RunOptions, type WorkerPort } from './runner';
import { ACTION_KINDS, type ActionsResult, type AnalyzeResult, type CompleteResult, type NoteMeta, type WireAction, type WorkerRequest } from './protocol';

const { quickFix: QUICK_FIX_KIND, section: SECTION_KIND, fixAll: FIX_ALL_KIND } = ACTION_KINDS;

export const SOURCE = 'note-coach';
export const DEFAULT_BUDGET_MS = 2000;
/** A custom request: the analysis worker's state (`RunnerStatus`). */
export const STATUS_REQUEST = 'note-coach-ls/status';
/** Loading a spelling dictionary (compiling Hunspell files when no compiled one ships) may take this long. */
const DICTIONARY_BUDGET_MS = 60_000;
/** The pause after the last keystroke before a note is checked. */
export const TYPING_DELAY_MS = 200;
/** Other open notes are checked again this long after a change that affects them. */
const RELATED_DELAY_MS = 300;
export const COMMANDS = { addToWordList: 'note-coach-ls.addToWordList', openRuleDocs: 'note-coach-ls.openRuleDocs' } as const;
const NOTE_PATH = /\.note\.md$/i;

export interface ServerHost {
  spawnWorker(): WorkerPort;
  /** Reading `.notecoach.json` files, by URI. */
  files: ConfigFileSystem;
  /** Every note under a workspace folder, as URIs (nothing when it can't be listed). */
  listNotes(folder: string): Promise<string[]>;
  /** A note's text from disk, or undefined when it can't be read. */
  readNote(uri: string): Promise<string | undefined>;
  loadSnippets(): Promise<Record<string, SnippetDefinition>>;
  /** Add words to the word list of a `.notecoach.json` (created in `folder` when there is none). */
  addWords?(configFile: string | undefined, folder: string, words: readonly string[]): Promise<void>;
}

/** What the client may set in `initializationOptions`. */
export interface InitializationOptions {
  /** The time budget of one note's analysis, in ms. */
  timeBudgetMs?: number;
  /** Where the rule pages live (`<id>.md` is appended). */
  docsBaseUrl?: string;
  /** `noteCoach.*` settings, for clients without `workspace/configuration`. */
  settings?: unknown;
  /** Log every analysis request with its duration (window/logMessage). */
  trace?: boolean;
}

interface Published {
  version: number;
  text: string;
  findings: Finding[];
  layers: ConfigLayer[];
  fixable: boolean;
}

interface KnownNote {
  /** The URI the index knows the note by (the client's spelling once it is open). */
  uri: string;
  /** The text on disk, for notes that are not open. */
  disk?: string;
  /** The text whose analysis or indexing ran past the budget: left out until it changes. */
  stuck?: string;
  meta?: NoteMeta;
}

export function isNoteUri(uri: string): boolean {
  return NOTE_PATH.test(uriPath(uri));
}

export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const notes = new Map<string, KnownNote>();
  const published = new Map<string, Published>();
  const generations = new Map<string, number>();
  /** The version each open note's latest check started on. */
  const requested = new Map<string, number>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const settingsCache = new Map<string, Promise<unknown>>();
  const related = new Set<string>();
  let relatedTimer: ReturnType<typeof setTimeout> | undefined;
  let folders: string[] = [];
  let options: InitializationOptions = {};
  let pushedSettings: unknown;
  let canPullSettings = false;
  let canResolveEdits = false;
  let documentChanges = false;
  let snippetSupport = false;
  let canShowDocument = false;
  let workspaceFolderEvents = false;
  let runner: AnalysisRunner | undefined;
  let snippets: Promise<Record<string, SnippetDefinition>> | undefined;
  let budgetMs = DEFAULT_BUDGET_MS;
  const configs = new ConfigFiles(host.files, (f) => f, (dir) => folders.some((f) => sameUri(f, dir)));

  const log = (message: string) => connection.console.log(`note-coach-ls: ${message}`);
  const docsBase = () => options.docsBaseUrl ?? DEFAULT_DOCS_BASE_URL;
  const known = (uri: string): KnownNote => {
    const key = canonical(uri);
    let note = notes.get(key);
    if (!note) notes.set(key, (note = { uri }));
    return note;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    options = (params.initializationOptions ?? {}) as InitializationOptions;
    pushedSettings = options.settings;
    const budget = Number(options.timeBudgetMs);
    if (Number.isFinite(budget) && budget >= 50) budgetMs = Math.min(budget, 60_000);
    const caps = params.capabilities;
    canPullSettings = Boolean(caps.workspace?.configuration);
    canResolveEdits = Boolean(caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit'));
    documentChanges = Boolean(caps.workspace?.workspaceEdit?.documentChanges);
    snippetSupport = Boolean(caps.textDocument?.completion?.completionItem?.snippetSupport);
    canShowDocument = Boolean(caps.window?.showDocument?.support);
    workspaceFolderEvents = Boolean(caps.workspace?.workspaceFolders);
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    runner = new AnalysisRunner(host.spawnWorker, budgetMs, {
      onRestart: () => reindexAll(),
      onEvent: (event) => {
        if (event.event === 'dictionaryReady') lintOpen();
        // Once the notes and the workspace index waiting now are done, with a budget of its own.
        else if (event.event === 'dictionaryWanted') void run({ type: 'dictionary', language: event.language }, { key: `dictionary:${event.language}`, idle: true, budgetMs: DICTIONARY_BUDGET_MS });
      },
      log,
      trace: options.trace ? (message) => log(`${new Date().toISOString().slice(11, 23)} ${message}`) : undefined,
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [QUICK_FIX_KIND, SECTION_KIND, FIX_ALL_KIND], resolveProvider: canResolveEdits },
        completionProvider: { triggerCharacters: [':'], resolveProvider: false },
        executeCommandProvider: { commands: [COMMANDS.addToWordList, COMMANDS.openRuleDocs] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: workspaceFolderEvents } },
      },
      serverInfo: { name: 'note-coach-ls' },
    };
  });

  connection.onInitialized(() => {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'noteCoach' }).catch(() => undefined);
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.note.md' }, { globPattern: `**/${CONFIG_FILE_NAME}` }] })
      .catch(() => undefined);
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders = folders.filter((f) => !event.removed.some((r) => sameUri(r.uri, f))).concat(event.added.map((a) => a.uri));
        configs.invalidate();
        void scanWorkspace();
      });
    }
    void scanWorkspace();
  });

  // ------------------------------------------------------------------ documents

  documents.onDidOpen(({ document }) => {
    if (!isNoteUri(document.uri)) return;
    const note = known(document.uri);
    if (note.uri !== document.uri) {
      // The scan spelled this URI differently: the index follows the client's spelling.
      void run({ type: 'forget', file: note.uri }, { key: `index:${note.uri}`, background: true });
      note.uri = document.uri;
    }
    void lint(document.uri);
  });
  documents.onDidChangeContent(({ document }) => {
    // Fired on open too, right after onDidOpen, which has started checking this very version.
    if (!isNoteUri(document.uri) || requested.get(document.uri) === document.version) return;
    void runMode(document.uri).then((mode) => {
      if (mode === 'onType') schedule(document.uri);
    });
  });
  documents.onDidSave(({ document }) => {
    if (isNoteUri(document.uri)) void lint(document.uri);
  });
  documents.onDidClose(({ document }) => {
    if (!isNoteUri(document.uri)) return;
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    bump(document.uri);
    published.delete(document.uri);
    requested.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    // Unsaved edits are gone with the document: the index goes back to the file.
    void fromDisk(document.uri);
  });

  function bump(uri: string): number {
    const generation = (generations.get(uri) ?? 0) + 1;
    generations.set(uri, generation);
    return generation;
  }

  function schedule(uri: string, delay = TYPING_DELAY_MS): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void lint(uri);
      }, delay),
    );
  }

  function run<T>(request: WorkerRequest, runOptions: RunOptions = {}): Promise<Outcome<T>> {
    if (!runner) return Promise.resolve({ status: 'failed', message: 'The server is not initialized.' });
    return runner.run<T>(request, runOptions);
  }

  /** Check an open note now. A result for an older version, or overtaken by a newer request, is dropped. */
  async function lint(uri: string): Promise<Published | undefined> {
    const document = documents.get(uri);
    if (!document || !isNoteUri(uri)) return undefined;
    const generation = bump(uri);
    const version = document.version;
    requested.set(uri, version);
    const text = document.getText();
    const note = known(uri);
    const { layers, file } = await configFor(uri);
    if (generations.get(uri) !== generation || documents.get(uri)?.version !== version) return undefined;
    if (note.stuck === text) return published.get(uri);
    const outcome = await run<AnalyzeResult>({ type: 'analyze', file: uri, text, layers, docsBaseUrl: docsBase() }, { key: `analyze:${uri}` });
    // This text ran past the budget: it is not tried again until it changes, whoever asked meanwhile.
    if (outcome.status === 'timeout') note.stuck = text;
    if (generations.get(uri) !== generation || documents.get(uri)?.version !== version) return undefined;
    let result: Published;
    if (outcome.status === 'done') {
      note.stuck = undefined;
      if (file) void showConfigProblems(file, outcome.value.configProblems.filter((p) => p.source === file).map((p) => p.message));
      const before = note.meta;
      note.meta = outcome.value.meta;
      result = { version, text, layers, findings: outcome.value.findings, fixable: outcome.value.fixable };
      noteChanged(uri, before, note.meta);
    } else if (outcome.status === 'timeout') {
      result = { version, text, layers, findings: [budgetFinding(outcome.budgetMs)], fixable: false };
    } else if (outcome.status === 'failed') {
      log(`checking ${uri} failed: ${outcome.message}`);
      result = { version, text, layers, findings: [], fixable: false };
    } else {
      return undefined;
    }
    published.set(uri, result);
    void connection.sendDiagnostics({ uri, version, diagnostics: result.findings.map((f) => toDiagnostic(document, f)) });
    return result;
  }

  function lintOpen(): void {
    for (const document of documents.all()) if (isNoteUri(document.uri)) void lint(document.uri);
  }

  /** The other open notes that a change of `uri` can affect: same company before or after, or all of them when a name or company changed. */
  function noteChanged(uri: string, before: NoteMeta | undefined, after: NoteMeta | undefined): void {
    if (before && after && before.companyKey === after.companyKey && before.to === after.to && before.company === after.company && published.get(uri)) {
      // Same names: only a text change in the same company can matter (duplicates).
      addRelated(uri, (meta) => meta?.companyKey === after.companyKey);
    } else {
      addRelated(uri, () => true);
    }
  }

  function addRelated(uri: string, affected: (meta: NoteMeta | undefined) => boolean): void {
    for (const document of documents.all()) {
      if (document.uri === uri || !isNoteUri(document.uri) || !published.has(document.uri)) continue;
      if (affected(notes.get(canonical(document.uri))?.meta)) related.add(document.uri);
    }
    if (related.size === 0) return;
    clearTimeout(relatedTimer);
    relatedTimer = setTimeout(() => {
      relatedTimer = undefined;
      const uris = [...related];
      related.clear();
      for (const other of uris) void lint(other);
    }, RELATED_DELAY_MS);
  }

  function budgetFinding(budget: number): Finding {
    return {
      ruleId: TOOL_ID,
      severity: 'info',
      docsUrl: `${docsBase()}README.md`,
      start: 0,
      end: 0,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      fixes: [],
      message: `Checking this note took longer than its time limit of ${budget.toLocaleString('en-US')} ms, so it was stopped; shorten the note or split its longest paragraphs to have it checked again.`,
    };
  }

  function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
    const diagnostic: Diagnostic = {
      range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
      message: finding.message,
      severity: finding.severity === 'error' ? DiagnosticSeverity.Error : finding.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
      source: SOURCE,
      code: finding.ruleId,
      codeDescription: { href: finding.docsUrl },
    };
    if (finding.related?.length) {
      diagnostic.relatedInformation = finding.related.map((r) => {
        const other = r.file && r.file !== document.uri ? r.file : document.uri;
        const otherText = other === document.uri ? document : textDocumentOf(other);
        const range = otherText
          ? { start: otherText.positionAt(r.start), end: otherText.positionAt(r.end) }
          : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        return { location: { uri: other, range }, message: r.message };
      });
    }
    return diagnostic;
  }

  /** Another note's text as the rules saw it: the open document, else the file's text. */
  function textDocumentOf(uri: string): TextDocument | undefined {
    const open = documents.get(uri);
    if (open) return open;
    const disk = notes.get(canonical(uri))?.disk;
    return disk === undefined ? undefined : TextDocument.create(uri, 'markdown', 0, disk);
  }

  // ------------------------------------------------------------------ configuration

  async function settingsFor(uri: string): Promise<unknown> {
    if (!canPullSettings) return pushedSettings;
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = connection.workspace.getConfiguration({ scopeUri: uri, section: 'noteCoach' }).then(
        (value) => value ?? pushedSettings,
        () => pushedSettings,
      );
      settingsCache.set(uri, pending);
    }
    return pending;
  }

  async function configFor(uri: string): Promise<{ layers: ConfigLayer[]; file?: string }> {
    const settings = settingsLayer(await settingsFor(uri));
    const found = await configs.find(uri, { settings });
    if (found.file && found.broken) void showConfigProblems(found.file, []);
    return found;
  }

  async function runMode(uri: string): Promise<string> {
    const settings = (await settingsFor(uri)) as { run?: unknown } | undefined;
    return settings?.run === 'onSave' ? 'onSave' : 'onType';
  }

  const configProblemsShown = new Map<string, string>();
  async function showConfigProblems(file: string, messages: string[]): Promise<void> {
    const loaded = await configs.load(file);
    const all = [...loaded.issues.map((i) => i.problem.message), ...messages];
    const key = JSON.stringify(all);
    if (configProblemsShown.get(file) === key) return;
    configProblemsShown.set(file, key);
    const zero = { line: 0, character: 0 };
    void connection.sendDiagnostics({
      uri: file,
      diagnostics: all.map((message) => ({ range: { start: zero, end: zero }, message, severity: DiagnosticSeverity.Warning, source: SOURCE })),
    });
  }

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { noteCoach?: unknown } | undefined)?.noteCoach;
    if (pushed !== undefined) pushedSettings = pushed;
    settingsCache.clear();
    lintOpen();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let configChanged = false;
    for (const change of changes) {
      if (uriPath(change.uri).endsWith(`/${CONFIG_FILE_NAME}`)) configChanged = true;
      else if (isNoteUri(change.uri) && !documents.get(change.uri)) {
        if (change.type === FileChangeType.Deleted) forgetNote(change.uri);
        else void fromDisk(change.uri);
      }
    }
    if (configChanged) {
      configs.invalidate();
      lintOpen();
    }
  });

  // ------------------------------------------------------------------ workspace index

  /** Index every note of the workspace folders, then check the open notes against them. */
  async function scanWorkspace(): Promise<void> {
    let indexed = 0;
    for (const folder of folders) {
      const uris = await host.listNotes(folder).catch(() => []);
      for (const uri of uris) {
        if (documents.get(uri)) continue;
        await fromDisk(uri, false);
        indexed++;
      }
    }
    if (indexed) lintOpen();
  }

  /** Index a note from its file (it is not open, or has just been closed); the open notes it can affect are checked again. */
  async function fromDisk(uri: string, recheck = true): Promise<void> {
    const text = await host.readNote(uri);
    if (documents.get(uri)) return;
    if (text === undefined) {
      forgetNote(uri);
      return;
    }
    const note = known(uri);
    if (note.disk === text && note.uri === uri) return;
    note.disk = text;
    await indexNote(note, text);
    if (recheck) addRelated(uri, () => true);
  }

  async function indexNote(note: KnownNote, text: string): Promise<void> {
    if (note.stuck === text) return;
    const { layers } = await configFor(note.uri);
    const outcome = await run({ type: 'index', file: note.uri, text, layers }, { key: `index:${note.uri}`, background: true });
    if (outcome.status === 'timeout') note.stuck = text;
  }

  function forgetNote(uri: string): void {
    const note = notes.get(canonical(uri));
    if (!note) return;
    notes.delete(canonical(uri));
    void run({ type: 'forget', file: note.uri }, { key: `index:${note.uri}`, background: true });
    addRelated(uri, () => true);
  }

  /** A new worker knows nothing: give it the workspace again (in the background), then check the open notes. */
  function reindexAll(): void {
    const pending: Promise<unknown>[] = [];
    for (const note of notes.values()) {
      const open = documents.get(note.uri);
      if (open) continue;
      if (note.disk !== undefined) pending.push(indexNote(note, note.disk));
    }
    void Promise.all(pending).then(() => {
      for (const document of documents.all()) if (isNoteUri(document.uri) && notes.get(canonical(document.uri))?.stuck !== document.getText()) void lint(document.uri);
    });
  }

  // ------------------------------------------------------------------ code actions

  connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    if (!document || !isNoteUri(uri)) return [];
    const version = document.version;
    let result = published.get(uri);
    if (!result || result.version !== version) result = await lint(uri);
    if (!result || result.version !== version || documents.get(uri)?.version !== version) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const selected = selectedFindings(document, result.findings, params.context.diagnostics, params.range);
    const wantFixAll = wants(FIX_ALL_KIND) && result.fixable;
    const outcome = await run<ActionsResult>(
      {
        type: 'actions',
        file: uri,
        text: result.text,
        layers: result.layers,
        docsBaseUrl: docsBase(),
        selected,
        refactorings: wants(SECTION_KIND),
        fixAll: wantFixAll && !canResolveEdits,
      },
      { key: `actions:${uri}` },
    );
    if (outcome.status !== 'done' || documents.get(uri)?.version !== version) return [];
    const diagnosticsOf = (action: WireAction) => action.findings.map((i) => result.findings[i]).filter(Boolean).map((f) => toDiagnostic(document, f));
    const actions: CodeAction[] = [];
    if (wants(QUICK_FIX_KIND)) for (const action of outcome.value.quickFixes) actions.push(toCodeAction(document, action, diagnosticsOf(action)));
    for (const action of outcome.value.refactorings) actions.push(toCodeAction(document, action, []));
    const fixAll = outcome.value.fixAll;
    if (wantFixAll && fixAll) {
      const fixAllAction: CodeAction = { title: fixAll.title, kind: fixAll.kind, data: { uri, version } };
      if (fixAll.edit) fixAllAction.edit = workspaceEdit(document, [fixAll.edit]);
      if (fixAllAction.edit || canResolveEdits) actions.push(fixAllAction);
    }
    return actions;
  });

  connection.onCodeActionResolve(async (action) => {
    const data = action.data as { uri?: string; version?: number } | undefined;
    if (action.kind !== FIX_ALL_KIND || !data?.uri) return action;
    const document = documents.get(data.uri);
    const result = published.get(data.uri);
    if (!document || !result || document.version !== data.version || result.version !== data.version) return action;
    const outcome = await run<ActionsResult>(
      { type: 'actions', file: data.uri, text: result.text, layers: result.layers, docsBaseUrl: docsBase(), selected: [], refactorings: false, fixAll: true },
      { key: `actions:${data.uri}` },
    );
    const edit = outcome.status === 'done' ? outcome.value.fixAll?.edit : undefined;
    if (edit && document.version === data.version) action.edit = workspaceEdit(document, [edit]);
    return action;
  });

  function toCodeAction(document: TextDocument, action: WireAction, diagnostics: Diagnostic[]): CodeAction {
    const codeAction: CodeAction = { title: action.title, kind: action.kind === QUICK_FIX_KIND ? CodeActionKind.QuickFix : action.kind };
    if (diagnostics.length) codeAction.diagnostics = diagnostics;
    if (action.isPreferred) codeAction.isPreferred = true;
    if (action.edits) codeAction.edit = workspaceEdit(document, action.edits);
    else if (action.addWords) codeAction.command = { title: action.title, command: COMMANDS.addToWordList, arguments: [document.uri, action.addWords] };
    else if (action.ruleDocs) codeAction.command = { title: action.title, command: COMMANDS.openRuleDocs, arguments: [action.ruleDocs, `${docsBase()}${action.ruleDocs === TOOL_ID ? 'README' : action.ruleDocs}.md`] };
    return codeAction;
  }

  function workspaceEdit(document: TextDocument, edits: readonly TextEdit[]): WorkspaceEdit {
    const lsp: LspTextEdit[] = edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText }));
    return documentChanges ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lsp }] } : { changes: { [document.uri]: lsp } };
  }

  connection.onExecuteCommand(async (params) => {
    if (params.command === COMMANDS.openRuleDocs) {
      const url = String(params.arguments?.[1] ?? '');
      if (url && canShowDocument) await connection.window.showDocument({ uri: url, external: !url.startsWith('file:') }).catch(() => undefined);
      return url;
    }
    if (params.command === COMMANDS.addToWordList) {
      const [uri, words] = (params.arguments ?? []) as [string, string[]];
      if (!host.addWords || typeof uri !== 'string' || !Array.isArray(words)) return false;
      const file = await configs.nearest(host.files.dirname(uri));
      const folder = folders.find((f) => uri.startsWith(`${f.replace(/\/$/, '')}/`)) ?? host.files.dirname(uri);
      await host.addWords(file, folder, words);
      configs.invalidate();
      lintOpen();
      return true;
    }
    return undefined;
  });

  // ------------------------------------------------------------------ completions

  connection.onCompletion(async (params): Promise<CompletionItem[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isNoteUri(document.uri)) return [];
    snippets ??= host.loadSnippets().catch(() => ({}));
    const invoked = params.context?.triggerKind !== 2; // 2: a trigger character
    const version = document.version;
    const outcome = await run<CompleteResult>(
      { type: 'complete', text: document.getText(), offset: document.offsetAt(params.position), invoked, snippets: await snippets },
      { key: `complete:${document.uri}` },
    );
    if (outcome.status !== 'done' || document.version !== version) return [];
    return outcome.value.map((p) => {
      const range = { start: document.positionAt(p.start), end: document.positionAt(p.end) };
      const item: CompletionItem = {
        label: p.label,
        kind: p.kind === 'snippet' ? CompletionItemKind.Snippet : p.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
        documentation: { kind: 'markdown', value: p.documentation },
        insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range, newText: snippetSupport ? p.snippet : resolveSnippet(p.snippet) },
      };
      if (p.description) item.labelDetails = { description: p.description };
      if (p.kind === 'snippet') item.detail = p.documentation;
      return item;
    });
  });

  connection.onRequest(STATUS_REQUEST, () => runner?.status());

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    clearTimeout(relatedTimer);
    runner?.dispose();
  });

  documents.listen(connection);
}

// ------------------------------------------------------------------ helpers

/** The findings a code-action request is about: those of its diagnostics, else those touching its range. */
function selectedFindings(document: TextDocument, findings: readonly Finding[], diagnostics: readonly Diagnostic[], range: { start: { line: number; character: number }; end: { line: number; character: number } }): number[] {
  const out = new Set<number>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    const at = findings.findIndex((f) => f.ruleId === diagnostic.code && f.start === start && f.end === end && f.message === diagnostic.message);
    if (at >= 0) out.add(at);
  }
  if (diagnostics.length === 0) {
    const from = document.offsetAt(range.start);
    const to = document.offsetAt(range.end);
    findings.forEach((f, i) => {
      if (f.start <= to && f.end >= from) out.add(i);
    });
  }
  return [...out];
}

function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** One key per file however a client spells its URI (percent-encoding, a trailing slash). */
export function canonical(uri: string): string {
  try {
    const url = new URL(uri);
    return `${url.protocol}//${url.host}${decodeURIComponent(url.pathname).replace(/\/+$/, '')}`;
  } catch {
    return uri;
  }
}

function sameUri(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}

/** `.notecoach.json` lookup on URIs, for hosts that read files by URI. */
export const uriPaths = {
  dirname(uri: string): string {
    try {
      const url = new URL(uri);
      if (url.pathname === '/' || url.pathname === '') return uri;
      url.pathname = url.pathname.replace(/\/[^/]*\/?$/, '') || '/';
      return url.toString();
    } catch {
      return uri;
    }
  },
  join(dir: string, name: string): string {
    return `${dir.replace(/\/$/, '')}/${encodeURIComponent(name)}`;
  },
};
