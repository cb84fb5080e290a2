/**
 * Code actions on notes: every fix of every finding (the first one preferred),
 * disable comments, "Learn more", fix-all, and the personalized sections.
 */
import * as vscode from 'vscode';
import { fixAll, analyze, sections, type Finding } from '../core/index';
import { fillPlaceholderEdits } from '../core/rules/no-unfilled-placeholder';
import { eolOf } from '../core/text';
import { SOURCE, type Linter, type NoteAnalysis } from './diagnostics';
import { minimalEdit, toRange, toWorkspaceEdit } from './notes';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('noteCoach');
/** Personalized sections: inserting text the writer then edits. */
export const SECTION_KIND = vscode.CodeActionKind.RefactorRewrite.append('noteCoach');
export const ADD_WORD_COMMAND = 'noteCoach.addToWordList';
export const OPEN_DOCS_COMMAND = 'noteCoach.openRuleDocs';

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

    if (wants(vscode.CodeActionKind.QuickFix)) {
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== SOURCE) continue;
        const finding = findingFor(document, analysis, diagnostic);
        if (finding) actions.push(...this.quickFixes(document, analysis, finding, diagnostic));
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const action = fixAllAction(document, analysis);
      if (action) actions.push(action);
    }
    if (wants(SECTION_KIND)) actions.push(...sectionActions(document, analysis));
    return dedupe(actions);
  }

  private quickFixes(document: vscode.TextDocument, analysis: NoteAnalysis, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    finding.fixes.forEach((fix, i) => {
      const action = new vscode.CodeAction(fix.title, fix.kind === 'section' ? SECTION_KIND : vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = i === 0 && fix.kind === 'fix';
      if (fix.addWords) {
        action.command = { title: fix.title, command: ADD_WORD_COMMAND, arguments: [document.uri, fix.addWords] };
      } else {
        action.edit = toWorkspaceEdit(document, fix.edits);
      }
      actions.push(action);
    });
    const id = finding.ruleId;
    const inBody = finding.start >= analysis.note.body.start;
    if (inBody) {
      const line = document.lineAt(document.positionAt(finding.start).line);
      const action = new vscode.CodeAction(`Disable ${id} on this line`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(document.uri, line.range.end, ` <!-- note-coach-disable-line ${id} -->`);
      actions.push(action);
    }
    const fileAction = new vscode.CodeAction(`Disable ${id} in this file`, vscode.CodeActionKind.QuickFix);
    fileAction.diagnostics = [diagnostic];
    fileAction.edit = new vscode.WorkspaceEdit();
    const top = disableFileInsertion(analysis, id);
    fileAction.edit.insert(document.uri, document.positionAt(top.at), top.text);
    actions.push(fileAction);

    const learn = new vscode.CodeAction(`Learn more about ${id}`, vscode.CodeActionKind.QuickFix);
    learn.diagnostics = [diagnostic];
    learn.command = { title: `Learn more about ${id}`, command: OPEN_DOCS_COMMAND, arguments: [id] };
    actions.push(learn);
    return actions;
  }
}

/**
 * Two findings can offer the same section (no-generic-note and no-thanks-only both
 * offer "Insert 'What we discussed'"): show it once, resolving both diagnostics.
 */
function dedupe(actions: vscode.CodeAction[]): vscode.CodeAction[] {
  const seen = new Map<string, vscode.CodeAction>();
  const out: vscode.CodeAction[] = [];
  for (const action of actions) {
    const edits = action.edit?.entries().map(([uri, list]) => [uri.toString(), list.map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText])]);
    const key = JSON.stringify([action.kind?.value, action.title, edits, action.command?.command, action.command?.arguments]);
    const earlier = seen.get(key);
    if (earlier) {
      if (action.diagnostics?.length) earlier.diagnostics = [...(earlier.diagnostics ?? []), ...action.diagnostics];
      continue;
    }
    seen.set(key, action);
    out.push(action);
  }
  return out;
}

/** The finding behind a diagnostic: same rule, same range, in this exact version of the text. */
function findingFor(document: vscode.TextDocument, analysis: NoteAnalysis, diagnostic: vscode.Diagnostic): Finding | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return analysis.findings.find((f) => f.ruleId === code && f.start === start && f.end === end && f.message === diagnostic.message)
    ?? analysis.findings.find((f) => f.ruleId === code && f.start === start && f.end === end);
}

/** `<!-- note-coach-disable-file id -->` at the top of the body (just after the front matter). */
function disableFileInsertion(analysis: NoteAnalysis, ruleId: string): { at: number; text: string } {
  const { note } = analysis;
  const eol = eolOf(note.text);
  const comment = `<!-- note-coach-disable-file ${ruleId} -->`;
  if (note.frontMatterBlock.present) return { at: note.frontMatterBlock.span.end, text: eol + comment };
  return { at: note.bomLength, text: comment + eol + eol };
}

export function fixAllEdit(document: vscode.TextDocument, analysis: NoteAnalysis): vscode.WorkspaceEdit | undefined {
  const before = document.getText();
  const result = fixAll(before, (text) => analyze(text, { config: analysis.config, file: document.uri.toString() }));
  const edit = minimalEdit(before, result.text);
  return edit ? toWorkspaceEdit(document, [edit]) : undefined;
}

function fixAllAction(document: vscode.TextDocument, analysis: NoteAnalysis): vscode.CodeAction | undefined {
  if (!analysis.findings.some((f) => f.fixes[0]?.kind === 'fix' && f.fixes[0].safe)) return undefined;
  const edit = fixAllEdit(document, analysis);
  if (!edit) return undefined;
  const action = new vscode.CodeAction('Fix all Note Coach problems', FIX_ALL_KIND);
  action.edit = edit;
  return action;
}

function sectionActions(document: vscode.TextDocument, analysis: NoteAnalysis): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  const fills = fillPlaceholderEdits(analysis.note, analysis.config.from);
  if (fills.length) {
    const action = new vscode.CodeAction('Fill placeholders from front matter', SECTION_KIND);
    action.edit = toWorkspaceEdit(document, fills);
    actions.push(action);
  }
  for (const fix of sections.sectionActions(analysis.note, analysis.config.from)) {
    const action = new vscode.CodeAction(fix.title, SECTION_KIND);
    action.edit = toWorkspaceEdit(document, fix.edits);
    actions.push(action);
  }
  return actions;
}

export function docsUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

export { toRange };
