/**
 * A precompiled spelling dictionary: the word forms nspell derives from a
 * Hunspell .aff/.dic pair (every affix applied), packed in a trie, plus the
 * few affix-file settings that checking and suggesting read. Building it costs
 * about half a second (scripts/compile-dictionaries.ts does it at build time);
 * loading it is a header parse and a typed-array view of the bytes.
 *
 * `correct()` and `suggest()` are nspell's own algorithms (nspell 2.1.5 by
 * Titus Wormer, MIT: lib/util/form.js, exact.js, casing.js and suggest.js),
 * ported line for line onto the trie, so every verdict and every suggestion
 * is the one nspell gives for the same files; test/unit/compiled-dictionary
 * compares the two word by word.
 *
 * Browser-safe: bytes in, no I/O. A language server worker is handed the
 * file's bytes (an ArrayBuffer) and calls `CompiledDictionary.fromBytes`.
 */
import { WordTrie, buildTrie } from './trie';

/** The Hunspell flags a look-up reads, one bit each in the value stored with a word. */
export const WORD_FLAGS = {
  ONLYINCOMPOUND: 1,
  NOSUGGEST: 2,
  KEEPCASE: 4,
  FORBIDDENWORD: 8,
} as const;

/** What of the affix file the look-ups need, as stored in the compiled file. */
export interface DictionarySettings {
  /** The minimum length of a compound word (Hunspell COMPOUNDMIN). */
  compoundMin: number;
  /** Compound rules as regular-expression sources, matched case-insensitively, as nspell builds them. */
  compoundRules: string[];
  /** ICONV and OCONV: [pattern source, replacement], applied globally. */
  conversionIn: [string, string][];
  conversionOut: [string, string][];
  /** REP: [from, to]. */
  replacementTable: [string, string][];
  /** KEY: groups of neighbouring keys. */
  key: string[];
  /** TRY: the characters to insert and substitute, most frequent first. */
  tryCharacters: string[];
}

export interface CompiledParts extends DictionarySettings {
  /** Each word form and its WORD_FLAGS bits. */
  words: Iterable<readonly [string, number]>;
  /** Where the words came from, for people reading the file (e.g. "dictionary-en 4.0.0"). */
  source?: string;
}

/** The first bytes of a compiled dictionary; the digit is the format version. */
const MAGIC = 'NCDICT01';
const HEADER_BYTES = MAGIC.length + 4;

interface Meta extends DictionarySettings {
  format: 1;
  source?: string;
  chars: string;
  nodeCount: number;
}

/** Encode word forms and settings as a compiled dictionary file. */
export function encodeCompiledDictionary(parts: CompiledParts): Uint8Array {
  // Stored value = flag bits + 1, so that 0 keeps meaning "no word ends here".
  const words = (function* () {
    for (const [word, bits] of parts.words) yield [word, bits + 1] as const;
  })();
  const trie = buildTrie(words);
  const meta: Meta = {
    format: 1,
    source: parts.source,
    compoundMin: parts.compoundMin,
    compoundRules: parts.compoundRules,
    conversionIn: parts.conversionIn,
    conversionOut: parts.conversionOut,
    replacementTable: parts.replacementTable,
    key: parts.key,
    tryCharacters: parts.tryCharacters,
    chars: trie.chars,
    nodeCount: trie.nodes.length,
  };
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const nodesAt = align4(HEADER_BYTES + json.length);
  const bytes = new Uint8Array(nodesAt + trie.nodes.byteLength);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(MAGIC.length, json.length, true);
  bytes.set(json, HEADER_BYTES);
  for (let i = 0; i < trie.nodes.length; i++) view.setUint32(nodesAt + i * 4, trie.nodes[i], true);
  return bytes;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

type Casing = 'l' | 'u' | 's' | null;

/** A spell checker over a compiled dictionary, answering as nspell does. */
export class CompiledDictionary {
  private readonly compoundRules: RegExp[];
  private readonly conversionIn: [RegExp, string][];
  private readonly conversionOut: [RegExp, string][];

  private constructor(
    private readonly trie: WordTrie,
    private readonly settings: DictionarySettings,
    /** Where the words came from, as recorded at compile time. */
    readonly source: string | undefined,
  ) {
    this.compoundRules = settings.compoundRules.map((source) => new RegExp(source, 'i'));
    this.conversionIn = settings.conversionIn.map(([pattern, to]) => [new RegExp(pattern, 'g'), to]);
    this.conversionOut = settings.conversionOut.map(([pattern, to]) => [new RegExp(pattern, 'g'), to]);
  }

  /** Build from word forms directly (no file round trip). */
  static fromParts(parts: CompiledParts): CompiledDictionary {
    return CompiledDictionary.fromBytes(encodeCompiledDictionary(parts), { verify: true });
  }

  /**
   * Read a compiled dictionary file. Throws a plain error when the bytes are
   * not one (wrong kind of file, another format version, cut short).
   *
   * The word table is used as it is, without a pass over it: a linear pass
   * costs 15–25 ms in a cold process, half the load budget, and a look-up can
   * neither crash nor hang on a damaged table (reads past the end of a typed
   * array give 0, and a walk takes one step per letter). `verify: true` checks
   * the table's structure too (the build step and tests do).
   */
  static fromBytes(data: Uint8Array | ArrayBuffer, options: { verify?: boolean } = {}): CompiledDictionary {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const fail = (why: string): never => {
      throw new Error(`Not a compiled Note Coach dictionary: ${why}.`);
    };
    if (bytes.length < HEADER_BYTES || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) fail('the file does not start with its signature');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const jsonLength = view.getUint32(MAGIC.length, true);
    if (HEADER_BYTES + jsonLength > bytes.length) fail('the header is cut short');
    let meta: Meta;
    try {
      meta = JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + jsonLength))) as Meta;
    } catch {
      return fail('the header is not valid JSON');
    }
    if (!meta || meta.format !== 1) fail('unknown format version');
    checkSettings(meta, fail);
    const nodesAt = align4(HEADER_BYTES + jsonLength);
    if (!Number.isInteger(meta.nodeCount) || nodesAt + meta.nodeCount * 4 !== bytes.length) fail('the word table has the wrong size');
    let nodes: Uint32Array;
    const absolute = bytes.byteOffset + nodesAt;
    if (LITTLE_ENDIAN && absolute % 4 === 0) {
      nodes = new Uint32Array(bytes.buffer, absolute, meta.nodeCount);
    } else {
      nodes = new Uint32Array(meta.nodeCount);
      for (let i = 0; i < meta.nodeCount; i++) nodes[i] = view.getUint32(nodesAt + i * 4, true);
    }
    const trie = new WordTrie(meta.chars, nodes);
    if (options.verify) {
      try {
        trie.verify();
      } catch (error) {
        fail((error as Error).message.replace(/\.$/, '').toLowerCase());
      }
    }
    return new CompiledDictionary(trie, meta, meta.source);
  }

  /** The WORD_FLAGS of a word form in the list, or undefined when it is not listed. */
  flagsOf(word: string): number | undefined {
    const value = this.trie.get(word);
    return value === 0 ? undefined : value - 1;
  }

  /** Every word form with its flags (linear; for tests and tools). */
  *entries(): Generator<[string, number]> {
    for (const [word, value] of this.trie.entries()) yield [word, value - 1];
  }

  get settingsForTests(): Readonly<DictionarySettings> {
    return this.settings;
  }

  /** Whether `value` is spelled correctly (nspell's correct()). */
  correct(value: string): boolean {
    return this.form(value) !== null;
  }

  /** nspell util/form.js: the known form of `value` (as listed, or in sentence or lower case), or null. */
  private form(value: string): string | null {
    let normal = value.trim();
    if (!normal) return null;
    normal = normalize(normal, this.conversionIn);
    if (this.exact(normal)) {
      if (this.has(normal, WORD_FLAGS.FORBIDDENWORD)) return null;
      return normal;
    }
    // Try sentence case if the value is uppercase.
    if (normal.toUpperCase() === normal) {
      const alternative = normal.charAt(0) + normal.slice(1).toLowerCase();
      if (this.ignore(alternative)) return null;
      if (this.exact(alternative)) return alternative;
    }
    // Try lowercase.
    const alternative = normal.toLowerCase();
    if (alternative !== normal) {
      if (this.ignore(alternative)) return null;
      if (this.exact(alternative)) return alternative;
    }
    return null;
  }

  private ignore(word: string): boolean {
    return this.has(word, WORD_FLAGS.KEEPCASE) || this.has(word, WORD_FLAGS.FORBIDDENWORD);
  }

  /** Whether the listed word carries the flag (false when it is not listed). */
  private has(word: string, flag: number): boolean {
    const flags = this.flagsOf(word);
    return flags !== undefined && (flags & flag) !== 0;
  }

  /** nspell util/exact.js. */
  private exact(value: string): boolean {
    const flags = this.flagsOf(value);
    if (flags !== undefined) return (flags & WORD_FLAGS.ONLYINCOMPOUND) === 0;
    // Check if this might be a compound word.
    if (value.length >= this.settings.compoundMin) {
      for (const rule of this.compoundRules) if (rule.test(value)) return true;
    }
    return false;
  }

  /** Suggestions for `value`, best first (nspell's suggest()). */
  suggest(input: string): string[] {
    const value = normalize(input.trim(), this.conversionIn);
    if (!value || this.correct(value)) return [];
    const currentCase = casing(value);
    const edits: string[] = [];

    // Check the replacement table.
    for (const [from, to] of this.settings.replacementTable) {
      let offset = value.indexOf(from);
      while (offset > -1) {
        edits.push(value.replace(from, to));
        offset = value.indexOf(from, offset + 1);
      }
    }

    // Check the keyboard.
    for (let index = 0; index < value.length; index++) {
      const character = value.charAt(index);
      const before = value.slice(0, index);
      const after = value.slice(index + 1);
      const insensitive = character.toLowerCase();
      const upper = insensitive !== character;
      const charAdded = new Set<string>();
      for (const group of this.settings.key) {
        const position = group.indexOf(insensitive);
        if (position < 0) continue;
        for (let otherOffset = 0; otherOffset < group.length; otherOffset++) {
          if (otherOffset === position) continue;
          let otherCharacter = group.charAt(otherOffset);
          if (charAdded.has(otherCharacter)) continue;
          charAdded.add(otherCharacter);
          if (upper) otherCharacter = otherCharacter.toUpperCase();
          edits.push(before + otherCharacter + after);
        }
      }
    }

    // One of a double character forgotten, or one too many added, up to three "distances".
    {
      let nextCharacter = value.charAt(0);
      const values = [''];
      let max = 1;
      let distance = 0;
      for (let index = 0; index < value.length; index++) {
        const character = nextCharacter;
        nextCharacter = value.charAt(index + 1);
        const replacement = character === nextCharacter ? '' : character + character;
        const count = values.length;
        for (let offset = 0; offset < count; offset++) {
          if (offset <= max) values.push(values[offset] + replacement);
          values[offset] += character;
        }
        if (++distance < 3) max = values.length;
      }
      edits.push(...values);
    }

    // Ensure the capitalised and uppercase values are included.
    const values = [value];
    const lower = value.toLowerCase();
    if (value === lower || currentCase === null) values.push(value.charAt(0).toUpperCase() + lower.slice(1));
    const upperValue = value.toUpperCase();
    if (value !== upperValue) values.push(upperValue);

    const memory: SuggestMemory = { state: new Map(), weighted: new Map(), suggestions: [] };
    const firstLevel = this.generate(memory, values, edits);

    // While nothing is one edit away, try edit distance 2, a batch at a time.
    let previous = 0;
    const max = Math.min(firstLevel.length, Math.pow(Math.max(15 - value.length, 3), 3));
    const size = Math.max(Math.pow(10 - value.length, 3), 1);
    while (!memory.suggestions.length && previous < max) {
      const next = previous + size;
      this.generate(memory, firstLevel.slice(previous, next));
      previous = next;
    }

    const weighted = memory.weighted;
    const sortWeight = (a: string, b: string) => (weighted.get(a) === weighted.get(b) ? 0 : weighted.get(a)! > weighted.get(b)! ? -1 : 1);
    const sortCasing = (a: string, b: string): number | undefined => {
      const left = casing(a);
      const right = casing(b);
      return left === right ? 0 : left === currentCase ? -1 : right === currentCase ? 1 : undefined;
    };
    memory.suggestions.sort((a, b) => sortWeight(a, b) || sortCasing(a, b) || a.localeCompare(b));

    const result: string[] = [];
    const seen: string[] = [];
    for (const raw of memory.suggestions) {
      const suggestion = normalize(raw, this.conversionOut);
      const key = suggestion.toLowerCase();
      if (!seen.includes(key)) {
        result.push(suggestion);
        seen.push(key);
      }
    }
    return result;
  }

  /** nspell suggest.js generate(): every value one edit from `words` that is a word, recorded in `memory`. */
  private generate(memory: SuggestMemory, words: string[], edits?: string[]): string[] {
    const characters = this.settings.tryCharacters;
    const result: string[] = [];
    const check = (value: string, double?: boolean) => {
      let state = memory.state.get(value);
      if (state === undefined) {
        result.push(value);
        const corrected = this.form(value);
        // nspell leaves a value that is no word unremembered (its state is null, not false), so it is
        // checked and listed again each time it comes up; that list sizes the distance-2 search.
        if (corrected === null) return;
        state = !this.has(corrected, WORD_FLAGS.NOSUGGEST);
        memory.state.set(value, state);
        if (state) {
          memory.weighted.set(value, double ? 10 : 0);
          memory.suggestions.push(value);
        }
      }
      if (state) memory.weighted.set(value, memory.weighted.get(value)! + 1);
    };

    if (edits) for (const edit of edits) check(edit, true);

    for (const word of words) {
      let before = '';
      let character = '';
      let nextCharacter = word.charAt(0);
      let nextAfter = word;
      let nextNextAfter = word.slice(1);
      let nextUpper = nextCharacter.toLowerCase() !== nextCharacter;
      const currentCase = casing(word);
      // Every character, and the end.
      for (let position = 0; position <= word.length; position++) {
        before += character;
        const after = nextAfter;
        nextAfter = nextNextAfter;
        nextNextAfter = nextAfter.slice(1);
        character = nextCharacter;
        nextCharacter = word.charAt(position + 1);
        const upper = nextUpper;
        if (nextCharacter) nextUpper = nextCharacter.toLowerCase() !== nextCharacter;
        if (nextAfter && upper !== nextUpper) {
          check(before + switchCase(nextAfter)); // remove
          check(before + switchCase(nextCharacter) + switchCase(character) + nextNextAfter); // switch
        }
        check(before + nextAfter); // remove
        if (nextAfter) check(before + nextCharacter + character + nextNextAfter); // switch
        for (let inject of characters) {
          // Try uppercase if the original character was uppercased.
          if (upper && inject !== inject.toUpperCase()) {
            if (currentCase !== 's') {
              check(before + inject + after);
              check(before + inject + nextAfter);
            }
            inject = inject.toUpperCase();
            check(before + inject + after);
            check(before + inject + nextAfter);
          } else {
            // Add and replace.
            check(before + inject + after);
            check(before + inject + nextAfter);
          }
        }
      }
    }
    return result;
  }
}

interface SuggestMemory {
  /** Per generated value: whether it is a word that may be suggested. */
  state: Map<string, boolean>;
  weighted: Map<string, number>;
  suggestions: string[];
}

function normalize(value: string, patterns: readonly [RegExp, string][]): string {
  for (const [pattern, to] of patterns) value = value.replace(pattern, to);
  return value;
}

/** nspell util/casing.js: lower, upper, sentence case, or mixed (null). */
function casing(value: string): Casing {
  const head = exactCasing(value.charAt(0));
  const rest = value.slice(1);
  if (!rest) return head;
  const tail = exactCasing(rest);
  if (head === tail) return head;
  if (head === 'u' && tail === 'l') return 's';
  return null;
}

function exactCasing(value: string): Casing {
  return value === value.toLowerCase() ? 'l' : value === value.toUpperCase() ? 'u' : null;
}

function switchCase(fragment: string): string {
  const first = fragment.charAt(0);
  return (first.toLowerCase() === first ? first.toUpperCase() : first.toLowerCase()) + fragment.slice(1);
}

function checkSettings(meta: Meta, fail: (why: string) => never): void {
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  const pairs = (v: unknown) => Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && strings(p));
  if (typeof meta.chars !== 'string' || typeof meta.compoundMin !== 'number') fail('the header lacks its character table');
  if (!strings(meta.compoundRules) || !strings(meta.key) || !strings(meta.tryCharacters)) fail('the header has malformed settings');
  if (!pairs(meta.conversionIn) || !pairs(meta.conversionOut) || !pairs(meta.replacementTable)) fail('the header has malformed tables');
  try {
    for (const source of meta.compoundRules) new RegExp(source, 'i');
    for (const [source] of [...meta.conversionIn, ...meta.conversionOut]) new RegExp(source, 'g');
  } catch {
    fail('the header holds an invalid pattern');
  }
}
