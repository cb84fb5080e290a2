/**
 * Helpers shared by the scenario, channel and red-flag rules (no-pressure,
 * rejection-no-reargue, rejection-keep-door-open, poor-fit-honesty,
 * wrong-channel, email-subject, send-window).
 *
 * - Phrase groups: a phrase list with the reason it exists, matched sentence
 *   by sentence with guards against negation ("I'm not the perfect fit") and
 *   quotation (their words, quoted back, are not the writer's).
 * - Front matter: find an entry, set its value, add a line.
 * - Durations in plain words for messages.
 *
 * Everything here is linear in the note's length.
 */
import type { Blockquote, Root as MdastRoot } from 'mdast';
import type { FrontMatterEntry, Note, Sentence, Span } from '../note';
import { compilePhrase, findPhrases, type Phrase, type PhraseMatch } from '../phrases';
import type { TextEdit } from '../rule';
import { eolOf } from '../text';

// ---------------------------------------------------------------------------
// Phrase groups

export interface PhraseGroup<K extends string = string> {
  /** What the group stands for; rules pick their message by it. */
  kind: K;
  /** Why the group is there (documentation; not shown to the writer). */
  why: string;
  phrases: readonly string[];
  /**
   * Drop a match when a negation sits just before it or inside it ("I'm not
   * the ideal fit"): `true`. With `'before'`, only a negation just before it
   * counts, for phrases that carry their own ("surprised I didn't get it").
   */
  negatable?: boolean | 'before';
}

export interface GroupMatch<K extends string = string> extends PhraseMatch {
  kind: K;
  sentence: Sentence;
}

/** Words that turn a claim around when they come just before it or inside it. */
export const NEGATIONS: readonly string[] = [
  'not',
  'no',
  'never',
  'hardly',
  "don't",
  "didn't",
  "doesn't",
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  "won't",
  "wouldn't",
  "can't",
  "cannot",
  "couldn't",
  "shouldn't",
  "haven't",
  "hasn't",
];

const compiledGroups = new WeakMap<PhraseGroup, Phrase[]>();
function compiled(group: PhraseGroup): Phrase[] {
  let phrases = compiledGroups.get(group);
  if (!phrases) {
    phrases = group.phrases.map(compilePhrase);
    compiledGroups.set(group, phrases);
  }
  return phrases;
}

/** Whether a negation word sits within `window` words before the match, or (unless `beforeOnly`) inside it. */
export function isNegated(sentence: Sentence, match: PhraseMatch, window = 3, beforeOnly = false): boolean {
  const end = beforeOnly ? match.from : match.to;
  for (let i = Math.max(0, match.from - window); i < end; i++) {
    if (NEGATIONS.includes(sentence.words[i].lower)) return true;
  }
  return false;
}

/** Whether `offset` lies inside double quotes within the sentence (an odd number of quote marks before it). */
export function isInsideQuotes(sentence: Sentence, offset: number): boolean {
  const before = sentence.text.slice(0, Math.max(0, offset - sentence.start));
  let straight = 0;
  let open = 0;
  for (const ch of before) {
    if (ch === '"') straight++;
    else if (ch === '\u201c') open++;
    else if (ch === '\u201d') open--;
  }
  return straight % 2 === 1 || open > 0;
}

/** Spans of Markdown block quotes (text the writer quotes from someone else). */
export function blockquoteSpans(note: Note): Span[] {
  // Several rules ask for the same note: walked once per Note object (notes are never mutated); a copy each time.
  let spans = quoteCache.get(note);
  if (!spans) {
    const found: Span[] = [];
    collectBlockquotes(note.tree, note.bomLength, found);
    quoteCache.set(note, (spans = found));
  }
  return spans.map((span) => ({ start: span.start, end: span.end }));
}

const quoteCache = new WeakMap<Note, readonly Span[]>();

function collectBlockquotes(node: MdastRoot | MdastRoot['children'][number], bomLength: number, spans: Span[]): void {
  if (node.type === 'blockquote') {
    const b = node as Blockquote;
    const s = b.position?.start.offset;
    const e = b.position?.end.offset;
    if (s !== undefined && e !== undefined) spans.push({ start: s + bomLength, end: e + bomLength });
    return; // nested quotes lie inside this one
  }
  // (A paragraph or heading holds only inline content: no quote inside.)
  if (node.type === 'paragraph' || node.type === 'heading') return;
  if ('children' in node) for (const child of node.children) collectBlockquotes(child as MdastRoot['children'][number], bomLength, spans);
}

/** The sentences the writer wrote: not inside a block quote. */
export function ownSentences(note: Note): Sentence[] {
  let quotes = quoteCache.get(note);
  if (!quotes) {
    blockquoteSpans(note);
    quotes = quoteCache.get(note)!;
  }
  if (!quotes.length) return note.sentences;
  return note.sentences.filter((s) => !quotes.some((q) => s.start >= q.start && s.start < q.end));
}

/**
 * The leftmost match in the sentence over all groups, skipping matches that are
 * quoted or (for negatable groups) negated, and any the caller's `accept` refuses.
 */
export function firstGroupMatch<K extends string>(
  sentence: Sentence,
  groups: readonly PhraseGroup<K>[],
  accept?: (match: GroupMatch<K>) => boolean,
): GroupMatch<K> | undefined {
  let best: GroupMatch<K> | undefined;
  for (const group of groups) {
    for (const m of findPhrases(sentence, compiled(group))) {
      if (best && m.start >= best.start) break;
      if (group.negatable && isNegated(sentence, m, 3, group.negatable === 'before')) continue;
      if (isInsideQuotes(sentence, m.start)) continue;
      const match: GroupMatch<K> = { ...m, kind: group.kind, sentence };
      if (accept && !accept(match)) continue;
      best = match;
      break;
    }
  }
  return best;
}

/** Whether any sentence of the list matches any of the groups. */
export function anyGroupMatch(sentences: readonly Sentence[], groups: readonly PhraseGroup[]): boolean {
  return sentences.some((s) => firstGroupMatch(s, groups) !== undefined);
}

/** Whether the sentence has any of these words (lower case). */
export function sentenceHas(sentence: Sentence, words: readonly string[]): boolean {
  return sentence.words.some((w) => words.includes(w.lower));
}

// ---------------------------------------------------------------------------
// Front matter

/** The first top-level entry with this key (the one the typed front matter uses). */
export function firstEntry(note: Note, key: string): FrontMatterEntry | undefined {
  return note.frontMatterBlock.entries.find((e) => e.key === key);
}

const PLAIN_UNSAFE = /^[\s\-?:,[\]{}#&*!|>'"%@`]|:\s|\s#|:$|\s$|^(?:true|false|null|yes|no|on|off|~|[-+.\d][\d._:eE+-]*)$/i;

/** A YAML scalar for `value`: plain when YAML reads it back unchanged, double-quoted otherwise. */
export function yamlScalar(value: string): string {
  return PLAIN_UNSAFE.test(value) || /[\u0000-\u001f]/.test(value) ? JSON.stringify(value) : value;
}

/**
 * An edit that sets an existing entry's value, keeping the quote style of a
 * quoted value. An empty value (`subject:`) gets a space after the colon.
 */
export function setEntryValue(note: Note, entry: FrontMatterEntry, value: string): TextEdit {
  const { start, end } = entry.valueSpan;
  const raw = note.text.slice(start, end);
  let newText: string;
  if (raw.length >= 2 && raw[0] === '"' && raw.endsWith('"')) newText = JSON.stringify(value);
  else if (raw.length >= 2 && raw[0] === "'" && raw.endsWith("'")) newText = `'${value.replace(/'/g, "''")}'`;
  else newText = yamlScalar(value);
  if (start === end) {
    // An empty value: keep a space after the colon and before a trailing comment.
    if (note.text[start - 1] === ':') newText = ' ' + newText;
    if (start < note.text.length && !/\s/.test(note.text[start])) newText += ' ';
  }
  return { start, end, newText };
}

/** An edit that adds `key: value` as the last line of the front matter, in the note's line endings. */
export function insertEntry(note: Note, key: string, value: string): TextEdit | undefined {
  const block = note.frontMatterBlock;
  if (!block.present || block.notAMapping || block.problems.length) return undefined;
  const eol = eolOf(note.text);
  const at = block.contentSpan.end;
  // The content ends with a line break unless the block is empty ("---\n---").
  const lead = at > block.contentSpan.start && note.text[at - 1] !== '\n' && note.text[at - 1] !== '\r' ? eol : '';
  return { start: at, end: at, newText: `${lead}${key}: ${yamlScalar(value)}${eol}` };
}

// ---------------------------------------------------------------------------
// Durations

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "40 minutes", "1 hour", "30 hours", "3 days": whole units, rounded down. */
export function formatDuration(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < HOUR) return unitOf(Math.floor(abs / MINUTE), 'minute');
  if (abs < 2 * DAY) return unitOf(Math.floor(abs / HOUR), 'hour');
  return unitOf(Math.floor(abs / DAY), 'day');
}

function unitOf(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "2 hours", "48 hours", "1.5 hours": an option value in hours, for messages. */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${rounded} hour${rounded === 1 ? '' : 's'}`;
}

export { HOUR, DAY };
