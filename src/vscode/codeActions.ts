/**
 * Code actions on notes, from the editor-independent plan in src/shared/codeActions.ts:
 * the real fixes of the findings under the cursor first, then the sections they
 * call for, then Learn more and Disable; fix-all; the other sections as refactorings.
 */
import * as vscode from 'vscode';
import { fixAll, analyze, type Finding } from '../core/index';
import { FIX_ALL_TITLE, hasSafeFix, quickFixActions, sectionRefactorings, type PlannedAction } from '../shared/codeActions';
import { SOURCE, type Linter, type NoteAnalysis } from './diagnostics';
import { minimalEdit, toRange, toWorkspaceEdit } from './notes';
import { OPEN_DOCS_COMMAND } from './ruleDocs';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('noteCoach');
/** Personalized sections no finding under the cursor asked for: inserting text the writer then edits. */
export const SECTION_KIND = vscode.CodeActionKind.RefactorRewrite.append('noteCoach');
export const ADD_WORD_COMMAND = 'noteCoach.addToWordList';

export class NoteCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND, SECTION_KIND];

  constructor(private readonly linter: Linter) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const version = document.version;
    const analysis = await this.linter.analysisFor(document);
    // Every edit below is offsets into one version of the text: offer nothing if the text moved on meanwhile.
    if (!analysis || analysis.version !== version || document.version !== version) return [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind);
    const actions: vscode.CodeAction[] = [];

    const diagnosticOf = new Map<Finding, vscode.Diagnostic>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = findingFor(document, analysis, diagnostic);
      if (finding) diagnosticOf.set(finding, diagnostic);
    }
    const quickFixes = quickFixActions(analysis.note, [...diagnosticOf.keys()]);
    if (wants(vscode.CodeActionKind.QuickFix)) {
      for (const planned of quickFixes) actions.push(toCodeAction(document, planned, vscode.CodeActionKind.QuickFix, diagnosticOf));
    }
    if (wants(FIX_ALL_KIND)) {
      const action = fixAllAction(document, analysis);
      if (action) actions.push(action);
    }
    if (wants(SECTION_KIND)) {
      // A section already offered as a quick fix for a finding here is not repeated as a refactoring.
      for (const planned of sectionRefactorings(analysis.note, analysis.config.from, wants(vscode.CodeActionKind.QuickFix) ? quickFixes : [])) actions.push(toCodeAction(document, planned, SECTION_KIND, diagnosticOf));
    }
    return actions;
  }
}

function toCodeAction(document: vscode.TextDocument, planned: PlannedAction, kind: vscode.CodeActionKind, diagnosticOf: Map<Finding, vscode.Diagnostic>): vscode.CodeAction {
  const action = new vscode.CodeAction(planned.title, kind);
  const diagnostics = planned.findings.map((f) => diagnosticOf.get(f)).filter((d) => d !== undefined);
  if (diagnostics.length) action.diagnostics = diagnostics;
  if (planned.isPreferred) action.isPreferred = true;
  if (planned.addWords) action.command = { title: planned.title, command: ADD_WORD_COMMAND, arguments: [document.uri, planned.addWords] };
  else if (planned.ruleDocs) action.command = { title: planned.title, command: OPEN_DOCS_COMMAND, arguments: [planned.ruleDocs] };
  else if (planned.edits) action.edit = toWorkspaceEdit(document, planned.edits);
  return action;
}

/** The finding behind a diagnostic: same rule, same range, in this exact version of the text. */
function findingFor(document: vscode.TextDocument, analysis: NoteAnalysis, diagnostic: vscode.Diagnostic): Finding | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return analysis.findings.find((f) => f.ruleId === code && f.start === start && f.end === end && f.message === diagnostic.message)
    ?? analysis.findings.find((f) => f.ruleId === code && f.start === start && f.end === end);
}

export function fixAllEdit(document: vscode.TextDocument, analysis: NoteAnalysis): vscode.WorkspaceEdit | undefined {
  const before = document.getText();
  const result = fixAll(before, (text) => analyze(text, { config: analysis.config, file: document.uri.toString() }));
  const edit = minimalEdit(before, result.text);
  return edit ? toWorkspaceEdit(document, [edit]) : undefined;
}

function fixAllAction(document: vscode.TextDocument, analysis: NoteAnalysis): vscode.CodeAction | undefined {
  if (!hasSafeFix(analysis.findings)) return undefined;
  const edit = fixAllEdit(document, analysis);
  if (!edit) return undefined;
  const action = new vscode.CodeAction(FIX_ALL_TITLE, FIX_ALL_KIND);
  action.edit = edit;
  return action;
}

export { toRange };
