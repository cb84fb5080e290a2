import type { Note, Span } from '../note';
import { defineRule, type Fix } from '../rule';
import { endsInsideOpenBlock, insertParagraph, signOffText } from '../sections';
import { eolOf, lineEndAt } from '../text';

/**
 * The note should end with a closing line and the writer's name. How it ends
 * is the layout's (note.layout.ending, read once by layout/read.ts): a closing
 * and a name ("Best regards," / "Sam Patel", "Best, Sam", "— Sam", a closing
 * of one's own with the name under it, a signature block with title and
 * contact lines, a P.S. after it), a closing with no name, a name or signature
 * with no closing line, or nothing at all. The first and the third pass (a
 * signature alone is a sign-off); the second and the last are reported.
 */

function trimmed(note: Note, line: Span): Span {
  const raw = note.text.slice(line.start, line.end);
  const lead = raw.length - raw.trimStart().length;
  return { start: line.start + lead, end: line.end };
}

export default defineRule(
  {
    id: 'require-sign-off',
    description: 'The note ends with a closing line and your name',
    severity: 'warning',
    fixable: true,
    tags: ['structure'],
    cheap: true,
  },
  ({ note, report, from }) => {
    if (note.wordCount === 0) return; // nothing written yet
    const name = note.frontMatter.from ?? from;
    const eol = eolOf(note.text);
    const { layout } = note;
    if (layout.ending === 'signed' || layout.ending === 'name-only') return;
    if (layout.ending === 'closing-only' && layout.closing) {
      const closing = layout.closing;
      const at = lineEndAt(note.text, closing.start);
      report({
        start: closing.start,
        end: closing.end,
        message: `The closing "${closing.text}" is not followed by your name; sign the note${name ? ` as ${name}` : ''}.`,
        fixes: [
          {
            title: name ? `Sign as ${name}` : 'Add your name',
            kind: 'fix',
            safe: Boolean(name),
            edits: [{ start: at, end: at, newText: eol + (name ?? '[Your name]'), snippet: name ? undefined : `${eol}\${1:Your name}` }],
          },
        ],
      });
      return;
    }
    const last = layout.lastLine;
    if (!last) return;
    const section = signOffText(note, from);
    let fix: Fix;
    if (layout.postscript) {
      // Sign before the P.S., not after it.
      const at = layout.postscript.start;
      const blank = eol + eol;
      fix = {
        title: 'Add a sign-off before the P.S.',
        kind: 'fix',
        safe: Boolean(name),
        edits: [{ start: at, end: at, newText: section.text + blank, snippet: section.snippet ? section.snippet + blank : undefined }],
      };
    } else {
      fix = { title: name ? `Add "Best regards," and ${name}` : 'Add a sign-off', kind: 'fix', safe: Boolean(name), edits: [insertParagraph(note, 'before-closing', section)] };
    }
    report({
      ...trimmed(note, last),
      message: `The note ends without a sign-off; close with a line such as "Best regards," and your name${name ? ` (${name})` : ''}.`,
      // A note that ends inside a block that never closes (a fence, a comment, `<pre>`): a sign-off added at the end
      // would be code or comment too, and one added before that block would not end the note.
      fixes: endsInsideOpenBlock(note) ? [] : [fix],
    });
  },
);
