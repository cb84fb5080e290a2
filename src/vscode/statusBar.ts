/** Status bar on a note: words used of the channel's budget, and the problem count. */
import * as vscode from 'vscode';
import type { Linter } from './diagnostics';
import { isNote } from './notes';
import { countedWords } from '../core/words';
import { COUNT_EXPLAINED, countProblems, plural } from '../shared/problems';

export class NoteStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('noteCoach.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly linter: Linter) {
    this.item.name = 'Note Coach';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      linter.onDidLint((uri) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.update();
      }),
    );
    this.update();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  /** What a screen reader says, for tests. */
  get label(): string | undefined {
    return this.item.accessibilityInformation?.label;
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const analysis = document && isNote(document) ? this.linter.lastAnalysis(document.uri) : undefined;
    if (!analysis || !document) {
      this.item.hide();
      return;
    }
    const channel = analysis.note.frontMatter.channel;
    const budget = analysis.config.rules.get('max-length')?.options[channel];
    const words = countedWords(analysis.note).length;
    // The same count as the Notes view and the editor's tab and Explorer badges.
    const problems = this.linter.problemCount(document.uri) ?? countProblems(analysis.findings);
    const over = typeof budget === 'number' && words > budget;
    this.item.text = `$(note) ${words}${typeof budget === 'number' ? `/${budget}` : ''} words  $(${problems ? 'warning' : 'check'}) ${problems}`;
    const summary = `${words} words${typeof budget === 'number' ? ` of the ${budget}-word budget for ${channel}` : ''}, ${plural(problems, 'problem')} (${COUNT_EXPLAINED})`;
    this.item.tooltip = `Note Coach: ${summary}. Click to open the Problems view.`;
    this.item.accessibilityInformation = { label: `Note Coach: ${summary}`, role: 'button' };
    this.item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
