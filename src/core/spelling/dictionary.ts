/**
 * Spelling dictionaries, loaded lazily and once per language.
 *
 * The core runs in Node and in a browser bundle, so it never reads files: the
 * host registers a loader (src/node/dictionary.ts reads the files with `fs`;
 * a language server worker is handed the bytes) and the first rule that needs
 * a language asks for it. Until it is ready, `getSpeller` returns undefined
 * and the spelling rule reports nothing; `onDictionaryReady` tells the editor
 * to lint again when it arrives.
 *
 * What ships is a compiled dictionary (compiled.ts, built from the Hunspell
 * files by scripts/compile-dictionaries.ts): it loads in a few milliseconds.
 * A loader may still hand over Hunspell .aff/.dic files (running from the
 * sources); they are compiled in memory, which takes about half a second, so
 * both give the same answers.
 */
import { CompiledDictionary } from './compiled';
import { dictionaryFromHunspell, type HunspellFiles } from './compile';
import { Speller, DICTIONARY_LANGUAGES, type DictionaryLanguage } from './speller';

export { Speller, DICTIONARY_LANGUAGES, type DictionaryLanguage } from './speller';
export { CompiledDictionary } from './compiled';

/** A compiled dictionary file's bytes (a Buffer, a Uint8Array, or an ArrayBuffer posted to a worker). */
export interface CompiledDictionaryData {
  compiled: Uint8Array | ArrayBuffer;
}

/** Hunspell affix and dictionary files, as bytes (UTF-8) or text. */
export type HunspellDictionaryData = HunspellFiles;

export type DictionaryData = CompiledDictionaryData | HunspellDictionaryData;

export type DictionaryLoader = (language: DictionaryLanguage) => Promise<DictionaryData>;

export type DictionaryState = 'unloaded' | 'loading' | 'ready' | 'failed';

export interface DictionaryStatus {
  state: DictionaryState;
  /** Milliseconds from the request to a usable speller (reading the file and opening its word table): the cold load time. */
  loadMs?: number;
  error?: Error;
}

interface Entry {
  promise: Promise<void>;
  state: DictionaryState;
  speller?: Speller;
  loadMs?: number;
  error?: Error;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** A dictionary from what a loader handed over. */
function dictionaryFrom(data: DictionaryData): CompiledDictionary {
  return 'compiled' in data ? CompiledDictionary.fromBytes(data.compiled) : dictionaryFromHunspell(data);
}

/**
 * One set of dictionaries and their loader. The module keeps a default store
 * behind the functions below; tests make their own to watch the loader.
 */
export class DictionaryStore {
  private loader: DictionaryLoader | undefined;
  private readonly entries = new Map<DictionaryLanguage, Entry>();
  private readonly listeners = new Set<(language: DictionaryLanguage) => void>();

  /** Set (or replace) the loader. Languages that failed to load may be tried again. */
  setLoader(loader: DictionaryLoader | undefined): void {
    this.loader = loader;
    for (const [language, entry] of this.entries) if (entry.state === 'failed') this.entries.delete(language);
  }

  hasLoader(): boolean {
    return this.loader !== undefined;
  }

  /** Load a language once: every call returns the same promise, which rejects when the files can't be read. */
  load(language: DictionaryLanguage): Promise<void> {
    if (!DICTIONARY_LANGUAGES.includes(language)) return Promise.reject(new Error(`Unknown dictionary "${String(language)}".`));
    const existing = this.entries.get(language);
    if (existing) return existing.promise;
    const loader = this.loader;
    if (!loader) return Promise.reject(new Error('No spelling dictionary loader is registered (registerDictionaryLoader).'));
    const started = now();
    const entry: Entry = { state: 'loading', promise: Promise.resolve() };
    entry.promise = (async () => {
      const engine = dictionaryFrom(await loader(language));
      entry.speller = new Speller(language, engine);
      entry.loadMs = now() - started;
      entry.state = 'ready';
    })().then(
      () => {
        if (this.entries.get(language) === entry) this.emit(language);
      },
      (error: unknown) => {
        entry.state = 'failed';
        entry.error = error instanceof Error ? error : new Error(String(error));
        throw entry.error;
      },
    );
    this.entries.set(language, entry);
    return entry.promise;
  }

  /** Forget a language (to free its memory when the configuration switches dictionaries); the next request loads it again. */
  unload(language: DictionaryLanguage): void {
    this.entries.delete(language);
  }

  /** The speller when it is ready; never starts a load. */
  get(language: DictionaryLanguage): Speller | undefined {
    return this.entries.get(language)?.speller;
  }

  /**
   * The speller when it is ready; otherwise starts loading it in the background
   * (when a loader is registered and no earlier attempt failed) and returns undefined.
   */
  request(language: DictionaryLanguage): Speller | undefined {
    const entry = this.entries.get(language);
    if (entry) return entry.speller;
    if (this.loader) this.load(language).catch(() => undefined);
    return undefined;
  }

  status(language: DictionaryLanguage): DictionaryStatus {
    const entry = this.entries.get(language);
    if (!entry) return { state: 'unloaded' };
    return { state: entry.state, loadMs: entry.loadMs, error: entry.error };
  }

  /** Called each time a language becomes ready. Returns a function that removes the listener. */
  onReady(listener: (language: DictionaryLanguage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(language: DictionaryLanguage): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(language);
      } catch {
        // A failing listener must not stop the others.
      }
    }
  }
}

const store = new DictionaryStore();

/** The store the rules use. */
export function defaultDictionaryStore(): DictionaryStore {
  return store;
}

/** Tell the core how to read a dictionary's files (Node: src/node/dictionary.ts). */
export function registerDictionaryLoader(loader: DictionaryLoader | undefined): void {
  store.setLoader(loader);
}

/** Load a language once (memoized). Await it before analysing when you want spelling findings on the first run (CLI, tests). */
export function loadDictionary(language: DictionaryLanguage): Promise<void> {
  return store.load(language);
}

/** The speller when the language is loaded; undefined until then. */
export function getSpeller(language: DictionaryLanguage): Speller | undefined {
  return store.get(language);
}

/** The speller when ready; otherwise starts loading in the background and returns undefined. */
export function requestSpeller(language: DictionaryLanguage): Speller | undefined {
  return store.request(language);
}

export function dictionaryStatus(language: DictionaryLanguage): DictionaryStatus {
  return store.status(language);
}

/** Run `listener` whenever a dictionary finishes loading (the editor lints open notes again). */
export function onDictionaryReady(listener: (language: DictionaryLanguage) => void): () => void {
  return store.onReady(listener);
}
