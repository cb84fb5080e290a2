/**
 * After the other suites: the extension host log of this run has no line saying a
 * code action of ours was dropped (returned with a kind the request did not ask for).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, codeActions, diagnosticsWith, sleep } from './helpers';

// Findings that call for sections (require-interest, no-generic-note) on one line.
const NOTE = ['---', 'to: Rui Costa', 'company: Tern', 'role: Analyst', 'topics: [churn model]', 'from: Lia Moss', 'subject: Analyst interview', '---', '', 'Dear Rui,', '', 'Thanks a lot for the chat.', '', 'Kind regards,', 'Lia Moss', ''].join('\n');

async function logLines(folder: vscode.Uri): Promise<string[]> {
  const lines: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    if (type !== vscode.FileType.File) continue;
    lines.push(...new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name))).split('\n'));
  }
  return lines;
}

describe('Extension host log', () => {
  it('has no "Code action will be dropped" line for Note Coach, also after a quick-fix-only request', async () => {
    const { logUri } = await api();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-log-'));
    const uri = vscode.Uri.file(path.join(dir, 'tern-rui.note.md'));
    fs.writeFileSync(uri.fsPath, NOTE);
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const diagnostics = await diagnosticsWith(uri, 'require-interest');
      const interest = diagnostics.find((d) => (d.code as { value: string }).value === 'require-interest')!;
      // What the hover's Quick Fix asks for.
      const actions = await codeActions(uri, interest.range, vscode.CodeActionKind.QuickFix.value);
      assert.ok(actions.some((a) => a.title === 'Insert a sentence of interest'), actions.map((a) => a.title).join(', '));
      assert.ok(actions.every((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind)));
      await sleep(500);
      const lines = await logLines(vscode.Uri.joinPath(logUri, '..'));
      assert.ok(lines.length > 0, 'no extension host log found');
      assert.deepEqual(lines.filter((l) => l.includes('Code action will be dropped') && l.includes('note-coach')), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
