/**
 * Live diagnostics for notes: on open, while typing (debounced) or on save,
 * stale results dropped, cleared on close.
 */
import * as vscode from 'vscode';
import { analyze, type Analysis, type Finding, type ResolvedConfig } from '../core/index';
import type { ConfigurationService } from './configuration';
import { isNote, toRange } from './notes';

export const SOURCE = 'note-coach';
const TYPING_DELAY_MS = 250;

export interface NoteAnalysis extends Analysis {
  version: number;
  config: ResolvedConfig;
}

export class Linter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly results = new Map<string, NoteAnalysis>();
  private readonly generations = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a note's diagnostics were updated. */
  readonly onDidLint = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.changed];

  constructor(
    private readonly configs: ConfigurationService,
    private readonly docsBaseUrl: string,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.lint(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.runMode(e.document) === 'onType') this.schedule(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.lint(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      configs.onDidChange(() => this.lintAll()),
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
    const analysis = analyze(document.getText(), { config, file: document.uri.toString(), docsBaseUrl: this.docsBaseUrl });
    const result = { ...analysis, version: document.version, config };
    this.results.set(document.uri.toString(), result);
    return result;
  }

  /**
   * The analysis of exactly this version of the document, computing it when the
   * cached one is older, so code actions never act on stale offsets.
   */
  async analysisFor(document: vscode.TextDocument): Promise<NoteAnalysis | undefined> {
    if (!isNote(document)) return undefined;
    const cached = this.results.get(document.uri.toString());
    if (cached && cached.version === document.version) return cached;
    const { config } = await this.configs.forDocument(document.uri);
    return this.analyzeNow(document, config);
  }

  /** The last analysis, whatever its version (for the status bar). */
  lastAnalysis(uri: vscode.Uri): NoteAnalysis | undefined {
    return this.results.get(uri.toString());
  }

  toDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
    const severity =
      finding.severity === 'error'
        ? vscode.DiagnosticSeverity.Error
        : finding.severity === 'warning'
          ? vscode.DiagnosticSeverity.Warning
          : vscode.DiagnosticSeverity.Information;
    const diagnostic = new vscode.Diagnostic(toRange(document, finding.start, finding.end), finding.message, severity);
    diagnostic.source = SOURCE;
    diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(finding.docsUrl) };
    if (finding.related?.length) {
      diagnostic.relatedInformation = finding.related.map((r) => {
        const uri = r.file ? vscode.Uri.parse(r.file) : document.uri;
        const range = uri.toString() === document.uri.toString() ? toRange(document, r.start, r.end) : new vscode.Range(0, 0, 0, 0);
        return new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range), r.message);
      });
    }
    return diagnostic;
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
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
