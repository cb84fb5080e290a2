/**
 * `.notecoach.json` for the CLI: the shared finder and reader
 * (src/shared/config.ts) over `node:fs` paths. Each config file's problems are
 * reported once, in `issues`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigFiles, type ConfigFileSystem, type ConfigIssue } from '../shared/config';
import type { ResolvedConfig } from '../core/config';

export type { ConfigIssue } from '../shared/config';

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The file it came from; undefined for the built-in defaults. */
  file?: string;
  /** The file could not be read or parsed, so these are the defaults instead. */
  broken?: boolean;
}

export const nodeConfigFileSystem: ConfigFileSystem = {
  readText: (file) => fs.promises.readFile(file, 'utf8'),
  isFile: async (file) => (await fs.promises.stat(file)).isFile(),
  dirname: path.dirname,
  join: path.join,
  describeError(error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error)?.message ?? String(error);
  },
};

export class ConfigLoader {
  private readonly files: ConfigFiles;
  private readonly reported = new Set<string>();
  readonly issues: ConfigIssue[] = [];

  /** `show` turns an absolute path into the one printed in messages. */
  constructor(show: (file: string) => string) {
    this.files = new ConfigFiles(nodeConfigFileSystem, show);
  }

  /** The configuration for a note: the explicit file when given, else the nearest `.notecoach.json`. */
  async forNote(note: string, explicit?: string): Promise<LoadedConfig> {
    const loaded = await this.files.forNote(note, { explicit });
    if (loaded.file && !this.reported.has(loaded.file)) {
      this.reported.add(loaded.file);
      const file = await this.files.load(loaded.file);
      this.issues.push(...file.issues);
      for (const problem of loaded.problems) this.issues.push({ fatal: false, problem });
    }
    return { config: loaded.config, file: loaded.file, broken: loaded.broken };
  }

  /** Load one config file (once). A broken file yields the defaults and a fatal issue. */
  load(file: string): Promise<LoadedConfig> {
    return this.forNote(file, file);
  }
}
