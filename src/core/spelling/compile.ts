/**
 * Hunspell .aff/.dic → compiled dictionary (compiled.ts). nspell reads the
 * files and applies every affix rule, as it does when it loads them; we keep
 * the word forms it derived, the Hunspell flags a look-up reads, and the
 * settings its checks and suggestions use. Run at build time by
 * scripts/compile-dictionaries.ts; at run time only when a host hands over
 * .aff/.dic files instead of a compiled file (running from the sources).
 */
import nspell from 'nspell';
import { CompiledDictionary, WORD_FLAGS, encodeCompiledDictionary, type CompiledParts } from './compiled';

/** The parts of an nspell instance that hold what it parsed (nspell 2.1.5, lib/index.js). */
interface NspellInternals {
  data: Record<string, string[]>;
  compoundRules: RegExp[];
  conversion: { in: [RegExp, string][]; out: [RegExp, string][] };
  replacementTable: [string, string][];
  flags: Record<string, unknown> & { KEY: string[]; TRY: string[]; COMPOUNDMIN: number };
}

/** Hunspell source files, as bytes (UTF-8) or text. */
export interface HunspellFiles {
  aff: Uint8Array | string;
  dic: Uint8Array | string;
}

function toText(data: Uint8Array | string): string {
  return typeof data === 'string' ? data : new TextDecoder('utf-8').decode(data);
}

/** Everything a compiled dictionary holds, read from Hunspell files. */
export function hunspellParts(files: HunspellFiles, source?: string): CompiledParts {
  const engine = nspell(toText(files.aff), toText(files.dic)) as unknown as NspellInternals;
  const { flags } = engine;
  // nspell's flag() test: the word's rule codes include the code the affix file gave the flag.
  const bitsOf = (codes: readonly string[]): number => {
    let bits = 0;
    for (const [name, bit] of Object.entries(WORD_FLAGS)) {
      if (name in flags && codes.indexOf(flags[name] as string) > -1) bits |= bit;
    }
    return bits;
  };
  const words = Object.keys(engine.data)
    .sort()
    .map((word) => [word, bitsOf(engine.data[word])] as const);
  const pairs = (list: [RegExp, string][]): [string, string][] => list.map(([pattern, to]) => [pattern.source, to]);
  return {
    words,
    source,
    compoundMin: flags.COMPOUNDMIN,
    compoundRules: engine.compoundRules.map((rule) => rule.source),
    conversionIn: pairs(engine.conversion.in),
    conversionOut: pairs(engine.conversion.out),
    replacementTable: engine.replacementTable.map(([from, to]) => [from, to]),
    key: [...flags.KEY],
    tryCharacters: [...flags.TRY],
  };
}

/** Compile Hunspell files into the bytes of a compiled dictionary file. */
export function compileHunspell(files: HunspellFiles, source?: string): Uint8Array {
  return encodeCompiledDictionary(hunspellParts(files, source));
}

/** Compile Hunspell files straight into a usable dictionary (no file). */
export function dictionaryFromHunspell(files: HunspellFiles, source?: string): CompiledDictionary {
  return CompiledDictionary.fromBytes(compileHunspell(files, source));
}
