/**
 * Credentials: clauses in which the writer states a line of their résumé — a
 * degree, a certificate, years of experience, a tool they are proficient in,
 * a past job with its numbers ("I hold a forklift licence", "I ran a crew of
 * nine at Dockside", "I earned my MSc in 2019"). One of them, tied to the
 * conversation, is the point of a note; a paragraph of them is the résumé
 * again. Also the announcement of a recap ("to sum up my background").
 */
import { findPhrases, WordSet, wordIdsOf, type PhraseMatch } from '../phrases';
import type { SentenceReading } from './index';
import { WRITER_WORDS as WRITER } from './word-classes';

/** Nouns that name a credential. */
const CREDENTIAL_NOUNS = new Set([
  'degree', 'degrees', 'bachelor', "bachelor's", 'bachelors', 'master', "master's", 'masters', 'mba', 'phd', 'doctorate', 'diploma',
  'certificate', 'certificates', 'certification', 'certifications', 'certified', 'license', 'licence', 'licensed', 'licenses', 'licences',
  'years', 'proficient', 'proficiency', 'fluent', 'fluency', 'qualifications', 'credentials', 'gpa', 'honors', 'honours', 'cum', 'accredited',
]);

/** Verbs of a résumé line, in the writer's mouth. */
const CREDENTIAL_VERBS = new Set([
  'hold', 'held', 'earned', 'completed', 'graduated', 'managed', 'led', 'served', 'worked', 'supported', 'administered', 'oversaw',
  'oversee', 'launched', 'owned', 'presented', 'reduced', 'increased', 'negotiated', 'redesigned', 'coordinated', 'maintained', 'handled',
  'supervised', 'ran', 'built', 'delivered', 'grew', 'trained', 'directed', 'processed', 'conducted', 'volunteered', 'manage', 'spent',
]);

/** Announcing a recap of the résumé: "to recap my background", "let me summarize my qualifications". */
const RECAP = [
  'recap|summarize|summarise|summarizing|summarising|restate|restating|reiterate|reiterating|repeat|repeating|review|reviewing|outline|outlining ... my background|qualifications|experience|credentials|skills|resume|résumé|cv|career|accomplishments|achievements|history',
  'go|going|run|running over|through my background|qualifications|experience|credentials|resume|résumé|cv|career',
];

/** The words a recap announcement needs ("my background"…): a sentence without one skips the phrase search. */
const RECAP_OBJECTS = new WordSet(['background', 'qualifications', 'experience', 'credentials', 'skills', 'resume', 'résumé', 'cv', 'career', 'accomplishments', 'achievements', 'history']);

/** The recap announcement in the sentence, or undefined. */
export function recapIn(reading: SentenceReading): PhraseMatch | undefined {
  const ids = wordIdsOf(reading.sentence.words);
  let candidate = false;
  for (let i = 0; i < ids.length && !candidate; i++) candidate = RECAP_OBJECTS.has(ids[i]);
  return candidate ? findPhrases(reading.sentence, RECAP)[0] : undefined;
}

/**
 * How many of the sentence's clauses state a credential: the writer speaks
 * (in the clause, or as the sentence's subject carried over "…, where I
 * managed…"), with a résumé verb or credential noun, and something concrete
 * (a number, a name, a credential noun).
 */
export function credentialClauses(reading: SentenceReading, text: string): number {
  const words = reading.sentence.words;
  const writerSentence = reading.clauses[0]?.subject === 'writer' || words.some((w) => WRITER.has(w.lower));
  if (!writerSentence) return 0;
  let count = 0;
  for (const clause of reading.clauses) {
    let writer = clause.subject === 'writer';
    let verb = false;
    let concrete = false;
    for (let i = clause.from; i < clause.to; i++) {
      const lower = words[i].lower;
      if (WRITER.has(lower)) writer = true;
      if (CREDENTIAL_VERBS.has(lower)) verb = true;
      if (CREDENTIAL_NOUNS.has(lower)) concrete = verb = true;
      else if (/\d/.test(lower)) concrete = true;
      else if (i > clause.from && /^\p{Lu}/u.test(text.slice(words[i].start, words[i].start + 1)) && !WRITER.has(lower)) concrete = true;
    }
    if (writer && verb && concrete) count++;
  }
  return count;
}

/** Nouns that close a run of qualities: "my planning, budgeting and people skills". */
const QUALITY_HEADS = new Set(['skills', 'abilities', 'experience', 'experiences', 'strengths', 'qualities', 'competencies', 'expertise']);

/**
 * The number of qualities the writer lines up before a skills noun, from the
 * first "my" of the run: "my professional and leadership experience, as well
 * as my organizational, writing and analytical skills" is five. Items are
 * short (at most three words); 0 when there is no such run.
 */
export function qualityRun(reading: SentenceReading, text: string): number {
  const words = reading.sentence.words;
  let best = 0;
  let my = -1;
  for (let i = 0; i < words.length; i++) {
    const lower = words[i].lower;
    if (lower === 'my' && my === -1) my = i;
    if (my === -1 || !QUALITY_HEADS.has(lower) || i === my + 1) continue;
    const run = text.slice(words[my + 1].start, words[i].start);
    const items = run.split(/,|;|\band\b|\bor\b|\bas well as\b/i).map((s) => s.trim()).filter(Boolean);
    if (items.every((item) => item.split(/\s+/).length <= 3)) best = Math.max(best, items.length);
  }
  return best;
}
