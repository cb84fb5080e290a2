// User-level smoke test: the real workbench in Chromium, driven like a person would.
// The browser is the headless Chromium from the npm package @sparticuz/chromium that
// scripts/vscode-host/setup.mjs unpacks into .vscode-test/chromium/ (launched with that
// package's flags; CHROMIUM_PATH=<binary> uses another one).
// Opens a flawed note, sees the squiggle and the Problems entry, applies a quick fix
// with Ctrl+., and saves screenshots (.vscode-test/screenshots/; with
// UPDATE_SCREENSHOTS=1 also docs/images/, which the README shows).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWorkbench } from '../../scripts/vscode-host/run.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shots = path.join(root, '.vscode-test', 'screenshots');
fs.mkdirSync(shots, { recursive: true });
const update = process.env.UPDATE_SCREENSHOTS === '1';

const NOTE = `---
to: Ana Ruiz
company: Fernleaf
role: Data Engineer
subject: Data Engineer interview follow-up
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

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-smoke-'));
fs.writeFileSync(path.join(workspace, 'fernleaf-ana.note.md'), NOTE);

async function shot(page, name) {
  const file = path.join(shots, `${name}.png`);
  await page.screenshot({ path: file });
  if (update) fs.copyFileSync(file, path.join(root, 'docs', 'images', `${name}.png`));
  console.log(`  screenshot ${path.relative(root, file)}`);
}

const { page, browser, close } = await launchWorkbench({ workspace, extensionDevelopmentPath: root, viewport: { width: 1280, height: 720 } });
try {
  console.log(`  workbench open in Chromium ${browser.version()}`);
  // Open the note from the Explorer.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'fernleaf-ana.note.md' }).click();
  await page.waitForSelector('.monaco-editor .view-lines');
  // The squiggles appear.
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30000 });
  await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 30000 });
  console.log('  squiggles shown');
  await shot(page, 'diagnostics');

  // The Problems view lists them with the rule ids.
  await page.keyboard.press('Control+Shift+M');
  const markers = page.locator('.markers-panel');
  await markers.waitFor();
  await page.waitForFunction(() => document.querySelector('.markers-panel')?.textContent?.includes('greeting-matches-recipient'), null, { timeout: 15000 });
  const problems = await markers.textContent();
  assert.match(problems, /no-compensation-talk/);
  console.log('  Problems view lists the findings');
  await shot(page, 'problems');

  // Put the cursor on the wrong name and open the quick-fix menu with Ctrl+.
  await page.locator('.monaco-editor .view-line', { hasText: 'Dear Ben,' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget').first();
  await menu.waitFor({ timeout: 15000 });
  await page.waitForFunction(() => document.querySelector('.action-widget')?.textContent?.includes('Disable greeting-matches-recipient'), null, { timeout: 15000 });
  const items = await menu.textContent();
  assert.match(items, /Learn more about greeting-matches-recipient/);
  await shot(page, 'quick-fix');
  // The preferred fix comes first: apply it.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => l.textContent?.replace(/\u00a0/g, ' ').trim() === 'Dear Ana,'), null, { timeout: 15000 });
  console.log('  quick fix applied: the greeting now says "Dear Ana,"');
  await page.keyboard.press('Control+S');
  await page.waitForTimeout(500);
  const saved = fs.readFileSync(path.join(workspace, 'fernleaf-ana.note.md'), 'utf8');
  assert.equal(saved, NOTE.replace('Dear Ben,', 'Dear Ana,'));
  console.log('  saved file has exactly that change');
  await shot(page, 'after-fix');
} catch (error) {
  await page.screenshot({ path: path.join(shots, 'failure.png') }).catch(() => undefined);
  throw error;
} finally {
  await close();
  fs.rmSync(workspace, { recursive: true, force: true });
}
