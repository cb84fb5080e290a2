import { defineRule } from '../rule';
import { insertParagraph, interestText, sectionFix } from '../sections';
import { bodySentences, noteAnchor } from '../layout';
import { interestDoesNotApply, statesInterest } from '../language/interest';

/**
 * After an interview the note should say that the writer still wants the
 * job. Any one sentence that does the act "states interest" (language/interest.ts)
 * is enough; the finding is about the note as a whole, so it sits on the
 * first line of the body.
 */

export default defineRule(
  {
    id: 'require-interest',
    description: 'The note says you still want the job',
    severity: 'warning',
    fixable: true,
    scenarios: ['after-interview', 'phone-screen', 'panel', 'new-information'],
    tags: ['substance'],
    sources: ['001', '002'],
  },
  ({ note, report }) => {
    const sentences = bodySentences(note);
    // From the end: a note says it most often in its closing lines, and any one sentence will do.
    for (let i = sentences.length - 1; i >= 0; i--) if (statesInterest(note, sentences[i])) return;
    // Withdrawing, replying to a rejection, thanking for advice: there is no job to want, so nothing to say.
    if (interestDoesNotApply(note, sentences)) return;
    const anchor = noteAnchor(note);
    if (!anchor) return;
    const { role, company } = note.frontMatter;
    const what = role ? `the ${role} role` : company ? `the job at ${company}` : 'the job';
    report({
      start: anchor.start,
      end: anchor.end,
      message: `The note never says you still want ${what}; add a sentence that says so plainly.`,
      fixes: [sectionFix('Insert a sentence of interest', insertParagraph(note, 'before-closing', interestText(note)))],
    });
  },
);
