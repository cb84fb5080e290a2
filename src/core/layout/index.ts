/**
 * The layout of a note: which part of a letter or e-mail each line is (header,
 * greeting, body, closing, signature). Rules ask this module, never re-derive it.
 *
 * The seam both the structure rules and the language layer build on:
 * - `bodySentences(note)`: the writer's own sentences, the body without the
 *   header, the greeting and the sign-off;
 * - `noteAnchor(note)`: the range a finding about the note as a whole points at.
 */
import type { Note, Span } from '../note';
import { bodySentences } from '../lexicon/substance-common';

export { bodySentences, bodyProseSpan, byParagraph, type BodySentence } from '../lexicon/substance-common';

/**
 * Where a finding about the whole note goes (the note never states interest, it
 * could go to anyone): the first line of the body's prose, so the squiggle and
 * "Disable on this line" mean that line, not an unrelated sentence. Undefined
 * when the body has no prose.
 */
export function noteAnchor(note: Note): Span | undefined {
  const first = bodySentences(note)[0];
  if (!first) return undefined;
  const lineEnd = note.text.slice(first.start, first.end).search(/\r\n|\r|\n/);
  return { start: first.start, end: lineEnd < 0 ? first.end : first.start + lineEnd };
}
