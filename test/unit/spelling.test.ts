/** Spelling: dictionary loading, the speller's caches, word acceptance, the word-list fix and the rule. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseNote, type Report } from '../../src/core/index';
import spelling from '../../src/core/rules/spelling';
import { DictionaryStore, defaultDictionaryStore, getSpeller, loadDictionary, type DictionaryData, type DictionaryLanguage } from '../../src/core/spelling/dictionary';
import { LruCache } from '../../src/core/spelling/lru';
import { Speller, type SpellEngine } from '../../src/core/spelling/speller';
import { isAccepted, tokenOf } from '../../src/core/spelling/words';
import { addWordsToConfigText } from '../../src/core/spelling/config-words';
import { COMPILED_EXTENSION, createNodeDictionaryLoader, findDictionaryFiles, registerNodeDictionaryLoader } from '../../src/node/dictionary';

const nodeLoader = createNodeDictionaryLoader();

/** The Hunspell files of a dictionary package, as the loader finds them from the sources. */
function hunspellFiles(language: DictionaryLanguage): { aff: string; dic: string } {
  const files = findDictionaryFiles(language).files;
  assert.ok(files && 'aff' in files, `the ${language} package is installed`);
  return files;
}

function countingLoader() {
  const calls: DictionaryLanguage[] = [];
  const loader = async (language: DictionaryLanguage): Promise<DictionaryData> => {
    calls.push(language);
    return nodeLoader(language);
  };
  return { calls, loader };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A fake engine that knows a fixed word list and counts its calls. */
function fakeEngine(known: string[]) {
  const words = new Set(known);
  const calls = { correct: 0, suggest: 0 };
  const engine: SpellEngine = {
    correct(word) {
      calls.correct += 1;
      return words.has(word);
    },
    suggest(word) {
      calls.suggest += 1;
      return known.filter((k) => k[0] === word[0]);
    },
  };
  return { engine, calls };
}

function runRule(text: string, extra: { words?: string[]; dictionary?: string; maxSuggestions?: number } = {}): Report[] {
  const reports: Report[] = [];
  const context = {
    note: parseNote(text),
    options: { maxSuggestions: extra.maxSuggestions ?? 20 },
    now: new Date(2026, 2, 2, 12),
    words: extra.words ?? [],
    dictionary: extra.dictionary,
    report: (r: Report) => reports.push(r),
  };
  spelling.check(context as never);
  return reports;
}

describe('spelling: dictionary loading', () => {
  it('is lazy: nothing is read until a language is asked for', () => {
    const { calls, loader } = countingLoader();
    const store = new DictionaryStore();
    store.setLoader(loader);
    assert.deepEqual(calls, []);
    assert.equal(store.get('en-US'), undefined);
    assert.deepEqual(calls, [], 'get() never loads');
    assert.equal(store.status('en-US').state, 'unloaded');
  });

  it('loads once and memoizes the promise, however often it is asked', async () => {
    const { calls, loader } = countingLoader();
    const store = new DictionaryStore();
    store.setLoader(loader);
    const first = store.load('en-US');
    const second = store.load('en-US');
    assert.equal(first, second, 'concurrent callers share one promise');
    assert.equal(store.request('en-US'), undefined, 'not ready while loading');
    assert.equal(store.status('en-US').state, 'loading');
    await first;
    await store.load('en-US');
    assert.equal(store.load('en-US'), first);
    assert.deepEqual(calls, ['en-US']);
    const speller = store.get('en-US');
    assert.ok(speller);
    assert.equal(store.request('en-US'), speller);
    const status = store.status('en-US');
    assert.equal(status.state, 'ready');
    assert.ok(typeof status.loadMs === 'number' && status.loadMs > 0);
  });

  it('loads each language separately, and both work', async () => {
    const { calls, loader } = countingLoader();
    const store = new DictionaryStore();
    store.setLoader(loader);
    await Promise.all([store.load('en-US'), store.load('en-GB'), store.load('en-US')]);
    assert.deepEqual([...calls].sort(), ['en-GB', 'en-US']);
    const us = store.get('en-US')!;
    const gb = store.get('en-GB')!;
    assert.ok(us.correct('color') && !us.correct('colour'));
    assert.ok(gb.correct('colour') && !gb.correct('color'));
    assert.ok(us.correct('organization') && gb.correct('organisation'));
  });

  it('request() starts a background load and onReady announces it', async () => {
    const { calls, loader } = countingLoader();
    const store = new DictionaryStore();
    store.setLoader(loader);
    const ready: DictionaryLanguage[] = [];
    const dispose = store.onReady((language) => ready.push(language));
    assert.equal(store.request('en-GB'), undefined);
    assert.equal(store.request('en-GB'), undefined);
    await store.load('en-GB');
    assert.deepEqual(calls, ['en-GB']);
    assert.deepEqual(ready, ['en-GB']);
    assert.ok(store.request('en-GB'));
    dispose();
    store.unload('en-GB');
    await store.load('en-GB');
    assert.deepEqual(ready, ['en-GB'], 'a disposed listener is not called');
  });

  it('without a loader, load() rejects and request() returns undefined', async () => {
    const store = new DictionaryStore();
    assert.equal(store.request('en-US'), undefined);
    await assert.rejects(store.load('en-US'), /No spelling dictionary loader/);
    assert.equal(store.status('en-US').state, 'unloaded');
  });

  it('a failed load is remembered (no retry on every keystroke) until a loader is registered again', async () => {
    let attempts = 0;
    const store = new DictionaryStore();
    store.setLoader(async () => {
      attempts += 1;
      throw new Error('disk on fire');
    });
    await assert.rejects(store.load('en-US'), /disk on fire/);
    assert.equal(store.status('en-US').state, 'failed');
    assert.equal(store.request('en-US'), undefined);
    assert.equal(attempts, 1);
    store.setLoader(nodeLoader);
    await store.load('en-US');
    assert.equal(store.status('en-US').state, 'ready');
  });

  it('accepts Hunspell files as text as well as bytes', async () => {
    const files = hunspellFiles('en-US');
    const store = new DictionaryStore();
    store.setLoader(async () => ({ aff: fs.readFileSync(files.aff, 'utf8'), dic: fs.readFileSync(files.dic, 'utf8') }));
    await store.load('en-US');
    assert.ok(store.get('en-US')!.correct('interview'));
  });

  it('the Node loader finds the packages from source, and the given folder first', () => {
    const fromSource = hunspellFiles('en-GB');
    assert.match(fromSource.aff, /dictionary-en-gb[\\/]index\.aff$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nc-dict-'));
    try {
      fs.copyFileSync(fromSource.aff, `${dir}/en-GB.aff`);
      fs.copyFileSync(fromSource.dic, `${dir}/en-GB.dic`);
      assert.deepEqual(findDictionaryFiles('en-GB', { directory: dir }).files, { aff: `${dir}/en-GB.aff`, dic: `${dir}/en-GB.dic` });
      fs.writeFileSync(`${dir}/en-GB.ncdict`, '');
      assert.deepEqual(findDictionaryFiles('en-GB', { directory: dir }).files, { compiled: `${dir}/en-GB.ncdict` }, 'a compiled file wins');
      assert.equal(findDictionaryFiles('en-GB', { searchFrom: [path.dirname(dir)] }).files, undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never reads a dictionaries/ folder of the working folder', async () => {
    // A folder of notes (a cloned repository) holding its own "dictionary" that would accept a typo.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nc-cwd-'));
    const cwd = process.cwd();
    try {
      const real = hunspellFiles('en-US');
      fs.mkdirSync(path.join(dir, 'dictionaries'));
      fs.copyFileSync(real.aff, path.join(dir, 'dictionaries', 'en-US.aff'));
      fs.writeFileSync(path.join(dir, 'dictionaries', 'en-US.dic'), '1\nrecieve\n');
      fs.writeFileSync(path.join(dir, 'dictionaries', `en-US${COMPILED_EXTENSION}`), 'planted');
      process.chdir(dir);
      const { files, tried } = findDictionaryFiles('en-US');
      assert.ok(files && 'aff' in files && /dictionary-en[\\/]index\.aff$/.test(files.aff), JSON.stringify(files));
      assert.ok(!tried.some((t) => t.startsWith(fs.realpathSync(dir)) || t.startsWith(dir)), tried.join(', '));
      const store = new DictionaryStore();
      store.setLoader(createNodeDictionaryLoader());
      await store.load('en-US');
      assert.equal(store.get('en-US')!.correct('recieve'), false);
    } finally {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('spelling: caches', () => {
  it('LruCache evicts the least recently used entry', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1); // touch a
    cache.set('c', 3);
    assert.equal(cache.has('b'), false);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
    assert.equal(cache.size, 2);
  });

  it('correct() asks the engine once per word', () => {
    const { engine, calls } = fakeEngine(['thank', 'you']);
    const speller = new Speller('en-US', engine);
    for (let i = 0; i < 5; i++) {
      assert.equal(speller.correct('thank'), true);
      assert.equal(speller.correct('thnak'), false);
    }
    assert.equal(calls.correct, 2);
  });

  it('suggest() is cached, and skips the engine when no word is one edit away', () => {
    const { engine, calls } = fakeEngine(['thank', 'think']);
    const speller = new Speller('en-US', engine);
    assert.deepEqual(speller.suggest('thnak'), ['thank', 'think']);
    assert.deepEqual(speller.suggest('thnak'), ['thank', 'think']);
    assert.equal(calls.suggest, 1);
    assert.equal(speller.hasSuggestionsCached('thnak'), true);
    assert.deepEqual(speller.suggest('Raghunathan'), []);
    assert.equal(calls.suggest, 1, 'a name far from every word never reaches the slow search');
  });

  it('puts known fixes first: dropped apostrophes and run-together words', () => {
    const speller = getSpeller('en-US')!;
    assert.equal(speller.suggest('dont')[0], "don't");
    assert.equal(speller.suggest('Dont')[0], "Don't");
    assert.equal(speller.suggest('im')[0], "I'm");
    assert.equal(speller.suggest('alot')[0], 'a lot');
    assert.equal(speller.suggest('recieve')[0], 'receive');
  });
});

describe('spelling: which words pass', () => {
  const speller = () => getSpeller('en-US')!;
  const ok = (word: string, sentenceInitial = false, accepted: string[] = []) => isAccepted(tokenOf(word)!.text, { speller: speller(), accepted: new Set(accepted), sentenceInitial });

  it('takes the checkable core of a word', () => {
    assert.deepEqual(tokenOf("Fernleaf's"), { text: 'Fernleaf', offset: 0 });
    assert.deepEqual(tokenOf('Fernleaf\u2019s'), { text: 'Fernleaf', offset: 0 });
    assert.deepEqual(tokenOf('café.'), { text: 'café', offset: 0 });
    assert.deepEqual(tokenOf('e.g.'), { text: 'e.g.', offset: 0 });
    assert.deepEqual(tokenOf("'quoted'"), { text: 'quoted', offset: 1 });
    assert.equal(tokenOf('...'), undefined);
  });

  it('accepts numbers, acronyms, brand casing, compounds and abbreviations', () => {
    for (const w of ['3rd', 'Q3', 'mid-2024', '10x', 'OKRs', 'HIPAA', 'AWS', 'iPhone', 'eBay', 'GitHub', 'DevOps', 'follow-up', 'UX/UI', 'Q&A', 'and/or', 'co-led', 'pre-read', 'e.g.', 'U.S.', 'p.m.', 'résumé', 'onboarding', 'roadmap', "don't", "Fernleaf's", '田中さん', 'σοφία']) {
      assert.ok(ok(w), w);
    }
  });

  it('accepts a capitalised unknown word mid-sentence as a name, but not an obvious typo at a sentence start', () => {
    assert.ok(ok('Kubernetes'));
    assert.ok(ok('Kubernetes', true));
    assert.ok(ok('Priyanka', true));
    assert.ok(!ok('Thnak', true));
    assert.ok(!ok('Definately', true));
    assert.ok(ok('Thnak', false), 'mid-sentence, a capitalised word is taken for a name');
  });

  it('rejects lowercase unknown words unless they are accepted', () => {
    assert.ok(!ok('kubrnetes'));
    assert.ok(!ok('recieve'));
    assert.ok(ok('kubrnetes', false, ['kubrnetes']));
    assert.ok(!ok('london'), 'a proper noun in lowercase');
  });
});

describe('spelling: the rule', () => {
  const note = (body: string, fm = 'to: Ana Ruiz\ncompany: Fernleaf') => `---\n${fm}\n---\n\nDear Ana,\n\n${body}\n\nBest regards,\nSam Patel\n`;

  it('reports a misspelling with up to three suggestions and the word-list fix', () => {
    const [r, ...rest] = runRule(note('I would welcome the oppurtunity to talk again.'));
    assert.equal(rest.length, 0);
    assert.equal(r.expected?.[0], 'opportunity');
    assert.ok(r.fixes!.length >= 2 && r.fixes!.length <= 4);
    assert.ok(r.fixes!.every((f) => f.safe === false));
    const add = r.fixes!.at(-1)!;
    assert.deepEqual(add, { title: 'Add "oppurtunity" to the word list in .notecoach.json', kind: 'fix', safe: false, edits: [], addWords: ['oppurtunity'] });
  });

  it('accepts the front matter and the configured words', () => {
    assert.equal(runRule(note('The geofencing work at fernleaf was great.', 'to: Ana Ruiz\ncompany: Fernleaf\ntopics: [geofencing alerts]')).length, 0);
    assert.equal(runRule(note('We talked about sqlfluff.'), { words: ['SQLFluff'] }).length, 0);
    assert.equal(runRule(note('We talked about sqlfluff.')).length, 1);
  });

  it('uses the British dictionary when the configuration asks for it', () => {
    const text = note('Your organisation has a clear colour palette.');
    assert.equal(runRule(text, { dictionary: 'en-GB' }).length, 0);
    assert.deepEqual(
      runRule(text, { dictionary: 'en-US' }).map((r) => r.expected?.[0]),
      ['organization', 'color'],
    );
  });

  it('looks up suggestions for the first maxSuggestions misspelled words only', () => {
    const reports = runRule(note('I recieve alot of intrested replies.'), { maxSuggestions: 1 });
    assert.deepEqual(
      reports.map((r) => r.fixes!.length),
      [3, 1, 1],
    );
  });

  it('ignores code, URLs, e-mail addresses, handles and the lowercase pronoun', () => {
    assert.equal(runRule(note('Run `kubctl apply` or see https://example.com/xyzzy and mail qwrty@example.com or @qwrtyx; i think so.')).length, 0);
  });

  it('survives empty and odd notes', () => {
    for (const text of ['', '---\n---\n', '\uFEFF\r\n\r\n', '🎉🎉🎉', 'x'.repeat(5000), '# \n\n- \n']) runRule(text);
  });

  it('reports nothing until its dictionary is ready, then everything', async () => {
    const store = defaultDictionaryStore();
    const gate = deferred<void>();
    store.unload('en-GB');
    store.setLoader(async (language) => {
      await gate.promise;
      return nodeLoader(language);
    });
    const text = note('I would welcome the oppurtunity.');
    const readied: string[] = [];
    const dispose = store.onReady((l) => readied.push(l));
    try {
      assert.equal(runRule(text, { dictionary: 'en-GB' }).length, 0);
      assert.equal(store.status('en-GB').state, 'loading', 'the rule asked for the dictionary');
      gate.resolve();
      await loadDictionary('en-GB');
      assert.deepEqual(readied, ['en-GB']);
      assert.equal(runRule(text, { dictionary: 'en-GB' }).length, 1);
    } finally {
      dispose();
      registerNodeDictionaryLoader();
      await loadDictionary('en-GB');
    }
  });
});

describe('spelling: addWordsToConfigText', () => {
  it('creates the file content when there is none', () => {
    assert.equal(addWordsToConfigText(undefined, ['Fernleaf']), '{\n  "words": [\n    "Fernleaf"\n  ]\n}\n');
    assert.equal(addWordsToConfigText('  \n', ['dbt']), '{\n  "words": [\n    "dbt"\n  ]\n}\n');
  });

  it('keeps the other settings, their order and the indentation', () => {
    const text = '{\n    "dictionary": "en-GB",\n    "words": ["alpha", "gamma"],\n    "rules": { "max-length": "off" }\n}\n';
    const out = addWordsToConfigText(text, ['beta']);
    assert.deepEqual(JSON.parse(out), { dictionary: 'en-GB', words: ['alpha', 'beta', 'gamma'], rules: { 'max-length': 'off' } });
    assert.ok(out.startsWith('{\n    "dictionary"'));
    assert.ok(out.endsWith('}\n'));
    assert.deepEqual(Object.keys(JSON.parse(out)), ['dictionary', 'words', 'rules']);
  });

  it('keeps a sorted list sorted, appends to an unsorted one, and skips duplicates in any case', () => {
    assert.deepEqual(JSON.parse(addWordsToConfigText('{"words":["b","d"]}', ['c', 'a', 'B'])).words, ['a', 'b', 'c', 'd']);
    assert.deepEqual(JSON.parse(addWordsToConfigText('{"words":["zeta","alpha"]}', ['mu', 'beta', 'Alpha'])).words, ['zeta', 'alpha', 'beta', 'mu']);
  });

  it('returns the text unchanged when every word is already there', () => {
    const text = '{ "words": ["dbt"] }';
    assert.equal(addWordsToConfigText(text, ['DBT', ' ']), text);
  });

  it('keeps CRLF line breaks and a BOM', () => {
    const out = addWordsToConfigText('\uFEFF{\r\n  "from": "Sam"\r\n}\r\n', ['dbt']);
    assert.ok(out.startsWith('\uFEFF{\r\n  "from": "Sam",\r\n  "words": ['));
    assert.ok(out.endsWith('}\r\n'));
    assert.ok(!/[^\r]\n/.test(out));
  });

  it('refuses to touch a file it cannot read', () => {
    assert.throws(() => addWordsToConfigText('{ "words": [', ['x']), /not valid JSON/);
    assert.throws(() => addWordsToConfigText('[1, 2]', ['x']), /JSON object/);
    assert.throws(() => addWordsToConfigText('{ "words": "dbt" }', ['x']), /list of strings/);
  });
});
