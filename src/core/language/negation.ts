/**
 * Negation: the one model every rule uses. A negator ("not", "never", "no",
 * "-n't", "without", …) turns around the words that follow it in its clause,
 * up to a short window (three words, as in VADER): "I am not the best
 * candidate", "HR never got back to me". A few fixed pairs are not negations:
 * "not only", "no doubt", "not to mention".
 */

/** Words that negate what follows (besides any word ending in "n't"). */
const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nor', 'neither', 'nobody', 'none', 'nothing', 'nowhere', 'hardly', 'barely', 'scarcely', 'without', 'cannot',
  // Doubt turns a claim around too: "I doubt I'd fit", "unsure it suits me", "less interested".
  'doubt', 'unsure', 'less',
  // Apostrophe-less spellings people type.
  'dont', 'didnt', 'doesnt', 'isnt', 'arent', 'wasnt', 'werent', 'wont', 'wouldnt', 'cant', 'couldnt', 'shouldnt', 'havent', 'hasnt', 'hadnt',
]);

/** How many words after a negator it reaches. */
export const NEGATION_WINDOW = 3;

/** Whether a word (lower case, apostrophes folded) is a negator. */
export function isNegator(lower: string): boolean {
  return NEGATORS.has(lower) || lower.endsWith("n't");
}

interface Lowered {
  readonly lower: string;
}

/** Whether the negator at `i` is part of a fixed pair that does not negate ("not only", "no doubt"). */
function isFalseNegation(words: readonly Lowered[], i: number): boolean {
  const w = words[i].lower;
  const next = words[i + 1]?.lower;
  if (w === 'not' && (next === 'only' || next === 'just' || next === 'to')) return true;
  if (w === 'no' && (next === 'doubt' || next === 'matter' || next === 'later' || next === 'longer')) return true;
  if (w === 'without' && (next === 'a' || next === 'any') && words[i + 2]?.lower === 'doubt') return true;
  // "no doubt", "without a doubt", "never doubt": the doubt is denied.
  const before = i > 0 ? words[i - 1].lower : '';
  if (w === 'doubt' && (before === 'no' || before === 'a' || before === 'never' || isNegator(before))) return true;
  if (w === 'less' && (before === 'no' || next === 'than')) return true;
  return false;
}

/** Whether word `i` is negated: a negator within NEGATION_WINDOW words before it, not before `from` (its clause's first word). */
export function negatedAt(words: readonly Lowered[], i: number, from = 0, window = NEGATION_WINDOW): boolean {
  for (let k = i - 1; k >= from && k >= i - window; k--) {
    if (isNegator(words[k].lower) && !isFalseNegation(words, k)) return true;
  }
  return false;
}

/** Whether the words `[from, to)` hold a negator, or the first of them is negated from before (not before `clauseFrom`). */
export function negatedSpan(words: readonly Lowered[], from: number, to: number, clauseFrom = 0, window = NEGATION_WINDOW): boolean {
  for (let k = from; k < to && k < words.length; k++) if (isNegator(words[k].lower) && !isFalseNegation(words, k)) return true;
  return from < words.length && negatedAt(words, from, clauseFrom, window);
}
