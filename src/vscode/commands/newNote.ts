/**
 * New Note…: pick a scenario, then recipient, company and role; creates
 * `<date>-<company>-<recipient>.note.md` from the scenario's template. Never
 * overwrites: a taken name gets `-2`, `-3`, ….
 */
import * as vscode from 'vscode';
import { SCENARIOS } from '../../core/index';
import { isoDay } from '../../core/dates';
import { prefillSnippet } from '../../core/snippets';
import { SCENARIO_DESCRIPTIONS, type NoteCompletions } from '../completion';

export interface NewNoteInput {
  scenario: string;
  to: string;
  company: string;
  role: string;
  /** Extra front-matter values to carry over (from, topics…), for "another interviewer". */
  from?: string;
  folder?: vscode.Uri;
}

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

/** A name in `folder` that no file has yet. */
export async function freeName(folder: vscode.Uri, base: string): Promise<vscode.Uri> {
  for (let i = 1; i < 1000; i++) {
    const uri = vscode.Uri.joinPath(folder, `${base}${i === 1 ? '' : `-${i}`}.note.md`);
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    if (!open && !(await exists(uri))) return uri;
  }
  throw new Error(`No free file name for ${base}.note.md in ${folder.fsPath}.`);
}

/** Where new notes go: `noteCoach.notesFolder` in the workspace, else next to the active file. */
export function targetFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  const setting = vscode.workspace.getConfiguration('noteCoach', folder?.uri).get<string>('notesFolder', '').trim();
  if (folder && setting) return vscode.Uri.joinPath(folder.uri, setting);
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
  const known: Record<string, string | undefined> = { to: input.to, company: input.company, role: input.role, from: from || undefined };
  // Tab stops named after front-matter keys get the known values; the rest stay live for the writer.
  const filled = prefillSnippet(template.body, (stop) => (stop.nested ? undefined : known[stop.name]));
  const name = `${isoDay(new Date())}-${slug(input.company)}-${slug(input.to)}`;
  const folder = input.folder ?? targetFolder();
  let uri: vscode.Uri;
  if (folder) {
    await vscode.workspace.fs.createDirectory(folder);
    uri = await freeName(folder, name);
    // Create it empty first: the snippet then fills it with live tab stops for the rest.
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
  } else {
    uri = vscode.Uri.from({ scheme: 'untitled', path: `${name}.note.md` });
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(filled), new vscode.Position(0, 0));
  if (folder) await document.save();
  return uri;
}
