/**
 * Finding and loading `.notecoach.json` for the CLI: the nearest one from a
 * note's folder upwards (cached per folder), or the one given with `--config`.
 * Problems are collected, never thrown; each config file is reported once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME, parseConfigText, resolveConfig, type ConfigProblem, type ResolvedConfig } from '../core/config';
import { defaults, rules } from '../core/index';

/** A configuration file larger than this is not read (it is a few hundred bytes in practice). */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The file it came from; undefined for the built-in defaults. */
  file?: string;
  /** The file could not be read or parsed, so these are the defaults instead. */
  broken?: boolean;
}

export interface ConfigIssue {
  problem: ConfigProblem;
  /** Fatal issues (unreadable file, not JSON) make the run exit 2. */
  fatal: boolean;
  /** The file could not be read at all (as opposed to read but not JSON). */
  unreadable?: boolean;
}

export class ConfigLoader {
  private readonly byDir = new Map<string, Promise<LoadedConfig>>();
  private readonly byFile = new Map<string, Promise<LoadedConfig>>();
  readonly issues: ConfigIssue[] = [];

  /** `show` turns an absolute path into the one printed in messages. */
  constructor(private readonly show: (file: string) => string) {}

  /** The configuration for a note: the explicit file when given, else the nearest `.notecoach.json`. */
  forNote(note: string, explicit?: string): Promise<LoadedConfig> {
    if (explicit) return this.load(explicit);
    return this.forDir(path.dirname(note));
  }

  private forDir(dir: string): Promise<LoadedConfig> {
    let pending = this.byDir.get(dir);
    if (!pending) {
      pending = (async () => {
        const candidate = path.join(dir, CONFIG_FILE_NAME);
        if (await isFile(candidate)) return this.load(candidate);
        const parent = path.dirname(dir);
        return parent === dir ? { config: defaults() } : this.forDir(parent);
      })();
      this.byDir.set(dir, pending);
    }
    return pending;
  }

  /** Load one config file (once). A broken file yields the defaults and a fatal issue. */
  load(file: string): Promise<LoadedConfig> {
    let pending = this.byFile.get(file);
    if (!pending) {
      pending = (async () => {
        const source = this.show(file);
        let text: string;
        try {
          // What it is and how big, before reading: a --config of /dev/zero or a FIFO must not hang the run.
          const stat = await fs.promises.stat(file);
          if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
          if (!stat.isFile()) throw new Error('not a regular file');
          if (stat.size > MAX_CONFIG_BYTES) throw new Error(`larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MB`);
          text = await fs.promises.readFile(file, 'utf8');
        } catch (error) {
          const code = (error as NodeJS.ErrnoException)?.code;
          const why =
            code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
          this.issues.push({ fatal: true, unreadable: true, problem: { source, key: '', message: `Cannot read the configuration (${why}); using the defaults.` } });
          return { config: defaults(), file, broken: true };
        }
        const parsed = parseConfigText(text, source);
        if (!parsed.layer) {
          const problem = parsed.problem ?? { source, key: '', message: 'Not valid JSON.' };
          this.issues.push({ fatal: true, problem: { ...problem, message: `${problem.message} Using the defaults.` } });
          return { config: defaults(), file, broken: true };
        }
        const { config, problems } = resolveConfig(rules, [parsed.layer]);
        for (const problem of problems) this.issues.push({ fatal: false, problem });
        return { config, file };
      })();
      this.byFile.set(file, pending);
    }
    return pending;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).isFile();
  } catch {
    return false;
  }
}
