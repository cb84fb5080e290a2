/**
 * Privacy inside a real extension host: while this suite runs, every new
 * outbound connection Node offers — net sockets, http(s) requests, DNS look-ups,
 * fetch — is counted (with the stack that asked for it) and refused. The
 * extension then does its work on a note: diagnostics, code actions, Copy as
 * Email, Mark as Sent, Fix All, saving. (Not Check All Notes: it would leave
 * diagnostics on every note for the suites that follow.) Nothing it does may reach for
 * the network.
 *
 * Only new connections are trapped: the host's own IPC sockets are already
 * open. Built-in extensions share this host; a call whose stack does not pass
 * through Note Coach's code is listed but not blamed on it (there has been none
 * so far, and the test says so when there is).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeActions, diagnosticsWith, EXTENSION_ID, setText, sleep } from './helpers';

interface Call {
  what: string;
  stack: string;
}

/* eslint-disable @typescript-eslint/no-require-imports */
function trapNetwork(calls: Call[]): () => void {
  const restores: (() => void)[] = [];
  const trap = (owner: Record<string, unknown> | undefined, name: string, what: string) => {
    if (!owner || typeof owner[name] !== 'function') return;
    const descriptor = Object.getOwnPropertyDescriptor(owner, name);
    Object.defineProperty(owner, name, {
      configurable: true,
      writable: true,
      enumerable: descriptor?.enumerable ?? true,
      value: function () {
        calls.push({ what, stack: new Error().stack ?? '' });
        throw new Error(`privacy test: ${what} called; Note Coach must not use the network`);
      },
    });
    restores.push(() => {
      if (descriptor) Object.defineProperty(owner, name, descriptor);
      else delete owner[name];
    });
  };
  const mod = (name: string) => require(name) as Record<string, unknown>;
  const net = mod('net') as Record<string, unknown> & { Socket: { prototype: Record<string, unknown> } };
  trap(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect');
  trap(net, 'connect', 'net.connect');
  trap(net, 'createConnection', 'net.createConnection');
  for (const name of ['http', 'https']) {
    trap(mod(name), 'request', `${name}.request`);
    trap(mod(name), 'get', `${name}.get`);
  }
  trap(mod('http2'), 'connect', 'http2.connect');
  trap(mod('tls'), 'connect', 'tls.connect');
  const dns = mod('dns') as Record<string, unknown> & { promises?: Record<string, unknown> };
  for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveTxt', 'reverse']) {
    trap(dns, name, `dns.${name}`);
    trap(dns.promises, name, `dns.promises.${name}`);
  }
  trap(globalThis as unknown as Record<string, unknown>, 'fetch', 'fetch');
  trap(globalThis as unknown as Record<string, unknown>, 'WebSocket', 'WebSocket');
  return () => {
    for (const restore of restores.reverse()) restore();
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

const NOTE = [
  '---',
  'to: Ana Ruiz',
  'email: ana.ruiz@fernleaf.example',
  'company: Fernleaf',
  'role: Data Engineer',
  'subject: Data Engineer interview follow-up',
  'topics: [pipeline migration]',
  'from: Sam Patel',
  '---',
  '',
  'Dear Ben,',
  '',
  'Thank you for walking me through the pipeline migration at [Company name] today.',
  'What is the salary range for this role? i really need this job!!!',
  'I enjoyed the the tour and the the replay tool, and I recieve feedback well.',
  '',
  'I remain very interested in the Data Engineer role at Fernleaf.',
  '',
  'Best regards,',
  'Sam Patel',
  '',
].join('\n');

describe('Privacy: the extension never reaches for the network', function () {
  this.timeout(120000);
  const calls: Call[] = [];
  let restore: (() => void) | undefined;
  let ours: string[] = [];

  before(async () => {
    await api();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    // Frames in Note Coach's own code: its bundle (or its sources, when run unbundled).
    ours = [`${extension.extensionPath}/dist/`, `${extension.extensionPath}/src/`];
    restore = trapNetwork(calls);
  });

  after(async () => {
    restore?.();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Leave the workspace as the next suites expect it.
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, 'notes', 'privacy-check.note.md')).then(undefined, () => undefined);
  });

  it('the trap works', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    assert.throws(() => (require('https') as typeof import('https')).get('https://example.com/'), /privacy test/);
    assert.equal(calls.pop()?.what, 'https.get');
  });

  it('diagnostics, code actions and every note command run without a network call', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'notes', 'privacy-check.note.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(NOTE));
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);

    // Diagnostics (spelling included: its dictionary is read from disk).
    await diagnosticsWith(uri, 'no-unfilled-placeholder');
    await diagnosticsWith(uri, 'spelling');
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'note-coach');
    assert.ok(diagnostics.length >= 5, `only ${diagnostics.length} diagnostics`);

    // Code actions on every diagnostic and on the whole note; apply each edit on a fresh copy.
    let applied = 0;
    for (const diagnostic of diagnostics) {
      const actions = await codeActions(uri, diagnostic.range);
      assert.ok(actions.length > 0, `no code action for ${diagnostic.message}`);
      for (const action of actions) {
        if (action.edit) {
          assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" was not applied`);
          applied++;
          await setText(editor.document, NOTE);
        }
      }
    }
    assert.ok(applied > 0);
    await codeActions(uri, new vscode.Range(0, 0, document.lineCount, 0), 'source.fixAll.noteCoach');
    await codeActions(uri, new vscode.Range(0, 0, document.lineCount, 0), 'refactor');

    // The commands.
    await vscode.commands.executeCommand('noteCoach.copyAsEmail', { check: false });
    assert.match(await vscode.env.clipboard.readText(), /Dear Ben,/);
    await vscode.commands.executeCommand('noteCoach.fixAll');
    await vscode.commands.executeCommand('noteCoach.markAsSent', { check: false });
    await sleep(200);
    assert.match(editor.document.getText(), /status: sent/);
    await vscode.commands.executeCommand('workbench.action.files.save');
    await sleep(500); // let the save-triggered lint run while the trap is still set

    const mine = calls.filter((c) => ours.some((p) => c.stack.includes(p)));
    const others = calls.filter((c) => !mine.includes(c));
    if (others.length) console.log(`[privacy] ${others.length} network call(s) from outside Note Coach (other extensions in this host): ${others.map((c) => c.what).join(', ')}`);
    assert.deepEqual(
      mine.map((c) => `${c.what}\n${c.stack}`),
      [],
      'Note Coach made network calls',
    );
    console.log(`[privacy] ${diagnostics.length} diagnostics, ${applied} code-action edits, 4 commands: ${calls.length} network call(s) in all`);
  });
});
