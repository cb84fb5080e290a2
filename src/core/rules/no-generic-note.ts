import type { Note, Scenario } from '../note';
import { findPhrase } from '../phrases';
import { defineRule } from '../rule';
import { discussedText, insertParagraph, sectionFix } from '../sections';
import { mentionsAnyTopic } from '../lexicon/substance-common';
import { noteAnchor } from '../layout/index';
import { asksSomething, ownSentences, readNote, type Act, type SentenceReading } from '../language/index';

/**
 * A note that could have been sent after any interview: boilerplate thanks,
 * interest and praise, in a note of any length. Judged on the language
 * layer's specificity, sentence by sentence: the note is specific when it
 * mentions a front-matter topic, or when one sentence is particular (four
 * concrete words, a figure or a name with two, or a pointer back at the
 * conversation with two: "when you mentioned the carrier scorecards"). Concrete words are
 * what is left once function words, job-search boilerplate, evaluative words,
 * common verbs and placeholders are gone.
 *
 * A note that does something else (reports news, apologises, complains,
 * refuses, asks them to reconsider) is not a boilerplate follow-up: the rule
 * cannot decide and reports nothing. Nor does it when a pointer back at the
 * conversation has a placeholder for its object (the writer means to fill it).
 */

/**
 * Back-reference phrases: the writer pointing at the conversation itself.
 * Each only counts when the rest of the sentence carries concrete content
 * ("when you mentioned the carrier scorecards", not "our conversation today").
 */
const BACK_REFERENCES: readonly { phrases: readonly string[]; before: boolean }[] = [
  {
    // "when you mentioned…", "as you explained…": the object follows.
    phrases: ['when|as|how you mentioned|described|explained|said|noted|showed|shared|outlined|pointed|walked|told|asked|talked|raised|put|framed|highlighted'],
    before: false,
  },
  {
    // "you mentioned the migration…" and "the dashboard you showed me": the object may come first.
    phrases: [
      'you mentioned|described|explained|shared|showed|outlined|noted|raised|highlighted|told|asked|walked|pointed|talked|brought|laid|said|suggested|gave|offered|flagged|demoed|demonstrated|sketched|drew',
      "you were|you're describing|explaining|mentioning|showing",
    ],
    before: true,
  },
  {
    phrases: [
      // "our conversation about…", "the panel discussion this morning on…"
      'conversation|conversations|discussion|discussions|talk|chat|exchange|interview|call|meeting ... about|on|around|regarding|over',
      // "the walkthrough of the pallet scanners", "the tour of the routing floor"
      'walkthrough|walk-through|tour|demo|demonstration|preview|glimpse|peek|look of|at|through|around',
      // "we discussed…", "we talked about…"
      'we discussed|talked|spoke|covered|chatted|touched|went|dug|compared|looked|walked|explored',
      // "for explaining how…", "telling me about…", "showing us the…"
      'explaining|describing|telling|showing|sharing|outlining|walking how|what|why|the|your|about|me|us',
      // "hearing about…", "learning how…", "seeing the…"
      'hearing|learning|reading|seeing|hear|learn|see about|how|that|what|why|your',
      // "your question about…", "your point on…"
      'your question|questions|point|points|comment|comments|story|example|description|explanation|account|idea|ideas|aside|advice|feedback|tip about|on|of|regarding|that|for',
      // "walking me through…"
      'walking|walk|walked me|us through',
      // "during our call, …", "since our conversation…"
      'during|in|since|after our conversation|interview|discussion|call|meeting|chat|talk',
      // "I have been thinking about…"
      'been|kept|keep thinking about|of|over',
      'thought about|of',
    ],
    before: false,
  },
];

/** A sentence with this many concrete words says something particular. */
const PARTICULAR_FROM = 4;

/** With a figure or a pointer back at the conversation, this many concrete words are enough. */
const POINTED_FROM = 2;

/** How close after a pointer a placeholder must start to be its object. */
const PLACEHOLDER_REACH = 2;

/** Acts that give a note another purpose than a boilerplate follow-up. */
const OTHER_PURPOSE: readonly Act[] = ['news', 'apology', 'complaint', 'refusal', 'reconsider', 'directive', 'chasing'];

/** Acts a boilerplate follow-up is made of. */
const BOILERPLATE_ACTS: readonly Act[] = ['thanks', 'interest', 'fit-claim', 'pleasantry', 'praise'];

/**
 * Scenarios where a note does not need to revisit the conversation: a thank-you
 * to the receptionist or coordinator has nothing to revisit, and a status
 * check-in is a question, not a recap.
 */
const SKIPPED: readonly Scenario[] = ['staff-thanks', 'check-in'];

const SCENARIOS: readonly Scenario[] = (
  ['after-interview', 'phone-screen', 'panel', 'after-rejection', 'champion', 'poor-fit', 'new-information', 'check-in', 'staff-thanks'] as const
).filter((s) => !SKIPPED.includes(s));

const BACK_REFERENCE_PHRASES: readonly string[] = BACK_REFERENCES.flatMap((group) => group.phrases);

/** Whether the sentence says something particular, or cannot be judged (a pointer back at a placeholder). */
function particular(reading: SentenceReading): boolean {
  const { concrete, numbers, names, placeholderAt } = reading.specificity;
  // What the writer asks for (pay, parking, a remote day) says nothing about the conversation: only a pointer counts there.
  const asks = asksSomething(reading);
  if (!asks && concrete.length >= PARTICULAR_FROM) return true;
  if (!asks && (numbers > 0 || names > 0) && concrete.length >= POINTED_FROM) return true;
  const pointer = findPhrase(reading.sentence, BACK_REFERENCE_PHRASES);
  if (!pointer) return false;
  // "our conversation about [specific discussion]": the writer means to fill it in.
  return concrete.length >= POINTED_FROM || placeholderAt.some((at) => at >= pointer.to && at <= pointer.to + PLACEHOLDER_REACH);
}

export function isGeneric(note: Note): boolean {
  const sentences = readNote(note).sentences;
  if (sentences.length === 0) return false;
  if (sentences.some((s) => s.marks.size > 0 || OTHER_PURPOSE.some((act) => s.acts.has(act)))) return false;
  // After a rejection, arguing your fit is rejection-no-reargue's finding, not boilerplate.
  if (note.frontMatter.scenario === 'after-rejection' && sentences.some((s) => s.acts.has('argument') && s.acts.has('fit-claim'))) return false;
  if (!sentences.some((s) => BOILERPLATE_ACTS.some((act) => s.acts.has(act)))) return false;
  if (mentionsAnyTopic(note.frontMatter.topics, ownSentences(note))) return false;
  return !sentences.some(particular);
}

export default defineRule(
  {
    id: 'no-generic-note',
    description: 'The note refers to something specific from the conversation',
    severity: 'warning',
    fixable: true,
    scenarios: SCENARIOS,
    tags: ['substance'],
    sources: ['002', '003'],
  },
  ({ note, report }) => {
    const anchor = noteAnchor(note);
    if (!anchor || !isGeneric(note)) return;
    const topics = note.frontMatter.topics;
    const hint = topics.length
      ? `mention something you talked about, such as ${topics.slice(0, 2).map((t) => `"${t}"`).join(' or ')}`
      : 'mention something specific you talked about (list it under "topics" in the front matter)';
    report({
      ...anchor,
      message: `This note could have been sent after any interview; ${hint}.`,
      fixes: [sectionFix("Insert 'What we discussed'", insertParagraph(note, 'after-opening', discussedText(note)))],
    });
  },
);
