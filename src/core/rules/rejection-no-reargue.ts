import type { Scenario } from '../note';
import { defineRule, removalFix, type Fix } from '../rule';
import { keepInMindText } from '../sections';
import { KEEP_IN_MIND_GROUPS } from '../lexicon/scenario-keep-in-mind';
import { firstGroupMatch, ownSentences, type GroupMatch, type PhraseGroup } from '../lexicon/scenario-support';
import { readNote, type SentenceReading } from '../language/index';

/**
 * After a rejection: asking them to reconsider, questioning the decision, or
 * comparing yourself with the person they hired.
 *
 * Two tiers. The explicit patterns ("please reconsider", "you made a
 * mistake", "more qualified than the person you hired") fire in
 * after-rejection, check-in and champion. The softer ones ("take another look
 * at my application", "I was surprised by the decision", "the committee
 * overlooked my…") stay quiet in `champion`, where handing an insider the
 * facts the committee may have missed is the point of the note; and "still
 * be considered for this role" fires only after a rejection, since in a
 * status check-in before any decision it is an ordinary question.
 *
 * After a rejection, the language layer also reads what a sentence does: a
 * request to revisit the decision (its reconsider act, whatever the wording),
 * refusing the decision, and re-arguing fit (an opinion and a fit claim in one
 * sentence, not aimed at future roles).
 */

type Kind = 'reconsider' | 'question' | 'compare' | 'argue';

interface Group extends PhraseGroup<Kind> {
  scenarios: readonly Scenario[];
}

const ALL: readonly Scenario[] = ['after-rejection', 'check-in', 'champion'];
const NOT_CHAMPION: readonly Scenario[] = ['after-rejection', 'check-in'];

/** Subjects that stand for the people who decided. */
const DECIDERS = "you|you've|you're|you'd|you'll|they|they've|they're|team|committee|panel|company|management|leadership";

/** What may follow "than" when the comparison is with the hire ("than the person you hired"), not with oneself ("than I expected", "than me"). */
const THEM = 'the|whoever|they|them|him|her|anyone|someone|your|those|other|others|she|he|that';

const GROUPS: readonly Group[] = [
  {
    kind: 'reconsider',
    scenarios: ALL,
    why: 'Asking them, in so many words, to reverse the decision.',
    phrases: [
      'please reconsider*|rethink|revisit|reverse|overturn',
      `${DECIDERS} ... reconsider*|rethink*|overturn*`,
      'willing|open|able to reconsider*|rethink*|revisit*|reverse|overturn',
      'reconsider*|rethink*|revisit*|reverse|reversing|overturn* my|the|your|this application|candidacy|decision|rejection',
      'change* your|their mind*',
      'change|changing the|your|this decision',
    ],
    negatable: 'before',
  },
  {
    kind: 'reconsider',
    scenarios: NOT_CHAMPION,
    why: 'Softer requests for a second chance. An insider may fairly be asked to pass facts on (champion), so these stay quiet there.',
    phrases: [
      'another|second|fresh|closer look at my|the application|candidacy|resume|résumé|background|qualifications|experience|portfolio',
      'is|was the|your|this decision final',
      'decision is|was really? final',
    ],
    negatable: true,
  },
  {
    kind: 'reconsider',
    scenarios: ['after-rejection'],
    why: 'Asking to stay in the running for the role that was just filled. (In a check-in before any decision, it is an ordinary status question.)',
    phrases: ['still be considered for this|the role|position|job|opening'],
    negatable: true,
  },
  {
    kind: 'question',
    scenarios: ALL,
    why: 'Saying the decision cannot be understood. (These carry their own negation, so no negation guard.)',
    phrases: [
      "i don't|can't|cannot understand|see|get|comprehend why|how",
      'i do not understand|see|comprehend why|how',
      "i still|really|honestly|truly|just don't|can't understand|see|comprehend why|how",
      "i don't|can't|cannot understand|comprehend the|your|this decision|reasoning|choice|rationale",
      'i fail|struggle to understand|see why|how',
    ],
  },
  {
    kind: 'question',
    scenarios: ALL,
    why: 'Saying the decision was a mistake, or that the job was owed to you.',
    phrases: [
      `${DECIDERS} may|might|must|probably|clearly|definitely|really|have|are|were? have? made|making|make ... mistake*|error|misjudg*`,
      `${DECIDERS} may|might|must|probably|clearly|definitely|really|have|are|were? have? made|making|make ... wrong|bad|poor decision|choice|call`,
      'decision|choice was|is|seems|feels ... mistake|wrong|unfair|premature|hasty|rushed|misguided|unjust|shortsighted',
      'i deserve|deserved the|this|that|an? job|role|position|offer|spot',
      'i deserve|deserved better|it',
      'i should have been chosen|selected|hired|offered|picked',
      "i should've been chosen|selected|hired|offered|picked",
      'i should have gotten|got|received the|this|an? job|role|position|offer',
      "i should've gotten|got|received the|this|an? job|role|position|offer",
    ],
    negatable: true,
  },
  {
    kind: 'question',
    scenarios: NOT_CHAMPION,
    why: 'Surprise at the outcome and "you overlooked my…": questioning, but also how one gives an insider facts, so not in champion.',
    phrases: [
      'surprised|shocked|stunned|puzzled|baffled|floored by|at? the|this|your decision|outcome|rejection',
      "surprised|shocked|stunned|puzzled|baffled|floored ... didn't|wasn't|weren't",
      'surprised|shocked|stunned|puzzled|baffled|floored ... was|were not',
      `${DECIDERS} may|might|probably? have? overlooked|underestimated|misjudged|misread|ignored|dismissed|discounted|undervalued my|me`,
      `${DECIDERS} didn't fully|really? consider|recognize|appreciate|weigh|notice my`,
      `${DECIDERS} did not fully|really? consider|recognize|appreciate|weigh|notice my`,
    ],
    negatable: 'before',
  },
  {
    kind: 'compare',
    scenarios: ALL,
    why: 'Setting yourself against the person they hired.',
    phrases: [
      `more|better|stronger ... qualified|suited|experienced|fit|candidate|choice|match|option|skilled|capable|experience|skills|job|work than ${THEM}`,
      `as|equally qualified|experienced|capable|suited|skilled as ${THEM}`,
    ],
    negatable: true,
  },
];

/** Words just before a reconsider verb that make the writer the one reconsidering ("I have reconsidered the decision to relocate"). */
const WRITER_AS_SUBJECT = ['i', "i've", "i'd", 'have', 'had', 'we', "we've"];
const RECONSIDER_VERB = /^(reconsider|rethink|revisit|revers|overturn|chang)/;

const MESSAGES: Record<Kind, string> = {
  reconsider: 'This sentence asks them to reverse their decision; accept it graciously and ask to be kept in mind for future roles instead.',
  question: 'This sentence questions their decision, which rarely changes a hiring outcome; thank them and ask to be kept in mind for future roles instead.',
  compare: 'This sentence compares you with the person they hired; leave the other candidate out and ask to be kept in mind for future roles instead.',
  argue: 'This sentence argues that you fit the role they have just filled; accept the decision and ask to be kept in mind for future roles instead.',
};

const CHAMPION_MESSAGES: Record<Kind, string> = {
  reconsider: 'This sentence asks for the decision to be reversed; give your contact the facts about your work and leave the asking to them.',
  question: 'This sentence says the decision was wrong; give your contact the facts about your work instead of judging the decision.',
  compare: 'This sentence compares you with the person they hired; give your contact the facts about your own work instead.',
  argue: 'This sentence argues that you fit the role; give your contact the facts about your work and let them make the case.',
};

/** Words that point a fit claim at later openings, which is what a note after a rejection should do. */
const FUTURE_ROLES: ReadonlySet<string> = new Set(['future', 'next', 'other', 'another', 'again', 'later', 'opening', 'openings', 'opportunities', 'roles']);

/** The kind of re-argument the language layer reads in a sentence after a rejection, or undefined. */
function layerKind(reading: SentenceReading): Kind | undefined {
  if (reading.acts.has('reconsider')) return 'reconsider';
  if (reading.acts.has('refusal')) return 'question';
  if (reading.acts.has('argument') && reading.acts.has('fit-claim') && !reading.sentence.words.some((w) => FUTURE_ROLES.has(w.lower))) return 'argue';
  return undefined;
}

export default defineRule(
  {
    id: 'rejection-no-reargue',
    description: 'After a rejection, the note does not ask them to reconsider, question the decision or compare you with the hire',
    severity: 'warning',
    fixable: true,
    scenarios: ALL,
    tags: ['scenario', 'tone'],
    sources: ['000', '004'],
  },
  ({ note, report }) => {
    const scenario = note.frontMatter.scenario;
    const groups = GROUPS.filter((g) => g.scenarios.includes(scenario));
    const accept = (m: GroupMatch<Kind>) =>
      m.from === 0 || !RECONSIDER_VERB.test(m.sentence.words[m.from].lower) || !WRITER_AS_SUBJECT.includes(m.sentence.words[m.from - 1].lower);
    const sentences = ownSentences(note);
    const hits = sentences.flatMap((s) => {
      const m = firstGroupMatch(s, groups, accept);
      return m ? [m] : [];
    });
    if (scenario === 'after-rejection') {
      const matched = new Set(hits.map((h) => h.sentence));
      for (const reading of readNote(note).sentences) {
        const original = reading.sentence.original;
        if (matched.has(original)) continue;
        const kind = layerKind(reading);
        if (!kind) continue;
        hits.push({ kind, sentence: original, phrase: kind, from: 0, to: reading.sentence.words.length, start: reading.sentence.start, end: reading.sentence.end });
      }
      hits.sort((a, b) => a.start - b.start);
    }
    if (!hits.length) return;
    const flagged = new Set(hits.map((h) => h.sentence));
    // Is there already a keep-me-in-mind sentence the writer keeps? Then removing is the better first fix.
    const keptElsewhere = sentences.some((s) => !flagged.has(s) && firstGroupMatch(s, KEEP_IN_MIND_GROUPS) !== undefined);
    const keepText = keepInMindText(note).text;
    const messages = scenario === 'champion' ? CHAMPION_MESSAGES : MESSAGES;
    for (const hit of hits) {
      const span = { start: hit.sentence.start, end: hit.sentence.end };
      const replace: Fix = {
        title: 'Replace the sentence with a keep-me-in-mind sentence',
        kind: 'fix',
        safe: false,
        edits: [{ start: span.start, end: span.end, newText: keepText }],
      };
      const remove = removalFix('Remove the sentence', note.text, span, false);
      const fixes = scenario === 'champion' || keptElsewhere ? [remove, replace] : [replace, remove];
      report({ start: hit.start, end: hit.end, message: messages[hit.kind], fixes });
    }
  },
);
