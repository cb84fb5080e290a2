/** `.notecoach.json` files on a local disk, for the shared finder (src/shared/config.ts): the CLI and note-coach-ls in Node. */
import fs from 'node:fs';
import path from 'node:path';
import type { ConfigFileSystem } from '../shared/config';

/** A configuration file larger than this is not read (it is a few hundred bytes in practice). */
const MAX_CONFIG_BYTES = 1024 * 1024;

export const nodeConfigFileSystem: ConfigFileSystem = {
  async readText(file) {
    // What it is and how big, before reading: a --config of /dev/zero or a FIFO must not hang the run.
    const stat = await fs.promises.stat(file);
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > MAX_CONFIG_BYTES) throw new Error(`larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MB`);
    return fs.promises.readFile(file, 'utf8');
  },
  isFile: async (file) => (await fs.promises.stat(file)).isFile(),
  dirname: path.dirname,
  join: path.join,
  describeError(error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a folder';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    return (error as Error)?.message ?? String(error);
  },
};
