/**
 * What a person reads: every finding message and fix title the rules produce on
 * the fixtures and the docs examples is plain text in en-US spelling.
 *
 * Note for rule authors: messages and fix titles are shown as plain text (hover,
 * Problems view, quick-fix menu, terminal), where Markdown is not rendered, so a
 * backtick shows up literally. Quote a front-matter key or a value with double
 * quotes instead ("to", "---"). Spell the en-US way (apologize, criticize,
 * favorably). Quoted words from the note itself are not checked.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, parseNote, rules } from '../../src/core/index';
import { FIXTURES, analyzeFixture, listNotes, loadFixture } from '../support/fixtures';
import { readProse } from '../../scripts/docs';

/** Texts shown to a person: rule id → message or title → where it was seen. */
function shownTexts(): Map<string, string> {
  const seen = new Map<string, string>();
  const add = (text: string, where: string) => {
    if (!seen.has(text)) seen.set(text, where);
  };
  const record = (findings: ReturnType<typeof analyze>['findings'], where: string) => {
    for (const f of findings) {
      add(f.message, `${f.ruleId} message (${where})`);
      for (const fix of f.fixes) add(fix.title, `${f.ruleId} fix title (${where})`);
    }
  };
  for (const dir of fs.readdirSync(FIXTURES)) {
    for (const file of listNotes(path.join(FIXTURES, dir))) record(analyzeFixture(loadFixture(file)).findings, path.relative(FIXTURES, file));
  }
  for (const rule of rules) {
    const prose = readProse(rule.meta.id);
    const blocks = [...prose.matchAll(/^(`{3,})markdown (ok|not-ok|other)[^\n]*\n([\s\S]*?)^\1$/gm)];
    const others = blocks.filter((m) => m[2] === 'other').map((m, i) => ({ file: `other-${i + 1}.note.md`, note: parseNote(m[3]) }));
    for (const m of blocks) {
      if (m[2] !== 'other') record(analyze(m[3], { workspace: others, file: 'example.note.md' }).findings, `docs example of ${rule.meta.id}`);
    }
  }
  return seen;
}

/** British spellings (and -ise verbs) a message might use, and the -ise words that are en-US too. */
const BRITISH = /\b(?:\w+(?:ise|ised|ises|ising|isation|yse|ysed|ysing)|colou?rs?|\w*(?:colour|favour|behaviour|honour|labour|neighbour)\w*|centre|theatre|judgement|catalogue|programme|defence|offence|travell\w+|cancell\w+|enrol)\b/gi;
const ALSO_US = new Set(
  'advise advised advises advising otherwise promise promised promises exercise exercised expertise surprise surprised surprises surprising premise premises enterprise enterprises raise raised raises raising praise praised praises praising rise rises rising arise arises concise precise noise franchise revise revised supervise supervised supervising compromise compromised devise disguise improvise despise comprise comprises demise reprise poise cruise treatise paradise likewise clockwise bruise wise expertise merchandise exercise exercises exercising premise color colors'.split(' '),
);

/** A message without the words it quotes from the note. */
function ownWords(text: string): string {
  return text.replace(/"[^"]*"|“[^”]*”/g, '""');
}

describe('wording of messages and fix titles', () => {
  // After the root hook has loaded the spelling dictionaries.
  let texts = new Map<string, string>();
  before(() => {
    texts = shownTexts();
  });

  it('covers every rule', () => {
    const ids = new Set([...texts.values()].map((w) => w.split(' ')[0]));
    const missing = rules.map((r) => r.meta.id).filter((id) => !ids.has(id));
    assert.deepEqual(missing, []);
  });

  it('has no backticks (shown literally where Markdown is not rendered)', () => {
    const bad = [...texts].filter(([text]) => text.includes('`')).map(([text, where]) => `${where}: ${text}`);
    assert.deepEqual(bad, []);
  });

  it('spells the en-US way', () => {
    const bad: string[] = [];
    for (const [text, where] of texts) {
      for (const m of ownWords(text).matchAll(BRITISH)) if (!ALSO_US.has(m[0].toLowerCase())) bad.push(`${where}: "${m[0]}" in ${text}`);
    }
    assert.deepEqual(bad, []);
  });

  it('rule descriptions spell the en-US way too', () => {
    const bad = rules.filter((r) => [...r.meta.description.matchAll(BRITISH)].some((m) => !ALSO_US.has(m[0].toLowerCase()))).map((r) => `${r.meta.id}: ${r.meta.description}`);
    assert.deepEqual(bad, []);
  });
});
