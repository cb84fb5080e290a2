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
import { MAX_NOTE_BYTES } from '../core/limits';

const { glob, isDynamicPattern } = tinyglobby;

export const NOTE_SUFFIX = '.note.md';

/** What one command-line argument expanded to. */
export interface Expansion {
  files: string[];
  /**
   * The real folder the argument stands for (the folder itself, a glob's fixed
   * leading folders, a file's folder): notes found through a link must stay inside
   * one of these (see `outsideLinks`).
   */
  root?: string;
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
    const root = await realFolder(absolute);
    return files.length ? { files, root } : { files, root, notice: `No *${NOTE_SUFFIX} files in ${arg}.` };
  }
  // An existing file is taken as named, whatever its extension: the user asked for it.
  if (stat) return { files: [absolute], root: await realFolder(path.dirname(absolute)) };
  if (isDynamicPattern(arg)) {
    // Backslash is the path separator only on Windows; on POSIX it escapes a glob character.
    const pattern = path.sep === '\\' ? arg.replace(/\\/g, '/') : arg;
    const matches = await glob(pattern, {
      cwd,
      absolute: true,
      onlyFiles: true,
      dot: false,
      followSymbolicLinks: false,
      ignore: ['**/node_modules/**'],
      expandDirectories: false,
    });
    matches.sort();
    const root = await realFolder(path.resolve(cwd, staticBase(pattern)));
    return matches.length ? { files: matches.map((m) => path.normalize(m)), root } : { files: [], error: `No files match the pattern "${arg}".` };
  }
  return { files: [], error: `${arg}: no such file or folder.` };
}

/** The leading folders of a glob that hold no glob characters ("notes/2026" for "notes/2026/**\/*.note.md"). */
function staticBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  if (fixed.length === 1 && fixed[0] === '') return '/';
  return fixed.join('/') || '.';
}

async function realFolder(dir: string): Promise<string | undefined> {
  try {
    return await fs.promises.realpath(dir);
  } catch {
    return undefined;
  }
}

/** Whether `file` is `folder` or inside it (both real paths). */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * Where `file` really is, and whether that is inside one of `roots` (the real
 * folders of the arguments). A link named like a note can point anywhere: in a
 * cloned repository, at a dotfile in the home folder. Such a link is neither
 * read (its words would show up in findings) nor, with --fix, written through.
 * A missing target comes back as `real: undefined`, for the reader to report.
 */
export async function locate(file: string, roots: readonly string[]): Promise<{ real?: string; outside: boolean }> {
  try {
    const isLink = (await fs.promises.lstat(file)).isSymbolicLink();
    const real = await fs.promises.realpath(file);
    return { real, outside: isLink && !roots.some((root) => isInside(real, root)) };
  } catch {
    return { outside: false };
  }
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
        // Links are kept here; the caller checks where they lead (locate) and the reader what they are.
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
 * a one-line message. What the path is (a regular file, not a device, a FIFO
 * or a socket) and how big it is are checked on the open handle before a
 * byte is read: `/dev/zero` named like a note must not fill the memory, a
 * FIFO must not block the run.
 */
export async function readNote(file: string): Promise<ReadResult> {
  let handle: fs.promises.FileHandle;
  try {
    // Non-blocking, so opening a FIFO with no writer returns at once (and is then refused as not a file).
    handle = await fs.promises.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { error: describeFsError(error) };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { error: 'is a folder, not a note.' };
    if (!stat.isFile()) return { error: `is ${kindOf(stat)}, not a regular file; not read.` };
    if (stat.size > MAX_NOTE_BYTES) return { error: tooBig(stat.size) };
    // Read at most one byte past the limit: a file that grows while it is read (or reports no size) stops there.
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, MAX_NOTE_BYTES) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_NOTE_BYTES) return { error: tooBig(length) };
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_NOTE_BYTES + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return decodeNote(buffer.subarray(0, length));
  } catch (error) {
    return { error: describeFsError(error) };
  } finally {
    await handle.close().catch(() => {});
  }
}

function tooBig(bytes: number): string {
  return `is ${(bytes / 1048576).toFixed(1)} MB, more than the ${MAX_NOTE_BYTES / 1048576} MB a note can have; not read.`;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
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
 * Replace `file`'s content with `text`, keeping what the file is: its mode,
 * its owner and group, its other hard links. Normally a temporary file in the
 * same folder is renamed over the original (atomic); when that would change
 * the owner or group, or split a hard link, the file is rewritten in place
 * instead. A symlink is followed (the link stays a link); the caller has made
 * sure it leads inside the folders it was given. Refuses, with a message fit
 * for "could not write the fixes: …", when the file is not a regular file,
 * is read-only (no write bit, or not writable by this user), or changed since
 * it was read (`expected`).
 */
export async function writeNote(file: string, text: string, expected: string): Promise<void> {
  const target = await fs.promises.realpath(file);
  const stat = await fs.promises.stat(target);
  if (!stat.isFile()) throw new Error('it is not a regular file; not fixed.');
  if ((stat.mode & 0o222) === 0 || !(await writable(target))) throw new Error('it is read-only; not fixed (make it writable to apply the fixes).');
  const current = await fs.promises.readFile(target);
  if (!current.equals(Buffer.from(expected, 'utf8'))) {
    throw new Error('it changed on disk while it was being checked; not fixed.');
  }
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  const inPlace = stat.nlink > 1 || (uid !== undefined && uid !== stat.uid) || (gid !== undefined && gid !== stat.gid);
  if (inPlace) return rewriteInPlace(target, text, stat);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    const handle = await fs.promises.open(temp, 'wx', stat.mode & 0o7777);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
      // open() applies the umask; set the original mode exactly.
      await handle.chmod(stat.mode & 0o7777);
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}

async function writable(file: string): Promise<boolean> {
  try {
    await fs.promises.access(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Overwrite, then cut to length: the inode, and with it the owner, group, mode and every hard link, stays. */
async function rewriteInPlace(target: string, text: string, before: fs.Stats): Promise<void> {
  const handle = await fs.promises.open(target, fs.constants.O_WRONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    const now = await handle.stat();
    if (now.ino !== before.ino || now.dev !== before.dev) throw new Error('it was replaced while it was being checked; not fixed.');
    const bytes = Buffer.from(text, 'utf8');
    await handle.write(bytes, 0, bytes.length, 0);
    await handle.truncate(bytes.length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
