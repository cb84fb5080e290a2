/**
 * How specific a sentence is: proper names, numbers and concrete words (what
 * is left once function words, job-search boilerplate, evaluative words and
 * placeholders are gone), and whether it mentions a front-matter topic. A
 * sentence that could go to any employer has none of these.
 */
import type { Note } from '../note';
import { GENERIC_WORDS, STOPWORDS, frontMatterNameWords, roleWords, sentenceMentionsTopic, stem, type BodySentence } from '../lexicon/substance-common';
import { valence } from './sentiment';

export interface Specificity {
  /** Capitalised words inside the sentence that are not the reader's or the company's name from the front matter. */
  readonly names: number;
  /** Numbers (figures, percentages, money) other than phone numbers and dates. */
  readonly numbers: number;
  /** Stems of the concrete words. */
  readonly concrete: readonly string[];
  /** A front-matter topic is mentioned. */
  readonly topic: boolean;
  /** Words inside placeholders ("[Company Name]", "{{role}}", "___"). */
  readonly placeholderWords: number;
  /** The word indexes of the first word of each placeholder. */
  readonly placeholderAt: readonly number[];
}

/**
 * Job-search words the boilerplate shares with every note, on top of the
 * substance vocabulary's generic words: naming them says nothing about this
 * conversation.
 */
const BOILERPLATE: ReadonlySet<string> = new Set(
  (
    'professional professionally leadership values value career careers growth goals goal success successful future programs program ' +
    'responsibilities requirements requirement employment employer organization firm business industry field area areas environment ' +
    'mission vision culture strengths strength abilities ability knowledge education educational training expertise capabilities talents ' +
    'talent passion dedication commitment motivation enthusiasm excitement interest possibility possibilities potential available ' +
    'availability contact email e-mail phone number address sincerely regards respectfully truly yours name signature hiring ' +
    'manager insight insights sense idea ideas aspects aspect duties expectations nature course overall sharing provided ' +
    'personal leadership interpersonal communication analytical technical hands-on previous prior current related relevant ' +
    'additional further other new more various diverse unique specific exact kind type sort forward reaffirms reaffirmed ' +
    'reiterate reiterated reinforce reinforced confirmed confirm express expressing expressed convey glad opportunity ' +
    'candidate candidates applicant applicants resume résumé cv portfolio references reference letter letters ' +
    'discussed regarding concerning spent spend spending seems seemed appears appeared became become becomes provide ' +
    'offer offered offering position positions role roles program programs department firm company staff team members ' +
    'place places invitation invite invited tour courtesy courtesies efforts effort attention touch base basis ' +
    'employees employee leaders leader flexibility world corporate'
  ).split(/\s+/),
);

/** Common verbs (by stem), which carry no subject matter of their own: "looks like", "kept thinking", "left excited". */
const COMMON_VERB_STEMS: ReadonlySet<string> = new Set(
  (
    'look seem sound feel felt keep kept leav left think thought said say tell told ask show find found bring brought ' +
    'mak took tak giv gav com cam go went put tri try mean meant becam becom remain stay hop expect describ mention ' +
    'explain rememb understand consid appreciat includ involv provid receiv seek sought pursu connect reach continu ' +
    'head happen allow enabl let wish hear heard saw seen know knew learn speak spok talk discuss writ wrot send sent ' +
    'creat develop hon support perform fill confirm mov set'
  ).split(' '),
);

const MONTHS_AND_DAYS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** Placeholder spans in a sentence's text: brackets, double braces, "(insert …)", runs of underscores, XXXX. Bounded (120 characters, no nesting) so a run of brackets stays linear. */
const PLACEHOLDER = /\[[^\][]{0,120}\]|\{\{[^{}]{0,120}\}\}|\((?=[^()]{0,120}\))[^()]*\b(?:your|insert|fill|name|company|organization|position|title|date)\b[^()]*\)|_{3,}|\bX{3,}\b/gi;

/** Word spans that lie inside a placeholder. */
function placeholderRanges(sentence: BodySentence): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  // Most sentences have no bracket, brace, underscore run or X run: no search at all.
  if (!/[[{(_X]/.test(sentence.text)) return out;
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(sentence.text); m; m = PLACEHOLDER.exec(sentence.text)) {
    out.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  }
  return out;
}

function hasDigit(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Whether the first letter of a word is a capital (ASCII checked without a regular expression). */
function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return c < 65 && /^[^\p{L}]*\p{Lu}/u.test(text);
  return /^[^\p{L}]*\p{Lu}/u.test(text);
}

export interface SpecificityContext {
  readonly names: ReadonlySet<string>;
  readonly role: ReadonlySet<string>;
  readonly topics: readonly string[];
}

export function specificityContext(note: Note): SpecificityContext {
  return { names: frontMatterNameWords(note), role: new Set(roleWords(note)), topics: note.frontMatter.topics };
}

export function specificityOf(sentence: BodySentence, context: SpecificityContext): Specificity {
  const placeholders = placeholderRanges(sentence);
  const inPlaceholder = (start: number) => placeholders.some((p) => start >= p.start && start < p.end);
  let names = 0;
  let numbers = 0;
  let placeholderWords = 0;
  const placeholderAt: number[] = [];
  const concrete: string[] = [];
  const words = sentence.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (placeholders.length && inPlaceholder(w.start)) {
      if (i === 0 || !inPlaceholder(words[i - 1].start)) placeholderAt.push(i);
      placeholderWords++;
      continue;
    }
    const lower = w.lower;
    if (hasDigit(lower)) {
      // A phone number or a date is contact detail, not substance.
      if (!/^\(?\d{3}\)?[-.\s]?\d{3}/.test(w.text) && !/^\d{1,2}(st|nd|rd|th)?$/.test(lower) && !/^(19|20)\d\d$/.test(lower)) numbers++;
      continue;
    }
    if (context.names.has(lower) || context.role.has(lower) || MONTHS_AND_DAYS.has(lower)) continue;
    if (i > 0 && lower !== 'i' && startsUpper(w.text)) {
      const letters = w.text.replace(/[^\p{L}]/gu, '');
      const shouted = letters.length >= 2 && /^\p{Lu}+$/u.test(letters);
      // Words in capitals next to each other ("COMPANY NAME") are a slot or shouting, not a name.
      const run = shouted && [words[i - 1], words[i + 1]].some((n) => n !== undefined && /^\p{Lu}{2,}$/u.test(n.text.replace(/[^\p{L}]/gu, '')));
      if (!run && (shouted || (!STOPWORDS.has(lower) && !GENERIC_WORDS.has(lower) && !BOILERPLATE.has(lower)))) {
        names++;
        continue;
      }
    }
    if (lower.length < 3 || STOPWORDS.has(lower) || GENERIC_WORDS.has(lower) || BOILERPLATE.has(lower)) continue;
    if (valence(lower) !== 0 || /ly$/.test(lower)) continue;
    const st = stem(lower);
    if (st.length >= 3 && !COMMON_VERB_STEMS.has(st) && !concrete.includes(st)) concrete.push(st);
  }
  return { names, numbers, concrete, topic: context.topics.length > 0 && sentenceMentionsTopic(context.topics, sentence), placeholderWords, placeholderAt };
}
