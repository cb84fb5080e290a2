/** Applying fixes to text: edits touch only their own ranges. */
import type { AnalyzeOptions } from './index';
import type { TextEdit } from './rule';

/** Apply non-overlapping edits (offsets into `text`). Throws on overlap or out-of-range edits: never guess. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`Edit [${edit.start}, ${edit.end}) overlaps another edit or lies outside the text.`);
    }
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + text.slice(at);
}

/**
 * Apply every finding's first safe fix, re-analysing between rounds until
 * nothing safe is left (at most `maxRounds`), so fixing twice equals fixing once.
 */
export function fixAll(
  text: string,
  analyze: (text: string) => { findings: { fixes: { kind: string; safe: boolean; edits: TextEdit[]; addWords?: string[] }[] }[] },
  maxRounds = 10,
): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let round = 0; round < maxRounds; round++) {
    const edits: TextEdit[] = [];
    let taken = 0;
    for (const finding of analyze(current).findings) {
      const fix = finding.fixes.find((f) => f.kind === 'fix' && f.safe && !f.addWords);
      if (!fix || fix !== finding.fixes[0]) continue;
      // Skip a fix that would overlap one already chosen this round; the next round gets it.
      if (fix.edits.some((e) => edits.some((o) => e.start < o.end && o.start < e.end || (e.start === e.end && e.start === o.start)))) continue;
      edits.push(...fix.edits);
      taken++;
    }
    if (taken === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
    applied += taken;
  }
  return { text: current, applied };
}

export type { AnalyzeOptions };
