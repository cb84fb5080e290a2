/**
 * Live diagnostics for notes: on open, while typing (debounced) or on save,
 * stale results dropped, cleared on close.
 *
 * Each note is checked against the other notes of the workspace index. When a
 * note changes (an edit, or a file on disk), the other open notes it can affect
 * are checked again: those at the same company as its old or new version, and
 * every open note when its `to` or `company` changed.
 *
 * Check All Notes also sets diagnostics on notes that are not open, from the
 * index's text. Such a note keeps them until the next Check All or a change to
 * its file (then it is checked again, or cleared when deleted); opening it
 * replaces them with live ones, and closing it checks it again from disk.
 */
import * as vscode from 'vscode';
import { analyze, companyKey, computeLineStarts, type Analysis, type Finding, type IndexedNote, type Note, type ResolvedConfig } from '../core/index';
import type { ConfigurationService } from './configuration';
import { isNote, toRange } from './notes';
import { countProblems, plural } from '../shared/problems';
import type { IndexChange, WorkspaceIndex } from './workspaceIndex';

export const SOURCE = 'note-coach';
const TYPING_DELAY_MS = 250;
/** Other notes are checked again this long after the last change that affects them. */
const RELATED_DELAY_MS = 300;
/** Check All yields to the extension host after this many notes. */
const CHECK_ALL_BATCH = 16;

export interface NoteAnalysis extends Analysis {
  version: number;
  config: ResolvedConfig;
  /** The index generation the note was compared against. */
  indexGeneration: number;
}

export interface CheckAllResult {
  notes: number;
  problems: number;
}

type RangeOf = (start: number, end: number) => vscode.Range;

export class Linter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly results = new Map<string, NoteAnalysis>();
  private readonly generations = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a note's diagnostics were updated. */
  readonly onDidLint = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.changed];
  /** Notes the last Check All covered: when closed, they keep (fresh) diagnostics. */
  private checkedAll = new Set<string>();
  /** Open notes to check again because another note changed. */
  private readonly related = new Set<string>();
  private relatedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly configs: ConfigurationService,
    private readonly docsBaseUrl: string,
    private readonly workspace: WorkspaceIndex,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.lint(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.runMode(e.document) === 'onType') this.schedule(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.lint(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
      configs.onDidChange(() => {
        this.lintAll();
        void this.recheckClosed();
      }),
      workspace.onDidChange((changes) => this.indexChanged(changes)),
    );
    this.lintAll();
  }

  private runMode(document: vscode.TextDocument): string {
    return vscode.workspace.getConfiguration('noteCoach', document.uri).get<string>('run', 'onType');
  }

  lintAll(): void {
    for (const document of vscode.workspace.textDocuments) this.lint(document);
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lint(document);
      }, TYPING_DELAY_MS),
    );
  }

  /** Lint a note now. Results computed for an older version, or overtaken by a newer request, are dropped. */
  async lint(document: vscode.TextDocument): Promise<NoteAnalysis | undefined> {
    if (!isNote(document) || document.isClosed) return undefined;
    const key = document.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const { config } = await this.configs.forDocument(document.uri);
    if (this.generations.get(key) !== generation || document.isClosed) return undefined;
    const result = this.analyzeNow(document, config);
    this.collection.set(document.uri, result.findings.map((f) => this.toDiagnostic(document, f)));
    this.changed.fire(document.uri);
    return result;
  }

  private analyzeNow(document: vscode.TextDocument, config: ResolvedConfig): NoteAnalysis {
    const file = document.uri.toString();
    // The index parses the open text (once) and the analysis reuses that model.
    const entry = this.workspace.syncDocument(document);
    const input: string | Note = entry?.text === document.getText() ? entry.note : document.getText();
    const analysis = analyze(input, { config, file, workspace: this.workspace.others(file), docsBaseUrl: this.docsBaseUrl });
    const result = { ...analysis, version: document.version, config, indexGeneration: this.workspace.index.generation };
    this.results.set(file, result);
    return result;
  }

  /** Check a note that is not open, from the index's text; its diagnostics get ranges from that text. */
  private async checkClosed(entry: IndexedNote): Promise<number> {
    const uri = vscode.Uri.parse(entry.file);
    const { config } = await this.configs.forDocument(uri);
    // Opened, changed or removed meanwhile: that path reports it.
    if (openNote(entry.file) || this.workspace.get(entry.file) !== entry) return 0;
    const analysis = analyze(entry.note, { config, file: entry.file, workspace: this.workspace.others(entry.file), docsBaseUrl: this.docsBaseUrl });
    const rangeOf: RangeOf = (start, end) => rangeInText(entry, start, end);
    this.collection.set(uri, analysis.findings.map((f) => this.diagnostic(uri, rangeOf, f)));
    this.changed.fire(uri);
    return countProblems(analysis.findings);
  }

  /**
   * Check All Notes: every note of the workspace, open or not, into the Problems
   * view. Waits for the first index scan; runs in batches.
   */
  async checkAll(): Promise<CheckAllResult> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Note Coach: checking all notes' }, async () => {
      await this.workspace.whenReady();
      const entries = this.workspace.all();
      const previous = this.checkedAll;
      this.checkedAll = new Set(entries.map((e) => e.file));
      for (const file of previous) {
        if (!this.checkedAll.has(file) && !openNote(file)) this.collection.delete(vscode.Uri.parse(file));
      }
      let notes = 0;
      let problems = 0;
      for (const document of vscode.workspace.textDocuments) {
        if (!isNote(document) || document.isClosed) continue;
        const result = (await this.lint(document)) ?? this.results.get(document.uri.toString());
        notes++;
        problems += countProblems(result?.findings ?? []);
      }
      for (const [i, entry] of entries.entries()) {
        if (openNote(entry.file)) continue;
        notes++;
        problems += await this.checkClosed(entry);
        if (i % CHECK_ALL_BATCH === CHECK_ALL_BATCH - 1) await pause(0);
      }
      void vscode.window.setStatusBarMessage(`Note Coach: checked ${plural(notes, 'note')}, ${plural(problems, 'problem')} (errors and warnings).`, 5000);
      return { notes, problems };
    });
  }

  /** Check again the notes that Check All covered and that are not open (the configuration changed). */
  private async recheckClosed(): Promise<void> {
    let checked = 0;
    for (const file of [...this.checkedAll]) {
      const entry = this.workspace.get(file);
      if (!entry || openNote(file)) continue;
      await this.checkClosed(entry);
      if (++checked % CHECK_ALL_BATCH === 0) await pause(0);
    }
  }

  /**
   * The problems shown for a note (errors and warnings, see src/shared/problems.ts), or
   * undefined when it has not been checked (not open, not in a Check All). Every count
   * the extension shows comes from here.
   */
  problemCount(uri: vscode.Uri): number | undefined {
    const key = uri.toString();
    if (!this.results.has(key) && !this.checkedAll.has(key)) return undefined;
    let n = 0;
    for (const d of this.collection.get(uri) ?? []) if (d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning) n++;
    return n;
  }

  /** Which open notes another note's change can affect, checked again after a pause. */
  private indexChanged(changes: readonly IndexChange[]): void {
    const open = vscode.workspace.textDocuments.filter((d) => isNote(d) && !d.isClosed);
    for (const change of changes) {
      const { before, after } = change;
      const names = before?.note.frontMatter.to !== after?.note.frontMatter.to || before?.note.frontMatter.company !== after?.note.frontMatter.company;
      const companies = new Set([before?.companyKey, after?.companyKey].filter((k) => k !== undefined));
      for (const document of open) {
        const key = document.uri.toString();
        if (key === change.file) continue;
        if (names || companies.has(this.companyOf(key))) this.related.add(key);
      }
      // A note that Check All covered and that is not open: its own file changed.
      if (this.checkedAll.has(change.file) && !openNote(change.file)) {
        if (after) void this.checkClosed(after);
        else {
          this.checkedAll.delete(change.file);
          this.collection.delete(vscode.Uri.parse(change.file));
          this.changed.fire(vscode.Uri.parse(change.file));
        }
      }
    }
    if (this.related.size === 0) return;
    clearTimeout(this.relatedTimer);
    this.relatedTimer = setTimeout(() => {
      this.relatedTimer = undefined;
      const keys = [...this.related];
      this.related.clear();
      for (const key of keys) {
        const document = openNote(key);
        if (document) void this.lint(document);
      }
    }, RELATED_DELAY_MS);
  }

  private companyOf(file: string): string {
    return this.workspace.get(file)?.companyKey ?? companyKey(this.results.get(file)?.note.frontMatter.company);
  }

  /**
   * The analysis of exactly this version of the document, computing it when the
   * cached one is older, so code actions never act on stale offsets.
   */
  async analysisFor(document: vscode.TextDocument): Promise<NoteAnalysis | undefined> {
    if (!isNote(document)) return undefined;
    const cached = this.results.get(document.uri.toString());
    if (cached && cached.version === document.version && cached.indexGeneration === this.workspace.index.generation) return cached;
    const { config } = await this.configs.forDocument(document.uri);
    return this.analyzeNow(document, config);
  }

  /** The last analysis, whatever its version (for the status bar). */
  lastAnalysis(uri: vscode.Uri): NoteAnalysis | undefined {
    return this.results.get(uri.toString());
  }

  toDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
    return this.diagnostic(document.uri, (start, end) => toRange(document, start, end), finding);
  }

  /** A finding as a diagnostic of `uri`, whose offsets `rangeOf` turns into a range. */
  private diagnostic(uri: vscode.Uri, rangeOf: RangeOf, finding: Finding): vscode.Diagnostic {
    const severity =
      finding.severity === 'error'
        ? vscode.DiagnosticSeverity.Error
        : finding.severity === 'warning'
          ? vscode.DiagnosticSeverity.Warning
          : vscode.DiagnosticSeverity.Information;
    const diagnostic = new vscode.Diagnostic(rangeOf(finding.start, finding.end), finding.message, severity);
    diagnostic.source = SOURCE;
    diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(finding.docsUrl) };
    if (finding.related?.length) {
      diagnostic.relatedInformation = finding.related.map((r) => {
        const other = r.file ? vscode.Uri.parse(r.file) : uri;
        return new vscode.DiagnosticRelatedInformation(new vscode.Location(other, this.relatedRange(uri, rangeOf, other, r.start, r.end)), r.message);
      });
    }
    return diagnostic;
  }

  /** Offsets into another note are offsets into the text the rule saw: the index's text of that note. */
  private relatedRange(uri: vscode.Uri, rangeOf: RangeOf, other: vscode.Uri, start: number, end: number): vscode.Range {
    const key = other.toString();
    if (key === uri.toString()) return rangeOf(start, end);
    const entry = this.workspace.get(key);
    if (entry) return rangeInText(entry, start, end);
    const document = openNote(key);
    return document ? toRange(document, start, end) : new vscode.Range(0, 0, 0, 0);
  }

  private closed(document: vscode.TextDocument): void {
    this.forget(document.uri);
    const key = document.uri.toString();
    if (!this.checkedAll.has(key)) return;
    // Covered by Check All: check it again from the file, once the index has gone back to it.
    void this.workspace.fromDisk(document.uri, true).then((entry) => {
      if (entry && !openNote(key)) return this.checkClosed(entry);
      return undefined;
    });
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.results.delete(key);
    this.collection.delete(uri);
    this.changed.fire(uri);
  }

  dispose(): void {
    clearTimeout(this.relatedTimer);
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function openNote(key: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key && isNote(d));
}

const lineStartsCache = new WeakMap<IndexedNote, number[]>();

/**
 * A range in a note that has no TextDocument, from UTF-16 offsets into its
 * text, with the core's line model (\r\n, \n or \r end a line, as in VS Code).
 */
export function rangeInText(entry: IndexedNote, start: number, end: number): vscode.Range {
  let starts = lineStartsCache.get(entry);
  if (!starts) lineStartsCache.set(entry, (starts = computeLineStarts(entry.text)));
  return new vscode.Range(positionIn(entry.text, starts, start), positionIn(entry.text, starts, end));
}

function positionIn(text: string, starts: readonly number[], offset: number): vscode.Position {
  const at = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  // An offset inside a line break is the end of its line.
  let lineEnd = lo + 1 < starts.length ? starts[lo + 1] : text.length;
  while (lineEnd > starts[lo] && lo + 1 < starts.length && (text.charCodeAt(lineEnd - 1) === 10 || text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
  return new vscode.Position(lo, Math.min(at, lineEnd) - starts[lo]);
}
