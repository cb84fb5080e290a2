/**
 * The personalized sections that code actions and fixes insert, filled from
 * the note's front matter. Each returns plain text and, where the writer has
 * something to fill in, the same text as a VS Code snippet with tab stops.
 */
import type { Note, Paragraph } from './note';
import type { Fix, TextEdit } from './rule';
import { eolOf } from './text';
import { greetingName } from './lexicon/structure-names';

export interface SectionText {
  text: string;
  snippet?: string;
}

/** "a", "a and b", "a, b and c". */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Escape text for use inside a snippet. */
function snippetEscape(value: string): string {
  return value.replace(/[\\$}]/g, '\\$&');
}

export function greetingText(note: Note): SectionText {
  const to = note.frontMatter.to;
  // By first name (or title and surname), as the greeting fix and Fill placeholders greet.
  return to ? { text: `Dear ${greetingName(to)},` } : { text: 'Dear [Name],', snippet: 'Dear ${1:Name},' };
}

export function signOffText(note: Note, from?: string): SectionText {
  const name = note.frontMatter.from ?? from;
  const eol = eolOf(note.text);
  return name
    ? { text: `Best regards,${eol}${name}` }
    : { text: `Best regards,${eol}[Your name]`, snippet: `\${1|Best regards,Kind regards,Thank you again,Warm regards|},${eol}\${2:Your name}` };
}

export function discussedText(note: Note): SectionText {
  const topics = note.frontMatter.topics;
  if (topics.length) {
    const list = listPhrase(topics);
    return {
      text: `I enjoyed our conversation about ${list}, and it has stayed on my mind since we spoke.`,
      snippet: `I enjoyed our conversation about ${snippetEscape(list)}, and \${1:one idea I have kept thinking about is …}.`,
    };
  }
  return {
    text: 'I enjoyed our conversation about [topic], and it has stayed on my mind since we spoke.',
    snippet: 'I enjoyed our conversation about ${1:what you discussed}, and ${2:one idea I have kept thinking about is …}.',
  };
}

export function fitText(note: Note): SectionText {
  const { strengths, role } = note.frontMatter;
  const forRole = role ? ` for the ${role} role` : '';
  if (strengths.length) {
    const list = listPhrase(strengths);
    return {
      text: `From what you described${forRole}, my experience with ${list} is a close match for what the team needs next.`,
      snippet: `From what you described${snippetEscape(forRole)}, my experience with ${snippetEscape(list)} is a close match for \${1:what the team needs next}.`,
    };
  }
  return {
    text: `From what you described${forRole}, my experience with [strength] is a close match for what the team needs next.`,
    snippet: `From what you described${snippetEscape(forRole)}, my experience with \${1:a strength that matters to them} is a close match for \${2:what the team needs next}.`,
  };
}

export function interestText(note: Note): SectionText {
  const { role, company } = note.frontMatter;
  const what = role && company ? `the ${role} role at ${company}` : role ? `the ${role} role` : company ? `this role at ${company}` : 'this role';
  return { text: `I remain very interested in ${what} and would be glad to continue the conversation.` };
}

export function keepInMindText(note: Note): SectionText {
  const company = note.frontMatter.company;
  const where = company ? `at ${company}` : 'on your team';
  return {
    text: `I would still very much like to work ${where}; please keep me in mind for future openings where my background could help.`,
  };
}

/** Where a new paragraph goes. */
export type Placement = 'after-opening' | 'before-closing';

// A section must come out as a paragraph of its own wherever it lands: never inside a code block or
// an HTML block (an unclosed fence or `<!--` runs to the end of the note and swallows whatever is
// added there), never glued onto a neighbouring paragraph, and never after the sign-off. So it is
// placed only between top-level blocks, or before a line of a plain top-level paragraph (splitting
// it), with blank lines around it as needed. The edit is one insertion: nothing else changes.

/** A top-level block of the Markdown tree, with offsets into the note's text. */
interface Block {
  type: string;
  start: number;
  end: number;
}

function topBlocks(note: Note): Block[] {
  const blocks: Block[] = [];
  for (const node of note.tree.children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'yaml' || start === undefined || end === undefined) continue;
    blocks.push({ type: node.type, start: start + note.bomLength, end: end + note.bomLength });
  }
  return blocks;
}

/** The top-level block that holds `offset` (from its first character to its end). */
function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  return blocks.find((b) => b.start <= offset && offset < b.end);
}

const isBreak = (c: string | undefined) => c === '\n' || c === '\r';

/** The start of the line that holds `offset` (`\n`, `\r\n` and `\r` end lines), never before the body (nor its BOM). */
function lineStartAt(note: Note, offset: number): number {
  let at = offset;
  while (at > note.body.start && !isBreak(note.text[at - 1])) at--;
  return at;
}

/** Where the text of the line that holds `offset` starts (after its indentation). */
function lineTextAt(note: Note, offset: number): number {
  let at = lineStartAt(note, offset);
  while (at < offset && (note.text[at] === ' ' || note.text[at] === '\t')) at++;
  return at;
}

/**
 * HTML blocks that end only at a marker (CommonMark kinds 1–5): the opener, the marker, and where
 * the search for the marker starts (`<!-->` and `<?>` end where they start).
 */
const HTML_UNTIL_MARKER: [RegExp, RegExp, number][] = [
  [/^<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i, 1],
  [/^<!--/, /-->/, 2],
  [/^<\?/, /\?>/, 1],
  [/^<!\[CDATA\[/, /\]\]>/, 9],
  [/^<![A-Za-z]/, />/, 2],
];

/**
 * Whether text added after `block` (after a blank line, unindented) would still be part of it:
 * a fenced code block without its closing fence, or an HTML block of a kind that ends only at
 * a marker (`-->`, `</pre>`…) that never comes. Any other block ends at a blank line.
 */
function isUnclosed(text: string, block: Block): boolean {
  const source = text.slice(block.start, block.end);
  if (block.type === 'code') {
    // A fenced block's span starts at its fence; an indented block's at the indentation.
    const fence = /^(`{3,}|~{3,})/.exec(source);
    if (!fence) return false;
    const lastLine = source.slice(Math.max(source.lastIndexOf('\n'), source.lastIndexOf('\r')) + 1);
    const closing = new RegExp(`^ {0,3}${fence[1][0]}{${fence[1].length},}[ \\t]*$`);
    return lastLine.length === source.length || !closing.test(lastLine);
  }
  if (block.type === 'html') {
    // An HTML block's span starts at its line's indentation (up to three spaces).
    const html = source.replace(/^ {1,3}/, '');
    for (const [open, marker, from] of HTML_UNTIL_MARKER) if (open.test(html)) return !marker.test(html.slice(from));
  }
  return false;
}

/** Whether the note ends inside a block that never closes (a fence, a comment, `<pre>`…): text added at the end would join it. */
export function endsInsideOpenBlock(note: Note): boolean {
  const blocks = topBlocks(note);
  const last = blocks[blocks.length - 1];
  return last !== undefined && isUnclosed(note.text, last);
}

/**
 * Where a section goes "before" the line at `offset` (the sign-off): before that line when it is
 * in a plain top-level paragraph (the paragraph is split there), else before the whole top-level
 * block that holds it (a code block, an HTML block or comment, a list or quote).
 */
function beforeLine(note: Note, blocks: readonly Block[], offset: number): number {
  const at = lineTextAt(note, offset);
  const block = blockAt(blocks, at);
  if (!block || block.start === at || block.type === 'paragraph') return at;
  return lineStartAt(note, block.start);
}

/** The end of the paragraph a section is placed after ("after the opening"), or undefined to place it before the closing. */
function afterOpening(note: Note, blocks: readonly Block[]): number | undefined {
  const paragraph = openingParagraph(note);
  if (!paragraph) return undefined;
  // After the top-level block that holds the paragraph (a list, a quote, a setext heading…), not inside it.
  const block = blockAt(blocks, paragraph.start);
  const end = Math.max(paragraph.end, block?.end ?? 0);
  // An opening paragraph that runs into the sign-off (no blank line before "Best regards,"): its end is
  // after the closing and name; the section goes before the sign-off instead.
  if (note.signOff && end > note.signOff.start) return undefined;
  return end;
}

/** The paragraph a section is placed after, or undefined when there is none before the sign-off. */
function openingParagraph(note: Note): Paragraph | undefined {
  const signOffStart = note.signOff?.start ?? Infinity;
  const prose = note.paragraphs.filter((p) => p.start < signOffStart);
  if (note.greeting) {
    // After the paragraph that follows the greeting (usually the thanks), else after the greeting itself.
    const next = prose.find((p) => p.start > note.greeting!.end);
    return next ?? prose[note.greeting.paragraph];
  }
  return prose[0];
}

/** An edit that inserts `section` as a paragraph of its own. */
export function insertParagraph(note: Note, placement: Placement, section: SectionText): TextEdit {
  const blocks = topBlocks(note);
  if (placement === 'after-opening') {
    const at = afterOpening(note, blocks);
    if (at !== undefined) return paragraphAt(note, at, section);
  }
  if (note.signOff) return paragraphAt(note, beforeLine(note, blocks, note.signOff.start), section);
  // At the end of the body, after its last non-blank character — or, when the note ends inside an
  // unclosed code fence or HTML comment, before that block.
  const { text } = note;
  let end = text.length;
  while (end > note.body.start && isBlank(text[end - 1])) end--;
  const last = end > note.body.start ? blockAt(blocks, end - 1) : undefined;
  if (last && isUnclosed(text, last)) return paragraphAt(note, lineStartAt(note, last.start), section);
  return paragraphAt(note, end, section);
}

/** Insert `section` at `at` with the line breaks that make it a paragraph of its own there. */
function paragraphAt(note: Note, at: number, section: SectionText): TextEdit {
  const eol = eolOf(note.text);
  // Nothing where a blank line (or the start or end of the note) is already there; a line break where
  // the insertion starts a line or is followed by one (a line of only indentation counts as blank);
  // else two. (Right after an old-Mac "\r", a "\n" would merge with it into one line break: "\r" it is.)
  const breaks = (n: number, lineBreak: string) => (n >= 2 ? '' : n === 1 ? lineBreak : lineBreak + lineBreak);
  const lead = breaks(breaksBefore(note, at), note.text[at - 1] === '\r' && eol === '\n' ? '\r' : eol);
  // (And before a "\n", an old-Mac "\r" at the end of the insertion would merge with it: "\n" it is.)
  const tail = breaks(breaksAfter(note.text, at), note.text[at] === '\n' && eol === '\r' ? '\n' : eol);
  return withSnippet({ start: at, end: at, newText: lead + section.text + tail }, section, lead, tail);
}

// Blank, for Markdown, is spaces, tabs and line breaks only: a line with a vertical tab, a form feed
// or a no-break space holds text.
const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * How many line breaks (up to 2) separate `at` from the text before it, across spaces and tabs: 2 at
 * the start of the note, but the closing `---` of front matter is text like any other.
 */
function breaksBefore(note: Note, at: number): number {
  const { text } = note;
  let i = at;
  let n = 0;
  while (n < 2) {
    if (i <= note.body.start) return note.frontMatterBlock.present ? n : 2;
    const c = text[i - 1];
    if (c === ' ' || c === '\t') i--;
    else if (c === '\n') {
      i -= text[i - 2] === '\r' ? 2 : 1;
      n++;
    } else if (c === '\r') {
      i--;
      n++;
    } else return n;
  }
  return n;
}

/** How many line breaks (up to 2) separate `at` from the text after it, across spaces and tabs: 2 at the end of the note. */
function breaksAfter(text: string, at: number): number {
  let i = at;
  let n = 0;
  while (n < 2) {
    if (i >= text.length) return 2;
    const c = text[i];
    if (c === ' ' || c === '\t') i++;
    else if (c === '\r') {
      i += text[i + 1] === '\n' ? 2 : 1;
      n++;
    } else if (c === '\n') {
      i++;
      n++;
    } else return n;
  }
  return n;
}

function withSnippet(edit: TextEdit, section: SectionText, before: string, after: string): TextEdit {
  return section.snippet ? { ...edit, snippet: snippetEscape(before) + section.snippet + snippetEscape(after) } : edit;
}

export function sectionFix(title: string, edit: TextEdit): Fix {
  return { title, kind: 'section', safe: false, edits: [edit] };
}

/** The personalized-section actions offered on any note, whatever it reports. */
export function sectionActions(note: Note, from?: string): Fix[] {
  const actions: Fix[] = [
    sectionFix("Insert 'What we discussed'", insertParagraph(note, 'after-opening', discussedText(note))),
    sectionFix("Insert 'Why I fit'", insertParagraph(note, 'before-closing', fitText(note))),
    sectionFix('Insert a keep-me-in-mind paragraph', insertParagraph(note, 'before-closing', keepInMindText(note))),
  ];
  if (!note.signOff) actions.push(sectionFix('Add a sign-off', insertParagraph(note, 'before-closing', signOffText(note, from))));
  return actions;
}
