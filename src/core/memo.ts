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
