/** The pre-send question and the one problem count (src/shared/presend.ts, problems.ts). */
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index';
import { countProblems } from '../../src/shared/problems';
import { firstClause, presendQuestion } from '../../src/shared/presend';

const WITH_SLOT = `---
to: Rosa Lind
company: Quillby
role: Support Lead
topics: [escalation queue]
from: Theo Marsh
subject: Support Lead interview
---

Dear Rosa,

Thank you for showing me how the escalation queue works at [Company name]. I would be glad to join Quillby as Support Lead and help shorten those waits.

Best regards,
Theo Marsh
`;

describe('pre-send check', () => {
  it('says how many errors and warnings are left, names the worst, and asks', () => {
    const { findings } = analyze(WITH_SLOT, {});
    const question = presendQuestion(findings, 'mark-sent');
    assert.ok(question);
    assert.match(question, /^1 error( and \d+ warnings?)? left: The template slot "\[Company name\]" was never filled in/);
    assert.match(question, / — mark it as sent anyway\?$/);
    assert.match(presendQuestion(findings, 'copy') ?? '', /copy it anyway\?$/);
    assert.match(presendQuestion(findings, 'mail-app') ?? '', /open it in your mail app anyway\?$/);
  });

  it('asks nothing when only info hints are left', () => {
    const findings = analyze(WITH_SLOT, {}).findings.map((f) => ({ ...f, severity: 'info' as const }));
    assert.equal(presendQuestion(findings, 'mark-sent'), undefined);
    assert.equal(countProblems(findings), 0);
  });

  it('keeps what was found and leaves out the advice', () => {
    assert.equal(firstClause('The greeting names "Ben"; it should be Ana.'), 'The greeting names "Ben"');
    assert.equal(firstClause('No sign-off at the end.'), 'No sign-off at the end');
  });

  it('counts errors and warnings only', () => {
    const findings = [{ severity: 'error' as const }, { severity: 'warning' as const }, { severity: 'info' as const }];
    assert.equal(countProblems(findings), 2);
  });
});
