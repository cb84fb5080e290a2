/**
 * One runner for every rule fixture: the findings must be exactly the marked
 * ones, and every fix must apply cleanly, touch only its own range and make
 * its finding go away on re-analysis.
 *
 * Workspace-scoped rules (RULES.md, "Across notes") keep their fixtures in case
 * folders, `test/fixtures/<rule-id>/<case>/*.note.md`: each folder is a small
 * workspace, and every note in it is analysed with the others as `workspace`.
 * Folders named `ok…` mark no finding of the rule; `not-ok…` at least one.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, applyEdits, NoteIndex, rules, type Analysis, type Finding, type ResolvedConfig } from '../../src/core/index';
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

type Reanalyze = (text: string, config: ResolvedConfig) => Analysis;

function checkFixes(fixture: Fixture, finding: Finding, all: Finding[], reanalyze: Reanalyze = (text, config) => analyzeFixture(fixture, text, config)): void {
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
    const after = reanalyze(text, config).findings.filter((f) => f.ruleId === finding.ruleId);
    assert.ok(after.length < before, `${label}: the finding is still reported after the fix (${before} before, ${after.length} after)\n--- text after fix ---\n${text}`);
  }
}

/** A case folder of a workspace rule: its notes, indexed together. */
interface WorkspaceCase {
  name: string;
  fixtures: Fixture[];
  index: NoteIndex;
}

function listCases(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

function loadCase(dir: string): WorkspaceCase {
  const fixtures = listNotes(dir).map(loadFixture);
  const index = new NoteIndex();
  for (const fixture of fixtures) index.set(fixture.file, fixture.text);
  return { name: path.basename(dir), fixtures, index };
}

/** Analyse one note of a workspace (possibly edited) with the other notes of its folder. */
function analyzeInWorkspace(workspace: NoteIndex, fixture: Fixture, text = fixture.text, config = fixture.config): Analysis {
  return analyze(text, { now: fixture.now, config, file: fixture.file, workspace: workspace.others(fixture.file) });
}

function describeNoteRule(id: string): void {
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
}

function describeWorkspaceRule(id: string): void {
  const dir = path.join(FIXTURES, id);
  const cases = listCases(dir);
  it('has ok and not-ok case folders of notes', () => {
    assert.ok(cases.some((c) => c.startsWith('ok')), `test/fixtures/${id}/ok…/ (a folder of notes) is missing`);
    assert.ok(cases.some((c) => c.startsWith('not-ok')), `test/fixtures/${id}/not-ok…/ (a folder of notes) is missing`);
    assert.deepEqual(listNotes(dir).map((f) => path.basename(f)), [], `fixtures of ${id} belong in case folders, not directly in test/fixtures/${id}/`);
  });
  for (const name of cases) {
    const caseDir = path.join(dir, name);
    it(`${name}/: ${name.startsWith('not-ok') ? 'marks at least one' : 'marks no'} ${id} finding`, () => {
      const { fixtures } = loadCase(caseDir);
      assert.ok(fixtures.length >= 2, `${name}/ needs at least two notes to be a workspace`);
      const marked = fixtures.some((f) => f.expected.some((e) => e.endsWith(`:${id}`)));
      if (name.startsWith('not-ok')) assert.ok(marked, `${name}/ marks no ${id} finding`);
      else assert.ok(!marked, `${name}/ is an ok case but marks a ${id} finding`);
    });
    for (const file of listNotes(caseDir)) {
      const label = `${name}/${path.basename(file)}`;
      it(`${label}: reports exactly the marked findings`, () => {
        const workspace = loadCase(caseDir);
        const fixture = workspace.fixtures.find((f) => f.file === file)!;
        const { findings } = analyzeInWorkspace(workspace.index, fixture);
        assert.deepEqual(compared(fixture, id, findings), fixture.expected, findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`).join('\n'));
      });
      it(`${label}: every fix applies and clears its finding`, () => {
        const workspace = loadCase(caseDir);
        const fixture = workspace.fixtures.find((f) => f.file === file)!;
        const { findings } = analyzeInWorkspace(workspace.index, fixture);
        for (const finding of findings) checkFixes(fixture, finding, findings, (text, config) => analyzeInWorkspace(workspace.index, fixture, text, config));
      });
    }
  }
}

describe('rule fixtures', () => {
  for (const rule of rules) {
    const id = rule.meta.id;
    describe(id, () => {
      if (rule.meta.scope === 'workspace') describeWorkspaceRule(id);
      else describeNoteRule(id);
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
  it('analysed together as one workspace, have no finding at warning or error level', () => {
    const workspace = loadCase(path.join(FIXTURES, 'good'));
    const loud = workspace.fixtures.flatMap((fixture) =>
      analyzeInWorkspace(workspace.index, fixture)
        .findings.filter((f) => f.severity !== 'info')
        .map((f) => `${path.basename(fixture.file)}:${f.line}:${f.column} ${f.ruleId}: ${f.message}`),
    );
    assert.deepEqual(loud, []);
  });
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
