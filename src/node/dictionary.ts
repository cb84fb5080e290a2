/**
 * The Node side of spelling: reads the Hunspell files with `fs` and registers
 * them as the core's dictionary loader. The CLI and the extension call
 * `registerNodeDictionaryLoader()` once at start-up.
 *
 * Where the files are looked for, in order:
 * 1. `directory`, when given (files `en-US.aff`, `en-US.dic`, …);
 * 2. `dictionaries/` next to the running bundle (`dist/dictionaries/`, filled
 *    by scripts/copy-dictionaries.mjs at build time);
 * 3. the `dictionary-en` / `dictionary-en-gb` packages in a `node_modules`
 *    above this file or the working directory (running from source, tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import { registerDictionaryLoader, type DictionaryData, type DictionaryLanguage, type DictionaryLoader } from '../core/spelling/dictionary';

export const DICTIONARY_PACKAGES: Readonly<Record<DictionaryLanguage, string>> = {
  'en-US': 'dictionary-en',
  'en-GB': 'dictionary-en-gb',
};

export interface NodeDictionaryOptions {
  /** A folder holding `<language>.aff` and `<language>.dic`. */
  directory?: string;
  /** Folders to search from instead of this module's folder and the working directory. */
  searchFrom?: readonly string[];
}

export interface DictionaryFiles {
  aff: string;
  dic: string;
}

/** The .aff and .dic files for a language, or undefined with the places that were tried. */
export function findDictionaryFiles(language: DictionaryLanguage, options: NodeDictionaryOptions = {}): { files?: DictionaryFiles; tried: string[] } {
  const tried: string[] = [];
  const pair = (dir: string, base: string): DictionaryFiles | undefined => {
    const aff = path.join(dir, `${base}.aff`);
    const dic = path.join(dir, `${base}.dic`);
    tried.push(dir);
    return fs.existsSync(aff) && fs.existsSync(dic) ? { aff, dic } : undefined;
  };
  if (options.directory) {
    const found = pair(options.directory, language);
    if (found) return { files: found, tried };
  }
  const here = typeof __dirname === 'string' ? __dirname : undefined;
  const starts = options.searchFrom ?? [here, process.cwd()].filter((d): d is string => Boolean(d));
  for (const start of starts) {
    const found = pair(path.join(start, 'dictionaries'), language);
    if (found) return { files: found, tried };
  }
  const pkg = DICTIONARY_PACKAGES[language];
  for (const start of starts) {
    let dir = path.resolve(start);
    for (;;) {
      const found = pair(path.join(dir, 'node_modules', pkg), 'index');
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
    const [aff, dic] = await Promise.all([fs.promises.readFile(files.aff), fs.promises.readFile(files.dic)]);
    return { aff, dic };
  };
}

/** Make the core read dictionaries from disk. Safe to call more than once. */
export function registerNodeDictionaryLoader(options: NodeDictionaryOptions = {}): void {
  registerDictionaryLoader(createNodeDictionaryLoader(options));
}
