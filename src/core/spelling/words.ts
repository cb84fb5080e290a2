/**
 * Deciding whether one word of a note is spelled acceptably. Pure functions
 * over a `Speller`; the spelling rule walks the note and reports.
 */
import { EXTRA_WORDS, HYPHEN_PREFIXES, KNOWN_MISSPELLINGS } from './vocabulary';
import type { Speller } from './speller';
import type { Word } from '../note';
import { recordOf, wordRecord, type WordRecord } from '../lexicon/word-records';

/** The part of a word to check, with its offsets inside the word's text. */
export interface Token {
  text: string;
  /** Offset of `text` inside the word as written. */
  offset: number;
}

// Hoisted: a `\p{…}` literal inside a function becomes `new RegExp(…)` on every call once
// esbuild targets Node 20 (tsx, the CLI bundle), and these run for every word.
const PLAIN_WORD = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const ASCII_LETTERS = /^[A-Za-z]+$/;
const LETTER_HYPHEN_END = /\p{L}-$/u;
const INITIALISM = /^\p{L}{1,3}(?:\.\p{L}{1,3})+$/u;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\p{N}/u;
const NON_LATIN_LETTER = /(?=\p{L})\P{Script=Latin}/u;
const INITIALISM_OR_ABBREVIATION = /^\p{L}{1,3}(?:\.\p{L}{1,3})+\.?$/u;

/**
 * The checkable core of a word as the parser hands it out: typographic
 * apostrophes folded, leading punctuation and trailing periods or apostrophes
 * dropped ("café." → "café", "students'" → "students"), and a possessive
 * "'s" set aside ("Fernleaf's" → "Fernleaf"). The fold keeps lengths, so
 * offsets still point into the original text.
 */
export function tokenOf(wordText: string): Token | undefined {
  // Most words are plain letters and digits (with inner hyphens): nothing to fold or trim.
  if (PLAIN_WORD.test(wordText)) return { text: wordText, offset: 0 };
  const folded = wordText.replace(/[\u2018\u2019\u02bc]/g, "'");
  const lead = /^[^\p{L}\p{N}]*/u.exec(folded)![0].length;
  let end = folded.length;
  while (end > lead && /[.'’]/u.test(folded[end - 1])) end -= 1;
  let text = folded.slice(lead, end);
  // Keep the period of an initialism ("e.g.", "U.S.", "Ph.D."): only the last one was dropped.
  if (INITIALISM.test(text) && folded[end] === '.') text += '.';
  if (/'s$/i.test(text) && text.length > 2) text = text.slice(0, -2);
  if (!text) return undefined;
  return { text, offset: lead };
}

const NO_WORDS: ReadonlySet<string> = new Set();

let verdictSerials = 0;

/** Per speller: its verdicts. */
const plainVerdicts = new WeakMap<Speller, PlainVerdicts>();

/**
 * What the spelling and capitalization rules need of each word, remembered by
 * the word's text (lexicon/word-records.ts): its token (`tokenOf`), and
 * `isAccepted(token, { speller, accepted: ∅, sentenceInitial })` for one
 * speller. A note's words are mostly the same few thousand, so one look-up per
 * word replaces the token's pattern work and the dictionary's. Extra accepted
 * words only ever turn a verdict to true (isAccepted is monotone in `accepted`),
 * so a true verdict here holds for any word list, and only a false one needs
 * `isAccepted` with the note's own list.
 */
export class PlainVerdicts {
  /** Which verdicts a record holds (a number, so records never keep an unloaded speller alive). */
  private readonly serial = ++verdictSerials;

  private constructor(private readonly speller: Speller) {}

  /** The verdicts of a speller (one object per speller, kept as long as it is). */
  static of(speller: Speller): PlainVerdicts {
    let verdicts = plainVerdicts.get(speller);
    if (!verdicts) plainVerdicts.set(speller, (verdicts = new PlainVerdicts(speller)));
    return verdicts;
  }

  /** The record of a word as written, with its token; undefined for one too long to remember (then use tokenOf and acceptsToken). */
  record(word: string | Word): WordRecord | undefined {
    const record = typeof word === 'string' ? wordRecord(word) : recordOf(word);
    const wordText = typeof word === 'string' ? word : word.text;
    if (record !== undefined && !record.tokenKnown) {
      record.token = tokenOf(wordText);
      record.tokenKnown = true;
    }
    return record;
  }

  /** `tokenOf(wordText)`; the token returned may be shared: never mutate it. */
  token(wordText: string): Token | undefined {
    const record = this.record(wordText);
    return record ? record.token : tokenOf(wordText);
  }

  /** The plain verdict on a record's token (which must be defined). */
  accepts(record: WordRecord, sentenceInitial: boolean): boolean {
    if (record.verdictsOf !== this.serial) {
      // Verdicts of another speller (the other language): start over for this one.
      record.verdictsOf = this.serial;
      record.elsewhere = -1;
      record.initial = -1;
    }
    if (sentenceInitial) {
      if (record.initial === -1) record.initial = this.acceptsToken(record.token!.text, true) ? 1 : 0;
      return record.initial === 1;
    }
    if (record.elsewhere === -1) record.elsewhere = this.acceptsToken(record.token!.text, false) ? 1 : 0;
    return record.elsewhere === 1;
  }

  /** The plain verdict on a token, not remembered. */
  acceptsToken(token: string, sentenceInitial: boolean): boolean {
    return isAccepted(token, { speller: this.speller, accepted: NO_WORDS, sentenceInitial });
  }
}

/** Forms of "i" the capitalization rule reports; spelling leaves them alone. */
const LOWERCASE_I = new Set(['i', "i'm", "i've", "i'd", "i'll"]);

export interface AcceptOptions {
  speller: Speller;
  /** Extra accepted words, lower case (front matter, configuration). */
  accepted: ReadonlySet<string>;
  /** The word opens its sentence (so a capital letter says nothing about it being a name). */
  sentenceInitial: boolean;
}

/** Whether the token passes: a dictionary word, an accepted word, or something we deliberately don't check. */
export function isAccepted(token: string, options: AcceptOptions): boolean {
  // Plain ASCII letters: no digits, no other script, no initialism, no compound to split.
  if (ASCII_LETTERS.test(token)) return acceptedWord(token, options, options.sentenceInitial);
  if (!HAS_LETTER.test(token)) return true;
  if (HAS_DIGIT.test(token)) return true; // 3rd, Q3, mid-2024, i18n, 10x
  if (NON_LATIN_LETTER.test(token)) return true; // 田中, Σοφία: an English dictionary can't judge other scripts
  if (INITIALISM_OR_ABBREVIATION.test(token)) return true; // e.g., i.e., U.S., Ph.D., a.m.
  if (acceptedWord(token, options, options.sentenceInitial)) return true;
  // A suspended hyphen ("pre- and post-interview", "short- and long-term"): judge the word without it.
  if (LETTER_HYPHEN_END.test(token)) {
    const stem = token.slice(0, -1);
    return HYPHEN_PREFIXES.has(stem.toLowerCase()) || isAccepted(stem, options);
  }
  // Compounds: "follow-up", "UX/UI", "Q&A", "and/or". Each part must pass on its own.
  const parts = token.split(/[-/&._]+/).filter(Boolean);
  if (parts.length < 2) return false;
  return parts.every((part, i) => (i < parts.length - 1 && HYPHEN_PREFIXES.has(part.toLowerCase())) || acceptedWord(part, options, options.sentenceInitial && i === 0));
}

function acceptedWord(word: string, { speller, accepted }: AcceptOptions, sentenceInitial: boolean): boolean {
  const lower = word.toLowerCase();
  if (accepted.has(lower) || EXTRA_WORDS.has(lower)) return true;
  if (speller.correct(word)) return true;
  if (/[-/&._]/.test(word)) return false; // a compound: judged part by part
  if ([...word].length === 1) return true; // letters as letters: "plan B", "e-mail"
  if (/^\p{Lu}{2,5}s?$/u.test(word)) return true; // acronyms: OKRs, KPI, AWS, HIPAA
  if (/\p{Ll}\p{Lu}/u.test(word)) return true; // brand and product casing: iPhone, eBay, GitHub, DevOps, SaaS, PhD
  if (LOWERCASE_I.has(word)) return true;
  if (/^\p{Lu}/u.test(word)) {
    // A capitalised word the dictionary doesn't know is almost always a name
    // (a person, a company, a product). At the start of a sentence the capital
    // proves nothing, so there we still catch the unmistakable typos.
    if (!sentenceInitial) return true;
    return !looksLikeTypo(word.toLowerCase());
  }
  return false;
}

/**
 * A capitalised sentence opener that is a well-known typo ("Thnak", "Recieve",
 * "Dont"). Nothing cleverer: any edit-distance test also catches real names
 * ("Nial" is one swap from "nail", "Tunde" from "tuned", "Signe" from "singe").
 */
function looksLikeTypo(lower: string): boolean {
  return Object.hasOwn(KNOWN_MISSPELLINGS, lower);
}

/** Words of a free-text value (a name, a company, a topic) for the accepted set, lower case. */
export function wordsOf(value: string): string[] {
  const out: string[] = [];
  for (const raw of value.split(/[\s,;:()[\]{}"“”!?]+/)) {
    const token = tokenOf(raw);
    if (!token) continue;
    const lower = token.text.toLowerCase();
    out.push(lower);
    for (const part of lower.split(/[-/&.]+/)) if (part && part !== lower) out.push(part);
  }
  return out;
}
