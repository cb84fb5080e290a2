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
 *   {a b|c}     alternatives of several words ("{let's|let us} meet"); `{…}?` optional
 */
import type { Sentence, Span, Word } from './note';

export interface Token {
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
export function matchTokens(tokens: Token[], t: number, words: readonly string[], w: number): number {
  if (t === tokens.length) return w;
  const token = tokens[t];
  if (token.gap) {
    for (let skip = 0; skip <= 3 && w + skip <= words.length; skip++) {
      const end = matchTokens(tokens, t + 1, words, w + skip);
      if (end !== -1) return end;
    }
    return -1;
  }
  if (w < words.length && tokenMatches(token, words[w])) {
    const end = matchTokens(tokens, t + 1, words, w + 1);
    if (end !== -1) return end;
  }
  return token.optional ? matchTokens(tokens, t + 1, words, w) : -1;
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
  const compiled = phrases.flatMap((p) => (typeof p === 'string' ? expandPattern(p).map(compilePhrase) : [p]));
  const keys = wordKeys(sentence.words);
  const matches: PhraseMatch[] = [];
  for (let w = 0; w < keys.length; w++) {
    for (const phrase of compiled) {
      const end = matchTokens(phrase.tokens, 0, keys, w);
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

// ---------------------------------------------------------------------------
// Phrase groups: named lists of patterns with the reason they exist, matched
// through an index on first words so long lists stay cheap. Patterns may also
// use `{a b|c}` for alternatives of several words (and `{…}?` for optional ones).


export interface PhraseGroup {
  /** A short id used in messages and tests. */
  id: string;
  /** Why the group is there: what it catches and what it must not. */
  reason: string;
  /** Patterns in phrases.ts syntax plus `{a b|c}` multi-word alternatives. */
  phrases: readonly string[];
}

export interface CompiledGroups<G extends PhraseGroup> {
  phrases: Phrase[];
  groupOf: Map<string, G>;
  /** Phrase indices by the words their first token accepts; phrases whose first token is open (optional, *, prefix) are in `open`. */
  byFirstWord: Map<string, number[]>;
  open: number[];
}

export interface GroupMatch<G extends PhraseGroup> extends PhraseMatch {
  group: G;
}

/** Expansions of one pattern beyond this are a mistake in the data (they would make matching slow). */
const MAX_EXPANSIONS = 512;

/**
 * Expand `{a|b c}` (and `{…}?`) alternatives into plain phrases.ts patterns. A
 * group of single words becomes one `a|b|c` token (no expansion); only groups
 * with a multi-word choice multiply the patterns.
 */
export function expandPattern(pattern: string): string[] {
  const out = expandInto(pattern.replace(/\{([^{}]*)\}(\??)/g, (whole, body: string, optional: string) => {
    const choices = body.split('|').map((c) => c.trim());
    if (choices.some((c) => /\s/.test(c) || c === '')) return whole;
    return choices.join('|') + optional;
  }));
  if (out.length > MAX_EXPANSIONS) throw new Error(`Phrase pattern "${pattern}" expands to ${out.length} phrases; split it.`);
  return out;
}

function expandInto(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open === -1) return [pattern.trim().replace(/\s+/g, ' ')];
  const close = pattern.indexOf('}', open);
  if (close === -1) throw new Error(`Unclosed "{" in phrase pattern "${pattern}"`);
  const optional = pattern[close + 1] === '?';
  const before = pattern.slice(0, open);
  const after = pattern.slice(close + (optional ? 2 : 1));
  const choices = pattern.slice(open + 1, close).split('|').map((c) => c.trim());
  if (optional) choices.push('');
  const out: string[] = [];
  for (const choice of choices) {
    for (const rest of expandInto(`${before} ${choice} ${after}`)) {
      out.push(rest);
      if (out.length > MAX_EXPANSIONS) return out;
    }
  }
  return out.filter((p) => p.length > 0);
}

export function compileGroups<G extends PhraseGroup>(groups: readonly G[]): CompiledGroups<G> {
  const phrases: Phrase[] = [];
  const groupOf = new Map<string, G>();
  for (const group of groups) {
    for (const pattern of group.phrases) {
      for (const source of expandPattern(pattern)) {
        if (groupOf.has(source)) continue;
        groupOf.set(source, group);
        phrases.push(compilePhrase(source));
      }
    }
  }
  const byFirstWord = new Map<string, number[]>();
  const open: number[] = [];
  phrases.forEach((phrase, index) => {
    const head = phrase.tokens[0] as Token | undefined;
    if (!head || head.any || head.optional || head.gap || head.prefixes.length > 0) {
      open.push(index);
      return;
    }
    for (const word of head.alternatives) {
      const list = byFirstWord.get(word) ?? [];
      list.push(index);
      byFirstWord.set(word, list);
    }
  });
  return { phrases, groupOf, byFirstWord, open };
}

/**
 * Every non-overlapping match of the groups' phrases in the sentence, leftmost
 * first; at one position the earliest listed phrase wins. The same semantics
 * as `findPhrases` in phrases.ts, but each position only tries the phrases its
 * word can start (an index on first words), so long phrase lists stay cheap.
 */
export function matchGroups<G extends PhraseGroup>(sentence: Sentence, compiled: CompiledGroups<G>): GroupMatch<G>[] {
  const words = sentence.words;
  if (words.length === 0) return [];
  const keys = words.map((w) => w.lower);
  const matches: GroupMatch<G>[] = [];
  for (let w = 0; w < keys.length; w++) {
    const indexed = compiled.byFirstWord.get(keys[w]);
    const candidates = indexed ? (compiled.open.length ? [...indexed, ...compiled.open].sort((a, b) => a - b) : indexed) : compiled.open;
    for (const index of candidates) {
      const phrase = compiled.phrases[index];
      const end = matchTokens(phrase.tokens, 0, keys, w);
      if (end > w) {
        matches.push({ phrase: phrase.source, from: w, to: end, start: words[w].start, end: words[end - 1].end, group: compiled.groupOf.get(phrase.source)! });
        w = end - 1;
        break;
      }
    }
  }
  return matches;
}

