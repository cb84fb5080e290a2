/**
 * Hostile input: broken YAML, binary files, NUL bytes, huge and deeply nested
 * notes, runs of Markdown delimiters. Every input is generated here (nothing
 * large is committed). Each must be analysed to the end — no exception, no
 * hang (mocha's per-test timeout catches one) — with findings or a clear
 * message. The time each took is printed at the end (no timing assertions:
 * the scale benchmark watches growth).
 *
 * Also: above `maxFileSize` only the cheap rules run — on the same model
 * whether the note comes as text, as a parsed model or through the CLI — and
 * the CLI keeps going past a file it cannot read and exits 2 at the end. The
 * personalized sections are inserted as paragraphs of their own even where
 * Markdown would swallow them (an unclosed fence or comment, a sign-off run
 * into the paragraph before it).
 *
 * Some of these once took far longer than their size warrants (each is named
 * below with what it cost before the fix); the scale benchmark
 * (`npm run bench -- --scale`) watches for growth, not these tests.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze, applyEdits, NoteIndex, parseForSize, parseNote, resolveConfig, rules, sections, TOOL_ID, type Analysis } from '../../src/core/index';
import { tame } from '../../src/core/parse';
import { flattenBody, frontMatterEnd, htmlComments, MAX_FINDINGS_PER_RULE, MAX_NOTE_BYTES, stripHtmlComments } from '../../src/core/limits';
import { decodeNote, readNote } from '../../src/cli/files';
import { escapeControl } from '../../src/cli/format';
import { globMatcher } from '../../src/vscode/glob';
import { execFileSync } from 'node:child_process';
import { checkAnalysis, checkCli, checkFixes, checkModel, checkSections, runCli } from '../support/properties';
import { makeSetting } from '../support/arbitraries';
import { generateNotes, prng } from '../../bench/generate';

const NOW = new Date(2026, 2, 2, 12, 0, 0);
const PER_TEST_TIMEOUT = 30000;
const times: { name: string; chars: number; ms: number; findings: number }[] = [];

const FRONT = '---\nto: Ana Ruiz\ncompany: Fernleaf\nrole: Data Engineer\ntopics: [pipeline migration]\nfrom: Sam Patel\n---\n\n';
const GREETING = 'Dear Ana,\n\n';
const SIGN_OFF = '\n\nBest regards,\nSam Patel\n';
const PARAGRAPH =
  'Thank you for walking me through the pipeline migration on Tuesday. I keep thinking about the replay tool you described, ' +
  'and I would be glad to help the team finish it. What is the salary range for this role?';

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
    const rnd = prng(7);
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

    // Was quadratic: the sentence split ran over a whole list at once (20,000 items: about 30 s). Now paragraph by paragraph.
    it('20,000 list items', () => {
      const items = Array.from({ length: 20000 }, (_, i) => `- item ${i}: thanks for the tour`).join('\n');
      assertSane(timed('20,000 list items', FRONT + GREETING + items + SIGN_OFF), '20,000 list items');
    });

    // A paragraph past MAX_BLOCK_TOKENS (parse.ts) is skipped and reported: parse-english's plugins splice once per
    // merge, so 100,000 "U.S.A." in one paragraph took 64 s when a faster conversion stopped overflowing the stack first.
    for (const [unit, name] of [['U.S.A. ', 'initialisms'], ['a-b ', 'hyphenated words'], ["I'm ", 'contractions'], ['go ', 'plain words']] as const) {
      it(`one paragraph of 100,000 ${name} is skipped with an info finding, the rest of the note checked`, () => {
        const text = FRONT + GREETING + unit.repeat(100000) + 'end.\n\nI am still keen on the role.\n' + SIGN_OFF;
        const analysis = timed(`paragraph of 100,000 ${name}`, text);
        assertSane(analysis, name);
        assert.equal(analysis.note.skippedProse.length, 1);
        assert.ok(analysis.findings.some((f) => f.ruleId === TOOL_ID && /too long to check sentence by sentence/.test(f.message)));
        assert.ok(analysis.note.sentences.some((s) => /still keen/.test(s.text)), 'the next paragraph is still read');
      });
    }

    // Was quadratic in micromark: 8,000 deep took 16–40 s for 16 KB. Markers beyond 100 on a line are blanked in the parsed copy.
    it('a list nested 8,000 levels deep on one line', () => {
      const text = `${FRONT}${GREETING}${'- '.repeat(8000)}the deepest item${SIGN_OFF}`;
      const analysis = timed('list nested 8,000 deep', text);
      assertSane(analysis, 'deep list');
      assert.ok(analysis.note.signOff, 'the sign-off after it is still found');
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
      // Was quadratic in micromark's emphasis and label resolution: 7 s. Delimiters beyond 4,000 are blanked in the parsed copy.
      ['16,667 "*_["', '*_['],
    ] as const) {
      it(name, () => {
        const run = unit.repeat(Math.ceil(50000 / unit.length)).slice(0, 50000);
        const analysis = timed(name, FRONT + GREETING + `Thanks for the tour ${run} of the the warehouse.` + SIGN_OFF);
        assertSane(analysis, name);
      });
    }
  });

  describe('long words and many comments', () => {
    // Was quadratic: the bare e-mail pattern was retried from every position of the word (21 s).
    it('a 200,000-character word', () => {
      assertSane(timed('200,000-character word', `${FRONT}${GREETING}Thanks for the ${'x'.repeat(200000)} tour.${SIGN_OFF}`), '200,000-character word');
    });

    it('a 100,000-letter word', () => {
      assertSane(timed('100,000-letter word', `${FRONT}${GREETING}Thanks for the ${'a'.repeat(100000)} tour.${SIGN_OFF}`), 'long word');
    });

    it('5,000 distinct 30-letter nonsense words (the spelling rule looks up suggestions for a few)', () => {
      const rnd = prng(11);
      const words = Array.from({ length: 5000 }, () => Array.from({ length: 30 }, () => String.fromCharCode(97 + Math.floor(rnd() * 26))).join(''));
      const analysis = timed('5,000 nonsense words', `${FRONT}${GREETING}${words.join(' ')}.${SIGN_OFF}`);
      assertSane(analysis, 'nonsense words');
      // One finding per word, up to the per-rule cap; then one info finding says the rest were left out.
      assert.equal(analysis.findings.filter((f) => f.ruleId === 'spelling').length, MAX_FINDINGS_PER_RULE);
      assert.ok(toolInfos(analysis).some((m) => /Rule spelling found more than 1,000 problems/.test(m)), toolInfos(analysis).join('\n'));
    });

    it('a 100,000-character URL and a 100,000-character e-mail address', () => {
      const text = `${FRONT}${GREETING}See https://example.com/${'a'.repeat(100000)} and ${'b'.repeat(100000)}@example.com for the deck.${SIGN_OFF}`;
      assertSane(timed('100,000-character URL and address', text), 'URL');
    });

    it('5,000 HTML comments and 5,000 directives: past the structural limits, the quick checks run and say why', () => {
      const analysis = timed('10,000 comments and directives', commentsAndDirectives(5000));
      assertSane(analysis, 'comments');
      assert.ok(toolInfos(analysis).some((m) => /more than the limit of .*only the quick checks ran/.test(m)), toolInfos(analysis).join('\n'));
    });

    it('60 HTML comments and 60 directives, within the limits: the bad directives are reported', () => {
      const analysis = timed('120 comments and directives', commentsAndDirectives(60));
      assertSane(analysis, 'comments');
      assert.ok(analysis.findings.some((f) => f.ruleId === TOOL_ID && /Unknown rule "no-such-rule"/.test(f.message)), 'the bad directives are reported');
    });

    it('an unclosed comment that swallows a 1 MB note', () => {
      const text = FRONT + GREETING + '<!-- ' + `${PARAGRAPH}\n\n`.repeat(Math.ceil(900000 / PARAGRAPH.length)) + SIGN_OFF;
      assertSane(timed('unclosed comment, ~1 MB', text), 'unclosed comment');
    });
  });
});

/** A note of `count` lines with a comment, `count` directives (half naming no rule) and `count` lines of prose. */
function commentsAndDirectives(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(`<!-- a comment ${i} -->`);
    lines.push(`<!-- note-coach-disable-next-line ${i % 2 ? 'spelling' : 'no-such-rule'} -->`);
    lines.push(`Line ${i}: thanks for the the wrod ${i}.`);
  }
  return FRONT + GREETING + lines.join('\n') + SIGN_OFF;
}

// Issue 13, points 2 and 3: shapes whose parse cost grows faster than their length (setext underlines,
// ">" runs without spaces, unclosed openers, list items). Before the limits: 18 s, 30 s, 12 s, and out of memory.
describe('structural limits', function () {
  this.timeout(PER_TEST_TIMEOUT);
  const shapes: [string, () => string, RegExp][] = [
    ['10,000 setext headings ("a\\n=\\n")', () => 'a\n=\n'.repeat(10000), /heading lines/],
    ['">" 80,000 times with no space, then text', () => '>'.repeat(80000) + ' hi', /levels of nesting/],
    ['"<!--" 100,000 times', () => '<!--'.repeat(100000), /HTML comments and other openers/],
    ['a letter and "<!--", 20,000 times on one line', () => 'a<!--'.repeat(20000), /HTML comments and other openers/],
    ['250,000 list items (1 MB, under maxFileSize)', () => '- a\n'.repeat(250000), /list items/],
    ['a list indented one level deeper on each of 2,000 lines', () => Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n'), /levels of nesting/],
    ['20,000 lazy block-quote lines', () => '> a\nb\n'.repeat(20000), /lines$/],
    ['20,000 link definitions', () => '[a]: b\n'.repeat(20000), /code fences and link definitions/],
    ['50,000 "<!A" declarations (one "!" each)', () => '<!A'.repeat(50000), /HTML comments and other openers/],
    ['20,000 short lines', () => 'Thanks for the tour\n'.repeat(20000), /lines/],
    // The flattened copy once joined each blanked "|-|" line to the next row: 20,000 lines in one paragraph, 9 s.
    ['20,000 table rows and rules', () => '|a|\n|-|\n'.repeat(20000), /lines/],
    ['20,000 lines with old Mac line breaks (CR alone)', () => 'Thanks for the tour\r'.repeat(20000), /lines/],
  ];
  for (const [name, make, what] of shapes) {
    it(`${name}: quick checks only, and a finding says which limit`, () => {
      const text = FRONT + GREETING + make() + SIGN_OFF;
      const analysis = timed(name, text);
      assertSane(analysis, name);
      assert.ok(analysis.note.overLimit, 'past a structural limit');
      assert.match(analysis.note.overLimit!.what, what);
      const info = toolInfos(analysis).filter((m) => /more than the limit of .*only the quick checks ran/.test(m));
      assert.equal(info.length, 1, toolInfos(analysis).join('\n'));
      const cheap = new Set(rules.filter((r) => r.meta.cheap).map((r) => r.meta.id));
      assert.deepEqual([...new Set(analysis.findings.filter((f) => f.ruleId !== TOOL_ID && !cheap.has(f.ruleId)).map((f) => f.ruleId))], []);
      assert.equal(analysis.note.frontMatter.to, 'Ana Ruiz', 'the front matter is still read');
      assert.ok(analysis.note.greeting, 'the greeting is still found');
      assert.ok(analysis.note.signOff, 'the sign-off is still found');
    });
  }

  it('3 MB of list items (above maxFileSize) no longer runs out of memory', () => {
    const analysis = timed('750,000 list items', '- a\n'.repeat(750000));
    assertSane(analysis, '750,000 list items');
    assert.ok(toolInfos(analysis).some((m) => /maxFileSize/.test(m)));
  });

  it('a note within every limit is analysed in full, and the model, NoteIndex and analyze agree', () => {
    const items = Array.from({ length: 50 }, (_, i) => `- point ${i}: thanks for the tour`).join('\n');
    const text = `${FRONT}${GREETING}> quoted\n\n# Heading\n\n${items}\n\n${PARAGRAPH}${SIGN_OFF}`;
    const analysis = analyze(text, { now: NOW });
    assert.equal(analysis.note.overLimit, undefined);
    assert.ok(analysis.findings.some((f) => f.ruleId === 'no-compensation-talk'), 'the full analysis ran');
    const over = FRONT + '- a\n'.repeat(1001);
    const index = new NoteIndex();
    const entry = index.set('a.note.md', over, { maxFileSize: 1_000_000 });
    assert.ok(entry.note.overLimit && !entry.note.prose);
    assert.equal(index.set('a.note.md', over, { maxFileSize: 1_000_000 }), entry, 'not parsed again');
    assert.equal(parseForSize(over, 1_000_000).prose, false);
  });

  it('the flattened copy keeps every offset and the front matter', () => {
    const text = `${FRONT}- a *b* <!-- c -->\n> d\n`;
    const flat = flattenBody(text, frontMatterEnd(text));
    assert.equal(flat.length, text.length);
    assert.ok(flat.startsWith(FRONT.trimEnd()));
    for (let i = 0; i < text.length; i++) if (flat[i] !== text[i]) assert.equal(flat[i], ' ', `offset ${i}`);
    assert.equal(frontMatterEnd('no front matter\n---\n'), 0);
  });

  it('comments are found as the lazy pattern finds them, in linear time', () => {
    for (const text of ['<!-- a --> b <!-- c -->', '<!-- a <!-- b --> c', '<!-->', '<!---->x', '<!-- open', 'x<!--<!---->-->']) {
      const expected = [...text.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => ({ index: m.index, length: m[0].length, inner: m[1] }));
      assert.deepEqual(htmlComments(text), expected, text);
      assert.equal(stripHtmlComments(text), text.replace(/<!--[\s\S]*?-->/g, ''), text);
    }
  });
});

describe('personalized sections in hostile places', () => {
  const setting = makeSetting();
  const insert = (text: string, placement: sections.Placement) => applyEdits(text, [sections.insertParagraph(parseNote(text), placement, { text: 'NEW.' })]);

  // Each: the sections come out as paragraphs of their own, before any sign-off, nothing else
  // changes (checkSections); and every fix of every finding applies and clears its finding
  // (checkFixes).
  const cases: [string, string][] = [
    // Found by fuzzing: inserted before the "sign-off", the section became code.
    ['a "sign-off" inside an unclosed code fence', '---\n---\n\nDear Ana,\n\nWhat is the salary range for this role?\n\n```\n\n\nBest regards,\nAna Ruiz'],
    // Found by fuzzing: added at the end, the section became part of the comment.
    ['a note that ends in an unclosed comment', '---\n---\n\nTo whom it may concern,\n\nWhat is the salary range for this role?\n\n<!-- Dear Zoë,'],
    ['a "sign-off" in an indented code block', 'Dear Ana,\n\nThank you for the tour.\n\n    Best regards,\n    Sam Patel\n'],
    ['a sign-off inside a comment of several lines', 'Dear Ana,\n\nThank you for the tour.\n\n<!--\nBest regards,\nSam Patel\n'],
    ['an unclosed <pre> at the end', 'Dear Ana,\n\nThank you for the tour.\n\n<pre>\nthe schedule\n'],
    ['an unclosed ~~~~ fence with a shorter fence inside', 'Dear Ana,\n\nThank you for the tour.\n\n~~~~\nnotes\n~~~\n'],
    ['an indented unclosed comment that interrupts a paragraph', 'Dear Ana,\n\nThank you for the tour.\n  <!-- to do: the Reno pilot\n\nBest regards,\nSam Patel\n'],
    ['a sign-off that is a lazy line of a list item', 'Dear Ana,\n\n- Thank you for the tour.\nBest regards,\nSam Patel\n'],
    ['a sign-off in a paragraph, indented four spaces', 'Dear Ana,\n\nThank you for the tour.\n    Best regards,\n    Sam Patel\n'],
    ['old Mac line breaks and an unclosed comment', 'Dear Ana,\r\rThank you for the tour.\r\r<!-- to do'],
    ['a BOM and a comment that swallows the whole note', '\uFEFF<!-- Thanks for the tour.\r\n\r\nThank you again,\r\nTheo Lindqvist\r\n'],
    ['front matter and nothing else', '---\nto: Ana Ruiz\n---'],
    ['a vertical tab for a body', '\u000b'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      checkSections(text);
      checkFixes(text, setting);
    });
  }

  it('before an unclosed fence or comment, not inside it', () => {
    assert.equal(
      insert('Dear Ana,\n\nThank you for the tour.\n\n```\n\nBest regards,\nSam Patel\n', 'before-closing'),
      'Dear Ana,\n\nThank you for the tour.\n\nNEW.\n\n```\n\nBest regards,\nSam Patel\n',
    );
    assert.equal(insert('Dear Ana,\n\nThank you for the tour.\n\n<!-- to do', 'before-closing'), 'Dear Ana,\n\nThank you for the tour.\n\nNEW.\n\n<!-- to do');
    // A closed block at the end is left alone: the section goes after it.
    assert.equal(insert('Dear Ana,\n\nThank you for the tour.\n\n<!-- to do -->\n', 'before-closing'), 'Dear Ana,\n\nThank you for the tour.\n\n<!-- to do -->\n\nNEW.\n');
  });

  it('an opening paragraph that runs into the sign-off: the section goes before the closing, not after the name', () => {
    // Found by fuzzing: "to: Ana\nBest," is one paragraph, so "after the opening" was after "Best,".
    for (const text of ['to: Ana\nBest,\n', 'Dear Ana,\n\nThank you for the tour.\nBest regards,\nSam Patel\n', 'Dear Ana,\nThank you for the tour.\nBest regards,\nSam Patel\n']) {
      checkSections(text);
      checkFixes(text, setting);
    }
    assert.ok(parseNote('to: Ana\nBest,\n').signOff);
    assert.equal(insert('to: Ana\nBest,\n', 'after-opening'), 'to: Ana\n\nNEW.\n\nBest,\n');
    const text = 'Dear Ana,\n\nThank you for the tour.\nBest regards,\nSam Patel\n';
    const split = 'Dear Ana,\n\nThank you for the tour.\n\nNEW.\n\nBest regards,\nSam Patel\n';
    assert.equal(insert(text, 'after-opening'), split);
    assert.equal(insert(text, 'before-closing'), split);
    const fix = analyze(text).findings.find((f) => f.ruleId === 'no-generic-note')?.fixes[0];
    assert.ok(fix, 'no-generic-note offers "What we discussed"');
    assert.match(applyEdits(text, fix.edits), /Thank you for the tour\.\n\nI enjoyed our conversation about \[topic\][^\n]*\n\nBest regards,\nSam Patel\n$/);
  });
});

describe('above maxFileSize, every path analyses the same light model', () => {
  const text = `---\nto: Ana Ruiz\n---\n\nDear Ana,\n\n${'Thank you for the tour of the warehouse. '.repeat(40)}I enjoyed the the tour.\n\nBest regards,\nSam Patel\n`;
  const small = makeSetting({ layer: { maxFileSize: 1000 } });
  const ids = (analysis: Analysis) => analysis.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`);

  it('analyze(note) reports what analyze(text) reports, whichever way the note was parsed', () => {
    // Found by the CLI property: a fully parsed oversized note got cheap-rule findings (no-repeated-words) that analyze(text) did not.
    const options = { config: small.config, now: NOW };
    const fromText = analyze(text, options);
    assert.ok(toolInfos(fromText).some((m) => /maxFileSize/.test(m)));
    assert.ok(!fromText.findings.some((f) => f.ruleId === 'no-repeated-words'), 'the sentence split was skipped');
    assert.deepEqual(ids(analyze(parseNote(text), options)), ids(fromText));
    assert.equal(analyze(parseNote(text), options).note.sentences.length, 0, 'the light model was analysed');
    // And the other way round: a light model under a larger limit gets the full analysis.
    const light = parseForSize(text, 1000);
    assert.equal(light.sentences.length, 0);
    assert.deepEqual(ids(analyze(light, { now: NOW })), ids(analyze(text, { now: NOW })));
    assert.ok(analyze(light, { now: NOW }).findings.some((f) => f.ruleId === 'no-repeated-words'));
  });

  it('NoteIndex parses a note above its limit without the sentence split, and again when the limit moves', () => {
    const index = new NoteIndex();
    const light = index.set('a.note.md', text, { maxFileSize: 1000 });
    assert.equal(light.note.sentences.length, 0);
    assert.equal(index.set('a.note.md', text, { maxFileSize: 1000 }), light, 'same text, same limit: the model is kept');
    const full = index.set('a.note.md', text, { maxFileSize: 100000 });
    assert.notEqual(full, light);
    assert.ok(full.note.sentences.length > 0);
    assert.ok(index.set('b.note.md', text).note.sentences.length > 0, 'no limit given: the full model');
  });

  it('the CLI (a .notecoach.json sets maxFileSize) reports what analyze(text) reports, and --fix equals fixAll', async () => {
    await checkCli([text, `${text}\nP.S. the the end\n`], small);
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
    const rnd = prng(3);
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

// Issue 13, points 1, 5, 6, 7, 8 and 10: the file side of the CLI.
describe('the CLI and the files around it', function () {
  this.timeout(60000);
  let dir: string;
  let repo: string;
  const fixable = `${FRONT}${GREETING}Thanks for the the tour.${SIGN_OFF}`;
  const posix = process.platform !== 'win32';

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-files-'));
    repo = path.join(dir, 'repo');
    fs.mkdirSync(repo);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a link named like a note that leads outside the folder is skipped, not read, and --fix leaves its target alone', async () => {
    const victim = path.join(dir, 'victim.sh');
    const secret = 'export X="hi!!!!"\n# the the end\n';
    fs.writeFileSync(victim, secret);
    fs.symlinkSync(victim, path.join(repo, 'evil.note.md'));
    fs.writeFileSync(path.join(repo, 'good.note.md'), fixable);
    for (const argv of [['--fix', '.'], ['--fix', '--format', 'json', '.'], ['--fix', '*.note.md'], ['--fix', 'evil.note.md']]) {
      const { stdout, stderr } = await runCli(argv, repo);
      assert.equal(fs.readFileSync(victim, 'utf8'), secret, `${argv.join(' ')}: the target is untouched`);
      // (The glob does not follow links at all; a folder walk and a named file report the link.)
      if (argv[1] !== '*.note.md') assert.match(stderr, /evil\.note\.md: skipped: it is a link to a file outside the folders given\./, argv.join(' '));
      assert.doesNotMatch(stdout, /evil|export/, 'nothing of the target reaches the output');
    }
    assert.doesNotMatch(fs.readFileSync(path.join(repo, 'good.note.md'), 'utf8'), /the the/, 'the real note was fixed');
  });

  it('a link inside the folders given is followed, checked once and fixed through', async () => {
    fs.mkdirSync(path.join(repo, 'real'));
    const target = path.join(repo, 'real', 'a.note.md');
    fs.writeFileSync(target, fixable);
    fs.symlinkSync(target, path.join(repo, 'link.note.md'));
    const { code, stdout, stderr } = await runCli(['--fix', '--format', 'json', '.'], repo);
    assert.ok(code === 0 || code === 1, stderr);
    assert.equal((JSON.parse(stdout) as unknown[]).length, 1, 'one file, once');
    assert.ok(fs.lstatSync(path.join(repo, 'link.note.md')).isSymbolicLink());
    assert.doesNotMatch(fs.readFileSync(target, 'utf8'), /the the/);
  });

  it('a FIFO named like a note is reported as not a regular file, without blocking', async function () {
    if (!posix) this.skip();
    fs.mkdirSync(path.join(repo, 'pipes'));
    execFileSync('mkfifo', [path.join(repo, 'pipes', 'pipe.fifo')]);
    fs.symlinkSync(path.join(repo, 'pipes', 'pipe.fifo'), path.join(repo, 'link.note.md'));
    fs.writeFileSync(path.join(repo, 'good.note.md'), fixable);
    for (const argv of [['.'], ['pipes/pipe.fifo', 'good.note.md']]) {
      const { code, stdout, stderr } = await runCli(argv, repo);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, /(link\.note\.md|pipe\.fifo): is a named pipe, not a regular file; not read\./);
      assert.match(stdout, /good\.note\.md/, 'the other note is still checked');
    }
  });

  it('a device and a file above the byte limit are refused before they are read', async function () {
    if (!posix) this.skip();
    assert.deepEqual(await readNote('/dev/zero'), { error: 'is a device, not a regular file; not read.' });
    const big = path.join(repo, 'big.note.md');
    const handle = fs.openSync(big, 'w');
    fs.ftruncateSync(handle, MAX_NOTE_BYTES + 1); // sparse: no disk used
    fs.closeSync(handle);
    const read = await readNote(big);
    assert.ok('error' in read && /more than the 16 MB a note can have/.test(read.error), JSON.stringify(read));
  });

  it('a backslash in a pattern escapes a glob character on POSIX, and never roots the pattern at /', async function () {
    if (!posix) this.skip();
    fs.writeFileSync(path.join(repo, '[x]a.note.md'), fixable);
    const { code, stdout, stderr } = await runCli(['--format', 'json', '\\[x\\]*.note.md'], repo);
    assert.ok(code === 0 || code === 1, stderr);
    assert.deepEqual((JSON.parse(stdout) as { file: string }[]).map((e) => e.file), ['[x]a.note.md']);
  });

  it('--fix refuses a read-only file with a clear message and exit 2, and leaves it as it was', async function () {
    if (!posix) this.skip();
    const file = path.join(repo, 'ro.note.md');
    fs.writeFileSync(file, fixable);
    fs.chmodSync(file, 0o444);
    const { code, stderr } = await runCli(['--fix', '.'], repo);
    assert.equal(code, 2);
    assert.match(stderr, /ro\.note\.md: could not write the fixes: it is read-only; not fixed/);
    assert.equal(fs.readFileSync(file, 'utf8'), fixable);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  });

  it('--fix keeps hard links joined, and the owner and group of a file that belongs to someone else', async function () {
    if (!posix) this.skip();
    const file = path.join(repo, 'a.note.md');
    fs.writeFileSync(file, fixable);
    fs.chmodSync(file, 0o640);
    const other = path.join(dir, 'other-name.md');
    fs.linkSync(file, other);
    const owned = path.join(repo, 'b.note.md');
    fs.writeFileSync(owned, fixable);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) fs.chownSync(owned, 4321, 4321);
    const { code, stderr } = await runCli(['--fix', '.'], repo);
    assert.ok(code === 0 || code === 1, stderr);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(fixed, /the the/);
    assert.equal(fs.readFileSync(other, 'utf8'), fixed, 'the other name sees the fix');
    assert.equal(fs.statSync(file).ino, fs.statSync(other).ino);
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.doesNotMatch(fs.readFileSync(owned, 'utf8'), /the the/);
    if (asRoot) assert.deepEqual([fs.statSync(owned).uid, fs.statSync(owned).gid], [4321, 4321]);
    assert.deepEqual(fs.readdirSync(repo).sort(), ['a.note.md', 'b.note.md'], 'no temporary file left');
  });

  it('control characters in front matter and file names are escaped in text output', async function () {
    if (!posix) this.skip();
    const hostileTo = '---\nto: "Ana \\e]0;pwned\\a\\e[2JRuiz"\ncompany: Fernleaf\n---\n\nDear Bea,\n\nThanks for the tour.\n\nBest regards,\nSam\n';
    fs.writeFileSync(path.join(repo, 'a\u001b[31m\nb.note.md'), hostileTo);
    const { stdout, stderr } = await runCli(['.'], repo);
    assert.doesNotMatch(stdout + stderr, /[\u0000-\u0008\u000b-\u001f\u007f]/, 'no raw control character');
    assert.match(stdout, /a\\x1b\[31m\\nb\.note\.md:\d+:\d+/);
    assert.match(stdout, /\\x1b\]0;pwned\\x07/, 'the escape shows as text');
    assert.deepEqual(escapeControl('a\u001b\u0007\u009b\u2028b'), 'a\\x1b\\x07\\x9b\\u2028b');
  });

  it('a configuration that is not JSON is reported by position, never by quoting its text', async () => {
    const secret = path.join(dir, 'secrets.env');
    fs.writeFileSync(secret, 'API_TOKEN=sk-live-1234567890\n');
    fs.symlinkSync(secret, path.join(repo, '.notecoach.json'));
    fs.writeFileSync(path.join(repo, 'a.note.md'), fixable);
    const { code, stderr } = await runCli(['.'], repo);
    assert.equal(code, 2);
    assert.match(stderr, /\.notecoach\.json: error: Not valid JSON/);
    assert.doesNotMatch(stderr, /API|sk-live|TOKEN/);
    fs.writeFileSync(path.join(repo, 'x.json'), '{"rules": {"spelling": "off",}}');
    const broken = await runCli(['--config', 'x.json', '.'], repo);
    assert.match(broken.stderr, /x\.json: error: Not valid JSON: Expected double-quoted property name \(line 1, column 30\)\./);
  });
});

// Issue 13, point 12: the cross-note rules looked at every other note for each note (20,000 notes: 207 s).
describe('cross-note rules over one shared workspace', function () {
  this.timeout(120000);
  const WORKSPACE_RULES = rules.filter((r) => r.meta.scope === 'workspace').map((r) => r.meta.id);

  it('NoteIndex.workspace() is one array until the index changes', () => {
    const index = new NoteIndex();
    index.set('a.note.md', good('Ana Ruiz', 'Fernleaf'));
    const first = index.workspace();
    assert.equal(index.workspace(), first);
    index.set('b.note.md', good('Ben Okafor', 'Fernleaf'));
    assert.notEqual(index.workspace(), first);
    assert.deepEqual(index.workspace().map((e) => e.file), ['a.note.md', 'b.note.md']);
  });

  it('each note gets the same findings from the shared array (itself included) as from others(file)', () => {
    const index = new NoteIndex();
    for (const [i, n] of generateNotes(120, 5).entries()) index.set(`g${i}.note.md`, n.text);
    // Notes made to trip each rule: a copied note, a wrong name, a wrong company.
    index.set('x1.note.md', good('Ana Ruiz', 'Fernleaf'));
    index.set('x2.note.md', good('Ben Okafor', 'Fernleaf'));
    index.set('x3.note.md', good('Cara Diaz', 'Northwind').replace('Thank you for walking', 'Thank you, Ana, for walking').replace('the team', 'the team at Fernleaf'));
    let found = 0;
    for (const file of index.files()) {
      const note = index.get(file)!.note;
      const viaShared = analyze(note, { now: NOW, file, workspace: index.workspace(), only: WORKSPACE_RULES }).findings;
      const viaOthers = analyze(note, { now: NOW, file, workspace: index.others(file), only: WORKSPACE_RULES }).findings;
      assert.deepEqual(viaShared.map((f) => [f.ruleId, f.start, f.message]), viaOthers.map((f) => [f.ruleId, f.start, f.message]), file);
      found += viaShared.length;
    }
    const rulesFound = new Set<string>();
    for (const file of ['x1.note.md', 'x2.note.md', 'x3.note.md']) {
      for (const f of analyze(index.get(file)!.note, { now: NOW, file, workspace: index.workspace(), only: WORKSPACE_RULES }).findings) rulesFound.add(f.ruleId);
    }
    assert.ok(found > 0);
    assert.deepEqual([...rulesFound].sort(), ['no-duplicate-note', 'no-wrong-company', 'no-wrong-recipient'], 'each tripwire fires');
  });
});

function good(to: string, company: string): string {
  return `---\nto: ${to}\ncompany: ${company}\nrole: Data Engineer\ntopics: [pipeline migration]\nfrom: Sam Patel\n---\n\nDear ${to.split(' ')[0]},\n\n${PARAGRAPH} I keep coming back to how the team plans the next quarter of work, and I would like to help with it soon.${SIGN_OFF}`;
}

// Issue 13, point 13: option names that are Object.prototype's were accepted silently.
describe('configuration keys that name Object.prototype members', () => {
  it('rule options named __proto__, constructor or toString are reported as unknown and change nothing', () => {
    const value = JSON.parse('{"rules": {"limit-exclamations": {"__proto__": {"max": 50}, "constructor": 3, "toString": "x", "hasOwnProperty": 1}, "spelling": {"__proto__": 1}}}');
    const { config, problems } = resolveConfig(rules, [{ source: '.notecoach.json', value }]);
    const keys = problems.map((p) => p.key).sort();
    assert.deepEqual(keys, ['rules.limit-exclamations.__proto__', 'rules.limit-exclamations.constructor', 'rules.limit-exclamations.hasOwnProperty', 'rules.limit-exclamations.toString', 'rules.spelling.__proto__']);
    const options = config.rules.get('limit-exclamations')!.options;
    assert.equal(Object.getPrototypeOf(options), Object.prototype);
    assert.deepEqual(Object.keys(options), ['max']);
    assert.equal(options.max, 1);
    assert.ok(problems.every((p) => /Unknown option|has no options/.test(p.message)), problems.map((p) => p.message).join('\n'));
  });
});

// Issue 13, point 4: noteCoach.exclude and files.exclude come from the workspace, which may be untrusted.
describe('exclude globs from the settings', () => {
  it('match as VS Code writes them (picomatch)', () => {
    const cases: [string, string, boolean][] = [
      ['**/node_modules', 'node_modules', true],
      ['**/node_modules', 'a/b/node_modules', true],
      ['**/*.tmp.note.md', 'a/x.tmp.note.md', true],
      ['drafts', 'drafts', true],
      ['drafts', 'old/drafts', false],
      ['**/.git', 'a/.git', true],
      ['{archive,old}/**', 'old/x.note.md', true],
      ['notes/[!a]*.note.md', 'notes/b.note.md', true],
      ['notes/[!a]*.note.md', 'notes/a.note.md', false],
      ['./drafts/', 'drafts', true],
    ];
    for (const [glob, file, expected] of cases) assert.equal(globMatcher(glob)(file), expected, `${glob} on ${file}`);
  });

  it('a segment with more than three "*" excludes nothing instead of backtracking for minutes', () => {
    const hostile = globMatcher(`**/${'*a'.repeat(14)}*b`);
    assert.equal(hostile('a'.repeat(30)), false);
    assert.equal(hostile(`x/${'a'.repeat(200)}`), false);
    assert.equal(globMatcher('**/*a*b*c')('x/zaybzc'), true, 'three are fine');
  });
});

describe('words sit where their text is', () => {
  // Markdown's text values drop line prefixes and trailing spaces, resolve escapes and character
  // references and turn NUL into U+FFFD; word offsets are taken from the source, not the value.
  for (const [name, text] of [
    ['a trailing space at a line end', 'Dear Ana,\n\nThanks for the tour \nof the the warehouse on Tuesday.\n'],
    ['block-quote markers', '> Thanks for the tour\n> of the the warehouse.\n'],
    ["a list item's continuation indent", '- Thanks for the tour\n  of the the warehouse.\n'],
    ['backslash escapes', 'Thanks for the \\*tour\\* of the the warehouse.\n'],
    ['an escaped backslash', 'Thanks for the tour\\\\ of the the warehouse.\n'],
    ['a character reference', 'Thanks for R&amp;D and the the warehouse.\n'],
    ['a numeric character reference', 'Thanks for the caf&#233; and the the warehouse.\n'],
    ['a NUL', 'Thanks for the tour\u0000 of the the warehouse.\n'],
    ['CRLF in a block quote', '> Thanks for the tour\r\n> of the the warehouse.\r\n'],
    ['an image whose alt text holds an autolink', '![a photo <http://example.com/a> of the the display](d.png)\n'],
    ['fuzzing: a fix cut the emoji in two', '---\n\n- \n- 😀Dear Zoë,\n- What is the salary range for this role?\n'],
    ['fuzzing: the paragraph ended inside the emoji', '---\n---\n\nDear Ana,\n\n\\!😀'],
    ["fuzzing: require-greeting's range ended inside the emoji", '\u0000\r\t𐀀'],
    ['fuzzing: a word starting with an escaped full stop', 'Dear Ana,\n\nThe score was \\.5 of the the target.\n'],
  ] as const) {
    it(name, () => {
      checkModel(text);
      if (text.includes('the the')) {
        const repeated = analyze(text, { now: NOW }).findings.filter((f) => f.ruleId === 'no-repeated-words');
        assert.equal(repeated.length, 1, '"the the" is reported once');
        assert.match(text.slice(repeated[0].start, repeated[0].end), /the/i);
      }
    });
  }

  it('the blanked copy micromark parses keeps every offset', () => {
    for (const text of ['- '.repeat(500) + 'x', '*_['.repeat(5000), 'plain text']) {
      const tamed = tame(text);
      assert.equal(tamed.length, text.length);
      for (let i = 0; i < text.length; i++) if (tamed[i] !== text[i]) assert.equal(tamed[i], ' ');
    }
    assert.equal(tame('plain text'), 'plain text');
  });
});
