/**
 * Completions in notes only, from the editor-independent plan in
 * src/shared/completions.ts (what is offered where, and what it replaces).
 */
import * as vscode from 'vscode';
import { completionsAt, type PlannedCompletion, type SnippetDefinition } from '../shared/completions';
import { isNote } from './notes';

export { SCENARIO_DESCRIPTIONS, type SnippetDefinition } from '../shared/completions';

const KINDS: Record<PlannedCompletion['kind'], vscode.CompletionItemKind> = {
  snippet: vscode.CompletionItemKind.Snippet,
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
};

export class NoteCompletions implements vscode.CompletionItemProvider {
  private snippets: Promise<Record<string, SnippetDefinition>> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  loadSnippets(): Promise<Record<string, SnippetDefinition>> {
    this.snippets ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'snippets', 'notes.code-snippets'))).then(
      (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetDefinition>,
      () => ({}),
    );
    return this.snippets;
  }

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    _token?: vscode.CancellationToken,
    context?: vscode.CompletionContext,
  ): Promise<vscode.CompletionItem[]> {
    if (!isNote(document)) return [];
    const invoked = !context || context.triggerKind !== vscode.CompletionTriggerKind.TriggerCharacter;
    const planned = completionsAt(document.getText(), document.offsetAt(position), await this.loadSnippets(), { invoked });
    return planned.map((p) => {
      const item = new vscode.CompletionItem(p.description ? { label: p.label, description: p.description } : p.label, KINDS[p.kind]);
      item.insertText = new vscode.SnippetString(p.snippet);
      item.range = new vscode.Range(document.positionAt(p.start), document.positionAt(p.end));
      item.documentation = p.documentation;
      if (p.kind === 'snippet') item.detail = p.documentation;
      if (p.suggestAgain) item.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
      return item;
    });
  }
}
