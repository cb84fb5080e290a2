/**
 * Every note of the workspace, for the rules that look across notes and for
 * the notes overview: the `*.note.md` files of the workspace folders (minus
 * `files.exclude` and `noteCoach.exclude`), read through `workspace.fs` (so
 * virtual workspaces work) into the core's NoteIndex.
 *
 * The first scan starts after activation and runs in batches, yielding to the
 * extension host between them. After that the index follows file events and
 * the open documents: an open note's text wins over what is on disk, and when
 * it closes the index goes back to the file.
 *
 * Keys are `uri.toString()`, the same strings the Linter passes as `file`, so
 * a finding's `related.file` is a URI the adapter can parse.
 */
import * as vscode from 'vscode';
import { NoteIndex, type IndexedNote } from '../core/index';
import { MAX_NOTE_BYTES } from '../core/limits';
import { isNote } from './notes';
import { globMatcher } from './glob';

/** One note added, changed or removed: `before` and `after` are its index entries (absent when it did not exist). */
export interface IndexChange {
  file: string;
  before?: IndexedNote;
  after?: IndexedNote;
}

export interface IndexMetrics {
  /** Duration of the last full scan (find, read, parse), in ms. */
  buildMs?: number;
  /** Of which the file search (`findFiles`). */
  searchMs?: number;
  /** Of which parsing, the work done on the extension host's thread (the rest is waiting: search, reads, yields). */
  parseMs?: number;
  /** Notes the last full scan found. */
  scanned?: number;
  /** Notes in the index now. */
  files: number;
  scans: number;
}

const NOTE_GLOB = '**/*.note.md';
const NOTE_PATH = /\.note\.md$/i;
/** Files read (and parsed) per step of the background scan. */
const BATCH_SIZE = 32;
/** The scan parses for at most this long before yielding to the extension host. */
const SLICE_MS = 15;
/** An open note's edits reach the index after this pause (the Linter syncs sooner when it lints). */
const EDIT_DELAY_MS = 300;

export class WorkspaceIndex implements vscode.Disposable {
  readonly index = new NoteIndex();
  readonly metrics: IndexMetrics = { files: 0, scans: 0 };
  private readonly changed = new vscode.EventEmitter<readonly IndexChange[]>();
  /** Fires after notes were added, changed or removed (one event per batch of the scan). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly reads = new Map<string, Promise<IndexedNote | undefined>>();
  private readonly excludes = new Map<string, (relativePath: string) => boolean>();
  /** Created paths that may be folders with notes in them (a folder moved in), looked at after a pause. */
  private readonly created = new Set<string>();
  /**
   * Files deleted (or moved away) on disk whose documents may still be open: they
   * stay out of the index until the file is back (saved again, moved back).
   */
  private readonly deletedOnDisk = new Set<string>();
  private createdTimer: ReturnType<typeof setTimeout> | undefined;
  private scanId = 0;
  private scanning: Promise<void> | undefined;
  /** Files that file events touched while the scan runs: the scan leaves them to those events. */
  private eventsDuringScan: Set<string> | undefined;
  private started = false;

  constructor() {
    const notes = vscode.workspace.createFileSystemWatcher(NOTE_GLOB);
    // Creating, deleting or moving a folder reports the folder only, not the notes in it.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      notes,
      folders,
      notes.onDidCreate((uri) => void this.fromDisk(uri)),
      notes.onDidChange((uri) => void this.fromDisk(uri)),
      folders.onDidCreate((uri) => this.maybeFolderCreated(uri)),
      folders.onDidDelete((uri) => this.removeUnder(uri)),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) this.renamed(oldUri, newUri);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.scheduleSync(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.scheduleSync(e.document, EDIT_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cancelSync(d.uri.toString());
        this.deletedOnDisk.delete(d.uri.toString());
        // Unsaved edits are gone with the document: back to the file.
        if (this.inScope(d.uri)) void this.fromDisk(d.uri, true);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.exclude') || e.affectsConfiguration('noteCoach.exclude') || e.affectsConfiguration('noteCoach.maxFileSize')) this.rescan();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescan()),
    );
  }

  /** Start the first scan, in the background: activation never waits for it. */
  start(): void {
    if (!this.started) void this.rescan();
  }

  /** Resolves when no scan is running any more (the first one included). */
  async whenReady(): Promise<void> {
    this.start();
    let current: Promise<void> | undefined;
    while ((current = this.scanning) !== undefined) await current;
  }

  get(file: string): IndexedNote | undefined {
    return this.index.get(file);
  }

  all(): IndexedNote[] {
    return this.index.all();
  }

  others(file: string): IndexedNote[] {
    return this.index.others(file);
  }

  /** Whether a file belongs in the index: a note in a workspace folder, not excluded. */
  inScope(uri: vscode.Uri): boolean {
    if (uri.scheme === 'untitled' || !NOTE_PATH.test(uri.path)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    return !this.excluded(folder, relativePath(folder.uri, uri));
  }

  /**
   * Bring an open note's current text into the index now and return its entry
   * (undefined for a note outside the index: untitled, outside the workspace,
   * excluded, or over `noteCoach.maxFileSize`). Parses only when the text changed.
   */
  syncDocument(document: vscode.TextDocument): IndexedNote | undefined {
    const key = document.uri.toString();
    this.cancelSync(key);
    if (document.isClosed || !isNote(document) || !this.inScope(document.uri) || this.deletedOnDisk.has(key)) return undefined;
    const text = document.getText();
    if (tooLarge(document.uri, text)) {
      this.fire([this.remove(key)]);
      return undefined;
    }
    const change = this.put(key, text);
    this.fire([change]);
    return this.index.get(key);
  }

  /**
   * Read a note from disk into the index (unless it is open: the open text wins, or
   * `force` after it closed). Concurrent reads of one file are shared.
   */
  fromDisk(uri: vscode.Uri, force = false): Promise<IndexedNote | undefined> {
    const key = uri.toString();
    this.eventsDuringScan?.add(key);
    // An open note's text wins, unless its file just came back after a deletion.
    if (!force && openDocument(key) && !this.deletedOnDisk.has(key)) return Promise.resolve(this.index.get(key));
    if (!this.inScope(uri)) {
      this.fire([this.remove(key)]);
      return Promise.resolve(undefined);
    }
    let read = this.reads.get(key);
    if (!read) {
      read = readText(uri).then((text) => {
        this.reads.delete(key);
        if (text !== undefined) this.deletedOnDisk.delete(key);
        // Opened while we were reading: that text wins.
        const document = openDocument(key);
        if (document) return this.syncDocument(document);
        this.fire([text === undefined || tooLarge(uri, text) ? this.remove(key) : this.put(key, text)]);
        return this.index.get(key);
      });
      this.reads.set(key, read);
    }
    return read;
  }

  /** Scan the workspace again (folders or excludes changed); notes no longer found are dropped. */
  rescan(): Promise<void> {
    this.started = true;
    this.excludes.clear();
    const id = ++this.scanId;
    // Never inside the caller's turn (activation, a settings change): the scan is background work.
    const run = pause(0)
      .then(() => this.scan(id))
      .finally(() => {
        if (this.scanning === run) this.scanning = undefined;
      });
    this.scanning = run;
    return run;
  }

  private async scan(id: number): Promise<void> {
    const started = performance.now();
    let searchMs = 0;
    let parseMs = 0;
    const found = new Set<string>();
    // File events during the scan are newer than what the scan read: they win.
    const events = new Set<string>();
    this.eventsDuringScan = events;
    try {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        let uris: vscode.Uri[];
        const searchStarted = performance.now();
        try {
          uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, NOTE_GLOB), this.searchExclude(folder));
        } catch {
          continue; // a file system without search: its notes join as they are opened or change
        } finally {
          searchMs += performance.now() - searchStarted;
        }
        if (id !== this.scanId) return;
        const wanted = uris.filter((uri) => this.inScope(uri));
        for (let i = 0; i < wanted.length; i += BATCH_SIZE) {
          const batch = wanted.slice(i, i + BATCH_SIZE);
          const texts = await Promise.all(batch.map((uri) => (openDocument(uri.toString()) ? undefined : readText(uri))));
          if (id !== this.scanId) return;
          let changes: IndexChange[] = [];
          let slice = performance.now();
          for (const [j, uri] of batch.entries()) {
            const key = uri.toString();
            found.add(key);
            if (events.has(key)) continue;
            this.deletedOnDisk.delete(key);
            const document = openDocument(key);
            const text = document ? document.getText() : texts[j];
            if (text === undefined) {
              // Open when the batch was read, closed since: read it on its own.
              if (!document) void this.fromDisk(uri);
              continue;
            }
            const parseStarted = performance.now();
            changes.push(tooLarge(uri, text) ? this.remove(key) : this.put(key, text));
            parseMs += performance.now() - parseStarted;
            // Parsing is the costly part: hand the extension host back every few milliseconds.
            if (performance.now() - slice > SLICE_MS) {
              this.fire(changes);
              changes = [];
              await pause(0);
              if (id !== this.scanId) return;
              slice = performance.now();
            }
          }
          this.fire(changes);
          await pause(0);
          if (id !== this.scanId) return;
        }
      }
      // Gone since the last scan (moved out of scope by an exclude, a removed folder).
      const gone = this.index.files().filter((key) => !found.has(key) && !events.has(key) && !(openDocument(key) && this.inScope(vscode.Uri.parse(key))));
      this.fire(gone.map((key) => this.remove(key)));
      this.metrics.buildMs = performance.now() - started;
      this.metrics.searchMs = searchMs;
      this.metrics.parseMs = parseMs;
      this.metrics.scanned = found.size;
      this.metrics.files = this.index.size;
      this.metrics.scans++;
    } finally {
      if (this.eventsDuringScan === events) this.eventsDuringScan = undefined;
    }
  }

  private put(key: string, text: string): IndexChange {
    const before = this.index.get(key);
    const after = this.index.set(key, text);
    return { file: key, before, after };
  }

  private remove(key: string): IndexChange {
    const before = this.index.get(key);
    if (before) this.index.delete(key);
    return { file: key, before };
  }

  private fire(changes: readonly IndexChange[]): void {
    const real = changes.filter((c) => c.before !== c.after);
    this.metrics.files = this.index.size;
    if (real.length) this.changed.fire(real);
  }

  private scheduleSync(document: vscode.TextDocument, delay: number): void {
    if (!isNote(document)) return;
    const key = document.uri.toString();
    this.cancelSync(key);
    this.editTimers.set(
      key,
      setTimeout(() => {
        this.editTimers.delete(key);
        this.syncDocument(document);
      }, delay),
    );
  }

  private cancelSync(key: string): void {
    const timer = this.editTimers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.editTimers.delete(key);
  }

  private maybeFolderCreated(uri: vscode.Uri): void {
    if (NOTE_PATH.test(uri.path)) return; // the note watcher has it
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || this.excluded(folder, relativePath(folder.uri, uri))) return;
    this.created.add(uri.toString());
    clearTimeout(this.createdTimer);
    this.createdTimer = setTimeout(() => void this.searchCreatedFolders(), EDIT_DELAY_MS);
  }

  /** Notes inside folders that appeared (moved or copied in from outside the editor). */
  private async searchCreatedFolders(): Promise<void> {
    const keys = new Set(this.created);
    this.created.clear();
    // Only the topmost new paths: a search under one covers the rest.
    const top = [...keys].filter((key) => {
      for (let at = key.lastIndexOf('/'); at > 0; at = key.lastIndexOf('/', at - 1)) if (keys.has(key.slice(0, at))) return false;
      return true;
    });
    for (const key of top) {
      const uri = vscode.Uri.parse(key);
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder) continue;
      try {
        if (!((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory)) continue;
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, NOTE_GLOB), this.searchExclude(folder));
        await Promise.all(found.map((note) => this.fromDisk(note)));
      } catch {
        // gone again, or no search on this file system
      }
    }
  }

  /** A deleted file, or every note under a deleted folder. */
  private removeUnder(uri: vscode.Uri): void {
    const key = uri.toString();
    const prefix = key.endsWith('/') ? key : `${key}/`;
    const changes: IndexChange[] = [];
    for (const file of this.index.files()) {
      if (file === key || file.startsWith(prefix)) {
        this.eventsDuringScan?.add(file);
        changes.push(this.remove(file));
      }
    }
    for (const document of vscode.workspace.textDocuments) {
      const file = document.uri.toString();
      if (!document.isClosed && (file === key || file.startsWith(prefix))) this.deletedOnDisk.add(file);
    }
    this.fire(changes);
  }

  private renamed(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const from = oldUri.toString();
    const prefix = `${from}/`;
    const to = newUri.toString();
    const changes: IndexChange[] = [];
    for (const file of this.index.files()) {
      if (file !== from && !file.startsWith(prefix)) continue;
      const target = to + file.slice(from.length);
      this.eventsDuringScan?.add(file).add(target);
      const before = this.index.get(file)!;
      this.index.rename(file, target);
      changes.push({ file, before });
      if (this.inScope(vscode.Uri.parse(target))) changes.push({ file: target, after: this.index.get(target) });
      else this.index.delete(target);
    }
    this.fire(changes);
  }

  /** `files.exclude` (entries set to true) and `noteCoach.exclude`, matched against the path and each of its folders. */
  private excluded(folder: vscode.WorkspaceFolder, path: string): boolean {
    const key = folder.uri.toString();
    let matcher = this.excludes.get(key);
    if (!matcher) {
      const patterns = excludePatterns(folder).map(globMatcher);
      matcher = (rel) => {
        let at = rel.indexOf('/');
        while (at !== -1) {
          const dir = rel.slice(0, at);
          if (patterns.some((matches) => matches(dir))) return true;
          at = rel.indexOf('/', at + 1);
        }
        return patterns.some((matches) => matches(rel));
      };
      this.excludes.set(key, matcher);
    }
    return matcher(path);
  }

  /**
   * The exclude the file search gets. A string replaces `files.exclude`, so it
   * carries both settings, as one `{a,b}` group when that is safe; otherwise the
   * search applies `files.exclude` and `inScope` filters out the rest.
   */
  private searchExclude(folder: vscode.WorkspaceFolder): string | undefined {
    const own = ownExclude(folder);
    if (!own) return undefined;
    const patterns = excludePatterns(folder);
    if (patterns.some((p) => /[{},]/.test(p))) return undefined;
    return patterns.length === 1 ? patterns[0] : `{${patterns.join(',')}}`;
  }

  dispose(): void {
    this.scanId++;
    clearTimeout(this.createdTimer);
    for (const timer of this.editTimers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}

function ownExclude(folder: vscode.WorkspaceFolder): string {
  return (vscode.workspace.getConfiguration('noteCoach', folder.uri).get<string>('exclude', '') ?? '').trim();
}

function excludePatterns(folder: vscode.WorkspaceFolder): string[] {
  const files = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude', {}) ?? {};
  // Conditional entries ({ "when": … }) hide files next to others; notes never qualify.
  const patterns = Object.entries(files)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
  const own = ownExclude(folder);
  if (own) patterns.push(own);
  return patterns;
}

function openDocument(key: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
}

/**
 * The note's text, or undefined when it cannot be read or should not be: what
 * it is and its size are checked before reading, so a FIFO, a device or a link
 * to /dev/zero named like a note never blocks or fills the extension host. A
 * file of more bytes than three times maxFileSize has more characters than
 * maxFileSize (UTF-8 takes at most three bytes per UTF-16 unit), and the index
 * leaves such notes out anyway.
 */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.File)) return undefined;
    if (stat.size > Math.min(MAX_NOTE_BYTES, 3 * maxFileSize(uri))) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function maxFileSize(uri: vscode.Uri): number {
  return vscode.workspace.getConfiguration('noteCoach', uri).get<number>('maxFileSize', 1_000_000);
}

/** Notes over `noteCoach.maxFileSize` get only the quick checks when open; the index leaves them out. */
function tooLarge(uri: vscode.Uri, text: string): boolean {
  return text.length > maxFileSize(uri);
}

function relativePath(folder: vscode.Uri, uri: vscode.Uri): string {
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path.replace(/^\//, '');
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
