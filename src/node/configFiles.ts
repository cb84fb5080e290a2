/** `.notecoach.json` files on a local disk, for the shared finder (src/shared/config.ts): the CLI and note-coach-ls in Node. */
import fs from 'node:fs';
import path from 'node:path';
import type { ConfigFileSystem } from '../shared/config';

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
