/**
 * The workspace index: the parsed models of all notes, kept up to date one
 * file at a time. Pure (no I/O): the extension feeds it from file events and
 * edits, the CLI from the files it was given.
 *
 * An edit re-parses one note; rules that look across notes get the others'
 * models as they are, and cache what they derive from a model per Note object
 * (models are immutable and replaced, never changed, when their text changes).
 *
 * A note above its configuration's `maxFileSize` is parsed without the sentence
 * split ("light"), exactly as `analyze(text)` parses it, when the caller says
 * what its limit is (`set(file, text, { maxFileSize })`).
 */
import { parseNote } from './parse';
import type { Note } from './note';
import type { WorkspaceNote } from './rule';

/**
 * The model `analyze` works on: above `maxFileSize` characters, parsed without
 * the sentence split (only the cheap rules run on it); else the full model.
 */
export function parseForSize(text: string, maxFileSize: number): Note {
  return parseNote(text, { prose: text.length <= maxFileSize });
}

/** Models parsed again for another size limit than the one they were parsed for, per model. */
const resized = new WeakMap<Note, Note>();

/**
 * `note` as `parseForSize(note.text, maxFileSize)` would have parsed it: the
 * note itself when it was parsed that way (light above the limit, full below),
 * else parsed again (once per model and mode).
 */
export function modelForSize(note: Note, maxFileSize: number): Note {
  const prose = note.text.length <= maxFileSize;
  // A note past a structural limit is light whatever its size.
  if (note.prose === prose || note.overLimit) return note;
  const cached = resized.get(note);
  if (cached?.prose === prose) return cached;
  const model = parseForSize(note.text, maxFileSize);
  resized.set(note, model);
  return model;
}

export interface SetOptions {
  /** A model already parsed from the text: kept as is. */
  note?: Note;
  /**
   * The note's size limit (its configuration's `maxFileSize`): above it the
   * model is parsed without the sentence split, as `analyze(text)` parses it.
   * No limit when left out.
   */
  maxFileSize?: number;
}

export interface IndexedNote extends WorkspaceNote {
  /** The text the model was parsed from. */
  text: string;
  /** Lower-cased, trimmed front-matter company ("" when none), for grouping. */
  companyKey: string;
}

export function companyKey(company: string | undefined): string {
  return (company ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export class NoteIndex {
  private readonly notes = new Map<string, IndexedNote>();
  private readonly byCompany = new Map<string, Set<string>>();
  private version = 0;
  private shared?: { generation: number; notes: readonly IndexedNote[] };

  /** Bumped on every change, so callers can tell whether anything moved. */
  get generation(): number {
    return this.version;
  }

  get size(): number {
    return this.notes.size;
  }

  /**
   * Add or replace a note (`options` may also be the model itself). Returns
   * the indexed entry; when the text is the same as before and its model was
   * parsed for the same side of the size limit, the old model is kept (no re-parse).
   */
  set(file: string, text: string, options: Note | SetOptions = {}): IndexedNote {
    const { note, maxFileSize = Infinity } = 'text' in options ? { note: options } : options;
    const old = this.notes.get(file);
    if (old && old.text === text && !note && (old.note.prose === text.length <= maxFileSize || old.note.overLimit)) return old;
    const model = note ?? parseForSize(text, maxFileSize);
    const entry: IndexedNote = { file, note: model, text, companyKey: companyKey(model.frontMatter.company) };
    if (old) this.unlink(old);
    this.notes.set(file, entry);
    let group = this.byCompany.get(entry.companyKey);
    if (!group) this.byCompany.set(entry.companyKey, (group = new Set()));
    group.add(file);
    this.version++;
    return entry;
  }

  delete(file: string): boolean {
    const old = this.notes.get(file);
    if (!old) return false;
    this.unlink(old);
    this.notes.delete(file);
    this.version++;
    return true;
  }

  /** Rename keeps the model. */
  rename(from: string, to: string): void {
    const old = this.notes.get(from);
    if (!old) return;
    this.delete(from);
    this.set(to, old.text, old.note);
  }

  get(file: string): IndexedNote | undefined {
    return this.notes.get(file);
  }

  has(file: string): boolean {
    return this.notes.has(file);
  }

  all(): IndexedNote[] {
    return [...this.notes.values()];
  }

  files(): string[] {
    return [...this.notes.keys()];
  }

  /**
   * Every note, as one array that stays the same object until the index changes.
   * Workspace rules skip the note they check (by file and by model), so a batch
   * (the CLI, a check of all notes) passes this to every analysis: what the rules
   * index by key is then built once for the batch, not once per note (20,000
   * notes took 207 s with a fresh `others(file)` per note).
   */
  workspace(): readonly IndexedNote[] {
    if (this.shared?.generation !== this.version) this.shared = { generation: this.version, notes: Object.freeze([...this.notes.values()]) };
    return this.shared.notes;
  }

  /** Every note but `file`: what a workspace rule compares `file` against. */
  others(file: string): IndexedNote[] {
    const out: IndexedNote[] = [];
    for (const [key, entry] of this.notes) if (key !== file) out.push(entry);
    return out;
  }

  /** Notes at the same company as `note` (by front matter), `file` itself excluded. */
  sameCompany(file: string, note: Note): IndexedNote[] {
    const group = this.byCompany.get(companyKey(note.frontMatter.company));
    if (!group) return [];
    const out: IndexedNote[] = [];
    for (const key of group) if (key !== file) out.push(this.notes.get(key)!);
    return out;
  }

  /**
   * The notes whose findings may change when `file` changes from `before` to
   * `after`: those sharing a company with either version (duplicates), and, for
   * names, any note at all (a name or company added anywhere can be "wrong" in
   * another note). Callers re-check only the ones that are open or shown.
   */
  affectedBy(file: string): string[] {
    return this.files().filter((f) => f !== file);
  }

  clear(): void {
    this.notes.clear();
    this.byCompany.clear();
    this.version++;
  }

  private unlink(entry: IndexedNote): void {
    const group = this.byCompany.get(entry.companyKey);
    group?.delete(entry.file);
    if (group && group.size === 0) this.byCompany.delete(entry.companyKey);
  }
}
