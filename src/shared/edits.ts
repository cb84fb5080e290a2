/** Edits as plain data (UTF-16 offsets), for every front end. Browser-safe. */
import type { TextEdit } from '../core/index';

/** The smallest single edit that turns `before` into `after`: the changed middle, nothing else. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair.
  if (start > 0 && /[\uD800-\uDBFF]/.test(before[start - 1])) start--;
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}
