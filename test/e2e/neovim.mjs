// End-to-end: Debian's Neovim, headless, opens a note and reads the diagnostics that the built
// note-coach-ls (dist/server.js) publishes for it. Exit code 0 when they are the expected ones.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNeovim } from '../../scripts/neovim-host.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const server = path.join(root, 'dist', 'server.js');
if (!fs.existsSync(server)) {
  console.error('dist/server.js is missing: run npm run build first.');
  process.exit(1);
}
const nvim = ensureNeovim();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-nvim-'));
const note = path.join(dir, 'ana-ruiz.note.md');
fs.writeFileSync(
  note,
  [
    '---',
    'to: Ana Ruiz',
    'company: Fernleaf Logistics',
    'role: Routing Analyst',
    'subject: Routing Analyst interview',
    '---',
    '',
    'Dear Ana,',
    '',
    'Thank you for showing me the [project name] on Thursday; the way your team plans each route was a pleasure to see.',
    '',
    'I remain very interested in the Routing Analyst role.',
    '',
    'Best regards,',
    'Sam Patel',
    '',
  ].join('\n'),
);
const out = path.join(dir, 'diagnostics.json');
const run = spawnSync(nvim, ['--headless', '--clean', '-c', `luafile ${path.join(root, 'test', 'e2e', 'neovim-check.lua')}`], {
  cwd: dir,
  env: { ...process.env, NOTE_COACH_LS: server, NOTE_COACH_NOTE: note, NOTE_COACH_OUT: out },
  encoding: 'utf8',
  timeout: 60000,
});
const fail = (why) => {
  console.error(`✖ Neovim end-to-end: ${why}\n  nvim exit ${run.status ?? run.signal}; stderr: ${run.stderr?.trim() || '(none)'}`);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(1);
};
if (!fs.existsSync(out)) fail('Neovim wrote no result.');
const result = JSON.parse(fs.readFileSync(out, 'utf8'));
if (result.error) fail(`the Lua script failed: ${result.error}`);
if (!result.ok) fail('no diagnostics arrived within 30 s.');
const placeholder = result.diagnostics.find((d) => d.code === 'no-unfilled-placeholder');
if (!placeholder) fail(`no no-unfilled-placeholder diagnostic: ${JSON.stringify(result.diagnostics)}`);
if (placeholder.lnum !== 9) fail(`the placeholder diagnostic is on line ${placeholder.lnum + 1}, not 10.`);
if (placeholder.source !== 'note-coach') fail(`source is ${placeholder.source}, not note-coach.`);
if (result.filetype !== 'markdown') fail(`the note opened as ${result.filetype}, not markdown.`);
console.log(`✔ Neovim (${nvim}) opened a note and received ${result.diagnostics.length} diagnostic(s) from note-coach-ls: ${result.diagnostics.map((d) => d.code).join(', ')}`);
fs.rmSync(dir, { recursive: true, force: true });
