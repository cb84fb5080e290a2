/**
 * Hostile input: broken YAML, binary files, NUL bytes, huge and deeply nested
 * notes, runs of Markdown delimiters. Every input is generated here (nothing
 * large is committed). Each must be analysed to the end — no exception, no
 * hang (mocha's per-test timeout catches one) — with findings or a clear
 * message. The time each took is printed at the end (no timing assertions:
 * the scale benchmark watches growth).
 *
 * Also: above `maxFileSize` only the cheap rules run, and the CLI keeps going
 * past a file it cannot read and exits 2 at the end.
 *
 * Inputs that still take far too long because of an open issue in the shared
 * core or a dependency (a 200,000-character word, "*_[" runs, lists nested
 * thousands deep) are in test/hardening/known-issues.test.ts.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze, rules, TOOL_ID, type Analysis } from '../../src/core/index';
import { decodeNote } from '../../src/cli/files';
import { checkAnalysis, runCli } from '../support/properties';
import { makeSetting } from '../support/arbitraries';

const NOW = new Date(2026, 2, 2, 12, 0, 0);
const PER_TEST_TIMEOUT = 30000;
const times: { name: string; chars: number; ms: number; findings: number }[] = [];

const FRONT = '---\nto: Ana Ruiz\ncompany: Fernleaf\nrole: Data Engineer\ntopics: [pipeline migration]\nfrom: Sam Patel\n---\n\n';
const GREETING = 'Dear Ana,\n\n';
const SIGN_OFF = '\n\nBest regards,\nSam Patel\n';
const PARAGRAPH =
  'Thank you for walking me through the pipeline migration on Tuesday. I keep thinking about the replay tool you described, ' +
  'and I would be glad to help the team finish it. What is the salary range for this role?';

/** A seeded pseudo-random generator (mulberry32), so the "random" inputs are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function timed(name: string, text: string): Analysis {
  const started = performance.now();
  const analysis = analyze(text, { now: NOW });
  const ms = performance.now() - started;
  times.push({ name, chars: text.length, ms, findings: analysis.findings.length });
  return analysis;
}

/** No rule crashed (index.ts turns a crash into an error finding), and something was said or the note is plainly fine. */
function assertSane(analysis: Analysis, name: string): void {
  const crashes = analysis.findings.filter((f) => f.ruleId === TOOL_ID && /failed on this note/.test(f.message));
  assert.deepEqual(crashes.map((f) => f.message), [], `${name}: a rule crashed`);
  for (const f of analysis.findings) {
    assert.ok(f.start >= 0 && f.end <= analysis.note.text.length && f.start <= f.end, `${name}: ${f.ruleId} at ${f.start}..${f.end}`);
    assert.ok(f.message.trim(), `${name}: ${f.ruleId} has an empty message`);
  }
}

function toolInfos(analysis: Analysis): string[] {
  return analysis.findings.filter((f) => f.ruleId === TOOL_ID).map((f) => f.message);
}

const billionLaughs = (): string => {
  const lines = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    const prev = String.fromCharCode(96 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  lines.push('to: *j', 'topics: *i', 'company: *c', '---', '', 'Dear Ana,', '', PARAGRAPH, '', 'Best regards,', 'Sam Patel', '');
  return lines.join('\n');
};

describe('hostile input', function () {
  this.timeout(PER_TEST_TIMEOUT);

  after(() => {
    if (!times.length) return;
    const width = Math.max(...times.map((t) => t.name.length));
    console.log('\n      hostile input: analysis time');
    for (const t of times) {
      console.log(`      ${t.name.padEnd(width)}  ${t.chars.toLocaleString('en-US').padStart(10)} chars  ${t.ms.toFixed(0).padStart(6)} ms  ${t.findings} finding(s)`);
    }
  });

  describe('broken YAML front matter', () => {
    const cases: [string, string, RegExp][] = [
      ['an unclosed double quote', `---\nto: "Ana Ruiz\ncompany: Fernleaf\n---\n\n${GREETING}${PARAGRAPH}${SIGN_OFF}`, /quote/i],
      ['an unclosed single quote', `---\nto: 'Ana Ruiz\ncompany: Fernleaf\n---\n\n${GREETING}${PARAGRAPH}${SIGN_OFF}`, /quote/i],
      ['tab indentation', `---\nto: Ana Ruiz\ntopics:\n\t- pipeline migration\n---\n\n${GREETING}${PARAGRAPH}${SIGN_OFF}`, /tab/i],
      ['duplicate keys', `---\nto: Ana Ruiz\nto: Ben Okafor\ncompany: Fernleaf\ncompany: Fernleaf\n---\n\n${GREETING}${PARAGRAPH}${SIGN_OFF}`, /twice/i],
      ['a billion-laughs alias bomb', billionLaughs(), /alias/i],
      ['an unknown alias', `---\nto: *nobody\n---\n\n${GREETING}${PARAGRAPH}${SIGN_OFF}`, /.+/],
      ['an opening fence that is never closed', `---\nto: Ana Ruiz\ncompany: Fernleaf\n\n${GREETING}${PARAGRAPH}${SIGN_OFF}`, /clos/i],
      ['10,000 keys', `---\n${Array.from({ length: 10000 }, (_, i) => `key${i}: value ${i}`).join('\n')}\n---\n\n${GREETING}${PARAGRAPH}${SIGN_OFF}`, /.+/],
      ['a flow sequence nested 5,000 deep', `---\nto: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n\n${GREETING}${PARAGRAPH}${SIGN_OFF}`, /.+/],
      ['an unclosed flow sequence nested 10,000 deep', `---\nto: ${'['.repeat(10000)}\n---\n\n${GREETING}${PARAGRAPH}${SIGN_OFF}`, /.+/],
      ['a block mapping indented 2,000 levels', `---\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n---\n\n${GREETING}${PARAGRAPH}${SIGN_OFF}`, /.+/],
      ['YAML directives and tags', `---\n%YAML 1.2\n!!binary aGVsbG8=\nto: !!int 3\n---\n\n${GREETING}${PARAGRAPH}${SIGN_OFF}`, /.+/],
    ];
    for (const [name, text, expected] of cases) {
      it(`${name}: reported by valid-front-matter`, () => {
        const analysis = timed(`YAML: ${name}`, text);
        assertSane(analysis, name);
        const messages = analysis.findings.filter((f) => f.ruleId === 'valid-front-matter').map((f) => f.message);
        assert.ok(messages.some((m) => expected.test(m)), `no valid-front-matter finding matching ${expected}:\n${messages.join('\n')}`);
      });
    }
  });

  describe('binary and control characters', () => {
    const rnd = random(7);
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 256);
    bytes[100] = 0; // certainly a NUL near the start

    it('a binary file renamed .note.md: the CLI refuses it as binary; decoded anyway (as an editor would), it is analysed', () => {
      assert.deepEqual(decodeNote(bytes), { error: 'looks like a binary file, not a note.' });
      for (const encoding of ['utf8', 'latin1'] as const) {
        const text = bytes.toString(encoding);
        const analysis = timed(`binary as ${encoding}`, text);
        assertSane(analysis, `binary (${encoding})`);
      }
    });

    it('NUL bytes in a note: analysed, and the properties hold', () => {
      const text = `${FRONT}Dear Ana,\u0000\n\nThank you\u0000 for the the tour.\u0000\u0000 What is the salary range?\n\n\u0000Best regards,\nSam Patel\u0000\n`;
      const analysis = timed('NUL bytes', text);
      assertSane(analysis, 'NUL bytes');
      assert.ok(analysis.findings.some((f) => f.ruleId === 'no-compensation-talk'));
      checkAnalysis(text, makeSetting());
    });

    it('every C0 control character and lone surrogates', () => {
      const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
      const text = `${FRONT}${GREETING}${controls} ${PARAGRAPH} \uD800 \uDC00 \uDBFF\uDBFF ${controls}${SIGN_OFF}`;
      const analysis = timed('control characters', text);
      assertSane(analysis, 'control characters');
      checkAnalysis(text, makeSetting());
    });
  });

  describe('size', () => {
    it('a 5 MB note: only the cheap rules run, and an info finding says so', () => {
      let body = '';
      let i = 0;
      while (body.length < 5 * 1024 * 1024) body += `${PARAGRAPH} (${i++})\n\n`;
      const text = FRONT + GREETING + body + SIGN_OFF;
      const analysis = timed('5 MB note', text);
      assertSane(analysis, '5 MB');
      const info = analysis.findings.filter((f) => f.ruleId === TOOL_ID && /maxFileSize/.test(f.message));
      assert.equal(info.length, 1, toolInfos(analysis).join('\n'));
      assert.equal(info[0].severity, 'info');
      const cheap = new Set(rules.filter((r) => r.meta.cheap).map((r) => r.meta.id));
      const expensive = analysis.findings.filter((f) => f.ruleId !== TOOL_ID && !cheap.has(f.ruleId));
      assert.deepEqual([...new Set(expensive.map((f) => f.ruleId))], [], 'rules that are not cheap ran');
    });

    it('just above and just below a configured maxFileSize', () => {
      const text = FRONT + GREETING + `${PARAGRAPH}\n\n`.repeat(20) + SIGN_OFF;
      const { config } = makeSetting({ layer: { maxFileSize: text.length } });
      const below = analyze(text, { now: NOW, config });
      assert.ok(!toolInfos(below).some((m) => /maxFileSize/.test(m)));
      assert.ok(below.findings.some((f) => f.ruleId === 'no-compensation-talk'), 'the full analysis ran');
      const above = analyze(`${text} `, { now: NOW, config });
      assert.ok(toolInfos(above).some((m) => /maxFileSize/.test(m)));
      assert.ok(!above.findings.some((f) => f.ruleId === 'no-compensation-talk'), 'only the cheap rules ran');
    });

    it('a single 200,000-character line', () => {
      const text = FRONT + GREETING + `${PARAGRAPH} `.repeat(Math.ceil(200000 / (PARAGRAPH.length + 1))).slice(0, 200000) + SIGN_OFF;
      const analysis = timed('200,000-character line', text);
      assertSane(analysis, '200,000-character line');
    });

    it('10,000 list items', () => {
      const items = Array.from({ length: 10000 }, (_, i) => `- item ${i}: the the salary question, i think!!!`).join('\n');
      const analysis = timed('10,000 list items', FRONT + GREETING + items + SIGN_OFF);
      assertSane(analysis, '10,000 list items');
      assert.ok(analysis.findings.length > 0);
    });

    it('a list nested 1,000 levels deep ("- - - … item")', () => {
      assertSane(timed('list nested 1,000 deep', `${FRONT}${GREETING}${'- '.repeat(1000)}the deepest item${SIGN_OFF}`), 'nested list');
    });

    it('a list nested 100 levels deep by indentation', () => {
      const items = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
      assertSane(timed('list indented 100 deep', FRONT + GREETING + items + SIGN_OFF), 'indented list');
    });

    it('10,000 nested block quotes', () => {
      const text = FRONT + GREETING + '>'.repeat(10000) + ` ${PARAGRAPH}` + SIGN_OFF;
      const analysis = timed('10,000 nested >', text);
      assertSane(analysis, '10,000 nested >');
    });

    it('10,000 block-quote lines', () => {
      const text = FRONT + GREETING + `> ${PARAGRAPH}\n`.repeat(10000) + SIGN_OFF;
      assertSane(timed('10,000 quoted lines', text), 'quoted lines');
    });
  });

  describe('runs of Markdown delimiters', () => {
    for (const [name, unit] of [
      ['50,000 *', '*'],
      ['50,000 _', '_'],
      ['50,000 [', '['],
      ['50,000 ]', ']'],
      ['50,000 `', '`'],
      ['50,000 <', '<'],
      ['25,000 "* "', '* '],
      ['25,000 "[a"', '[a'],
      ['25,000 "_a"', '_a'],
    ] as const) {
      it(name, () => {
        const run = unit.repeat(Math.ceil(50000 / unit.length)).slice(0, 50000);
        const analysis = timed(name, FRONT + GREETING + `Thanks for the tour ${run} of the the warehouse.` + SIGN_OFF);
        assertSane(analysis, name);
      });
    }
  });

  describe('long words and many comments', () => {
    it('a 100,000-letter word', () => {
      assertSane(timed('100,000-letter word', `${FRONT}${GREETING}Thanks for the ${'a'.repeat(100000)} tour.${SIGN_OFF}`), 'long word');
    });

    it('5,000 distinct 30-letter nonsense words (the spelling rule looks up suggestions for a few)', () => {
      const rnd = random(11);
      const words = Array.from({ length: 5000 }, () => Array.from({ length: 30 }, () => String.fromCharCode(97 + Math.floor(rnd() * 26))).join(''));
      const analysis = timed('5,000 nonsense words', `${FRONT}${GREETING}${words.join(' ')}.${SIGN_OFF}`);
      assertSane(analysis, 'nonsense words');
      assert.ok(analysis.findings.filter((f) => f.ruleId === 'spelling').length >= 5000);
    });

    it('a 100,000-character URL and a 100,000-character e-mail address', () => {
      const text = `${FRONT}${GREETING}See https://example.com/${'a'.repeat(100000)} and ${'b'.repeat(100000)}@example.com for the deck.${SIGN_OFF}`;
      assertSane(timed('100,000-character URL and address', text), 'URL');
    });

    it('5,000 HTML comments and 5,000 directives', () => {
      const lines: string[] = [];
      for (let i = 0; i < 5000; i++) {
        lines.push(`<!-- a comment ${i} -->`);
        lines.push(`<!-- note-coach-disable-next-line ${i % 2 ? 'spelling' : 'no-such-rule'} -->`);
        lines.push(`Line ${i}: thanks for the the wrod ${i}.`);
      }
      const analysis = timed('10,000 comments and directives', FRONT + GREETING + lines.join('\n') + SIGN_OFF);
      assertSane(analysis, 'comments');
      assert.ok(analysis.findings.some((f) => f.ruleId === TOOL_ID && /Unknown rule "no-such-rule"/.test(f.message)), 'the bad directives are reported');
    });

    it('an unclosed comment that swallows a 1 MB note', () => {
      const text = FRONT + GREETING + '<!-- ' + `${PARAGRAPH}\n\n`.repeat(Math.ceil(900000 / PARAGRAPH.length)) + SIGN_OFF;
      assertSane(timed('unclosed comment, ~1 MB', text), 'unclosed comment');
    });
  });
});

describe('the CLI on hostile files', function () {
  this.timeout(60000);
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-hostile-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const good = `${FRONT}${GREETING}${PARAGRAPH}${SIGN_OFF}`;

  function files(): { good: string; binary: string; gone: string } {
    const rnd = random(3);
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 256);
    bytes[10] = 0;
    fs.writeFileSync(path.join(dir, 'b-binary.note.md'), bytes);
    fs.writeFileSync(path.join(dir, 'c-good.note.md'), good);
    // Unreadable: tests run as root, where chmod 000 does not stop a read; a dangling symlink does.
    fs.symlinkSync(path.join(dir, 'nowhere', 'missing.md'), path.join(dir, 'a-gone.note.md'));
    // A folder named like a note is walked as a folder, not read as a note.
    fs.mkdirSync(path.join(dir, 'd-folder.note.md'));
    return { good: 'c-good.note.md', binary: 'b-binary.note.md', gone: 'a-gone.note.md' };
  }

  it('keeps going past unreadable and binary files, prints the good file\'s findings, and exits 2 (JSON)', async () => {
    const names = files();
    const { code, stdout, stderr } = await runCli(['--format', 'json', '--now', NOW.toISOString(), '.'], dir);
    assert.equal(code, 2, stderr);
    const output = JSON.parse(stdout) as { file: string; findings: { ruleId: string }[] }[];
    assert.deepEqual(output.map((o) => o.file), [names.good]);
    assert.ok(output[0].findings.some((f) => f.ruleId === 'no-compensation-talk'), 'the good note was analysed');
    assert.match(stderr, /a-gone\.note\.md: /);
    assert.match(stderr, /b-binary\.note\.md: .*binary/);
    assert.doesNotMatch(stderr, /internal error/);
  });

  it('the same in text format, with each file named on the command line', async () => {
    const names = files();
    const { code, stdout, stderr } = await runCli(['--now', NOW.toISOString(), names.gone, names.binary, names.good, 'd-folder.note.md'], dir);
    assert.equal(code, 2, stderr);
    assert.match(stdout, /c-good\.note\.md:\d+:\d+ {2}warning {2}no-compensation-talk/);
    assert.match(stderr, /a-gone\.note\.md/);
    assert.match(stderr, /b-binary\.note\.md/);
  });

  it('--fix leaves the binary file byte for byte as it was', async () => {
    const names = files();
    const before = fs.readFileSync(path.join(dir, names.binary));
    const { code } = await runCli(['--fix', '--format', 'json', '.'], dir);
    assert.equal(code, 2);
    assert.ok(fs.readFileSync(path.join(dir, names.binary)).equals(before));
  });

  it('a note above maxFileSize (1.2 MB) through the CLI: JSON parses and carries the size notice', async () => {
    fs.writeFileSync(path.join(dir, 'big.note.md'), FRONT + GREETING + `${PARAGRAPH}\n\n`.repeat(Math.ceil(1200000 / (PARAGRAPH.length + 2))) + SIGN_OFF);
    const { code, stdout, stderr } = await runCli(['--format', 'json', '.'], dir);
    assert.ok(code === 0 || code === 1, stderr);
    const output = JSON.parse(stdout) as { findings: { ruleId: string; message: string }[] }[];
    assert.ok(output[0].findings.some((f) => f.ruleId === TOOL_ID && /maxFileSize/.test(f.message)));
  });
});
