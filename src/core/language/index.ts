/**
 * The language layer: what each of the writer's sentences says, as the
 * features a coach reads. Rules judge these features; none re-derives them.
 *
 * - sentences.ts: the writer's own sentences (the layout's body, no quotes);
 * - clauses.ts: clauses with their subject, negation, condition, sentiment;
 * - referents.ts: who a word stands for (writer, reader, third party, process);
 * - acts.ts: what a clause does (thanks, asks, requests, complains…);
 * - negation.ts, sentiment.ts, hedges.ts, word-classes.ts: the word-level models;
 * - specificity.ts: names, numbers, concrete words, topics.
 *
 * `readNote(note)` is computed once per Note model.
 */
import type { Note, Word } from '../note';
import { perNote } from '../memo';
import { nameWords } from '../lexicon/tone-match';
import { cuesOf, type Act, type Cue } from './acts';
import { clausesOf, type Clause } from './clauses';
import { isNegator, negatedAt, negatedSpan } from './negation';
import type { Referent } from './referents';
import { hasQuotes, insideQuotes, ownSentences, type BodySentence } from './sentences';
import { specificityContext, specificityOf, type Specificity } from './specificity';
import { INTENSIFIERS, isStretched } from './hedges';
import { COPULAS } from './word-classes';

export type { Act, Cue } from './acts';
export type { Clause } from './clauses';
export type { Referent } from './referents';
export type { Specificity } from './specificity';
export { ownSentences, insideQuotes, type BodySentence } from './sentences';
export { isNegator, negatedAt, negatedSpan } from './negation';
export { valence } from './sentiment';
export { HEDGES, INTENSIFIERS, isStretched } from './hedges';

export interface ClauseReading extends Clause {
  /** What the clause does. */
  readonly acts: ReadonlySet<Act>;
  /** The cues that made its acts, with their word positions in the sentence. */
  readonly cues: readonly Cue[];
}

/** Tone marks of a whole sentence. */
export type SentenceMark =
  /** Thanks or praise undercut: scare quotes, a stretched word, "obviously your…", "could have been better". */
  | 'sarcasm'
  /** The reader called names: "you are …" with a negative word after the verb. */
  | 'insult'
  /** The writer up and the reader down in one sentence ("I win, you lose"). */
  | 'gloat';

export interface SentenceReading {
  readonly sentence: BodySentence;
  readonly clauses: readonly ClauseReading[];
  /** Every act of its clauses. */
  readonly acts: ReadonlySet<Act>;
  readonly about: ReadonlySet<Referent>;
  readonly sentiment: number;
  readonly question: boolean;
  readonly marks: ReadonlySet<SentenceMark>;
  readonly specificity: Specificity;
}

export interface NoteReading {
  readonly sentences: readonly SentenceReading[];
}

export const readNote: (note: Note) => NoteReading = perNote((note) => {
  const company = new Set(nameWords(note.frontMatter.company));
  const context = specificityContext(note);
  const sentences = ownSentences(note).map((s) => readSentence(note.text, s, company, context));
  return { sentences };
});

/** The clause of a reading that holds word `i`. */
export function clauseAt(reading: SentenceReading, i: number): ClauseReading | undefined {
  return reading.clauses.find((c) => i >= c.from && i < c.to);
}

/** The first clause of the sentence that performs the act, or undefined. */
export function clauseWith(reading: SentenceReading, act: Act): ClauseReading | undefined {
  return reading.clauses.find((c) => c.acts.has(act));
}

/** The first cue of an act in the sentence that its clause kept, or undefined. */
export function cueOf(reading: SentenceReading, act: Act): Cue | undefined {
  for (const c of reading.clauses) for (const cue of c.cues) if (cue.act === act) return cue;
  return undefined;
}

/**
 * Whether the sentence asks the reader for something: a question, or a request
 * that is not the courtesy offer ("let me know if you need anything", "should
 * questions come up, let me know").
 */
export function asksSomething(reading: SentenceReading): boolean {
  if (reading.acts.has('question')) return true;
  if (reading.clauses.some((c) => c.conditional)) return false;
  return reading.clauses.some((c) => c.acts.has('request') && !c.acts.has('pleasantry'));
}

/** Words after a reader-aimed modal that make it news or courtesy, not a lecture ("you should have received…", "you should feel free"). */
const NOT_DIRECTIVE_NEXT = new Set(['have', 'find', 'see', 'receive', 'feel', 'be', 'hear', 'already', 'know', 'expect', 'get']);

function readSentence(text: string, sentence: BodySentence, company: ReadonlySet<string>, context: ReturnType<typeof specificityContext>): SentenceReading {
  const clauses = clausesOf(text, sentence, company);
  const cues = cuesOf(sentence);
  const words = sentence.words;
  const acts: Act[][] = clauses.map(() => []);
  const kept: Cue[][] = clauses.map(() => []);
  const quotes = hasQuotes(sentence);
  const quoted = (cue: Cue) => quotes && insideQuotes(sentence, words[cue.from].start);
  const hasCue = (act: Act) => cues.some((c) => c.act === act && !quoted(c));
  for (const cue of cues) {
    const index = clauses.findIndex((c) => cue.from >= c.from && cue.from < c.to);
    if (index < 0) continue;
    const clause = clauses[index];
    if (cue.act !== 'thanks' && quoted(cue)) continue;
    if (!accepts(cue, clause, words, sentence.question, hasCue)) continue;
    if (!acts[index].includes(cue.act)) acts[index].push(cue.act);
    kept[index].push(cue);
  }
  // Praise and complaint: sentiment aimed at someone.
  clauses.forEach((clause, index) => {
    if (clause.sentiment >= 2 && clause.subject === 'reader' && !clause.negated) acts[index].push('praise');
    if (isComplaint(clause, words)) acts[index].push('complaint');
  });
  if (sentence.question) acts.forEach((a) => a.includes('question') || a.push('question'));
  // The clause objects are this sentence's own: completed in place rather than copied.
  const readings = clauses as (Clause & { acts: ReadonlySet<Act>; cues: readonly Cue[] })[];
  clauses.forEach((c, i) => Object.assign(c, { acts: new Set(acts[i]), cues: kept[i] }));
  const all = new Set<Act>(acts.flat());
  const about = new Set<Referent>();
  let sentiment = 0;
  for (const c of clauses) {
    for (const r of c.about) about.add(r);
    sentiment += c.sentiment;
  }
  const marks = new Set<SentenceMark>();
  if (sarcasmMarkers(sentence, readings) >= 2) marks.add('sarcasm');
  if (readings.some((c) => isInsult(c, words))) marks.add('insult');
  const plain = (c: ClauseReading) => !c.acts.has('thanks') && !c.acts.has('pleasantry') && !c.acts.has('interest');
  if (readings.some((c) => c.subject === 'writer' && c.sentiment > 0 && plain(c)) && readings.some((c) => c.subject === 'reader' && negativePredicate(c, words) >= 0 && !isInsult(c, words))) marks.add('gloat');
  return { sentence, clauses: readings, acts: all, about, sentiment, question: sentence.question, marks, specificity: specificityOf(sentence, context) };
}

/** Whether a cue performs its act in this clause. */
function accepts(cue: Cue, clause: Clause, words: readonly Word[], question: boolean, hasCue: (act: Act) => boolean): boolean {
  const negated = negatedSpan(words, cue.from, cue.to, clause.from);
  switch (cue.act) {
    case 'interest':
    case 'apology':
    case 'fit-claim':
    case 'availability':
      if (negated) return false;
      // "the role sounds like an even better fit": the writer's fit, unless the clause is about someone else.
      if (cue.act === 'fit-claim' && (clause.subject === 'reader' || clause.subject === 'third-party') && !clause.about.has('writer')) return false;
      if (cue.act === 'availability' && clause.subject !== 'writer') return false;
      return cue.act === 'fit-claim' || clause.subject === undefined || clause.subject === 'writer';
    case 'commitment':
      return !negated && !clause.conditional && clause.subject === 'writer';
    case 'directive': {
      if (question || clause.conditional) return false;
      const next = words[cue.to]?.lower ?? '';
      return !NOT_DIRECTIVE_NEXT.has(next);
    }
    case 'reconsider':
      // "I have reconsidered my plans": the writer is the one reconsidering, unless the sentence asks.
      if (negated) return false;
      return clause.subject !== 'writer' || hasCue('request') || question || /^(request|ask)/.test(words[cue.from - 1]?.lower ?? '') || words[cue.from - 1]?.lower === 'a';
    case 'refusal':
      return clause.about.has('process') || clause.about.has('reader');
    case 'news':
      return !negated;
    default:
      return true;
  }
}

/** Words that may sit between a subject and what is said of it ("is actually a total…", "have always been so…"). */
const PREDICATE_FILLER: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'could', 'can', 'may', 'might',
  'seem', 'seems', 'seemed', 'felt', 'feel', 'feels', 'look', 'looks', 'looked', 'sound', 'sounds', 'became', 'become', 'got', 'get', 'gets', 'just',
  'always', 'often', 'really', 'so', 'very', 'quite', 'rather', 'actually', 'totally', 'completely', 'utterly', 'truly', 'simply', 'clearly',
  'obviously', 'frankly', 'honestly', 'such', 'a', 'an', 'the', 'total', 'complete', 'absolute', 'utter', 'real', 'bit', 'of', 'kind', 'sort',
  'people', 'all', 'guys', 'folks', 'both', 'also', 'again', 'still', 'even', 'pretty', 'somewhat', 'too', 'way', 'far', 'much',
]);

/**
 * The word index of a negative word said of the clause's subject: the first
 * word past the verb and its fillers ("your office is a total dump", "you
 * missed out", "you people are idiots"), or -1. A negative word elsewhere in
 * the clause is about something else ("your team quarantines unstable tests").
 */
export function negativePredicate(clause: Clause, words: readonly Word[]): number {
  if (clause.subjectAt < 0) return -1;
  for (let i = clause.subjectAt + 1; i < clause.to; i++) {
    const lower = words[i].lower;
    if (PREDICATE_FILLER.has(lower) || isNegator(lower) || INTENSIFIERS.has(lower)) continue;
    if (clause.negativeWords.includes(i)) return i;
    // "your team never even bothered…": a possessive noun phrase still naming the subject.
    if (i === clause.subjectAt + 1 && (lower === 'team' || lower === 'company' || lower === 'people' || lower === 'department' || lower === 'process')) continue;
    return -1;
  }
  return -1;
}

/** Verbs of attention and competence: negated after a subject ("the interviewer didn't seem to follow"), a complaint about them. */
const ATTENTION: ReadonlySet<string> = new Set([
  // Not "reply" or "respond": "the recruiter hasn't replied" is a plain fact in a check-in.
  'follow', 'understand', 'listen', 'read', 'care', 'know', 'prepare', 'notice', 'bother', 'engage', 'grasp', 'pay',
  'followed', 'understood', 'listened', 'cared', 'knew', 'prepared', 'noticed', 'bothered', 'engaged', 'grasped',
]);

/** Whether the clause says its subject did not attend to or understand something: a negator after the subject, then an ATTENTION verb. */
function negatedAttention(clause: Clause, words: readonly Word[]): boolean {
  for (let i = clause.subjectAt + 1; i < clause.to; i++) {
    if (ATTENTION.has(words[i].lower) && negatedAt(words, i, clause.subjectAt + 1)) return true;
  }
  return false;
}

/** Negative words said of the reader's side, the process or a third party, not the writer's own feelings ("I was disappointed"). */
function isComplaint(clause: Clause, words: readonly Word[]): boolean {
  if (clause.conditional) return false;
  const target = clause.subject === 'reader' || clause.subject === 'process' || clause.subject === 'third-party';
  // "You" alone is the reader addressed, whose not knowing is rarely a complaint ("you may not know"): only a named side or person.
  if (target && clause.subjectAt >= 0 && words[clause.subjectAt].lower !== 'you' && negatedAttention(clause, words)) return true;
  if (clause.negativeWords.length === 0) return false;
  if (target) return negativePredicate(clause, words) >= 0;
  if (clause.subject !== 'writer') return false;
  // "I hated my last job": the writer's own verb about a third party or the reader, not a feeling after "I was".
  const others = clause.about.has('third-party') || clause.about.has('reader') || clause.about.has('process');
  if (!others) return false;
  const verbAt = clause.subjectAt + 1;
  return verbAt < clause.to && !COPULAS.has(words[verbAt].lower) && words[verbAt].lower !== 'am' && clause.negativeWords.includes(verbAt);
}

/** "You people are …", "your office is a …" with a negative word after the verb. */
function isInsult(clause: ClauseReading, words: readonly Word[]): boolean {
  if (clause.subject !== 'reader') return false;
  const at = negativePredicate(clause, words);
  if (at < 0) return false;
  for (let i = clause.subjectAt + 1; i < at; i++) if (COPULAS.has(words[i].lower) || words[i].lower === 'are') return true;
  return false;
}

function hasWordIn(words: readonly Word[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let i = from; i < to; i++) if (set.has(words[i].lower)) return true;
  return false;
}

/** Scare quotes around one or two lower-case words. */
const SCARE_QUOTES = /["\u201c]\p{Ll}[\p{Ll}'\u2019-]*(?:\s\p{Ll}[\p{Ll}'\u2019-]*)?["\u201d]/u;
const KNOWING = new Set(['obviously', 'clearly', 'apparently', 'evidently', 'surely']);

/** How many signs of sarcasm the sentence carries: scare quotes, a stretched word, a knowing adverb about the reader, a counterfactual verdict. */
function sarcasmMarkers(sentence: BodySentence, clauses: readonly ClauseReading[]): number {
  const words = sentence.words;
  let markers = 0;
  if ((sentence.text.includes('"') || sentence.text.includes('\u201c')) && SCARE_QUOTES.test(sentence.text)) markers++;
  if (words.some((w) => isStretched(w.lower))) markers++;
  // "as was obviously your opinion": a knowing adverb about the reader.
  if (clauses.some((c) => c.about.has('reader') && hasWordIn(words, c.from, c.to, KNOWING))) markers++;
  // "could have been better spent": a counterfactual verdict.
  for (let i = 0; i + 3 < words.length; i++) {
    if (/^(could|might|would)$/.test(words[i].lower) && words[i + 1].lower === 'have' && words[i + 2].lower === 'been' && /^(better|more|less|worse)$/.test(words[i + 3].lower)) {
      markers++;
      break;
    }
  }
  return markers;
}
