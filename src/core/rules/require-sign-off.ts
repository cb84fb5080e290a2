import type { Note, Span } from '../note';
import { defineRule, type Fix } from '../rule';
import { endsInsideOpenBlock, insertParagraph, signOffText } from '../sections';
import { eolOf, lineEndAt } from '../text';
import { foldName, parsePersonName } from '../lexicon/structure-names';
import { stripHtmlComments } from '../limits';

/**
 * The note should end with a closing line and the writer's name. The parser
 * finds the usual shape (note.signOff: a closing such as "Best regards," and up
 * to two lines after it). Before reporting a missing sign-off this rule also
 * accepts the other shapes people sign with: a closing and name on one line
 * ("Best, Sam"), a dash signature ("— Sam"), a closing of their own words
 * ending in a comma ("Looking forward to hearing from you,"), a signature
 * block with contact lines, and a P.S. after the signature.
 */

/** Closing words a one-line sign-off starts with ("Best, Sam", "Thanks! Sam"). */
const CLOSING_START =
  /^(?:(?:with )?(?:best|kind|kindest|warm|warmest|many) (?:regards|wishes|thanks)|regards|best|all the best|sincerely(?: yours)?|yours(?: sincerely| truly)?|respectfully|(?:many )?thanks(?: again| so much)?|thank you(?: again| so much)?|with (?:gratitude|appreciation|thanks)|gratefully|warmly|cheers|take care|talk soon)$/i;

/** A short closing of one's own ending in a comma or "!" ("Looking forward to hearing from you,", "Thanks again!"). */
const OWN_CLOSING = /^[^.?]{1,60}[,!]$|^(?:\S+\s+){0,3}\S+[.!]$/u;

/** A name line: one to four capitalised words ("Sam Patel", "J. Lee", "Ana-María Ruiz"). */
const NAME_LINE = /^[*_]*\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*){0,3}[*_]*$/u;

/** A name after a dash at the end of a line ("— Sam", "Thanks again! - Sam Patel"). */
const DASH_SIGNATURE = /(?:^|\s)(?:--?|\u2013|\u2014)\s*\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*){0,3}$/u;

/** A postscript starts here. */
const POSTSCRIPT = /^(?:[*_]*)(?:P\.\s?S\.|PS[:.]|P\.S\b|PPS\b|P\.P\.S\.)/;

interface Line extends Span {
  content: string;
}

/** The body's last non-empty lines (HTML comments and hard-break markers removed), oldest first. */
function lastLines(note: Note, max: number): Line[] {
  const { text, body } = note;
  const lines: Line[] = [];
  let end = text.length;
  while (end > body.start && lines.length < max) {
    let start = text.lastIndexOf('\n', end - 1) + 1;
    if (start < body.start) start = body.start;
    const raw = text.slice(start, end).replace(/\r$/, '');
    const content = stripHtmlComments(raw).replace(/\\$/, '').trim();
    if (content) lines.unshift({ start, end: start + raw.length, content });
    end = start - 1;
  }
  return lines;
}

function isNameLine(line: Line | undefined, name: string | undefined, to?: string): boolean {
  if (!line) return false;
  const content = line.content.replace(/[\s\p{Extended_Pictographic}\u200d\ufe0f]+$/u, '');
  if (name && foldName(content).startsWith(foldName(name))) return true;
  if (!NAME_LINE.test(content) || content.length > 50) return false;
  // "Thanks again, Ana": the recipient's name is not a signature.
  if (to) {
    const toWords = new Set(parsePersonName(to).words);
    if (parsePersonName(content).words.every((w) => toWords.has(w))) return false;
  }
  return true;
}

/** Words a closing of one's own starts with ("Thanks again 🙏", "Talk soon", "Looking forward to it"). */
const CLOSING_WORD = /^(?:thanks|thank|best|regards|cheers|warm|warmly|warmest|kind|kindest|sincerely|talk|looking|see|take|all|many|with|until|hope|speak|grateful|gratefully|respectfully|yours|appreciatively|cordially)\b/i;

function isClosingLine(content: string): boolean {
  const bare = content
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/[\s\p{Extended_Pictographic}\u200d\ufe0f]+$/u, '')
    .trim();
  if (!bare) return false;
  if (/^[-\u2013\u2014_]{1,3}$/.test(bare)) return true; // the "-- " line that starts an e-mail signature
  if (CLOSING_START.test(bare.replace(/[,.!]$/, ''))) return true;
  if (OWN_CLOSING.test(bare)) return true;
  return CLOSING_WORD.test(bare) && bare.split(/\s+/).length <= 6 && !/[?]$/.test(bare);
}

type Ending =
  | { kind: 'signed' }
  | { kind: 'name-only'; line: Line }
  | { kind: 'none'; line: Line; postscript?: Line };

/** How the note ends, when note.signOff did not recognise a closing. */
function readEnding(note: Note, name: string | undefined): Ending | undefined {
  const to = note.frontMatter.to;
  let lines = lastLines(note, 10);
  if (lines.length === 0) return undefined;
  let postscript: Line | undefined;
  const ps = lines.findIndex((l, i) => i > 0 && POSTSCRIPT.test(l.content));
  if (ps > 0) {
    postscript = lines[ps];
    lines = lines.slice(0, ps);
  }
  const last = lines[lines.length - 1];
  // "— Sam", "Thanks again! – Sam": a dash signature.
  if (DASH_SIGNATURE.test(last.content)) return { kind: 'signed' };
  // "Best, Sam" on one line.
  const oneLine = /^(.{1,40}?)[,!]\s+(.+)$/.exec(last.content.replace(/^[*_]+|[*_]+$/g, ''));
  if (oneLine && CLOSING_START.test(oneLine[1]) && isNameLine({ ...last, content: oneLine[2] }, name, to)) return { kind: 'signed' };
  // A closing line followed by one to four signature lines, the first a name.
  for (let i = lines.length - 2; i >= Math.max(0, lines.length - 5); i--) {
    if (isClosingLine(lines[i].content) && isNameLine(lines[i + 1], name, to)) return { kind: 'signed' };
  }
  // A name alone at the end, after prose: the closing is missing.
  if (lines.length >= 2 && isNameLine(last, name, to) && last.content.split(/\s+/).length <= 4) return { kind: 'name-only', line: last };
  return { kind: 'none', line: last, postscript };
}

function trimmed(note: Note, line: Line): Span {
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
    const signOff = note.signOff;
    if (signOff?.name) return;
    if (signOff) {
      // A closing with no name after it.
      const at = lineEndAt(note.text, signOff.closing.start);
      report({
        start: signOff.closing.start,
        end: signOff.closing.end,
        message: `The closing "${signOff.closing.text}" is not followed by your name; sign the note${name ? ` as ${name}` : ''}.`,
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
    const ending = readEnding(note, name);
    if (!ending || ending.kind === 'signed') return;
    if (ending.kind === 'name-only') {
      const span = trimmed(note, ending.line);
      report({
        ...span,
        message: 'Your name ends the note without a closing line before it; add one such as "Best regards,".',
        fixes: [{ title: 'Insert "Best regards,"', kind: 'fix', safe: true, edits: [{ start: span.start, end: span.start, newText: `Best regards,${eol}` }] }],
      });
      return;
    }
    const section = signOffText(note, from);
    let fix: Fix;
    if (ending.postscript) {
      // Sign before the P.S., not after it.
      const at = trimmed(note, ending.postscript).start;
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
      ...trimmed(note, ending.line),
      message: `The note ends without a sign-off; close with a line such as "Best regards," and your name${name ? ` (${name})` : ''}.`,
      // A note that ends inside a block that never closes (a fence, a comment, `<pre>`): a sign-off added at the end
      // would be code or comment too, and one added before that block would not end the note.
      fixes: endsInsideOpenBlock(note) ? [] : [fix],
    });
  },
);
