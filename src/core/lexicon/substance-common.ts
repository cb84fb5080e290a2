/**
 * Helpers shared by the substance and red-flag rules (no-generic-note,
 * no-thanks-only, require-interest, max-length, no-compensation-talk,
 * no-gifts): the body's sentences without greeting and sign-off, word
 * cleaning and a light stemmer, "content" words (what is left once function
 * words and boilerplate are gone), loose matching of the front matter's
 * `topics`, negation, and removing a sentence.
 *
 * Everything here is linear in the note's length.
 */
import { removeSentenceFix } from './tone-match';
import { isNegator } from '../language/negation';
import type { Note, Sentence, Span, Word } from '../note';
import { removalFix, type Fix } from '../rule';
import { perNote } from '../memo';

// ---------------------------------------------------------------------------
// Words

const ASCII_WORD = /^[A-Za-z0-9]+$/;

/**
 * Lower case, apostrophes folded, punctuation trimmed from both ends.
 * (The parser sometimes leaves a final period on the last word of a paragraph
 * that is followed by a list: "weekend." — trimmed here.)
 */
export function cleanWord(value: string): string {
  // Plain ASCII letters and digits: only the case changes (and nothing at all when it is lower case already).
  const ascii = asciiCase(value);
  if (ascii === LOWER_ASCII) return value;
  if (ascii === MIXED_ASCII) return value.toLowerCase();
  return value
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}]+$/gu, '');
}

const LOWER_ASCII = 1;
const MIXED_ASCII = 2;

/** LOWER_ASCII: only a–z and 0–9; MIXED_ASCII: only A–Z, a–z and 0–9, some capitals; 0: anything else (or empty), as `ASCII_WORD` sees it. */
function asciiCase(value: string): number {
  if (value.length === 0) return 0;
  let upper = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else return 0;
  }
  return upper ? MIXED_ASCII : LOWER_ASCII;
}

/**
 * A crude English stemmer, enough to let "migrating" meet "migration",
 * "routes" meet "routing" and "rebuilt dashboards" meet "dashboard". Loose on
 * purpose: it is only used to decide that a topic *is* mentioned.
 */
const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ions', 'ion', 'ers', 'er', 'ed', 'es', 's'];

export function stem(value: string): string {
  // Every rule stems the same few thousand words: remembered (short ones only, a bounded number).
  if (value.length > MAX_STEMMED_LENGTH) return computeStem(value);
  let out = stemCacheByWord.get(value);
  if (out === undefined) {
    out = computeStem(value);
    if (stemCacheByWord.size >= MAX_STEMMED_WORDS) stemCacheByWord.clear();
    stemCacheByWord.set(value, out);
  }
  return out;
}

const MAX_STEMMED_LENGTH = 48;
const MAX_STEMMED_WORDS = 20_000;
const stemCacheByWord = new Map<string, string>();

function computeStem(value: string): string {
  let w = ASCII_WORD.test(value) ? value.toLowerCase() : cleanWord(value).replace(/'s$/, '').replace(/[^\p{L}\p{N}]/gu, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else {
    for (const suffix of SUFFIXES) {
      if (!w.endsWith(suffix)) continue;
      if (suffix === 's' && /(ss|us|is)$/.test(w)) break;
      if (w.length - suffix.length >= 3) w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|ff|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Function words: never evidence of anything specific. */
export const STOPWORDS = new Set(
  (
    "a an the and or but nor so yet if then than as at by for from in into of off on onto out over to up with about " +
    "above after again against all also am any are aren't be because been before being below between both can can't " +
    "could couldn't did didn't do does doesn't doing don't down during each few further had hadn't has hasn't have haven't " +
    "having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've is isn't it it's " +
    "its itself let's me more most much my myself no not now once only other ought our ours ourselves own same she she'd " +
    "she'll she's should shouldn't some such that that's their theirs them themselves there there's these they they'd " +
    "they'll they're they've this those through too under until very was wasn't we we'd we'll we're we've were weren't " +
    "what what's when when's where where's which while who who's whom why why's will won't would wouldn't you you'd " +
    "you'll you're you've your yours yourself yourselves just really truly even still well every everything anything " +
    "something one ones lot lots many way ways able via per whether though although since throughout also"
  ).split(' '),
);

/**
 * Boilerplate vocabulary: words every follow-up note can use without saying
 * anything about *this* conversation — courtesy, time, the process, generic
 * self-description. A sentence made only of these (and stopwords) is filler.
 */
export const GENERIC_WORDS = new Set(
  (
    // thanks and courtesy
    'thank thanks thanked thanking appreciate appreciated appreciating appreciation grateful gratitude pleasure ' +
    'kind kindly glad happy pleased delighted honored honoured nice great good wonderful lovely fantastic excellent ' +
    'enjoyed enjoy enjoying enjoyable loved love fun warm warmly sincerely sincere genuinely hope hoping hoped wish wishes ' +
    'best regards cheers welcome welcoming generous thoughtful helpful insightful informative interesting fascinating ' +
    // the meeting itself
    'time times taking take took taken meet meeting met speak speaking spoke spoken talk talking talked chat chatting ' +
    'chatted conversation conversations discussion discussions discuss discussed discussing interview interviews ' +
    'interviewing interviewed call calls phone screen visit opportunity opportunities chance consideration considering ' +
    'considered consider process today yesterday morning afternoon evening day days week weekend weeks month tomorrow ' +
    'earlier recent recently last next monday tuesday wednesday thursday friday saturday sunday ' +
    // the job, in general
    'role roles position positions job jobs company companies organization organisation team teams department work ' +
    'working worked office opening candidate candidacy application hiring manager managers staff people everyone ' +
    'colleagues members group ' +
    // generic self-description and intent
    'skills skill experience experiences background qualifications qualified strong fit match asset contribute ' +
    'contributing contribution believe think feel felt confident sure certain excited exciting eager enthusiastic ' +
    'interested interest keen forward look looking hear hearing heard learn learning learned learnt know knowing ' +
    'knew see seeing saw seen meeting share sharing shared get getting got give giving gave make making made ' +
    'want wanted would like liked need needed help helped helping bring bringing join joining part value ' +
    'again soon further touch contact reach reply respond response back follow following up update updates ' +
    'letting let decision decisions news kind words note consider reconsider step steps hearing detail details information questions question answer answers insight insights ' +
    'everything anything things thing stuff bit little whole rest remain remains remained continue continued ' +
    'wonderful amazing awesome incredible impressive impressed inspiring inspired exceptional outstanding ' +
    'day great important valuable particularly especially definitely certainly absolutely greatly deeply'
  ).split(/\s+/),
);

/**
 * Words that may follow a noun that stands on its own ("the salary is…",
 * "a gift card for…"). Any other content word after it makes the noun a
 * modifier of something else ("salary survey", "gift card redemption flow"):
 * the subject matter of the job rather than the thing itself.
 */
export const FOLLOWERS = new Set(
  (
    "is are was were be been being will would could can might may should shall do does did has have had " +
    "for and or of in at on to with you your that this these those which who when if as like than but so " +
    "there here then i i'm i'd we you'd you're they it its their our my me about from by into over under " +
    "includes include including included offered offer offers provided provide provides looks look seems seem sounds sound " +
    "works work worked typically usually generally also too today tomorrow yesterday soon later now along after before " +
    "while because since just please sometime anytime next last each every all both either whenever wherever once until unless " +
    "though around near between above below within without beyond " +
    // verbs that commonly follow a subject noun: "the salary seems…", "vacation days come with…"
    "come comes came start starts begin begins vest vests apply applies cover covers go goes get gets compare compares " +
    "change changes depend depends accrue accrues matter matters kick kicks stack stacks differ differs vary varies"
  ).split(' '),
);

/**
 * Whether the noun phrase ending before word `to` modifies the next word
 * ("salary survey", "gift card redemption"): the next word is a content word
 * and nothing but white space separates them.
 */
export function modifiesNext(text: string, sentence: Sentence, to: number, keep: ReadonlySet<string> = new Set()): boolean {
  const next = sentence.words[to];
  if (!next) return false;
  if (FOLLOWERS.has(next.lower) || keep.has(next.lower)) return false;
  const between = text.slice(sentence.words[to - 1].end, next.start);
  return !/[,.;:!?()\[\]\u2014\u2013"]/.test(between);
}

/**
 * The words of the front matter's names (`to`, `company`, `from`): naming them
 * says nothing specific. The `role` is kept apart (roleWords), since its
 * words ("warehouse routing") can also name real subject matter.
 */
export function frontMatterNameWords(note: Note): Set<string> {
  const fm = note.frontMatter;
  const set = new Set<string>();
  for (const value of [fm.to, fm.company, fm.from]) {
    if (!value) continue;
    for (const part of value.split(/[\s\-/.,&]+/)) {
      const w = cleanWord(part);
      if (w) set.add(w);
    }
  }
  return set;
}

/** The words of `role`, cleaned. */
export function roleWords(note: Note): string[] {
  return (note.frontMatter.role ?? '')
    .split(/[\s/]+/)
    .map(cleanWord)
    .filter(Boolean);
}

// ---------------------------------------------------------------------------
// The body's sentences

export interface BodySentence extends Sentence {
  /** The sentence as parsed (its span may reach into the greeting or the sign-off). */
  original: Sentence;
  /** Whether the sentence ends with a question mark. */
  question: boolean;
}

/**
 * The words with `lower` cleaned (empty ones dropped). A word whose `lower` is
 * already clean — nearly all of them — is kept as it is, and when that holds
 * for every word the array itself is returned: the body sentence then shares
 * its words with the parsed sentence, and with them what the phrase matcher
 * derived from them.
 */
function cleanWords(words: readonly Word[]): readonly Word[] {
  let out: Word[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const lower = cleanWord(w.text);
    if (lower === w.lower) {
      out?.push(w);
      continue;
    }
    out ??= words.slice(0, i);
    if (lower) out.push({ ...w, lower });
  }
  return out ?? words;
}

/**
 * The sentences of the message itself: words of the greeting and of the
 * sign-off are dropped (a sentence can straddle them when there is no blank
 * line), words are cleaned, and sentences left without words are skipped.
 * `start`/`end` are clipped to the remaining words (the end keeps the
 * sentence's final punctuation when the sentence ends inside the body).
 */
// Several rules ask for the same note in one analysis.
export const bodySentences: (note: Note) => readonly BodySentence[] = perNote(computeBodySentences);

function computeBodySentences(note: Note): BodySentence[] {
  // The layout's body: after the header and greeting, before the closing or the signature.
  const from = note.layout.body.start;
  const to = note.layout.body.end;
  const out: BodySentence[] = [];
  for (const sentence of note.sentences) {
    if (sentence.end <= from || sentence.start >= to) continue;
    const all = sentence.words;
    let inside = true;
    for (let i = 0; i < all.length && inside; i++) inside = all[i].start >= from && all[i].end <= to;
    const kept = inside ? all : all.filter((w) => w.start >= from && w.end <= to);
    const words = cleanWords(kept) as Word[];
    if (words.length === 0) continue;
    const start = sentence.start >= from ? sentence.start : words[0].start;
    const end = sentence.end <= to ? trimEnd(note.text, start, sentence.end) : words[words.length - 1].end;
    const text = note.text.slice(start, end);
    // (Spelled out rather than spread from `sentence`: the same fields, a good deal cheaper.)
    out.push({
      text,
      start,
      end,
      words,
      paragraph: sentence.paragraph,
      original: sentence,
      question: QUESTION_END.test(text.trim()),
    });
  }
  return out;
}

const QUESTION_END = /\?["'\u201d\u2019)*_]*$/;

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The span from the first to the last body sentence, or undefined when the body has none. */
export function bodyProseSpan(sentences: readonly BodySentence[]): Span | undefined {
  if (sentences.length === 0) return undefined;
  return { start: sentences[0].start, end: sentences[sentences.length - 1].end };
}

/** Body sentences grouped by the paragraph they belong to, in order. */
export function byParagraph(sentences: readonly BodySentence[]): BodySentence[][] {
  const groups: BodySentence[][] = [];
  let last = -1;
  for (const s of sentences) {
    if (s.paragraph !== last) {
      groups.push([]);
      last = s.paragraph;
    }
    groups[groups.length - 1].push(s);
  }
  return groups;
}

// ---------------------------------------------------------------------------
// Topics

interface TopicPattern {
  topic: string;
  stems: string[];
  wanted: ReadonlySet<string>;
  /** How many distinct stems must appear near each other. */
  needed: number;
  window: number;
}

/** Words too vague to stand for a topic on their own ("the team", "the role"). Used only when a topic has better words. */
const WEAK_TOPIC_WORDS = new Set(['team', 'role', 'position', 'job', 'company', 'work', 'project', 'plan', 'plans', 'new', 'process', 'current', 'next', 'way', 'idea', 'ideas']);

/** The significant stems of a topic: stopwords dropped, vague words dropped when something better is left. */
export function topicStems(topic: string): string[] {
  // Several rules ask for the same topics in every analysis: computed once per topic (bounded).
  let stems = topicStemCache.get(topic);
  if (!stems) {
    stems = computeTopicStems(topic);
    if (topicStemCache.size >= 1000) topicStemCache.clear();
    topicStemCache.set(topic, stems);
  }
  return [...stems];
}

const topicStemCache = new Map<string, readonly string[]>();

function computeTopicStems(topic: string): string[] {
  const words = topic
    .split(/[\s\-\u2010-\u2015/]+/)
    .map(cleanWord)
    .filter((w) => w && !STOPWORDS.has(w));
  const strong = words.filter((w) => !WEAK_TOPIC_WORDS.has(w));
  const chosen = strong.length ? strong : words;
  return [...new Set(chosen.map(stem).filter(Boolean))];
}

function topicPatterns(topics: readonly string[]): readonly TopicPattern[] {
  // Asked for once per sentence by some rules: computed once per topics list (front matter is never mutated).
  const cached = patternCache.get(topics);
  if (cached) return cached;
  const out: TopicPattern[] = [];
  for (const topic of topics) {
    const stems = topicStems(topic);
    if (stems.length === 0) continue;
    const needed = stems.length <= 3 ? stems.length : stems.length - 1;
    out.push({ topic, stems, wanted: new Set(stems), needed, window: Math.max(8, stems.length * 3) });
  }
  patternCache.set(topics, out);
  return out;
}

const patternCache = new WeakMap<readonly string[], readonly TopicPattern[]>();

/** A sentence's stems: its words split on hyphens and slashes ("onboarding-flow" → onboarding, flow), stemmed, with their positions. Several rules ask for the same sentence: computed once per sentence (sentences are never mutated). */
function stemsOf(s: BodySentence): readonly { stem: string; start: number; end: number }[] {
  let stems = stemCache.get(s);
  if (!stems) {
    const computed: { stem: string; start: number; end: number }[] = [];
    for (const w of s.words) {
      if (!hasWordBreak(w.lower)) {
        // No hyphen, dash or slash: the word is its only part.
        const st = stem(w.lower);
        if (st) computed.push({ stem: st, start: w.start, end: w.end });
        continue;
      }
      for (const part of w.lower.split(/[\-\u2010-\u2015/]+/)) {
        const st = stem(part);
        if (st) computed.push({ stem: st, start: w.start, end: w.end });
      }
    }
    stemCache.set(s, computed);
    stems = computed;
  }
  return stems;
}

/** Whether the word has a character that splits it for stemming: `[-\u2010-\u2015/]`. */
function hasWordBreak(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x2d || c === 0x2f || (c >= 0x2010 && c <= 0x2015)) return true;
  }
  return false;
}

const stemCache = new WeakMap<BodySentence, readonly { stem: string; start: number; end: number }[]>();

/**
 * Whether the body mentions any of the topics, loosely: case-insensitive, stemmed, hyphens
 * ignored, and a multi-word topic counts when its significant words (all of them up to three,
 * all but one beyond) occur within a short window. Every topic's window is walked at once and
 * stems are taken sentence by sentence, so it stops at the first mention.
 */
export function mentionsAnyTopic(topics: readonly string[], sentences: readonly BodySentence[]): boolean {
  const patterns = topicPatterns(topics);
  if (patterns.length === 0) return false;
  const lastSeen = patterns.map(() => new Map<string, number>());
  let i = 0;
  for (const s of sentences) {
    for (const { stem: st } of stemsOf(s)) {
      for (let k = 0; k < patterns.length; k++) {
        const p = patterns[k];
        if (!p.wanted.has(st)) continue;
        const seen = lastSeen[k];
        seen.set(st, i);
        let near = 0;
        for (const at of seen.values()) if (at > i - p.window) near++;
        if (near >= p.needed) return true;
      }
      i++;
    }
  }
  return false;
}

/** Whether a sentence mentions any topic (same loose matching, one sentence). */
export function sentenceMentionsTopic(topics: readonly string[], sentence: BodySentence): boolean {
  return mentionsAnyTopic(topics, [sentence]);
}

/** Stems of every significant word in the topics: a word in this set is the writer's subject matter. */
export function topicStemSet(topics: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const t of topics) for (const s of topicStems(t)) set.add(s);
  return set;
}

// ---------------------------------------------------------------------------
// Negation

/**
 * Whether the words `[from, to)` of a sentence are negated: a negator inside
 * them, or among the four words before them in the same clause (no comma,
 * semicolon, colon or dash between). "Not only" does not negate.
 */
export function isNegated(text: string, sentence: Sentence, from: number, to: number, options: { inside?: boolean } = {}): boolean {
  const words = sentence.words;
  const first = Math.max(0, from - 4);
  const last = options.inside === false ? from : to;
  for (let i = first; i < last; i++) {
    const w = words[i].lower;
    if (!isNegator(w)) continue;
    if (w === 'not' && words[i + 1]?.lower === 'only') continue;
    // "no doubt", "without a doubt", "doubt" after a negation: the opposite of a negation.
    if (w === 'no' && words[i + 1]?.lower === 'doubt') continue;
    if (w === 'doubt' && ['no', 'a', "don't", 'never'].includes(words[i - 1]?.lower ?? '')) continue;
    if (i < from) {
      const between = text.slice(words[i].end, words[from].start);
      if (/[,;:\u2014\u2013()]|\s-\s|\bbut\b/i.test(between)) continue;
    }
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Removing a sentence

/**
 * Remove a body sentence with the shared sentence-removal fix (whole lines go
 * with their line break; no doubled blank lines; a greeting on the same line stays).
 */
export function sentenceRemovalFix(note: Note, sentence: BodySentence, title: string): Fix {
  return removeSentenceFix(note, sentence.original, title) ?? removalFix(title, note.text, sentence, false);
}
