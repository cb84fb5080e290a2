/**
 * Rule pages, always shown rendered: Learn more opens the Markdown preview of
 * docs/rules/<id>.md, and so does the rule link in a hover or the Problems
 * view. That link is the page's file (a diagnostic's code target can't run a
 * command): when it opens as text, the tab is swapped for the preview.
 */
import * as vscode from 'vscode';

export const OPEN_DOCS_COMMAND = 'noteCoach.openRuleDocs';

export class RuleDocs implements vscode.Disposable {
  private readonly folder: vscode.Uri;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(extensionUri: vscode.Uri) {
    this.folder = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
    this.disposables.push(
      vscode.commands.registerCommand(OPEN_DOCS_COMMAND, (ruleId: string) => this.open(ruleId)),
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.opened) void this.showRendered(tab);
      }),
    );
  }

  /** The base the diagnostics' rule links start with. */
  get baseUrl(): string {
    return `${this.folder.toString()}/`;
  }

  uri(ruleId: string): vscode.Uri {
    const page = ruleId === 'README' || ruleId === 'note-coach' ? 'README' : ruleId;
    return vscode.Uri.joinPath(this.folder, `${page}.md`);
  }

  async open(ruleId: string): Promise<vscode.Uri> {
    const uri = this.uri(ruleId);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
  }

  private isPage(uri: vscode.Uri): boolean {
    return uri.scheme === this.folder.scheme && uri.authority === this.folder.authority && uri.path.startsWith(`${this.folder.path}/`) && uri.path.endsWith('.md');
  }

  /** A rule page opened as text (a followed link): show the preview in its place. */
  private async showRendered(tab: vscode.Tab): Promise<void> {
    if (!(tab.input instanceof vscode.TabInputText) || !this.isPage(tab.input.uri)) return;
    const { uri } = tab.input;
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    // The preview has opened beside it in the same group; the text tab goes.
    await vscode.window.tabGroups.close(tab).then(undefined, () => undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
