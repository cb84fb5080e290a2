/**
 * Need: the writer speaking from need rather than from interest. A coach hears
 * it in a few ways, whatever the words:
 *
 * - saying you need the job itself ("I badly need this one");
 * - putting your fate in the reader's hands ("you are my only chance", "it
 *   would mean the world to me", "I have no idea what I'll do otherwise");
 * - pleading ("please don't forget me", "please, please", "I'm begging");
 * - taking any terms ("I'll work any hours", "whatever it takes", "I'd do it
 *   for free");
 * - distress about the outcome ("I've been so anxious I can't sleep", "I keep
 *   refreshing my inbox");
 * - leaning on money trouble ("my savings are nearly gone", "the bills keep
 *   coming"), or on unemployment together with a hardship word.
 *
 * Each way is a cue (the shared phrase matcher) plus a condition on the clause
 * the language layer found: the writer speaks (not "you need…", "if you
 * need…"), the clause is not negated ("I'm not desperate"), not a condition.
 */
import { findPhrases, type PhraseMatch } from '../phrases';
import type { ClauseReading, SentenceReading } from './index';
import { negatedAt, negatedSpan } from './negation';
import { WRITER_WORDS } from './word-classes';

export type NeedKind = 'need' | 'escape' | 'stakes' | 'plea' | 'any-terms' | 'distress' | 'hardship';

export interface NeedCue extends PhraseMatch {
  kind: NeedKind;
}

/** What each kind is called in a message ("… says you need the job"). */
export const NEED_LABELS: Readonly<Record<NeedKind, string>> = {
  need: 'says you need the job',
  escape: 'says you need this job to get away from your current one',
  stakes: 'puts your fate in their hands',
  plea: 'pleads with the reader',
  'any-terms': 'offers to take any terms',
  distress: 'tells them how anxious you are about the outcome',
  hardship: 'leans on your money troubles',
};

/**
 * Clause features the ways below are built from: the writer's act (need,
 * hope, plea, waiting, taking terms) and its intensity (badly, any, all
 * weekend), each a word class, so a way is "act + object + intensity"
 * rather than one phrase per note.
 */
const NEED_ACT = ['need|needs|needed|must|desperate|desperately|dying|longing', '{have to|has to|got to|have got to}'];
/** The current job as something to get away from. */
const CURRENT_JOB = 'job|workplace|boss|manager|employer|company|situation|office|team';
/** Getting away, not merely leaving ("I need to leave by Friday" is practical). */
const LEAVING = '{get out|get away|break free|escape|escaping|flee|fleeing|break out}';
const BAD = 'miserable|toxic|unbearable|awful|terrible|horrible|hell|nightmare|draining|soul-crushing|dead-end';
/** Where someone watches for the answer. */
const WATCHED = 'phone|phones|inbox|email|emails|messages|voicemail|notifications|mail';
/** How long or how hard: intensity that turns waiting into vigil. */
const VIGIL = '{all weekend|all night|all day|all evening|every hour|every minute|around the clock|day and night|nonstop|constantly}';
/** Terms the writer offers to take whatever they are. */
const TERMS = 'salary|pay|rate|terms|offer|wage|wages|conditions|contract|title';

/** The job itself as the object of a need: "need this job", "need this one", "need the work". */
const JOB = 'job|position|role|opportunity|offer|one|work|chance|break|income|paycheck|paycheque';

interface Way {
  kind: NeedKind;
  /** Cue patterns (phrases.ts syntax). */
  cues: readonly string[];
  /**
   * Who must speak: 'writer' — the writer's own voice in the clause before the
   * cue ("I", "my"), so "our customers were desperate" is not the writer's
   * distress; 'anyone' — the cue itself says who (a plea, "my last hope").
   */
  speaker: 'writer' | 'anyone';
  /** A negator is part of the cue ("please don't forget me", "can't sleep"): only one right before it counts. */
  ownNegator?: boolean;
  /** Counts only with a hardship word later in the sentence (unemployment said plainly is fine). */
  withHardship?: boolean;
  /** Words right after the cue that make it something else ("I need a role with more ownership": a preference). */
  notBefore?: ReadonlySet<string>;
}

const PREFERENCE = new Set(['with', 'that', 'where', 'which', 'who', 'offering', 'in', 'at', 'like', 'closer', 'nearer', 'done', 'filled', 'to']);

const WAYS: readonly Way[] = [
  {
    kind: 'need',
    // "I really need this job", "I need the work": the verb of need with the job as its object.
    cues: [`need|needs|needed this|the|that|a ${JOB}`, `need|needs|needed this|the|that * ${JOB}`, `need|needed to get|land|win|secure this|the|a ${JOB}`],
    speaker: 'writer',
    notBefore: PREFERENCE,
  },
  {
    kind: 'escape',
    // "I need to get out of my current job", "I have to escape that place": a need act with leaving the job as its object.
    cues: [
      ...NEED_ACT.map((act) => `${act} to? ... ${LEAVING} of|from? my|this|the|that current|present? ${CURRENT_JOB}`),
      `my current|present ${CURRENT_JOB} is|has|feels ... ${BAD}`,
      `${BAD} ... at? my current|present ${CURRENT_JOB}`,
      `can't|cannot|couldn't stand|take|bear|survive|face another|one ... day|week|month|year|minute`,
    ],
    speaker: 'writer',
    ownNegator: true,
  },
  {
    kind: 'stakes',
    cues: [
      // The reader or the job as the writer's rescue: "you are my lifeline", "this role is my way out".
      'you|this|it|role|job|position|offer are|is|would|be ... my only|last? lifeline|salvation|rescue|hope',
      'a|my lifeline|salvation for|to me',
      'my only|last|one|best hope',
      'my lifeline|salvation',
      'my last|only|final hope|lifeline',
      'my last|only|final chance|option|shot at|for? a|this|the? job|work|role|position',
      'you are|were my last|only|final',
      "you're my last|only|final",
      'mean|means|meant everything|the world to me',
      'would mean everything|the world',
      "don't|dont know what i'll|i|i'd|ill ... do",
      "no idea what i'll|i|i'd|ill ... do",
      'nowhere else to turn|go',
      "can't|cannot afford to lose|miss this|the",
      'my life on hold',
    ],
    speaker: 'anyone',
    ownNegator: true,
  },
  {
    kind: 'plea',
    cues: [
      'please please',
      "please don't|dont forget|overlook|ignore|dismiss|abandon ... me",
      'please do not forget|overlook|ignore|dismiss|abandon ... me',
      'please just? give me|us a|one|another? chance|shot|try|break',
      'please hire|pick|choose|select me',
      'i beg you|of',
      "i'm|i am|im begging",
      'beseech|implore you',
      "you won't|wont regret",
      'you will not regret',
      'one more chance',
      // Begging for a yes: "please just say yes", "I'm pleading for a yes".
      'please|just ... say yes',
      'please|just ... give me a|your? yes',
      'beg|begging|plead|pleading ... for a|your? yes|chance|job|this|break',
      'all i need|want|ask is|for a|your? yes',
      'just give me a|one chance|shot|break',
    ],
    speaker: 'anyone',
    ownNegator: true,
  },
  {
    kind: 'any-terms',
    cues: [
      'take|accept|work|do any|every shift|shifts|schedule|hours|salary|pay|position|role|job|title|terms|task|opening',
      'any job|position|role|opening|opportunity at all',
      "i'll|i'd|ill|id do anything|whatever",
      'i will|would do anything|whatever',
      'whatever it takes',
      'work|shadow|intern for free|nothing',
      'for no pay',
      // Whatever the terms: "I'll take whatever you offer", "any salary is fine".
      'whatever you offer|pay|propose',
      `any ${TERMS} ... is|are|would|will be? fine|ok|okay|acceptable`,
      `on|under any ${TERMS}`,
      `no matter the|what ${TERMS}`,
      `whatever the? ${TERMS}`,
    ],
    speaker: 'writer',
  },
  {
    kind: 'distress',
    cues: [
      'desperate|desperately|anxious|panicking|panicked|frantic|distraught|sleepless',
      "can't|cannot|barely|hardly|couldn't sleep|eat",
      'losing|lost sleep',
      'nervous wreck',
      'praying for|that|you',
      // Promising a vigil: "I'll be by the phone all weekend", "watching my messages every hour".
      `waiting|wait|sitting|sit|glued by|next|to|at the|my ${WATCHED}`,
      `watch|watching|check|checking|refresh|refreshing|monitor|monitoring my|the ${WATCHED} ... ${VIGIL}`,
      `keep|keeping my ${WATCHED} on|close|with|in|by|near ... ${VIGIL}`,
      'keep|kept|been|constantly|obsessively refreshing|checking ... email|emails|inbox|phone|mail',
      'checking|refreshing ... email|emails|inbox|phone|mail ... constantly|nonstop|obsessively|every',
    ],
    speaker: 'writer',
    ownNegator: true,
  },
  {
    kind: 'hardship',
    cues: [
      'bills|debt|debts|mortgage|rent|savings ... piling|mounting|overdue|dwindling|gone|helping|keep|keeps|running',
      'behind on|with my? bills|rent|mortgage|payments',
      'make ends meet',
      'food on the table',
      'start|begin bringing|earning ... paycheck|paycheque|money|income',
    ],
    speaker: 'writer',
  },
  {
    kind: 'hardship',
    cues: [
      "i've|ive been unemployed|jobless",
      'i have been unemployed|jobless',
      "i've|ive been out of work",
      'i have been out of work',
      "i'm|i am|im still? unemployed|jobless",
      "i'm|im still? out of work",
    ],
    speaker: 'writer',
    withHardship: true,
  },
];

/** Unemployment stated plainly is fine ("out of work since March, and I used it to finish a course"); with one of these it pleads. */
const HARDSHIP_WORDS = new Set(['bills', 'rent', 'mortgage', 'savings', 'afford', 'broke', 'struggling', 'struggle', 'desperate', 'desperately', 'need', 'please', 'tough', 'scary', 'depressing', 'debt']);

function speakerFits(way: Way, reading: SentenceReading, clause: ClauseReading, m: PhraseMatch): boolean {
  if (clause.conditional) return false;
  if (way.speaker === 'anyone') return true;
  const words = reading.sentence.words;
  for (let i = clause.from; i <= m.from && i < words.length; i++) {
    const w = words[i].lower;
    if (WRITER_WORDS.has(w)) return true;
    // "you need the job done": someone else speaks first.
    if (w === 'you' || w === 'they' || w === 'he' || w === 'she' || w === 'we' || w === 'our' || w === 'your') return false;
  }
  // "Desperate for a yes at this point.": no subject at all, the writer's.
  return m.from === clause.from && clause.subject === undefined;
}

/**
 * The first way of need the sentence speaks in, or undefined. A cue counts in
 * a clause that is not a condition, not negated, and (for the writer's own
 * need) spoken by the writer.
 */
export function needIn(reading: SentenceReading): NeedCue | undefined {
  const sentence = reading.sentence;
  const words = sentence.words;
  for (const way of WAYS) {
    for (const m of findPhrases(sentence, way.cues)) {
      const clause = reading.clauses.find((c) => m.from >= c.from && m.from < c.to);
      if (!clause || !speakerFits(way, reading, clause, m)) continue;
      // Where the negator is part of the cue, only one within two words before it counts ("I'm not desperate").
      if (way.ownNegator ? negatedAt(words, m.from, clause.from, 2) : negatedSpan(words, m.from, m.to, clause.from)) continue;
      if (way.notBefore?.has(words[m.to]?.lower ?? '')) continue;
      if (way.withHardship && !words.some((w, i) => i >= m.to && HARDSHIP_WORDS.has(w.lower))) continue;
      return { ...m, kind: way.kind };
    }
  }
  return undefined;
}
