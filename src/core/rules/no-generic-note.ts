import type { Note, Scenario } from '../note';
import { findPhrases } from '../phrases';
import { defineRule } from '../rule';
import { discussedText, insertParagraph, sectionFix } from '../sections';
import {
  bodySentences,
  byParagraph,
  contentWordCount,
  frontMatterNameWords,
  roleWords,
  mentionsAnyTopic,
  type BodySentence,
} from '../lexicon/substance-common';

/**
 * A note that could have been sent after any interview: none of the front
 * matter's `topics` appears, no sentence points back at something specific
 * from the conversation, and no sentence says anything particular.
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

/** How many content words (outside the back-reference phrase) make a reference specific. */
const CONCRETE_WORDS = 2;

/**
 * A sentence with at least this many content words says something particular
 * even without pointing back at the conversation ("Moving the scheduler to
 * event-driven updates sounds like…"): one such sentence keeps the note out of
 * this rule. Below it, the sentence is boilerplate.
 */
const SPECIFIC_FROM = 4;

/**
 * Scenarios where a note does not need to revisit the conversation: a thank-you
 * to the receptionist or coordinator has nothing to revisit, and a status
 * check-in is a question, not a recap.
 */
const SKIPPED: readonly Scenario[] = ['staff-thanks', 'check-in'];

const SCENARIOS: readonly Scenario[] = (
  ['after-interview', 'phone-screen', 'panel', 'after-rejection', 'champion', 'poor-fit', 'new-information', 'check-in', 'staff-thanks'] as const
).filter((s) => !SKIPPED.includes(s));

/** How many words after (or before) a back-reference may carry its concrete content. */
const REACH = 15;

/** The words `[from, to)` of a sentence as a sentence of their own. */
function window(sentence: BodySentence, from: number, to: number): BodySentence {
  return { ...sentence, words: sentence.words.slice(Math.max(0, from), Math.max(0, to)) };
}

/** Whether the sentence refers back to something specific from the conversation. */
export function refersBack(sentence: BodySentence, names: ReadonlySet<string>, role: readonly string[]): boolean {
  for (const group of BACK_REFERENCES) {
    for (const m of findPhrases(sentence, group.phrases)) {
      const after = contentWordCount(window(sentence, m.to, m.to + REACH), names, role);
      const before = group.before ? contentWordCount(window(sentence, m.from - REACH, m.from), names, role) : 0;
      if (after + before >= CONCRETE_WORDS) return true;
    }
  }
  return false;
}

/** The paragraph with the most words, as the place to point at. */
function mainParagraph(sentences: readonly BodySentence[]): BodySentence[] {
  let best: BodySentence[] = [];
  let bestWords = -1;
  for (const group of byParagraph(sentences)) {
    const words = group.reduce((n, s) => n + s.words.length, 0);
    if (words > bestWords) {
      best = group;
      bestWords = words;
    }
  }
  return best;
}

export function isGeneric(note: Note, sentences: readonly BodySentence[]): boolean {
  if (sentences.length === 0) return false;
  if (mentionsAnyTopic(note.frontMatter.topics, sentences)) return false;
  const names = frontMatterNameWords(note);
  const role = roleWords(note);
  // Boilerplate dominates: no sentence points back at the conversation or says anything particular.
  return sentences.every((s) => !refersBack(s, names, role) && contentWordCount(s, names, role) < SPECIFIC_FROM);
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
    const sentences = bodySentences(note);
    if (!isGeneric(note, sentences)) return;
    const main = mainParagraph(sentences);
    const topics = note.frontMatter.topics;
    const hint = topics.length
      ? `mention something you talked about, such as ${topics.slice(0, 2).map((t) => `"${t}"`).join(' or ')}`
      : 'mention something specific you talked about (list it under "topics" in the front matter)';
    report({
      start: main[0].start,
      end: main[main.length - 1].end,
      message: `This note could have been sent after any interview; ${hint}.`,
      fixes: [sectionFix("Insert 'What we discussed'", insertParagraph(note, 'after-opening', discussedText(note)))],
    });
  },
);
