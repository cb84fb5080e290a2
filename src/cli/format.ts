/** The CLI's two output formats: text for people, JSON for tools. */
import { createColors } from 'picocolors';
import type { Finding, Severity } from '../core/rule';

export interface FileResult {
  /** The path as printed (relative to the working folder when inside it). */
  file: string;
  findings: Finding[];
  /** Fixes `--fix` applied to this file. */
  fixed: number;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function count(results: readonly FileResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const result of results) for (const finding of result.findings) counts[finding.severity]++;
  return counts;
}

/**
 * Colors follow the usual conventions: FORCE_COLOR (not "0") turns them on,
 * NO_COLOR turns them off, otherwise only a terminal gets them.
 */
export function useColor(isTTY: boolean, env: Record<string, string | undefined>): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  return isTTY;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "3 errors, 5 warnings, 2 infos in 4 notes" or "No problems in 4 notes". */
export function summary(counts: Counts, notes: number): string {
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  if (counts.info) parts.push(plural(counts.info, 'info'));
  return `${parts.length ? parts.join(', ') : 'No problems'} in ${plural(notes, 'note')}`;
}

/**
 * `path:line:col  severity  rule-id  message`, one line per finding, files in
 * order. On a terminal (`pretty`) each file also gets a header and the columns
 * are aligned; colors are separate (`useColor`).
 */
export function formatText(results: readonly FileResult[], options: { color: boolean; pretty: boolean }): string {
  const c = createColors(options.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const out: string[] = [];
  for (const result of results) {
    if (!result.findings.length) continue;
    const file = escapeControl(result.file);
    const rows = result.findings.map((f) => [`${file}:${f.line}:${f.column}`, f.severity, f.ruleId, oneLine(f.message)] as const);
    if (!options.pretty) {
      for (const [where, severity, rule, message] of rows) out.push([where, paint[severity](severity), rule, message].join('  '));
      continue;
    }
    const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
    out.push(c.underline(c.bold(file)));
    for (const [where, severity, rule, message] of rows) {
      out.push(
        `  ${c.dim(where.padEnd(width[0]))}  ${paint[severity](severity.padEnd(width[1]))}  ${c.gray(rule.padEnd(width[2]))}  ${message}`,
      );
    }
    out.push('');
  }
  return out.join('\n') + (out.length && !options.pretty ? '\n' : '');
}

export function formatSummary(counts: Counts, notes: number, fixed: number, color: boolean): string {
  const c = createColors(color);
  let line = summary(counts, notes);
  if (fixed) line += ` (fixed ${plural(fixed, 'problem')})`;
  const paint = counts.error ? c.red : counts.warning ? c.yellow : counts.info ? c.blue : c.green;
  return `${c.bold(paint(line))}\n`;
}

/** Longer messages are clipped in text output (a rule quoting a 200,000-character "word" must not flood the terminal); JSON keeps them whole. */
export const MAX_TEXT_MESSAGE = 400;

/**
 * Control characters as visible escapes ("\x1b", "\n"): a message quoting the
 * note's front matter, or a file name, must not move the cursor, clear the
 * screen or set the window title when printed to a terminal. C0, DEL, C1 and
 * the Unicode line and paragraph separators.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Messages are one sentence; a stray line break must not break the one-line-per-finding format. */
function oneLine(message: string): string {
  const flat = escapeControl(message.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\t/g, ' '));
  if (flat.length <= MAX_TEXT_MESSAGE) return flat;
  let cut = MAX_TEXT_MESSAGE - 1;
  const code = flat.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--; // never split a surrogate pair
  return `${flat.slice(0, cut)}…`;
}

/** The `--format json` document: exactly one array, one entry per note checked. */
export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(
    results.map((result) => ({
      file: result.file,
      findings: result.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        message: f.message,
        fixes: f.fixes.map((fix) => ({
          title: fix.title,
          edits: fix.edits.map((e) => ({ start: e.start, end: e.end, newText: e.newText })),
          ...(fix.addWords ? { addWords: fix.addWords } : {}),
        })),
      })),
    })),
    null,
    2,
  ) + '\n';
}
