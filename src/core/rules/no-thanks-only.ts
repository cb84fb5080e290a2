import type { Note, Scenario } from '../note';
import type { Fix } from '../rule';
import { defineRule } from '../rule';
import { discussedText, fitText, insertParagraph, keepInMindText, sectionFix } from '../sections';
import { noteAnchor } from '../layout/index';
import { asksSomething, readNote, type Act, type SentenceReading } from '../language/index';

/**
 * A note in which every sentence is courtesy: thanks, pleasantries, praise.
 * A thank-you card, not a follow-up, however specific the thanks ("thank you
 * for walking me through the carrier scorecards" is still only thanks).
 *
 * Judged on the language layer's acts: a sentence is more than courtesy when
 * it does something else: states interest or looks ahead to the next step,
 * claims a fit, reports news, argues, asks, requests (beyond "let me know if
 * you need anything"), apologises, offers time, promises; or when it is no
 * courtesy at all and says something particular (a topic, a name, a figure,
 * two concrete words). The note must thank at least once.
 */

/** Acts that are substance, not courtesy. */
const SUBSTANCE: readonly Act[] = ['interest', 'fit-claim', 'news', 'argument', 'availability', 'commitment', 'apology', 'complaint', 'reconsider', 'refusal', 'directive', 'chasing'];

/** Acts of courtesy: specific words inside them ("thanks for the tour of the archive") are still courtesy. */
const COURTESY: readonly Act[] = ['thanks', 'pleasantry', 'praise'];

/** A staff thank-you is only thanks, and should be. */
const SCENARIOS: readonly Scenario[] = ['after-interview', 'phone-screen', 'panel', 'after-rejection', 'champion', 'poor-fit', 'new-information', 'check-in'];

/** Where arguing for your fit would be out of place: offer to keep the door open instead. */
const NO_FIT_ARGUMENT: readonly Scenario[] = ['after-rejection', 'poor-fit', 'check-in'];

/** A sentence that neither thanks nor is a pleasantry or praise says something when it has this many concrete words (or a name, a figure, a topic). */
const CONCRETE_FROM = 2;

function isCourtesyOnly(reading: SentenceReading): boolean {
  if (SUBSTANCE.some((act) => reading.acts.has(act))) return false;
  // A request beyond the courtesy offer ("please send the dataset") is substance.
  if (asksSomething(reading)) return false;
  if (COURTESY.some((act) => reading.acts.has(act))) return true;
  const { concrete, names, numbers, topic } = reading.specificity;
  return !topic && names === 0 && numbers === 0 && concrete.length < CONCRETE_FROM;
}

/** Whether the note thanks and every one of its sentences is courtesy with nothing particular in it. */
export function isThanksOnly(note: Note): boolean {
  if (!SCENARIOS.includes(note.frontMatter.scenario)) return false;
  const sentences = readNote(note).sentences;
  if (sentences.length === 0 || !sentences.some((s) => s.acts.has('thanks'))) return false;
  return sentences.every(isCourtesyOnly);
}

export default defineRule(
  {
    id: 'no-thanks-only',
    description: 'The note says more than thank you',
    severity: 'warning',
    fixable: true,
    scenarios: SCENARIOS,
    tags: ['substance'],
    sources: ['002', '003'],
  },
  ({ note, report }) => {
    const span = noteAnchor(note);
    if (!span || !isThanksOnly(note)) return;
    const fixes: Fix[] = [sectionFix("Insert 'What we discussed'", insertParagraph(note, 'after-opening', discussedText(note)))];
    if (NO_FIT_ARGUMENT.includes(note.frontMatter.scenario)) {
      fixes.push(sectionFix('Insert a keep-me-in-mind paragraph', insertParagraph(note, 'before-closing', keepInMindText(note))));
    } else {
      fixes.push(sectionFix("Insert 'Why I fit'", insertParagraph(note, 'before-closing', fitText(note))));
    }
    report({
      ...span,
      message: 'This note only thanks the reader; add what you talked about and why it matters to you, so it reads as a follow-up rather than a courtesy.',
      fixes,
    });
  },
);
