/** The quick-fix menu plan (src/shared/codeActions.ts): order, kinds, the one preferred entry. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/index';
import { QUICK_FIX_KIND, SECTION_KIND, quickFixActions, sectionRefactorings } from '../../src/shared/codeActions';

// A slot left in a line that is also generic, thanks only and says nothing of interest.
const NOTE = fs.readFileSync(path.join(__dirname, '..', 'support', 'notes', 'slot-and-warnings.note.md'), 'utf8');

function underCursor(text: string, needle: string) {
  const analysis = analyze(text, {});
  const at = text.indexOf(needle);
  return { analysis, findings: analysis.findings.filter((f) => f.start <= at && at <= f.end) };
}

describe('quick-fix menu plan', () => {
  const { analysis, findings } = underCursor(NOTE, '[Company name]');
  const actions = quickFixActions(analysis.note, findings);
  const titles = actions.map((a) => a.title);

  it('has several findings under the cursor to order', () => {
    const ids = new Set(findings.map((f) => f.ruleId));
    assert.ok(ids.has('no-unfilled-placeholder') && ids.size >= 3, [...ids].join(', '));
  });

  it('lists the real fix of the error first, and prefers only it', () => {
    assert.equal(actions[0].role, 'fix');
    assert.equal(actions[0].findings[0].ruleId, 'no-unfilled-placeholder');
    assert.match(actions[0].title, /Larkspur/);
    assert.deepEqual(actions.filter((a) => a.isPreferred), [actions[0]]);
  });

  it('puts fixes, then the sections the findings call for, then Learn more and Disable', () => {
    const roles = actions.map((a) => (a.role === 'fix' ? 0 : a.role === 'section' ? 1 : 2));
    assert.deepEqual(roles, [...roles].sort((a, b) => a - b), titles.join('\n'));
    assert.ok(actions.some((a) => a.role === 'section'), 'no section insert offered');
    // Each section once, even when two findings ask for it.
    assert.equal(new Set(titles).size, titles.length, titles.join('\n'));
  });

  it('offers every entry as a quick fix, so a quick-fix request keeps them all', () => {
    assert.deepEqual([...new Set(actions.map((a) => a.kind))], [QUICK_FIX_KIND]);
  });

  it('never prefers a Disable entry nor lists one first', () => {
    for (const action of actions.filter((a) => a.role.startsWith('disable'))) assert.equal(action.isPreferred, false);
    const bare = analyze('Dear Kim,\n\nSee you.\n', {}).findings;
    const plan = quickFixActions(analyze('Dear Kim,\n\nSee you.\n', {}).note, bare.map((f) => ({ ...f, fixes: [] })));
    assert.equal(plan[0].role, 'learn-more');
    assert.ok(plan.every((a) => !a.isPreferred));
  });

  it('disables on the finding\'s own line, at its end', () => {
    const disable = actions.find((a) => a.role === 'disable-line' && a.title.includes('no-unfilled-placeholder'));
    assert.ok(disable?.edits);
    const lineEnd = NOTE.indexOf('\n', NOTE.indexOf('[Company name]'));
    assert.deepEqual(disable.edits, [{ start: lineEnd, end: lineEnd, newText: ' <!-- note-coach-disable-line no-unfilled-placeholder -->' }]);
  });

  it('keeps the sections nobody asked for in the Refactor menu, without repeating the ones offered', () => {
    const refactors = sectionRefactorings(analysis.note, undefined, actions);
    assert.ok(refactors.length > 0);
    assert.ok(refactors.every((a) => a.kind === SECTION_KIND && a.findings.length === 0));
    const offered = new Set(actions.map((a) => a.title));
    assert.deepEqual(refactors.filter((a) => offered.has(a.title)), []);
    // Asked for nothing: every section is there.
    assert.ok(sectionRefactorings(analysis.note, undefined).length > refactors.length);
  });
});
