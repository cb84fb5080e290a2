/**
 * The analyzer's entry point: runs the registered rules over a note, applies
 * the configuration and the inline disable comments, and stamps each finding
 * with its rule id, severity and docs URL.
 */
import type { Note } from './note';
import { modelForSize, parseForSize } from './workspace';
import { defaultConfig, type ResolvedConfig } from './config';
import type { Finding, Fix, Report, Rule, RuleContext, Severity, TextEdit, WorkspaceNote } from './rule';
import { offsetToLine, offsetToPosition } from './text';
import { MAX_FINDINGS_PER_RULE } from './limits';
import { rules as allRules } from './rules';

export { parseNote } from './parse';
export { computeLineStarts } from './text';
export { filledItems, isTemplateDefault } from './lexicon/structure-template-defaults';
export * from './note';
export * from './rule';
export * from './config';
export { applyEdits, fixAll } from './fix';
export * as sections from './sections';
export { NoteIndex, companyKey, parseForSize, type IndexedNote, type SetOptions } from './workspace';
export const rules: readonly Rule<never>[] = allRules as readonly Rule<never>[];

/** The id findings about Note Coach itself carry (a bad disable comment, a rule that failed). */
export const TOOL_ID = 'note-coach';
export const DEFAULT_DOCS_BASE_URL = 'https://github.com/note-coach/note-coach/blob/main/docs/rules/';

export interface AnalyzeOptions {
  config?: ResolvedConfig;
  /** "Now" for time-based rules; defaults to the current time. */
  now?: Date;
  /** The note's file path or URI, for workspace rules and related locations. */
  file?: string;
  /** The other notes of the workspace. */
  workspace?: readonly WorkspaceNote[];
  /** Where docs pages live; `<id>.md` is appended. */
  docsBaseUrl?: string;
  /** Run these rules instead of all of them (ids). */
  only?: readonly string[];
}

export interface Analysis {
  note: Note;
  findings: Finding[];
}

let cachedDefaults: ResolvedConfig | undefined;
export function defaults(): ResolvedConfig {
  cachedDefaults ??= defaultConfig(rules);
  return cachedDefaults;
}

export function docsUrl(ruleId: string, base = DEFAULT_DOCS_BASE_URL): string {
  return ruleId === TOOL_ID ? `${base}README.md` : `${base}${ruleId}.md`;
}

/**
 * Analyze a note, given as text or as a model from `parseNote(text)` or
 * `parseForSize(text, config.maxFileSize)` (what NoteIndex keeps).
 */
export function analyze(input: string | Note, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? defaults();
  // Above the size limit the sentence split is skipped too: only the quick checks run. A model parsed
  // for the other side of the limit is parsed again, so text and model always get the same findings.
  const note = typeof input === 'string' ? parseForSize(input, config.maxFileSize) : modelForSize(input, config.maxFileSize);
  const now = options.now ?? new Date();
  const base = options.docsBaseUrl ?? DEFAULT_DOCS_BASE_URL;
  const findings: Finding[] = [];
  const directives = readDirectives(note);
  const tooLarge = note.text.length > config.maxFileSize || note.overLimit !== undefined;

  const stamp = (ruleId: string, severity: Severity, report: Report): Finding => {
    const start = clamp(report.start, note.text.length);
    const end = clamp(Math.max(report.end, start), note.text.length);
    const from = offsetToPosition(note.lineStarts, start);
    const to = offsetToPosition(note.lineStarts, end);
    return {
      ...report,
      message: clip(report.message),
      start,
      end,
      ruleId,
      severity,
      docsUrl: docsUrl(ruleId, base),
      fixes: (report.fixes ?? []).filter((fix) => isApplicable(fix, note.text)),
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
    };
  };

  for (const problem of directives.problems) findings.push(stamp(TOOL_ID, 'warning', problem));
  for (const span of note.skippedProse) {
    findings.push(
      stamp(TOOL_ID, 'info', {
        ...span,
        end: Math.min(span.end, span.start + 1),
        message: `This block of ${(span.end - span.start).toLocaleString('en-US')} characters is too long to check sentence by sentence; split it into paragraphs.`,
      }),
    );
  }
  if (note.text.length > config.maxFileSize) {
    findings.push(
      stamp(TOOL_ID, 'info', {
        start: note.body.start,
        end: note.body.start,
        message: `This note has ${note.text.length.toLocaleString('en-US')} characters, more than the limit of ${config.maxFileSize.toLocaleString('en-US')} (maxFileSize); only the quick checks ran.`,
      }),
    );
  } else if (note.overLimit) {
    const { count, limit, what } = note.overLimit;
    findings.push(
      stamp(TOOL_ID, 'info', {
        start: note.body.start,
        end: note.body.start,
        message: `This note has ${count.toLocaleString('en-US')} ${what}, more than the limit of ${limit.toLocaleString('en-US')}; only the quick checks ran.`,
      }),
    );
  }

  const reports: Report[] = [];
  // A rule reporting one finding per mark or word of a hostile note must not flood the output (or the time).
  const report = (r: Report) => {
    if (reports.length <= MAX_FINDINGS_PER_RULE) reports.push(r);
  };
  for (const { rule, severity, options: ruleOptions } of planOf(config)) {
    const { meta } = rule;
    if (options.only && !options.only.includes(meta.id)) continue;
    if (meta.scenarios && !meta.scenarios.includes(note.frontMatter.scenario)) continue;
    if (meta.scope === 'workspace' && !options.workspace) continue;
    if (tooLarge && !meta.cheap) continue;
    reports.length = 0;
    const context: RuleContext<never> = {
      note,
      options: ruleOptions as never,
      now,
      words: config.words,
      from: config.from,
      dictionary: config.dictionary,
      workspace: options.workspace,
      file: options.file,
      report,
    };
    try {
      rule.check(context);
    } catch (error) {
      findings.push(
        stamp(TOOL_ID, 'error', {
          start: note.body.start,
          end: note.body.start,
          message: `Rule ${meta.id} failed on this note and was skipped: ${(error as Error)?.message ?? String(error)}. Please report this.`,
        }),
      );
      continue;
    }
    if (reports.length > MAX_FINDINGS_PER_RULE) {
      reports.length = MAX_FINDINGS_PER_RULE;
      findings.push(
        stamp(TOOL_ID, 'info', {
          start: note.body.start,
          end: note.body.start,
          message: `Rule ${meta.id} found more than ${MAX_FINDINGS_PER_RULE.toLocaleString('en-US')} problems in this note; only the first ${MAX_FINDINGS_PER_RULE.toLocaleString('en-US')} are shown.`,
        }),
      );
    }
    for (const report of reports) {
      if (directives.isDisabled(meta.id, offsetToLine(note.lineStarts, clamp(report.start, note.text.length)))) continue;
      findings.push(stamp(meta.id, severity, report));
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { note, findings };
}

interface PlannedRule {
  rule: Rule<never>;
  severity: Exclude<Severity, 'off'>;
  options: Record<string, unknown>;
}

/** The rules a configuration turns on, with their severity and options: worked out once per configuration. */
const plans = new WeakMap<ResolvedConfig, PlannedRule[]>();

function planOf(config: ResolvedConfig): PlannedRule[] {
  let plan = plans.get(config);
  if (!plan) {
    plan = [];
    for (const rule of rules) {
      const setting = config.rules.get(rule.meta.id);
      const severity = setting?.severity ?? rule.meta.severity;
      if (severity !== 'off') plan.push({ rule, severity, options: setting?.options ?? {} });
    }
    plans.set(config, plan);
  }
  return plan;
}

/** Messages quote the note; a runaway quote (a 200,000-character "word") must not flood the output. */
const MAX_MESSAGE_LENGTH = 500;
function clip(message: string): string {
  return message.length <= MAX_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}

function clamp(offset: number, length: number): number {
  if (!Number.isFinite(offset) || offset < 0) return 0;
  return Math.min(Math.floor(offset), length);
}

/** A fix whose edits are in range, don't overlap and don't split a surrogate pair; anything else is dropped, never applied. */
function isApplicable(fix: Fix, text: string): boolean {
  if (fix.addWords) return fix.addWords.length > 0;
  if (fix.edits.length === 0) return false;
  const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
  let last = -1;
  for (const edit of sorted) {
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.end)) return false;
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end || edit.start < last) return false;
    if (splitsSurrogate(text, edit.start) || splitsSurrogate(text, edit.end)) return false;
    last = edit.end;
  }
  return true;
}

function splitsSurrogate(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

// ---------------------------------------------------------------------------
// Inline directives

const DIRECTIVE = /^note-coach-(disable-file|disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*))?$/;

interface Directives {
  isDisabled(ruleId: string, line: number): boolean;
  problems: Report[];
}

/** A note without directives (most notes). */
const NO_DIRECTIVES: Directives = { problems: Object.freeze([]) as unknown as Report[], isDisabled: () => false };
let knownIds: Set<string> | undefined;

/**
 * `<!-- note-coach-disable [ids] -->` from its line on, until `note-coach-enable`;
 * `disable-next-line` and `disable-line`; `disable-file` for the whole note.
 * No ids means every rule.
 */
function readDirectives(note: Note): Directives {
  if (note.comments.length === 0) return NO_DIRECTIVES;
  const problems: Report[] = [];
  const known = (knownIds ??= new Set(rules.map((r) => r.meta.id)));
  // Per rule id ("*" for all): line intervals [from, to] where it is off.
  const intervals = new Map<string, [number, number][]>();
  const open = new Map<string, number>();
  const add = (id: string, from: number, to: number) => {
    const list = intervals.get(id) ?? [];
    list.push([from, to]);
    intervals.set(id, list);
  };
  for (const comment of note.comments) {
    const m = DIRECTIVE.exec(comment.value);
    if (!m) continue;
    const kind = m[1];
    const ids = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
    for (const id of ids) {
      if (!known.has(id)) problems.push({ start: comment.start, end: comment.end, message: `Unknown rule "${id}" in a note-coach-${kind} comment.` });
    }
    const targets = ids.length ? ids.filter((id) => known.has(id)) : ['*'];
    for (const id of targets) {
      switch (kind) {
        case 'disable-file':
          add(id, 1, Infinity);
          break;
        case 'disable-line':
          add(id, comment.line, comment.line);
          break;
        case 'disable-next-line':
          add(id, comment.line + 1, comment.line + 1);
          break;
        case 'disable':
          if (!open.has(id)) open.set(id, comment.line);
          break;
        case 'enable':
          if (id === '*') {
            for (const [openId, from] of open) add(openId, from, comment.line - 1);
            open.clear();
          } else if (open.has(id)) {
            add(id, open.get(id)!, comment.line - 1);
            open.delete(id);
          }
          break;
      }
    }
  }
  for (const [id, from] of open) add(id, from, Infinity);
  return {
    problems,
    isDisabled(ruleId, line) {
      for (const id of [ruleId, '*']) {
        for (const [from, to] of intervals.get(id) ?? []) if (line >= from && line <= to) return true;
      }
      return false;
    },
  };
}

export type { TextEdit };
