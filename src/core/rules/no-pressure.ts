import { SCENARIOS, type Scenario } from '../note';
import { defineRule } from '../rule';
import { firstGroupMatch, ownSentences, type PhraseGroup } from '../lexicon/scenario-support';
import { readNote, type SentenceReading } from '../language/index';
import { findPhrase } from '../phrases';

/**
 * Pressing the reader for a decision, a date or a meeting. Not in the
 * `new-information` scenario, where a real deadline (another offer with an
 * expiry date) is exactly what the note is for.
 *
 * Every phrase puts the pressure on *them*: a demand ("I expect", "I need"),
 * an imperative ("let me know", "get back to me", "please respond") or a
 * proposal for a meeting ("let's set up a call"). A date on its own never
 * fires: "you expect to decide by Friday" restates their timeline, and
 * "I can send the samples by Friday" is the writer's promise.
 *
 * The language layer adds what the phrase groups cannot list: any request
 * with a deadline or a hurry word in its clause ("could you confirm the
 * offer by Friday"), chasing (several unanswered messages, "I'll call you"),
 * and the writer's availability tied to a time or the next round ("I'm free
 * Tuesday or Wednesday for the next interview").
 */

type Kind = 'decision' | 'deadline' | 'meeting' | 'urgency' | 'chasing' | 'ultimatum';

/** Words that can follow "by" / "before" to make a deadline. Bare "the" is left out ("a decision by the committee"). */
const WHEN =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|noon|midday|eod|cob|next|this|january|february|march|april|june|july|august|september|october|november|december|0*|1*|2*|3*|4*|5*|6*|7*|8*|9*';

/** Deadlines: "by Friday", "before the end of the week", "no later than", "within 48 hours". */
const DEADLINES = [
  `by|before ${WHEN}`,
  'by|before the? end|close of',
  'by|before the 0*|1*|2*|3*|4*|5*|6*|7*|8*|9*|first|second|third|fourth|fifth|tenth|fifteenth|twentieth|thirtieth',
  'no later than',
  'within a|an|one|two|three|four|five|the|24|48|72|0*|1*|2*|3*|4*|5*|6*|7*|8*|9* ... hour*|day*|week*',
];
/** Only straight after a request: "let me know next week". After a gap it is often logistics ("let me know what works next week"). */
const SOON = ['this|next week'];

/** Hurry words: "asap", "right away". Only ever matched right after a request, never alone ("I can start right away"). */
const URGENT = ['asap', 'as soon as possible', 'as soon as you can', 'right away', 'immediately', 'urgently', 'promptly', 'quickly', 'at once', 'today', 'tonight'];

/** Requests aimed at the reader: only these can carry a deadline or a hurry word. */
const REQUESTS = [
  'let me know',
  'let me know your|the decision|answer|verdict|outcome|response',
  'get back to me',
  'get back to me with a|an|your|the? decision|answer|response',
  'please respond|reply|answer|decide|confirm|write',
  'kindly respond|reply|answer|decide|confirm|let',
  'i need to know|hear',
];

const cross = (heads: readonly string[], tails: readonly string[], gap = '') => heads.flatMap((h) => tails.map((t) => `${h} ${gap}${t}`));

const GROUPS: readonly PhraseGroup<Kind>[] = [
  {
    kind: 'decision',
    why: 'Demanding an answer or asking when the decision will come: the timeline is theirs, and asking for it bluntly reads as impatience.',
    phrases: [
      'i expect|need|want|require|demand to? hear back|from',
      'i expect|need|want|require|demand a|an|your|the answer|decision|response|reply|update|verdict',
      "i'd like|love a|an|your answer|decision|response|verdict",
      'i would like|love a|an|your answer|decision|response|verdict',
      'i need to know your|the decision|answer|outcome',
      'i need to know where i stand',
      'when will you make|reach|have a|your|the? decision',
      'when will you decide|let',
      'when will i hear|know|find',
      'when will a|the|your decision be',
      'when can i expect a|an|your|the decision|answer|offer|response|reply|verdict',
      'please decide',
      'please make|reach a|your decision',
    ],
  },
  {
    kind: 'deadline',
    why: 'A request with a deadline attached ("let me know by Friday"). "Let me know" and "get back to me" may have up to three words between the request and the deadline ("let me know your thoughts by Friday").',
    phrases: [...cross(['let me know', 'get back to me'], DEADLINES, '... '), ...cross(REQUESTS, [...DEADLINES, ...SOON])],
  },
  {
    kind: 'urgency',
    why: 'A request to hurry. The hurry word must follow the request directly, so "let me know and I will send it right away" is not a hit.',
    phrases: [
      ...cross(REQUESTS, URGENT),
      ...cross(['hear back', 'hear from you', 'hearing back', 'hearing from you', 'an answer', 'a decision', 'a response', 'a reply'], ['asap', 'as soon as possible', 'right away', 'immediately', 'urgently']),
      "i'd appreciate a|an|your? quick|prompt|speedy|swift|fast|immediate|urgent response|reply|answer|decision|turnaround",
      'would appreciate a|an|your? quick|prompt|speedy|swift|fast|immediate|urgent response|reply|answer|decision|turnaround',
      "this|it is urgent",
      "it's urgent",
    ],
  },
  {
    kind: 'meeting',
    why: 'Proposing the next meeting yourself. Offering to help ("happy to send anything else") and saying you would enjoy meeting the team are not hits.',
    phrases: [
      "i'd like|love to schedule|set|arrange|book|plan ... call|meeting|interview|chat|conversation|time|visit|coffee|lunch",
      'i would like|love to schedule|set|arrange|book|plan ... call|meeting|interview|chat|conversation|time|visit|coffee|lunch',
      'i want to schedule|set|arrange|book|plan ... call|meeting|interview|chat|conversation|time|visit',
      "let's schedule|set|arrange|book|plan|find|get ... call|meeting|interview|chat|time|coffee|lunch",
      'let us schedule|set|arrange|book|plan|find|get ... call|meeting|interview|chat|time|coffee|lunch',
      "let's meet|talk|speak|chat next|this|again|soon|tomorrow|monday|tuesday|wednesday|thursday|friday",
      'let us meet|talk|speak|chat next|this|again|soon|tomorrow|monday|tuesday|wednesday|thursday|friday',
      'can|could|shall we schedule|set|arrange|book|plan ... call|meeting|interview|chat|time',
      'can|could|shall we meet|talk|speak again|next|this|tomorrow|monday|tuesday|wednesday|thursday|friday',
      'when can we meet|talk|speak|schedule',
      "i'll call|phone|ring you|your? office? next|this|tomorrow|on|at|later|early|monday|tuesday|wednesday|thursday|friday",
      'i will call|phone|ring you|your? office? next|this|tomorrow|on|at|later|early|monday|tuesday|wednesday|thursday|friday',
    ],
  },
];

const MESSAGES: Record<Kind, string> = {
  decision: 'This sentence presses them for a decision; leave the timing to them and close by saying you look forward to hearing from them.',
  deadline: 'This sentence gives them a deadline; the hiring timeline is theirs to set, so close by saying you look forward to hearing from them.',
  urgency: 'This sentence asks them to hurry; a rushed request reads as pressure, so let them reply in their own time.',
  meeting: 'This sentence pushes for another meeting; let them propose the next step, and offer to send anything that would help instead.',
  chasing: 'This sentence chases them for an answer; one polite check-in is enough, so let them reply in their own time.',
  ultimatum: 'This sentence sets an ultimatum; say what you need plainly and leave the decision with them.',
};

/**
 * The next round, or slots for it: availability offered for these pushes the
 * process on. Bare times are left out: "my availability is below" may answer
 * their own request for a call.
 */
const NEXT_ROUND = ['next steps|step|round|interview|call|meeting', 'a|the|another follow-up|second|final|next', '{time slots|time slot|dates|slots}'];

/** What the writer will do when they get no answer: "I'll accept the other offer", "I will assume…", "I'll withdraw". */
const THREATS: ReadonlySet<string> = new Set(['accept', 'take', 'assume', 'withdraw', 'go', 'move', 'pursue', 'look', 'sign', 'consider', 'have', 'need', 'decline']);

/** The kind of pressure the language layer reads in a sentence, or undefined. */
function layerKind(reading: SentenceReading): Kind | undefined {
  // "If I don't hear by then, I'll take the other offer": a negated condition and the writer's move.
  const negatedCondition = reading.clauses.some((c) => c.conditional && c.negated);
  const words = reading.sentence.words;
  const threat = reading.clauses.some((c) => !c.conditional && c.cues.some((cue) => cue.act === 'commitment' && THREATS.has(words[cue.to - 1]?.lower ?? '')));
  if (negatedCondition && threat) return 'ultimatum';
  for (const clause of reading.clauses) {
    if (clause.acts.has('request') && !clause.conditional && (clause.acts.has('deadline') || clause.acts.has('urgency'))) return 'deadline';
    if (clause.acts.has('chasing')) return 'chasing';
    if (clause.acts.has('availability') && findPhrase(reading.sentence, NEXT_ROUND)) return 'meeting';
  }
  return undefined;
}

/** Every scenario but `new-information`, where a real deadline is the point of the note. */
const APPLIES_TO: readonly Scenario[] = SCENARIOS.filter((s) => s !== 'new-information');

export default defineRule(
  {
    id: 'no-pressure',
    description: 'The note does not press them for a decision, a deadline or another meeting',
    severity: 'info',
    fixable: false,
    scenarios: APPLIES_TO,
    tags: ['red-flag', 'tone'],
    sources: ['003', '001'],
  },
  ({ note, report }) => {
    const matched = new Set<number>();
    for (const sentence of ownSentences(note)) {
      const match = firstGroupMatch(sentence, GROUPS);
      if (!match) continue;
      matched.add(sentence.start);
      report({ start: match.start, end: match.end, message: MESSAGES[match.kind] });
    }
    for (const reading of readNote(note).sentences) {
      if (matched.has(reading.sentence.original.start)) continue;
      const kind = layerKind(reading);
      if (kind) report({ start: reading.sentence.start, end: reading.sentence.end, message: MESSAGES[kind] });
    }
  },
);
