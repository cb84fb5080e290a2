/**
 * The scenario snippets (snippets/notes.code-snippets) and the snippet-syntax
 * resolver (src/core/snippets.ts): every template, filled with realistic
 * values, must be a note the analyzer has nothing to warn about.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, CHANNELS, parseNote, SCENARIOS, type Scenario } from '../../src/core/index';
import { SELF_NAMED_KEYS, TEMPLATE_PROMPTS } from '../../src/core/lexicon/structure-template-defaults';
import { listTabStops, parseSnippet, prefillSnippet, resolveSnippet, snippetBody, snippetVariables, type TabStop } from '../../src/core/snippets';

const ROOT = path.join(__dirname, '..', '..');
const SNIPPETS_FILE = path.join(ROOT, 'snippets', 'notes.code-snippets');
const DICTIONARY_HOOK = path.join(ROOT, 'test', 'support', 'dictionary-hook.ts');

interface SnippetDefinition {
  prefix: string;
  description: string;
  body: string | string[];
}

/** "Now" for the filled notes: the snippet dates the interview today, and the draft is written at noon. */
const NOW = new Date(2026, 2, 2, 12, 0, 0);
const SECTION_PREFIXES = ['section-discussed', 'section-fit', 'section-interest', 'section-keep-in-mind', 'section-sign-off'];

/** What a writer would type at each tab stop, by the tab stop's name. */
const VALUES: Record<string, string> = {
  to: 'Priya Nair',
  email: 'priya.nair@larkspur-health.example',
  company: 'Larkspur Health',
  role: 'Data Analyst',
  topics: 'the readmission dashboard',
  strengths: 'validating data with SQL',
  from: 'Jordan Lee',
  news: 'I have received an offer from another hospital that asks for my answer by March 9',
  'What has stayed with you since the conversation.': 'Your point about catching gaps in the discharge data early has stayed with me since we spoke.',
  'An example from your own work that connects to it.':
    'At my current job I built a weekly check that flags missing discharge records before they reach the monthly report.',
  'a goal they mentioned': 'the move to daily reporting',
  'A result from your work, with a number if you have one.': 'Last year I cut our monthly reporting backlog from nine days to two.',
  'Experience the team may not have heard about.': 'I have trained a dozen charge nurses to read the readmission dashboard during their morning meetings.',
  'Another role you could suggest, or the advice you would like to ask for.':
    'If a role in data quality opens at Larkspur Health, I would be glad to hear about it, and I would welcome your advice on where my experience is most useful.',
  'Why it matters for this role.': 'Larkspur Health remains my first choice, and the dashboard work we discussed is where I most hope to grow.',
  'Something you have done or learned since then that is relevant.':
    'Since then I have finished a course on health data standards that I expect to use every day in this kind of work.',
  'What they did that made the day easier.': 'You also walked me to the right floor when the elevator was out, which settled my nerves before the first conversation.',
};

/** Where a scenario needs a different value for the same tab stop. */
const OVERRIDES: Partial<Record<Scenario, Record<string, string>>> = {
  'staff-thanks': { topics: 'the quiet room you found for me before the interview' },
};

function loadSnippets(): Record<string, SnippetDefinition> {
  return JSON.parse(fs.readFileSync(SNIPPETS_FILE, 'utf8')) as Record<string, SnippetDefinition>;
}

function scenarioSnippets(all: Record<string, SnippetDefinition>): Map<Scenario, SnippetDefinition> {
  const map = new Map<Scenario, SnippetDefinition>();
  for (const snippet of Object.values(all)) {
    const m = /^note-(.+)$/.exec(snippet.prefix);
    if (m && (SCENARIOS as readonly string[]).includes(m[1])) map.set(m[1] as Scenario, snippet);
  }
  return map;
}

/** Fill every tab stop: choices with `choice`, the rest from the table; a stop whose default nests others keeps its (filled) default. */
function valueFor(scenario: Scenario, choice: string, missing: string[]) {
  return (stop: TabStop): string | undefined => {
    if (stop.index === 0) return '';
    if (stop.choices) return choice;
    const value = OVERRIDES[scenario]?.[stop.name] ?? VALUES[stop.name];
    if (value !== undefined) return value;
    if (stop.nested) return undefined;
    missing.push(stop.name);
    return undefined;
  };
}

describe('snippets', () => {
  before(async function () {
    // The spelling rule reports nothing until its dictionary is loaded: run the shared root hook
    // here too, so these tests also hold when mocha is started without `--require` for it.
    if (!fs.existsSync(DICTIONARY_HOOK)) return;
    const hook = require(DICTIONARY_HOOK) as { mochaHooks?: { beforeAll?: (this: Mocha.Context) => Promise<void> | void } };
    await hook.mochaHooks?.beforeAll?.call(this);
  });

  describe('notes.code-snippets', () => {
    const all = loadSnippets();
    const byScenario = scenarioSnippets(all);

    it('is a JSON object of snippets with a prefix, a description and a body', () => {
      for (const [name, s] of Object.entries(all)) {
        assert.equal(typeof s.prefix, 'string', `${name}: prefix`);
        assert.ok(typeof s.description === 'string' && s.description.trim().length > 0, `${name}: description`);
        assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), `${name}: body`);
      }
    });

    it('has unique prefixes', () => {
      const prefixes = Object.values(all).map((s) => s.prefix);
      assert.deepEqual(prefixes.filter((p, i) => prefixes.indexOf(p) !== i), []);
    });

    it('has exactly one snippet per scenario, and no note snippet for anything else', () => {
      for (const scenario of SCENARIOS) {
        const count = Object.values(all).filter((s) => s.prefix === `note-${scenario}`).length;
        assert.equal(count, 1, `note-${scenario}`);
      }
      const strays = Object.values(all)
        .map((s) => s.prefix)
        .filter((p) => p.startsWith('note-') && !(SCENARIOS as readonly string[]).includes(p.slice(5)));
      assert.deepEqual(strays, []);
    });

    it('has the section snippets', () => {
      const prefixes = new Set(Object.values(all).map((s) => s.prefix));
      for (const prefix of SECTION_PREFIXES) assert.ok(prefixes.has(prefix), prefix);
    });

    for (const scenario of SCENARIOS) {
      describe(`note-${scenario}`, () => {
        const snippet = byScenario.get(scenario);
        const lines = snippet ? snippetBody(snippet.body).split('\n') : [];

        it("front matter: scenario matches the prefix, status draft, interviewed today, channel a choice", () => {
          assert.ok(snippet, `no snippet for ${scenario}`);
          assert.deepEqual(
            lines.filter((l) => l.startsWith('scenario:')),
            [`scenario: ${scenario}`],
          );
          assert.ok(lines.includes('status: draft'));
          assert.ok(lines.includes('interviewed: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE'));
          assert.ok(lines.some((l) => /^channel: \$\{\d+\|email,handwritten,linkedin\|\}$/.test(l)), 'channel choice');
        });

        it('greets the `to` tab stop and signs with the `from` tab stop (mirrors)', () => {
          const toStop = lines.map((l) => /^to: \$\{(\d+):to\}$/.exec(l)?.[1]).find(Boolean);
          const fromStop = lines.map((l) => /^from: \$\{(\d+):from\}$/.exec(l)?.[1]).find(Boolean);
          assert.ok(toStop && fromStop, 'to and from are tab stops named after their keys');
          const bodyStart = lines.indexOf('---', 1) + 1;
          const greeting = lines.slice(bodyStart).find((l) => l.trim());
          assert.match(greeting ?? '', new RegExp(`^(Dear|Hi|Hello) \\$\\{${toStop}:to\\},$`));
          const last = lines.filter((l) => l.trim() && l !== '$0').pop();
          assert.equal(last, `\${${fromStop}:from}`);
        });

        for (const channel of ['email', 'handwritten', 'linkedin']) {
          it(`filled in (${channel}) has no finding at warning or error level`, () => {
            assert.ok(snippet);
            const missing: string[] = [];
            const text = resolveSnippet(snippet.body, { now: NOW, values: valueFor(scenario, channel, missing) });
            assert.deepEqual(missing, [], 'tab stops without a value in the table');
            assert.doesNotMatch(text, /\$\{|\$[A-Z_0-9]/, 'snippet syntax left in the note');

            const note = parseNote(text);
            const fm = note.frontMatter;
            assert.equal(fm.scenario, scenario);
            assert.equal(fm.channel, channel);
            assert.equal(fm.to, VALUES.to);
            assert.equal(fm.company, VALUES.company);
            assert.equal(fm.role, VALUES.role);
            assert.equal(fm.from, VALUES.from);
            assert.equal(fm.status, 'draft');
            assert.equal(fm.interviewed, '2026-03-02');
            assert.ok(note.greeting?.name?.text.includes('Priya'), 'greeting names the recipient');
            assert.equal(note.signOff?.name?.text, VALUES.from);

            const loud = analyze(note, { now: NOW, file: `${scenario}.note.md` }).findings.filter((f) => f.severity !== 'info');
            assert.deepEqual(
              loud.map((f) => `${f.line}:${f.column} ${f.ruleId}: ${f.message}`),
              [],
              `--- filled snippet ---\n${text}`,
            );
          });
        }
      });
    }

    it("every prompt a template writes is a template default no-unfilled-placeholder knows", () => {
      for (const s of Object.values(all)) {
        for (const stop of listTabStops(s.body)) {
          if (stop.index === 0 || stop.choices || stop.nested || (SELF_NAMED_KEYS as readonly string[]).includes(stop.name)) continue;
          assert.ok(
            TEMPLATE_PROMPTS.some((p) => p.includes(stop.name)),
            `${s.prefix}: the default "${stop.name}" is not in TEMPLATE_PROMPTS (lexicon/structure-template-defaults.ts)`,
          );
          const text = resolveSnippet(s.body, { now: NOW });
          assert.ok(TEMPLATE_PROMPTS.some((p) => text.includes(p) && p.includes(stop.name)), `${s.prefix}: the prompt "${stop.name}" does not stand in the text as listed`);
        }
      }
    });

    it('section snippets resolve to plain prose', () => {
      for (const s of Object.values(all).filter((x) => x.prefix.startsWith('section-'))) {
        const text = resolveSnippet(s.body, { now: NOW, values: (stop) => (stop.choices ? undefined : (VALUES[stop.name] ?? `some ${stop.name}`)) });
        assert.doesNotMatch(text, /\$\{|\$\d/, s.prefix);
        assert.ok(text.trim().length > 0, s.prefix);
      }
    });
  });

  describe('good note fixtures', () => {
    it('cover every scenario and every channel', () => {
      const dir = path.join(ROOT, 'test', 'fixtures', 'good');
      const notes = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.note.md'))
        .map((f) => parseNote(fs.readFileSync(path.join(dir, f), 'utf8')).frontMatter);
      assert.deepEqual(SCENARIOS.filter((s) => !notes.some((n) => n.scenario === s)), [], 'scenarios without a good note');
      assert.deepEqual(CHANNELS.filter((c) => !notes.some((n) => n.channel === c)), [], 'channels without a good note');
      const panel = notes.filter((n) => n.scenario === 'panel');
      assert.ok(panel.some((n) => panel.some((m) => m !== n && m.company === n.company && m.to !== n.to)), 'several panel notes to different people at one company');
    });
  });

  describe('snippet syntax resolver', () => {
    const now = new Date(2026, 2, 2, 9, 5, 7);

    it('resolves tab stops, placeholders and choices to their defaults', () => {
      assert.equal(resolveSnippet('a $1 b ${2} c ${3:three} d ${4|x,y,z|}', { now }), 'a  b  c three d x');
    });

    it('uses given values by index or by tab stop', () => {
      assert.equal(resolveSnippet('${1:a} and ${2|x,y|}', { values: { 1: 'A', 2: 'y' } }), 'A and y');
      assert.equal(resolveSnippet('${1:name}!', { values: (stop) => (stop.name === 'name' ? 'Ana' : undefined) }), 'Ana!');
    });

    it('mirrors: every occurrence of a tab stop takes the same value, the first default wins', () => {
      assert.equal(resolveSnippet('Dear ${1:to}, … ${1:to} … $1', {}), 'Dear to, … to … to');
      assert.equal(resolveSnippet('$1 then ${1:later}', {}), 'later then later');
      assert.equal(resolveSnippet('Dear ${1:to}, … $1', { values: { 1: 'Ana Ruiz' } }), 'Dear Ana Ruiz, … Ana Ruiz');
    });

    it('resolves nested placeholders, and a filled outer one replaces its nested content', () => {
      const body = 'subject: ${9:Thank you for the ${4:role} interview} / role: ${4:role}';
      assert.equal(resolveSnippet(body, { values: { 4: 'Data Analyst' } }), 'subject: Thank you for the Data Analyst interview / role: Data Analyst');
      assert.equal(resolveSnippet(body, { values: { 4: 'Data Analyst', 9: 'Hello' } }), 'subject: Hello / role: Data Analyst');
      assert.equal(resolveSnippet('${1:a ${2:b ${3:c}} d}', {}), 'a b c d');
    });

    it('resolves variables in both forms, with defaults, and leaves unknown names as text', () => {
      assert.equal(resolveSnippet('$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE', { now }), '2026-03-02');
      assert.equal(resolveSnippet('${CURRENT_YEAR}/${CURRENT_MONTH_NAME_SHORT} ${CURRENT_DAY_NAME}', { now }), '2026/Mar Monday');
      assert.equal(resolveSnippet('${CURRENT_HOUR}:${CURRENT_MINUTE}:${CURRENT_SECOND}', { now }), '09:05:07');
      assert.equal(resolveSnippet('${TM_FILENAME:untitled} $UNKNOWN_THING', { now }), 'untitled UNKNOWN_THING');
      assert.equal(resolveSnippet('$TM_FILENAME', { now, variables: { TM_FILENAME: 'a.note.md' } }), 'a.note.md');
      assert.equal(snippetVariables(now).CURRENT_YEAR_SHORT, '26');
    });

    it('honours escapes', () => {
      assert.equal(resolveSnippet('costs \\$5 and \\} and \\\\ and ${1:a \\} b}', {}), 'costs $5 and } and \\ and a } b');
      assert.equal(resolveSnippet('${1|a\\,b,c\\|d|}', {}), 'a,b');
      assert.deepEqual(listTabStops('${1|a\\,b,c\\|d|}')[0].choices, ['a,b', 'c|d']);
    });

    it('keeps what is not snippet syntax as text', () => {
      assert.equal(resolveSnippet('$ 5 and $ and } and {x}', {}), '$ 5 and $ and } and {x}');
      assert.equal(resolveSnippet('${1:unclosed', {}), '${1:unclosed');
      assert.equal(resolveSnippet('${1:a ${2:b} c', {}), '${1:a b c');
      assert.equal(resolveSnippet('${1|a,b', {}), '${1|a,b');
      assert.equal(resolveSnippet('${x y}', {}), '${x y}');
      assert.equal(resolveSnippet('', {}), '');
    });

    it('applies transforms', () => {
      assert.equal(resolveSnippet('${1:ana ruiz} → ${1/(.*)/${1:/upcase}/}', {}), 'ana ruiz → ANA RUIZ');
      assert.equal(resolveSnippet('${1:a-b-c} ${1/-/_/g}', {}), 'a-b-c a_b_c');
      assert.equal(resolveSnippet('${1:x}${1/(y)?/${1:?Y:N}/}', {}), 'xNx');
    });

    it('lists tab stops once each, in tab order with $0 last', () => {
      const stops = listTabStops(['$0 ${2|email,linkedin|}', '${1:to} ${3:Thanks for the ${1:to} call} $1']);
      assert.deepEqual(
        stops.map((s) => [s.index, s.name, s.nested]),
        [
          [1, 'to', false],
          [2, 'email', false],
          [3, 'Thanks for the to call', true],
          [0, '', false],
        ],
      );
    });

    it('prefills some tab stops and keeps the others', () => {
      const body = 'Dear ${1:to}, ${2:topic} at ${3|a,b|} for ${4:the ${1:to} role} \\$ $CURRENT_YEAR';
      assert.equal(prefillSnippet(body, { 1: 'Ana $mith}' }), 'Dear Ana \\$mith\\}, ${2:topic} at ${3|a,b|} for ${4:the Ana \\$mith\\} role} \\$ $CURRENT_YEAR');
      assert.equal(resolveSnippet(prefillSnippet(body, { 1: 'Ana' }), { now, values: { 2: 'x' } }), 'Dear Ana, x at a for the Ana role $ 2026');
    });

    it('parses malformed and deeply nested input quickly and without throwing', () => {
      const inputs = ['${1:'.repeat(20000), '${1|'.repeat(20000), '${1/'.repeat(20000), '${'.repeat(20000) + '}'.repeat(20000), '\\'.repeat(40001), '${1:${2:'.repeat(5000) + '}'.repeat(10000)];
      const started = Date.now();
      for (const input of inputs) {
        assert.doesNotThrow(() => parseSnippet(input));
        assert.equal(typeof resolveSnippet(input, { now }), 'string');
      }
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    });
  });
});
