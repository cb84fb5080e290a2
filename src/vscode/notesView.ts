/**
 * The Notes overview (Explorer view `noteCoach.notes`): the workspace's notes
 * grouped by company, each showing recipient, scenario, status, interview date
 * and problem count, with Open to the Side and Mark as Sent inline (a click on a row opens it).
 */
import * as vscode from 'vscode';
import { filledItems, type IndexedNote } from '../core/index';
import { isoDay } from '../core/dates';
import type { Linter } from './diagnostics';
import type { WorkspaceIndex } from './workspaceIndex';
import { plural as count } from '../shared/problems';

export const NOTES_VIEW_ID = 'noteCoach.notes';
/** Context key: the workspace has at least one note (the view shows only then). */
export const HAS_NOTES_CONTEXT = 'noteCoach.hasNotes';
const REFRESH_DELAY_MS = 100;
const NO_COMPANY = '(no company)';

export interface CompanyElement {
  kind: 'company';
  /** The index's company key ("" for notes without a company). */
  key: string;
  name: string;
  notes: NoteElement[];
}

export interface NoteElement {
  kind: 'note';
  /** What tells this note from another of the group to the same recipient (role, scenario, date or file name). */
  distinct?: string;
  /** The index key: `uri.toString()`. */
  file: string;
  uri: vscode.Uri;
  entry: IndexedNote;
  company: CompanyElement;
}

export type NotesElement = CompanyElement | NoteElement;

/** The note a command was given: a Uri (editor, Explorer), a Notes view item, or nothing (the active editor). */
export function noteUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  if (target && typeof target === 'object' && (target as NotesElement).kind === 'note') return (target as NoteElement).uri;
  return undefined;
}

export class NotesView implements vscode.TreeDataProvider<NotesElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NotesElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private groups: CompanyElement[] | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private hasNotes: boolean | undefined;

  constructor(
    private readonly workspace: WorkspaceIndex,
    private readonly linter: Linter,
  ) {
    this.disposables.push(
      workspace.onDidChange(() => this.refresh()),
      linter.onDidLint(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((uri) => workspace.get(uri.toString()))) this.refresh();
      }),
    );
    this.updateContext();
  }

  /** Rebuild the tree soon (events come in bursts: a scan batch, Check All). */
  refresh(): void {
    this.groups = undefined;
    this.updateContext();
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.changed.fire(undefined);
    }, REFRESH_DELAY_MS);
  }

  getChildren(element?: NotesElement): NotesElement[] {
    if (!element) return this.companies();
    return element.kind === 'company' ? element.notes : [];
  }

  getParent(element: NotesElement): NotesElement | undefined {
    return element.kind === 'note' ? element.company : undefined;
  }

  getTreeItem(element: NotesElement): vscode.TreeItem {
    return element.kind === 'company' ? this.companyItem(element) : this.noteItem(element);
  }

  /** Companies sorted by name (notes without one last), each with its notes, the latest interview first. */
  companies(): CompanyElement[] {
    if (this.groups) return this.groups;
    const byKey = new Map<string, CompanyElement>();
    for (const entry of this.workspace.all()) {
      let group = byKey.get(entry.companyKey);
      if (!group) {
        group = { kind: 'company', key: entry.companyKey, name: entry.note.frontMatter.company?.trim() || NO_COMPANY, notes: [] };
        byKey.set(entry.companyKey, group);
      }
      group.notes.push({ kind: 'note', file: entry.file, uri: vscode.Uri.parse(entry.file), entry, company: group });
    }
    const groups = [...byKey.values()];
    for (const group of groups) {
      group.notes.sort((a, b) => interviewTime(b) - interviewTime(a) || recipient(a).localeCompare(recipient(b)) || a.file.localeCompare(b.file));
      // The spelling of the most recent note names the group.
      if (group.key) group.name = group.notes[0].entry.note.frontMatter.company?.trim() || group.name;
      markDistinct(group.notes);
    }
    groups.sort((a, b) => (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
    this.groups = groups;
    return groups;
  }

  private companyItem(group: CompanyElement): vscode.TreeItem {
    const item = new vscode.TreeItem(group.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `company:${group.key}`;
    item.contextValue = 'noteCoach.company';
    item.iconPath = new vscode.ThemeIcon('organization');
    const problems = group.notes.reduce((sum, n) => sum + (this.linter.problemCount(n.uri) ?? 0), 0);
    item.description = `${count(group.notes.length, 'note')}${problems ? ` · ${count(problems, 'problem')}` : ''}`;
    return item;
  }

  private noteItem(element: NoteElement): vscode.TreeItem {
    const fm = element.entry.note.frontMatter;
    const status = fm.status ?? 'draft';
    const item = new vscode.TreeItem(element.distinct ? `${recipient(element)} — ${element.distinct}` : recipient(element), vscode.TreeItemCollapsibleState.None);
    item.id = `note:${element.file}`;
    item.resourceUri = element.uri;
    item.contextValue = `noteCoach.note.${status}`;
    const problems = this.linter.problemCount(element.uri);
    // Short enough to show in a narrow side bar; the scenario and the rest are in the tooltip.
    const parts: string[] = [status];
    const date = interviewDate(element);
    if (date) parts.push(date);
    if (problems !== undefined) parts.push(problems ? count(problems, 'problem') : 'no problems');
    item.description = parts.join(' · ');
    item.iconPath = new vscode.ThemeIcon(status === 'sent' ? 'pass' : 'edit', problems ? new vscode.ThemeColor('list.warningForeground') : undefined);
    item.tooltip = this.tooltip(element, problems);
    item.command = { command: 'noteCoach.openNote', title: 'Open Note', arguments: [element] };
    return item;
  }

  private tooltip(element: NoteElement, problems: number | undefined): vscode.MarkdownString {
    const fm = element.entry.note.frontMatter;
    const lines = [`**${markdownText(recipient(element))}**${fm.company ? ` — ${markdownText(fm.company)}` : ''}`, ''];
    const rows: [string, string | undefined][] = [
      ['Role', fm.role],
      ['Scenario', fm.scenario],
      ['Channel', fm.channel],
      ['Interviewed', fm.interviewed],
      ['Status', fm.status === 'sent' ? `sent${fm.sent ? ` on ${fm.sent}` : ''}` : 'draft'],
      ['Topics', filledItems('topics', fm.topics).join(', ') || undefined],
      ['Problems', problems === undefined ? 'not checked yet (open the note, or run Check All Notes)' : String(problems)],
    ];
    for (const [label, value] of rows) if (value) lines.push(`${label}: ${markdownText(value)}  `);
    lines.push('', markdownText(vscode.workspace.asRelativePath(element.uri)));
    return new vscode.MarkdownString(lines.join('\n'));
  }

  private updateContext(): void {
    const has = this.workspace.index.size > 0;
    if (has === this.hasNotes) return;
    this.hasNotes = has;
    void vscode.commands.executeCommand('setContext', HAS_NOTES_CONTEXT, has);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Notes of a group with the same recipient get the first of role, scenario,
 * interview date and file name that tells them apart, so no two rows read alike.
 */
function markDistinct(notes: NoteElement[]): void {
  const byName = new Map<string, NoteElement[]>();
  for (const n of notes) {
    const key = recipient(n).toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), n]);
  }
  const fields: ((n: NoteElement) => string | undefined)[] = [
    (n) => n.entry.note.frontMatter.role?.trim() || undefined,
    (n) => n.entry.note.frontMatter.scenario,
    interviewDate,
    (n) => n.uri.path.split('/').pop()?.replace(/\.note\.md$/i, ''),
  ];
  for (const same of byName.values()) {
    for (const n of same) n.distinct = undefined;
    if (same.length < 2) continue;
    const field = fields.find((f) => new Set(same.map((n) => f(n) ?? '')).size === same.length) ?? fields[fields.length - 1];
    for (const n of same) n.distinct = field(n) ?? '';
  }
}

function recipient(element: NoteElement): string {
  return element.entry.note.frontMatter.to?.trim() || element.uri.path.split('/').pop() || element.file;
}

function interviewTime(element: NoteElement): number {
  return element.entry.note.frontMatter.interviewedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
}

function interviewDate(element: NoteElement): string | undefined {
  const fm = element.entry.note.frontMatter;
  return fm.interviewedAt ? isoDay(fm.interviewedAt) : fm.interviewed?.trim() || undefined;
}

/** Text from a note, shown literally in Markdown (a name with "*" or "_" stays a name). */
function markdownText(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').replace(/\s+/g, ' ');
}

