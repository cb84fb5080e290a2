/** Wiring only: creates the services, registers providers and commands. */
import * as vscode from 'vscode';
import { ConfigurationService } from './configuration';
import { Linter } from './diagnostics';
import { ADD_WORD_COMMAND, NoteCodeActions, SECTION_KIND, fixAllEdit } from './codeActions';
import { OPEN_DOCS_COMMAND, RuleDocs } from './ruleDocs';
import { NoteCompletions } from './completion';
import { NoteStatusBar } from './statusBar';
import { createNote, newNoteForAnotherInterviewer, promptNewNote, type NewNoteInput } from './commands/newNote';
import { copyAsEmail, openInMailApp } from './commands/email';
import { markAsSent } from './commands/markAsSent';
import { confirmSend, sendOptions } from './commands/presend';
import { addWordsToConfig } from './commands/words';
import { isNote, NOTE_SELECTOR } from './notes';
import { startDictionary } from './dictionary';
import { WorkspaceIndex } from './workspaceIndex';
import { NOTES_VIEW_ID, noteUri, NotesView } from './notesView';

export interface NoteCoachApi {
  linter: Linter;
  statusBar: NoteStatusBar;
  completions: NoteCompletions;
  /** Every note of the workspace (`workspaceIndex.metrics.buildMs`: the last full scan). */
  workspaceIndex: WorkspaceIndex;
  /** The Notes view's TreeDataProvider. */
  notes: NotesView;
  metrics: { activationMs: number; firstDiagnosticsMs?: number };
  /** This extension's log folder; the extension host's own log is in the folder above (tests read it). */
  logUri: vscode.Uri;
}

export function activate(context: vscode.ExtensionContext): NoteCoachApi {
  const activationStart = performance.now();
  const configProblems = vscode.languages.createDiagnosticCollection('note-coach-config');
  const configs = new ConfigurationService(configProblems);
  const ruleDocs = new RuleDocs(context.extensionUri);
  const docsBase = ruleDocs.baseUrl;
  const workspaceIndex = new WorkspaceIndex();
  const linter = new Linter(configs, docsBase, workspaceIndex);
  const completions = new NoteCompletions(context.extensionUri);
  const statusBar = new NoteStatusBar(linter);
  const notes = new NotesView(workspaceIndex, linter);

  context.subscriptions.push(
    configProblems,
    ruleDocs,
    configs,
    workspaceIndex,
    linter,
    statusBar,
    notes,
    vscode.window.createTreeView(NOTES_VIEW_ID, { treeDataProvider: notes, showCollapseAll: true }),
    startDictionary(context, linter),
    vscode.languages.registerCodeActionsProvider(NOTE_SELECTOR, new NoteCodeActions(linter), {
      providedCodeActionKinds: NoteCodeActions.providedCodeActionKinds,
      documentation: [{ kind: SECTION_KIND, command: { title: 'About Note Coach sections', command: OPEN_DOCS_COMMAND, arguments: ['README'] } }],
    }),
    vscode.languages.registerCompletionItemProvider(NOTE_SELECTOR, completions, '-', ':', ' '),
    // With an argument ({ scenario, to, company, role, folder? }) it skips the prompts: for keybindings and tests.
    vscode.commands.registerCommand('noteCoach.newNote', async (preset?: Partial<NewNoteInput> | vscode.Uri) => {
      const given = preset instanceof vscode.Uri ? { folder: preset } : preset ?? {};
      const complete = given.scenario && given.to && given.company && given.role;
      const input = complete ? (given as NewNoteInput) : await promptNewNote(given);
      return input ? createNote(input, completions) : undefined;
    }),
    // Note commands take a Uri (editor, Explorer), a Notes view item, or nothing (the active editor).
    // On a note that is not open, Mark as Sent opens its document without an editor and saves it only if it was saved before.
    // Each first says what is left in the note and asks (a last argument { check: false } skips that).
    vscode.commands.registerCommand('noteCoach.copyAsEmail', (target?: unknown, ...rest: unknown[]) =>
      withNote(noteUri(target), async (d) => ((await confirmSend(linter, d, 'copy', sendOptions([target, ...rest]))) ? copyAsEmail(d) : undefined)),
    ),
    vscode.commands.registerCommand('noteCoach.openInMailApp', (target?: unknown, ...rest: unknown[]) =>
      withNote(noteUri(target), async (d) => ((await confirmSend(linter, d, 'mail-app', sendOptions([target, ...rest]))) ? openInMailApp(d) : undefined)),
    ),
    vscode.commands.registerCommand('noteCoach.markAsSent', (target?: unknown, ...rest: unknown[]) =>
      withNote(noteUri(target), async (d) => (await confirmSend(linter, d, 'mark-sent', sendOptions([target, ...rest]))) && markAsSent(d)),
    ),
    vscode.commands.registerCommand('noteCoach.openNote', (target?: unknown) => withNote(noteUri(target), async (d) => vscode.window.showTextDocument(d))),
    // The Notes view's inline button: a click on the row already opens the note, so the button opens it beside the current editor.
    vscode.commands.registerCommand('noteCoach.openNoteToSide', (target?: unknown) =>
      withNote(noteUri(target), async (d) => vscode.window.showTextDocument(d, { viewColumn: vscode.ViewColumn.Beside })),
    ),
    // With a second argument ({ to, folder? }) it skips the prompt: for tests.
    vscode.commands.registerCommand('noteCoach.newNoteForAnotherInterviewer', (target?: unknown, preset?: { to?: string; folder?: vscode.Uri }) =>
      withNote(noteUri(target), (d) => newNoteForAnotherInterviewer(d, completions, preset)),
    ),
    vscode.commands.registerCommand('noteCoach.checkAllNotes', async () => {
      const result = await linter.checkAll();
      if (result.problems) await vscode.commands.executeCommand('workbench.actions.view.problems');
      return result;
    }),
    vscode.commands.registerCommand('noteCoach.fixAll', (uri?: vscode.Uri) =>
      withNote(uri, async (document) => {
        const analysis = await linter.analysisFor(document);
        const edit = analysis && fixAllEdit(document, analysis);
        if (!edit) {
          void vscode.window.setStatusBarMessage('Note Coach: nothing to fix automatically.', 3000);
          return false;
        }
        return vscode.workspace.applyEdit(edit);
      }),
    ),
    vscode.commands.registerCommand(ADD_WORD_COMMAND, (uri: vscode.Uri, words: string[]) => addWordsToConfig(configs, uri, words)),
  );


  const metrics: NoteCoachApi['metrics'] = { activationMs: performance.now() - activationStart };
  const first = linter.onDidLint(() => {
    metrics.firstDiagnosticsMs ??= performance.now() - activationStart;
    first.dispose();
  });
  context.subscriptions.push(first);
  // After activation, in the background and in batches.
  workspaceIndex.start();
  return { linter, statusBar, completions, workspaceIndex, notes, metrics, logUri: context.logUri };
}

/** Run a command on the given note, or on the active editor's note. */
async function withNote<T>(uri: vscode.Uri | undefined, run: (document: vscode.TextDocument) => Promise<T>): Promise<T | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !isNote(document)) {
    void vscode.window.showInformationMessage('Note Coach: open a note (a *.note.md file) first.');
    return undefined;
  }
  return run(document);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
