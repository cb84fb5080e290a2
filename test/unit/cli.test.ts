/**
 * The command line, run in-process on temporary folders. Each test turns every
 * rule off except the one it exercises (require-greeting, the finished
 * example rule), so the CLI's behaviour is tested, not the other rules'.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rules } from '../../src/core/index';
import { run, type Io } from '../../src/cli/main';
import { formatJson, formatText } from '../../src/cli/format';
import { resolveSnippet } from '../../src/core/snippets';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(cwd: string, argv: string[], extra: Partial<Io> = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    isTTY: false,
    env: {},
    ...extra,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A `.notecoach.json` value with every rule off but the given ones. */
function only(settings: Record<string, unknown>): { rules: Record<string, unknown> } {
  const value: Record<string, unknown> = {};
  for (const rule of rules) value[rule.meta.id] = 'off';
  return { rules: { ...value, ...settings } };
}

const GOOD = `---
to: Priya Nair
company: Larkspur Health
role: Data Analyst
---

Hi Priya,

Thanks for Tuesday's walk through the readmission dashboard.

Best regards,
Jordan Lee
`;

/** No greeting: require-greeting reports it, with a safe fix (the front matter has `to`). */
const NO_GREETING = `---
to: Priya Nair
company: Larkspur Health
role: Data Analyst
---

Thanks for Tuesday's walk through the readmission dashboard.
I would be glad to help the team ship the next version.

Best regards,
Jordan Lee
`;

let root: string;

function write(relative: string, content: string | Buffer, mode?: number): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  if (mode !== undefined) fs.chmodSync(file, mode);
  return file;
}

function config(value: unknown, relative = '.notecoach.json'): void {
  write(relative, JSON.stringify(value, null, 2));
}

describe('cli', () => {
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-cli-'));
    config(only({ 'require-greeting': 'warning' }));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  describe('exit codes', () => {
    it('exits 0 and says so when the notes are clean', async () => {
      write('a.note.md', GOOD);
      const result = await cli(root, ['a.note.md']);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, 'No problems in 1 note\n');
      assert.equal(result.stderr, '');
    });

    it('exits 0 with warnings only, and prints path:line:col  severity  rule-id  message', async () => {
      write('a.note.md', NO_GREETING);
      const result = await cli(root, ['a.note.md']);
      assert.equal(result.code, 0);
      const [line, summary] = result.stdout.trimEnd().split('\n');
      assert.match(line, /^a\.note\.md:7:1 {2}warning {2}require-greeting {2}\S.*$/);
      assert.equal(summary, '1 warning in 1 note');
    });

    it('exits 1 when an error-level finding exists', async () => {
      config(only({ 'require-greeting': 'error' }));
      write('a.note.md', NO_GREETING);
      write('b.note.md', GOOD);
      const result = await cli(root, []);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /1 error in 2 notes\n$/);
    });

    it('exits 1 when warnings exceed --max-warnings, 0 when they do not', async () => {
      write('a.note.md', NO_GREETING);
      write('b.note.md', NO_GREETING);
      assert.equal((await cli(root, ['--max-warnings', '1'])).code, 1);
      assert.equal((await cli(root, ['--max-warnings=2'])).code, 0);
      assert.equal((await cli(root, ['--max-warnings', '0', 'b.note.md'])).code, 1);
    });

    it('exits 2 on bad usage, with the reason on stderr', async () => {
      write('a.note.md', GOOD);
      for (const argv of [['--format', 'xml'], ['--bogus'], ['--max-warnings', 'many'], ['--max-warnings=-2'], ['--now', 'yesterday'], ['--config']]) {
        const result = await cli(root, argv);
        assert.equal(result.code, 2, argv.join(' '));
        assert.match(result.stderr, /^note-coach: .+\nRun "note-coach --help" for usage\.\n$/, argv.join(' '));
        assert.equal(result.stdout, '');
      }
    });

    it('prints help and version with exit 0', async () => {
      const help = await cli(root, ['--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: note-coach/);
      const version = await cli(root, ['--version']);
      assert.equal(version.code, 0);
      assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    });

    it('exits 2 for a missing file but still checks the others', async () => {
      write('a.note.md', NO_GREETING);
      const result = await cli(root, ['missing.note.md', 'a.note.md']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /missing\.note\.md: no such file or folder/);
      assert.match(result.stdout, /a\.note\.md:7:1 {2}warning/);
    });
  });

  describe('templates', () => {
    // A note created from a scenario template and left untouched must not pass: every default it writes is a slot.
    it('reports the template defaults of each of the nine scenario templates inserted untouched', async () => {
      const all = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'snippets', 'notes.code-snippets'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
      config({});
      const scenarios = Object.values(all).filter((s) => /^note-/.test(s.prefix));
      assert.equal(scenarios.length, 9);
      for (const snippet of scenarios) {
        write(`${snippet.prefix}.note.md`, resolveSnippet(snippet.body, { now: new Date(2026, 2, 2, 12) }));
        const result = await cli(root, ['--format', 'json', `${snippet.prefix}.note.md`]);
        const findings = (JSON.parse(result.stdout) as { findings: { ruleId: string }[] }[])[0].findings;
        assert.ok(findings.filter((f) => f.ruleId === 'no-unfilled-placeholder').length >= 1, `${snippet.prefix}: no unfilled-placeholder finding`);
        assert.equal(result.code, 1, `${snippet.prefix}: exits 1 (errors)`);
      }
    });
  });

  describe('--format json', () => {
    it('prints exactly one JSON array with the documented shape', async () => {
      write('a.note.md', NO_GREETING);
      write('b.note.md', GOOD);
      const result = await cli(root, ['--format', 'json', '.']);
      assert.equal(result.code, 0);
      const parsed = JSON.parse(result.stdout) as unknown;
      assert.ok(Array.isArray(parsed));
      assert.deepEqual(
        parsed.map((entry: { file: string }) => entry.file),
        ['a.note.md', 'b.note.md'],
      );
      const [a, b] = parsed as { file: string; findings: Record<string, unknown>[] }[];
      assert.deepEqual(b.findings, []);
      assert.equal(a.findings.length, 1);
      const finding = a.findings[0];
      assert.deepEqual(Object.keys(finding).sort(), ['column', 'endColumn', 'endLine', 'fixes', 'line', 'message', 'ruleId', 'severity']);
      assert.equal(finding.ruleId, 'require-greeting');
      assert.equal(finding.severity, 'warning');
      assert.equal(finding.line, 7);
      assert.equal(finding.column, 1);
      const fixes = finding.fixes as { title: string; edits: { start: number; end: number; newText: string }[] }[];
      assert.ok(fixes.length >= 1);
      assert.equal(typeof fixes[0].title, 'string');
      assert.deepEqual(Object.keys(fixes[0].edits[0]).sort(), ['end', 'newText', 'start']);
    });

    it('keeps stdout a single JSON array when inputs are broken', async () => {
      write('bin.note.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
      write('a.note.md', NO_GREETING);
      const result = await cli(root, ['--format', 'json']);
      assert.equal(result.code, 2);
      const parsed = JSON.parse(result.stdout) as { file: string }[];
      assert.deepEqual(
        parsed.map((e) => e.file),
        ['a.note.md'],
      );
      assert.match(result.stderr, /bin\.note\.md: looks like a binary file, not a note/);
    });
  });

  describe('hostile input', () => {
    it('reports a binary file, keeps going and exits 2', async () => {
      write('a-binary.note.md', Buffer.concat([Buffer.from('---\nto: x\n'), Buffer.alloc(16), Buffer.from('more')]));
      write('b.note.md', NO_GREETING);
      const result = await cli(root, []);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /a-binary\.note\.md: looks like a binary file, not a note\./);
      assert.match(result.stdout, /b\.note\.md:7:1/);
      assert.match(result.stdout, /1 warning in 1 note\n$/);
    });

    it('reports text that is not UTF-8 with its line', async () => {
      write('latin1.note.md', Buffer.concat([Buffer.from('Hi Ana,\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' talk.\n')]));
      const result = await cli(root, []);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /latin1\.note\.md: is not valid UTF-8 text \(first bad byte on line 3\)/);
    });

    it('reports a UTF-16 file as such', async () => {
      write('wide.note.md', Buffer.from('\ufeffHi Ana,\n', 'utf16le'));
      const result = await cli(root, []);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /wide\.note\.md: is saved as UTF-16/);
    });

    it('reports a file that cannot be read (dangling link, no permission) and exits 2', async () => {
      write('b.note.md', GOOD);
      fs.symlinkSync(path.join(root, 'gone.md'), path.join(root, 'a-dangling.note.md'));
      let locked: string | undefined;
      if (process.getuid?.() !== 0 && process.platform !== 'win32') locked = write('c-locked.note.md', GOOD, 0o000);
      const result = await cli(root, []);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /a-dangling\.note\.md: no such file\./);
      if (locked) assert.match(result.stderr, /c-locked\.note\.md: cannot be read \(permission denied\)\./);
      assert.match(result.stdout, /No problems in 1 note\n$/);
    });

    it('checks empty notes, a BOM and very long lines without trouble', async () => {
      write('empty.note.md', '');
      write('bom.note.md', `\ufeff${GOOD}`);
      write('long.note.md', `${GOOD}\n${'word '.repeat(40_000)}\n`);
      const result = await cli(root, ['--format', 'json']);
      assert.equal(result.code, 0, result.stderr);
      assert.equal((JSON.parse(result.stdout) as unknown[]).length, 3);
    });
  });

  describe('formatting', () => {
    it('keeps one line per finding and clips huge messages in text output only', () => {
      const finding = {
        ruleId: 'x',
        severity: 'warning' as const,
        message: `Quoting "${'x'.repeat(5000)}"\nover two lines.`,
        start: 0,
        end: 1,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        docsUrl: '',
        fixes: [],
      };
      const text = formatText([{ file: 'a.note.md', findings: [finding], fixed: 0 }], { color: false, pretty: false });
      assert.equal(text.split('\n').length, 2);
      assert.ok(text.length < 500);
      assert.ok(text.trimEnd().endsWith('…'));
      const json = JSON.parse(formatJson([{ file: 'a.note.md', findings: [finding], fixed: 0 }])) as { findings: { message: string }[] }[];
      assert.equal(json[0].findings[0].message, finding.message);
    });
  });

  describe('configuration', () => {
    it('reports a config file that is not JSON, checks the notes with defaults and exits 2', async () => {
      write('.notecoach.json', '{ "rules": { "require-greeting": "error", } ');
      write('a.note.md', GOOD);
      const result = await cli(root, ['--format', 'json']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /\.notecoach\.json: error: Not valid JSON/);
      assert.equal((JSON.parse(result.stdout) as unknown[]).length, 1);
    });

    it('names the file and key of an unknown rule, and still runs', async () => {
      config({ rules: { ...only({}).rules, 'require-greting': 'error', 'require-greeting': 'warning' } });
      write('a.note.md', NO_GREETING);
      const result = await cli(root, []);
      assert.equal(result.code, 0);
      assert.match(result.stderr, /^\.notecoach\.json \(rules\.require-greting\): warning: Unknown rule "require-greting"\. Did you mean "require-greeting"\?\n$/);
      assert.match(result.stdout, /1 warning in 1 note/);
    });

    it('uses the nearest .notecoach.json from each note upwards', async () => {
      config(only({ 'require-greeting': 'error' }), 'strict/.notecoach.json');
      write('strict/deeper/a.note.md', NO_GREETING);
      write('loose/b.note.md', NO_GREETING);
      const result = await cli(root, ['--format', 'json']);
      const parsed = JSON.parse(result.stdout) as { file: string; findings: { severity: string }[] }[];
      const severity = Object.fromEntries(parsed.map((e) => [e.file.split(path.sep).join('/'), e.findings[0]?.severity]));
      assert.deepEqual(severity, { 'loose/b.note.md': 'warning', 'strict/deeper/a.note.md': 'error' });
      assert.equal(result.code, 1);
    });

    it('--config replaces the lookup; a missing --config file is bad usage', async () => {
      config(only({ 'require-greeting': 'off' }), 'quiet.json');
      write('a.note.md', NO_GREETING);
      const quiet = await cli(root, ['--config', 'quiet.json', 'a.note.md']);
      assert.equal(quiet.stdout, 'No problems in 1 note\n');
      const missing = await cli(root, ['--config', 'nope.json', 'a.note.md']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nope\.json: error: Cannot read the configuration \(no such file\)/);
      assert.equal(missing.stdout, '');
    });

    it('a --config that is not JSON is reported, the notes are checked with defaults, exit 2', async () => {
      write('broken.json', '{ "rules": ');
      write('a.note.md', NO_GREETING);
      const result = await cli(root, ['--config', 'broken.json', '--format', 'json', 'a.note.md']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^broken\.json: error: Not valid JSON/);
      assert.equal((JSON.parse(result.stdout) as unknown[]).length, 1);
    });
  });

  describe('finding files', () => {
    it('recurses into folders for *.note.md, skipping node_modules and dot-folders', async () => {
      write('notes/2026/acme.note.md', GOOD);
      write('notes/b.note.md', GOOD);
      write('notes/readme.md', GOOD);
      write('notes/node_modules/pkg/x.note.md', GOOD);
      write('notes/.trash/old.note.md', GOOD);
      const result = await cli(root, ['--format', 'json', 'notes']);
      const files = (JSON.parse(result.stdout) as { file: string }[]).map((e) => e.file.split(path.sep).join('/'));
      assert.deepEqual(files, ['notes/2026/acme.note.md', 'notes/b.note.md']);
    });

    it('expands globs, and a glob that matches nothing is an error', async () => {
      write('notes/2026/acme.note.md', GOOD);
      write('notes/b.note.md', GOOD);
      write('notes/node_modules/x.note.md', GOOD);
      const result = await cli(root, ['--format', 'json', 'notes/**/*.note.md']);
      const files = (JSON.parse(result.stdout) as { file: string }[]).map((e) => e.file.split(path.sep).join('/'));
      assert.deepEqual(files, ['notes/2026/acme.note.md', 'notes/b.note.md']);
      assert.equal(result.code, 0);
      const none = await cli(root, ['drafts/*.note.md']);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /No files match the pattern "drafts\/\*\.note\.md"/);
    });

    it('checks each file once even when named twice', async () => {
      write('a.note.md', NO_GREETING);
      const result = await cli(root, ['a.note.md', '.', '*.note.md']);
      assert.match(result.stdout, /1 warning in 1 note\n$/);
    });

    it('shows paths outside the working folder as absolute', async () => {
      const file = write('a.note.md', NO_GREETING);
      const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-cwd-'));
      try {
        const result = await cli(elsewhere, [file]);
        assert.ok(result.stdout.startsWith(`${file}:7:1`), result.stdout);
      } finally {
        fs.rmSync(elsewhere, { recursive: true, force: true });
      }
    });
  });

  describe('workspace', () => {
    it('treats the notes it is given as the workspace, for the rules that look across notes', async () => {
      config(only({ 'no-wrong-company': 'error' }));
      write(
        'harbor.note.md',
        `---\nto: Maria Chen\ncompany: Harbor Analytics\nrole: Data Analyst\n---\n\nDear Maria,\n\nThank you for Monday's talk about the churn dashboard.\n\nBest regards,\nSam Patel\n`,
      );
      write(
        'fernleaf.note.md',
        `---\nto: Omar Reyes\ncompany: Fernleaf Logistics\nrole: Data Analyst\n---\n\nDear Omar,\n\nI would love to join the team at Harbor Analytics and help with the route planning.\n\nBest regards,\nSam Patel\n`,
      );
      const both = await cli(root, ['--format', 'json']);
      const findings = (JSON.parse(both.stdout) as { file: string; findings: { ruleId: string; line: number }[] }[]).map(
        (e) => `${e.file}:${e.findings.map((f) => `${f.line}:${f.ruleId}`).join(',')}`,
      );
      assert.deepEqual(findings, ['fernleaf.note.md:9:no-wrong-company', 'harbor.note.md:']);
      assert.equal(both.code, 1);
      // Alone, the note has nothing to be compared with.
      const alone = await cli(root, ['fernleaf.note.md']);
      assert.equal(alone.code, 0);
    });
  });

  describe('--fix', () => {
    it('applies safe fixes atomically, keeps the mode and touches only the fix range', async () => {
      const file = write('a.note.md', NO_GREETING, 0o640);
      const inodeBefore = fs.statSync(file).ino;
      const result = await cli(root, ['--fix', 'a.note.md']);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, 'No problems in 1 note (fixed 1 problem)\n');
      const after = fs.readFileSync(file, 'utf8');
      const at = NO_GREETING.indexOf('Thanks for');
      assert.equal(after.slice(0, at), NO_GREETING.slice(0, at));
      assert.ok(after.endsWith(NO_GREETING.slice(at)));
      assert.match(after.slice(at, after.length - (NO_GREETING.length - at)), /^Dear Priya,\n\n$/);
      if (process.platform !== 'win32') assert.equal(fs.statSync(file).mode & 0o777, 0o640);
      // Replaced by rename, not rewritten in place; no temporary file left behind.
      assert.notEqual(fs.statSync(file).ino, inodeBefore);
      assert.deepEqual(fs.readdirSync(root).sort(), ['.notecoach.json', 'a.note.md']);
    });

    it('keeps CRLF line endings and a BOM', async () => {
      const crlf = `\ufeff${NO_GREETING.replace(/\n/g, '\r\n')}`;
      const file = write('a.note.md', crlf);
      const result = await cli(root, ['--fix']);
      assert.equal(result.code, 0, result.stderr);
      const after = fs.readFileSync(file, 'utf8');
      assert.ok(after.startsWith('\ufeff---\r\n'));
      assert.ok(after.includes('Dear Priya,\r\n\r\nThanks'));
      assert.equal(/(^|[^\r])\n/.test(after), false, 'no bare LF');
    });

    it('follows a symlink, so the link stays a link', async () => {
      const target = write('real/a.note.md', NO_GREETING);
      fs.symlinkSync(target, path.join(root, 'link.note.md'));
      await cli(root, ['--fix', 'link.note.md']);
      assert.ok(fs.lstatSync(path.join(root, 'link.note.md')).isSymbolicLink());
      assert.match(fs.readFileSync(target, 'utf8'), /Dear Priya,/);
    });

    it('leaves files without safe fixes and clean files untouched', async () => {
      const noTo = NO_GREETING.replace('to: Priya Nair\n', '');
      const a = write('a.note.md', noTo);
      const b = write('b.note.md', GOOD);
      const times = [a, b].map((f) => fs.statSync(f).mtimeMs);
      const result = await cli(root, ['--fix']);
      assert.equal(fs.readFileSync(a, 'utf8'), noTo);
      assert.equal(fs.readFileSync(b, 'utf8'), GOOD);
      assert.deepEqual([a, b].map((f) => fs.statSync(f).mtimeMs), times);
      assert.match(result.stdout, /1 warning in 2 notes\n$/);
    });

    it('does not fix with defaults when the configuration is broken', async () => {
      write('.notecoach.json', '{ nope');
      const file = write('a.note.md', NO_GREETING);
      const result = await cli(root, ['--fix']);
      assert.equal(result.code, 2);
      assert.equal(fs.readFileSync(file, 'utf8'), NO_GREETING);
      assert.match(result.stderr, /a\.note\.md: not fixed, because its configuration could not be read/);
    });
  });

  describe('spelling', () => {
    it('loads the dictionary before the first analysis, so misspellings are reported on the first run', async () => {
      config(only({ spelling: 'warning' }));
      write('a.note.md', GOOD.replace('walk through', 'wakl through'));
      const result = await cli(root, ['--format', 'json']);
      assert.equal(result.stderr, '');
      const [entry] = JSON.parse(result.stdout) as { findings: { ruleId: string; line: number }[] }[];
      assert.deepEqual(
        entry.findings.map((f) => `${f.line}:${f.ruleId}`),
        ['9:spelling'],
      );
    });
  });

  describe('colors', () => {
    it('colors and groups on a terminal, respects NO_COLOR and FORCE_COLOR', async () => {
      write('a.note.md', NO_GREETING);
      const tty = await cli(root, [], { isTTY: true });
      assert.match(tty.stdout, /\u001b\[/);
      assert.match(tty.stdout, /^\u001b\[4m\u001b\[1ma\.note\.md/);
      const noColor = await cli(root, [], { isTTY: true, env: { NO_COLOR: '1' } });
      assert.doesNotMatch(noColor.stdout, /\u001b\[/);
      assert.match(noColor.stdout, /^a\.note\.md\n {2}a\.note\.md:7:1 {2}warning/);
      const forced = await cli(root, [], { isTTY: false, env: { FORCE_COLOR: '1' } });
      assert.match(forced.stdout, /\u001b\[/);
      const piped = await cli(root, []);
      assert.doesNotMatch(piped.stdout, /\u001b\[/);
    });
  });
});
