/**
 * One runner for every rule fixture: the findings must be exactly the marked
 * ones, and every fix must apply cleanly, touch only its own range and make
 * its finding go away on re-analysis.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, rules, type Finding } from '../../src/core/index';
import { analyzeFixture, FIXTURES, listNotes, loadFixture, withWords, type Fixture } from '../support/fixtures';

/**
 * The findings a fixture is compared on: its own rule's and those of any rule it
 * marks. (Other rules' precision is guarded by the good-notes set.)
 */
function compared(fixture: Fixture, ruleId: string, findings: Finding[]): string[] {
  const marked = new Set(fixture.expected.map((e) => e.split(':')[1]));
  return findings
    .filter((f) => f.ruleId === ruleId || marked.has(f.ruleId))
    .map((f) => `${f.line}:${f.ruleId}`)
    .sort();
}

function checkFixes(fixture: Fixture, finding: Finding, all: Finding[]): void {
  const before = all.filter((f) => f.ruleId === finding.ruleId).length;
  for (const fix of finding.fixes) {
    const label = `${path.basename(fixture.file)}:${finding.line} ${finding.ruleId} — fix "${fix.title}"`;
    let text = fixture.text;
    let config = fixture.config;
    if (fix.addWords) {
      config = withWords(config, fix.addWords);
    } else {
      text = applyEdits(fixture.text, fix.edits);
      // Only the edits' own ranges changed: what lies before the first and after the last edit is intact.
      const first = Math.min(...fix.edits.map((e) => e.start));
      const last = Math.max(...fix.edits.map((e) => e.end));
      assert.equal(text.slice(0, first), fixture.text.slice(0, first), `${label}: text before the edit changed`);
      assert.equal(text.slice(text.length - (fixture.text.length - last)), fixture.text.slice(last), `${label}: text after the edit changed`);
    }
    const after = analyzeFixture(fixture, text, config).findings.filter((f) => f.ruleId === finding.ruleId);
    assert.ok(after.length < before, `${label}: the finding is still reported after the fix (${before} before, ${after.length} after)\n--- text after fix ---\n${text}`);
  }
}

describe('rule fixtures', () => {
  for (const rule of rules) {
    const id = rule.meta.id;
    describe(id, () => {
      const dir = path.join(FIXTURES, id);
      const files = listNotes(dir);
      it('has ok and not-ok fixtures', () => {
        assert.ok(files.some((f) => path.basename(f).startsWith('ok')), `test/fixtures/${id}/ok*.note.md is missing`);
        assert.ok(files.some((f) => path.basename(f).startsWith('not-ok')), `test/fixtures/${id}/not-ok*.note.md is missing`);
      });
      for (const file of files) {
        const name = path.basename(file);
        it(`${name}: reports exactly the marked findings`, () => {
          const fixture = loadFixture(file);
          const { findings } = analyzeFixture(fixture);
          const expected = fixture.expected;
          if (name.startsWith('not-ok')) assert.ok(expected.some((e) => e.endsWith(`:${id}`)), `${name} marks no ${id} finding`);
          else assert.ok(!expected.some((e) => e.endsWith(`:${id}`)), `${name} is an ok fixture but marks a ${id} finding`);
          assert.deepEqual(compared(fixture, id, findings), expected, findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`).join('\n'));
        });
        it(`${name}: every fix applies and clears its finding`, () => {
          const fixture = loadFixture(file);
          const { findings } = analyzeFixture(fixture);
          for (const finding of findings) checkFixes(fixture, finding, findings);
        });
      }
    });
  }
});

describe('good notes', () => {
  const files = listNotes(path.join(FIXTURES, 'good'));
  it('has at least ten realistic notes', () => assert.ok(files.length >= 10, `only ${files.length} good notes`));
  for (const file of files) {
    it(`${path.basename(file)} has no finding at warning or error level`, () => {
      const fixture = loadFixture(file);
      const loud = analyzeFixture(fixture).findings.filter((f) => f.severity !== 'info');
      assert.deepEqual(loud.map((f) => `${f.line}:${f.column} ${f.ruleId}: ${f.message}`), []);
    });
  }
});

describe('fixture folders', () => {
  it('are named after rules (or "good")', () => {
    const ids = new Set(rules.map((r) => r.meta.id));
    const strays = fs
      .readdirSync(FIXTURES, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'good' && e.name !== 'workspace' && !ids.has(e.name))
      .map((e) => e.name);
    assert.deepEqual(strays, []);
  });
});
