/** Which documents are notes, and small conversions between core data and the VS Code API. */
import * as vscode from 'vscode';
import type { TextEdit } from '../core/index';

export const NOTE_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown', pattern: '**/*.note.md' }];

/** A note is a Markdown document whose name ends in `.note.md`; ordinary Markdown is never touched. */
export function isNote(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && /\.note\.md$/i.test(document.uri.path);
}

export function toRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/** Core edits (offsets into `document`'s text) as a WorkspaceEdit touching only their own ranges. */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) edit.replace(document.uri, toRange(document, e.start, e.end), e.newText);
  return edit;
}

export { minimalEdit } from '../shared/edits';
