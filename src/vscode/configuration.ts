/**
 * Configuration for a note: `noteCoach.*` settings, then the nearest
 * `.notecoach.json` (from the note's folder up to its workspace folder) over
 * them. Files are read through `workspace.fs`, so virtual workspaces work.
 */
import * as vscode from 'vscode';
// The ESM build: the package's default UMD build requires its parts dynamically, which a bundle can't follow.
import { findNodeAtLocation, parseTree } from 'jsonc-parser/lib/esm/main.js';
import { CONFIG_FILE_NAME, parseConfigText, resolveConfig, rules, type ConfigLayer, type ConfigProblem, type ResolvedConfig } from '../core/index';

export interface NoteConfig {
  config: ResolvedConfig;
  /** The `.notecoach.json` that applies, if any. */
  file?: vscode.Uri;
}

export class ConfigurationService implements vscode.Disposable {
  /** Folder URI → the config file found for it (null: none up to the root). */
  private readonly found = new Map<string, Promise<vscode.Uri | null>>();
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly problems: vscode.DiagnosticCollection) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const invalidate = () => {
      this.found.clear();
      this.texts.clear();
      this.changed.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(invalidate),
      watcher.onDidChange(invalidate),
      watcher.onDidDelete(invalidate),
      // An unsaved edit to .notecoach.json counts only once saved, like the CLI; saving fires the watcher,
      // but some file systems don't report it, so listen to saves too.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.uri.path.endsWith(`/${CONFIG_FILE_NAME}`)) invalidate();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('noteCoach')) this.changed.fire();
      }),
    );
  }

  async forDocument(uri: vscode.Uri): Promise<NoteConfig> {
    const settings = this.settingsLayer(uri);
    const file = await this.findConfigFile(uri);
    const layers: ConfigLayer[] = [settings];
    const problems: ConfigProblem[] = [];
    if (file) {
      const text = await this.read(file);
      if (text !== undefined) {
        const parsed = parseConfigText(text, file.toString());
        if (parsed.layer) layers.push(parsed.layer);
        if (parsed.problem) problems.push(parsed.problem);
      }
    }
    const resolved = resolveConfig(rules, layers);
    problems.push(...resolved.problems);
    if (file) this.showProblems(file, problems.filter((p) => p.source === file.toString()));
    return { config: resolved.config, file: file ?? undefined };
  }

  private settingsLayer(uri: vscode.Uri): ConfigLayer {
    const s = vscode.workspace.getConfiguration('noteCoach', uri);
    const value: Record<string, unknown> = {};
    const rulesSetting = s.get<Record<string, unknown>>('rules');
    if (rulesSetting && Object.keys(rulesSetting).length) value.rules = rulesSetting;
    const words = s.get<string[]>('words');
    if (words?.length) value.words = words;
    const dictionary = s.get<string>('dictionary');
    if (dictionary) value.dictionary = dictionary;
    const from = s.get<string>('from');
    if (from) value.from = from;
    const maxFileSize = s.get<number>('maxFileSize');
    if (maxFileSize) value.maxFileSize = maxFileSize;
    return { source: 'settings', value };
  }

  private findConfigFile(uri: vscode.Uri): Promise<vscode.Uri | null> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const dir = vscode.Uri.joinPath(uri, '..');
    // Outside every workspace folder no watcher sees the file change: look again each time.
    if (!folder) return this.search(dir, undefined);
    const key = dir.toString();
    let promise = this.found.get(key);
    if (!promise) {
      promise = this.search(dir, folder?.uri);
      this.found.set(key, promise);
    }
    return promise;
  }

  private async search(dir: vscode.Uri, root: vscode.Uri | undefined): Promise<vscode.Uri | null> {
    if (dir.scheme === 'untitled') return null;
    let current = dir;
    for (let depth = 0; depth < 64; depth++) {
      const candidate = vscode.Uri.joinPath(current, CONFIG_FILE_NAME);
      try {
        const stat = await vscode.workspace.fs.stat(candidate);
        if (stat.type & vscode.FileType.File) return candidate;
      } catch {
        // not here; go up
      }
      // Only the note's own folder when it is outside every workspace folder.
      if (!root || current.toString() === root.toString()) return null;
      const parent = vscode.Uri.joinPath(current, '..');
      if (parent.toString() === current.toString() || !parent.path.startsWith(root.path)) return null;
      current = parent;
    }
    return null;
  }

  private read(file: vscode.Uri): Promise<string | undefined> {
    const key = file.toString();
    let promise = vscode.workspace.getWorkspaceFolder(file) ? this.texts.get(key) : undefined;
    if (!promise) {
      promise = Promise.resolve(vscode.workspace.fs.readFile(file)).then(
        (bytes) => new TextDecoder().decode(bytes),
        () => undefined,
      );
      this.texts.set(key, promise);
    }
    return promise;
  }

  /** Problems in a `.notecoach.json` show on that file, at the offending key when it can be found. */
  private async showProblems(file: vscode.Uri, problems: ConfigProblem[]): Promise<void> {
    if (problems.length === 0) {
      this.problems.delete(file);
      return;
    }
    const text = (await this.read(file)) ?? '';
    const tree = parseTree(text);
    const lines = text.split('\n');
    const positionAt = (offset: number) => {
      let line = 0;
      let rest = offset;
      while (line < lines.length - 1 && rest > lines[line].length) {
        rest -= lines[line].length + 1;
        line++;
      }
      return new vscode.Position(line, rest);
    };
    const diagnostics = problems.map((p) => {
      const path = p.key ? splitKey(p.key) : [];
      const node = tree && path.length ? findNodeAtLocation(tree, path) : undefined;
      const target = node?.parent?.type === 'property' ? node.parent.children?.[0] ?? node : node;
      const range = target ? new vscode.Range(positionAt(target.offset), positionAt(target.offset + target.length)) : new vscode.Range(0, 0, 0, 0);
      const d = new vscode.Diagnostic(range, p.message, vscode.DiagnosticSeverity.Warning);
      d.source = 'note-coach';
      return d;
    });
    this.problems.set(file, diagnostics);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** `rules.max-length.email` → ['rules', 'max-length', 'email'] (rule ids contain dashes, never dots). */
function splitKey(key: string): string[] {
  return key.split('.');
}
