/**
 * Apologies and self-reproach, as a coach counts them: one plain apology for
 * a real slip is manners; a second one, or dwelling on the slip ("I'm
 * mortified", "I keep kicking myself", "that is not like me"), is grovelling.
 *
 * Not apologies here: sympathy ("sorry to hear about the move", "sorry for
 * your loss"), regret about something else ("I'm sorry the role was
 * filled"), pity ("I felt sorry for the new hires"), the hedge "sorry to
 * bother you" (no-hedging's), someone else apologising, and negated forms
 * ("I won't apologize for caring").
 */
import { findPhrases, type PhraseMatch } from '../phrases';
import type { SentenceReading } from './index';
import { negatedAt } from './negation';
import { WRITER_WORDS } from './word-classes';

/** The writer asking pardon: "sorry for/about/if/that I…", the verb, "my apologies", "forgive me". */
const APOLOGY = [
  'sorry for|about|if|again|once|that|i|i\'m|i\'ve|my',
  'apologize|apologise|apologized|apologised|apologizing|apologising|apologies|apology',
  'forgive me|my',
  'pardon me|my',
  'excuse my|me',
];

/** After "sorry for/about": someone else's loss or news, not the writer's conduct. */
const SYMPATHY_NEXT = new Set(['your', 'his', 'her', 'their', 'the', 'its']);

/** Dwelling on a slip: shame, feeling awful about it, "not like me". */
const REPROACH = [
  'embarrassed|mortified|ashamed|humiliated',
  'feel|felt|feeling terrible|awful|horrible|dreadful|foolish|silly|stupid|bad',
  'kicking myself',
  'not like me',
  "can't|cannot believe i",
  'no excuse',
  'inexcusable|unforgivable',
  'careless|silly|stupid|foolish of me',
];

/** "I feel bad for the night crew": sympathy, not reproach. */
const FOR_OTHERS = new Set(['for', 'that', 'the', 'your']);

/** A negator within two words before `at`, inside the clause ("I won't apologize", "not sorry"). */
function negatedJustBefore(reading: SentenceReading, at: number, from: number): boolean {
  return negatedAt(reading.sentence.words, at, from, 2);
}

/** Whether the match sits in a clause the writer speaks (their voice, or no subject at all) that is not a condition. */
function writerSpeaks(reading: SentenceReading, m: PhraseMatch): boolean {
  const clause = reading.clauses.find((c) => m.from >= c.from && m.from < c.to);
  if (!clause || clause.conditional) return false;
  if (negatedJustBefore(reading, m.from, clause.from)) return false;
  const words = reading.sentence.words;
  for (let i = clause.from; i < m.from; i++) {
    if (WRITER_WORDS.has(words[i].lower)) return true;
    if (OTHERS.has(words[i].lower)) return false; // "she apologized for the mix-up"
  }
  return clause.subject === 'writer' || clause.subject === undefined;
}

const OTHERS = new Set(['you', 'he', 'she', 'they', 'we', 'it', "you're", "they're", "she's", "he's"]);

/** The writer's own apology in the sentence (sympathy, pity, regret about others and "sorry to bother you" excluded), or undefined. */
export function apologyIn(reading: SentenceReading): PhraseMatch | undefined {
  const words = reading.sentence.words;
  for (const m of findPhrases(reading.sentence, APOLOGY)) {
    const head = words[m.from].lower;
    const next = words[m.to]?.lower ?? '';
    if (head === 'sorry' && (words[m.from + 1]?.lower === 'for' || words[m.from + 1]?.lower === 'about') && SYMPATHY_NEXT.has(next) && !/^(delay|late|long|length|mix|confusion|trouble|typo|error|mistake|inconvenience)/.test(words[m.to + 1]?.lower ?? '')) continue;
    // "sorry that the role went to someone else": regret about something else.
    if (head === 'sorry' && words[m.from + 1]?.lower === 'that' && (SYMPATHY_NEXT.has(next) || next === 'it' || next === 'you')) continue;
    if (head === 'sorry' && /^(felt|feel|feeling)$/.test(words[m.from - 1]?.lower ?? '') && words[m.from + 1]?.lower === 'for') continue;
    if (writerSpeaks(reading, m)) return m;
  }
  return undefined;
}

/** The writer dwelling on a slip ("I'm mortified", "not like me"), or undefined. */
export function selfReproachIn(reading: SentenceReading): PhraseMatch | undefined {
  const words = reading.sentence.words;
  for (const m of findPhrases(reading.sentence, REPROACH)) {
    if (/^(feel|felt|feeling)$/.test(words[m.from].lower) && FOR_OTHERS.has(words[m.to]?.lower ?? '') && words[m.to + 1]?.lower !== 'i') continue;
    const clause = reading.clauses.find((c) => m.from >= c.from && m.from < c.to);
    if (!clause || clause.conditional) continue;
    // The writer's own shame: their voice in the clause up to the cue ("it is not like me" carries "me" in the cue).
    let voice = words.slice(m.from, m.to).some((w) => WRITER_WORDS.has(w.lower));
    for (let i = clause.from; i < m.from && !voice; i++) voice = WRITER_WORDS.has(words[i].lower);
    if (!voice && clause.subject !== undefined) continue;
    if (m.phrase.startsWith('not like') ? false : negatedJustBefore(reading, m.from, clause.from)) continue;
    return m;
  }
  return undefined;
}
