/**
 * What the "Across notes" rules (no-duplicate-note, no-wrong-company,
 * no-wrong-recipient) derive from one note, cached per Note object.
 *
 * Note models are immutable and replaced when their text changes (see
 * workspace.ts), so a WeakMap keyed by the model is a safe cache: after an
 * edit, only the edited note's features are derived again; every other note's
 * come from the cache, and a dropped model takes its features with it.
 */
import type { Note, Sentence, Span, Word } from '../note';
import type { WorkspaceNote } from '../rule';
import { companyKey } from '../workspace';
import { foldName, isGenericAddressee, parsePersonName, sameNameWord, type PersonName } from './structure-names';

// ---------------------------------------------------------------------------
// Normalized words

/**
 * Comparable word keys of a piece of text: folded (case, accents, curly
 * apostrophes), split at hyphens and other non-letters, a possessive "'s"
 * dropped. "Fernleaf's" → ["fernleaf"], "Coca-Cola" → ["coca", "cola"].
 */
export function wordKeys(text: string): string[] {
  // Fast path: a plain ASCII word (most of them).
  if (/^[A-Za-z0-9]+(?:'[A-Za-z]+)?$/.test(text)) {
    const key = stripPossessive(text.toLowerCase());
    return [key];
  }
  const out: string[] = [];
  for (const raw of foldName(text).split(/[^\p{L}\p{N}']+/u)) {
    const key = stripPossessive(raw.replace(/^'+|'+$/g, ''));
    if (key) out.push(key);
  }
  return out;
}

function stripPossessive(key: string): string {
  return key.endsWith("'s") && key.length > 2 ? key.slice(0, -2) : key;
}

/** One comparable piece of a word of the note ("co-op" gives two). */
export interface Token extends Span {
  key: string;
  /** Index of the sentence in `note.sentences` and of the word in it. */
  sentence: number;
  word: number;
  /** Whether this is the first / last piece of its word (a match must not start or end inside a word). */
  first: boolean;
  last: boolean;
}

/** The words of a sentence as tokens. */
export function sentenceTokens(sentence: Sentence, index: number, out: Token[] = []): Token[] {
  sentence.words.forEach((word, w) => {
    const keys = wordKeys(word.text);
    keys.forEach((key, k) => {
      out.push({ key, start: word.start, end: word.end, sentence: index, word: w, first: k === 0, last: k === keys.length - 1 });
    });
  });
  return out;
}

// ---------------------------------------------------------------------------
// Per-note features

export interface NoteFeatures {
  /** Front-matter company, normalized for grouping ("" when none). */
  companyKey: string;
  /** The recipient (`to`) as name words; empty when `to` is missing or generic ("Hiring Team"). */
  recipient: PersonName;
  /** `to` trimmed, when it names a person (not missing, not "Hiring Team"). */
  to?: string;
  /** `company` trimmed, when set. */
  company?: string;
  /** Tokens of the body's prose: greeting line and sign-off left out. */
  tokens: Token[];
}

export interface DuplicateFeatures {
  /** Body tokens with front-matter values replaced by a placeholder per kind (`#to`, `#company`, …). */
  tokens: { key: string; start: number; end: number }[];
  /** Shingle i covers tokens[i … i + SHINGLE_SIZE); in text order. */
  shingles: string[];
  /** Each distinct shingle and where it first occurs. */
  first: Map<string, number>;
}

/** Counts of features derived (not served from the cache): for tests and the benchmark. */
export const featureStats = { notes: 0, duplicates: 0 };

const noteCache = new WeakMap<Note, NoteFeatures>();
const duplicateCache = new WeakMap<Note, DuplicateFeatures>();

/** Words per shingle; see no-duplicate-note.md for how it was chosen. */
export const SHINGLE_SIZE = 4;

export function noteFeatures(note: Note): NoteFeatures {
  let features = noteCache.get(note);
  if (features) return features;
  featureStats.notes++;
  const fm = note.frontMatter;
  const to = typeof fm.to === 'string' && fm.to.trim() && !isGenericAddressee(fm.to) ? fm.to.trim() : undefined;
  const recipient = to ? parsePersonName(to) : { words: [], written: [], capitalized: true };
  const company = typeof fm.company === 'string' && fm.company.trim() ? fm.company.trim() : undefined;
  const tokens: Token[] = [];
  // The greeting line and the sign-off are left out: they name people by design.
  const bodyFrom = note.greeting?.end ?? note.body.start;
  const bodyTo = note.signOff?.start ?? Infinity;
  note.sentences.forEach((sentence, i) => {
    if (sentence.end <= bodyFrom || sentence.start >= bodyTo) return;
    const before = tokens.length;
    sentenceTokens(sentence, i, tokens);
    if (sentence.start < bodyFrom || sentence.end > bodyTo) {
      const kept = tokens.slice(before).filter((t) => t.start >= bodyFrom && t.start < bodyTo);
      tokens.length = before;
      tokens.push(...kept);
    }
  });
  features = { companyKey: companyKey(fm.company), recipient, to: recipient.words.length ? to : undefined, company, tokens };
  noteCache.set(note, features);
  return features;
}

/** The company key of a workspace entry (an IndexedNote carries it already). */
export function workspaceCompanyKey(entry: WorkspaceNote): string {
  const key = (entry as { companyKey?: unknown }).companyKey;
  return typeof key === 'string' ? key : noteFeatures(entry.note).companyKey;
}

/** Front-matter values as token sequences, each with the placeholder that stands for it. */
function valueSequences(note: Note): { keys: string[]; placeholder: string }[] {
  const fm = note.frontMatter;
  const out: { keys: string[]; placeholder: string }[] = [];
  const add = (value: unknown, placeholder: string, wordsToo: boolean) => {
    if (typeof value !== 'string') return;
    const keys = wordKeys(value);
    if (keys.length) out.push({ keys, placeholder });
    // Names are also written in part ("Ana", "Ms. Ruiz").
    if (wordsToo) for (const key of keys) if (key.length >= 2) out.push({ keys: [key], placeholder });
  };
  add(fm.to, '#to', true);
  add(fm.from, '#from', true);
  add(fm.company, '#company', false);
  add(fm.role, '#role', false);
  for (const topic of fm.topics ?? []) add(topic, '#topic', false);
  // Longest first, so "Ana Ruiz" wins over "Ana".
  return out.sort((a, b) => b.keys.length - a.keys.length);
}

export function duplicateFeatures(note: Note): DuplicateFeatures {
  let features = duplicateCache.get(note);
  if (features) return features;
  featureStats.duplicates++;
  const { tokens } = noteFeatures(note);
  const values = valueSequences(note);
  const byFirst = new Map<string, { keys: string[]; placeholder: string }[]>();
  for (const value of values) {
    const list = byFirst.get(value.keys[0]) ?? [];
    list.push(value);
    byFirst.set(value.keys[0], list);
  }
  const out: DuplicateFeatures['tokens'] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched: { keys: string[]; placeholder: string } | undefined;
    for (const value of byFirst.get(tokens[i].key) ?? []) {
      if (value.keys.every((k, j) => tokens[i + j]?.key === k)) {
        matched = value;
        break;
      }
    }
    if (matched) {
      const last = tokens[i + matched.keys.length - 1];
      out.push({ key: matched.placeholder, start: tokens[i].start, end: last.end });
      i += matched.keys.length;
    } else {
      out.push({ key: tokens[i].key, start: tokens[i].start, end: tokens[i].end });
      i++;
    }
  }
  const shingles: string[] = [];
  const first = new Map<string, number>();
  for (let i = 0; i + SHINGLE_SIZE <= out.length; i++) {
    let shingle = out[i].key;
    for (let j = 1; j < SHINGLE_SIZE; j++) shingle += ' ' + out[i + j].key;
    shingles.push(shingle);
    if (!first.has(shingle)) first.set(shingle, i);
  }
  features = { tokens: out, shingles, first };
  duplicateCache.set(note, features);
  return features;
}

// ---------------------------------------------------------------------------
// Names

/** Whether two parsed names can be the same person (every word of one stands for a word of the other). */
export function samePerson(a: PersonName, b: PersonName): boolean {
  if (a.words.length === 0 || b.words.length === 0) return false;
  const covers = (x: string[], y: string[]) => x.every((w) => y.some((v) => sameNameWord(w, v)));
  return covers(a.words, b.words) || covers(b.words, a.words);
}

/** The span of a top-level front-matter value (`company`, `to`), for related locations. */
export function frontMatterValueSpan(note: Note, key: string): Span {
  const entry = note.frontMatterBlock.entries.find((e) => e.key === key);
  return entry ? entry.valueSpan : { start: 0, end: 0 };
}

/** Text between two words of a sentence (or the sentence's edge), where commas and other punctuation live. */
export function gapBefore(note: Note, sentence: Sentence, w: number): string {
  const from = w === 0 ? sentence.start : sentence.words[w - 1].end;
  return note.text.slice(from, sentence.words[w]?.start ?? sentence.end);
}

export function gapAfter(note: Note, sentence: Sentence, w: number): string {
  const to = w + 1 < sentence.words.length ? sentence.words[w + 1].start : sentence.end;
  return note.text.slice(sentence.words[w].end, to);
}

/** Whether `needle` occurs as a contiguous run in `hay`. */
export function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A file path or URI shortened to its last segment, for messages. */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return decodeURIComponentSafe(parts[parts.length - 1] || file);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Whether a word is written with a capital first letter. */
export function isCapitalized(word: Word): boolean {
  return /^\p{Lu}/u.test(word.text);
}
