import { defineRule, type RuleContext } from '../rule';
import { FRONT_MATTER_KEYS, type Note, type Sentence, type Span, type Word } from '../note';
import { requestSpeller, DICTIONARY_LANGUAGES, type DictionaryLanguage, type Speller } from '../spelling/dictionary';
import { capitalize } from '../spelling/speller';
import { EXTRA_WORDS } from '../spelling/vocabulary';
import { PlainVerdicts, tokenOf } from '../spelling/words';

/** The pronoun and its contractions, written lowercase. */
const LOWERCASE_I = new Set(['i', "i'm", "i've", "i'd", "i'll"]);

/**
 * Words that end with a period without ending the sentence, so the lowercase
 * word after them ("approx. two weeks", "Mr. and Mrs.") is no sentence start.
 */
const ABBREVIATIONS = new Set([
  'etc', 'vs', 'approx', 'incl', 'cf', 'viz', 'esp', 'resp', 'ca', 'al', 'mr', 'ms', 'mrs', 'mx', 'dr', 'prof',
  'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'fig', 'min', 'max', 'sec', 'hr', 'hrs', 'mins',
  'no', 'nos', 'vol', 'ed', 'p', 'pp', 'ft', 'lb', 'lbs', 'oz', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

/** Titles in `to:` ("Ms. Ruiz") are not the name to look for. */
const HONORIFICS = new Set(['mr', 'ms', 'mrs', 'mx', 'dr', 'prof', 'sir', 'madam', 'miss', 'dear']);

export default defineRule(
  {
    id: 'capitalization',
    description: 'Sentences, the pronoun "I" and the names from the front matter start with a capital letter',
    severity: 'warning',
    fixable: true,
    tags: ['mechanics'],
    sources: ['002'],
    cheap: true,
  },
  (context) => {
    const { note, report } = context;
    if (note.words.length === 0) return;
    const speller = requestSpeller(languageOf(context));
    const names = nameForms(context, speller);
    // The first letters of the names: a word that starts with none of them is none of them.
    const nameStarts: number[] = [];
    for (const lower of names.keys()) nameStarts.push(lower.charCodeAt(0));
    const plain = speller && PlainVerdicts.of(speller);
    const { listLeads, quotes } = blockRanges(note);
    const spans = note.sourceSpans;
    const text = note.text;


    // Sentences, list items, quotes and source spans all come in text order: walk them with cursors (linear).
    const inQuote = cursor(quotes);
    const inLead = cursor(listLeads);
    const leadSkipped = new Set<number>();
    let s = 0;
    for (const sentence of note.sentences) {
      if (inQuote(sentence.start)) continue; // a block quote holds someone else's words
      // The first sentence of a list item is often a fragment that continues the line before ("We covered: - the routing project").
      const lead = inLead(sentence.start);
      const skipFirst = lead !== undefined && !leadSkipped.has(lead.start);
      if (lead) leadSkipped.add(lead.start);

      const words = sentence.words;
      for (let index = 0; index < words.length; index++) {
        const word = words[index];
        while (s < spans.length && spans[s].end <= word.start) s += 1;
        if (s < spans.length && spans[s].start < word.end) continue; // part of code, a URL or an address
        const before = text.charCodeAt(word.start - 1);
        if (before === 0x40 /* @ */ || before === 0x23 /* # */) continue;
        const folded = hasTypographicApostrophe(word.text) ? word.text.replace(TYPOGRAPHIC_APOSTROPHES, "'") : word.text;

        // 1. A name from the front matter written lowercase ("thanks ana").
        // (Names are only known once the dictionary is, so `plain` is there when they are.)
        const token = names.size && mayBeName(word.text, nameStarts) ? plain!.token(word.text) : undefined;
        // (The names' keys are lower case, so a token found among them is written lowercase.)
        const canonical = token && names.get(token.text);
        if (canonical && token.text === token.text.toLowerCase()) {
          const start = word.start + token.offset;
          const end = start + token.text.length;
          report({
            start,
            end,
            message: `"${token.text}" is a name from the front matter; write it "${canonical}".`,
            expected: [canonical],
            fixes: [capitalizeFix(start, end, canonical, canonical)],
          });
          continue;
        }

        // 2. The pronoun "i".
        const bare = folded.endsWith('.') ? folded.replace(/\.+$/, '') : folded;
        if (isEnumeration(text, word, bare)) continue;
        if (bare.charCodeAt(0) === 0x69 /* i */ && LOWERCASE_I.has(bare)) {
          report({
            start: word.start,
            end: word.start + 1,
            message: `The pronoun "I" is always capitalized; write "${capitalize(bare)}".`,
            expected: [capitalize(bare)],
            fixes: [capitalizeFix(word.start, word.start + 1, 'I', capitalize(bare))],
          });
          continue;
        }

        // 3. A sentence that starts lowercase.
        const opens = index === 0 ? !skipFirst && opensCleanly(text, sentence, word) : startsHiddenSentence(text, words[index - 1], word);
        if (!opens) continue;
        // "to: Ana" in a front matter whose closing fence is missing: valid-front-matter's business.
        if (text[word.end] === ':' && (FRONT_MATTER_KEYS as readonly string[]).includes(word.lower)) continue;
        if (!startsLowercase(folded, speller)) continue;
        const first = String.fromCodePoint(word.text.codePointAt(0)!);
        const upper = first.toUpperCase();
        const fixed = upper + word.text.slice(first.length);
        report({
          start: word.start,
          end: word.end,
          message: `This sentence starts with a lowercase letter; write "${fixed}".`,
          expected: [fixed],
          fixes: [capitalizeFix(word.start, word.start + first.length, upper, fixed)],
        });
      }
    }
  },
);

/**
 * Whether a word can be a name whose lower-case form starts with one of `starts`. A word that
 * opens with an ASCII letter or digit is its token's first character (tokenOf trims only
 * leading punctuation), so it must be one of them; any other word is looked at in full.
 */
function mayBeName(text: string, starts: readonly number[]): boolean {
  const c = text.charCodeAt(0);
  const asciiAlnum = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return !asciiAlnum || starts.includes(c);
}

const TYPOGRAPHIC_APOSTROPHES = /[\u2018\u2019\u02bc]/g;

function hasTypographicApostrophe(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x2018 || c === 0x2019 || c === 0x02bc) return true;
  }
  return false;
}

function capitalizeFix(start: number, end: number, newText: string, word: string) {
  return { title: `Change to "${word}"`, kind: 'fix' as const, safe: true, edits: [{ start, end, newText }] };
}

function languageOf(context: RuleContext): DictionaryLanguage {
  const value = (context as { dictionary?: unknown }).dictionary;
  return (DICTIONARY_LANGUAGES as readonly unknown[]).includes(value) ? (value as DictionaryLanguage) : 'en-US';
}

/**
 * Lowercase form → the spelling in the front matter, for the capitalised words
 * of `to`, `company` and `from`. A word that is also an ordinary English word
 * ("Mark", "Grace", a company called "Slack") is left out: "mark" in the body
 * is most likely the verb. That needs the dictionary; until it is loaded no
 * names are checked.
 */
function nameForms(context: RuleContext, speller: Speller | undefined): Map<string, string> {
  const names = new Map<string, string>();
  if (!speller) return names;
  const fm = context.note.frontMatter;
  for (const value of [fm.to, fm.company, fm.from, context.from]) {
    if (!value) continue;
    for (const [lower, name] of namesIn(value, speller)) if (!names.has(lower)) names.set(lower, name);
  }
  return names;
}

/** Per speller: a front-matter value → its [lower case, as written] name words (a note's values recur on every keystroke). */
const namesCache = new WeakMap<Speller, Map<string, readonly (readonly [string, string])[]>>();
const MAX_CACHED_VALUES = 1000;

function namesIn(value: string, speller: Speller): readonly (readonly [string, string])[] {
  let cache = namesCache.get(speller);
  if (!cache) namesCache.set(speller, (cache = new Map()));
  let found = cache.get(value);
  if (found) return found;
  const out: (readonly [string, string])[] = [];
  for (const raw of value.split(/[\s,;()]+/)) {
    const token = tokenOf(raw);
    if (!token) continue;
    const name = token.text;
    const lower = name.toLowerCase();
    if ([...name].length < 2 || !STARTS_UPPER.test(name) || /[^\p{L}\p{M}'-]/u.test(name)) continue;
    if (HONORIFICS.has(lower) || EXTRA_WORDS.has(lower)) continue;
    if (speller.correct(lower)) continue;
    out.push([lower, name]);
  }
  found = out;
  if (cache.size >= MAX_CACHED_VALUES) cache.clear();
  cache.set(value, found);
  return found;
}

/** List items' first paragraphs (where a lowercase fragment is fine) and block quotes (someone else's words). */
function blockRanges(note: Note): { listLeads: Span[]; quotes: Span[] } {
  const listLeads: Span[] = [];
  const quotes: Span[] = [];
  type Node = { type: string; children?: unknown[]; position?: { start: { offset?: number }; end: { offset?: number } } };
  // Iterative, in document order: 10,000 nested `>` must not overflow the stack.
  const stack: Node[] = [note.tree as unknown as Node];
  while (stack.length) {
    const node = stack.pop()!;
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s !== undefined && e !== undefined) {
      if (node.type === 'blockquote') quotes.push({ start: s + note.bomLength, end: e + note.bomLength });
      if (node.type === 'listItem') {
        const first = (node.children as { type: string; position?: { start: { offset?: number }; end: { offset?: number } } }[] | undefined)?.[0];
        const fs = first?.position?.start.offset;
        const fe = first?.position?.end.offset;
        if (first?.type === 'paragraph' && fs !== undefined && fe !== undefined) listLeads.push({ start: fs + note.bomLength, end: fe + note.bomLength });
      }
    }
    // A paragraph or heading holds only inline content: no quote or list item inside.
    if (node.type === 'paragraph' || node.type === 'heading') continue;
    const children = (node.children ?? []) as Node[];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return { listLeads, quotes };
}

/**
 * For offsets asked in increasing order, the range (sorted by start, not
 * nested) that contains each one.
 */
function cursor(ranges: readonly Span[]): (offset: number) => Span | undefined {
  let i = 0;
  return (offset) => {
    while (i < ranges.length && ranges[i].end <= offset) i += 1;
    return i < ranges.length && ranges[i].start <= offset ? ranges[i] : undefined;
  };
}

/** "(i)", "i)" or "i." opening a line: a roman-numeral label, not the pronoun. */
function isEnumeration(text: string, word: Word, bare: string): boolean {
  if (bare !== 'i') return false;
  const after = text[word.start + 1];
  if (text[word.start - 1] === '(' || after === ')') return true;
  if (after === '.' || after === ')') {
    const lineStart = text.lastIndexOf('\n', word.start - 1) + 1;
    if (/^[\s>*+-]*$/.test(text.slice(lineStart, word.start))) return true;
  }
  return false;
}

/** The sentence's first word, with only white space or emphasis markers before it (not a code span, a URL, a quote or a bracket). */
function opensCleanly(text: string, sentence: Sentence, word: Word): boolean {
  return /^[\s*_]*$/.test(text.slice(sentence.start, word.start));
}

// Hoisted: a `\p{…}` outside a character class makes esbuild (Node 20 target) emit `new RegExp(…)` on every call.
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * A sentence the parser did not split off: "…at eBay. the team…" or "hi! then…".
 * The previous word ends the sentence with . ! or ? followed by white space,
 * and it is not an abbreviation ("e.g.", "approx.", "Mr.", an initial) or an ellipsis.
 */
function startsHiddenSentence(text: string, prev: Word, word: Word): boolean {
  // The gap must end in white space; the common case, "word word", has no . ! or ? at the end of
  // the previous word nor in between. (Checked on the characters, without copying the gap.)
  if (word.start <= prev.end || !isSpace(text.charCodeAt(word.start - 1))) return false;
  let mark = isSentenceEnd(prev.text.charCodeAt(prev.text.length - 1));
  for (let i = prev.end; i < word.start && !mark; i++) mark = isSentenceEnd(text.charCodeAt(i));
  if (!mark) return false;
  const gap = text.slice(prev.end, word.start);
  const trailing = /[.!?]*$/.exec(prev.text)![0];
  const tail = (trailing + gap).replace(/\s+$/, '').replace(/[)*_]+$/, '');
  if (!/[.!?]$/.test(tail) || /\.\.|…/.test(tail)) return false;
  if (!/[!?]/.test(tail)) {
    // A period: is it attached to an abbreviation?
    const attached = trailing.length > 0 || gap.startsWith('.');
    if (attached) {
      const bare = prev.text.replace(/[.]+$/, '');
      if ([...bare].length === 1 || bare.includes('.') || ABBREVIATIONS.has(bare.toLowerCase())) return false;
      // A roman-numeral label opening its line ("ii. patience with…").
      const lineStart = text.lastIndexOf('\n', prev.start - 1) + 1;
      if (/^[ivx]{1,4}$/i.test(bare) && /^[\s>*+-]*$/.test(text.slice(lineStart, prev.start))) return false;
    }
  }
  return true;
}

function isSentenceEnd(code: number): boolean {
  return code === 0x2e /* . */ || code === 0x21 /* ! */ || code === 0x3f /* ? */;
}

/** Whether a UTF-16 code unit is white space as `\s` in a regular expression sees it. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * A word that starts with a lowercase letter and is an ordinary word: mixed
 * case ("iPhone", "eBay"), digits, abbreviations ("e.g.") and, once the
 * dictionary is loaded, words it doesn't know (lowercase brands such as "npm")
 * keep their spelling.
 */
function startsLowercase(word: string, speller: Speller | undefined): boolean {
  if (!STARTS_LOWER.test(word)) return false;
  if (/[\p{Lu}\p{N}]/u.test(word)) return false;
  const bare = word.replace(/\.+$/, '');
  if (bare.includes('.')) return false;
  if (speller) {
    const t = bare.replace(/'s$/, '');
    if (!(speller.correct(t) || speller.correct(capitalize(t)) || EXTRA_WORDS.has(t))) return false;
  }
  return true;
}
