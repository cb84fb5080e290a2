/**
 * The "Add to the word list" fix: the new text of `.notecoach.json` with the
 * words added to its `words` list. Pure (the adapter reads and writes the
 * file). Keys keep their order; the indentation, line breaks, BOM and final
 * newline of the original are kept; a list that was sorted stays sorted,
 * otherwise new words go at its end. Words already listed (in any case) are
 * not added twice.
 */
export function addWordsToConfigText(configText: string | undefined, words: readonly string[]): string {
  const original = configText ?? '';
  const bom = original.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const body = bom ? original.slice(1) : original;
  const eol = /\r\n/.test(body) ? '\r\n' : '\n';
  const indent = detectIndent(body);

  let config: Record<string, unknown> = {};
  if (body.trim()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      throw new Error(`.notecoach.json is not valid JSON, so the word was not added: ${(error as Error).message}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('.notecoach.json must hold a JSON object, so the word was not added.');
    }
    config = parsed as Record<string, unknown>;
  }

  const existing = config.words;
  if (existing !== undefined && (!Array.isArray(existing) || existing.some((w) => typeof w !== 'string'))) {
    throw new Error('"words" in .notecoach.json must be a list of strings, so the word was not added.');
  }
  const list = [...((existing as string[] | undefined) ?? [])];
  const known = new Set(list.map((w) => w.toLowerCase()));
  const fresh: string[] = [];
  for (const raw of words) {
    const word = raw.trim();
    if (!word || known.has(word.toLowerCase())) continue;
    known.add(word.toLowerCase());
    fresh.push(word);
  }
  if (fresh.length === 0 && body.trim()) return original;

  const wasSorted = list.every((w, i) => i === 0 || compare(list[i - 1], w) <= 0);
  const merged = wasSorted ? [...list, ...fresh].sort(compare) : [...list, ...fresh.sort(compare)];
  const next = { ...config, words: merged };
  const json = JSON.stringify(next, null, indent);
  return bom + (eol === '\n' ? json : json.replace(/\n/g, eol)) + eol;
}

function compare(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** The indentation of the first indented line (two spaces when there is none). */
function detectIndent(text: string): string | number {
  const m = /^([ \t]+)\S/m.exec(text);
  return m ? m[1] : 2;
}
