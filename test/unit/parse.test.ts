/**
 * The parser's shortcuts give the model parse-english itself would give.
 *
 * parse.ts skips parse-english plugins that have nothing to act on in a block
 * (see "Skipping the plugins that have nothing to do" there). Here every model
 * is built twice, with the shortcut and with every plugin run, and the
 * paragraphs, sentences and words must be the same.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { analyze, applyEdits, parseNote, type Note } from '../../src/core/index';
import { fillPlaceholderEdits } from '../../src/core/rules/no-unfilled-placeholder';
import { setSkipIdlePlugins } from '../../src/core/parse';
import { generateNotes } from '../../bench/generate';
import { anyNote } from '../support/arbitraries';

const root = path.join(__dirname, '..', '..');

function prose(note: Note): unknown {
  return note.paragraphs.map((p) => ({
    start: p.start,
    end: p.end,
    kind: p.kind,
    sentences: p.sentences.map((s) => ({ start: s.start, end: s.end, words: s.words.map((w) => [w.start, w.end, w.text, w.lower]) })),
  }));
}

function bothWays(text: string): { skipping: unknown; everything: unknown } {
  try {
    setSkipIdlePlugins(false);
    const everything = prose(parseNote(text));
    setSkipIdlePlugins(true);
    return { skipping: prose(parseNote(text)), everything };
  } finally {
    setSkipIdlePlugins(true);
  }
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(full));
    else if (entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}

/** Blocks where each skipped plugin has work to do (so a wrong skip changes the model). */
const TRIGGERS: Record<string, string> = {
  'an ampersand before a word': 'We talked about &more and R&D work, Q & A too.',
  'a trailing hyphen': 'It was a full- and part-time role; pre- and post-launch work.',
  'a slash': 'The w/ team and/or the c/o address, 24/7 and A/B tests.',
  'apostrophes and elisions': "I'm sure 'twas fine, rock 'n' roll, the '90s and y'all’s kind words.",
  'initialisms': 'She moved to the U.S.A. last year, e.g. for the M.B.A. program, i.e. now.',
  'a line ending inside a paragraph with inline HTML': 'First part <span\nclass="x">\n\nsecond</span> part.',
  'everything at once': "R&D w/ U.S. folks - it's 24/7 & non-stop e.g. for Q&A.",
};

describe('parse-english plugins skipped when idle', () => {
  for (const [name, body] of Object.entries(TRIGGERS)) {
    it(`the same model for ${name}`, () => {
      const text = `---\nto: Ana Ruiz\ncompany: Acme\n---\n\nDear Ana,\n\n${body}\n\n- ${body}\n\n> ${body}\n\nBest,\nSam\n`;
      const { skipping, everything } = bothWays(text);
      assert.deepEqual(skipping, everything);
    });
  }

  it('the same model for every Markdown file of the repository (fixtures, examples, docs)', function () {
    this.timeout(120000);
    const files = [...markdownFiles(path.join(root, 'test', 'fixtures')), ...markdownFiles(path.join(root, 'examples')), ...markdownFiles(path.join(root, 'docs'))];
    assert.ok(files.length > 100, `only ${files.length} files found`);
    for (const file of files) {
      const { skipping, everything } = bothWays(fs.readFileSync(file, 'utf8'));
      assert.deepEqual(skipping, everything, file);
    }
  });

  it('the same model for 300 generated benchmark notes', () => {
    for (const { name, text } of generateNotes(300)) {
      const { skipping, everything } = bothWays(text);
      assert.deepEqual(skipping, everything, name);
    }
  });

  it('the same model for 1,000 fast-check notes (realistic, mutated, random)', function () {
    this.timeout(120000);
    fc.assert(
      fc.property(anyNote, (text) => {
        const { skipping, everything } = bothWays(text);
        assert.deepEqual(skipping, everything);
      }),
      { numRuns: 1000, seed: 20261122 },
    );
  });
});

describe('Fill placeholders from front matter', () => {
  // The editor's action applies exactly these edits.
  const front = '---\nto: Priya Nair\ncompany: Larkspur Health\nrole: Data Analyst\ntopics: [the readmission dashboard, discharge data]\nfrom: Jordan Lee\n---\n\n';

  it('fills [topic] from topics and greets by first name, as the greeting fix does', () => {
    const text = `${front}Dear [Name],\n\nI enjoyed our talk about [topic] at [Company].\n\nBest regards,\n[Your name]\n`;
    const after = applyEdits(text, fillPlaceholderEdits(parseNote(text)));
    assert.equal(
      after,
      `${front}Dear Priya,\n\nI enjoyed our talk about the readmission dashboard and discharge data at Larkspur Health.\n\nBest regards,\nJordan Lee\n`,
    );
  });

  it("fills the template's own defaults in the greeting and signature, and never with a default", () => {
    const text = `${front}Dear to,\n\nThank you.\n\nBest regards,\nfrom\n`;
    assert.equal(applyEdits(text, fillPlaceholderEdits(parseNote(text))), `${front}Dear Priya,\n\nThank you.\n\nBest regards,\nJordan Lee\n`);
    const unfilled = '---\nto: to\ntopics:\n  - topics\n---\n\nDear to,\n\nWe talked about [topic].\n';
    assert.deepEqual(fillPlaceholderEdits(parseNote(unfilled)), []);
  });
});

describe('the greeting fix touches only the name', () => {
  const front = '---\nto: Priya Okafor\n---\n\n';
  for (const [greeting, fixed] of [
    ['Dear Ben 👋,', 'Dear Priya 👋,'],
    ['Dear Ben:)', 'Dear Priya:)'],
    ['Hi Ben 🙂 -', 'Hi Priya 🙂 -'],
    ['Hi **Ben**,', 'Hi **Priya**,'],
    ['# Thanks\n\nDear Ben,', '# Thanks\n\nDear Priya,'],
  ]) {
    it(JSON.stringify(greeting), () => {
      const text = `${front}${greeting}\n\nThank you for the tour.\n\nBest,\nTomas\n`;
      const finding = analyze(text).findings.find((f) => f.ruleId === 'greeting-matches-recipient');
      assert.ok(finding, 'the wrong name is reported');
      assert.equal(applyEdits(text, finding.fixes[0].edits), `${front}${fixed}\n\nThank you for the tour.\n\nBest,\nTomas\n`);
    });
  }
});
