/**
 * The act "states interest": a sentence in which the writer says, in any of
 * the ways people actually put it, that they still want the job. A coach does
 * not ask for one fixed phrase; any of these carries it:
 *
 * - a wish or a feeling the writer has about the job: "I remain keen on the
 *   role", "my desire to pursue a position with you", "I'd welcome the
 *   chance to take this further";
 * - the writer pictured in the job: "I would be a strong addition to the
 *   crew", "my background would make me a useful member of your team",
 *   "I could help you open the second site";
 * - a good word for the job as the writer's place: "the studio feels like the
 *   right fit for me", "it sounds like a wonderful place to work";
 * - wanting the process to go on: "I'm available for the next round",
 *   "I'd be glad to keep moving forward".
 *
 * The writer has to be the one who wants it ("the team is excited about the
 * launch", "I hope you're pleased" do not count), the wish must not be negated
 * ("I'm not sure I'm interested") and the sentence must not take interest back
 * ("my interest has faded"). "I look forward to hearing from you" alone is
 * politeness, not interest.
 *
 * Linear in the sentence's length; uses the shared phrase matcher, the
 * layer's clauses and its one negation model.
 */
import type { Note } from '../note';
import { findPhrases, WordSet, wordIdsOf, type PhraseMatch } from '../phrases';
import { perNote } from '../memo';
import { clauseAt, readNote, type SentenceReading } from './index';
import { negatedAt, negatedSpan } from './negation';
import type { BodySentence } from './sentences';

/** Feelings and wishes, as adjectives or nouns. They count only when the writer is the one who has them. */
const FEELINGS = [
  'interested|interest|excited|excitement|enthusiastic|enthusiasm|thrilled|eager|eagerness|keen|energized|energised|motivated|passionate|desire|desirous|committed|drawn',
];

/** Wanting the job or a part in it: a verb of wishing before a verb of doing (within a few words). Same writer check. */
const WANTING = [
  'love|like|welcome|want|wanted|wish|hope|hoping|eager|keen|ready|thrilled|delighted|honored|honoured|proud|excited|glad|happy|prepared|able ... join|joining|contribute|contributing|bring|work|working|start|starting|build|grow|be|continue|continuing|keep|move|help|helping|pursue|pursuing|serve|support|apply|lead|tackle|become|discuss',
  'want|wanted|hope|hoping|need|needed this|the|that role|job|position|opportunity|offer|one|chance',
  'love|loved|adore|adored the|your team|company|role|position|job|work|culture|mission|vision|product|plans|studio|crew',
  'delighted|happy|glad|pleased|thrilled|honored|honoured|excited ... accept|accepting',
  'welcome|appreciate|value the|an|any? opportunity|chance|possibility',
  'pursue|pursuing ... position|role|job|opportunity|career|this|it',
  // A plain wish with a modal: "I would really like the job", "I'd so love this role".
  "would|i'd|id ... like|love the|this|that|your ... job|role|position|opportunity|offer|chance|post",
  // Hope to be the one picked: "I hope to be selected", "hoping I'm chosen".
  'hope|hoping|hoped ... chosen|selected|picked|considered',
  // Happiness about an offer: "so pleased about the offer", "delighted to get your offer".
  'delighted|happy|glad|pleased|thrilled|honored|honoured|excited ... offer',
];

/** The writer pictured in the job: a conditional or future "I" doing the work or being part of the team. */
const PICTURED = [
  'i would|could|will|can be|become ... asset|addition|contributor|member|fit|match|colleague|teammate|hire|part',
  "i'd|i'll be|become ... asset|addition|contributor|member|fit|match|colleague|teammate|hire|part",
  'make|makes me|myself a|an ... asset|addition|contributor|member|fit|match|candidate|colleague|teammate',
  'i would|could|will|can bring|contribute|help|deliver',
  "i'd|i'll bring|contribute|help|deliver",
];

/** A good word for the job, the team or the fit, as the place for the writer. */
const GOOD_PLACE = [
  'great|good|perfect|ideal|excellent|strong|natural|right|wonderful|fantastic|terrific fit|match|place|environment',
  'right|natural|ideal|logical|perfect next? step|move',
  'place to work|grow|build|learn|be',
];

/** Wanting the process to go on: next steps, the next round, moving forward. */
const NEXT_STEPS = [
  'next step|steps|round|stage|stages|phase|conversation|interview',
  'moving|move|go|going forward|ahead',
  'further conversation|conversations|discussion|discussions',
];

/** Statements that carry the wish outright; no writer check needed. */
const STATEMENTS = [
  'look|looking forward to ... joining|working|contributing|continuing|being|discussing|possibility|opportunity|chance|prospect|next|starting|started|helping|learning|building',
  'my first|top|clear|number one? choice|pick|priority',
  'exactly|precisely|just ... ... looking|want|wanted|hoping|hope|hoped|seeking|grow|belong',
  'the one|role|job|position|opportunity|place i|i\'ve want|wanted|hoped|hope|would',
  'hope|hoping ... good news',
  'hit the ground running',
  'appeals|appealed|appealing to me',
  'excites|excited|energizes|energises|thrills|inspires|inspired|motivates|motivated|draws|drew me',
  'count me in',
  'sign me up',
];

/** A wish that used to be there ("I am no longer keen"): the negation model reads "no longer" as no negation, so it is looked for here. */
const NO_LONGER = ['no longer'];

/** Phrases whose own negation is the point ("I can't wait to start"): only a negation before them counts. */
const NEGATIVE_FORM = ["can't|cannot wait", "couldn't|could not? be more|happier"];

/** Interest taken back: the sentence withdraws, not states. */
const FADING = new WordSet(
  new Set(['faded', 'fading', 'waned', 'waning', 'cooled', 'diminished', 'decreased', 'lost', 'withdraw', 'withdrawing', 'withdrew', 'reconsidering', 'declining', 'decline']),
);

const FIRST_PERSON = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'myself', 'im']);
/** Someone else as the subject: "you are moving forward with…", "they seemed excited". */
const OTHER_SUBJECTS = new Set([
  'you', "you're", "you've", "you'd", "you'll", 'he', "he's", 'she', "she's", 'they', "they're", "they've", 'we', "we're", "we've", 'everyone', 'everybody', 'candidates', 'people',
]);
/** Someone else's feeling or thing: "your enthusiasm", "their next steps". */
const OTHER_OWNERS = new Set(['your', 'his', 'her', 'their', 'it', "it's", 'team', 'company']);

type Holder = 'writer' | 'subject' | 'owner';

/** How far back to look for the one who feels it (keeps the check linear on run-on sentences). */
const SUBJECT_REACH = 12;

/** Who the nearest person word before `at` names, undefined when there is none within reach. */
function holderBefore(sentence: BodySentence, at: number): Holder | undefined {
  for (let i = at - 1; i >= Math.max(0, at - SUBJECT_REACH); i--) {
    const w = sentence.words[i].lower;
    if (FIRST_PERSON.has(w)) return 'writer';
    if (OTHER_SUBJECTS.has(w)) return 'subject';
    if (OTHER_OWNERS.has(w)) return 'owner';
  }
  return undefined;
}

/** Whether someone other than the writer is the subject inside the match ("I hope you will be…"). */
function otherPersonInside(sentence: BodySentence, m: PhraseMatch): boolean {
  for (let i = m.from; i < m.to; i++) if (OTHER_SUBJECTS.has(sentence.words[i].lower)) return true;
  return false;
}

/** Words that may open a subjectless statement of interest: "Still very interested in the role." */
const OPENERS = new Set(['still', 'very', 'really', 'truly', 'genuinely', 'so', 'even', 'more', 'most', 'all', 'remain', 'remaining', 'always', 'and', 'but', 'now', 'quite', 'incredibly', 'extremely', 'highly', 'deeply', 'sincerely', 'definitely', 'certainly']);

function onlyOpenersBefore(sentence: BodySentence, at: number): boolean {
  for (let i = 0; i < at; i++) if (!OPENERS.has(sentence.words[i].lower)) return false;
  return true;
}

/** The layer's reading of each of the writer's sentences, by sentence. */
const readings: (note: Note) => ReadonlyMap<BodySentence, SentenceReading> = perNote((note) => new Map(readNote(note).sentences.map((r) => [r.sentence, r])));

/** Whether the wish matched at `m` is not negated within its clause (`inside`: a negator inside the match counts too). */
function affirmed(note: Note, sentence: BodySentence, m: PhraseMatch, inside = true): boolean {
  const reading = readings(note).get(sentence);
  const clauseFrom = (reading && clauseAt(reading, m.from)?.from) ?? 0;
  return inside ? !negatedSpan(sentence.words, m.from, m.to, clauseFrom) : !negatedAt(sentence.words, m.from, clauseFrom);
}

/** Whether the writer holds the wish matched at `m`: they are its nearest holder, or the sentence has no subject at all. */
function writerHolds(sentence: BodySentence, m: PhraseMatch): boolean {
  if (otherPersonInside(sentence, m)) return false;
  const holder = holderBefore(sentence, m.from);
  if (holder) return holder === 'writer';
  // "Still very interested in the role.": no holder, nothing but openers before it ("The crew seemed excited" has a subject).
  return onlyOpenersBefore(sentence, m.from);
}

/** Whether the sentence says the writer still wants the job. */
export function statesInterest(note: Note, sentence: BodySentence): boolean {
  const ids = wordIdsOf(sentence.words);
  for (let i = 0; i < ids.length; i++) if (FADING.has(ids[i])) return false;
  if (findPhrases(sentence, NO_LONGER).length > 0) return false;
  for (const m of findPhrases(sentence, NEGATIVE_FORM)) {
    if (holderBefore(sentence, m.from) === 'writer' && affirmed(note, sentence, m, false)) return true;
  }
  for (const m of findPhrases(sentence, STATEMENTS)) if (affirmed(note, sentence, m)) return true;
  for (const group of [WANTING, PICTURED, FEELINGS]) {
    for (const m of findPhrases(sentence, group)) if (writerHolds(sentence, m) && affirmed(note, sentence, m)) return true;
  }
  for (const group of [GOOD_PLACE, NEXT_STEPS]) {
    // "Your studio seems a great fit for me" counts; "you are moving forward with others" does not.
    for (const m of findPhrases(sentence, group)) if (holderBefore(sentence, m.from) !== 'subject' && affirmed(note, sentence, m)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Notes where wanting the job is not the point

/** The writer takes themself out: withdrawing, or having taken another job. */
const WITHDRAWING = [
  'withdraw|withdrawing|withdrew|remove|removing my|from ... application|candidacy|name|consideration|process|search',
  "i|i've|i'm withdraw|withdrawing|withdrew",
  'take|taking|took my name out|off',
  'accepted|accepting|accept|taken|took|taking another position|role|job|offer',
  'accepted|accepting|accept|taken|took|taking a different position|role|job|offer',
  'decline|declining the|your offer',
  'turn|turning|turned down the|your offer',
];

/** A reply to a rejection: the decision is already made. */
const REJECTION_REPLY = [
  'another|other|different|stronger candidate|candidates',
  'not been? selected|chosen',
  'your|the decision not to',
];

/** Advice, a coffee chat, an informational interview: no job is on the table. */
const NETWORKING = new Set(['informational', 'coffee', 'advice', 'networking', 'mentoring', 'mentorship', 'meetup']);

/** Words that put a job on the table. */
const APPLICATION = new Set(['role', 'roles', 'position', 'positions', 'job', 'jobs', 'opening', 'openings', 'vacancy', 'application', 'candidacy', 'offer', 'hiring', 'hire']);

/** Words that say the note follows an interview. */
const INTERVIEW = [
  'interview|interviews|interviewed|interviewing|interviewer|interviewers|panel',
  '{the|our|today\'s|yesterday\'s} call|conversation|meeting|chat|discussion',
  'speak|speaking|talk|talking|meet|meeting|chat|chatting with me',
];

/** Notes that are about something else even with an interview in them: a referral, an offer to answer, a contact's help. */
const OTHER_ERRAND = [
  'referral|referring|referred|introduction|introducing|recommendation',
  'passing|passed|forwarding|forwarded my name|resume|cv',
  'the|your|this|an|job offer',
  'offer of',
];

/** Asking for or pushing the hire: the note wants the job too much, not too little (no-arrogance and no-pressure speak to it). */
const PUSHING = [
  'hire|choose|pick|select me',
  'when can|do|should i start',
  'send|sending me the|an|your? offer|contract|paperwork',
  'expect|expecting an|the|your? offer',
  'make me an offer',
  'i am|i\'m|im the best|only|right|obvious|clear candidate|choice|person|hire',
  'my start date',
];

/**
 * Whether a note without a scenario in its front matter reads as a follow-up
 * to an interview for a role: its front matter names the role or the
 * interview date, or it speaks of an interview or a meeting with the writer,
 * and it is not about a referral or an offer. When unsure, it does not.
 */
function readsAsInterviewFollowUp(note: Note, sentences: readonly BodySentence[]): boolean {
  const scenarioGiven = note.frontMatterBlock.entries.some((e) => e.key === 'scenario');
  if (scenarioGiven) return true;
  // A role or an interview date in the front matter is the after-interview template (the default scenario).
  let interview = Boolean(note.frontMatter.interviewed ?? note.frontMatter.role);
  for (const sentence of sentences) {
    if (findPhrases(sentence, OTHER_ERRAND).length > 0) return false;
    if (findPhrases(sentence, INTERVIEW).length > 0) interview = true;
  }
  return interview;
}

/**
 * Whether the note is one where "say you still want the job" makes no sense,
 * so a rule asking for interest cannot decide: the writer withdraws or has
 * taken another job, replies to a rejection, pushes for the hire, thanks
 * someone for advice with no job in sight, or (with no scenario given) does
 * not read as an interview follow-up at all.
 */
export function interestDoesNotApply(note: Note, sentences: readonly BodySentence[]): boolean {
  if (!readsAsInterviewFollowUp(note, sentences)) return true;
  let networking = false;
  let application = Boolean(note.frontMatter.role);
  for (const sentence of sentences) {
    if (findPhrases(sentence, WITHDRAWING).some((m) => affirmed(note, sentence, m))) return true;
    if (findPhrases(sentence, REJECTION_REPLY).length > 0) return true;
    if (findPhrases(sentence, PUSHING).some((m) => affirmed(note, sentence, m))) return true;
    for (const w of sentence.words) {
      if (NETWORKING.has(w.lower)) networking = true;
      else if (APPLICATION.has(w.lower)) application = true;
    }
  }
  return networking && !application;
}
