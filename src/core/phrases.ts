/**
 * Phrase patterns matched against a sentence's words (not its raw text), so
 * "just" inside "adjust" or "pay" inside "paying attention to" are never hits
 * by accident, and punctuation or line breaks between words don't matter.
 *
 * Pattern syntax, one word position per token, separated by spaces:
 *   word        that word (case-insensitive; apostrophes folded)
 *   a|b|c       any of these words
 *   word?       optional word ("a|the?" = optional a or the)
 *   *           any one word
 *   ...         zero to three words
 *   pay*        a word starting with "pay" (a trailing * after letters)
 */
import type { Sentence, Span, Word } from './note';

interface Token {
  alternatives: string[];
  prefixes: string[];
  any: boolean;
  optional: boolean;
  gap: boolean;
}

export interface Phrase {
  source: string;
  tokens: Token[];
}

export interface PhraseMatch extends Span {
  phrase: string;
  /** Index of the first and one past the last matched word in the sentence. */
  from: number;
  to: number;
}

const cache = new Map<string, Phrase>();

export function compilePhrase(source: string): Phrase {
  const cached = cache.get(source);
  if (cached) return cached;
  const tokens = source
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((raw): Token => {
      if (raw === '...') return { alternatives: [], prefixes: [], any: true, optional: true, gap: true };
      const optional = raw.endsWith('?');
      const body = optional ? raw.slice(0, -1) : raw;
      if (body === '*') return { alternatives: [], prefixes: [], any: true, optional, gap: false };
      const parts = body.split('|');
      return {
        alternatives: parts.filter((p) => !p.endsWith('*')),
        prefixes: parts.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1)),
        any: false,
        optional,
        gap: false,
      };
    });
  const phrase = { source, tokens };
  cache.set(source, phrase);
  return phrase;
}

function tokenMatches(token: Token, word: string): boolean {
  if (token.any) return true;
  if (token.alternatives.includes(word)) return true;
  return token.prefixes.some((p) => word.startsWith(p));
}

/** Match `tokens[t…]` against `words[w…]`; returns the index one past the last matched word, or -1. */
function matchFrom(tokens: Token[], t: number, words: readonly string[], w: number): number {
  if (t === tokens.length) return w;
  const token = tokens[t];
  if (token.gap) {
    for (let skip = 0; skip <= 3 && w + skip <= words.length; skip++) {
      const end = matchFrom(tokens, t + 1, words, w + skip);
      if (end !== -1) return end;
    }
    return -1;
  }
  if (w < words.length && tokenMatches(token, words[w])) {
    const end = matchFrom(tokens, t + 1, words, w + 1);
    if (end !== -1) return end;
  }
  return token.optional ? matchFrom(tokens, t + 1, words, w) : -1;
}

/** Words as the matcher sees them: lower case, curly apostrophes folded, "n't" kept on its word. */
export function wordKeys(words: readonly Word[]): string[] {
  return words.map((w) => w.lower);
}

/** The first match of any phrase in the sentence, leftmost first. */
export function findPhrase(sentence: Sentence, phrases: readonly (string | Phrase)[]): PhraseMatch | undefined {
  return findPhrases(sentence, phrases)[0];
}

/** Every non-overlapping match, leftmost first; at one position the earliest listed phrase wins. */
export function findPhrases(sentence: Sentence, phrases: readonly (string | Phrase)[]): PhraseMatch[] {
  const compiled = phrases.map((p) => (typeof p === 'string' ? compilePhrase(p) : p));
  const keys = wordKeys(sentence.words);
  const matches: PhraseMatch[] = [];
  for (let w = 0; w < keys.length; w++) {
    for (const phrase of compiled) {
      const end = matchFrom(phrase.tokens, 0, keys, w);
      if (end > w) {
        matches.push({ phrase: phrase.source, from: w, to: end, start: sentence.words[w].start, end: sentence.words[end - 1].end });
        w = end - 1;
        break;
      }
    }
  }
  return matches;
}

/** Whether any of the words (lower case) appears in the sentence. */
export function hasWord(sentence: Sentence, words: readonly string[]): boolean {
  return sentence.words.some((w) => words.includes(w.lower));
}
