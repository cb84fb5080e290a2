/**
 * Hedges (words that soften or doubt what follows) and intensifiers (words
 * that push it further). Small closed lists: adverbs of degree and doubt.
 */

export const HEDGES: ReadonlySet<string> = new Set([
  'maybe', 'perhaps', 'possibly', 'probably', 'might', 'may', 'somewhat', 'sort', 'kind', 'hopefully', 'potentially', 'seemingly', 'apparently',
  'guess', 'suppose', 'just', 'slightly', 'fairly', 'reasonably', 'relatively', 'hardly', 'barely', 'arguably',
]);

export const INTENSIFIERS: ReadonlySet<string> = new Set([
  'very', 'so', 'really', 'extremely', 'truly', 'absolutely', 'highly', 'incredibly', 'deeply', 'totally', 'utterly', 'completely', 'entirely',
  'immensely', 'tremendously', 'exceptionally', 'especially', 'particularly', 'super', 'most', 'greatly', 'genuinely', 'sincerely', 'thoroughly',
  'actually', 'total', 'complete', 'utter', 'absolute', 'such', 'awfully', 'terribly', 'insanely', 'unbelievably', 'beyond', 'simply',
]);

/**
 * Whether a word is stretched for effect ("sooo", "reallyyy"): a letter three
 * or more times at its end after other letters. Not "XXXX" (a slot) or "zzz".
 */
export function isStretched(lower: string): boolean {
  const n = lower.length;
  // Cheap test first: the last three letters the same.
  if (n < 4 || lower.charCodeAt(n - 1) !== lower.charCodeAt(n - 2) || lower.charCodeAt(n - 2) !== lower.charCodeAt(n - 3)) return false;
  return /^[a-z]+?([a-wy])\1\1+$/.test(lower) && !/^([a-z])\1+$/.test(lower);
}
