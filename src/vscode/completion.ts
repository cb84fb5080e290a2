/**
 * Completions in notes only: scenario and section snippets, front-matter keys,
 * and the allowed values of `scenario`, `channel` and `status`.
 */
import * as vscode from 'vscode';
import { CHANNELS, FRONT_MATTER_KEYS, parseNote, SCENARIOS, STATUSES } from '../core/index';
import { isNote } from './notes';

export interface SnippetDefinition {
  prefix: string;
  body: string | string[];
  description?: string;
}

export const SCENARIO_DESCRIPTIONS: Record<(typeof SCENARIOS)[number], string> = {
  'after-interview': 'The usual note after an interview: what you discussed, why you fit, that you still want the role.',
  'phone-screen': 'After a short phone screen with a recruiter or hiring manager.',
  panel: 'One of several notes after a panel: each interviewer gets their own, different note.',
  'after-rejection': 'You were turned down: thank them graciously and ask to be kept in mind.',
  champion: 'Turned down, but an insider may argue for you: give them the facts, respectfully.',
  'poor-fit': 'The role is not right for you: thank them honestly, suggest another fit or ask for advice.',
  'new-information': 'Something changed since the interview: another offer, an award, a point you wish you had made.',
  'check-in': 'Asking where things stand, or staying in touch months after a rejection.',
  'staff-thanks': 'Thanking the coordinator or receptionist who helped you on the day.',
};

const KEY_DESCRIPTIONS: Record<(typeof FRONT_MATTER_KEYS)[number], string> = {
  to: 'The recipient, as you greet them ("Ana Ruiz", "Ms. Ruiz").',
  email: 'Their e-mail address, for Open in Mail App.',
  company: 'The company you interviewed with.',
  role: 'The role you interviewed for.',
  interviewed: 'When the interview was: `2026-03-02` or `2026-03-02 14:30`.',
  scenario: `What kind of note this is: ${SCENARIOS.join(', ')}.`,
  channel: `How you will send it: ${CHANNELS.join(', ')}.`,
  topics: 'What you talked about, as a list: the note should mention at least one.',
  strengths: 'What you bring that matters to them, as a list.',
  news: 'What changed since the interview (an offer, an award).',
  from: 'Your name, for the sign-off.',
  subject: 'The e-mail subject line.',
  status: 'draft or sent.',
  sent: 'The date you sent it.',
};

const VALUE_DESCRIPTIONS: Record<string, Record<string, string>> = {
  scenario: SCENARIO_DESCRIPTIONS,
  channel: {
    email: 'An e-mail (the default; about 250 words at most).',
    handwritten: 'A card or letter (about 150 words).',
    linkedin: 'A LinkedIn message (about 120 words).',
    text: 'A text message (about 60 words; usually too casual).',
  },
  status: { draft: 'Not sent yet.', sent: 'Sent; set `sent:` to the date.' },
};
const VALUES: Record<string, readonly string[]> = { scenario: SCENARIOS, channel: CHANNELS, status: STATUSES };

export class NoteCompletions implements vscode.CompletionItemProvider {
  private snippets: Promise<Record<string, SnippetDefinition>> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  loadSnippets(): Promise<Record<string, SnippetDefinition>> {
    this.snippets ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'snippets', 'notes.code-snippets'))).then(
      (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetDefinition>,
      () => ({}),
    );
    return this.snippets;
  }

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    if (!isNote(document)) return [];
    const text = document.getText();
    const offset = document.offsetAt(position);
    const note = parseNote(text);
    const block = note.frontMatterBlock;
    if (block.present && offset >= block.contentSpan.start && offset <= block.contentSpan.end) {
      return frontMatterItems(document, position, new Set(block.entries.map((e) => e.key)));
    }
    if (block.present && offset < block.span.end) return [];
    const line = document.lineAt(position.line).text.slice(0, position.character);
    // Snippets are offered at the start of a line only, where a note or section begins.
    if (!/^\s*[\w-]*$/.test(line)) return [];
    const snippets = await this.loadSnippets();
    // Scenario templates write a whole note: offered in an empty one; section snippets anywhere in the body.
    const empty = !block.present && note.wordCount === 0;
    return Object.entries(snippets)
      .filter(([, s]) => (s.prefix.startsWith('note-') ? empty : !s.prefix.startsWith('note-')))
      .map(([name, s]) => {
        const item = new vscode.CompletionItem({ label: s.prefix, description: name }, vscode.CompletionItemKind.Snippet);
        item.insertText = new vscode.SnippetString(Array.isArray(s.body) ? s.body.join('\n') : s.body);
        item.documentation = new vscode.MarkdownString(s.description ?? '');
        item.detail = s.description;
        return item;
      });
  }
}

function frontMatterItems(document: vscode.TextDocument, position: vscode.Position, present: Set<string>): vscode.CompletionItem[] {
  const line = document.lineAt(position.line).text.slice(0, position.character);
  const value = /^([a-z]+):\s*([\w-]*)$/.exec(line);
  if (value) {
    const allowed = VALUES[value[1]];
    if (!allowed) return [];
    return allowed.map((v) => {
      const item = new vscode.CompletionItem(v, vscode.CompletionItemKind.EnumMember);
      item.documentation = new vscode.MarkdownString(VALUE_DESCRIPTIONS[value[1]]?.[v] ?? '');
      item.range = new vscode.Range(position.translate(0, -value[2].length), position);
      return item;
    });
  }
  if (!/^[a-z]*$/.test(line)) return [];
  return FRONT_MATTER_KEYS.filter((k) => !present.has(k)).map((k) => {
    const item = new vscode.CompletionItem(k, vscode.CompletionItemKind.Property);
    item.insertText = new vscode.SnippetString(k === 'topics' || k === 'strengths' ? `${k}:\n  - $0` : `${k}: $0`);
    item.documentation = new vscode.MarkdownString(KEY_DESCRIPTIONS[k]);
    item.command = VALUES[k] ? { title: 'Suggest values', command: 'editor.action.triggerSuggest' } : undefined;
    return item;
  });
}
