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
  const text = sentence.text;
  const end = Math.min(text.length, Math.max(0, offset - sentence.start));
  let straight = 0;
  let open = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) straight++;
    else if (c === 0x201c) open++;
    else if (c === 0x201d) open--;
  }
  return straight % 2 === 1 || open > 0;
}

/** Whether the sentence has a double quote mark at all (most have none: then nothing in it is quoted). */
export function hasQuotes(sentence: BodySentence): boolean {
  const text = sentence.text;
  return text.includes('"') || text.includes('\u201c') || text.includes('\u201d');
}
