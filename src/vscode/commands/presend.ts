/** Before Mark as Sent, Open in Mail App and Copy as Email: say what is left in the note and ask. */
import * as vscode from 'vscode';
import { GO_AHEAD, presendQuestion, type SendAction } from '../../shared/presend';
import type { Linter } from '../diagnostics';

/** `{ check: false }` as a command's last argument skips the question (keybindings, scripts, tests). */
export interface SendOptions {
  check?: boolean;
}

export function sendOptions(args: readonly unknown[]): SendOptions {
  const last = args[args.length - 1];
  return last && typeof last === 'object' && 'check' in last ? (last as SendOptions) : {};
}

/** True to go ahead: nothing is left, or the writer said so. */
export async function confirmSend(linter: Linter, document: vscode.TextDocument, action: SendAction, options: SendOptions = {}): Promise<boolean> {
  if (options.check === false) return true;
  const analysis = await linter.analysisFor(document);
  const question = analysis && presendQuestion(analysis.findings, action);
  if (!question) return true;
  const show = 'Show Problems';
  const choice = await vscode.window.showWarningMessage(question, { modal: true }, GO_AHEAD[action], show);
  if (choice === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return choice === GO_AHEAD[action];
}
