/**
 * The workspace layer in a real VS Code: the index, the Notes view, its
 * commands, Check All Notes, and diagnostics that follow changes to OTHER notes.
 * Runs after the workspace suite, in the same window (its notes are in the index too).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CompanyElement, NoteElement } from '../../src/vscode/notesView';
import { api, diagnosticsWith, ruleIds, sleep, waitFor } from './helpers';

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

const note = (path: string) => vscode.Uri.joinPath(folder(), 'notes', path);
const MAYA = 'quillon/2026-02-10-quillon-maya-chen.note.md';
const TOMAS = 'harbor-finch/2026-01-20-harbor-finch-tomas-silva.note.md';
const GRACE = 'harbor-finch/2026-01-21-harbor-finch-grace-kim.note.md';
const ARCHIVED = 'archive/2025-11-04-ostrava-rail-jan-novak.note.md';

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => !d.isClosed && d.uri.toString() === uri.toString());
}

async function companies(): Promise<CompanyElement[]> {
  const { notes } = await api();
  return notes.getChildren() as CompanyElement[];
}

async function company(name: string): Promise<CompanyElement | undefined> {
  return (await companies()).find((c) => c.name === name);
}

async function noteElement(uri: vscode.Uri): Promise<NoteElement | undefined> {
  for (const c of await companies()) {
    const found = c.notes.find((n) => n.file === uri.toString());
    if (found) return found;
  }
  return undefined;
}

async function item(uri: vscode.Uri): Promise<vscode.TreeItem | undefined> {
  const { notes } = await api();
  const element = await noteElement(uri);
  return element && notes.getTreeItem(element);
}

/** Errors and warnings: what every count in the extension counts. */
const counted = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'note-coach' && d.severity <= vscode.DiagnosticSeverity.Warning).length;
const label = (i: vscode.TreeItem) => (typeof i.label === 'string' ? i.label : i.label?.label);

describe('Notes overview and checks across notes', function () {
  this.timeout(60000);

  before(async () => {
    const { workspaceIndex, metrics } = await api();
    await workspaceIndex.whenReady();
    console.log(
      `[metrics] workspace index: scan #${workspaceIndex.metrics.scans} found ${workspaceIndex.metrics.scanned} notes in ${workspaceIndex.metrics.buildMs?.toFixed(1)} ms (findFiles ${workspaceIndex.metrics.searchMs?.toFixed(1)} ms, parsing ${workspaceIndex.metrics.parseMs?.toFixed(1)} ms), during start-up; ${workspaceIndex.metrics.files} notes indexed now; activation ${metrics.activationMs.toFixed(1)} ms`,
    );
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists the notes grouped by company, with recipient, scenario, status, date and problems', async () => {
    const { notes } = await api();
    await waitFor('the Quillon notes', async () => (await company('Quillon'))?.notes.length === 3);
    const groups = await companies();
    const names = groups.map((g) => g.name);
    const named = names.filter((n) => n !== '(no company)');
    assert.deepEqual(named, [...named].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })), 'companies are sorted');
    assert.ok(names.includes('Harbor & Finch') && names.includes('Fernleaf'), names.join(', '));
    assert.ok(names.includes('Ostrava Rail'), 'notes in every folder are indexed');

    const quillon = (await company('Quillon'))!;
    const groupItem = notes.getTreeItem(quillon);
    assert.equal(groupItem.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.match(String(groupItem.description), /^3 notes/);
    // Latest interview first; the same day by recipient.
    const items = quillon.notes.map((n) => notes.getTreeItem(n));
    assert.deepEqual(items.map(label), ['Luis Ortega', 'Maya Chen', 'Priya Nair']);
    const [luis, maya, priya] = items;
    assert.match(String(luis.description), /^sent · 2026-02-10\b/);
    assert.match(String(maya.description), /^draft · 2026-02-10\b/);
    assert.match(String(priya.description), /^draft · 2026-02-03\b/);
    assert.equal(luis.contextValue, 'noteCoach.note.sent');
    assert.equal(maya.contextValue, 'noteCoach.note.draft');
    assert.equal((luis.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.equal((maya.iconPath as vscode.ThemeIcon).id, 'edit');
    assert.equal(maya.resourceUri?.toString(), note(MAYA).toString());
    const tooltip = (maya.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /^\*\*Maya Chen\*\* — Quillon$/m);
    assert.match(tooltip, /^Role: Product Designer {2}$/m);
    assert.match(tooltip, /^Topics: design system audit, onboarding research {2}$/m);

    // A note's problem count is the number of its diagnostics once it has been checked (here: opened).
    const document = await vscode.workspace.openTextDocument(note(MAYA));
    await vscode.window.showTextDocument(document);
    const description: string = await waitFor('the count in the view', async () => {
      const d = String((await item(document.uri))?.description);
      return /problems?$/.test(d) ? d : '';
    });
    const count = counted(document.uri);
    assert.ok(description.endsWith(count ? `${count} problem${count === 1 ? '' : 's'}` : 'no problems'), `${description} vs ${count} diagnostics`);
    // The same count in the status bar.
    const { statusBar } = await api();
    await waitFor('the status bar count', () => statusBar.text.endsWith(` ${count}`));
    assert.match(statusBar.label ?? '', /problems? \(errors and warnings/);
    assert.doesNotMatch(statusBar.label ?? '', /[*`]/);
  });

  it('Check All Notes reports problems in notes that are not open', async () => {
    const uri = note(TOMAS);
    assert.ok(!isOpen(uri), 'the note is not open');
    assert.deepEqual(ruleIds(uri), []);
    const result = await vscode.commands.executeCommand<{ notes: number; problems: number }>('noteCoach.checkAllNotes');
    assert.ok(result.notes >= 6, JSON.stringify(result));
    assert.ok(ruleIds(uri).includes('no-compensation-talk'), ruleIds(uri).join(', '));
    const salary = vscode.languages.getDiagnostics(uri).find((d) => (d.code as { value: string }).value === 'no-compensation-talk')!;
    const text = await read(uri);
    const line = text.split('\n').findIndex((l) => l.startsWith('What is the salary'));
    assert.equal(salary.range.start.line, line, 'the range comes from the file text');
    assert.ok(!isOpen(uri), 'Check All does not open notes');
    const count = counted(uri);
    await waitFor('the view to show the count', async () => String((await item(uri))?.description).endsWith(`${count} problem${count === 1 ? '' : 's'}`));
    await vscode.commands.executeCommand('workbench.action.closePanel');

    // Opened and closed again, it keeps (fresh) diagnostics.
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await diagnosticsWith(uri, 'no-compensation-talk');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sleep(300);
    assert.ok(ruleIds(uri).includes('no-compensation-talk'));
  });

  it('marks a note that is not open as sent from the view, and saves it', async () => {
    const uri = note(GRACE);
    assert.ok(!isOpen(uri));
    const element = await noteElement(uri);
    assert.ok(element);
    assert.equal((await item(uri))?.contextValue, 'noteCoach.note.draft');
    assert.equal(await vscode.commands.executeCommand('noteCoach.markAsSent', element, { check: false }), true);
    const text = await read(uri);
    assert.match(text, /^status: sent$/m);
    assert.match(text, /^sent: \d{4}-\d{2}-\d{2}$/m);
    assert.equal(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()), false, 'no editor was opened');
    await waitFor('the view to show it as sent', async () => (await item(uri))?.contextValue === 'noteCoach.note.sent');
    assert.match(String((await item(uri))?.description), /^sent · 2026-01-21/);
  });

  it('never writes out unsaved changes when marking as sent from the view', async () => {
    const uri = note(MAYA);
    const onDisk = await read(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(document.lineCount - 1, 0), 'P.S. Unsaved.\n'));
    assert.ok(document.isDirty);
    assert.equal(await vscode.commands.executeCommand('noteCoach.markAsSent', await noteElement(uri), { check: false }), true);
    assert.match(document.getText(), /^status: sent$/m);
    assert.match(document.getText(), /P\.S\. Unsaved\./);
    assert.ok(document.isDirty, 'still unsaved');
    assert.equal(await read(uri), onDisk, 'the file was not written');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(document.getText(), onDisk);
  });

  it('New Note for Another Interviewer copies the front matter, not the body, and never overwrites', async () => {
    const source = note(MAYA);
    const first = await vscode.commands.executeCommand<vscode.Uri>('noteCoach.newNoteForAnotherInterviewer', await noteElement(source), { to: 'Ravi Shah' });
    try {
      assert.ok(first);
      assert.match(first.path, /\/notes\/quillon\/\d{4}-\d{2}-\d{2}-quillon-ravi-shah\.note\.md$/);
      const text = await read(first);
      const frontMatter = text.slice(0, text.indexOf('\n---', 4));
      assert.match(frontMatter, /^to: Ravi Shah$/m);
      assert.match(frontMatter, /^company: Quillon$/m);
      assert.match(frontMatter, /^role: Product Designer$/m);
      assert.match(frontMatter, /^interviewed: 2026-02-10$/m);
      assert.match(frontMatter, /^scenario: panel$/m);
      assert.match(frontMatter, /^channel: linkedin$/m);
      assert.match(frontMatter, /^topics:\n {2}- design system audit\n {2}- onboarding research$/m);
      assert.match(frontMatter, /^from: Sam Patel$/m);
      assert.match(frontMatter, /^status: draft$/m);
      assert.doesNotMatch(frontMatter, /maya|^sent:/im);
      assert.doesNotMatch(frontMatter, /^subject: Thank you for the panel interview$/m);
      // The panel template's body, for the new recipient; nothing of Maya's note.
      assert.match(text, /^Dear Ravi Shah,$/m);
      assert.match(text, /joining my panel interview for the Product Designer position/);
      assert.doesNotMatch(text, /portfolio|sketched a rough plan|Dear Maya/);

      const marker = `${text}<!-- kept -->\n`;
      await write(first, marker);
      const second = await vscode.commands.executeCommand<vscode.Uri>('noteCoach.newNoteForAnotherInterviewer', source, { to: 'Ravi Shah' });
      try {
        assert.match(second.path, /-quillon-ravi-shah-2\.note\.md$/);
        assert.equal(await read(first), marker, 'the first note was overwritten');
        await waitFor('the view to list both', async () => (await company('Quillon'))?.notes.filter((n) => /ravi-shah/.test(n.file)).length === 2);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(second);
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (first) await vscode.workspace.fs.delete(first);
    }
    await waitFor('the view to drop them', async () => (await company('Quillon'))?.notes.length === 3);
  });

  it('updates a note when ANOTHER note gains or loses the company it names', async () => {
    const a = note('cross/lumen-works-jonas-weber.note.md');
    const b = note('cross/brightwater-elif-demir.note.md');
    await write(
      a,
      [
        '---',
        'to: Jonas Weber',
        'company: Lumen Works',
        'role: Data Analyst',
        'scenario: after-interview',
        'from: Sam Patel',
        '---',
        '',
        'Dear Jonas,',
        '',
        'Thank you for showing me how the analytics team plans its quarterly reporting.',
        'I would love to join the Brightwater team and help with the reporting backlog.',
        '',
        'Best regards,',
        'Sam Patel',
        '',
      ].join('\n'),
    );
    const bText = ['---', 'to: Elif Demir', 'role: Data Analyst', 'company: Brightwater', 'from: Sam Patel', '---', '', 'Dear Elif,', '', 'Thank you for the conversation about tide data.', ''].join('\n');
    try {
      const document = await vscode.workspace.openTextDocument(a);
      await vscode.window.showTextDocument(document);
      const { linter } = await api();
      await waitFor('note A to be checked', () => linter.lastAnalysis(a) !== undefined);
      assert.ok(!ruleIds(a).includes('no-wrong-company'), 'no other note is at Brightwater yet');

      // B appears on disk (never opened): A now names another note's company.
      await write(b, bText);
      const diagnostics = await diagnosticsWith(a, 'no-wrong-company');
      const wrong = diagnostics.find((d) => (d.code as { value: string }).value === 'no-wrong-company')!;
      assert.equal(document.getText(wrong.range), 'Brightwater');
      const related = wrong.relatedInformation?.find((r) => r.location.uri.toString() === b.toString());
      assert.ok(related, JSON.stringify(wrong.relatedInformation));
      // The related range is computed from B's text (no document for B).
      assert.equal(related.location.range.start.line, 3);
      assert.equal(related.location.range.start.character, 'company: '.length);
      assert.equal(related.location.range.end.character, 'company: Brightwater'.length);

      // B's open, unsaved text wins over its file.
      const bDocument = await vscode.workspace.openTextDocument(b);
      const bEditor = await vscode.window.showTextDocument(bDocument, { preview: false, preserveFocus: false });
      await bEditor.edit((e) => e.replace(new vscode.Range(3, 9, 3, 20), 'Saltmarsh'));
      await diagnosticsWith(a, 'no-wrong-company', false);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await diagnosticsWith(a, 'no-wrong-company');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

      // B is deleted: the finding goes.
      await vscode.workspace.fs.delete(b);
      await diagnosticsWith(a, 'no-wrong-company', false);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(b).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(a).then(undefined, () => undefined);
    }
  });

  it('follows a folder of notes moved on disk', async () => {
    const from = note('harbor-finch');
    const to = note('harbor-and-finch');
    const under = (folderName: string) => async () => {
      const group = await company('Harbor & Finch');
      return group?.notes.length === 2 && group.notes.every((n) => n.file.includes(`/notes/${folderName}/`));
    };
    await vscode.workspace.fs.rename(from, to);
    try {
      await waitFor('the notes under the new folder', under('harbor-and-finch'));
    } finally {
      await vscode.workspace.fs.rename(to, from);
    }
    await waitFor('the notes back under the old folder', under('harbor-finch'));
  });

  it('leaves out notes matching noteCoach.exclude, and takes them back when it changes', async () => {
    const archived = note(ARCHIVED);
    await waitFor('the archived note in the view', async () => (await noteElement(archived)) !== undefined);
    const config = vscode.workspace.getConfiguration('noteCoach');
    await config.update('exclude', 'notes/archive/**', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the archived note to leave the view', async () => (await noteElement(archived)) === undefined);
      assert.ok(!(await companies()).some((c) => c.name === 'Ostrava Rail'));
      assert.ok(await company('Quillon'), 'the other notes stay');
    } finally {
      await config.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the archived note back in the view', async () => (await noteElement(archived)) !== undefined);
    const { workspaceIndex } = await api();
    await workspaceIndex.whenReady();
    console.log(`[metrics] workspace index rescan (files read again, unchanged ones not re-parsed): ${workspaceIndex.metrics.scanned} notes in ${workspaceIndex.metrics.buildMs?.toFixed(1)} ms (findFiles ${workspaceIndex.metrics.searchMs?.toFixed(1)} ms, parsing ${workspaceIndex.metrics.parseMs?.toFixed(1)} ms)`);
  });
  it('tells apart two notes to the same person at one company', async () => {
    const copy = note('quillon/2026-02-12-quillon-maya-chen-research.note.md');
    await write(copy, (await read(note(MAYA))).replace('role: Product Designer', 'role: UX Researcher').replace('2026-02-10', '2026-02-12'));
    try {
      const { notes } = await api();
      const labels = async () => ((await company('Quillon'))?.notes ?? []).map((n) => label(notes.getTreeItem(n)));
      await waitFor('both Maya Chen notes', async () => (await labels()).filter((l) => l?.startsWith('Maya Chen')).length === 2);
      const mayas = (await labels()).filter((l) => l?.startsWith('Maya Chen'));
      assert.deepEqual(mayas, ['Maya Chen — UX Researcher', 'Maya Chen — Product Designer']);
      assert.ok((await labels()).includes('Priya Nair'), 'a recipient of their own keeps a plain label');
    } finally {
      await vscode.workspace.fs.delete(copy);
    }
    await waitFor('one Maya Chen again', async () => ((await company('Quillon'))?.notes ?? []).length === 3);
  });
});
