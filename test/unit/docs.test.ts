/** The docs pages: generated files are up to date, and their examples run. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, parseNote, rules } from '../../src/core/index';
import { generateDocs, readProse, ROOT } from '../../scripts/docs';
import { FIXTURE_NOW } from '../support/fixtures';

/**
 * Fenced examples in the prose: ```markdown ok|not-ok [now=ISO]. For rules that
 * compare notes, ```markdown other blocks are the other notes of the workspace
 * every example of that page is checked against.
 */
function examples(prose: string): { kind: 'ok' | 'not-ok' | 'other'; now: Date; text: string }[] {
  const found = [];
  for (const m of prose.matchAll(/^(`{3,})markdown (ok|not-ok|other)(?: now=(\S+))?\n([\s\S]*?)^\1$/gm)) {
    found.push({ kind: m[2] as 'ok' | 'not-ok' | 'other', now: m[3] ? new Date(m[3]) : FIXTURE_NOW, text: m[4] });
  }
  return found;
}

describe('docs', () => {
  it('docs/rules is up to date (run `npm run docs`)', () => {
    for (const [file, content] of generateDocs()) {
      const rel = path.relative(ROOT, file);
      assert.ok(fs.existsSync(file), `${rel} is missing`);
      assert.equal(fs.readFileSync(file, 'utf8'), content, `${rel} is stale`);
    }
  });
  for (const rule of rules) {
    const id = rule.meta.id;
    describe(id, () => {
      const prose = readProse(id);
      it('has hand-written prose with a why and both kinds of example', () => {
        assert.ok(prose.length > 200, `src/core/rules/${id}.md is missing or too short`);
        assert.match(prose, /^## Why/m, 'no "## Why" section');
        const kinds = new Set(examples(prose).map((e) => e.kind));
        assert.ok(kinds.has('ok') && kinds.has('not-ok'), 'needs a ```markdown ok and a ```markdown not-ok example');
      });
      it('options are documented', () => {
        for (const [name, spec] of Object.entries(rule.meta.options ?? {})) assert.ok(spec.description.length > 10, `option ${name} has no description`);
      });
      const all = examples(prose);
      const others = all.filter((e) => e.kind === 'other').map((e, i) => ({ file: `other-${i + 1}.note.md`, note: parseNote(e.text) }));
      for (const [i, example] of all.entries()) {
        if (example.kind === 'other') continue;
        it(`example ${i + 1} (${example.kind}) behaves as documented`, () => {
          const workspace = rule.meta.scope === 'workspace' ? others : undefined;
          const hits = analyze(example.text, { now: example.now, workspace, file: 'example.note.md' }).findings.filter((f) => f.ruleId === id);
          if (example.kind === 'ok') assert.deepEqual(hits.map((f) => f.message), []);
          else assert.ok(hits.length > 0, `no ${id} finding in:\n${example.text}`);
        });
      }
    });
  }
});
