/**
 * The Node side of spelling: reads a dictionary with `fs` and registers it as
 * the core's dictionary loader. The CLI and the extension call
 * `registerNodeDictionaryLoader()` once at start-up.
 *
 * Where a language's files are looked for, in order — never in the working
 * folder, whose files belong to whoever wrote the notes:
 * 1. `directory`, when given: a compiled `<language>.ncdict`, or Hunspell
 *    `<language>.aff` and `<language>.dic`;
 * 2. the same files in `dictionaries/` next to the running bundle
 *    (`dist/dictionaries/`: the compiled files scripts/compile-dictionaries.ts
 *    writes at build time);
 * 3. the `dictionary-en` / `dictionary-en-gb` packages in a `node_modules`
 *    above this module (running from the sources, tests), compiled in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { registerDictionaryLoader, type DictionaryData, type DictionaryLanguage, type DictionaryLoader } from '../core/spelling/dictionary';

export const DICTIONARY_PACKAGES: Readonly<Record<DictionaryLanguage, string>> = {
  'en-US': 'dictionary-en',
  'en-GB': 'dictionary-en-gb',
};

/** The file name ending of a compiled dictionary (`en-US.ncdict`). */
export const COMPILED_EXTENSION = '.ncdict';

export interface NodeDictionaryOptions {
  /** A folder holding `<language>.ncdict`, or `<language>.aff` and `<language>.dic`. */
  directory?: string;
  /** Folders to search from instead of this module's own folder (tests). */
  searchFrom?: readonly string[];
}

export type DictionaryFiles = { compiled: string } | { aff: string; dic: string };

/** A language's dictionary files, or undefined with the places that were tried. */
export function findDictionaryFiles(language: DictionaryLanguage, options: NodeDictionaryOptions = {}): { files?: DictionaryFiles; tried: string[] } {
  const tried: string[] = [];
  const isFile = (file: string) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  };
  const inFolder = (dir: string, base: string): DictionaryFiles | undefined => {
    tried.push(dir);
    const compiled = path.join(dir, `${base}${COMPILED_EXTENSION}`);
    if (isFile(compiled)) return { compiled };
    const aff = path.join(dir, `${base}.aff`);
    const dic = path.join(dir, `${base}.dic`);
    return isFile(aff) && isFile(dic) ? { aff, dic } : undefined;
  };
  if (options.directory) {
    const found = inFolder(options.directory, language);
    if (found) return { files: found, tried };
  }
  const here = typeof __dirname === 'string' ? __dirname : undefined;
  const starts = options.searchFrom ?? (here ? [here] : []);
  for (const start of starts) {
    const found = inFolder(path.join(start, 'dictionaries'), language);
    if (found) return { files: found, tried };
  }
  const pkg = DICTIONARY_PACKAGES[language];
  for (const start of starts) {
    let dir = path.resolve(start);
    for (;;) {
      const found = inFolder(path.join(dir, 'node_modules', pkg), 'index');
      if (found) return { files: found, tried };
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return { tried };
}

export function createNodeDictionaryLoader(options: NodeDictionaryOptions = {}): DictionaryLoader {
  return async (language): Promise<DictionaryData> => {
    const { files, tried } = findDictionaryFiles(language, options);
    if (!files) {
      throw new Error(`The ${language} spelling dictionary was not found (looked in ${[...new Set(tried)].join(', ')}).`);
    }
    // Read in one blocking call: half a megabyte takes well under a millisecond, where a round trip
    // through libuv's thread pool cost 10-40 ms on a busy machine.
    if ('compiled' in files) return { compiled: fs.readFileSync(files.compiled) };
    const [aff, dic] = await Promise.all([fs.promises.readFile(files.aff), fs.promises.readFile(files.dic)]);
    return { aff, dic };
  };
}

/** Make the core read dictionaries from disk. Safe to call more than once. */
export function registerNodeDictionaryLoader(options: NodeDictionaryOptions = {}): void {
  registerDictionaryLoader(createNodeDictionaryLoader(options));
}
