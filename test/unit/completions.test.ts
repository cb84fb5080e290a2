/** What the completion list offers where (src/shared/completions.ts), decided on the text without the word typed. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { completionsAt, type SnippetDefinition } from '../../src/shared/completions';

const snippets = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'snippets', 'notes.code-snippets'), 'utf8')) as Record<string, SnippetDefinition>;

/** `|` marks the cursor. */
function labels(marked: string, invoked = false): string[] {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return completionsAt(text, offset, snippets, { invoked }).map((c) => c.label);
}

const BODY = '---\nto: Lee Park\ncompany: Orchard\nrole: Analyst\n---\n\nDear Lee,\n\n';

describe('completions', () => {
  it('offers the nine templates for note- typed in an empty file', () => {
    const got = labels('note-|');
    assert.equal(got.length, 9);
    assert.ok(got.every((l) => l.startsWith('note-')));
    assert.equal(labels('  note-aft|').length, 9);
  });

  it('replaces exactly the word typed', () => {
    const [first] = completionsAt('note-', 5, snippets, { invoked: false });
    assert.deepEqual([first.start, first.end], [0, 5]);
  });

  it('offers no list for -, -- or --- (a fence, a rule, a list item)', () => {
    for (const text of ['-|', '--|', '---|', '---\nto: Ana\n---|', `${BODY}- item\n-|`, `${BODY}---|`]) assert.deepEqual(labels(text), [], text);
  });

  it('offers sections for section- in the body, never templates', () => {
    const got = labels(`${BODY}section-|`);
    assert.ok(got.length >= 5 && got.every((l) => l.startsWith('section-')), got.join(', '));
    assert.deepEqual(labels(`${BODY}note-|`), []);
  });

  it('offers nothing for an ordinary word, or in the middle of a line', () => {
    assert.deepEqual(labels('thank-|'), []);
    assert.deepEqual(labels(`${BODY}Thanks for the well-|`), []);
    assert.deepEqual(labels(`${BODY}I said section-|`), []);
  });

  it('on request at an empty line: templates in an empty file, sections in a note', () => {
    assert.equal(labels('|', true).length, 9);
    assert.ok(labels(`${BODY}|`, true).every((l) => l.startsWith('section-')));
    assert.deepEqual(labels(`${BODY}|`, false), []);
  });

  it('offers front-matter keys not yet present, counting the one being typed as absent', () => {
    const got = labels('---\nto: Lee\nrol|\n---\n', true);
    assert.ok(got.includes('role') && !got.includes('to'), got.join(', '));
    assert.ok(labels('---\nto|\n---\n', true).includes('to'));
    assert.deepEqual(labels('---\nto: Lee\n  -|\n---\n'), []);
  });

  it('offers the allowed values of channel', () => {
    assert.deepEqual(labels('---\nchannel: |\n---\n'), ['email', 'handwritten', 'linkedin', 'text']);
  });
});
