/**
 * New Note…: pick a scenario, then recipient, company and role; creates
 * `<date>-<company>-<recipient>.note.md` from the scenario's template. Never
 * overwrites: a taken name gets `-2`, `-3`, ….
 *
 * New Note for Another Interviewer: the same, from an existing note — its
 * scenario's template, its front matter (company, role, topics, from,
 * interviewed, channel) copied as written, a new recipient, none of its body.
 */
import * as vscode from 'vscode';
import { filledItems, isTemplateDefault, parseNote, SCENARIOS, type FrontMatterEntry } from '../../core/index';
import { isoDay } from '../../core/dates';
import { escapeSnippetText, prefillSnippet, snippetBody } from '../../core/snippets';
import { SCENARIO_DESCRIPTIONS, type NoteCompletions } from '../completion';

export interface NewNoteInput {
  scenario: string;
  to: string;
  company: string;
  role: string;
  /** Extra front-matter values to carry over (from, topics…), for "another interviewer". */
  from?: string;
  /** Fills the template's `topics` slots in the body (joined: "a, b and c"). */
  topics?: string[];
  /**
   * Front-matter values as YAML source (what follows `key:`, e.g. `" email"` or
   * `"\n  - pipelines"`), written in place of the template's line for that key,
   * or before the closing `---` when the template has none.
   */
  frontMatter?: Record<string, string>;
  folder?: vscode.Uri;
}

/**
 * What "another interviewer" copies from the first note's front matter, as written
 * (the scenario picks the template, which writes it); never `to`, `email`,
 * `subject`, `status` or `sent`.
 */
export const COPIED_KEYS = ['company', 'role', 'interviewed', 'channel', 'topics', 'from'] as const;

export function slug(value: string): string {
  return (
    value
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'note'
  );
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function candidate(folder: vscode.Uri, base: string, i: number): vscode.Uri {
  return vscode.Uri.joinPath(folder, `${base}${i === 1 ? '' : `-${i}`}.note.md`);
}

function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
}

/**
 * Creates an empty note under the first free name in `folder`. The file is
 * created with overwrite off, so a file that appears between the check and
 * the write (another window, a sync tool) makes the creation fail, and the
 * next name is tried, instead of being emptied.
 */
export async function createFree(folder: vscode.Uri, base: string): Promise<vscode.Uri> {
  for (let i = 1; i < 1000; i++) {
    const uri = candidate(folder, base, i);
    if (isOpen(uri) || (await exists(uri))) continue;
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false });
    if (await vscode.workspace.applyEdit(edit)) return uri;
  }
  throw new Error(`No free file name for ${base}.note.md in ${folder.fsPath}.`);
}

/** `setting` under `folder`, or undefined when it leads outside it ("..", "../../elsewhere"). */
export function folderInside(folder: vscode.Uri, setting: string): vscode.Uri | undefined {
  const target = vscode.Uri.joinPath(folder, setting);
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return target.path === folder.path || target.path.startsWith(base) ? target : undefined;
}

/**
 * Where new notes go: `noteCoach.notesFolder` in the workspace, else next to
 * the active file. A notesFolder that leads outside the workspace folder is
 * not followed: the note goes in the workspace folder, and a warning says why.
 */
export function targetFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  const setting = vscode.workspace.getConfiguration('noteCoach', folder?.uri).get<string>('notesFolder', '').trim();
  if (folder && setting) {
    const inside = folderInside(folder.uri, setting);
    if (inside) return inside;
    void vscode.window.showWarningMessage(`The notes folder setting (${setting}) leads outside the workspace folder; the new note goes in the workspace folder instead.`);
    return folder.uri;
  }
  if (active && active.scheme !== 'untitled') return vscode.Uri.joinPath(active, '..');
  return folder?.uri;
}

export async function promptNewNote(defaults: Partial<NewNoteInput> = {}): Promise<NewNoteInput | undefined> {
  let scenario = defaults.scenario;
  if (!scenario) {
    const pick = await vscode.window.showQuickPick(
      SCENARIOS.map((s) => ({ label: s, detail: SCENARIO_DESCRIPTIONS[s] })),
      { title: 'New Note (1/4): what kind of note?', placeHolder: 'Pick a scenario', matchOnDetail: true },
    );
    if (!pick) return undefined;
    scenario = pick.label;
  }
  const ask = async (title: string, prompt: string, value?: string) =>
    vscode.window.showInputBox({ title, prompt, value, validateInput: (v) => (v.trim() ? undefined : 'Please enter a value.') });
  const to = await ask('New Note (2/4): recipient', 'Who is the note to? As you would greet them, e.g. "Ana Ruiz".', defaults.to);
  if (to === undefined) return undefined;
  const company = await ask('New Note (3/4): company', 'Which company?', defaults.company);
  if (company === undefined) return undefined;
  const role = await ask('New Note (4/4): role', 'Which role did you interview for?', defaults.role);
  if (role === undefined) return undefined;
  return { ...defaults, scenario, to: to.trim(), company: company.trim(), role: role.trim() };
}

/** Create the note and open it with the scenario's template; returns the new file. */
export async function createNote(input: NewNoteInput, completions: NoteCompletions): Promise<vscode.Uri | undefined> {
  const snippets = await completions.loadSnippets();
  const template = Object.values(snippets).find((s) => s.prefix === `note-${input.scenario}`);
  if (!template) {
    void vscode.window.showErrorMessage(`Note Coach has no template for the scenario "${input.scenario}".`);
    return undefined;
  }
  const from = input.from ?? vscode.workspace.getConfiguration('noteCoach').get<string>('from', '') ?? '';
  const known: Record<string, string | undefined> = {
    to: input.to,
    company: input.company || undefined,
    role: input.role || undefined,
    from: from || undefined,
    topics: input.topics?.length ? joinList(input.topics) : undefined,
  };
  const body = input.frontMatter ? withFrontMatter(snippetBody(template.body), input.frontMatter) : template.body;
  // Tab stops named after front-matter keys get the known values; the rest stay live for the writer.
  // (A choice's name is its first option, e.g. "email" for the channel: choices are never filled by name.)
  const filled = prefillSnippet(body, (stop) => (stop.nested || stop.choices ? undefined : own(known, stop.name)));
  const name = `${isoDay(new Date())}-${slug(input.company)}-${slug(input.to)}`;
  const folder = input.folder ?? targetFolder();
  let uri: vscode.Uri;
  if (folder) {
    await vscode.workspace.fs.createDirectory(folder);
    // Create it empty first (never over an existing file): the snippet then fills it with live tab stops for the rest.
    uri = await createFree(folder, name);
  } else {
    uri = vscode.Uri.from({ scheme: 'untitled', path: `${name}.note.md` });
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(filled), new vscode.Position(0, 0));
  if (folder) await document.save();
  return uri;
}

/**
 * New Note for Another Interviewer: asks for the recipient (unless given) and
 * creates a note next to `source` from its scenario's template, with its
 * company, role, topics, from, interviewed and channel.
 */
export async function newNoteForAnotherInterviewer(
  source: vscode.TextDocument,
  completions: NoteCompletions,
  preset: { to?: string; folder?: vscode.Uri } = {},
): Promise<vscode.Uri | undefined> {
  const input = anotherInterviewerInput(source.getText());
  let to = preset.to?.trim();
  if (!to) {
    const first = input.firstTo;
    const answer = await vscode.window.showInputBox({
      title: `New note for another interviewer${input.company ? ` at ${input.company}` : ''}`,
      prompt: 'Who is the new note to? As you would greet them, e.g. "Chidi Okafor". The front matter is copied; the body starts from the template.',
      validateInput: (v) =>
        !v.trim() ? 'Please enter a value.' : first && v.trim().toLowerCase() === first.toLowerCase() ? `This note is already to ${first}; enter the other interviewer.` : undefined,
    });
    if (answer === undefined) return undefined;
    to = answer.trim();
  }
  const folder = preset.folder ?? (source.uri.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(source.uri, '..'));
  return createNote({ ...input, to, folder }, completions);
}

/** The New Note input copied from a note's text (recipient left empty). */
export function anotherInterviewerInput(text: string): NewNoteInput & { firstTo?: string } {
  const note = parseNote(text);
  const fm = note.frontMatter;
  const frontMatter: Record<string, string> = {};
  for (const key of COPIED_KEYS) {
    const entry = note.frontMatterBlock.entries.find((e) => e.key === key);
    // A value the template wrote and nobody replaced ("topics: - topics") is not carried over.
    const values = entry ? (Array.isArray(entry.value) ? entry.value : [entry.value]) : [];
    if (values.length && values.every((v) => isTemplateDefault(key, v))) continue;
    const source = entry && yamlSource(text, entry);
    if (source) frontMatter[key] = source;
  }
  const filled = (key: string, value: string | undefined) => (value === undefined || isTemplateDefault(key, value) ? undefined : value);
  return {
    scenario: fm.scenario,
    to: '',
    company: filled('company', fm.company) ?? '',
    role: filled('role', fm.role) ?? '',
    from: filled('from', fm.from),
    topics: filledItems('topics', fm.topics),
    frontMatter,
    firstTo: fm.to,
  };
}

/** A front-matter value's YAML exactly as written, with what separates it from `key:` (a space, or a line break and indentation). */
function yamlSource(text: string, entry: FrontMatterEntry): string | undefined {
  const { start, end } = entry.valueSpan;
  const value = text.slice(start, end).replace(/\s+$/, '');
  if (!value) return undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const keyLineStart = text.lastIndexOf('\n', entry.keySpan.start - 1) + 1;
  // A block list or map starts on the next line: keep its indentation.
  if (lineStart > keyLineStart) return `\n${text.slice(lineStart, start)}${value}`.replace(/\r\n/g, '\n');
  return ` ${value.replace(/\r\n/g, '\n')}`;
}

/**
 * A snippet with some front-matter lines replaced by literal YAML: each `key:`
 * line (and its indented continuation) of the template's front matter whose key
 * is in `values`; keys the template lacks go before the closing `---`.
 */
export function withFrontMatter(snippet: string, values: Record<string, string>): string {
  const lines = snippet.split('\n');
  const close = lines.indexOf('---', 1);
  if (lines[0] !== '---' || close === -1) return snippet;
  const out = ['---'];
  const done = new Set<string>();
  for (let i = 1; i < close; i++) {
    const key = /^([A-Za-z][\w-]*):/.exec(lines[i])?.[1];
    if (key === undefined || !Object.hasOwn(values, key)) {
      out.push(lines[i]);
      continue;
    }
    out.push(`${key}:${escapeSnippetText(values[key])}`);
    done.add(key);
    while (i + 1 < close && /^\s/.test(lines[i + 1])) i++;
  }
  for (const [key, value] of Object.entries(values)) if (!done.has(key)) out.push(`${key}:${escapeSnippetText(value)}`);
  return [...out, ...lines.slice(close)].join('\n');
}

function own(values: Record<string, string | undefined>, key: string): string | undefined {
  return Object.hasOwn(values, key) ? values[key] : undefined;
}

/** "a", "a and b", "a, b and c". */
function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
