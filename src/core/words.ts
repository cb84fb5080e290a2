import type { Note, Word } from './note';
import { bodySentences } from './lexicon/substance-common';

/**
 * The words of the message itself: the body without the greeting and the
 * sign-off. The same count max-length uses, so the status bar and the rule agree.
 */
export function countedWords(note: Note): Word[] {
  const words: Word[] = [];
  for (const sentence of bodySentences(note)) for (const word of sentence.words) words.push(word);
  return words;
}
