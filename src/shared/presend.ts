/**
 * The pre-send check: what is left in a note before it goes out, in one line
 * ("1 error left: The template slot "[topic]" was never filled in — mark it as
 * sent anyway?"). Counts the same problems as everywhere else (errors and
 * warnings); the first one named is the most severe, the earliest.
 */
import type { Finding } from '../core/index';
import { bySeverity } from './codeActions';
import { isCounted, plural } from './problems';

export type SendAction = 'mark-sent' | 'mail-app' | 'copy';

const QUESTIONS: Record<SendAction, string> = {
  'mark-sent': 'mark it as sent anyway?',
  'mail-app': 'open it in your mail app anyway?',
  copy: 'copy it anyway?',
};

/** The button that goes ahead. */
export const GO_AHEAD: Record<SendAction, string> = {
  'mark-sent': 'Mark as Sent Anyway',
  'mail-app': 'Open Anyway',
  copy: 'Copy Anyway',
};

/** "1 error and 2 warnings", or undefined when nothing counted is left. */
export function leftCounts(findings: readonly Finding[]): string | undefined {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const parts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean);
  return parts.length ? parts.join(' and ') : undefined;
}

/** The question to ask before `action`, or undefined when the note has no error or warning left. */
export function presendQuestion(findings: readonly Finding[], action: SendAction): string | undefined {
  const left = findings.filter((f) => isCounted(f.severity)).sort(bySeverity);
  const counts = leftCounts(left);
  if (!counts) return undefined;
  return `${counts} left: ${firstClause(left[0].message)}${left.length > 1 ? ', and more' : ''} — ${QUESTIONS[action]}`;
}

/** A finding's message up to its first semicolon (what was found, without the advice), with no final period. */
export function firstClause(message: string): string {
  const semicolon = message.indexOf(';');
  return (semicolon >= 0 ? message.slice(0, semicolon) : message).trim().replace(/[.]$/, '');
}
