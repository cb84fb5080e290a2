/** "Add to the word list": edits (or creates) the `.notecoach.json` that applies to the note. */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../core/index';
import { addWordsToConfigText } from '../../core/spelling/config-words';
import type { ConfigurationService } from '../configuration';
import { minimalEdit } from '../notes';

export async function addWordsToConfig(configs: ConfigurationService, noteUri: vscode.Uri, words: string[]): Promise<vscode.Uri | undefined> {
  const { file } = await configs.forDocument(noteUri);
  const folder = vscode.workspace.getWorkspaceFolder(noteUri)?.uri ?? (noteUri.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(noteUri, '..'));
  const target = file ?? (folder && vscode.Uri.joinPath(folder, CONFIG_FILE_NAME));
  if (!target) {
    void vscode.window.showWarningMessage('Note Coach: save the note first, so there is a folder for its .notecoach.json.');
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  if (file) {
    const document = await vscode.workspace.openTextDocument(file);
    const wasDirty = document.isDirty;
    const before = document.getText();
    const change = minimalEdit(before, addWordsToConfigText(before, words));
    if (!change) return file;
    edit.replace(file, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
    if (!(await vscode.workspace.applyEdit(edit))) return undefined;
    // Save only if it had no unsaved changes of the writer's own.
    if (!wasDirty) await document.save();
  } else {
    edit.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(addWordsToConfigText(undefined, words)) });
    if (!(await vscode.workspace.applyEdit(edit))) return undefined;
  }
  return target;
}
