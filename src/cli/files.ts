/**
 * The CLI's file side: turning arguments into note files, reading them
 * defensively (binary, bad UTF-8, directories, permissions) and writing fixed
 * text back atomically.
 */
import fs from 'node:fs';
import path from 'node:path';
// Loaded through `require` on purpose: its ESM build (via fdir) calls
// createRequire(import.meta.url), which esbuild's CommonJS bundle leaves undefined.
import tinyglobby = require('tinyglobby');

const { glob, isDynamicPattern } = tinyglobby;

export const NOTE_SUFFIX = '.note.md';

/** What one command-line argument expanded to. */
export interface Expansion {
  files: string[];
  /** Set when the argument named nothing usable (a missing path, a glob that matched nothing). */
  error?: string;
  /** Set when the argument was fine but holds no notes (an empty folder). */
  notice?: string;
}

/**
 * A file, a folder (every `*.note.md` below it, skipping node_modules and
 * dot-folders) or a glob. Paths come back absolute; the caller decides how to show them.
 */
export async function expandArgument(arg: string, cwd: string): Promise<Expansion> {
  const absolute = path.resolve(cwd, arg);
  let stat: fs.Stats | undefined;
  try {
    stat = await fs.promises.stat(absolute);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) {
    const files = await walkNotes(absolute);
    return files.length ? { files } : { files, notice: `No *${NOTE_SUFFIX} files in ${arg}.` };
  }
  // An existing file is taken as named, whatever its extension: the user asked for it.
  if (stat) return { files: [absolute] };
  if (isDynamicPattern(arg)) {
    const matches = await glob(arg.replace(/\\/g, '/'), {
      cwd,
      absolute: true,
      onlyFiles: true,
      dot: false,
      ignore: ['**/node_modules/**'],
      expandDirectories: false,
    });
    matches.sort();
    return matches.length ? { files: matches.map((m) => path.normalize(m)) } : { files: [], error: `No files match the pattern "${arg}".` };
  }
  return { files: [], error: `${arg}: no such file or folder.` };
}

/** Every `*.note.md` under `dir`, sorted, skipping node_modules and dot-folders. Unreadable subfolders are skipped. */
export async function walkNotes(dir: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        pending.push(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith(NOTE_SUFFIX)) {
        found.push(full);
      }
    }
  }
  return found.sort();
}

export type ReadResult = { text: string } | { error: string };

/** How many leading bytes are inspected for NUL bytes. */
const BINARY_SNIFF_BYTES = 8192;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Read a note as UTF-8. The BOM, if any, is kept in the text (the core skips
 * it, and `--fix` must write it back). Never throws: a problem comes back as
 * a one-line message.
 */
export async function readNote(file: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (error) {
    return { error: describeFsError(error) };
  }
  return decodeNote(bytes);
}

export function decodeNote(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: 'is saved as UTF-16; save it as UTF-8 to check it.' };
  }
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) return { error: 'looks like a binary file, not a note.' };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = at < 0 ? undefined : countLines(bytes, at);
    return {
      error: `is not valid UTF-8 text${line ? ` (first bad byte on line ${line})` : ''}; save it as UTF-8 to check it.`,
    };
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file.';
    case 'EISDIR':
      return 'is a folder, not a note.';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied).';
    default:
      return `cannot be read: ${(error as Error)?.message ?? String(error)}`;
  }
}

/** Byte offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + extra >= bytes.length) return i;
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Replace `file`'s content with `text` atomically: write a temporary file in
 * the same folder with the same mode, then rename it over the original. A
 * symlink is followed, so the link stays a link. Refuses when the file changed
 * since it was read (`expected`), rather than overwrite someone's edit.
 */
export async function writeAtomically(file: string, text: string, expected: string): Promise<void> {
  const target = await fs.promises.realpath(file);
  const stat = await fs.promises.stat(target);
  const current = await fs.promises.readFile(target);
  if (!current.equals(Buffer.from(expected, 'utf8'))) {
    throw new Error('it changed on disk while it was being checked; not fixed.');
  }
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    const handle = await fs.promises.open(temp, 'wx', stat.mode & 0o7777);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open() applies the umask; set the original mode exactly.
    await fs.promises.chmod(temp, stat.mode & 0o7777);
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}
