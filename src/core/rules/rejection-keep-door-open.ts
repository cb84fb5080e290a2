import { defineRule } from '../rule';
import { insertParagraph, keepInMindText, sectionFix } from '../sections';
import { lineEndAt } from '../text';
import { asksToBeKeptInMind } from '../lexicon/scenario-keep-in-mind';
import { ownSentences } from '../language/index';

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
    // The writer's own sentences (the layout's body, no quoted passage): nothing written yet, nothing to say.
    const sentences = ownSentences(note);
    if (!sentences.length) return;
    if (asksToBeKeptInMind(note)) return;
    // Point at the first line of the last paragraph before the closing, where the request belongs.
    const paragraph = sentences[sentences.length - 1].paragraph;
    const first = sentences.find((s) => s.paragraph === paragraph)!;
    const who = note.frontMatter.company ? ` at ${note.frontMatter.company}` : '';
    report({
      start: first.start,
      end: Math.min(first.end, lineEndAt(note.text, first.start)),
      message: `The note never asks them to keep you in mind for future roles${who}; add a sentence that does, so the door stays open.`,
      fixes: [sectionFix('Insert a keep-me-in-mind paragraph', insertParagraph(note, 'before-closing', keepInMindText(note)))],
    });
  },
);
