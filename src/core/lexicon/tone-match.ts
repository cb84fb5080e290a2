/**
 * Shared machinery for the tone rules (no-needy-tone, no-hedging,
 * no-over-apology, no-arrogance, no-over-flattery, no-negativity,
 * no-resume-rehash, limit-exclamations).
 *
 * Extends phrases.ts with what those rules need and it lacks:
 * - phrase groups: each phrase list is data with the reason it is there;
 * - multi-word alternatives in a pattern: `{i'm|i am} desperate` expands to
 *   `i'm desperate` and `i am desperate` (`{…}?` makes the group optional);
 * - first-person checks on a sentence's words (negation itself is the
 *   language layer's: language/negation.ts);
 * - the part of a sentence that is message text (not greeting or sign-off);
 * - removal fixes that leave a readable note: a whole sentence (with its line
 *   when it stands alone), or a qualifier inside one (re-capitalising the
 *   sentence, keeping its commas right).
 */
import type { Note, Sentence, Span, Word } from '../note';
import type { Fix } from '../rule';
import { matchGroups, type CompiledGroups, type GroupMatch, type PhraseGroup } from '../phrases';
import { isNegator } from '../language/negation';
import { breaksClause } from '../language/clauses';
import { WRITER_WORDS } from '../language/word-classes';

// Phrase groups live in ../phrases.ts (shared by every rule); re-exported for the tone rules.
export { compileGroups, expandPattern, matchGroups, type CompiledGroups, type GroupMatch, type PhraseGroup } from '../phrases';

// ---------------------------------------------------------------------------
// Word classes (small closed lists: there is no part-of-speech tagger in the core)

/** The writer's own words (the language layer's class). */
export const FIRST_PERSON: ReadonlySet<string> = WRITER_WORDS;

/** First-person subjects that can start a clause. */
const SUBJECTS: ReadonlySet<string> = new Set(['i', "i'm", "i've", "i'd", "i'll", 'im', 'ive', 'we', "we're", "we've"]);

/** Conjunctions that end a hedging clause ("…, but", "… so"). */
export const CLAUSE_CONJUNCTIONS: ReadonlySet<string> = new Set(['but', 'so', 'yet', 'though', 'however', 'and']);

/** Whether a negator sits within `window` words before word `from` (and after the last clause break). */
export function negatedBefore(sentence: Sentence, from: number, window = 3): boolean {
  for (let i = from - 1; i >= 0 && i >= from - window; i--) {
    if (isNegator(sentence.words[i].lower)) return true;
    if (i > 0 && breaksClause(gapText(sentence, i))) break;
  }
  return false;
}

export function hasAny(sentence: Sentence, set: ReadonlySet<string>, from = 0, to = sentence.words.length): boolean {
  for (let i = Math.max(0, from); i < Math.min(to, sentence.words.length); i++) if (set.has(sentence.words[i].lower)) return true;
  return false;
}

/** The raw text between word `i - 1` and word `i` of the sentence. */
export function gapText(sentence: Sentence, i: number): string {
  const words = sentence.words;
  if (i <= 0 || i >= words.length) return '';
  return sentence.text.slice(words[i - 1].end - sentence.start, words[i].start - sentence.start);
}

export { breaksClause };

/**
 * The index of the first word after `from` that starts a new clause: after a
 * punctuation break, or at a clause conjunction ("but", "so"). The sentence's
 * length when there is none.
 */
export function clauseEnd(sentence: Sentence, from: number): number {
  const words = sentence.words;
  for (let i = from + 1; i < words.length; i++) {
    if (breaksClause(gapText(sentence, i))) return i;
    if (words[i].lower === 'but' || words[i].lower === 'so') return i;
    // "…busy and I appreciate…": a new clause with its own first-person subject.
    if (words[i].lower === 'and' && i + 1 < words.length && SUBJECTS.has(words[i + 1].lower)) return i;
  }
  return words.length;
}

// ---------------------------------------------------------------------------
// The message part of a sentence

/**
 * The words of the sentence that belong to the message: a sentence that runs
 * into the greeting ("Hi Ana,\nI really need…") or the sign-off (no final
 * period before "Best,") loses those words here.
 */
export function messageWords(note: Note, sentence: Sentence): { readonly words: Word[]; first: number; last: number } {
  const { greeting, signOff } = note;
  let first = 0;
  let last = sentence.words.length;
  if (greeting && sentence.start < greeting.end) {
    while (first < last && sentence.words[first].start < greeting.end) first++;
  }
  if (signOff && sentence.end > signOff.start) {
    while (last > first && sentence.words[last - 1].end > signOff.start) last--;
  }
  // Most callers want only the indexes: the words are copied when asked for.
  return new MessageWords(sentence.words, first, last);
}

class MessageWords {
  constructor(
    private readonly all: Word[],
    readonly first: number,
    readonly last: number,
  ) {}

  get words(): Word[] {
    return this.all.slice(this.first, this.last);
  }
}

/** The span of the sentence without greeting or sign-off words, ending at its final punctuation when it has one. */
export function messageSpan(note: Note, sentence: Sentence): Span | undefined {
  const { first, last } = messageWords(note, sentence);
  if (first >= last) return undefined;
  const start = sentence.words[first].start;
  let end = sentence.words[last - 1].end;
  if (last === sentence.words.length) end = sentence.end;
  else {
    const tail = /^[^\s\p{L}\p{N}<]*/u.exec(note.text.slice(end, Math.min(note.text.length, end + 8)));
    end += tail ? tail[0].length : 0;
  }
  return { start, end };
}

/** Whether a sentence is wholly inside the greeting or the sign-off. */
export function isFrame(note: Note, sentence: Sentence): boolean {
  const { first, last } = messageWords(note, sentence);
  return first >= last;
}

// ---------------------------------------------------------------------------
// Removal fixes

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** Offset after the line break that ends the line at `lineEnd` (the text's length at the end). */
function afterBreak(text: string, lineEnd: number): number {
  if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') return lineEnd + 2;
  if (text[lineEnd] === '\n') return lineEnd + 1;
  return lineEnd;
}

function isBlankLine(text: string, start: number): boolean {
  const end = lineEndOf(text, start);
  return start < text.length && text.slice(start, end).trim() === '';
}

/** What may precede a sentence on its line for the line to count as only that sentence. */
const LINE_LEAD = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?$/;

/**
 * A fix that deletes the message part of a sentence. When that part is alone
 * on its line(s) the lines go, and a blank line that would be left doubled goes
 * with them; otherwise the neighbouring space goes, so the paragraph still reads.
 */
export function removeSentenceFix(note: Note, sentence: Sentence, title: string, safe = false): Fix | undefined {
  const span = messageSpan(note, sentence);
  if (!span) return undefined;
  const text = note.text;
  const paragraph = note.paragraphs[sentence.paragraph];
  const index = paragraph ? paragraph.sentences.indexOf(sentence) : -1;
  const next = index >= 0 ? paragraph.sentences[index + 1] : undefined;
  const wholeSentence = span.start === sentence.words[0]?.start && span.end === sentence.end;

  // Followed by another sentence on the same line: take the spaces up to it.
  if (next && wholeSentence) {
    let end = span.end;
    while (end < next.start && (text[end] === ' ' || text[end] === '\t')) end++;
    if (end === next.start) return edit(title, safe, span.start, end, '');
  }

  const lineStart = lineStartOf(text, span.start);
  const lineEnd = lineEndOf(text, span.end);
  const before = text.slice(lineStart, span.start);
  const after = text.slice(span.end, lineEnd);
  if (LINE_LEAD.test(before) && after.trim() === '' && lineStart >= note.body.start) {
    // The sentence is its own line(s): delete them.
    let end = afterBreak(text, lineEnd);
    const blankBefore = lineStart === note.body.start || isBlankLine(text, lineStartOf(text, Math.max(lineStart - 1, 0)));
    if (blankBefore && end < text.length && isBlankLine(text, end)) end = afterBreak(text, lineEndOf(text, end));
    return edit(title, safe, lineStart, end, '');
  }

  // Inside a line: take one neighbouring space (a preceding one when the sentence ends the line).
  let { start, end } = span;
  if (text[end] === ' ' && /\S/.test(after)) end++;
  else if (start > lineStart && text[start - 1] === ' ') start--;
  return edit(title, safe, start, end, '');
}

/**
 * A fix that deletes words `[from, to)` of a sentence — a qualifier — and keeps
 * the rest readable: commas around it are balanced, and a sentence that now
 * starts with the next word gets it capitalised. When the qualifier is the
 * whole message part of the sentence, the sentence goes.
 */
export function removeWordsFix(note: Note, sentence: Sentence, from: number, to: number, title: string, safe = false): Fix | undefined {
  const words = sentence.words;
  const { first, last } = messageWords(note, sentence);
  if (from < first) from = first;
  if (to > last) to = last;
  if (from >= to) return undefined;
  if (from === first && to === last) return removeSentenceFix(note, sentence, title, safe);
  const text = note.text;
  const atStart = from === first;
  const atEnd = to === last;
  if (atStart) {
    // "Sorry to bother you, but I wanted…" → "I wanted…"
    const next = words[to];
    const ch = text[next.start];
    const upper = ch.toUpperCase();
    return ch === upper ? edit(title, safe, words[from].start, next.start, '') : edit(title, safe, words[from].start, next.start + 1, upper);
  }
  if (atEnd) {
    // "Could you send it, if it's not too much trouble?" → "Could you send it?"
    return edit(title, safe, words[from - 1].end, words[to - 1].end, '');
  }
  const gapBefore = text.slice(words[from - 1].end, words[from].start);
  const gapAfter = text.slice(words[to - 1].end, words[to].start);
  if (/,/.test(gapBefore) && /,/.test(gapAfter)) {
    // "Could you, if it's no trouble, send…" → "Could you send…"
    return edit(title, safe, words[from - 1].end, words[to].start, ' ');
  }
  if (/,/.test(gapAfter) && !/,/.test(gapBefore)) {
    // "…and I know you're busy, but I…" → keep the comma out of the removal's way
    return edit(title, safe, words[from].start, words[to].start, '');
  }
  // "I just wanted to" → "I wanted to"
  return edit(title, safe, words[from].start, words[to].start, '');
}

function edit(title: string, safe: boolean, start: number, end: number, newText: string): Fix {
  return { title, kind: 'fix', safe, edits: [{ start, end, newText }] };
}

// ---------------------------------------------------------------------------
// Small helpers

/** Lower-cased words of a front-matter name ("Fernleaf Logistics" → ["fernleaf", "logistics"]), minus filler. */
export function nameWords(value: string | undefined): string[] {
  if (!value) return [];
  const filler = new Set(['the', 'of', 'and', 'inc', 'inc.', 'llc', 'ltd', 'co', 'co.', 'corp', 'corp.', 'group', 'mr.', 'ms.', 'mrs.', 'dr.', 'mr', 'ms', 'mrs', 'dr']);
  return value
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[^\p{L}\p{N}'.&-]+/u)
    .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter((w) => w.length > 1 && !filler.has(w));
}

/** Quote a bit of the note in a message, shortened when long. */
export function quote(text: string, max = 48): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `"${clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean}"`;
}

/**
 * The first of the phrases matched right at word `index` of the sentence
 * (looking at most `window` words ahead), or undefined. Offsets and indices
 * are the sentence's own.
 */
export function matchAt<G extends PhraseGroup>(sentence: Sentence, index: number, compiled: CompiledGroups<G>, window = 12): GroupMatch<G> | undefined {
  if (index >= sentence.words.length) return undefined;
  const slice: Sentence = { ...sentence, words: sentence.words.slice(index, index + window) };
  const first = matchGroups(slice, compiled)[0];
  if (!first || first.from !== 0) return undefined;
  return { ...first, from: first.from + index, to: first.to + index };
}
