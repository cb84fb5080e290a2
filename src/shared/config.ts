/**
 * Finding, reading and resolving configuration for a note, for every host:
 * the CLI (paths, `node:fs`) and the language server (URIs, read through its
 * host). The nearest `.notecoach.json` from a note's folder upwards applies,
 * over the client's settings when there are any. Problems are collected, never
 * thrown; each file is read once until `invalidate()`.
 *
 * Browser-safe: the host supplies reading and path arithmetic. Resolving the
 * layers against the rules is src/shared/resolve.ts, so a host that only finds
 * files (the server's main thread) does not load the rules.
 */
import { CONFIG_FILE_NAME, parseConfigText, type ConfigLayer, type ConfigProblem } from '../core/config';

export interface ConfigFileSystem {
  /** The file's text; throws when it cannot be read (the message says why). */
  readText(file: string): Promise<string>;
  isFile(file: string): Promise<boolean>;
  /** The folder holding `file` (the same string at the root). */
  dirname(file: string): string;
  join(dir: string, name: string): string;
  /** Why a read failed, in a few words ("no such file"). */
  describeError?(error: unknown): string;
}

export interface ConfigIssue {
  problem: ConfigProblem;
  /** Fatal issues (unreadable file, not JSON) mean the defaults are used instead of the file. */
  fatal: boolean;
  /** The file could not be read at all (as opposed to read but not JSON). */
  unreadable?: boolean;
}

export interface ConfigFile {
  file: string;
  /** The file's layer; absent when it could not be read or parsed. */
  layer?: ConfigLayer;
  /** The file could not be read or parsed, so the defaults apply instead. */
  broken?: boolean;
  /** What is wrong with the file (its own problems; the resolved layers add theirs). */
  issues: ConfigIssue[];
}

export interface FoundConfig {
  /** The file that applies, if any. */
  file?: string;
  /** It could not be read or parsed, so its layer is missing (the defaults apply instead). */
  broken?: boolean;
  /** The layers to resolve, settings first. */
  layers: ConfigLayer[];
}

export class ConfigFiles {
  private readonly byDir = new Map<string, Promise<string | undefined>>();
  private readonly byFile = new Map<string, Promise<ConfigFile>>();

  /**
   * `show` turns a file into the name printed in problems; `isRoot` stops the
   * search above a folder (a workspace folder), else it goes up to the root.
   */
  constructor(
    private readonly fs: ConfigFileSystem,
    private readonly show: (file: string) => string = (file) => file,
    private readonly isRoot: (dir: string) => boolean = () => false,
  ) {}

  /** Forget every file read and searched for (a `.notecoach.json` was created, changed or deleted). */
  invalidate(): void {
    this.byDir.clear();
    this.byFile.clear();
  }

  /** The nearest `.notecoach.json` from `dir` upwards, if any. */
  nearest(dir: string): Promise<string | undefined> {
    let pending = this.byDir.get(dir);
    if (!pending) {
      pending = (async () => {
        const candidate = this.fs.join(dir, CONFIG_FILE_NAME);
        if (await this.fs.isFile(candidate).catch(() => false)) return candidate;
        const parent = this.fs.dirname(dir);
        return parent === dir || this.isRoot(dir) ? undefined : this.nearest(parent);
      })();
      this.byDir.set(dir, pending);
    }
    return pending;
  }

  /** Read and parse one config file (once until invalidated). */
  load(file: string): Promise<ConfigFile> {
    let pending = this.byFile.get(file);
    if (!pending) {
      pending = (async (): Promise<ConfigFile> => {
        const source = this.show(file);
        let text: string;
        try {
          text = await this.fs.readText(file);
        } catch (error) {
          const why = this.fs.describeError?.(error) ?? (error as Error)?.message ?? String(error);
          const problem = { source, key: '', message: `Cannot read the configuration (${why}); using the defaults.` };
          return { file, broken: true, issues: [{ fatal: true, unreadable: true, problem }] };
        }
        const parsed = parseConfigText(text, source);
        if (!parsed.layer) {
          const problem = parsed.problem ?? { source, key: '', message: 'Not valid JSON.' };
          return { file, broken: true, issues: [{ fatal: true, problem: { ...problem, message: `${problem.message} Using the defaults.` } }] };
        }
        return { file, layer: parsed.layer, issues: [] };
      })();
      this.byFile.set(file, pending);
    }
    return pending;
  }

  /**
   * The layers for a note: `settings` (the client's, when any), then the
   * explicit file when given, else the nearest `.notecoach.json`, over them.
   */
  async find(note: string, options: { explicit?: string; settings?: ConfigLayer } = {}): Promise<FoundConfig> {
    const file = options.explicit ?? (await this.nearest(this.fs.dirname(note)));
    const loaded = file ? await this.load(file) : undefined;
    const layers = [options.settings, loaded?.layer].filter((l): l is ConfigLayer => l !== undefined);
    return { file, broken: loaded?.broken, layers };
  }
}

/**
 * The client's `noteCoach.*` settings as a configuration layer: only what is
 * set and not empty, so a `.notecoach.json` over it decides the rest.
 */
export function settingsLayer(settings: unknown): ConfigLayer | undefined {
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) return undefined;
  const s = settings as Record<string, unknown>;
  const value: Record<string, unknown> = {};
  if (s.rules && typeof s.rules === 'object' && Object.keys(s.rules).length) value.rules = s.rules;
  if (Array.isArray(s.words) && s.words.length) value.words = s.words;
  if (typeof s.dictionary === 'string' && s.dictionary) value.dictionary = s.dictionary;
  if (typeof s.from === 'string' && s.from) value.from = s.from;
  if (typeof s.maxFileSize === 'number' && s.maxFileSize) value.maxFileSize = s.maxFileSize;
  return Object.keys(value).length ? { source: 'settings', value } : undefined;
}
