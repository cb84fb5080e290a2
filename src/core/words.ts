import type { Note, Word } from './note';

/** The words of the message itself: the body without the greeting and the sign-off. */
export function countedWords(note: Note): Word[] {
  const { greeting, signOff } = note;
  return note.words.filter((w) => !(greeting && w.start >= greeting.start && w.end <= greeting.end) && !(signOff && w.start >= signOff.start));
}
