/** Mark as Sent: `status: sent` and `sent: <today>` in the front matter, as one edit of the open document. */
import * as vscode from 'vscode';
import { parseNote, type TextEdit } from '../../core/index';
import { isoDay } from '../../core/dates';
import { eolOf } from '../../core/text';
import { toWorkspaceEdit } from '../notes';

/** The edits that set the given front-matter values, replacing existing ones and adding missing ones. */
export function setFrontMatterEdits(text: string, values: Record<string, string>): TextEdit[] {
  const note = parseNote(text);
  const eol = eolOf(text);
  const block = note.frontMatterBlock;
  const lines = Object.entries(values);
  if (!block.present) {
    const yaml = lines.map(([k, v]) => `${k}: ${v}`).join(eol);
    return [{ start: note.bomLength, end: note.bomLength, newText: `---${eol}${yaml}${eol}---${eol}${eol}` }];
  }
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  for (const [key, value] of lines) {
    const entry = block.entries.find((e) => e.key === key);
    if (entry && entry.valueSpan.end > entry.valueSpan.start) edits.push({ start: entry.valueSpan.start, end: entry.valueSpan.end, newText: value });
    else if (entry) edits.push({ start: entry.valueSpan.start, end: entry.valueSpan.end, newText: ` ${value}` });
    else missing.push(`${key}: ${value}`);
  }
  if (missing.length) {
    // Before the closing fence, on lines of their own.
    const at = block.contentSpan.end;
    const needsBreak = at > block.contentSpan.start && text[at - 1] !== '\n';
    edits.push({ start: at, end: at, newText: (needsBreak ? eol : '') + missing.join(eol) + eol });
  }
  return edits;
}

export async function markAsSent(document: vscode.TextDocument, today = new Date()): Promise<boolean> {
  const version = document.version;
  const edits = setFrontMatterEdits(document.getText(), { status: 'sent', sent: isoDay(today) });
  // The edits were computed for this version; if the text moved on meanwhile, don't apply stale offsets.
  if (document.version !== version) return false;
  const wasDirty = document.isDirty;
  const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(document, edits));
  // Save only what was saved before: never write out someone's unsaved work behind their back.
  if (applied && !wasDirty && document.uri.scheme !== 'untitled') await document.save();
  if (applied) {
    const name = document.uri.path.split('/').pop() ?? 'The note';
    void vscode.window.showInformationMessage(`Note Coach: ${name} is marked as sent on ${isoDay(today)}.`);
  }
  return applied;
}
