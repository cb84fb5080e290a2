/**
 * The quick-fix menu as plain data, in the order a person needs it, for every
 * editor front end (the VS Code extension, the language server).
 *
 * For the findings under the cursor:
 *   1. every real fix of every finding, errors before warnings before info;
 *   2. the personalized sections those findings call for (kind `quickfix`, so
 *      a request for quick fixes keeps them instead of dropping them);
 *   3. per rule: Learn more, Disable on this line, Disable in this file.
 * Only one action is preferred: the first real fix of the most severe finding.
 * A Disable entry is never preferred, and never first (Learn more leads the
 * tail), so the menu never preselects it.
 *
 * The sections no finding under the cursor calls for are refactorings
 * (`refactor.rewrite.noteCoach`): they appear in the Refactor menu only.
 *
 * Browser-safe and free of any editor API: offsets are UTF-16 indices into the
 * note's text, as in the core.
 */
import { sections, type Finding, type Note, type Severity, type TextEdit } from '../core/index';
import { fillPlaceholderEdits } from '../core/rules/no-unfilled-placeholder';
import { eolOf } from '../core/text';

export const QUICK_FIX_KIND = 'quickfix';
/** Personalized sections no finding asked for: text the writer then edits. */
export const SECTION_KIND = 'refactor.rewrite.noteCoach';
export const FIX_ALL_KIND = 'source.fixAll.noteCoach';
export const FIX_ALL_TITLE = 'Fix all Note Coach problems';

export type ActionRole = 'fix' | 'section' | 'learn-more' | 'disable-line' | 'disable-file';

/** One entry of the menu. Exactly one of `edits`, `addWords`, `ruleDocs` says what it does. */
export interface PlannedAction {
  title: string;
  /** A code-action kind: `quickfix` or `refactor.rewrite.noteCoach`. */
  kind: string;
  role: ActionRole;
  /** The findings the action resolves (its diagnostics); empty for a refactoring. */
  findings: Finding[];
  isPreferred: boolean;
  edits?: TextEdit[];
  /** Words to add to the word list (a command, not an edit of the note). */
  addWords?: string[];
  /** The rule whose page to open. */
  ruleDocs?: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors before warnings before info; then in reading order. */
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.start - b.start || a.end - b.end;
}

/**
 * The quick-fix menu for `findings` (the ones under the cursor, in any order).
 * Actions that do the same thing are listed once, resolving all their findings.
 */
export function quickFixActions(note: Note, findings: readonly Finding[]): PlannedAction[] {
  const ordered = [...findings].sort(bySeverity);
  const fixes: PlannedAction[] = [];
  const calledFor: PlannedAction[] = [];
  const tail: PlannedAction[] = [];
  for (const finding of ordered) {
    for (const fix of finding.fixes) {
      const role: ActionRole = fix.kind === 'section' ? 'section' : 'fix';
      const action: PlannedAction = { title: fix.title, kind: QUICK_FIX_KIND, role, findings: [finding], isPreferred: false };
      if (fix.addWords) action.addWords = fix.addWords;
      else action.edits = fix.edits;
      (role === 'fix' ? fixes : calledFor).push(action);
    }
  }
  // Per finding; the same entry for another finding of the rule (same line, same file) is merged by dedupe.
  for (const finding of ordered) {
    const id = finding.ruleId;
    tail.push({ title: `Learn more about ${id}`, kind: QUICK_FIX_KIND, role: 'learn-more', findings: [finding], isPreferred: false, ruleDocs: id });
    if (finding.start >= note.body.start) {
      tail.push({ title: `Disable ${id} on this line`, kind: QUICK_FIX_KIND, role: 'disable-line', findings: [finding], isPreferred: false, edits: [disableLineEdit(note.text, finding.start, id)] });
    }
    tail.push({ title: `Disable ${id} in this file`, kind: QUICK_FIX_KIND, role: 'disable-file', findings: [finding], isPreferred: false, edits: [disableFileEdit(note, id)] });
  }
  const actions = dedupe([...fixes, ...calledFor, ...tail]);
  const first = actions.find((a) => a.role === 'fix');
  if (first) first.isPreferred = true;
  return actions;
}

/**
 * The personalized sections as refactorings: Fill placeholders and every
 * section insert, except those `offered` already lists (as a quick fix).
 */
export function sectionRefactorings(note: Note, from: string | undefined, offered: readonly PlannedAction[] = []): PlannedAction[] {
  const actions: PlannedAction[] = [];
  const fills = fillPlaceholderEdits(note, from);
  if (fills.length) actions.push({ title: 'Fill placeholders from front matter', kind: SECTION_KIND, role: 'section', findings: [], isPreferred: false, edits: fills });
  for (const fix of sections.sectionActions(note, from)) {
    actions.push({ title: fix.title, kind: SECTION_KIND, role: 'section', findings: [], isPreferred: false, edits: fix.edits });
  }
  const taken = new Set(offered.map(effectKey));
  return actions.filter((a) => !taken.has(effectKey(a)));
}

/** Whether there is anything for Fix All to do (a safe first fix somewhere). */
export function hasSafeFix(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.fixes[0]?.kind === 'fix' && f.fixes[0].safe);
}

/** ` <!-- note-coach-disable-line id -->` at the end of the finding's line. */
export function disableLineEdit(text: string, offset: number, ruleId: string): TextEdit {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start: end, end, newText: ` <!-- note-coach-disable-line ${ruleId} -->` };
}

/** `<!-- note-coach-disable-file id -->` at the top of the body (just after the front matter). */
export function disableFileEdit(note: Note, ruleId: string): TextEdit {
  const eol = eolOf(note.text);
  const comment = `<!-- note-coach-disable-file ${ruleId} -->`;
  if (note.frontMatterBlock.present) {
    const at = note.frontMatterBlock.span.end;
    return { start: at, end: at, newText: eol + comment };
  }
  return { start: note.bomLength, end: note.bomLength, newText: comment + eol + eol };
}

/** What an action does, whatever its kind: two findings offering the same section get one entry. */
function effectKey(action: PlannedAction): string {
  return JSON.stringify([action.title, action.edits?.map((e) => [e.start, e.end, e.newText]), action.addWords, action.ruleDocs]);
}

function dedupe(actions: PlannedAction[]): PlannedAction[] {
  const seen = new Map<string, PlannedAction>();
  const out: PlannedAction[] = [];
  for (const action of actions) {
    const key = effectKey(action);
    const earlier = seen.get(key);
    if (earlier) {
      for (const f of action.findings) if (!earlier.findings.includes(f)) earlier.findings.push(f);
      continue;
    }
    seen.set(key, action);
    out.push(action);
  }
  return out;
}
