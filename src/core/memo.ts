/**
 * Memory per Note model: what several rules of one analysis ask about the
 * same note is computed once per Note object (models are never mutated).
 */
import type { Note } from './note';

/**
 * `compute`, remembered per Note object. The note asked about last is answered
 * without the map: the rules of one analysis ask in turn about the same note.
 */
export function perNote<T>(compute: (note: Note) => T): (note: Note) => T {
  const cache = new WeakMap<Note, T>();
  let lastNote: Note | undefined;
  let last: T | undefined;
  return (note) => {
    if (note === lastNote) return last as T;
    let value = cache.get(note);
    if (value === undefined) {
      value = compute(note);
      cache.set(note, value);
    }
    lastNote = note;
    last = value;
    return value;
  };
}

/**
 * `compute`, remembered per workspace array (the other notes a workspace rule
 * gets). The CLI and the editor pass the same array to every note's analysis
 * while nothing changed, so an index by key built here is built once for all
 * of them, and each note looks up only the notes that share a key with it:
 * the cost grows with the number of notes, not with its square.
 */
export function perWorkspace<W extends object, T>(compute: (workspace: W) => T): (workspace: W) => T {
  const cache = new WeakMap<W, T>();
  return (workspace) => {
    let value = cache.get(workspace);
    if (value === undefined) {
      value = compute(workspace);
      cache.set(workspace, value);
    }
    return value;
  };
}
