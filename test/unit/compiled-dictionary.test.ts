/** The precompiled spelling dictionary: the trie, the file format, and answers identical to nspell's. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nspell from 'nspell';
import { buildTrie, WordTrie } from '../../src/core/spelling/trie';
import { CompiledDictionary, encodeCompiledDictionary, WORD_FLAGS, type CompiledParts } from '../../src/core/spelling/compiled';
import { compileHunspell, hunspellParts } from '../../src/core/spelling/compile';
import { DictionaryStore, type DictionaryLanguage } from '../../src/core/spelling/dictionary';
import { COMPILED_EXTENSION, createNodeDictionaryLoader, findDictionaryFiles } from '../../src/node/dictionary';
import { compileDictionaries } from '../../scripts/compile-dictionaries';

function hunspell(language: DictionaryLanguage) {
  const files = findDictionaryFiles(language).files;
  assert.ok(files && 'aff' in files);
  return { aff: fs.readFileSync(files.aff), dic: fs.readFileSync(files.dic) };
}

const SETTINGS: Omit<CompiledParts, 'words'> = {
  compoundMin: 3,
  compoundRules: [],
  conversionIn: [],
  conversionOut: [],
  replacementTable: [],
  key: ['qwertyuiop'],
  tryCharacters: [...'etaoinshrdlcumwfgypbvkjxqz'],
};

describe('compiled dictionary: the trie', () => {
  it('finds every word with its value, and nothing else', () => {
    const words: [string, number][] = [
      ['car', 1],
      ['cart', 2],
      ['carts', 3],
      ['cat', 1],
      ['dog', 4],
      ['dogs', 3],
      ['', 7],
      ['résumé', 5],
      ["can't", 6],
    ];
    const packed = buildTrie(words);
    const trie = new WordTrie(packed.chars, packed.nodes);
    trie.verify();
    for (const [word, value] of words) assert.equal(trie.get(word), value, word);
    for (const absent of ['ca', 'carte', 'cars', 'do', 'dogss', 'Car', 'resume', 'x', 'cat ']) assert.equal(trie.get(absent), 0, absent);
    assert.deepEqual([...trie.entries()].sort(), [...words].sort());
  });

  it('shares equal endings, so a list with common suffixes packs small', () => {
    const stems = ['walk', 'talk', 'jump', 'kick', 'pack', 'lock', 'look', 'cook'];
    const words = stems.flatMap((s) => ['', 's', 'ed', 'ing', 'er', 'ers'].map((e) => [s + e, 1] as [string, number]));
    const { nodes } = buildTrie(words);
    const letters = words.reduce((n, [w]) => n + w.length, 0);
    assert.ok(nodes.length < letters / 2, `${nodes.length} entries for ${letters} letters`);
    const trie = new WordTrie(buildTrie(words).chars, nodes);
    for (const [w] of words) assert.equal(trie.get(w), 1, w);
    assert.equal(trie.get('walke'), 0);
  });

  it('refuses values it cannot store', () => {
    assert.throws(() => buildTrie([['a', 0]]), /out of range/);
    assert.throws(() => buildTrie([['a', 1 << 24]]), /out of range/);
  });
});

describe('compiled dictionary: the file', () => {
  const parts: CompiledParts = { ...SETTINGS, words: [['thanks', 0], ['interview', 0], ['darn', WORD_FLAGS.NOSUGGEST]], source: 'test words' };

  it('round-trips through bytes, an ArrayBuffer and an unaligned copy', () => {
    const bytes = encodeCompiledDictionary(parts);
    const unaligned = new Uint8Array(bytes.length + 1).subarray(1);
    unaligned.set(bytes);
    for (const data of [bytes, bytes.slice().buffer as ArrayBuffer, unaligned, Buffer.from(bytes)]) {
      const dictionary = CompiledDictionary.fromBytes(data);
      assert.equal(dictionary.correct('thanks'), true);
      assert.equal(dictionary.correct('Interview'), true);
      assert.equal(dictionary.correct('thanx'), false);
      assert.equal(dictionary.flagsOf('darn'), WORD_FLAGS.NOSUGGEST);
      assert.equal(dictionary.source, 'test words');
    }
  });

  it('rejects a file that is not one or cut short in plain words, and a tampered table when asked to verify', () => {
    const bytes = encodeCompiledDictionary(parts);
    const bad = (data: Uint8Array, why: RegExp) => assert.throws(() => CompiledDictionary.fromBytes(data), (e: Error) => /^Not a compiled Note Coach dictionary: /.test(e.message) && why.test(e.message));
    bad(new TextEncoder().encode('SET UTF-8\nTRY esianrtolcdugmphbyfvkwz'), /signature/);
    bad(new Uint8Array(0), /signature/);
    bad(bytes.subarray(0, bytes.length - 4), /wrong size/);
    bad(bytes.subarray(0, 20), /cut short/);
    const version = bytes.slice();
    version.set(new TextEncoder().encode('NCDICT02'));
    bad(version, /signature/);
    // Point the root's last edge past the end of the word table.
    const tampered = bytes.slice();
    const view = new DataView(tampered.buffer);
    const nodesAt = (12 + view.getUint32(8, true) + 3) & ~3;
    const count = view.getUint32(nodesAt, true) & 0xff;
    view.setUint32(nodesAt + 4 * count, (0xfffff << 8) | (view.getUint32(nodesAt + 4 * count, true) & 0xff), true);
    assert.throws(() => CompiledDictionary.fromBytes(tampered, { verify: true }), /outside the node list/);
    // Unverified, the damaged table still cannot crash or hang a look-up.
    const damaged = CompiledDictionary.fromBytes(tampered);
    for (const word of ['thanks', 'interview', 'darn', 'zzzz', 'x'.repeat(10_000)]) assert.equal(typeof damaged.correct(word), 'boolean');
    assert.ok(Array.isArray(damaged.suggest('thnaks')));
  });

  it('loads through the Node loader from a configured folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nc-compiled-'));
    try {
      fs.writeFileSync(path.join(dir, `en-GB${COMPILED_EXTENSION}`), encodeCompiledDictionary(parts));
      const store = new DictionaryStore();
      store.setLoader(createNodeDictionaryLoader({ directory: dir }));
      await store.load('en-GB');
      assert.equal(store.get('en-GB')!.correct('interview'), true);
      assert.equal(store.get('en-GB')!.correct('colour'), false, 'the configured file, not the package');
      fs.writeFileSync(path.join(dir, `en-US${COMPILED_EXTENSION}`), 'not a dictionary');
      store.setLoader(createNodeDictionaryLoader({ directory: dir }));
      await assert.rejects(store.load('en-US'), /Not a compiled Note Coach dictionary/);
      assert.equal(store.status('en-US').state, 'failed');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('compiled dictionary: the same answers as nspell', function () {
  this.timeout(120_000);
  // Misspellings of our own making, of the kinds people make: doubled or dropped letters, swaps,
  // sound-alikes, wrong case, apostrophes, and names no dictionary holds.
  const MISSPELLED = ['recieve', 'occassion', 'tommorow', 'oppertunity', 'definately', 'Thnak', 'THANKYOU', 'acknowlege', 'collaberate', 'dont', 'youre', 'Wendsday', 'comittee', 'enviroment', 'Qwertyson', 'teh', 'realy', 'collegue', 'i', '12rd', 'xyzzyq'];
  const sample = (words: string[], every: number) => words.filter((_, i) => i % every === 0);

  for (const language of ['en-US', 'en-GB'] as const) {
    it(`${language}: every listed form and its case variants check the same, and suggestions match`, () => {
      const files = hunspell(language);
      const reference = nspell(files.aff, files.dic);
      const compiled = CompiledDictionary.fromBytes(compileHunspell(files));
      const parts = hunspellParts(files);
      const forms = [...parts.words].map(([w]) => w);
      assert.ok(forms.length > 100_000, `${forms.length} word forms`);
      const variants = (w: string) => [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1), w.toLowerCase(), `${w}s`, w.slice(1), w.replace(/'/g, '\u2019')];
      let checked = 0;
      for (const word of sample(forms, 4)) {
        for (const v of variants(word)) {
          checked += 1;
          if (reference.correct(v) !== compiled.correct(v)) assert.fail(`correct("${v}"): nspell ${reference.correct(v)}`);
        }
      }
      for (const v of ['1st', '21st', '112th', '11th', '1th', '23rd', '22th', 'fuck', 'Fuck', ' ', '']) assert.equal(compiled.correct(v), reference.correct(v), v);
      assert.ok(checked > 150_000);
      const words = language === 'en-US' ? MISSPELLED : sample(MISSPELLED, 3);
      for (const word of words) assert.deepEqual(compiled.suggest(word), reference.suggest(word), word);
    });
  }
});

describe('compiled dictionary: the build step', function () {
  this.timeout(120_000);
  it('writes both languages once, skips them when nothing changed, and drops Hunspell copies', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nc-build-'));
    try {
      fs.writeFileSync(path.join(out, 'en-US.aff'), 'SET UTF-8\n');
      assert.equal(compileDictionaries(out).length, 2);
      assert.deepEqual(fs.readdirSync(out).sort(), ['en-GB.license', 'en-GB.ncdict', 'en-US.license', 'en-US.ncdict']);
      assert.deepEqual(compileDictionaries(out), [], 'up to date');
      const store = new DictionaryStore();
      store.setLoader(createNodeDictionaryLoader({ directory: out }));
      await Promise.all([store.load('en-US'), store.load('en-GB')]);
      assert.ok(store.get('en-GB')!.correct('colour') && !store.get('en-US')!.correct('colour'));
      assert.match(CompiledDictionary.fromBytes(fs.readFileSync(path.join(out, 'en-US.ncdict'))).source ?? '', /^dictionary-en \d+\.\d+\.\d+ \([0-9a-f]{16}\)$/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
