import { defineRule } from '../rule';

/**
 * Doubled words meant as one ("the the"), found on a sentence's words: the two
 * must be adjacent with only white space between them (a line break counts —
 * the usual place for this slip), so "well, well" or "the **the**" never match.
 */

/**
 * Repeats that are grammatical or deliberate: "had had" and "that that" are
 * correct English; "is is" is right in "what it is is"; "her her" in "gave her
 * her notes"; "do do" is emphasis. Reduplications ("bye bye", "very very",
 * "so so") are style, not typos.
 */
const LEGITIMATE_REPEATS = new Set([
  'had',
  'that',
  'is',
  'her',
  'do',
  'bye',
  'very',
  'really',
  'so',
  'many',
  'far',
  'long',
  'no',
  'yes',
  'ha',
  'haha',
  'ho',
  'well',
  'now',
  'there',
  'knock',
  'blah',
  'hear',
  'chop',
  'tsk',
  'tut',
  'night',
  'wait',
  'go',
  'hip',
  'pooh',
  'hush',
  'boo',
  'bla',
]);

export default defineRule(
  {
    id: 'no-repeated-words',
    description: 'The same word is not written twice in a row',
    severity: 'warning',
    fixable: true,
    tags: ['mechanics'],
    sources: ['002'],
    cheap: true,
  },
  ({ note, report }) => {
    for (const sentence of note.sentences) {
      const words = sentence.words;
      for (let i = 1; i < words.length; i++) {
        const first = words[i - 1];
        const second = words[i];
        if (first.lower !== second.lower) continue;
        if (!isPlainWord(first.text)) continue;
        if (LEGITIMATE_REPEATS.has(first.lower)) continue;
        // Only white space between them: punctuation, emphasis or a link means it was written on purpose.
        if (!/^\s+$/.test(note.text.slice(first.end, second.start))) continue;
        // "Walla Walla", "Bora Bora": a capitalised second word is a name, not a slip (but "I I" is one).
        if (/^\p{Lu}/u.test(second.text) && second.lower !== 'i') continue;
        // Single letters ("plan B B", "x x") are labels; "a a" and "I I" are the real slips.
        if ([...first.lower].length === 1 && first.lower !== 'a' && first.lower !== 'i') continue;
        report({
          start: second.start,
          end: second.end,
          message: `"${second.text}" is written twice in a row; delete the repeat.`,
          fixes: [
            {
              title: `Delete the repeated "${second.text}"`,
              kind: 'fix',
              safe: true,
              edits: [{ start: first.end, end: second.end, newText: '' }],
            },
          ],
        });
      }
    }
  },
);

/** A word made of letters (and inner apostrophes or hyphens): numbers ("10 10") and symbols are left alone. */
function isPlainWord(text: string): boolean {
  return /^\p{L}[\p{L}\p{M}'’-]*$/u.test(text);
}
