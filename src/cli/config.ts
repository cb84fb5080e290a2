/**
 * `.notecoach.json` for the CLI: the shared finder and reader
 * (src/shared/config.ts) over `node:fs` paths. Each config file's problems are
 * reported once, in `issues`.
 */
import { ConfigFiles, type ConfigIssue } from '../shared/config';
import { nodeConfigFileSystem } from '../node/configFiles';
import { resolveLayers } from '../shared/resolve';
import type { ResolvedConfig } from '../core/config';

export type { ConfigIssue } from '../shared/config';

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The file it came from; undefined for the built-in defaults. */
  file?: string;
  /** The file could not be read or parsed, so these are the defaults instead. */
  broken?: boolean;
}

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
    const found = await this.files.find(note, { explicit });
    const { config, problems } = resolveLayers(found.layers);
    if (found.file && !this.reported.has(found.file)) {
      this.reported.add(found.file);
      const file = await this.files.load(found.file);
      this.issues.push(...file.issues);
      for (const problem of problems) this.issues.push({ fatal: false, problem });
    }
    return { config, file: found.file, broken: found.broken };
  }

  /** Load one config file (once). A broken file yields the defaults and a fatal issue. */
  load(file: string): Promise<LoadedConfig> {
    return this.forNote(file, file);
  }
}
