/** The extension in a real VS Code with no folder open. */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, diagnosticsWith, ruleIds } from './helpers';

const NOTE = '---\nto: Ana Ruiz\ncompany: Fernleaf\n---\n\nDear Ben,\n\nWhat is the salary for the role?\n';

describe('Note Coach with no folder open', function () {
  this.timeout(60000);

  it('has no workspace folder', () => {
    assert.equal(vscode.workspace.workspaceFolders, undefined);
  });

  it('lints a note file outside any workspace, with the .notecoach.json beside it', async () => {
    await api();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-nofolder-'));
    const file = path.join(dir, 'loose.note.md');
    fs.writeFileSync(file, NOTE);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document);
    await diagnosticsWith(document.uri, 'greeting-matches-recipient');
    assert.ok(ruleIds(document.uri).includes('no-compensation-talk'));

    fs.writeFileSync(path.join(dir, '.notecoach.json'), '{ "rules": { "no-compensation-talk": "off" } }');
    // No workspace watcher covers a folder outside the workspace: saving the note re-reads its configuration.
    await vscode.commands.executeCommand('noteCoach.fixAll');
    await document.save();
    await diagnosticsWith(document.uri, 'no-compensation-talk', false);
  });

  it('lints an untitled note', async () => {
    const uri = vscode.Uri.from({ scheme: 'untitled', path: '/draft.note.md' });
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), NOTE));
    assert.equal(document.languageId, 'markdown');
    await diagnosticsWith(document.uri, 'greeting-matches-recipient');
  });

  it('New Note with no folder opens an untitled note', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('noteCoach.newNote', { scenario: 'after-rejection', to: 'Ana Ruiz', company: 'Fernleaf', role: 'Analyst' });
    assert.equal(uri.scheme, 'untitled');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(document);
    assert.match(document.getText(), /^scenario: after-rejection$/m);
  });
});
