/**
 * The spelling dictionary loads lazily, once, from the files shipped in the
 * extension (dist/dictionaries); notes are linted again when it is ready.
 */
import * as vscode from 'vscode';
import { onDictionaryReady } from '../core/spelling/dictionary';
import { registerNodeDictionaryLoader } from '../node/dictionary';
import type { Linter } from './diagnostics';

export function startDictionary(context: vscode.ExtensionContext, linter: Linter): vscode.Disposable {
  registerNodeDictionaryLoader({ directory: vscode.Uri.joinPath(context.extensionUri, 'dist', 'dictionaries').fsPath });
  const off = onDictionaryReady(() => linter.lintAll());
  return { dispose: off };
}
