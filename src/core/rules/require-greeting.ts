import { defineRule } from '../rule';
import { greetingText } from '../sections';
import { eolOf } from '../text';

/**
 * The note should open with a salutation. The layout finds the greeting
 * (note.greeting: "Dear Ana,", "Hi team -", a bare "Dan," or "Ms. Smith:",
 * after any address block, date, memo or pasted subject line); this rule only
 * asks for one, on the body's first line, where the fix inserts it.
 */
export default defineRule(
  {
    id: 'require-greeting',
    description: 'The note opens with a greeting that names the recipient',
    severity: 'warning',
    fixable: true,
    tags: ['structure'],
    sources: ['002'],
    cheap: true,
  },
  ({ note, report }) => {
    if (note.greeting) return;
    const first = note.layout.firstLine;
    if (!first || note.paragraphs.length === 0) return; // an empty note has nothing to greet yet
    const greeting = greetingText(note);
    const blank = eolOf(note.text).repeat(2);
    const who = note.frontMatter.to ?? 'the person you met';
    // At the start of the line, before any Markdown it opens with ("**Thank you**…", "> …"):
    // inserted inside the emphasis, the greeting would not be a paragraph of its own.
    let at = first.start;
    while (at > note.body.start && note.text[at - 1] !== '\n' && note.text[at - 1] !== '\r') at--;
    report({
      start: first.start,
      end: first.end,
      message: `The note does not open with a greeting; start with one that names ${who}.`,
      fixes: [
        {
          title: `Insert "${greeting.text}"`,
          kind: 'fix',
          // Without a name in the front matter the inserted greeting has a slot to fill: not for --fix.
          safe: Boolean(note.frontMatter.to),
          edits: [{ start: at, end: at, newText: greeting.text + blank, snippet: greeting.snippet ? greeting.snippet + blank : undefined }],
        },
      ],
    });
  },
);
