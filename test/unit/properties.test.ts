/**
 * Property-based tests (fast-check) over generated notes — realistic ones
 * (test/support/arbitraries.ts), mutated ones and random strings. The
 * properties themselves live in test/support/properties.ts, shared with
 * `npm run fuzz` (scripts/fuzz.ts), which runs 100,000 cases.
 *
 * The seed is fixed so `npm test` is deterministic; set NOTE_COACH_FC_SEED to
 * explore others and NOTE_COACH_FC_SCALE (e.g. 0.1 or 10) to run fewer or more
 * cases. A failure prints the seed and path to replay it:
 * `npm run fuzz -- --replay <property>:<seed>:<path>`.
 *
 * Below the properties: the inputs fuzzing found problems with, as regression
 * tests (more in test/unit/hostile.test.ts).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, applyEdits, parseNote } from '../../src/core/index';
import { makeSetting } from '../support/arbitraries';
import {
  checkAnalysis,
  checkFixAllIdempotent,
  checkFixes,
  mapSpan,
  PROPERTIES,
  template,
} from '../support/properties';

const SEED = Number(process.env.NOTE_COACH_FC_SEED ?? 20260302);
const SCALE = Number(process.env.NOTE_COACH_FC_SCALE ?? 1);

describe('properties (fast-check)', function () {
  this.timeout(180000);
  for (const spec of PROPERTIES) {
    const runs = Math.max(1, Math.round(spec.unitRuns * SCALE));
    it(`${spec.name}: ${spec.title} (${runs} cases)`, async () => {
      await fc.assert(spec.property(), { numRuns: runs, seed: SEED, maxSkipsPerRun: 1000 });
    });
  }
});

describe('the property helpers', () => {
  it('map a range through edits onto what replaced it', () => {
    // "the the tour": deleting " the" (4..8) leaves the finding's place empty, at 3.
    assert.deepEqual(mapSpan({ start: 4, end: 7 }, [{ start: 3, end: 7, newText: '' }]), { start: 3, end: 3 });
    // A replacement of exactly the range maps onto the new text.
    assert.deepEqual(mapSpan({ start: 10, end: 24 }, [{ start: 10, end: 24, newText: 'Fernleaf' }]), { start: 10, end: 18 });
    // An insertion at the range's start is taken into it; text before shifts it.
    assert.deepEqual(mapSpan({ start: 5, end: 9 }, [{ start: 5, end: 5, newText: 'Dear Ana,\n\n' }]), { start: 5, end: 20 });
    assert.deepEqual(mapSpan({ start: 5, end: 9 }, [{ start: 0, end: 2, newText: 'abcd' }]), { start: 7, end: 11 });
  });

  it('tell kinds of finding apart by their message without what it quotes or counts', () => {
    assert.equal(template('"sms" is not in the dictionary; did you mean "SMS"?'), template('"sm" is not in the dictionary; did you mean "am"?'));
    assert.equal(template('This is exclamation mark number 2; more than 1 …'), template('This is exclamation mark number 3; more than 1 …'));
    assert.notEqual(template('`company` is set twice; only the first value (line 2) is used.'), template('The front matter opens with `---` but has no closing `---` line.'));
  });
});

/** Each input below made a property fail once; the rule file named in the test was fixed. */
describe('regressions found by fuzzing', () => {
  const setting = makeSetting();

  it('valid-front-matter: a YAML error next to an emoji is reported on whole code points', () => {
    checkAnalysis('---\nsent: 𐀀*status: sent\nto: Ana Ruiz\n---\n\nHello Ana,\n\nThank you for the tour.\n', setting);
  });

  it('spelling: offers no suggestion it would flag itself ("sms" → "sm\'s" was checked as "sm")', () => {
    checkFixes('\n---\nchannel: sms\n---\n\nDear Ben,', setting);
  });

  it('spelling: "Add to the word list" accepts a word with punctuation inside ("a?A")', () => {
    checkFixes('---\n---\n\nDear Ben,\n\na?A', setting);
  });

  it('spelling: a suspended hyphen ("pre- and post-interview", "AA-") is judged without the hyphen', () => {
    const { findings } = analyze('Dear Ana,\n\nI enjoyed the pre- and post-interview chats and the short- and long-term plans.\n\nBest,\nSam\n');
    assert.deepEqual(findings.filter((f) => f.ruleId === 'spelling').map((f) => f.message), []);
    checkFixes('---\n---\n\nDear Ana,\n\n- AA-/\n- What is the salary range for this role?', setting);
  });

  it('require-greeting: the greeting goes before Markdown that opens the first paragraph ("**Thank you**…")', () => {
    checkFixes('---\n---\n\n*Best,*\nAna Ruiz', setting);
    const text = '---\nto: Ana Ruiz\n---\n\n**Thank you** for the tour of the warehouse.\n';
    const finding = analyze(text).findings.find((f) => f.ruleId === 'require-greeting');
    assert.ok(finding);
    assert.equal(applyEdits(text, finding.fixes[0].edits), '---\nto: Ana Ruiz\n---\n\nDear Ana,\n\n**Thank you** for the tour of the warehouse.\n');
  });

  it('require-greeting: with old Mac line breaks (\\r) the greeting is not inserted into the line before', () => {
    checkFixes('---\n---\r\r```\nWhat is the salary range for this role?\n```\r\rBest regards,\nAna Ruiz', setting);
  });

  it('require-sign-off: no "Add a sign-off" fix when the note ends inside an unclosed code fence or comment', () => {
    for (const text of ['---\n---\n\nDear Ana,\n\n```\n\n\nWhat is the salary range for this role?', '---\n---\n\nDear Ben,\n\n<!-- Dear Zoë,\n\n- Dear Zoë,']) {
      checkFixes(text, setting);
      const finding = analyze(text).findings.find((f) => f.ruleId === 'require-sign-off');
      assert.ok(finding, 'the missing sign-off is still reported');
      assert.deepEqual(finding.fixes, []);
    }
  });

  it('greeting-matches-recipient: a `to` with a colon inside a name ("Zo:ë") is greeted whole, not cut at the colon', () => {
    const text = '---\nscenario: staff-thanks\nto: Zo:ë Whitcomb\n---\n\nDear Tぁ\n\n\nBest regards,\nSiobhán O\'Neill\n';
    checkFixes(text, setting);
    assert.equal(parseNote('Dear Zo:ë\n').greeting?.name?.text, 'Zo:ë');
    assert.equal(parseNote('Dear Ana: thank you.\n').greeting?.name?.text, 'Ana');
  });

  it('fix-all: idempotent on a note whose fixes overlap', () => {
    checkFixAllIdempotent('Dear Ana,\n\ni think i would be a great fit!!! i really need this job.\n\nthe the end\n', setting);
  });
});
