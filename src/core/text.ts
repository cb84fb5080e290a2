/**
 * Offsets, lines and columns. Lines and columns are 1-based; columns count UTF-16 code units.
 *
 * One line model for the core, the command line and the editor: `\r\n`, `\n` and a lone `\r`
 * each end a line, as in VS Code's TextDocument and in micromark.
 */

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line of an offset. */
export function offsetToLine(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function offsetToPosition(lineStarts: number[], offset: number): { line: number; column: number } {
  const line = offsetToLine(lineStarts, offset);
  return { line, column: offset - lineStarts[line - 1] + 1 };
}

/** The end of the line that contains `offset`, before its `\r\n`, `\n` or `\r`. */
export function lineEndAt(text: string, offset: number): number {
  let at = Math.max(0, offset);
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c === 10 || c === 13) return at;
    at++;
  }
  return text.length;
}

/** The start of the line that contains `offset` (after a `\r\n`, `\n` or `\r`). */
export function lineStartAt(text: string, offset: number): number {
  let at = Math.min(offset, text.length);
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  return at;
}

/** Where the line after the one that contains `offset` starts (the text's length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEndAt(text, offset);
  if (end >= text.length) return text.length;
  return end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
}

/** The line break the text uses (the first one found), `\n` when it has none. */
export function eolOf(text: string): string {
  const at = text.search(/[\r\n]/);
  if (at === -1 || text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The candidate closest to `value` when it is close enough to be a likely typo. */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = value.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** Fold case, typographic quotes and runs of white space, for phrase matching. */
export function normalize(value: string): string {
  return value.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
