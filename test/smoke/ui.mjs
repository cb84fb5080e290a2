// User-level tests: the real workbench (code-server) in headless Chromium, driven with
// the keyboard and mouse the way a person does. The browser is the Chromium from the npm
// package @sparticuz/chromium that scripts/vscode-host/setup.mjs unpacks into
// .vscode-test/chromium/ (CHROMIUM_PATH=<binary> uses another one).
//
// Each step is one thing a person does (type --- and Enter in a new note, type note-,
// open Ctrl+. on a line with several findings, follow a hover's rule link, Mark as Sent
// on a note with an error, …) and reads what the workbench shows. A failing step is
// reported and the others still run; the exit code is 1 if any failed.
// NOTE_COACH_EXTENSION=<folder> runs the steps against another build of the extension
// (to see them fail on an older one). Screenshots go to out/screenshots/; with
// UPDATE_SCREENSHOTS=1 also to docs/images/, which the README and the walkthrough show.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { launchWorkbench } from '../../scripts/vscode-host/run.mjs';
import { ensureVSCodeHost } from '../../scripts/vscode-host/setup.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const extension = path.resolve(process.env.NOTE_COACH_EXTENSION || root);
const shots = path.join(root, 'out', 'screenshots');
fs.mkdirSync(shots, { recursive: true });
const update = process.env.UPDATE_SCREENSHOTS === '1';

// A wrong name in the greeting, a salary question, no subject (an info hint).
const FLAWED = `---
to: Ana Ruiz
company: Fernleaf
role: Data Engineer
email: ana.ruiz@fernleaf.example
topics: [pipeline migration]
from: Sam Patel
---

Dear Ben,

Thank you for walking me through the pipeline migration today.
What is the salary range for this role?

I remain very interested in the Data Engineer role at Fernleaf.

Best regards,
Sam Patel
`;

// One line carrying a template slot (an error) and several warnings: generic, thanks only, no interest.
const SLOT = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'support', 'notes', 'slot-and-warnings.note.md'), 'utf8');

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-ui-'));
const file = (name) => path.join(workspace, name);
fs.writeFileSync(file('fernleaf-ana.note.md'), FLAWED);
fs.writeFileSync(file('larkspur-kim.note.md'), SLOT);
fs.writeFileSync(file('blank.note.md'), '');
fs.writeFileSync(file('fresh.note.md'), '');

const failures = [];
let page;

async function shot(name) {
  const target = path.join(shots, `${name}.png`);
  await page.screenshot({ path: target });
  if (update) fs.copyFileSync(target, path.join(root, 'docs', 'images', `${name}.png`));
  console.log(`    screenshot ${path.relative(root, target)}`);
}

/** NOTE_COACH_UI_STEPS=<regex>: run only the steps whose title matches (while working on one). */
const only = process.env.NOTE_COACH_UI_STEPS ? new RegExp(process.env.NOTE_COACH_UI_STEPS, 'i') : undefined;

async function step(title, run) {
  if (only && !only.test(title)) return;
  console.log(`  ${title}`);
  try {
    await run();
    console.log('    ✔ ok');
  } catch (error) {
    failures.push(title);
    console.log(`    ✖ ${String(error?.message ?? error).split('\n').slice(0, 12).join('\n      ')}`);
    await page.screenshot({ path: path.join(shots, `failure-${failures.length}.png`) }).catch(() => undefined);
    // Leave no menu, dialog or widget open for the next step.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape').catch(() => undefined);
  }
}

/** Open a file from the Explorer and wait for its editor. */
async function open(name) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
  await page.waitForSelector(`.tab.active[data-resource-name="${name}"]`, { timeout: 15000 });
  await page.waitForSelector('.editor-group-container.active .monaco-editor .view-lines');
}

/** The active editor's visible text, line by line. */
async function editorLines() {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')];
    return lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top)).map((l) => l.textContent.replace(/\u00a0/g, ' '));
  });
}

async function suggestVisible() {
  return page.evaluate(() => Boolean(document.querySelector('.suggest-widget.visible')));
}

async function suggestLabels() {
  return page.evaluate(() => [...document.querySelectorAll('.suggest-widget.visible .monaco-list-row .label-name')].map((e) => e.textContent.trim()));
}

/** Run a command from the Command Palette, by typing its title. */
async function palette(title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10000 });
  await page.keyboard.type(title, { delay: 10 });
  await page.waitForFunction((t) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => r.textContent.includes(t)), title, { timeout: 10000 });
  await page.keyboard.press('Enter');
}

/** The rows of the open quick-fix menu: { text, header, focused }. */
async function actionRows() {
  return page.evaluate(() =>
    [...document.querySelectorAll('.action-widget .monaco-list-row')].map((r) => ({
      text: r.textContent.trim(),
      header: r.classList.contains('group-header'),
      focused: r.classList.contains('focused'),
    })),
  );
}

/** Ctrl+. until the menu shows (the first press can land while the editor is still busy). */
async function openQuickFixMenu() {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await page.waitForSelector('.action-widget .monaco-list-row.action', { timeout: 5000 });
      await page.waitForTimeout(300);
      return actionRows();
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error('Ctrl+. showed no quick-fix menu');
}

/** Put the cursor inside the given text on its line. */
async function cursorAt(lineText, inside) {
  await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: lineText }).first().click();
  await page.keyboard.press('Home');
  const line = (await editorLines()).find((l) => l.includes(lineText));
  const column = line.indexOf(inside) + Math.ceil(inside.length / 2);
  for (let i = 0; i < column; i++) await page.keyboard.press('ArrowRight');
}

/** Where some text is shown in the active editor (its first occurrence). */
async function textBox(needle) {
  const box = await page.evaluate((text) => {
    for (const line of document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n, all.length]);
        all += n.textContent.replace(/\u00a0/g, ' ');
      }
      const at = all.indexOf(text);
      if (at < 0) continue;
      const [node, offset] = nodes.filter(([, o]) => o <= at).pop();
      const range = document.createRange();
      range.setStart(node, at - offset);
      range.setEnd(node, Math.min(node.textContent.length, at - offset + 3));
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return undefined;
  }, needle);
  assert.ok(box, `"${needle}" is not on screen`);
  return box;
}

/** Save the active editor and wait for the file to hold `expected` (a string, or a test of the text; saves can take a moment); returns what it holds. */
async function saveAndRead(name, expected) {
  await page.keyboard.press('Control+S');
  let text = '';
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(200);
    text = fs.readFileSync(file(name), 'utf8');
    if (typeof expected === 'function' ? expected(text) : text === expected) break;
  }
  return text;
}

async function dialogText() {
  await page.waitForSelector('.monaco-dialog-box', { timeout: 15000 });
  return page.evaluate(() => document.querySelector('.monaco-dialog-box').textContent);
}

async function clickDialogButton(label) {
  await page.locator('.monaco-dialog-box .monaco-button', { hasText: label }).first().click();
  await page.waitForSelector('.monaco-dialog-box', { state: 'detached', timeout: 10000 });
}

/** Every extension-host log line of this run that says it dropped a code action. */
function droppedActionLines(userDataDir) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/exthost/i.test(p)) for (const line of fs.readFileSync(p, 'utf8').split('\n')) if (line.includes('Code action will be dropped')) found.push(line);
    }
  };
  walk(path.join(userDataDir, 'logs'));
  return found;
}

const { browser, close, server, ...workbench } = await launchWorkbench({ workspace, extensionDevelopmentPath: extension, viewport: { width: 1280, height: 720 } });
page = workbench.page;
try {
  console.log(`  workbench open in Chromium ${browser.version()}${extension === root ? '' : `, extension from ${extension}`}`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);

  await step('typing --- and Enter in a new note opens no list and inserts nothing else', async () => {
    await open('blank.note.md');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    for (const [text, closing] of [['---', false], ['to: Ana Ruiz', false], ['---', true]]) {
      await page.keyboard.type(text, { delay: 60 });
      await page.waitForTimeout(700);
      assert.equal(await suggestVisible(), false, `a completion list opened after typing "${text}": ${(await suggestLabels()).join(', ')}`);
      await page.keyboard.press('Enter');
      if (closing) break;
    }
    await page.waitForTimeout(300);
    assert.equal(await saveAndRead('blank.note.md', '---\nto: Ana Ruiz\n---\n'), '---\nto: Ana Ruiz\n---\n');
  });

  await step('typing note- in an empty note offers the nine templates, and Enter inserts one in place of the word', async () => {
    await open('fresh.note.md');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await page.keyboard.type('note-', { delay: 80 });
    await page.waitForFunction(() => document.querySelectorAll('.suggest-widget.visible .monaco-list-row').length > 0, null, { timeout: 10000 });
    await page.waitForTimeout(300);
    const labels = await suggestLabels();
    assert.equal(labels.filter((l) => l.startsWith('note-')).length, 9, `offered: ${labels.join(', ')}`);
    assert.ok(!labels.some((l) => l.startsWith('section-')), `sections offered in an empty note: ${labels.join(', ')}`);
    await shot('completions');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line')].some((l) => l.textContent.replace(/\u00a0/g, ' ') === 'to: to'), null, { timeout: 10000 });
    await page.keyboard.press('Escape');
    const text = await saveAndRead('fresh.note.md', (t) => t.startsWith('---\nto: to'));
    assert.match(text, /^---\nto: to\n/);
    assert.ok(!text.includes('note-'), 'the typed word was left in the note');
  });

  await step('Ctrl+. on a line with several findings lists the fix first and preselects it, then sections, then Learn more and Disable', async () => {
    await open('larkspur-kim.note.md');
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30000 });
    await cursorAt('Thanks a lot', '[Company name]');
    const rows = await openQuickFixMenu();
    await shot('quick-fix');
    const actions = rows.filter((r) => !r.header);
    console.log(`    menu: ${rows.map((r) => (r.header ? `[${r.text}]` : `${r.focused ? '>' : ''}${r.text}`)).join(' | ')}`);
    const focused = actions.find((r) => r.focused);
    assert.ok(focused, 'nothing preselected');
    assert.match(focused.text, /^Fill in "Larkspur"/, `preselected: ${focused.text}`);
    assert.equal(actions[0].text, focused.text, 'the fix is not first');
    const otherGroup = rows.findIndex((r, i) => i > 0 && r.header);
    const quickFixes = (otherGroup < 0 ? rows : rows.slice(0, otherGroup)).filter((r) => !r.header);
    const firstTail = quickFixes.findIndex((r) => /^(Disable|Learn more)/.test(r.text));
    const lastInsert = quickFixes.map((r) => r.text).findLastIndex((t) => /^Insert/.test(t));
    assert.ok(lastInsert > 0, 'no section insert offered for the findings here');
    assert.ok(firstTail > lastInsert, 'a Disable or Learn more entry comes before a section insert');
    assert.ok(quickFixes.some((r) => r.text === 'Insert a sentence of interest'), 'require-interest\'s section is not in the quick fixes');
    assert.ok(!/^Disable/.test(focused.text));
    await page.keyboard.press('Escape');
  });

  await step('the rule link in a hover opens the rendered rule page, as Learn more does', async () => {
    const link = page.locator('.monaco-hover:not(.hidden) .code-link', { hasText: 'no-unfilled-placeholder' }).first();
    for (let attempt = 0; attempt < 4; attempt++) {
      // Away from the line first, so the earlier hover closes and a new one opens on the slot.
      await page.keyboard.press('Escape');
      await page.mouse.move(700, 600);
      await page.waitForTimeout(800);
      const box = await textBox('[Company name]');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      if (await link.waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
    }
    await shot('hover');
    await link.click();
    await page.waitForSelector('.tab[aria-label*="Preview no-unfilled-placeholder.md"]', { timeout: 15000 });
    await page.waitForFunction(() => !document.querySelector('.tab[data-resource-name="no-unfilled-placeholder.md"]:not([aria-label*="Preview"])'), null, { timeout: 10000 });
    // The page itself: rendered, and written for users.
    let body = '';
    for (let i = 0; i < 40 && !body.includes('## Why') && !/\bWhy\b/.test(body); i++) {
      for (const frame of page.frames()) body = (await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '')) || body;
      if (/\bWhy\b/.test(body)) break;
      await page.waitForTimeout(250);
    }
    assert.match(body, /\bWhy\b/, 'the preview did not render the page');
    assert.doesNotMatch(body, /Generated by|Do not edit|Motivated by/);
    assert.doesNotMatch(body, /^#|```/m, 'the page is shown as raw Markdown');
    await shot('rule-page');
    await page.keyboard.press('Control+W');
    await open('larkspur-kim.note.md');
  });

  await step('the hover\'s Quick Fix on require-interest offers its section, not only Disable and Learn more', async () => {
    await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'Thanks a lot' }).first().hover({ position: { x: 40, y: 5 } });
    await page.waitForSelector('.monaco-hover:not(.hidden) .code-link', { timeout: 15000 });
    await page.waitForTimeout(300);
    const quickFix = page.locator('.monaco-hover:not(.hidden) .action-container .action', { hasText: 'Quick Fix' }).first();
    await quickFix.click();
    await page.waitForSelector('.action-widget .monaco-list-row.action', { timeout: 10000 });
    await page.waitForTimeout(300);
    const texts = (await actionRows()).map((r) => r.text);
    console.log(`    menu: ${texts.join(' | ')}`);
    assert.ok(texts.some((t) => /^Insert /.test(t)), `only: ${texts.join(', ')}`);
    await page.keyboard.press('Escape');
    // Close the hover: click back into the text.
    await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'Kind regards' }).first().click();
  });

  await step('Mark as Sent on a note with an error says what is left, asks, and confirms when done', async () => {
    await open('larkspur-kim.note.md');
    await palette('Note Coach: Mark as Sent');
    const text = await dialogText();
    assert.match(text, /\d+ errors?\b.* left: The template slot "\[Company name\]" was never filled in/);
    assert.match(text, /mark it as sent anyway\?/);
    await shot('presend');
    await clickDialogButton('Mark as Sent Anyway');
    // A toast, or (when the window is not focused) the notification center.
    const told = () => page.evaluate(() => /marked as sent/.test(`${document.querySelector('.notifications-toasts')?.textContent ?? ''} ${document.querySelector('.notifications-center')?.textContent ?? ''}`));
    await page.waitForTimeout(1000);
    if (!(await told())) await palette('Notifications: Show Notifications');
    await page.waitForFunction(() => /marked as sent/.test(`${document.querySelector('.notifications-toasts')?.textContent ?? ''} ${document.querySelector('.notifications-center')?.textContent ?? ''}`), null, { timeout: 10000 });
    await page.waitForTimeout(500);
    assert.match(fs.readFileSync(file('larkspur-kim.note.md'), 'utf8'), /^status: sent$/m);
    await page.keyboard.press('Escape');
  });

  await step('Copy as Email asks first too, then copies the subject and the body', async () => {
    await palette('Note Coach: Copy as Email');
    const text = await dialogText();
    assert.match(text, /copy it anyway\?/);
    await shot('copy-as-email');
    await clickDialogButton('Copy Anyway');
    await page.waitForTimeout(500);
    const copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => undefined);
    if (copied !== undefined) assert.match(copied, /^Subject: QA Lead interview\n\nDear Kim,/);
  });

  await step('the status bar, the Explorer badge and the Notes view count the same problems', async () => {
    await open('fernleaf-ana.note.md');
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30000 });
    await page.waitForTimeout(1200);
    await shot('diagnostics');
    const status = await page.evaluate(() => document.querySelector('[id="note-coach.note-coach.noteCoach.status"]')?.textContent ?? '');
    const statusCount = Number(/(\d+)\s*$/.exec(status.trim())?.[1]);
    const label = await page.evaluate(() => document.querySelector('[id="note-coach.note-coach.noteCoach.status"]')?.getAttribute('aria-label') ?? '');
    const explorer = await page.evaluate(() => document.querySelector('.explorer-folders-view .monaco-list-row[aria-label="fernleaf-ana.note.md"] .monaco-icon-label')?.getAttribute('aria-label') ?? '');
    const explorerCount = Number(/(\d+) problems? in this file/.exec(explorer)?.[1] ?? 0);
    console.log(`    status bar "${status.trim()}", Explorer "${explorer.split('•').pop()?.trim()}"`);
    assert.ok(statusCount > 0);
    assert.equal(statusCount, explorerCount, `status bar ${statusCount}, Explorer ${explorerCount}`);
    assert.doesNotMatch(label, /[*`]/, `screen-reader label: ${label}`);
    // The Notes view, expanded from its collapsed header.
    const header = page.locator('.pane-header', { hasText: 'Notes' }).first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await page.waitForFunction(() => [...document.querySelectorAll('.pane-body .monaco-list-row')].some((r) => r.textContent.includes('Fernleaf')), null, { timeout: 15000 });
    await page.waitForTimeout(500);
    const rows = await page.evaluate(() => [...document.querySelectorAll('.pane-body .monaco-list-row')].map((r) => r.textContent));
    const group = rows.find((r) => r.includes('Fernleaf') && r.includes('note'));
    const item = rows.find((r) => r.includes('Ana Ruiz'));
    console.log(`    Notes view: "${group}" / "${item}"`);
    assert.match(group ?? '', new RegExp(`\\b${statusCount} problems?\\b`));
    assert.match(item ?? '', new RegExp(`\\b${statusCount} problems?\\b`));
    await shot('notes-view');
  });

  await step('the Problems view lists the findings with their rule ids', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.waitForFunction(() => document.querySelector('.markers-panel')?.textContent?.includes('greeting-matches-recipient'), null, { timeout: 15000 });
    assert.match(await page.locator('.markers-panel').textContent(), /no-compensation-talk/);
    await shot('problems');
  });

  await step('the preferred quick fix on the wrong name applies with Enter and changes only that name', async () => {
    await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'Dear Ben,' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    const rows = await openQuickFixMenu();
    const focused = rows.find((r) => r.focused);
    assert.match(focused?.text ?? '', /^Greet Ana/, `preselected: ${focused?.text}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => l.textContent?.replace(/\u00a0/g, ' ').trim() === 'Dear Ana,'), null, { timeout: 15000 });
    const expected = FLAWED.replace('Dear Ben,', 'Dear Ana,');
    assert.equal(await saveAndRead('fernleaf-ana.note.md', expected), expected);
    await shot('after-fix');
  });

  await step('New Note… starts with the kind of note to write', async () => {
    await palette('Note Coach: New Note…');
    await page.waitForFunction(() => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => r.textContent.includes('after-rejection')), null, { timeout: 10000 });
    await shot('new-note');
    await page.keyboard.press('Escape');
  });

  await step('no code action was dropped (extension host log)', async () => {
    const dropped = droppedActionLines(server.userDataDir);
    assert.deepEqual(dropped, []);
  });
} finally {
  await close();
  fs.rmSync(workspace, { recursive: true, force: true });
}

// First contact: the extension as a user installs it, from a VSIX packaged now (offline).
if (extension === root && (!only || only.test('extension page walkthrough'))) await firstContact();

if (failures.length) {
  console.log(`\n  ${failures.length} UI step(s) failed:\n${failures.map((f) => `    - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('\n  every UI step passed');

async function firstContact() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-vsix-'));
  const vsix = path.join(tmp, 'note-coach.vsix');
  const extensionsDir = path.join(tmp, 'extensions');
  const run = (command, args) => {
    const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${path.basename(args[0])} failed: ${result.stderr || result.stdout}`);
  };
  run(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--no-update-package-json', '--no-rewrite-relative-links', '--out', vsix]);
  const host = await ensureVSCodeHost({ quiet: true });
  run(host.nodePath, [host.codeServerEntry, '--config', '/dev/null', '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix]);
  const folder = fs.mkdtempSync(path.join(tmp, 'ws-'));
  const second = await launchWorkbench({ workspace: folder, extraArgs: ['--extensions-dir', extensionsDir], viewport: { width: 1280, height: 800 } });
  page = second.page;
  try {
    await step('the extension page shows the icon and the README', async () => {
      await page.keyboard.press('Control+Shift+X');
      await page.waitForSelector('.extensions-viewlet .suggest-input-container', { timeout: 15000 });
      await page.waitForTimeout(1000);
      await page.locator('.extensions-viewlet .suggest-input-container').first().click();
      await page.keyboard.type('@installed note coach', { delay: 20 });
      const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Note Coach' }).first();
      await row.waitFor({ timeout: 20000 });
      await row.click();
      await page.waitForSelector('.extension-editor .icon', { timeout: 15000 });
      let images = [];
      for (let i = 0; i < 40 && images.length === 0; i++) {
        for (const frame of page.frames()) {
          const found = await frame
            .evaluate(() => [...document.images].filter((img) => img.alt && !img.classList.contains('icon')).map((img) => ({ alt: img.alt, src: img.getAttribute('src'), ok: img.complete && img.naturalWidth > 0 })))
            .catch(() => []);
          if (found.length) images = found;
        }
        if (images.length === 0) await page.waitForTimeout(500);
      }
      const icon = await page.evaluate(() => {
        const img = document.querySelector('.extension-editor .icon');
        return { ok: Boolean(img?.complete && img.naturalWidth > 0), src: img?.getAttribute('src') };
      });
      await shot('extension-page');
      console.log(`    icon ${icon.ok ? 'shown' : 'missing'}; README pictures: ${images.map((i) => `${i.src ?? '(src removed)'} ${i.ok ? 'shown' : 'not shown'}`).join(', ')}`);
      assert.ok(icon.ok, `no icon (${icon.src})`);
      assert.ok(images.length > 0, 'the README was not rendered with its pictures');
      assert.ok(images.every((i) => !/^https?:/.test(i.src ?? '')), 'a README picture would come from the network');
      // VS Code 1.139's extension page keeps only http(s) images and drops relative ones
      // (its sanitizer has no base URI for a README on disk): logged, not failed.
      if (!images.every((i) => i.ok)) console.log('    (the extension page does not show local README pictures; the walkthrough shows them)');
    });

    await step('the walkthrough takes a new user through New Note, a first fix and Copy as Email, with its pictures', async () => {
      await palette('Welcome: Open Walkthrough');
      await page.waitForFunction(() => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => r.textContent.includes('Note Coach')), null, { timeout: 15000 });
      await page.keyboard.type('Note Coach', { delay: 20 });
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.body.innerText.includes('Start a note for your interview'), null, { timeout: 20000 });
      const text = await page.evaluate(() => document.querySelector('.gettingStartedContainer')?.innerText ?? document.body.innerText);
      for (const title of ['Start a note for your interview', 'Fix what Note Coach finds', 'Copy it into your e-mail']) assert.ok(text.includes(title), `no step "${title}"`);
      await page.waitForFunction(() => [...document.querySelectorAll('.getting-started-media img, .gettingStartedContainer img')].some((img) => img.complete && img.naturalWidth > 0), null, { timeout: 15000 });
      await shot('walkthrough');
    });
  } finally {
    await second.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
