import { defineRule, type Fix, type RuleContext } from '../rule';
import type { Span } from '../note';
import { requestSpeller, DICTIONARY_LANGUAGES, type DictionaryLanguage } from '../spelling/dictionary';
import { isAccepted, PlainVerdicts, tokenOf, wordsOf } from '../spelling/words';

interface Options {
  maxSuggestions: number;
}

/** Front-matter keys whose words count as known: names, the company, the role and what the note is about. */
const ACCEPTED_KEYS = ['to', 'from', 'company', 'role', 'news'] as const;
const ACCEPTED_LISTS = ['topics', 'strengths'] as const;

/**
 * Words that are neither in the dictionary nor known to the note. The
 * dictionary is loaded lazily (src/core/spelling/dictionary.ts): until it is
 * ready the rule asks for it and reports nothing.
 */
export default defineRule<Options>(
  {
    id: 'spelling',
    description: 'Words are spelled as in the English dictionary, the note\'s front matter or your word list',
    severity: 'warning',
    fixable: true,
    tags: ['mechanics'],
    sources: ['002'],
    options: {
      maxSuggestions: {
        type: 'integer',
        default: 20,
        minimum: 0,
        maximum: 200,
        description:
          'Suggestions are looked up for the first this many misspelled words of a note (looking them up is the slow part); later ones are still reported, with only the "add to the word list" fix.',
      },
    },
  },
  (context) => {
    const { note, options, report } = context;
    if (note.words.length === 0) return;
    const speller = requestSpeller(languageOf(context));
    if (!speller) return; // still loading (or no loader): the editor lints again when it is ready

    // The note's own accepted words (front matter, word list) matter only for a word the dictionary
    // rejects: built on the first such word.
    let accepted: Set<string> | undefined;
    const withSuggestions = new Set<string>();
    const maxSuggestions = Number.isInteger(options.maxSuggestions) ? options.maxSuggestions : 20;
    /** Verdicts with the note's words, for tokens the plain verdict rejects: [elsewhere, at a sentence start]. */
    const verdicts = [new Map<string, boolean>(), new Map<string, boolean>()];
    const plain = PlainVerdicts.of(speller);
    const spans = note.sourceSpans;
    const text = note.text;
    let s = 0;

    for (const sentence of note.sentences) {
      const words = sentence.words;
      for (let index = 0; index < words.length; index++) {
        const word = words[index];
        while (s < spans.length && spans[s].end <= word.start) s += 1;
        if (overlapsFrom(word, spans, s)) continue; // a word cut from a URL, code or an address
        const before = text.charCodeAt(word.start - 1);
        if (before === 0x40 /* @ */ || before === 0x23 /* # */) continue; // @handles and #tags
        const record = plain.record(word);
        const token = record ? record.token : tokenOf(word.text);
        if (!token) continue;
        const sentenceInitial = index === 0;
        if (record ? plain.accepts(record, sentenceInitial) : plain.acceptsToken(token.text, sentenceInitial)) continue;
        const noteVerdicts = verdicts[sentenceInitial ? 1 : 0];
        let ok = noteVerdicts.get(token.text);
        if (ok === undefined) {
          accepted ??= acceptedWords(context);
          ok = isAccepted(token.text, { speller, accepted, sentenceInitial });
          noteVerdicts.set(token.text, ok);
        }
        if (ok) continue;
        if (inBareAddress(text, word)) continue; // linkedin.com/in/…, www.…: an address, not words
        if (!withSuggestions.has(token.text) && withSuggestions.size < maxSuggestions) withSuggestions.add(token.text);
        // Precision first: a word with no dictionary word close to it is far likelier a correct term the
        // dictionary lacks (a trade's jargon, a sport) than a typo, which is one or two edits off. Only
        // within the look-up budget: past it (or with maxSuggestions 0) every unknown word is reported.
        if (withSuggestions.has(token.text) && !speller.hasCloseWord(token.text)) continue;

        const start = word.start + token.offset;
        const end = start + token.text.length;
        // Only suggestions this rule would itself accept in that place ("sm's" for "sms" would be checked as "sm").
        const acceptable = (suggestion: string) => {
          const t = tokenOf(suggestion);
          return t !== undefined && t.offset === 0 && isAccepted(t.text, { speller, accepted: accepted!, sentenceInitial });
        };
        const suggestions = withSuggestions.has(token.text) ? speller.suggest(token.text).filter(acceptable).slice(0, 3) : [];
        const fixes: Fix[] = suggestions.map((suggestion) => ({
          title: `Change to "${suggestion}"`,
          kind: 'fix',
          safe: false,
          edits: [{ start, end, newText: suggestion }],
        }));
        fixes.push({ title: `Add "${token.text}" to the word list in .notecoach.json`, kind: 'fix', safe: false, edits: [], addWords: [token.text] });
        report({
          start,
          end,
          message: suggestions.length
            ? `"${token.text}" is not in the dictionary; did you mean ${suggestions.map((x) => `"${x}"`).join(' or ')}?`
            : `"${token.text}" is not in the dictionary or your word list; check the spelling, or add the word to the list if it is right.`,
          expected: suggestions.length ? suggestions : undefined,
          fixes,
        });
      }
    }
  },
);

/** The configured dictionary (`"dictionary"` in .notecoach.json or the settings). */
function languageOf(context: RuleContext<Options>): DictionaryLanguage {
  return (DICTIONARY_LANGUAGES as readonly string[]).includes(context.dictionary) ? context.dictionary : 'en-US';
}

function acceptedWords({ note, words, from }: RuleContext<Options>): Set<string> {
  const accepted = new Set<string>();
  const fm = note.frontMatter;
  const add = (value: string | undefined) => {
    if (value) for (const w of wordsOf(value)) accepted.add(w);
  };
  for (const key of ACCEPTED_KEYS) add(fm[key]);
  for (const key of ACCEPTED_LISTS) for (const item of fm[key]) add(item);
  add(from);
  for (const w of words) {
    add(w);
    // The word as a whole too: "Add to the word list" adds the token as written, and a token such as
    // "a?A" or "C#" would otherwise only be accepted in the pieces wordsOf splits it into.
    const whole = tokenOf(w.trim());
    if (whole) accepted.add(whole.text.toLowerCase());
  }
  return accepted;
}

/** Common top-level domains: enough to tell "github.com/name" from two words joined by a slash. */
const BARE_ADDRESS = new RegExp(
  String.raw`^(?:www\.[\w-]+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|co|me|app|ai|uk|ca|au|de|fr|nl|eu|us|in|info|biz|edu|gov|xyz|tech|page|site))(?:[/:?#][^\s]*)?$`,
  'i',
);

/** Whether the word sits in a bare web address: its run of text between spaces (brackets and trailing punctuation set aside) is a domain, maybe with a path. */
function inBareAddress(text: string, word: Span): boolean {
  let start = word.start;
  let end = word.end;
  while (start > 0 && !/[\s<>()[\]"']/.test(text[start - 1])) start -= 1;
  while (end < text.length && !/[\s<>()[\]"']/.test(text[end])) end += 1;
  const run = text.slice(start, end).replace(/[.,;:!?]+$/, '');
  return run.includes('.') && BARE_ADDRESS.test(run);
}

/** Whether `span` overlaps one of the sorted `spans`, starting the scan at index `from`. */
function overlapsFrom(span: Span, spans: readonly Span[], from: number): boolean {
  for (let i = from; i < spans.length && spans[i].start < span.end; i++) {
    if (spans[i].end > span.start) return true;
  }
  return false;
}
