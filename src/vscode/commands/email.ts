/** Copy as Email and Open in Mail App. */
import * as vscode from 'vscode';
import { parseNote } from '../../core/index';
import { toPlainText } from '../../core/plain';

/** Mail programs and browsers cut `mailto:` links somewhere around 2,000 characters. */
export const MAILTO_LIMIT = 1800;

/** The note as an e-mail: the subject line (when the front matter has one), a blank line, the plain-text body. */
export function emailText(text: string): string {
  const note = parseNote(text);
  const body = toPlainText(note);
  const subject = note.frontMatter.subject?.trim();
  return subject ? `Subject: ${subject}\n\n${body}` : body;
}

export async function copyAsEmail(document: vscode.TextDocument): Promise<string> {
  const text = emailText(document.getText());
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(text.startsWith('Subject: ') ? 'Note Coach: subject and note copied as plain text.' : 'Note Coach: note copied as plain text.', 3000);
  return text;
}

export function mailtoLink(document: vscode.TextDocument): string {
  const note = parseNote(document.getText());
  const params: string[] = [];
  if (note.frontMatter.subject) params.push(`subject=${encodeURIComponent(note.frontMatter.subject)}`);
  params.push(`body=${encodeURIComponent(toPlainText(note).replace(/\n/g, '\r\n'))}`);
  return `mailto:${encodeURIComponent(note.frontMatter.email ?? '').replace(/%40/g, '@')}?${params.join('&')}`;
}

/** Opens the mail link; returns it (or undefined when the writer chose to copy instead). */
export async function openInMailApp(document: vscode.TextDocument): Promise<string | undefined> {
  const link = mailtoLink(document);
  if (link.length > MAILTO_LIMIT) {
    const copy = 'Copy as Email';
    const choice = await vscode.window.showWarningMessage(
      `This note is too long for a mail link (${link.length} characters; mail apps cut them near ${MAILTO_LIMIT}). Copy it and paste it into your mail app instead?`,
      copy,
    );
    if (choice === copy) await copyAsEmail(document);
    return undefined;
  }
  // `true`: the link is already encoded; don't let Uri.parse encode it twice.
  await vscode.env.openExternal(vscode.Uri.parse(link, true));
  return link;
}
