import type { Note } from '../note';
import { findPhrases, WordSet, wordIdsOf, type PhraseMatch } from '../phrases';
import { defineRule } from '../rule';
import { insertParagraph, interestText, sectionFix } from '../sections';
import { bodySentences, byParagraph, isNegated, type BodySentence } from '../lexicon/substance-common';

/**
 * After an interview the note should say, in so many words, that the writer
 * still wants the job. This rule looks for one sentence that does; a negated
 * one ("I'm not sure I'm interested") does not count.
 */

/**
 * Feelings about the job. They count only when the writer is the one feeling
 * them: the nearest pronoun before the word must be "I"/"me" (or there is
 * none), so "the team is excited about the launch" and "I hope you're excited"
 * don't count.
 */
const FEELINGS = [
  'interested|excited|enthusiastic|thrilled|eager|keen|energized|energised|motivated|inspired|passionate',
];

/** Wanting to join or contribute: "I'd love to join", "I would welcome the chance to contribute". Same pronoun check. */
const WANTING = [
  'love|like|welcome|want|wanted|hope|hoping|eager|keen|ready|thrilled|delighted|honored|honoured|proud|excited ... join|joining|contribute|contributing|bring|work|working|start|starting|build|grow|be|continue|move|take|help',
  'want|wanted this|the role|job|position|opportunity|one',
];

/** Statements that need no pronoun check: they name the writer's wish outright. */
const STATEMENTS = [
  // "I look forward to the next steps", "…to joining the team"
  'look|looking forward to ... next|joining|working|contributing|continuing|being|discussing|possibility|opportunity|chance|prospect',
  // "Sable Point remains my first choice"
  'my first|top|clear choice|pick|priority',
  // "this role is exactly what I'm looking for"
  'exactly|precisely ... ... looking|want|wanted|hoping|hope|hoped|seeking|grow|belong',
  // "I want to reiterate my strong interest", "my enthusiasm for the role"
  'my ... interest|enthusiasm|excitement|eagerness',
  // "this is the one I want", "the right next step for me"
  'the one|role|job|position|opportunity|place i|i\'ve want|wanted|hoped|hope',
  'the right|natural|ideal|logical|perfect next? step|move|place',
  // "I hope to hear good news", "ready to hit the ground running"
  'hope|hoping ... good news',
  'hit the ground running',
  // "the work really appeals to me", "this opportunity excites me"
  'appeals|appealed|appealing to me',
  'excites|energizes|energises|thrills|inspires|motivates me',
];

/** Phrases whose own negation is the point ("I can't wait to start"): only a negation before them counts. */
const NEGATIVE_FORM = ["can't|cannot wait", "couldn't|could not? be more|happier"];

/** Interest that is being withdrawn or has faded. */
const FADING = new Set(['faded', 'fading', 'waned', 'waning', 'cooled', 'diminished', 'decreased', 'lost', 'withdraw', 'withdrawing', 'withdrew', 'reconsidering', 'declining', 'decline']);

const FADING_IDS = new WordSet(FADING);

const FIRST_PERSON = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'myself', 'im']);
const OTHER_PERSON = new Set([
  'you', "you're", "you've", "you'd", "you'll", 'he', "he's", 'she', "she's", 'they', "they're", "they've", 'it', "it's", 'team', 'everyone', 'everybody', 'candidates', 'people', 'company',
]);

/** How far back to look for the subject (keeps the rule linear on run-on sentences). */
const SUBJECT_REACH = 12;

/** Whether the nearest pronoun before word `at` is the writer (or there is no pronoun at all). */
function writerIsSubject(sentence: BodySentence, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - SUBJECT_REACH); i--) {
    const w = sentence.words[i].lower;
    if (FIRST_PERSON.has(w)) return true;
    if (OTHER_PERSON.has(w)) return false;
  }
  return true;
}

/** Words that may open a subjectless statement of interest: "Still very interested in the role." */
const OPENERS = new Set(['still', 'very', 'really', 'truly', 'genuinely', 'so', 'even', 'more', 'most', 'all', 'remain', 'remaining', 'always', 'and', 'but', 'now', 'quite', 'incredibly', 'extremely', 'highly', 'deeply', 'sincerely']);

function onlyOpenersBefore(sentence: BodySentence, at: number): boolean {
  for (let i = 0; i < at; i++) if (!OPENERS.has(sentence.words[i].lower)) return false;
  return true;
}

/** Whether someone else is the subject inside the match ("I hope you will be…"). */
function otherPersonInside(sentence: BodySentence, m: PhraseMatch): boolean {
  for (let i = m.from; i < m.to; i++) if (OTHER_PERSON.has(sentence.words[i].lower)) return true;
  return false;
}

function firstPersonBefore(sentence: BodySentence, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - SUBJECT_REACH); i--) {
    const w = sentence.words[i].lower;
    if (FIRST_PERSON.has(w)) return true;
    if (OTHER_PERSON.has(w)) return false;
  }
  return false;
}

function accepted(note: Note, sentence: BodySentence, m: PhraseMatch, inside = true): boolean {
  return !isNegated(note.text, sentence, m.from, m.to, { inside });
}

/** Whether the sentence says the writer still wants the job. */
export function expressesInterest(note: Note, sentence: BodySentence): boolean {
  const ids = wordIdsOf(sentence.words);
  for (let i = 0; i < ids.length; i++) if (FADING_IDS.has(ids[i])) return false;
  for (const m of findPhrases(sentence, NEGATIVE_FORM)) {
    if (firstPersonBefore(sentence, m.from) && accepted(note, sentence, m, false)) return true;
  }
  for (const m of findPhrases(sentence, STATEMENTS)) {
    if (accepted(note, sentence, m)) return true;
  }
  for (const m of findPhrases(sentence, WANTING)) {
    if (writerIsSubject(sentence, m.from) && !otherPersonInside(sentence, m) && accepted(note, sentence, m)) return true;
  }
  for (const m of findPhrases(sentence, FEELINGS)) {
    // A feeling needs the writer in the sentence: "Excited about the role" alone is fine, "The team is excited" is not.
    if (writerIsSubject(sentence, m.from) && (firstPersonBefore(sentence, m.from) || onlyOpenersBefore(sentence, m.from)) && accepted(note, sentence, m)) return true;
  }
  return false;
}

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
    if (sentences.length === 0) return;
    // From the end: a note says it most often in its closing lines, and any one sentence will do.
    for (let i = sentences.length - 1; i >= 0; i--) if (expressesInterest(note, sentences[i])) return;
    const paragraphs = byParagraph(sentences);
    const closing = paragraphs[paragraphs.length - 1];
    const { role, company } = note.frontMatter;
    const what = role ? `the ${role} role` : company ? `the job at ${company}` : 'the job';
    report({
      start: closing[0].start,
      end: closing[closing.length - 1].end,
      message: `The note never says you still want ${what}; add a sentence that says so plainly.`,
      fixes: [sectionFix('Insert a sentence of interest', insertParagraph(note, 'before-closing', interestText(note)))],
    });
  },
);
