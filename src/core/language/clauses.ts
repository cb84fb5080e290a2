/**
 * Clauses: a sentence cut where its punctuation or a conjunction starts a new
 * statement, each with who it is about, its subject, whether it is negated or
 * hypothetical, and its sentiment (word valence turned by negation and pushed
 * by intensifiers).
 */
import type { Sentence } from '../note';
import { isNegator, negatedAt } from './negation';
import { referentsOf, type Referent } from './referents';
import { valence } from './sentiment';
import { HEDGES, INTENSIFIERS, isStretched } from './hedges';
import { CLAUSE_OPENERS, CONDITIONAL_OPENERS, DETERMINERS, READER_WORDS, SUBJECT_LEAD, WRITER_WORDS } from './word-classes';

export interface Clause {
  /** Word indexes `[from, to)` in the sentence's words. */
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
  /** Who the clause's subject is, when it names one of ours. */
  readonly subject: Referent | undefined;
  /** The word index of the subject, or -1. */
  readonly subjectAt: number;
  /** Everyone the clause mentions. */
  readonly about: ReadonlySet<Referent>;
  /** Opens with "if", "unless", "when"…: a condition, not a statement. */
  readonly conditional: boolean;
  /** A negator somewhere in the clause. */
  readonly negated: boolean;
  /** The sum of its words' valence after negation (×-0.75) and intensifiers (×1.5). */
  readonly sentiment: number;
  /** Word indexes whose valence, after negation, is -2 or lower. */
  readonly negativeWords: readonly number[];
  readonly hedges: number;
  readonly intensifiers: number;
  /** A stretched word ("sooo"). */
  readonly stretched: boolean;
}

/** Pronouns that can only be a subject. */
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['i', "i'm", "i've", "i'd", "i'll", 'im', 'ive', "you're", "you've", "you'll", "you'd"]);

/** Factor by which negation turns a word's valence (VADER uses 0.74). */
const NEGATION_FACTOR = -0.75;
const INTENSIFIER_FACTOR = 1.5;

/** A comma, semicolon, colon, dash or parenthesis between two words ends a clause. */
export function breaksClause(gap: string): boolean {
  return /[,;:()\u2013\u2014]|\s-\s/.test(gap);
}

/** The clauses of a sentence. `text` is the note's text; `companyWords` the front matter's company in lower case. */
export function clausesOf(text: string, sentence: Sentence, companyWords: ReadonlySet<string>): Clause[] {
  const words = sentence.words;
  if (words.length === 0) return [];
  const referents = referentsOf(words, companyWords);
  const bounds: number[] = [0];
  for (let i = 1; i < words.length; i++) {
    const lower = words[i].lower;
    const gapStart = words[i - 1].end;
    // Nearly every gap is one space: no break, and no slice to make.
    const plain = words[i].start - gapStart === 1 && text.charCodeAt(gapStart) === 32;
    if ((!plain && breaksClause(text.slice(gapStart, words[i].start))) || CLAUSE_OPENERS.has(lower) || (CONDITIONAL_OPENERS.has(lower) && lower !== 'should' && lower !== 'when' && lower !== 'once')) {
      if (i - bounds[bounds.length - 1] >= 1) bounds.push(i);
      continue;
    }
    // "…and your department is…", "…so I…": a new clause with its own subject.
    if ((lower === 'and' || lower === 'so' || lower === 'or') && i + 1 < words.length && startsSubject(words, i + 1, referents)) bounds.push(i);
  }
  bounds.push(words.length);
  const clauses: Clause[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const from = bounds[b];
    const to = bounds[b + 1];
    if (to <= from) continue;
    clauses.push(buildClause(sentence, from, to, referents));
  }
  return clauses;
}

/** Whether a subject starts at word `i`: a pronoun of ours, or a determiner before a noun we know. */
function startsSubject(words: Sentence['words'], i: number, referents: readonly (Referent | undefined)[]): boolean {
  const w = words[i].lower;
  if (WRITER_WORDS.has(w) && w !== 'me' && w !== 'my' && w !== 'mine') return true;
  if (w === 'you' || w === "you're" || w === "you've" || w === "you'd" || w === "you'll") return true;
  if (DETERMINERS.has(w) || w === 'your') {
    for (let k = i + 1; k < Math.min(words.length, i + 4); k++) if (referents[k]) return true;
  }
  return false;
}

function buildClause(sentence: Sentence, from: number, to: number, referents: readonly (Referent | undefined)[]): Clause {
  const words = sentence.words;
  const about = new Set<Referent>();
  for (let i = from; i < to; i++) {
    const r = referents[i];
    if (r) about.add(r);
  }
  // The subject: past leading conjunctions and adverbs, the first pronoun or noun phrase we know.
  let lead = from;
  while (lead < to && SUBJECT_LEAD.has(words[lead].lower)) lead++;
  let subject: Referent | undefined;
  let subjectAt = -1;
  if (lead < to) {
    const first = words[lead].lower;
    if (first === 'thank' || first === 'thanks') {
      subject = 'writer'; // "Thank you…": the writer speaks, the reader is the object
      subjectAt = lead;
    } else if (WRITER_WORDS.has(first) || READER_WORDS.has(first) || referents[lead]) {
      subject = referents[lead];
      subjectAt = lead;
      // "your team", "your decision": the noun decides, not the possessive.
      if (first === 'your' || first === 'my' || first === 'our') {
        for (let k = lead + 1; k < Math.min(to, lead + 4); k++) {
          if (referents[k]) {
            subject = referents[k];
            subjectAt = k;
            break;
          }
        }
      }
    } else if (DETERMINERS.has(first)) {
      for (let k = lead + 1; k < Math.min(to, lead + 4); k++) {
        if (referents[k]) {
          subject = referents[k];
          subjectAt = k;
          break;
        }
      }
    }
  }
  if (subject === undefined) {
    // "After our talk I have…": a subject pronoun after an opening phrase.
    for (let k = lead; k < Math.min(to, lead + 6); k++) {
      const w = words[k].lower;
      if (SUBJECT_PRONOUNS.has(w)) {
        subject = referents[k];
        subjectAt = k;
        break;
      }
    }
  }
  const conditional = from < to && (CONDITIONAL_OPENERS.has(words[from].lower) || (words[from].lower === 'and' && CONDITIONAL_OPENERS.has(words[from + 1]?.lower ?? '')));
  let negated = false;
  let sentiment = 0;
  let hedges = 0;
  let intensifiers = 0;
  let stretched = false;
  const negativeWords: number[] = [];
  for (let i = from; i < to; i++) {
    const lower = words[i].lower;
    if (!negated && isNegator(lower) && negatedAt(words, i + 1, i, 1)) negated = true;
    if (HEDGES.has(lower)) hedges++;
    if (INTENSIFIERS.has(lower)) intensifiers++;
    if (isStretched(lower)) {
      stretched = true;
      intensifiers++;
    }
    let v = valence(lower);
    if (v === 0) continue;
    const before = i > from ? words[i - 1].lower : '';
    if (INTENSIFIERS.has(before) || isStretched(before)) v *= INTENSIFIER_FACTOR;
    if (negatedAt(words, i, from)) v *= NEGATION_FACTOR;
    sentiment += v;
    if (v <= -2) negativeWords.push(i);
  }
  return { from, to, start: words[from].start, end: words[to - 1].end, subject, subjectAt, about, conditional, negated, sentiment, negativeWords, hedges, intensifiers, stretched };
}
