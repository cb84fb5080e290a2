/**
 * Who a word stands for: the writer, the reader (you, your team, your
 * company, the people who interviewed you), a third party (the writer's past
 * employers, the other candidates) or the hiring decision and its process.
 */
import type { Word } from '../note';
import { DETERMINERS, EMPLOYMENT_PAST, PROCESS_NOUNS, READER_SIDE_NOUNS, READER_WORDS, RIVAL_WORDS, THIRD_PARTY_NOUNS, WRITER_WORDS } from './word-classes';

export type Referent = 'writer' | 'reader' | 'third-party' | 'process';

/** How far back a noun looks for its determiner ("your whole engineering team"). */
const NOUN_PHRASE_REACH = 3;

/** Words naming the writer's past employers on their own, without "former" ("my boss"). */
const OWN_EMPLOYER_NOUNS: ReadonlySet<string> = new Set(['boss', 'bosses', 'employer', 'supervisor', 'coworkers', 'co-workers', 'colleagues', 'workplace']);

/**
 * The referent of each word of a sentence (undefined for most words).
 * `companyWords` are the lower-case words of the company's name from the front matter.
 */
export function referentsOf(words: readonly Word[], companyWords: ReadonlySet<string>): (Referent | undefined)[] {
  const out = new Array<Referent | undefined>(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i].lower;
    if (WRITER_WORDS.has(w)) out[i] = 'writer';
    else if (READER_WORDS.has(w)) out[i] = 'reader';
    else if (companyWords.has(w)) out[i] = 'reader';
    else out[i] = nounReferent(words, i);
  }
  return out;
}

/** The referent of a noun at `i` from its determiner and modifiers, or undefined. */
function nounReferent(words: readonly Word[], i: number): Referent | undefined {
  const w = words[i].lower;
  const reader = READER_SIDE_NOUNS.has(w);
  const process = PROCESS_NOUNS.has(w);
  const third = THIRD_PARTY_NOUNS.has(w);
  if (!reader && !process && !third) return undefined;
  let determiner: string | undefined;
  let past = false;
  let rival = false;
  for (let k = i - 1; k >= 0 && k >= i - NOUN_PHRASE_REACH; k--) {
    const before = words[k].lower;
    if (EMPLOYMENT_PAST.has(before)) past = true;
    if (RIVAL_WORDS.has(before)) rival = true;
    if (DETERMINERS.has(before) || READER_WORDS.has(before)) {
      determiner = before;
      break;
    }
  }
  if (third && rival && /^(candidate|applicant|finalist)/.test(w)) return 'third-party';
  if (determiner === 'my' || determiner === 'our') {
    if (third && (past || OWN_EMPLOYER_NOUNS.has(w))) return 'third-party';
    return process ? 'process' : undefined; // "my interview" is the process; "my team" is the writer's own
  }
  if (process) return determiner ? 'process' : undefined;
  if (reader && (determiner === 'your' || determiner === 'you' || determiner === 'the' || determiner === 'this' || determiner === 'that')) return 'reader';
  if (w === 'hr' || w === 'management' || w === 'leadership') return 'reader';
  if (words[i - 1]?.lower === 'you' && w === 'people') return 'reader';
  return undefined;
}
