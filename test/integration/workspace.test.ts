/** The extension in a real VS Code with a workspace folder open. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { resolveSnippet } from '../../src/core/snippets';
import { api, apply, codeActions, diagnosticsWith, EXTENSION_ID, ruleIds, setText, sleep, waitFor } from './helpers';

const FLAWED = [
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
  'What is the salary range for this role?',
  '',
  'I remain very interested in the Data Engineer role at Fernleaf.',
  '',
  'Best regards,',
  'Sam Patel',
  '',
].join('\n');

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

let counter = 0;
/** A fresh note on disk, opened in an editor. */
async function newNote(text = FLAWED): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(folder(), 'notes', `test-${++counter}.note.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

function lineRange(document: vscode.TextDocument, contains: string): vscode.Range {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.includes(contains)) return document.lineAt(i).range;
  throw new Error(`no line contains "${contains}"`);
}

suite();
function suite(): void {
  describe('Note Coach in a workspace', function () {
    this.timeout(60000);

    before(async () => {
      await api();
    });

    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('activates and reports diagnostics in a note, measuring the time to first diagnostics', async () => {
      const { metrics } = await api();
      const editor = await newNote();
      const diagnostics = await diagnosticsWith(editor.document.uri, 'no-unfilled-placeholder');
      assert.ok(ruleIds(editor.document.uri).includes('greeting-matches-recipient'));
      const placeholder = diagnostics.find((d) => (d.code as { value: string }).value === 'no-unfilled-placeholder')!;
      assert.equal(placeholder.source, 'note-coach');
      assert.equal(placeholder.severity, vscode.DiagnosticSeverity.Error);
      assert.match(String((placeholder.code as { target: vscode.Uri }).target), /docs\/rules\/no-unfilled-placeholder\.md$/);
      console.log(`[metrics] activation ${metrics.activationMs.toFixed(1)} ms; activation to first diagnostics ${metrics.firstDiagnosticsMs?.toFixed(1)} ms`);
    });

    it('leaves ordinary Markdown alone', async () => {
      const uri = vscode.Uri.joinPath(folder(), 'README.md');
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      // Lint a note after opening the README, so there has been time for a (wrong) lint of it.
      const editor = await newNote();
      await diagnosticsWith(editor.document.uri, 'no-unfilled-placeholder');
      assert.deepEqual(ruleIds(uri), []);
      const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(0, 0));
      assert.ok(!completions.items.some((i) => String(typeof i.label === 'string' ? i.label : i.label.label).startsWith('note-')));
      const actions = await codeActions(uri, new vscode.Range(0, 0, 0, 0));
      assert.ok(!actions.some((a) => /Note Coach|What we discussed/.test(a.title)));
    });

    it('updates while typing and clears on close', async () => {
      const editor = await newNote();
      await diagnosticsWith(editor.document.uri, 'no-compensation-talk');
      const range = lineRange(editor.document, 'salary');
      await editor.edit((b) => b.delete(range));
      await diagnosticsWith(editor.document.uri, 'no-compensation-talk', false);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      // Closing the editor does not close the document at once; reverting and closing all makes it go.
      await waitFor('diagnostics to clear after close', async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        return editor.document.isClosed || ruleIds(editor.document.uri).length === 0 ? true : false;
      }, 15000).catch(() => undefined);
    });

    it('honours a setting of "off" and a .notecoach.json change', async () => {
      const editor = await newNote();
      const uri = editor.document.uri;
      await diagnosticsWith(uri, 'no-compensation-talk');
      const config = vscode.workspace.getConfiguration('noteCoach');
      await config.update('rules', { 'no-compensation-talk': 'off' }, vscode.ConfigurationTarget.Workspace);
      try {
        await diagnosticsWith(uri, 'no-compensation-talk', false);
        assert.ok(ruleIds(uri).includes('no-unfilled-placeholder'), 'other rules still run');
      } finally {
        await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await diagnosticsWith(uri, 'no-compensation-talk');

      const file = vscode.Uri.joinPath(folder(), '.notecoach.json');
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{ "rules": { "greeting-matches-recipient": "off" } }\n'));
      try {
        await diagnosticsWith(uri, 'greeting-matches-recipient', false);
      } finally {
        await vscode.workspace.fs.delete(file);
      }
      await diagnosticsWith(uri, 'greeting-matches-recipient');
    });

    it('shows a problem in .notecoach.json on the offending key', async () => {
      const editor = await newNote();
      const file = vscode.Uri.joinPath(folder(), '.notecoach.json');
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{\n  "rules": { "no-such-rule": "off" }\n}\n'));
      try {
        const problems = await waitFor('a problem on .notecoach.json', () => {
          const d = vscode.languages.getDiagnostics(file);
          return d.length ? d : undefined;
        });
        assert.match(problems![0].message, /Unknown rule "no-such-rule"/);
        assert.equal(problems![0].range.start.line, 1);
      } finally {
        await vscode.workspace.fs.delete(file);
      }
      await diagnosticsWith(editor.document.uri, 'no-unfilled-placeholder');
    });

    it('offers each fix as a quick fix, the first one preferred, and applies it', async () => {
      const editor = await newNote();
      const uri = editor.document.uri;
      const diagnostics = await diagnosticsWith(uri, 'greeting-matches-recipient');
      const diagnostic = diagnostics.find((d) => (d.code as { value: string }).value === 'greeting-matches-recipient')!;
      const actions = await codeActions(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.isPreferred && a.diagnostics?.includes(diagnostic) !== false && a.edit);
      assert.ok(fix, `no preferred fix among: ${actions.map((a) => a.title).join(' | ')}`);
      await apply(fix);
      assert.match(editor.document.getText(), /^Dear Ana,$/m);
      // Nothing else changed.
      assert.equal(editor.document.getText().replace('Dear Ana,', 'Dear Ben,'), FLAWED);
      await diagnosticsWith(uri, 'greeting-matches-recipient', false);
    });

    it('fills placeholders from the front matter', async () => {
      const editor = await newNote();
      await diagnosticsWith(editor.document.uri, 'no-unfilled-placeholder');
      const actions = await codeActions(editor.document.uri, new vscode.Range(0, 0, 0, 0));
      const fill = actions.find((a) => a.title === 'Fill placeholders from front matter');
      assert.ok(fill, actions.map((a) => a.title).join(' | '));
      await apply(fill);
      assert.match(editor.document.getText(), /pipeline migration at Fernleaf today/);
    });

    it('disables a rule on one line, or in the whole file, silencing exactly that rule', async () => {
      const editor = await newNote();
      const uri = editor.document.uri;
      const diagnostics = await diagnosticsWith(uri, 'no-compensation-talk');
      const diagnostic = diagnostics.find((d) => (d.code as { value: string }).value === 'no-compensation-talk')!;
      const actions = await codeActions(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const onLine = actions.find((a) => a.title === 'Disable no-compensation-talk on this line');
      assert.ok(onLine, actions.map((a) => a.title).join(' | '));
      const before = ruleIds(uri).filter((id) => id !== 'no-compensation-talk').sort();
      await apply(onLine);
      await diagnosticsWith(uri, 'no-compensation-talk', false);
      assert.deepEqual(ruleIds(uri).sort(), before);

      await setText(editor.document, FLAWED);
      const again = await diagnosticsWith(uri, 'greeting-matches-recipient');
      const greeting = again.find((d) => (d.code as { value: string }).value === 'greeting-matches-recipient')!;
      const inFile = (await codeActions(uri, greeting.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.title === 'Disable greeting-matches-recipient in this file');
      assert.ok(inFile);
      await apply(inFile);
      await diagnosticsWith(uri, 'greeting-matches-recipient', false);
      assert.ok(ruleIds(uri).includes('no-compensation-talk'));
      assert.match(editor.document.getText(), /^---\n<!-- note-coach-disable-file greeting-matches-recipient -->\n/m);
    });

    it('offers "Learn more", which opens the rule page', async () => {
      const editor = await newNote();
      const diagnostics = await diagnosticsWith(editor.document.uri, 'no-compensation-talk');
      const diagnostic = diagnostics.find((d) => (d.code as { value: string }).value === 'no-compensation-talk')!;
      const learn = (await codeActions(editor.document.uri, diagnostic.range)).find((a) => a.title === 'Learn more about no-compensation-talk');
      assert.ok(learn?.command);
      const uri = await vscode.commands.executeCommand<vscode.Uri>(learn.command.command, ...(learn.command.arguments ?? []));
      assert.match(uri.path, /docs\/rules\/no-compensation-talk\.md$/);
      const stat = await vscode.workspace.fs.stat(uri);
      assert.ok(stat.size > 500);
    });

    it('fixes all safe problems with source.fixAll.noteCoach and the Fix All command', async () => {
      const text = FLAWED.replace('What is the salary range for this role?', 'I think the the migration plan is sound.');
      const editor = await newNote(text);
      const uri = editor.document.uri;
      await diagnosticsWith(uri, 'no-repeated-words');
      const actions = await codeActions(uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.noteCoach');
      assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
      assert.equal(actions[0].kind?.value, 'source.fixAll.noteCoach');
      await apply(actions[0]);
      const fixed = editor.document.getText();
      assert.match(fixed, /I think the migration plan is sound\./);
      assert.match(fixed, /^Dear Ana,$/m);
      assert.match(fixed, /pipeline migration at Fernleaf today/);

      await setText(editor.document, text);
      await diagnosticsWith(uri, 'no-repeated-words');
      assert.equal(await vscode.commands.executeCommand('noteCoach.fixAll'), true);
      assert.equal(editor.document.getText(), fixed);
    });

    it('inserts the personalized sections', async () => {
      const base = FLAWED.replace('Dear Ben', 'Dear Ana').replace(' at [Company name]', '').replace('What is the salary range for this role?\n', '');
      const expected: Record<string, RegExp> = {
        "Insert 'What we discussed'": /today\.\n\nI enjoyed our conversation about pipeline migration/,
        "Insert 'Why I fit'": /Data Engineer role.*\n\n.*\n\nBest regards,/,
        'Insert a keep-me-in-mind paragraph': /keep me in mind[^\n]*\n\nBest regards,/,
      };
      for (const [title, pattern] of Object.entries(expected)) {
        const editor = await newNote(base);
        const actions = await codeActions(editor.document.uri, new vscode.Range(12, 0, 12, 0), 'refactor.rewrite.noteCoach');
        const action = actions.find((a) => a.title === title);
        assert.ok(action, `${title} not among ${actions.map((a) => a.title).join(' | ')}`);
        await apply(action);
        assert.match(editor.document.getText(), pattern, title);
        assert.ok(editor.document.getText().startsWith(base.slice(0, base.indexOf('Thank you'))), `${title} changed the top of the note`);
      }
      const unsigned = base.replace('Best regards,\nSam Patel\n', '');
      const editor = await newNote(unsigned);
      const signOff = (await codeActions(editor.document.uri, new vscode.Range(0, 0, 0, 0))).find((a) => a.title === 'Add a sign-off');
      assert.ok(signOff);
      await apply(signOff);
      assert.match(editor.document.getText(), /Fernleaf\.\n\nBest regards,\nSam Patel\n*$/);
    });

    it('completes scenario snippets in an empty note, and front-matter keys and values', async () => {
      const editor = await newNote('');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 0));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const s of ['after-interview', 'phone-screen', 'panel', 'after-rejection', 'champion', 'poor-fit', 'new-information', 'check-in', 'staff-thanks']) {
        assert.ok(labels.includes(`note-${s}`), `note-${s} missing from ${labels.join(', ')}`);
      }
      const withFrontMatter = await newNote('---\nscenario: \n---\n');
      const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', withFrontMatter.document.uri, new vscode.Position(1, 10));
      assert.ok(values.items.some((i) => i.label === 'after-rejection'));
      const emptyKey = await newNote('---\nto: Ana Ruiz\n\n---\n');
      const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', emptyKey.document.uri, new vscode.Position(2, 0));
      const keyLabels = keys.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(keyLabels.includes('company') && !keyLabels.includes('to'), keyLabels.join(', '));
    });

    it('New Note creates a note from the template and never overwrites', async () => {
      const input = { scenario: 'panel', to: 'Chidi Okafor', company: 'Fernleaf Labs', role: 'Data Engineer', folder: vscode.Uri.joinPath(folder(), 'new') };
      const first = await vscode.commands.executeCommand<vscode.Uri>('noteCoach.newNote', input);
      assert.match(first.path, /\/new\/\d{4}-\d{2}-\d{2}-fernleaf-labs-chidi-okafor\.note\.md$/);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(first));
      assert.match(text, /^to: Chidi Okafor$/m);
      assert.match(text, /^company: Fernleaf Labs$/m);
      assert.match(text, /^scenario: panel$/m);
      assert.match(text, /Chidi/);
      const marker = `${text}<!-- kept -->\n`;
      await vscode.workspace.fs.writeFile(first, new TextEncoder().encode(marker));
      const second = await vscode.commands.executeCommand<vscode.Uri>('noteCoach.newNote', input);
      assert.notEqual(second.toString(), first.toString());
      assert.match(second.path, /-chidi-okafor-2\.note\.md$/);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(first)), marker, 'the first note was overwritten');
    });

    // Issue 13, point 13: notesFolder with ".." sent new notes outside the workspace folder.
    it('New Note keeps a notesFolder that leads outside the workspace folder inside it', async () => {
      const config = vscode.workspace.getConfiguration('noteCoach', folder());
      await config.update('notesFolder', '../outside-the-workspace', vscode.ConfigurationTarget.Workspace);
      try {
        const uri = await vscode.commands.executeCommand<vscode.Uri>('noteCoach.newNote', { scenario: 'panel', to: 'Dana Lee', company: 'Fernleaf Labs', role: 'Data Engineer' });
        const base = folder().path.replace(/\/$/, '');
        assert.ok(uri.path.startsWith(`${base}/`), `${uri.path} is inside ${base}`);
        assert.doesNotMatch(uri.path, /outside-the-workspace/);
      } finally {
        await config.update('notesFolder', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('reports the defaults of each scenario template inserted untouched', async () => {
      const file = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'snippets', 'notes.code-snippets');
      const all = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, { prefix: string; body: string[] }>;
      const templates = Object.values(all).filter((s) => s.prefix.startsWith('note-'));
      assert.equal(templates.length, 9);
      for (const template of templates) {
        const editor = await newNote(resolveSnippet(template.body, { now: new Date() }));
        const uri = editor.document.uri;
        const found = (await diagnosticsWith(uri, 'no-unfilled-placeholder')).filter((d) => (d.code as { value: string }).value === 'no-unfilled-placeholder');
        assert.ok(found.length >= 1, `${template.prefix}: no unfilled-placeholder diagnostic`);
        // Gone again, so the notes of later suites (the overview, the cross-note rules) are the ones they expect.
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(uri);
      }
    });

    it('copies a note as plain text and builds a mail link', async () => {
      const editor = await newNote(FLAWED.replace('[Company name]', '**Fernleaf**'));
      // { check: false }: no pre-send question (the UI test answers that one).
      const text = await vscode.commands.executeCommand<string>('noteCoach.copyAsEmail', { check: false });
      assert.ok(text.startsWith('Subject: Data Engineer interview follow-up\n\nDear Ben,\n\nThank you for walking me through the pipeline migration at Fernleaf today.'), text);
      assert.ok(!text.includes('---') && !text.includes('**'));
      assert.equal(await vscode.env.clipboard.readText(), text);
      const link = await vscode.commands.executeCommand<string>('noteCoach.openInMailApp', editor.document.uri, { check: false });
      assert.match(link, /^mailto:ana\.ruiz@fernleaf\.example\?subject=Data%20Engineer%20interview%20follow-up&body=Dear%20Ben%2C%0D%0A/);
    });

    it('marks a note as sent in its front matter', async () => {
      const editor = await newNote();
      await vscode.commands.executeCommand('noteCoach.markAsSent', { check: false });
      const text = editor.document.getText();
      assert.match(text, /^status: sent$/m);
      assert.match(text, /^sent: \d{4}-\d{2}-\d{2}$/m);
      assert.equal(text.replace(/status: sent\nsent: \d{4}-\d{2}-\d{2}\n/, ''), FLAWED);
      assert.equal(editor.document.isDirty, false, 'a clean note is saved after marking');
    });

    it('shows words of the budget and the problem count in the status bar', async () => {
      const { statusBar } = await api();
      const editor = await newNote();
      await diagnosticsWith(editor.document.uri, 'no-compensation-talk');
      await waitFor('the status bar', () => /\d+\/250 words/.test(statusBar.text));
      assert.match(statusBar.text, /\$\(warning\) [1-9]\d*/);
      await sleep(10);
    });
  });
}
