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
import { recordOf } from './lexicon/word-records';

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

// ---------------------------------------------------------------------------
// Word ids. Every word a phrase names gets a number, once; a sentence's words are
// looked up once each (one hash per word), and from then on matching compares
// numbers: which lists can start at a word, which phrases follow the next word,
// whether a token accepts a word. A word no phrase names is -1.

const vocabulary = new Map<string, number>();

/** The id of a word that phrases name, assigning one when it is new. */
function wordId(word: string): number {
  let id = vocabulary.get(word);
  if (id === undefined) vocabulary.set(word, (id = vocabulary.size));
  return id;
}

/**
 * A token as the matcher runs it: its alternatives as word ids. Built once per
 * phrase when a list is indexed (phrases and their tokens are shared, and
 * public: they are not changed).
 */
class Step {
  constructor(
    readonly any: boolean,
    readonly gap: boolean,
    readonly optional: boolean,
    readonly ids: readonly number[],
    /** `ids` as a set, when there are many. */
    readonly idSet: ReadonlySet<number> | undefined,
    /** Undefined when there are none. */
    readonly prefixes: readonly string[] | undefined,
  ) {}
}

const stepsOfPhrase = new WeakMap<Phrase, Step[]>();

function stepsOf(phrase: Phrase): Step[] {
  let steps = stepsOfPhrase.get(phrase);
  if (!steps) {
    steps = phrase.tokens.map((token) => {
      const ids = token.alternatives.map(wordId);
      return new Step(token.any, token.gap, token.optional, ids, ids.length > 6 ? new Set(ids) : undefined, token.prefixes.length ? token.prefixes : undefined);
    });
    stepsOfPhrase.set(phrase, steps);
  }
  return steps;
}

function stepMatches(step: Step, ids: readonly number[], keys: readonly string[], w: number): boolean {
  if (step.any) return true;
  const id = ids[w];
  if (id >= 0) {
    const set = step.idSet;
    if (set !== undefined ? set.has(id) : step.ids.includes(id)) return true;
  }
  const prefixes = step.prefixes;
  if (prefixes === undefined) return false;
  const word = keys[w];
  for (let i = 0; i < prefixes.length; i++) if (word.startsWith(prefixes[i])) return true;
  return false;
}

/**
 * The search over word ids: a word's id is
 * among a step's ids exactly when the word is among its token's alternatives, as
 * long as `ids` is current (see idsOf).
 */
function matchSteps(steps: readonly Step[], t: number, ids: readonly number[], keys: readonly string[], w: number): number {
  if (t === steps.length) return w;
  const step = steps[t];
  const n = ids.length;
  if (step.gap) {
    for (let skip = 0; skip <= 3 && w + skip <= n; skip++) {
      const end = matchSteps(steps, t + 1, ids, keys, w + skip);
      if (end !== -1) return end;
    }
    return -1;
  }
  if (w < n && stepMatches(step, ids, keys, w)) {
    const end = matchSteps(steps, t + 1, ids, keys, w + 1);
    if (end !== -1) return end;
  }
  return step.optional ? matchSteps(steps, t + 1, ids, keys, w) : -1;
}

/**
 * A set of words (lower case) to test a sentence's words against by their ids,
 * without hashing each word again: `has(ids[i])` with `ids = wordIdsOf(words)`.
 * Its words get ids when it is made (make it a module constant), so every id
 * it holds is below the size of its table.
 */
export class WordSet {
  private readonly table: Uint8Array;

  constructor(words: Iterable<string>) {
    const ids = [...words].map(wordId);
    this.table = new Uint8Array(vocabulary.size);
    for (const id of ids) this.table[id] = 1;
  }

  /** Whether the word with this id is in the set (-1, a word no phrase or set names, never is). */
  has(id: number): boolean {
    return id >= 0 && this.table[id] === 1;
  }
}

/** The words' ids (see WordSet), shared with the phrase matcher: read them, never change them. */
export function wordIdsOf(words: readonly Word[]): readonly number[] {
  return idsOf(infoOf(words));
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
  /** The keys' word ids (-1: no phrase names the word), as of `idsFor` words in the vocabulary. */
  ids: number[];
  idsFor: number;
  /**
   * For each registered list id, the positions (ascending) where one of its
   * phrases can start, or undefined when there is none; see startsOf.
   */
  starts?: (number[] | undefined)[];
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
    const ids = new Array<number>(words.length);
    const size = vocabulary.size;
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      const key = word.lower;
      keys[i] = key;
      // By the word's text, whose record the spelling rules share (one hash of the text for all of them).
      // (The same text may come with another `lower`: the body's sentences trim punctuation off it.)
      const record = recordOf(word);
      if (record === undefined) ids[i] = vocabulary.get(key) ?? -1;
      else {
        if (record.idFor !== size || record.lower !== key) {
          record.lower = key;
          record.id = vocabulary.get(key) ?? -1;
          record.idFor = size;
        }
        ids[i] = record.id;
      }
    }
    info = { keys, ids, idsFor: vocabulary.size, startsFor: 0 };
    infoCache.set(words, info);
  }
  lastWords = words;
  lastInfo = info;
  return info;
}

/**
 * The word ids of the keys. A word with no id may get one when a list compiled
 * later names it (lists are compiled on first use), so they are looked up again
 * whenever the vocabulary has grown since.
 */
function idsOf(info: WordsInfo): number[] {
  if (info.idsFor === vocabulary.size) return info.ids;
  const keys = info.keys;
  const ids = info.ids;
  for (let i = 0; i < keys.length; i++) ids[i] = vocabulary.get(keys[i]) ?? -1;
  info.idsFor = vocabulary.size;
  return ids;
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
  /** By the id of the next word. */
  next: Map<number, number[]>;
}
/** By word id. */
const listsByFirstWord: (ListsAtWord | undefined)[] = [];
let registeredLists = 0;

/**
 * Where each registered list's phrases can start in the words: positions in
 * ascending order by list id (undefined for a list with none), so a list that
 * cannot match in the sentence — most lists, for most sentences — costs one
 * array read.
 */
function startsOf(info: WordsInfo): (number[] | undefined)[] {
  if (info.starts && info.startsFor === registeredLists) return info.starts;
  const starts = new Array<number[] | undefined>(registeredLists);
  // (Registering a list assigns ids to its words first, so these ids are current.)
  const ids = idsOf(info);
  const n = ids.length;
  for (let w = 0; w < n; w++) {
    const word = ids[w];
    const at = word < 0 ? undefined : listsByFirstWord[word];
    if (at === undefined) continue;
    const any = at.any;
    for (let i = 0; i < any.length; i++) {
      const id = any[i];
      const list = starts[id];
      if (list === undefined) starts[id] = [w];
      else list.push(w);
    }
    if (w + 1 === n || ids[w + 1] < 0) continue;
    const next = at.next.get(ids[w + 1]);
    if (next === undefined) continue;
    for (let i = 0; i < next.length; i++) {
      const id = next[i];
      const list = starts[id];
      if (list === undefined) starts[id] = [w];
      else if (list[list.length - 1] !== w) list.push(w);
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
  /** Each phrase's tokens as the matcher runs them. */
  steps: Step[][];
  exact: Map<string, number[]>;
  /** `exact` by word id. */
  exactById: Map<number, number[]>;
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
  pairs?: Map<number, { byNext: Map<number, Second>; rest: number[] }>;
  /**
   * For a list whose phrases all start with a named word (no prefixes, no open
   * ones): its number in the registry, so a sentence's starting positions for it
   * are known without looking at every word. -1 otherwise.
   */
  id: number;
  /** For a cached list: its length when compiled. */
  sourceLength?: number;
}

/**
 * The candidates at a position whose first two words are known: `list` when the
 * third word does not matter. When it narrows things further (long lists expanded
 * from `{a b|c}` share their first two words: "i just want", "i just wanted", …),
 * `byThird` by the third word's id, and `rest` for any other third word (or none):
 * the phrases that may end after two words or take any third word.
 */
interface Second {
  list: number[];
  byThird: Map<number, number[]> | undefined;
  rest: number[];
}

const MEMO_LIMIT = 20_000;

function indexPhrases(phrases: Phrase[]): PhraseIndex {
  // Every word the phrases name gets its id before anything is registered (see idsOf).
  const steps = phrases.map(stepsOf);
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
  const exactById = new Map<number, number[]>();
  for (const [word, set] of exactSets) {
    const list = open.length ? [...set, ...open].sort((a, b) => a - b) : [...set];
    exact.set(word, list);
    exactById.set(wordId(word), list);
  }
  const index: PhraseIndex = { phrases, steps, exact, exactById, prefixed, open, memo: new Map(), pairs: undefined, id: -1, sourceLength: undefined };
  if (prefixed.length === 0) {
    const byNumber = (a: number, b: number) => a - b;
    index.pairs = new Map();
    for (const [word, set] of exactSets) {
      // By the second word: the phrases that need it (and their states after it), and those that don't (`rest`).
      const keyed = new Map<string, { phrase: number; states: number[] }[]>();
      const rest: number[] = [...open];
      for (const i of set) {
        const tokens = phrases[i].tokens;
        const states = advance(tokens, [0], word);
        const next = states && nextWords(tokens, states);
        if (next === undefined) rest.push(i);
        else for (const w of next) keyed.set(w, [...(keyed.get(w) ?? []), { phrase: i, states: states! }]);
      }
      rest.sort(byNumber);
      const byNext = new Map<number, Second>();
      for (const [second, entries] of keyed) {
        const list = [...entries.map((e) => e.phrase), ...rest].sort(byNumber);
        // By the third word, for the phrases that need one from a closed list after these two.
        const byThirdWord = new Map<string, number[]>();
        const rest3: number[] = [...rest];
        for (const { phrase, states } of entries) {
          const tokens = phrases[phrase].tokens;
          const after = advance(tokens, states, second);
          const third = after && nextWords(tokens, after);
          if (third === undefined) rest3.push(phrase);
          else for (const w of third) byThirdWord.set(w, [...(byThirdWord.get(w) ?? []), phrase]);
        }
        let byThird: Map<number, number[]> | undefined;
        if (byThirdWord.size > 0) {
          rest3.sort(byNumber);
          byThird = new Map();
          for (const [w, phrasesWith] of byThirdWord) byThird.set(wordId(w), [...new Set([...phrasesWith, ...rest3])].sort(byNumber));
        }
        byNext.set(wordId(second), { list, byThird, rest: rest3 });
      }
      index.pairs.set(wordId(word), { byNext, rest });
    }
    if (open.length === 0 && registeredLists < MAX_REGISTERED_LISTS) {
      const id = (index.id = registeredLists++);
      for (const [word, { byNext, rest }] of index.pairs) {
        let at = listsByFirstWord[word];
        if (!at) listsByFirstWord[word] = at = { any: [], next: new Map() };
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
 * The token positions a match can be at after taking `word` from one of the
 * positions `states` (an optional token may be skipped, a token that names the
 * word is passed), or undefined when a `*`, `...` or prefix is in the way (then
 * the words are not a closed list). Together with nextWords, this walks a
 * phrase the way matchSteps does, for every path at once.
 */
function advance(tokens: readonly Token[], states: readonly number[], word: string): number[] | undefined {
  const out = new Set<number>();
  for (const t of states) {
    for (let k = t; k < tokens.length; k++) {
      const token = tokens[k];
      if (token.any || token.gap || token.prefixes.length > 0) return undefined;
      if (token.alternatives.includes(word)) out.add(k + 1);
      if (!token.optional) break;
    }
  }
  return [...out];
}

/** The words the next word taken from one of the positions `states` can be, or undefined when any word can (or the match may end). */
function nextWords(tokens: readonly Token[], states: readonly number[]): Set<string> | undefined {
  const out = new Set<string>();
  for (const t of states) {
    const follow = followingWords(tokens, t);
    if (follow === undefined) return undefined;
    for (const w of follow) out.add(w);
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

/** The phrases worth trying at a word (`id` its word id), in list order. */
function candidatesFor(index: PhraseIndex, id: number, word: string): readonly number[] {
  const base = (id >= 0 ? index.exactById.get(id) : undefined) ?? index.open;
  // Most words start with none of the prefixes: then the exact candidates are all there is.
  let prefixedHere = false;
  for (let p = 0; p < index.prefixed.length && !prefixedHere; p++) {
    const prefixes = index.prefixed[p].prefixes;
    for (let k = 0; k < prefixes.length; k++) {
      if (word.startsWith(prefixes[k])) {
        prefixedHere = true;
        break;
      }
    }
  }
  if (!prefixedHere) return base;
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
  list = [...new Set([...base, ...extra])].sort((a, b) => a - b);
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
    index = indexPhrases(compiled);
    index.sourceLength = list.length;
    listCache.set(list, index);
  }
  return index;
}

/** The phrases worth trying at word `w`, whose first word has this entry, in list order. */
function candidatesAt(entry: { byNext: Map<number, Second>; rest: number[] }, ids: readonly number[], w: number, n: number): readonly number[] {
  if (w + 1 >= n || ids[w + 1] < 0) return entry.rest;
  const second = entry.byNext.get(ids[w + 1]);
  if (second === undefined) return entry.rest;
  const byThird = second.byThird;
  if (byThird === undefined) return second.list;
  if (w + 2 >= n || ids[w + 2] < 0) return second.rest;
  return byThird.get(ids[w + 2]) ?? second.rest;
}

/** Matches found by the last `scan`, as (phrase index, from, to) triples; read right after the call. */
const found: number[] = [];
/** How many numbers of `found` the last scan filled (the array itself is reused, never shrunk). */
let foundLength = 0;

/**
 * Leftmost-first, non-overlapping matching of an indexed list over a sentence;
 * at one position the earliest listed phrase wins. Fills `found`; stops after
 * the first match when `firstOnly`.
 */
function scan(words: readonly Word[], index: PhraseIndex, firstOnly: boolean): void {
  foundLength = 0;
  const n = words.length;
  if (n === 0) return;
  const info = infoOf(words);
  const keys = info.keys;
  const steps = index.steps;
  const pairs = index.pairs;
  if (pairs && index.id >= 0) {
    // Only the positions where one of the list's phrases can start.
    const positions = startsOf(info)[index.id];
    if (positions === undefined) return;
    const ids = idsOf(info);
    let next = 0;
    for (let p = 0; p < positions.length; p++) {
      const w = positions[p];
      if (w < next) continue;
      const list = candidatesAt(pairs.get(ids[w])!, ids, w, n);
      for (let c = 0; c < list.length; c++) {
        const end = matchSteps(steps[list[c]], 0, ids, keys, w);
        if (end > w) {
          found[foundLength++] = list[c];
          found[foundLength++] = w;
          found[foundLength++] = end;
          if (firstOnly) return;
          next = end;
          break;
        }
      }
    }
    return;
  }
  const ids = idsOf(info);
  for (let w = 0; w < n; w++) {
    let list: readonly number[];
    if (pairs) {
      const entry = ids[w] >= 0 ? pairs.get(ids[w]) : undefined;
      list = entry === undefined ? index.open : candidatesAt(entry, ids, w, n);
    } else list = candidatesFor(index, ids[w], keys[w]);
    for (let c = 0; c < list.length; c++) {
      const end = matchSteps(steps[list[c]], 0, ids, keys, w);
      if (end > w) {
        found[foundLength++] = list[c];
        found[foundLength++] = w;
        found[foundLength++] = end;
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
  if (foundLength === 0) return undefined;
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
  for (let i = 0; i < foundLength; i += 3) {
    const from = found[i + 1];
    const to = found[i + 2];
    matches.push({ phrase: index.phrases[found[i]].source, from, to, start: words[from].start, end: words[to - 1].end });
  }
  return matches;
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
  for (let i = 0; i < foundLength; i += 3) {
    const source = index.phrases[found[i]].source;
    const from = found[i + 1];
    const to = found[i + 2];
    matches.push({ phrase: source, from, to, start: words[from].start, end: words[to - 1].end, group: compiled.groupOf.get(source)! });
  }
  return matches;
}
