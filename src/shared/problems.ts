/**
 * One problem count for every place that shows one (status bar, Notes view,
 * Check All Notes, the pre-send check): errors and warnings. Info findings are
 * hints; they are listed in the Problems view but not counted, the way the
 * editor's own tab and Explorer badges count errors and warnings only.
 */
import type { Severity } from '../core/index';

export const COUNTED_SEVERITIES: readonly Severity[] = ['error', 'warning'];
/** Said wherever the count is explained. */
export const COUNT_EXPLAINED = 'errors and warnings; info hints are listed in the Problems view only';

export function isCounted(severity: Severity): boolean {
  return severity === 'error' || severity === 'warning';
}

export function countProblems(findings: readonly { severity: Severity }[]): number {
  let n = 0;
  for (const f of findings) if (isCounted(f.severity)) n++;
  return n;
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
