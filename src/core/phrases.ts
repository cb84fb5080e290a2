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
  /** `alternatives` as a set, for tokens with many of them (filled by compilePhrase). */
  alternativeSet?: ReadonlySet<string>;
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
      const alternatives = parts.filter((p) => !p.endsWith('*'));
      const token: Token = {
        alternatives,
        prefixes: parts.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1)),
        any: false,
        optional,
        gap: false,
      };
      if (alternatives.length > 4) token.alternativeSet = new Set(alternatives);
      return token;
    });
  const phrase = { source, tokens };
  cache.set(source, phrase);
  return phrase;
}

function tokenMatches(token: Token, word: string): boolean {
  if (token.any) return true;
  if (token.alternativeSet ? token.alternativeSet.has(word) : token.alternatives.includes(word)) return true;
  const prefixes = token.prefixes;
  for (let i = 0; i < prefixes.length; i++) if (word.startsWith(prefixes[i])) return true;
  return false;
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
  return infoOf(words).keys;
}

/**
 * What the matcher derives from a words array, once: its keys, and where each
 * registered phrase list could start a match (`starts[list id]`: the positions
 * whose word is a first word of that list). Every rule matches the same sentences
 * against its lists, so this is shared. Word arrays are never mutated once built
 * (a rule that needs other words builds a new array, which gets its own entry).
 */
interface WordsInfo {
  keys: string[];
  /** (list id, position) pairs in position order; see startsOf. */
  starts?: number[];
  /** The number of registered lists when `starts` was built. */
  startsFor: number;
}

const infoCache = new WeakMap<readonly Word[], WordsInfo>();

/** The last words array asked about: rules ask about one sentence several times in a row. */
let lastWords: readonly Word[] | undefined;
let lastInfo: WordsInfo | undefined;

function infoOf(words: readonly Word[]): WordsInfo {
  if (words === lastWords) return lastInfo!;
  let info = infoCache.get(words);
  if (!info) {
    const keys = new Array<string>(words.length);
    for (let i = 0; i < words.length; i++) keys[i] = words[i].lower;
    info = { keys, startsFor: 0 };
    infoCache.set(words, info);
  }
  lastWords = words;
  lastInfo = info;
  return info;
}

/**
 * The rules' lists are module constants, registered once. Lists made on the fly
 * (a caller passing a new array each time) are registered up to this many; past
 * it they are matched word by word, so the registry stays small.
 */
const MAX_REGISTERED_LISTS = 1000;

/**
 * Registered lists (see PhraseIndex.id) by the first words of their phrases: those
 * with a phrase that can start there whatever word follows (`any`), and by the
 * next word those whose phrases need a particular one (`next`). A sentence's
 * positions for a list are where its first word and, when it needs one, the next
 * word fit: elsewhere none of its phrases can match.
 */
interface ListsAtWord {
  any: number[];
  next: Map<string, number[]>;
}
const listsByFirstWord = new Map<string, ListsAtWord>();
let registeredLists = 0;

/** (list id, position) pairs: where a registered list's phrases can start in the words, in position order. */
function startsOf(info: WordsInfo): number[] {
  if (info.starts && info.startsFor === registeredLists) return info.starts;
  const starts: number[] = [];
  const keys = info.keys;
  const n = keys.length;
  for (let w = 0; w < n; w++) {
    const at = listsByFirstWord.get(keys[w]);
    if (at === undefined) continue;
    const mark = starts.length;
    const any = at.any;
    for (let i = 0; i < any.length; i++) starts.push(any[i], w);
    if (w + 1 === n) continue;
    const next = at.next.get(keys[w + 1]);
    if (next === undefined) continue;
    for (let i = 0; i < next.length; i++) {
      let seen = false;
      for (let j = mark; j < starts.length; j += 2) if (starts[j] === next[i]) seen = true;
      if (!seen) starts.push(next[i], w);
    }
  }
  info.starts = starts;
  info.startsFor = registeredLists;
  return starts;
}

/**
 * A phrase list compiled for matching. A phrase can only match at a word that
 * one of its leading tokens consumes: the tokens up to and including its first
 * required one (optional tokens may be skipped; a match takes at least one
 * word). So each position tries only the phrases whose leading tokens name
 * that word (`exact`), or a prefix of it (`prefixed`), or any word (`open`:
 * `*` or `...` among the leading tokens), in list order — the same result as
 * trying every phrase, for a fraction of the work.
 */
interface PhraseIndex {
  phrases: Phrase[];
  exact: Map<string, number[]>;
  /** Phrases with a prefix (`pay*`) among their leading tokens, with those prefixes. */
  prefixed: { index: number; prefixes: string[] }[];
  open: number[];
  /** The candidates of each word seen so far, when there are prefixed phrases (bounded). */
  memo: Map<string, number[]>;
  /**
   * Without prefixed phrases: for each first word, the candidates narrowed by the word after it
   * (`byNext`), and those that don't depend on it (`rest`: open ones, and those that may end after
   * one word or accept any second word). Long lists expanded from `{a b|c}` share first words.
   */
  pairs?: Map<string, { byNext: Map<string, number[]>; rest: number[] }>;
  /**
   * For a list whose phrases all start with a named word (no prefixes, no open
   * ones): its number in the registry, so a sentence's starting positions for it
   * are known without looking at every word. -1 otherwise.
   */
  id: number;
  /** For a cached list: its length when compiled. */
  sourceLength?: number;
}

const MEMO_LIMIT = 20_000;

function indexPhrases(phrases: Phrase[]): PhraseIndex {
  const exactSets = new Map<string, Set<number>>();
  const prefixed: PhraseIndex['prefixed'] = [];
  const open: number[] = [];
  phrases.forEach((phrase, index) => {
    const words = new Set<string>();
    const prefixes: string[] = [];
    let anyWord = false;
    for (const token of phrase.tokens) {
      if (token.any || token.gap) {
        anyWord = true;
        break;
      }
      for (const word of token.alternatives) words.add(word);
      for (const prefix of token.prefixes) prefixes.push(prefix);
      if (!token.optional) break;
    }
    if (anyWord) {
      open.push(index);
      return;
    }
    for (const word of words) {
      let set = exactSets.get(word);
      if (!set) exactSets.set(word, (set = new Set()));
      set.add(index);
    }
    if (prefixes.length) prefixed.push({ index, prefixes });
  });
  const exact = new Map<string, number[]>();
  for (const [word, set] of exactSets) exact.set(word, open.length ? [...set, ...open].sort((a, b) => a - b) : [...set]);
  const index: PhraseIndex = { phrases, exact, prefixed, open, memo: new Map(), id: -1 };
  if (prefixed.length === 0) {
    const byNumber = (a: number, b: number) => a - b;
    index.pairs = new Map();
    for (const [word, set] of exactSets) {
      const keyed = new Map<string, number[]>();
      const rest: number[] = [...open];
      for (const i of set) {
        const next = secondWords(phrases[i], word);
        if (next === undefined) rest.push(i);
        else for (const w of next) keyed.set(w, [...(keyed.get(w) ?? []), i]);
      }
      rest.sort(byNumber);
      const byNext = new Map<string, number[]>();
      for (const [w, list] of keyed) byNext.set(w, [...list, ...rest].sort(byNumber));
      index.pairs.set(word, { byNext, rest });
    }
    if (open.length === 0 && registeredLists < MAX_REGISTERED_LISTS) {
      const id = (index.id = registeredLists++);
      for (const [word, { byNext, rest }] of index.pairs) {
        let at = listsByFirstWord.get(word);
        if (!at) listsByFirstWord.set(word, (at = { any: [], next: new Map() }));
        if (rest.length) at.any.push(id);
        for (const next of byNext.keys()) {
          const ids = at.next.get(next);
          if (ids) ids.push(id);
          else at.next.set(next, [id]);
        }
      }
    }
  }
  return index;
}

/**
 * The words that can come second in a match of the phrase whose first word is
 * `first`, or undefined when that is not a closed list (the match may end after
 * one word, or a `*`, `...` or prefix may take the second word).
 */
function secondWords(phrase: Phrase, first: string): Set<string> | undefined {
  const out = new Set<string>();
  const tokens = phrase.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.any || token.gap) return undefined;
    if (tokenMatches(token, first)) {
      const follow = followingWords(tokens, i + 1);
      if (follow === undefined) return undefined;
      for (const w of follow) out.add(w);
    }
    if (!token.optional) break;
  }
  return out;
}

/** The words the next word consumed from token `from` on can be, or undefined when any word (or none) can. */
function followingWords(tokens: readonly Token[], from: number): Set<string> | undefined {
  const out = new Set<string>();
  for (let k = from; k < tokens.length; k++) {
    const token = tokens[k];
    if (token.any || token.gap || token.prefixes.length > 0) return undefined;
    for (const w of token.alternatives) out.add(w);
    if (!token.optional) return out;
  }
  return undefined; // every token left is optional: the match may end here
}

/** The phrases worth trying at a word, in list order. */
function candidatesFor(index: PhraseIndex, word: string): readonly number[] {
  if (index.prefixed.length === 0) return index.exact.get(word) ?? index.open;
  let list = index.memo.get(word);
  if (list) return list;
  const extra: number[] = [];
  for (const { index: i, prefixes } of index.prefixed) {
    for (const prefix of prefixes) {
      if (word.startsWith(prefix)) {
        extra.push(i);
        break;
      }
    }
  }
  const base = index.exact.get(word) ?? index.open;
  list = extra.length ? [...new Set([...base, ...extra])].sort((a, b) => a - b) : base;
  if (index.memo.size >= MEMO_LIMIT) index.memo.clear();
  index.memo.set(word, list);
  return list;
}

/** Each list given to findPhrase(s), compiled once. Lists are data (module constants) and never change once used. */
const listCache = new WeakMap<readonly (string | Phrase)[], PhraseIndex>();

function indexOfList(list: readonly (string | Phrase)[]): PhraseIndex {
  let index = listCache.get(list);
  if (!index || index.sourceLength !== list.length) {
    const compiled = list.flatMap((p) => (typeof p === 'string' ? expandPattern(p).map(compilePhrase) : [p]));
    index = Object.assign(indexPhrases(compiled), { sourceLength: list.length });
    listCache.set(list, index);
  }
  return index;
}

/** Matches found by the last `scan`, as (phrase index, from, to) triples; read right after the call. */
const found: number[] = [];

/**
 * Leftmost-first, non-overlapping matching of an indexed list over a sentence;
 * at one position the earliest listed phrase wins. Fills `found`; stops after
 * the first match when `firstOnly`.
 */
function scan(words: readonly Word[], index: PhraseIndex, firstOnly: boolean): void {
  found.length = 0;
  const n = words.length;
  if (n === 0) return;
  const info = infoOf(words);
  const keys = info.keys;
  const phrases = index.phrases;
  const pairs = index.pairs;
  if (pairs && index.id >= 0) {
    // Only the positions where one of the list's phrases can start.
    const starts = startsOf(info);
    const id = index.id;
    let next = 0;
    for (let p = 0; p < starts.length; p += 2) {
      if (starts[p] !== id) continue;
      const w = starts[p + 1];
      if (w < next) continue;
      const entry = pairs.get(keys[w])!;
      const list = w + 1 < n ? entry.byNext.get(keys[w + 1]) ?? entry.rest : entry.rest;
      for (let c = 0; c < list.length; c++) {
        const end = matchTokens(phrases[list[c]].tokens, 0, keys, w);
        if (end > w) {
          found.push(list[c], w, end);
          if (firstOnly) return;
          next = end;
          break;
        }
      }
    }
    return;
  }
  for (let w = 0; w < n; w++) {
    let list: readonly number[];
    if (pairs) {
      const entry = pairs.get(keys[w]);
      list = entry === undefined ? index.open : w + 1 < n ? entry.byNext.get(keys[w + 1]) ?? entry.rest : entry.rest;
    } else list = candidatesFor(index, keys[w]);
    for (let c = 0; c < list.length; c++) {
      const end = matchTokens(phrases[list[c]].tokens, 0, keys, w);
      if (end > w) {
        found.push(list[c], w, end);
        if (firstOnly) return;
        w = end - 1;
        break;
      }
    }
  }
}

/** The first match of any phrase in the sentence, leftmost first. */
export function findPhrase(sentence: Sentence, phrases: readonly (string | Phrase)[]): PhraseMatch | undefined {
  const words = sentence.words;
  const index = indexOfList(phrases);
  scan(words, index, true);
  if (found.length === 0) return undefined;
  const from = found[1];
  const to = found[2];
  return { phrase: index.phrases[found[0]].source, from, to, start: words[from].start, end: words[to - 1].end };
}

/** Every non-overlapping match, leftmost first; at one position the earliest listed phrase wins. */
export function findPhrases(sentence: Sentence, phrases: readonly (string | Phrase)[]): PhraseMatch[] {
  const words = sentence.words;
  const index = indexOfList(phrases);
  scan(words, index, false);
  const matches: PhraseMatch[] = [];
  for (let i = 0; i < found.length; i += 3) {
    const from = found[i + 1];
    const to = found[i + 2];
    matches.push({ phrase: index.phrases[found[i]].source, from, to, start: words[from].start, end: words[to - 1].end });
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
  const compiled: CompiledGroups<G> = { phrases, groupOf, byFirstWord, open };
  groupIndexes.set(compiled, indexPhrases(phrases));
  return compiled;
}

/** The matching index of each compiled group list (kept out of `CompiledGroups`, whose shape is public). */
const groupIndexes = new WeakMap<CompiledGroups<PhraseGroup>, PhraseIndex>();

function indexOfGroups<G extends PhraseGroup>(compiled: CompiledGroups<G>): PhraseIndex {
  let index = groupIndexes.get(compiled);
  if (!index) {
    // Built by hand rather than by compileGroups: index it now.
    index = indexPhrases(compiled.phrases);
    groupIndexes.set(compiled, index);
  }
  return index;
}

/**
 * Every non-overlapping match of the groups' phrases in the sentence, leftmost
 * first; at one position the earliest listed phrase wins. The same semantics
 * as `findPhrases` in phrases.ts, but each position only tries the phrases its
 * word can start (an index on first words), so long phrase lists stay cheap.
 */
export function matchGroups<G extends PhraseGroup>(sentence: Sentence, compiled: CompiledGroups<G>): GroupMatch<G>[] {
  const words = sentence.words;
  const index = indexOfGroups(compiled);
  scan(words, index, false);
  const matches: GroupMatch<G>[] = [];
  for (let i = 0; i < found.length; i += 3) {
    const source = index.phrases[found[i]].source;
    const from = found[i + 1];
    const to = found[i + 2];
    matches.push({ phrase: source, from, to, start: words[from].start, end: words[to - 1].end, group: compiled.groupOf.get(source)! });
  }
  return matches;
}
