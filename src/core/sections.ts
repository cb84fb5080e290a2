/**
 * The personalized sections that code actions and fixes insert, filled from
 * the note's front matter. Each returns plain text and, where the writer has
 * something to fill in, the same text as a VS Code snippet with tab stops.
 */
import type { Note, Paragraph } from './note';
import type { Fix, TextEdit } from './rule';
import { eolOf } from './text';

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
  return to ? { text: `Dear ${to},` } : { text: 'Dear [Name],', snippet: 'Dear ${1:Name},' };
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

/** The paragraph a section is placed after, or undefined to place it at the start of the body. */
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
  const eol = eolOf(note.text);
  const blank = eol + eol;
  if (placement === 'after-opening') {
    const after = openingParagraph(note);
    if (after) return withSnippet({ start: after.end, end: after.end, newText: blank + section.text }, section, blank, '');
  }
  if (note.signOff) {
    const at = note.signOff.start;
    return withSnippet({ start: at, end: at, newText: section.text + blank }, section, '', blank);
  }
  // At the end of the body, after its last non-blank character.
  let end = note.text.length;
  while (end > note.body.start && /\s/.test(note.text[end - 1])) end--;
  const lead = end > note.body.start ? blank : '';
  return withSnippet({ start: end, end, newText: lead + section.text }, section, lead, '');
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
