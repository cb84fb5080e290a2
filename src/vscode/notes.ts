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

/** The smallest single edit that turns `before` into `after`: the changed middle, nothing else. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair.
  if (start > 0 && /[\uD800-\uDBFF]/.test(before[start - 1])) start--;
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}
