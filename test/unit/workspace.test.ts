/** The workspace index (NoteIndex) and the "Across notes" rules on top of it. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, applyEdits, NoteIndex, resolveConfig, rules, type Finding, type ResolvedConfig } from '../../src/core/index';
import { featureStats } from '../../src/core/lexicon/workspace-notes';
import { FIXTURES } from '../support/fixtures';

const NOW = new Date(2026, 2, 2, 12, 0, 0);
const WORKSPACE_RULES = ['no-duplicate-note', 'no-wrong-company', 'no-wrong-recipient'];

function note(fields: Record<string, string>, body: string): string {
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body.trim()}\n`;
}

const MIDDLE =
  'Thank you for meeting with me on Tuesday and for walking me through the warehouse routing project. I enjoyed hearing how the team thinks about pick paths and travel time, and it confirmed how much I want to work on problems like these every day.\n\nAt my current job I rebuilt our pick lists around zone batching, and travel time dropped by about a fifth in the first month.';

function copyTo(to: string, company = 'Fernleaf Logistics', extra = ''): string {
  const first = to.split(' ')[0];
  return note({ to, company, role: 'Operations Analyst', from: 'Sam Patel' }, `Dear ${first},\n\n${MIDDLE}${extra}\n\nBest regards,\nSam Patel`);
}

function check(index: NoteIndex, file: string, only = WORKSPACE_RULES): Finding[] {
  const entry = index.get(file)!;
  return analyze(entry.note, { now: NOW, file, workspace: index.others(file), only }).findings;
}

describe('NoteIndex', () => {
  it('adds, replaces and deletes notes, bumping the generation on every change', () => {
    const index = new NoteIndex();
    const g0 = index.generation;
    const a = index.set('a.note.md', copyTo('Ana Ruiz'));
    assert.equal(index.size, 1);
    assert.ok(index.has('a.note.md'));
    assert.equal(index.get('a.note.md'), a);
    assert.equal(a.companyKey, 'fernleaf logistics');
    assert.ok(index.generation > g0);

    const g1 = index.generation;
    const b = index.set('a.note.md', copyTo('Ana Ruiz', 'Harbor Analytics'));
    assert.notEqual(b.note, a.note);
    assert.equal(index.size, 1);
    assert.equal(b.companyKey, 'harbor analytics');
    assert.ok(index.generation > g1);

    const g2 = index.generation;
    assert.equal(index.delete('a.note.md'), true);
    assert.equal(index.size, 0);
    assert.ok(index.generation > g2);
    const g3 = index.generation;
    assert.equal(index.delete('a.note.md'), false);
    assert.equal(index.generation, g3, 'deleting an unknown note changes nothing');
  });

  it('keeps the model when the text is the same (no re-parse)', () => {
    const index = new NoteIndex();
    const text = copyTo('Ana Ruiz');
    const first = index.set('a.note.md', text);
    const generation = index.generation;
    const again = index.set('a.note.md', text);
    assert.equal(again, first);
    assert.equal(again.note, first.note);
    assert.equal(index.generation, generation);
  });

  it('uses a model the caller already parsed', () => {
    const index = new NoteIndex();
    const text = copyTo('Ana Ruiz');
    const model = analyze(text, { only: [] }).note;
    assert.equal(index.set('a.note.md', text, model).note, model);
  });

  it('renames without re-parsing and regroups', () => {
    const index = new NoteIndex();
    const a = index.set('old.note.md', copyTo('Ana Ruiz'));
    index.set('b.note.md', copyTo('Ben Okafor'));
    index.rename('old.note.md', 'new.note.md');
    assert.equal(index.has('old.note.md'), false);
    assert.equal(index.get('new.note.md')!.note, a.note);
    assert.deepEqual(index.sameCompany('b.note.md', index.get('b.note.md')!.note).map((e) => e.file), ['new.note.md']);
    index.rename('missing.note.md', 'x.note.md');
    assert.equal(index.has('x.note.md'), false);
  });

  it('groups by company ignoring case and spacing, and others() leaves the note out', () => {
    const index = new NoteIndex();
    index.set('a.note.md', copyTo('Ana Ruiz', 'Fernleaf Logistics'));
    index.set('b.note.md', copyTo('Ben Okafor', ' fernleaf   LOGISTICS '));
    index.set('c.note.md', copyTo('Maria Chen', 'Harbor Analytics'));
    index.set('d.note.md', '');
    const a = index.get('a.note.md')!;
    assert.deepEqual(index.sameCompany('a.note.md', a.note).map((e) => e.file), ['b.note.md']);
    assert.deepEqual(index.others('a.note.md').map((e) => e.file).sort(), ['b.note.md', 'c.note.md', 'd.note.md']);
    assert.deepEqual(index.sameCompany('d.note.md', index.get('d.note.md')!.note), []);
    assert.deepEqual(index.files().sort(), ['a.note.md', 'b.note.md', 'c.note.md', 'd.note.md']);
    index.clear();
    assert.equal(index.size, 0);
    assert.deepEqual(index.all(), []);
  });
});

describe('workspace rules', () => {
  it('stay silent without a workspace', () => {
    const text = copyTo('Ana Ruiz', 'Fernleaf Logistics', ' I would love to join Harbor Analytics. Thank you, Maria, for your time.');
    assert.deepEqual(analyze(text, { now: NOW, only: WORKSPACE_RULES }).findings, []);
  });

  it('never crash on odd notes (empty, no front matter, CRLF, BOM, emoji, very long)', () => {
    const index = new NoteIndex();
    index.set('empty.note.md', '');
    index.set('bare.note.md', 'Just a line of text.');
    index.set('crlf.note.md', copyTo('Ana Ruiz').replace(/\n/g, '\r\n'));
    index.set('bom.note.md', '\ufeff' + copyTo('Ben Okafor'));
    index.set('emoji.note.md', copyTo('Maria Chen', 'Fernleaf Logistics', ' Thanks again, Maria 🎉! 🙏'));
    index.set('long.note.md', copyTo('Lee Park', 'Fernleaf Logistics', ` ${'We measured every aisle twice. '.repeat(2000)}`));
    index.set('odd-front-matter.note.md', '---\nto: [1, 2]\ncompany: {a: b}\ntopics: nope\n---\n\nHello.\n');
    for (const file of index.files()) {
      const findings = check(index, file, [...WORKSPACE_RULES]);
      assert.deepEqual(findings.filter((f) => f.ruleId === 'note-coach' && f.severity === 'error'), [], file);
    }
  });

  describe('no-duplicate-note', () => {
    it('reports a copy with the name swapped, pointing at the other note and its passage', () => {
      const index = new NoteIndex();
      index.set('ana.note.md', copyTo('Ana Ruiz'));
      index.set('ben.note.md', copyTo('Ben Okafor'));
      const [finding] = check(index, 'ana.note.md', ['no-duplicate-note']);
      assert.ok(finding, 'no finding');
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /Ben Okafor/);
      assert.equal(finding.related?.length, 1);
      const related = finding.related![0];
      assert.equal(related.file, 'ben.note.md');
      const ana = index.get('ana.note.md')!.text;
      const ben = index.get('ben.note.md')!.text;
      assert.equal(ben.slice(related.start, related.end), ana.slice(finding.start, finding.end));
      assert.match(ana.slice(finding.start, finding.end), /^Thank you for meeting/);
    });

    it('reports a copy in a CRLF note with ranges on its own text', () => {
      const index = new NoteIndex();
      index.set('ana.note.md', copyTo('Ana Ruiz').replace(/\n/g, '\r\n'));
      index.set('ben.note.md', '\ufeff' + copyTo('Ben Okafor'));
      const [finding] = check(index, 'ana.note.md', ['no-duplicate-note']);
      const ana = index.get('ana.note.md')!.text;
      assert.match(ana.slice(finding.start, finding.end), /^Thank you for meeting[\s\S]*first month$/);
      const related = finding.related![0];
      assert.match(index.get('ben.note.md')!.text.slice(related.start, related.end), /^Thank you for meeting[\s\S]*first month$/);
    });

    it('leaves notes to the same person, at another company, or without `to` alone', () => {
      const index = new NoteIndex();
      index.set('ana.note.md', copyTo('Ana Ruiz'));
      index.set('ana-v2.note.md', copyTo('Ana Ruiz'));
      index.set('harbor.note.md', copyTo('Maria Chen', 'Harbor Analytics'));
      index.set('nobody.note.md', copyTo('Ana Ruiz').replace('to: Ana Ruiz\n', ''));
      for (const file of index.files()) assert.deepEqual(check(index, file, ['no-duplicate-note']), [], file);
    });

    it('follows the threshold option', () => {
      const index = new NoteIndex();
      index.set('ana.note.md', copyTo('Ana Ruiz'));
      index.set('ben.note.md', copyTo('Ben Okafor', 'Fernleaf Logistics', '\n\nI also sketched a weekly cost view for the regional leads that I would be glad to share with the planning team.'));
      const strict = resolveConfig(rules, [{ source: 'test', value: { rules: { 'no-duplicate-note': { threshold: 0.95 } } } }]).config;
      const run = (file: string, config?: ResolvedConfig) =>
        analyze(index.get(file)!.note, { now: NOW, file, config, workspace: index.others(file), only: ['no-duplicate-note'] }).findings.length;
      // Ana's note is wholly inside Ben's; Ben's has a sentence of its own.
      assert.equal(run('ana.note.md'), 1);
      assert.equal(run('ben.note.md'), 1);
      assert.equal(run('ana.note.md', strict), 1);
      assert.equal(run('ben.note.md', strict), 0);
    });

    it('one edit re-derives only the edited note', () => {
      const index = new NoteIndex();
      const people = ['Ana Ruiz', 'Ben Okafor', 'Maria Chen', 'Priya Natarajan', 'Tomasz Nowak', 'Grace Mbeki'];
      people.forEach((to, i) => index.set(`n${i}.note.md`, copyTo(to, 'Fernleaf Logistics', i % 2 ? '' : ` Note ${i} has a line of its own about the ${i}th dock door.`)));
      for (let i = 0; i < 20; i++) index.set(`other${i}.note.md`, copyTo(people[i % people.length], `Company ${i}`));
      // First full check: every note's features are derived once.
      for (const file of index.files()) check(index, file);
      const before = { ...featureStats };
      for (const file of index.files()) check(index, file);
      assert.deepEqual(featureStats, before, 'a second pass must come entirely from the cache');

      index.set('n0.note.md', copyTo('Ana Ruiz', 'Fernleaf Logistics', ' An edited sentence about the dock doors.'));
      const findings = check(index, 'n0.note.md');
      assert.ok(findings.some((f) => f.ruleId === 'no-duplicate-note'));
      assert.equal(featureStats.notes - before.notes, 1, 'only the edited note is tokenized again');
      assert.equal(featureStats.duplicates - before.duplicates, 1, 'only the edited note gets new shingles');
    });

    it('does not derive shingles for notes at other companies', () => {
      const index = new NoteIndex();
      index.set('a.note.md', copyTo('Ana Ruiz', 'Unique Co One'));
      for (let i = 0; i < 10; i++) index.set(`x${i}.note.md`, copyTo('Ben Okafor', `Elsewhere ${i}`));
      const before = featureStats.duplicates;
      check(index, 'a.note.md', ['no-duplicate-note']);
      assert.equal(featureStats.duplicates - before, 1);
    });

    it('the good notes and the fixture workspaces of the template case stay quiet', () => {
      const dir = path.join(FIXTURES, 'no-duplicate-note', 'ok-template-used-well');
      const index = new NoteIndex();
      for (const f of fs.readdirSync(dir)) index.set(f, fs.readFileSync(path.join(dir, f), 'utf8'));
      for (const file of index.files()) assert.deepEqual(check(index, file, ['no-duplicate-note']), [], file);
    });
  });

  describe('no-wrong-company', () => {
    const harbor = copyTo('Maria Chen', 'Harbor Analytics');

    it("reports another note's company named as the reader's, with a fix to this note's company", () => {
      const index = new NoteIndex();
      index.set('harbor.note.md', harbor);
      index.set('ana.note.md', copyTo('Ana Ruiz', 'Fernleaf Logistics', ' I would love to join Harbor Analytics and to learn from the analysts on Harbor\'s team.'));
      const findings = check(index, 'ana.note.md', ['no-wrong-company']);
      const text = index.get('ana.note.md')!.text;
      assert.deepEqual(findings.map((f) => text.slice(f.start, f.end)), ['Harbor Analytics', 'Harbor']);
      for (const f of findings) {
        assert.equal(f.severity, 'error');
        assert.equal(f.related?.[0].file, 'harbor.note.md');
        assert.equal(harbor.slice(f.related![0].start, f.related![0].end), 'Harbor Analytics');
        assert.equal(f.fixes[0].safe, false);
      }
      const fixed = applyEdits(text, findings[1].fixes[0].edits);
      assert.match(fixed, /on Fernleaf Logistics's team/);
    });

    it('ignores past employers, offers, friends and ordinary words', () => {
      const index = new NoteIndex();
      index.set('harbor.note.md', harbor);
      index.set('summit.note.md', copyTo('Jordan Lee', 'Summit Labs'));
      index.set(
        'ana.note.md',
        copyTo(
          'Ana Ruiz',
          'Fernleaf Logistics',
          ' I led a similar project at Harbor Analytics. My time at Harbor taught me a lot. I have an offer from Harbor Analytics, but your team is my first choice. My friend at Harbor Analytics speaks highly of your team. The summit planning sounds fun, and I would love to help with it.',
        ),
      );
      assert.deepEqual(check(index, 'ana.note.md', ['no-wrong-company']), []);
    });

    it('needs this note\'s company', () => {
      const index = new NoteIndex();
      index.set('harbor.note.md', harbor);
      index.set('ana.note.md', copyTo('Ana Ruiz', '""', ' I would love to join Harbor Analytics.'));
      assert.deepEqual(check(index, 'ana.note.md', ['no-wrong-company']), []);
    });
  });

  describe('no-wrong-recipient', () => {
    const maria = copyTo('Maria Chen');

    it("reports another note's recipient addressed in this one, with a fix to this note's `to`", () => {
      const index = new NoteIndex();
      index.set('maria.note.md', maria);
      index.set('ana.note.md', copyTo('Ana Ruiz', 'Fernleaf Logistics', ' It was a pleasure to meet you, Maria.'));
      const [finding, ...rest] = check(index, 'ana.note.md', ['no-wrong-recipient']);
      assert.deepEqual(rest, []);
      const text = index.get('ana.note.md')!.text;
      assert.equal(text.slice(finding.start, finding.end), 'Maria');
      assert.equal(finding.related?.[0].file, 'maria.note.md');
      assert.equal(maria.slice(finding.related![0].start, finding.related![0].end), 'Maria Chen');
      assert.deepEqual(finding.expected, ['Ana']);
      assert.equal(finding.fixes[0].safe, true);
      assert.match(applyEdits(text, finding.fixes[0].edits), /to meet you, Ana\./);
    });

    it('ignores a panel colleague mentioned in passing', () => {
      const index = new NoteIndex();
      index.set('maria.note.md', maria);
      index.set('ana.note.md', copyTo('Ana Ruiz', 'Fernleaf Logistics', " I enjoyed meeting Maria too. Maria's idea was great. Please thank Maria for the tour."));
      assert.deepEqual(check(index, 'ana.note.md', ['no-wrong-recipient']), []);
    });

    it("does not report the greeting (greeting-matches-recipient's job)", () => {
      const index = new NoteIndex();
      index.set('maria.note.md', maria);
      index.set('ana.note.md', copyTo('Ana Ruiz').replace('Dear Ana,', 'Dear Maria,'));
      const findings = check(index, 'ana.note.md', ['no-wrong-recipient', 'greeting-matches-recipient']);
      assert.deepEqual(findings.map((f) => f.ruleId), ['greeting-matches-recipient']);
    });
  });
});
