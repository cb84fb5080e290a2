import type { Note, Scenario } from '../note';
import { findPhrase } from '../phrases';
import type { Fix } from '../rule';
import { defineRule } from '../rule';
import { discussedText, fitText, insertParagraph, keepInMindText, sectionFix } from '../sections';
import {
  bodyProseSpan,
  bodySentences,
  contentWordCount,
  frontMatterNameWords,
  roleWords,
  sentenceMentionsTopic,
  type BodySentence,
} from '../lexicon/substance-common';
import { expressesInterest } from './require-interest';

/**
 * A note in which every sentence is thanks or a pleasantry: a thank-you card,
 * not a follow-up. A sentence that thanks *for something specific* ("thank
 * you for walking me through the carrier scorecards") is substance, not
 * courtesy, so it keeps the note out of this rule.
 */

/** Thanks in its usual forms. */
const THANKS = [
  'thank|thanks|thanking|thankful',
  'appreciate|appreciated|appreciating|appreciation|appreciative',
  'grateful|gratitude',
];

/** Pleasantries: courtesy that carries no information about the job or the conversation. */
const PLEASANTRIES = [
  // "It was great meeting you", "a pleasure to speak with you"
  'great|nice|good|wonderful|lovely|pleasure|delight|privilege|honor|honour|fun ... meet|meeting|speak|speaking|talk|talking|chat|chatting|connect|connecting|see|seeing',
  // "I enjoyed meeting you", "I loved our chat"
  'enjoyed|loved|liked ... meeting|speaking|talking|chatting|conversation|chat|talk|visit|time|getting',
  // "It was good to hear more about the role"
  'great|nice|good|glad|happy|pleased|enjoyed|loved|interesting|helpful ... hear|hearing|learn|learning|know|knowing',
  // "Have a great weekend", "Enjoy the rest of your week"
  'have|enjoy a|the? great|good|nice|wonderful|lovely|relaxing|restful ... weekend|day|week|evening|holiday|holidays|break',
  'enjoy the|your? rest|weekend|holiday|holidays|break',
  // "I hope you're well", "Hope all is well"
  'hope|hoping you|you\'re|all|this|everything|your ... well|good|great|fine|smoothly',
  // "I look forward to hearing from you", "Hope to hear from you soon"
  'look|looking forward to hearing|speaking|talking|connecting|staying|your|seeing',
  'hope to hear|talk|speak|see|connect|stay',
  'talk|speak|chat|see you? soon',
  'hear|hearing from you',
  // "Best of luck with the search", "All the best"
  'best of luck',
  'good luck',
  'all the best',
  'best wishes',
  'take care',
  // "Please let me know if you need anything else", "Feel free to reach out"
  'let me know if|whether|when',
  'free|please|hesitate ... reach|contact|let|ask|call|email|write',
  "happy|glad|pleased ... answer|provide|send|share|help",
];

/** A courtesy sentence with at least this many content words is about something. */
const SUBSTANCE_FROM = 2;

/** A staff thank-you is only thanks, and should be. */
const SCENARIOS: readonly Scenario[] = ['after-interview', 'phone-screen', 'panel', 'after-rejection', 'champion', 'poor-fit', 'new-information', 'check-in'];

/** Where arguing for your fit would be out of place: offer to keep the door open instead. */
const NO_FIT_ARGUMENT: readonly Scenario[] = ['after-rejection', 'poor-fit', 'check-in'];

function isCourtesyOnly(sentence: BodySentence, note: Note, names: ReadonlySet<string>): boolean {
  if (!findPhrase(sentence, THANKS) && !findPhrase(sentence, PLEASANTRIES)) return false;
  if (sentenceMentionsTopic(note.frontMatter.topics, sentence)) return false;
  // Saying you want the job is more than courtesy.
  if (expressesInterest(note, sentence)) return false;
  return contentWordCount(sentence, names, roleWords(note)) < SUBSTANCE_FROM;
}

/** Whether every body sentence is courtesy (thanks or a pleasantry) with nothing particular in it. */
export function isThanksOnly(note: Note, sentences: readonly BodySentence[]): boolean {
  if (sentences.length === 0 || !SCENARIOS.includes(note.frontMatter.scenario)) return false;
  const names = frontMatterNameWords(note);
  return sentences.every((s) => isCourtesyOnly(s, note, names));
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
    const sentences = bodySentences(note);
    const span = bodyProseSpan(sentences);
    if (!span || !isThanksOnly(note, sentences)) return;
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
