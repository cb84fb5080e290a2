/**
 * What the analysis remembers about a word as the parser hands it out, by its
 * text, across notes: a note's words are mostly the same few thousand, and a
 * fresh note's words are new strings, so each lookup by text costs a hash of
 * the string. One record per text lets the phrase matcher (its word id) and the
 * spelling and capitalization rules (token, verdicts) share that one lookup.
 *
 * Every field is derived from the text alone (or from `lower`, which is
 * compared), so a record can be dropped at any time: the map starts over when it
 * is full.
 */

import type { Word } from '../note';

export interface WordRecord {
  /** The text, kept as its own string (not a slice that would keep a whole note alive). */
  readonly text: string;
  /** Lower case with typographic apostrophes folded (parse.ts sets it on first use): a word's `lower`. */
  folded: string | undefined;
  /** The `lower` the phrase id below was looked up for (a word's `lower` may differ for the same text: the body's sentences trim it). */
  lower: string | undefined;
  /** The phrase matcher's id for `lower` (-1: none), valid while its vocabulary has `idFor` words. */
  id: number;
  idFor: number;
  /** The spelling token (spelling/words.ts tokenOf); `tokenKnown` once computed. */
  tokenKnown: boolean;
  token: { text: string; offset: number } | undefined;
  /** Plain verdicts (spelling/words.ts PlainVerdicts): whose (its serial number; 0 none), -1 not asked yet, 0 no, 1 yes. */
  verdictsOf: number;
  elsewhere: number;
  initial: number;
}

/** Texts longer than this are not remembered (a pasted blob is no word worth keeping). */
export const MAX_RECORDED_LENGTH = 48;
const MAX_RECORDS = 20_000;

const records = new Map<string, WordRecord>();

/**
 * The record of a word's text, created when new; undefined for a text longer than MAX_RECORDED_LENGTH.
 * The parser gives each word its record's `text` (and `folded` as its `lower`): the same string
 * object for the same word in every note, so later lookups by it find their key by identity, with
 * its hash already computed, instead of hashing and comparing a fresh copy.
 */
export function wordRecord(text: string): WordRecord | undefined {
  if (text.length > MAX_RECORDED_LENGTH) return undefined;
  let record = records.get(text);
  if (record === undefined) {
    // A long word is a slice of its note's text: copied, so the record keeps the word, not the note.
    const own = text.length >= 13 ? (' ' + text).slice(1) : text;
    record = { text: own, folded: undefined, lower: undefined, id: -1, idFor: -1, tokenKnown: false, token: undefined, verdictsOf: 0, elsewhere: -1, initial: -1 };
    if (records.size >= MAX_RECORDS) records.clear();
    records.set(own, record);
  }
  return record;
}

/** A word as the parser makes it: with its record attached (not part of the model's interface). */
interface RecordedWord extends Word {
  record?: WordRecord;
}

/** The record of a word: the one the parser attached, else looked up by its text. */
export function recordOf(word: Word): WordRecord | undefined {
  const record = (word as RecordedWord).record;
  return record !== undefined && record.text === word.text ? record : wordRecord(word.text);
}
