import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NoteCoachApi } from '../../src/vscode/extension';

export const EXTENSION_ID = 'note-coach.note-coach';

export async function api(): Promise<NoteCoachApi> {
  const extension = vscode.extensions.getExtension<NoteCoachApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  return extension.isActive ? extension.exports : extension.activate();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Poll until `check` returns a truthy value (or fail after `timeoutMs`). */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10000): Promise<T> {
  const start = Date.now();
  let last: T | undefined;
  while (Date.now() - start < timeoutMs) {
    last = await check();
    if (last) return last;
    await sleep(50);
  }
  throw new Error(`Timed out waiting for ${what} (last value: ${JSON.stringify(last)})`);
}

export function ruleIds(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'note-coach')
    .map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
}

export async function diagnosticsWith(uri: vscode.Uri, ruleId: string, present = true): Promise<vscode.Diagnostic[]> {
  await waitFor(`${ruleId} ${present ? 'to appear' : 'to disappear'} in ${uri.path}`, () => ruleIds(uri).includes(ruleId) === present);
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'note-coach');
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

export async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" has no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" was not applied`);
}

/** Replace a document's whole text (used to reset a note between tests). */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}
