import { defineRule } from '../rule';
import { insertParagraph, keepInMindText, sectionFix } from '../sections';
import { lineEndAt } from '../text';
import { asksToBeKeptInMind } from '../lexicon/scenario-keep-in-mind';
import { blockquoteSpans } from '../lexicon/scenario-support';

/**
 * After a rejection, the one thing the note can still win is a place in the
 * reader's mind for the next opening. This rule fires when no sentence asks
 * for that. The phrase list lives in lexicon/scenario-keep-in-mind.ts and is
 * deliberately broad ("keep me in mind", "future openings", "stay in touch",
 * "if anything else opens up", "connect on LinkedIn"): any of them is enough
 * to stay quiet.
 */
export default defineRule(
  {
    id: 'rejection-keep-door-open',
    description: 'After a rejection, the note asks to be kept in mind for future roles',
    severity: 'info',
    fixable: true,
    scenarios: ['after-rejection'],
    tags: ['scenario', 'substance'],
    sources: ['004', '002'],
  },
  ({ note, report }) => {
    const greetingParagraph = note.greeting?.paragraph;
    const signOffStart = note.signOff?.start ?? Infinity;
    const quotes = blockquoteSpans(note);
    // The writer's own prose paragraphs: not the greeting, not the sign-off, not a quoted passage.
    const prose = note.paragraphs.filter(
      (p, i) =>
        i !== greetingParagraph &&
        p.start < signOffStart &&
        p.sentences.some((s) => s.words.length) &&
        !quotes.some((q) => p.start >= q.start && p.start < q.end),
    );
    if (!prose.length) return; // nothing written yet
    if (asksToBeKeptInMind(note)) return;
    // Point at the last paragraph before the closing, where the request belongs.
    const last = prose[prose.length - 1];
    const who = note.frontMatter.company ? ` at ${note.frontMatter.company}` : '';
    report({
      start: last.start,
      end: Math.min(last.end, lineEndAt(note.text, last.start)),
      message: `The note never asks them to keep you in mind for future roles${who}; add a sentence that does, so the door stays open.`,
      fixes: [sectionFix('Insert a keep-me-in-mind paragraph', insertParagraph(note, 'before-closing', keepInMindText(note)))],
    });
  },
);
