/**
 * Completions in a note as plain data, for every editor front end: scenario
 * templates (`note-…`), section snippets (`section-…`), front-matter keys and
 * the allowed values of `scenario`, `channel` and `status`.
 *
 * What to offer is decided on the text without the word being typed (typing
 * `note-` in an empty file leaves it empty), at the start of a line only, and
 * only for a word that starts with a letter: `-`, `--` and `---` (a list item,
 * a rule, a front-matter fence) get no list, so Enter goes on meaning Enter.
 * Templates write a whole note: offered only in an otherwise empty file.
 *
 * Browser-safe and free of any editor API: offsets are UTF-16 indices.
 */
import { CHANNELS, FRONT_MATTER_KEYS, parseNote, SCENARIOS, STATUSES } from '../core/index';

export interface SnippetDefinition {
  prefix: string;
  body: string | string[];
  description?: string;
}

export interface PlannedCompletion {
  label: string;
  /** Shown beside the label (the snippet's name). */
  description?: string;
  /** Plain text; the longer explanation. */
  documentation: string;
  kind: 'snippet' | 'key' | 'value';
  /** What to insert, in snippet syntax (`$1`, `${2:x}`, `$0`). */
  snippet: string;
  /** The range it replaces: the word typed so far. */
  start: number;
  end: number;
  /** Ask for completions again after inserting it (a key whose values are known). */
  suggestAgain?: boolean;
}

export interface CompletionRequest {
  /** Asked for explicitly (Ctrl+Space), not opened by typing a trigger character. */
  invoked: boolean;
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
  interviewed: 'When the interview was: 2026-03-02 or 2026-03-02 14:30.',
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
  status: { draft: 'Not sent yet.', sent: 'Sent; set the sent date too.' },
};
const VALUES: Record<string, readonly string[]> = { scenario: SCENARIOS, channel: CHANNELS, status: STATUSES };

const TEMPLATE_PREFIX = 'note-';
const SECTION_PREFIX = 'section-';

/** Whether `word` (typed so far) can still become `prefix…`, or already is. */
function leadsTo(word: string, prefix: string): boolean {
  const w = word.toLowerCase();
  return prefix.startsWith(w) || w.startsWith(prefix);
}

export function completionsAt(text: string, offset: number, snippets: Readonly<Record<string, SnippetDefinition>>, request: CompletionRequest): PlannedCompletion[] {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const linePrefix = text.slice(lineStart, offset);
  const typed = /[\w-]*$/.exec(linePrefix)?.[0] ?? '';
  const rest = text.slice(0, offset - typed.length) + text.slice(offset);
  const at = offset - typed.length;
  const block = parseNote(rest).frontMatterBlock;
  if (block.present && at >= block.contentSpan.start && at <= block.contentSpan.end) {
    return frontMatterItems(linePrefix, offset, new Set(block.entries.map((e) => e.key)), request);
  }
  if (block.present && at < block.span.end) return [];

  // Snippets only at the start of a line, for a word that starts with a letter (or on request at an empty one).
  if (!/^\s*$/.test(linePrefix.slice(0, linePrefix.length - typed.length))) return [];
  if (typed === '' ? !request.invoked : !/^[a-z]/i.test(typed)) return [];
  const emptyNote = rest.trim() === '';
  const wantTemplates = emptyNote && leadsTo(typed, TEMPLATE_PREFIX);
  const wantSections = !emptyNote && leadsTo(typed, SECTION_PREFIX);
  const items: PlannedCompletion[] = [];
  for (const [name, s] of Object.entries(snippets)) {
    const isTemplate = s.prefix.startsWith(TEMPLATE_PREFIX);
    if (isTemplate ? !wantTemplates : !(wantSections && s.prefix.startsWith(SECTION_PREFIX))) continue;
    items.push({
      label: s.prefix,
      description: name,
      documentation: s.description ?? '',
      kind: 'snippet',
      snippet: Array.isArray(s.body) ? s.body.join('\n') : s.body,
      start: at,
      end: offset,
    });
  }
  return items;
}

function frontMatterItems(linePrefix: string, offset: number, present: Set<string>, request: CompletionRequest): PlannedCompletion[] {
  const value = /^([a-z]+):\s*([\w-]*)$/.exec(linePrefix);
  if (value) {
    const allowed = VALUES[value[1]];
    if (!allowed) return [];
    return allowed.map((v) => ({ label: v, documentation: VALUE_DESCRIPTIONS[value[1]]?.[v] ?? '', kind: 'value', snippet: v, start: offset - value[2].length, end: offset }));
  }
  if (!/^[a-z]*$/.test(linePrefix) || (linePrefix === '' && !request.invoked)) return [];
  return FRONT_MATTER_KEYS.filter((k) => !present.has(k)).map((k) => ({
    label: k,
    documentation: KEY_DESCRIPTIONS[k],
    kind: 'key',
    snippet: k === 'topics' || k === 'strengths' ? `${k}:\n  - $0` : `${k}: $0`,
    start: offset - linePrefix.length,
    end: offset,
    suggestAgain: k in VALUES,
  }));
}
