import { defineRule, type Fix } from '../rule';
import { stripHtmlComments } from '../limits';
import type { Note, Span } from '../note';

/**
 * Counts the "!" in the note's prose — paragraphs, headings, list items,
 * greeting and sign-off — and reports each one beyond `max`, in reading
 * order. Not counted: front matter, code, URLs and e-mail addresses, HTML
 * comments, and the "!" of a Markdown image (`![alt](src)`). "!!" is two.
 *
 * The fix replaces the mark so the sentence still ends properly: "." in
 * running text, "," at the end of the greeting ("Hi Ana!" → "Hi Ana,") or of
 * the closing line ("Thanks!" → "Thanks,"), and nothing when it follows another
 * "!", "?" or "." ("Great!!" → "Great!", "Really?!" → "Really?"). When the
 * first mark of a run is itself over the limit, its fix replaces the whole run
 * ("demo!!" → "demo.").
 */

interface Options {
  max: number;
}

export default defineRule<Options>(
  {
    id: 'limit-exclamations',
    description: 'The note uses at most one exclamation mark',
    severity: 'info',
    fixable: true,
    tags: ['tone'],
    cheap: true,
    options: {
      max: {
        type: 'integer',
        default: 1,
        minimum: 0,
        maximum: 100,
        description: 'How many exclamation marks the note may use before each further one is reported.',
      },
    },
  },
  ({ note, options, report }) => {
    const max = options.max ?? 1;
    const skip = [...note.sourceSpans, ...note.comments].sort((a, b) => a.start - b.start);
    let skipAt = 0;
    let count = 0;
    const text = note.text;
    // The first "!" at or after `searchedFrom` (-1: none). Paragraphs come in text order, so each
    // part of the text is searched once (linear however many paragraphs have no "!").
    let searchedFrom = 0;
    let bang = text.indexOf('!');
    for (const paragraph of note.paragraphs) {
      if (paragraph.start < searchedFrom || (bang !== -1 && bang < paragraph.start)) {
        searchedFrom = paragraph.start;
        bang = text.indexOf('!', paragraph.start);
      }
      for (let i = bang; i !== -1 && i < paragraph.end; i = bang) {
        searchedFrom = i + 1;
        bang = text.indexOf('!', i + 1);
        while (skipAt < skip.length && skip[skipAt].end <= i) skipAt++;
        if (inside(skip, skipAt, i)) continue;
        if (text[i + 1] === '[') continue; // an image, not punctuation
        count++;
        if (count <= max) continue;
        report({
          start: i,
          end: i + 1,
          message:
            max === 0
              ? 'Leave out exclamation marks; let the words carry the enthusiasm.'
              : `This is exclamation mark number ${count}; more than ${max} makes the note sound breathless, so let the words carry the enthusiasm.`,
          fixes: [replacement(note, i)],
        });
      }
    }
  },
);

/** Whether offset `i` falls inside one of the sorted spans, starting the search at `from`. */
function inside(spans: Span[], from: number, i: number): boolean {
  for (let k = from; k < spans.length && spans[k].start <= i; k++) if (i < spans[k].end) return true;
  return false;
}

function replacement(note: Note, i: number): Fix {
  const text = note.text;
  const before = text[i - 1];
  if (before === '!' || before === '?' || before === '.') {
    return { title: 'Remove the extra "!"', kind: 'fix', safe: true, edits: [{ start: i, end: i + 1, newText: '' }] };
  }
  // The first mark of a run ("!!!") takes the rest of the run with it, so the fix alone reads "demo." and never "demo.!".
  let end = i + 1;
  while (text[end] === '!') end++;
  const mark = endsFrame(note, end - 1) ? ',' : '.';
  const what = end - i > 1 ? `"${'!'.repeat(end - i)}"` : '"!"';
  return { title: `Replace ${what} with "${mark}"`, kind: 'fix', safe: true, edits: [{ start: i, end, newText: mark }] };
}

/** The "!" ends the greeting or the sign-off's closing line. */
function endsFrame(note: Note, i: number): boolean {
  const { greeting, signOff } = note;
  if (greeting && greeting.end === i + 1 && note.paragraphs[greeting.paragraph]) {
    // "Hi Ana!" on a line of its own; "Hi Ana! Thanks for…" keeps a sentence end.
    const rest = note.text.slice(i + 1, note.text.indexOf('\n', i + 1) === -1 ? undefined : note.text.indexOf('\n', i + 1));
    if (stripHtmlComments(rest).trim() === '') return true;
  }
  if (signOff && signOff.name && signOff.closing.end === i + 1) return true;
  return false;
}
