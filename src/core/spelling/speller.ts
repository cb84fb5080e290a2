/**
 * A spell checker for one language: a dictionary engine (compiled.ts, nspell's
 * algorithms over a precompiled word table) behind two bounded caches.
 *
 * `correct()` is cheap (a few trie walks) but runs for every word on every
 * keystroke, so its answers are cached. `suggest()` is expensive: the engine falls
 * back to an edit-distance-2 search when nothing is one edit away, which costs
 * 100–400 ms for a name such as "Fernleaf". We first look for any dictionary
 * word one edit away ourselves (a few hundred `correct()` calls) and only ask
 * the engine when there is one, so its slow path never runs; the answer is cached.
 */
import { LruCache } from './lru';
import { KNOWN_MISSPELLINGS } from './vocabulary';

/** What we need from the engine (kept narrow so tests can pass a fake). */
export interface SpellEngine {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

export type DictionaryLanguage = 'en-US' | 'en-GB';
export const DICTIONARY_LANGUAGES: readonly DictionaryLanguage[] = ['en-US', 'en-GB'];

/** Words kept in each cache; a long note has a few hundred distinct words. */
export const SPELLER_CACHE_SIZE = 5000;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** Words longer than this get no suggestions (the longest English dictionary words are about 30 letters). */
const MAX_SUGGEST_LENGTH = 40;

export class Speller {
  private readonly correctCache = new LruCache<string, boolean>(SPELLER_CACHE_SIZE);
  private readonly suggestionCache = new LruCache<string, readonly string[]>(SPELLER_CACHE_SIZE);
  /** How often the engine was asked, for tests and benchmarks. */
  readonly stats = { correct: 0, suggest: 0 };

  constructor(
    readonly language: DictionaryLanguage,
    private readonly engine: SpellEngine,
  ) {}

  /** Whether the dictionary accepts the word as written (case rules included: "london" is wrong, "London" right). */
  correct(word: string): boolean {
    const cached = this.correctCache.get(word);
    if (cached !== undefined) return cached;
    this.stats.correct += 1;
    let result = false;
    try {
      result = this.engine.correct(word);
    } catch {
      result = false;
    }
    this.correctCache.set(word, result);
    return result;
  }

  hasSuggestionsCached(word: string): boolean {
    return this.suggestionCache.has(word);
  }

  /** Corrections, best first (may be empty). Cached per word. */
  suggest(word: string): readonly string[] {
    const cached = this.suggestionCache.get(word);
    if (cached) return cached;
    const found: string[] = [];
    const add = (s: string) => {
      if (s && s !== word && !found.some((f) => f.toLowerCase() === s.toLowerCase())) found.push(s);
    };
    const lower = word.toLowerCase();
    // Typos people make all the time, where the dictionary's own ranking is poor ("dont" → "cont").
    const known = KNOWN_MISSPELLINGS[lower];
    if (known) for (const k of known) add(matchCase(word, k));
    // A missing apostrophe is the likeliest reading of "didnt" or "youre". (Not for a word longer than any
    // English word: each candidate costs its length, so a 200,000-letter "word" took minutes.)
    for (let i = 1; i < lower.length && lower.length <= MAX_SUGGEST_LENGTH; i++) {
      const candidate = lower.slice(0, i) + "'" + lower.slice(i);
      if (this.rawCorrect(candidate)) add(matchCase(word, candidate));
    }
    if (this.hasNearNeighbour(lower)) {
      this.stats.suggest += 1;
      try {
        for (const s of this.engine.suggest(word)) add(s);
      } catch {
        // A dictionary quirk must never break the rule: no suggestions then.
      }
    }
    this.suggestionCache.set(word, found);
    return found;
  }

  private rawCorrect(candidate: string): boolean {
    try {
      return this.engine.correct(candidate) || this.engine.correct(capitalize(candidate));
    } catch {
      return false;
    }
  }

  /**
   * Whether any dictionary word is one edit away (deletion, transposition,
   * substitution, insertion), or a doubled letter or two away ("tommorow").
   */
  private hasNearNeighbour(lower: string): boolean {
    const n = lower.length;
    if (n === 0 || n > MAX_SUGGEST_LENGTH) return false;
    for (let i = 0; i < n; i++) if (this.rawCorrect(lower.slice(0, i) + lower.slice(i + 1))) return true;
    for (let i = 0; i < n - 1; i++) if (this.rawCorrect(lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2))) return true;
    for (let i = 0; i < n; i++) {
      for (const c of ALPHABET) if (c !== lower[i] && this.rawCorrect(lower.slice(0, i) + c + lower.slice(i + 1))) return true;
    }
    for (let i = 0; i <= n; i++) {
      for (const c of ALPHABET) if (this.rawCorrect(lower.slice(0, i) + c + lower.slice(i))) return true;
    }
    // Two doubled-letter toggles ("tommorow" → "tomorrow"): collapse one double and double another letter.
    for (let i = 0; i < n; i++) {
      const once = toggleDouble(lower, i);
      if (once === undefined) continue;
      for (let j = 0; j < once.length; j++) {
        const twice = toggleDouble(once, j);
        if (twice !== undefined && this.rawCorrect(twice)) return true;
      }
    }
    return false;
  }
}

/** Collapse the doubled letter at `i`, or double a single one. */
function toggleDouble(word: string, i: number): string | undefined {
  const c = word[i];
  if (!/\p{L}/u.test(c)) return undefined;
  if (word[i + 1] === c) return word.slice(0, i) + word.slice(i + 1);
  if (i > 0 && word[i - 1] === c) return undefined; // the second of a pair: handled at its first letter
  return word.slice(0, i) + c + word.slice(i);
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Give a correction the case pattern of the word it replaces ("Dont" → "Don't", "DONT" → "DON'T"). */
export function matchCase(original: string, suggestion: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return suggestion.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return capitalize(suggestion);
  return suggestion;
}
