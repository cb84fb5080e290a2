/**
 * The writer's own sentences: the layout's body sentences (no header,
 * greeting, sign-off or signature) without those inside a block quote, which
 * are someone else's words. The one definition every language rule uses.
 */
import type { Note } from '../note';
import { bodySentences, type BodySentence } from '../layout/index';
import { blockquoteSpans } from '../lexicon/scenario-support';
import { perNote } from '../memo';

export type { BodySentence };

export const ownSentences: (note: Note) => readonly BodySentence[] = perNote((note) => {
  const sentences = bodySentences(note);
  const quotes = blockquoteSpans(note);
  if (quotes.length === 0) return sentences;
  return sentences.filter((s) => !quotes.some((q) => s.start >= q.start && s.start < q.end));
});

/** Whether `offset` lies inside double quotes within the sentence (an odd number of quote marks before it). */
export function insideQuotes(sentence: BodySentence, offset: number): boolean {
  const before = sentence.text.slice(0, Math.max(0, offset - sentence.start));
  let straight = 0;
  let open = 0;
  for (const ch of before) {
    if (ch === '"') straight++;
    else if (ch === '\u201c') open++;
    else if (ch === '\u201d') open--;
  }
  return straight % 2 === 1 || open > 0;
}
