/**
 * The act "states interest" (src/core/language/interest.ts), sentence by
 * sentence: the ways people say they still want a job, and the look-alikes
 * that do not say it.
 */
import assert from 'node:assert/strict';
import { parseNote } from '../../src/core/index';
import { bodySentences } from '../../src/core/layout';
import { interestDoesNotApply, statesInterest } from '../../src/core/language/interest';

function says(sentence: string): boolean {
  const note = parseNote(`---\nscenario: after-interview\n---\n\nDear Ines,\n\n${sentence}\n\nBest,\nTom\n`);
  return bodySentences(note).some((s) => statesInterest(note, s));
}

describe('require-interest: the act "states interest"', () => {
  const stated: [string, string][] = [
    ['a feeling', 'I remain keen on the warehouse role.'],
    ['a subjectless feeling', 'Still very interested in the role.'],
    ['a noun of wishing', 'Our chat only strengthened my desire to work on the route planner.'],
    ['a misspelt noun of wishing', 'The visit confirms my interested in going on with the process.'],
    ['wanting to join', 'I would love to be part of the night crew.'],
    ['wanting to keep at the work', 'I would love to keep improving the route maps as your dispatcher.'],
    ['welcoming the chance', 'I would welcome the chance to take this further.'],
    ['pursuing the job', 'I hope to pursue this position with your group.'],
    ['the writer pictured in the job', 'I am sure I would be a strong addition to the dispatch desk.'],
    ['skills that make the writer a member', 'My years on the loading dock would make me a useful member of your crew.'],
    ['the writer bringing something', 'I could bring the same care to your inbound scheduling.'],
    ['a good place for the writer', 'The depot seems like a wonderful place to work.'],
    ['a fit for the writer', 'I believe the firm is the right fit for me.'],
    ['next steps', 'I am available for the next round whenever it suits you.'],
    ['moving forward', 'I would be glad to keep moving forward.'],
    ['looking forward to the work', 'I look forward to working with you and the crew.'],
    ['a first choice', 'The depot remains my first choice.'],
    ["a negative form that is positive", "I can't wait to get started."],
  ];
  for (const [what, sentence] of stated) it(`counts ${what}`, () => assert.equal(says(sentence), true, sentence));

  const notStated: [string, string][] = [
    ['looking forward to a reply', 'I look forward to hearing from you.'],
    ['a thank-you opener', "I'd like to take a moment to thank you for your time."],
    ['thanks for the opportunity', 'Thank you for the great opportunity to interview.'],
    ['someone else excited', 'The crew seemed excited about the new loading bays.'],
    ["the reader's feeling", 'I enjoyed your enthusiasm for the new dock.'],
    ['hoping the reader is pleased', "I hope you're pleased with how the move goes."],
    ['the reader moving forward', 'I understand you are moving forward with other candidates.'],
    ['negated interest', "I'm not sure I'm interested in the night shift."],
    ['no longer excited', 'I am no longer excited about the commute.'],
    ['faded interest', 'My interest in the role has faded since we spoke.'],
  ];
  for (const [what, sentence] of notStated) it(`does not count ${what}`, () => assert.equal(says(sentence), false, sentence));
});

describe('require-interest: notes where wanting the job is not the point', () => {
  function skipped(body: string, role = ''): boolean {
    const note = parseNote(`---\nscenario: after-interview\n${role ? `role: ${role}\n` : ''}---\n\nDear Ines,\n\n${body}\n\nBest,\nTom\n`);
    const sentences = bodySentences(note);
    return sentences.every((s) => !statesInterest(note, s)) && interestDoesNotApply(note, sentences);
  }
  it('skips a withdrawal', () => assert.equal(skipped('Thank you for the interview. Please take my name out of consideration.'), true));
  it('skips withdrawing from the process', () => assert.equal(skipped('Thank you for the interview. I am withdrawing from the process.'), true));
  it('skips having taken another job', () => assert.equal(skipped('Thank you for the interview. I have accepted another offer.'), true));
  it('skips a reply to a rejection', () => assert.equal(skipped('Thank you for telling me you chose another candidate.'), true));
  it('skips thanks for advice with no job in sight', () => assert.equal(skipped('Thanks for the coffee and the advice on portfolios.'), true));
  it('does not skip advice when a job is on the table', () => assert.equal(skipped('Thanks for the coffee and the advice on the opening.'), false));
  it('does not skip advice when the note names a role', () => assert.equal(skipped('Thanks for the coffee and the advice on portfolios.', 'Drafter'), false));
  it('does not skip a plain thank-you', () => assert.equal(skipped('Thank you for the interview on Monday.'), false));
});
