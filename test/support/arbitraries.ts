/**
 * fast-check generators for realistic (and not so realistic) follow-up notes,
 * used by test/unit/properties.test.ts and scripts/fuzz.ts.
 *
 * A generated note is built from parts a writer really produces — front matter
 * with valid, invalid and missing keys; a greeting (sometimes naming the wrong
 * person); paragraphs of real note sentences, some of which trip a rule (a
 * salary question, "[Company name]", "the the", a lowercase "i", "!!!");
 * lists, links, code, HTML comments and note-coach directives; a sign-off —
 * then sprinkled with emoji, combining marks and right-to-left text, and
 * given CRLF line breaks or a BOM. A share of cases is then mutated at random
 * offsets (which can cut a surrogate pair or a CRLF in half), and a few are
 * raw random strings.
 *
 * Everything is built from fast-check values only (plus the fixture corpus,
 * read once in sorted order), so a failing seed replays.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { CHANNELS, FRONT_MATTER_KEYS, SCENARIOS, parseNote, rules, resolveConfig, type ResolvedConfig, type WorkspaceNote } from '../../src/core/index';

const ROOT = path.join(__dirname, '..', '..');

// ---------------------------------------------------------------------------
// Vocabulary

export const PEOPLE = [
  'Ana Ruiz',
  'Zoë Whitcomb',
  'José Núñez',
  "Siobhán O'Neill",
  'Dr. Keiko Tanaka',
  'Ms. Adeyemi',
  'Marisol Okafor',
  'Theo Lindqvist',
  'Priya Nair',
  'محمد علي',
  'דנה כהן',
  '李小龙',
  'Ben',
  'the hiring team',
  'Ana-María de la Cruz',
  'Björn Ødegård',
];
const WRONG_NAMES = ['Ben', 'Gareth', 'Hannah', 'Robert', 'Bob', 'Zoe', 'Mr. Smith', 'Team', 'there', 'everyone', '[Name]', '[Interviewer Name]', '{{first_name}}', 'Ana', 'Anna', 'Keiko', 'Sir or Madam'];
const COMPANIES = ['Fernleaf', 'Brightwater Logistics', 'Café Olé', 'Ünïcode GmbH', 'Tidewater Energy 🌊', 'Northgate Credit Union', 'ACME', 'Larkspur Health', '株式会社テスト'];
const ROLES = ['Data Engineer', 'Operations Analyst', 'Member Services Lead', 'Senior Product Designer', 'SRE', 'Teacher (Grade 3)', 'Développeur'];
const TOPICS = ['pipeline migration', 'carrier scorecard', 'Reno warehouse pilot', 'onboarding flow', 'the Q3 roadmap', 'Kubernetes upgrades', 'café loyalty app'];
const STRENGTHS = ['SQL reporting', 'vendor negotiations', 'mentoring', 'incident response', 'user research'];
const DATES = ['2026-02-26', '2026-02-26T10:00', '2026-03-01 14:30', '2026-03-02T09:15', '2026-02-27', '2025-12-31', '2026-03-05'];
const BAD_DATES = ['next tuesday', '03/02/2026', 'March 2, 2026', '2 March 2026 2:30 PM', '2026-13-45', '2026-02-30', 'yesterday', '0', '2026-02-26T25:99'];
const SUBJECTS = ['Thank you', 'Thanks!', 'Data Engineer interview, with thanks', 'Following up', '', 'Re: our conversation about the pipeline migration'];
const BAD_SCENARIOS = ['interview', 'After-Interview', 'rejection', 'phone screen', 'panel-interview', 'x'];
const BAD_CHANNELS = ['mail', 'Email', 'sms', 'linked-in', 'fax'];

/** Ordinary sentences of good notes. */
export const GOOD_SENTENCES = [
  'Thank you for meeting with me on Thursday.',
  'I enjoyed hearing how your team rebuilt the carrier scorecard last year.',
  'Your point that on-time rates can hide the cost of partial deliveries has stayed with me.',
  'The Reno warehouse pilot sounds like the kind of problem I do my best work on.',
  'At Halvorsen Freight I wrote the weekly SQL reports our buyers took into vendor negotiations.',
  'I am keen on the Operations Analyst role and would be glad to help put the first results in front of the team.',
  'Thanks for walking me through the pipeline migration today.',
  'I would welcome the chance to keep talking about the onboarding flow.',
  'I remain very interested in the Data Engineer role at Fernleaf.',
  'If a position opens up on the team in the coming months, I would be glad to be considered.',
  'I wish you and the team a good year.',
  'Since we spoke, I finished the certification we discussed.',
  'Could you tell me where things stand with the search?',
  'I sketched the idea on the train home — happy to share it.',
  'It was great to meet you and the rest of the panel.',
  "I'm grateful you took the time, especially on a Friday.",
];

/** Sentences that should trip a rule (and often offer a fix). */
export const TRIGGER_SENTENCES = [
  'What is the salary range for this role?',
  'Could you share the compensation and benefits package?',
  'I was hoping to ask about PTO and the signing bonus.',
  'Thank you for your time at [Company name] today.',
  'I am excited about the [Job Title] position.',
  'I look forward to hearing from you, {{first_name}}.',
  'Please let me know by <date> whether I am moving forward.',
  'I enjoyed discussing ____ with you.',
  'TODO: mention the project.',
  'I enjoyed the the tour of the office.',
  'I would welcome a chance to to talk again.',
  'i think i would be a great fit.',
  'i really need this job.',
  'Please give me a chance!!!',
  'Thank you so much!!! I loved it!!!',
  'Wow!! Amazing!!',
  'I am sorry for taking so much of your time, and sorry again for being late.',
  'I apologize for my rambling answers.',
  'I may be wrong, but I think maybe I could possibly help.',
  'I just wanted to say I am probably not the best candidate, but I hope so.',
  'Frankly, I am the best candidate you will find.',
  'You would be foolish not to hire me.',
  'Your team is the most brilliant, inspiring group in the entire world.',
  'My last boss was an idiot and the company was a mess.',
  'I need an answer by Friday or I will take another offer.',
  'I have sent you a box of cookies and a gift card as thanks.',
  'I disagree with your decision and think you made a mistake.',
  'Please reconsider; my skills clearly exceed the requirements.',
  'Thank you for your time and consideration.',
  'Thanks for the opportunity.',
  'As my resume shows, I have 10 years of Java, 8 years of Python, 5 years of SQL and 3 years of Go.',
  'I recieve feedback well and I am definately detail orientated.',
  'Teh interview was great.',
  'i am available any time.',
  'dear Ana, thanks again.',
  'My name is [Your Name] and I applied for the [Position] role.',
  'Regards, [Your Name]',
  'I would love to grab coffee with you sometime; my treat!',
  'I was not a good fit for the role, honestly.',
  'Honestly I think the role might not be right for me but I hope you hire me anyway.',
  'Hey! Just checking in AGAIN about the job!!',
];

/** Bits of Unicode that break naive code: astral emoji (surrogate pairs), ZWJ sequences, flags, combining marks, RTL, controls. */
export const UNICODE_BITS = [
  '😀',
  '👍🏽',
  '👩🏽‍💻',
  '🇺🇸',
  '🏳️‍🌈',
  '⛴️',
  '𝒜𝓃𝒶',
  '𝟙𝟚𝟛',
  'e\u0301',
  'a\u0308\u0301',
  'Z\u0351\u0352\u0353',
  'مرحبا بكم',
  'שלום עולם',
  '\u200f',
  '\u202e',
  '\u202c',
  '\u200b',
  '\u200d',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u00ad',
  '“',
  '”',
  '’',
  '—',
  '–',
  '…',
  '\t',
  '中文',
  'ﬁ',
  'İ',
  'ß',
  'ǅ',
  '\u0000',
  '\u0007',
  '\ufffd',
];

// ---------------------------------------------------------------------------
// The fixture corpus: every body line of the fixtures and examples (markers removed)

let corpusCache: string[] | undefined;
/** Body lines of test/fixtures/**.note.md and examples/*.note.md, in a stable order. */
export function corpusLines(): string[] {
  if (corpusCache) return corpusCache;
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.note.md')) files.push(full);
    }
  };
  walk(path.join(ROOT, 'test', 'fixtures'));
  walk(path.join(ROOT, 'examples'));
  const lines = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const raw of body.split('\n')) {
      const line = raw.replace(/\s*<!--\s*expect:[^>]*-->/g, '').replace(/\s*#\s*expect:.*$/, '').trimEnd();
      if (line.trim()) lines.add(line);
    }
  }
  corpusCache = [...lines];
  return corpusCache;
}

// ---------------------------------------------------------------------------
// Small pieces

const RULE_IDS = rules.map((r) => r.meta.id);

const person = fc.constantFrom(...PEOPLE);
const firstName = person.map((p) => p.replace(/^(?:Dr\.|Ms\.)\s+/, '').split(' ')[0]);

/** Unicode decoration inserted into a piece of text. */
const unicodeBit = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...UNICODE_BITS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
);

/** Insert some Unicode bits into `text` at word boundaries or anywhere. */
function sprinkle(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(text, fc.array(fc.tuple(fc.nat(), unicodeBit, fc.boolean()), { maxLength: 3 }))
    .map(([t, bits]) => {
      let out = t;
      for (const [at, bit, onSpace] of bits) {
        let i = at % (out.length + 1);
        if (onSpace) {
          const space = out.indexOf(' ', i);
          i = space === -1 ? out.length : space;
        } else {
          // Never cut an existing surrogate pair here; the raw mutations do that on purpose.
          if (i > 0 && i < out.length && /[\uD800-\uDBFF]/.test(out[i - 1]) && /[\uDC00-\uDFFF]/.test(out[i])) i++;
        }
        out = out.slice(0, i) + bit + out.slice(i);
      }
      return out;
    });
}

/** Change the case of a sentence now and then: lowercase start, SHOUTING. */
function recase(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(text, fc.constantFrom('same', 'same', 'same', 'same', 'lower', 'upper', 'lowerFirst')).map(([t, how]) => {
    switch (how) {
      case 'lower':
        return t.toLowerCase();
      case 'upper':
        return t.toUpperCase();
      case 'lowerFirst':
        return t.charAt(0).toLowerCase() + t.slice(1);
      default:
        return t;
    }
  });
}

const inlineDecor = (s: string, kind: number, url: string): string => {
  const words = s.split(' ');
  const i = Math.floor(words.length / 2);
  const w = words[i] ?? '';
  switch (kind) {
    case 1:
      words[i] = `**${w}**`;
      break;
    case 2:
      words[i] = `_${w}_`;
      break;
    case 3:
      words[i] = `\`${w}\``;
      break;
    case 4:
      words[i] = `[${w}](${url})`;
      break;
    case 5:
      words.splice(i, 0, `<${url}>`);
      break;
    case 6:
      words.splice(i, 0, url);
      break;
    case 7:
      words.splice(i, 0, 'ana.ruiz@fernleaf.example');
      break;
    case 8:
      words.splice(i, 0, `<!-- ${w} -->`);
      break;
    case 9:
      words[i] = `${w}<br>`;
      break;
    case 10:
      words[i] = `~~${w}~~`;
      break;
    case 11:
      words[i] = `${w}\\`;
      break;
    default:
      break;
  }
  return words.join(' ');
};

const url = fc.constantFrom('https://fernleaf.example/jobs/42', 'http://example.com/a_(b)', 'www.example.org', 'https://例え.jp/パス', 'mailto:ana@fernleaf.example', 'https://x.example/?q=[Company name]');

/** One sentence: good, triggering, from the fixture corpus, or random text. */
export const sentence: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...GOOD_SENTENCES) },
      { weight: 4, arbitrary: fc.constantFrom(...TRIGGER_SENTENCES) },
      { weight: 4, arbitrary: fc.constantFrom(...corpusLines()) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom('the', 'the', 'I', 'i', 'a', 'salary', 'thanks', 'team', '!!!', 'Ana', '[Name]', 'role', 'time', ',', '.', '?', '—'), { maxLength: 12 }).map((w) => w.join(' ')) },
    ),
    fc.integer({ min: 0, max: 24 }),
    url,
  )
  .map(([s, kind, u]) => inlineDecor(s, kind, u));

const sentenceVariant = sprinkle(recase(sentence));

/** A paragraph: sentences on one line or wrapped over several. */
const paragraph = fc
  .tuple(fc.array(sentenceVariant, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', ' ', '\n', '  \n', '\n\n'))
  .map(([sentences, sep]) => sentences.join(sep));

const directive = fc
  .tuple(
    fc.constantFrom('note-coach-disable', 'note-coach-enable', 'note-coach-disable-next-line', 'note-coach-disable-line', 'note-coach-disable-file', 'note-coach-disable-nxt-line', 'note-coach-disable'),
    fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...RULE_IDS) }, { weight: 1, arbitrary: fc.constantFrom('no-such-rule', 'Spelling', '*', ',,', 'max-length,spelling') }), { maxLength: 3 }),
    fc.constantFrom(' ', ', ', '\n'),
  )
  .map(([kind, ids, sep]) => `<!-- ${kind}${ids.length ? ' ' + ids.join(sep) : ''} -->`);

const listItem = fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '  - ', '    - ', '- [ ] ', '- [x] '), sentenceVariant).map(([m, s]) => m + s);

/** One Markdown block of the body. */
export const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: paragraph },
  { weight: 2, arbitrary: fc.array(listItem, { minLength: 1, maxLength: 6 }).map((items) => items.join('\n')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('# ', '## ', '### ', '#### '), sentenceVariant).map(([h, s]) => h + s) },
  { weight: 1, arbitrary: fc.constantFrom('## What we discussed', '## Why I fit', '# Thank you!!!', 'Setext heading\n===', 'Another one\n---') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '```js', '````'), fc.array(sentence, { maxLength: 3 }), fc.boolean()).map(([f, lines, closed]) => `${f}\n${lines.join('\n')}${closed ? `\n${f.replace(/[a-z]+$/, '')}` : ''}`) },
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((l) => `    ${l}`).join('\n')) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('> ', '> > ', '>'), paragraph).map(([q, p]) => p.split('\n').map((l) => q + l).join('\n')) },
  { weight: 3, arbitrary: directive },
  { weight: 1, arbitrary: fc.tuple(paragraph, directive).map(([p, d]) => `${p} ${d}`) },
  { weight: 1, arbitrary: fc.tuple(sentence, fc.boolean()).map(([s, closed]) => `<!-- ${s}${closed ? ' -->' : ''}`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '___', '<div>\n\nhello\n\n</div>', '<Name>', '| a | b |\n|---|---|\n| salary | [Company name] |', '[ref]: https://example.com "Title"', '\\', '&nbsp;&amp;&#x1F600;', '<br/>', '- ', '>', '#', '* * *', '[Company name]', '[Your Name]') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
);

// ---------------------------------------------------------------------------
// Front matter

const quoted = (s: string, how: number): string => (how === 1 ? JSON.stringify(s) : how === 2 ? `'${s.replace(/'/g, "''")}'` : s);
const list = (items: string[], flow: boolean): string => (items.length === 0 ? '[]' : flow ? `[${items.join(', ')}]` : '\n' + items.map((t) => `  - ${t}`).join('\n'));

/** A valid `key: value` line. */
const validEntry: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(person, fc.nat(2)).map(([p, q]) => `to: ${quoted(p, p.includes(':') ? 1 : q)}`),
  fc.constantFrom(...COMPANIES).map((c) => `company: ${c}`),
  fc.constantFrom(...ROLES).map((r) => `role: ${r}`),
  fc.constantFrom('ana.ruiz@fernleaf.example', 'Ana Ruiz <ana@fernleaf.example>', 'x@y.co').map((e) => `email: ${e}`),
  fc.constantFrom(...DATES).map((d) => `interviewed: ${d}`),
  fc.constantFrom(...SCENARIOS).map((s) => `scenario: ${s}`),
  fc.constantFrom(...CHANNELS).map((c) => `channel: ${c}`),
  fc.tuple(fc.subarray(TOPICS), fc.boolean()).map(([t, flow]) => `topics: ${list(t, flow)}`),
  fc.tuple(fc.subarray(STRENGTHS), fc.boolean()).map(([t, flow]) => `strengths: ${list(t, flow)}`),
  person.map((p) => `from: ${p}`),
  fc.constantFrom(...SUBJECTS).map((s) => `subject: ${quoted(s, 1)}`),
  fc.constantFrom('draft', 'sent').map((s) => `status: ${s}`),
  fc.constantFrom(...DATES).map((d) => `sent: ${d}`),
  fc.constantFrom('I finished the certification', 'I have another offer').map((n) => `news: ${n}`),
);

/** Lines a writer gets wrong: bad values, unknown or misspelled keys, broken YAML. */
const invalidEntry: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...BAD_SCENARIOS).map((s) => `scenario: ${s}`),
  fc.constantFrom(...BAD_CHANNELS).map((c) => `channel: ${c}`),
  fc.constantFrom(...BAD_DATES).map((d) => `interviewed: ${d}`),
  fc.constantFrom(...BAD_DATES).map((d) => `sent: ${d}`),
  fc.constantFrom('Sent', 'done', 'true', '1').map((s) => `status: ${s}`),
  fc.constantFrom(...FRONT_MATTER_KEYS).map((k) => `${k}:`),
  fc.constantFrom(...FRONT_MATTER_KEYS).map((k) => `${k}: ""`),
  fc.constantFrom(...FRONT_MATTER_KEYS).map((k) => `${k}: [a, b]`),
  fc.constantFrom(...FRONT_MATTER_KEYS).map((k) => `${k}: {a: 1}`),
  fc.constantFrom(...FRONT_MATTER_KEYS).map((k) => `${k}: 42`),
  fc.constantFrom(...FRONT_MATTER_KEYS).map((k) => `${k}: true`),
  fc.constantFrom(...FRONT_MATTER_KEYS).map((k) => `${k[0].toUpperCase()}${k.slice(1)}: Ana`),
  fc.constantFrom('compnay: Fernleaf', 'recipient: Ana', 'Role: Engineer', 'e-mail: a@b.c', 'topic: one', 'date: 2026-03-01', 'interview: yesterday'),
  fc.constantFrom('email: not-an-address', 'email: ana@', 'email: <ana@fernleaf.example>'),
  fc.constantFrom('to: "unclosed', "to: 'unclosed", 'to: [a, b', 'to: {a', '\tto: tab', 'to:\tAna', ': no key', '- a list item', 'just text', 'to: Ana: Ruiz', 'to: &a Ana', 'from: *a', 'from: *missing', 'key: |\n  block\n  text', 'subject: >\n  folded\n  subject', '? complex\n: key', '# a comment', 'to: Ana # trailing comment', '!!binary aGVsbG8=', 'to: !!int 3', '%YAML 1.2', '...', '  indented: wrong', 'to: "\\u00e9\\x"', 'to: @at'),
);

const frontMatterLine = fc.oneof({ weight: 3, arbitrary: validEntry }, { weight: 1, arbitrary: invalidEntry });

/** The front matter block, or none, or one that is never closed. */
const frontMatter: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('closed', 'closed', 'closed', 'closed', 'closed', 'none', 'none', 'unclosed', 'empty', 'dots', 'leadingBlank'), fc.array(frontMatterLine, { maxLength: 10 }), fc.array(validEntry, { maxLength: 3 }))
  .map(([mode, lines, dupes]) => {
    const all = [...lines, ...dupes];
    const content = all.join('\n');
    switch (mode) {
      case 'none':
        return '';
      case 'unclosed':
        return `---\n${content}\n\n`;
      case 'empty':
        return '---\n---\n';
      case 'dots':
        return `---\n${content}\n...\n`;
      case 'leadingBlank':
        return `\n---\n${content}\n---\n`;
      default:
        return `---\n${content}${content ? '\n' : ''}---\n`;
    }
  });

// ---------------------------------------------------------------------------
// Greeting and sign-off

const greeting: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('Dear', 'Hi', 'Hello', 'Hey', 'Good morning', 'dear', 'Hi there'), firstName, fc.constantFrom(',', ':', '!', '', ' —')).map(([s, n, p]) => `${s} ${n}${p}`) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('Dear', 'Hi', 'Hello'), fc.constantFrom(...WRONG_NAMES), fc.constantFrom(',', ':', '!')).map(([s, n, p]) => `${s} ${n}${p}`) },
  { weight: 1, arbitrary: fc.constantFrom('To whom it may concern,', 'Hi,', 'Hello team,', 'Dear Hiring Manager,', 'Hi Ana, I wanted to follow up.', 'Dear Ana Ruiz, <!-- note-coach-disable-line -->') },
);

const signOff: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('Best regards,', 'Best,', 'Sincerely,', 'Thanks!', 'Thank you again,', 'Cheers 🎉', 'Warmly,', 'Kind regards', '*Best,*'), person, fc.boolean()).map(([c, p, two]) => `${c}\n${p}${two ? '\n555-0100' : ''}`) },
  { weight: 1, arbitrary: fc.constantFrom('Best, Sam', '— Sam', 'Sincerely,\n[Your Name]', 'Regards,\n{{sender_name}}', 'Best regards,\nSam Patel\n\nP.S. I attached the deck.', 'Looking forward to hearing from you,\nSam', 'Thanks again, Ana', 'Best regards,\n\n-- \nSam Patel\nsam@example.com') },
);

// ---------------------------------------------------------------------------
// Whole notes

export interface NoteParts {
  bom: boolean;
  eol: 'lf' | 'crlf' | 'mixed' | 'cr';
  frontMatter: string;
  greeting: string;
  blocks: string[];
  signOff: string;
  trailingNewline: boolean;
}

export const noteParts: fc.Arbitrary<NoteParts> = fc.record({
  bom: fc.constantFrom(false, false, false, false, false, true),
  eol: fc.constantFrom<NoteParts['eol']>('lf', 'lf', 'lf', 'lf', 'crlf', 'crlf', 'mixed', 'cr'),
  frontMatter,
  greeting,
  blocks: fc.array(block, { maxLength: 8 }),
  signOff,
  trailingNewline: fc.boolean(),
});

export function assemble(parts: NoteParts): string {
  const body = [parts.greeting, ...parts.blocks, parts.signOff].filter((s) => s !== '').join('\n\n');
  let text = parts.frontMatter + (parts.frontMatter && body ? '\n' : '') + body + (parts.trailingNewline ? '\n' : '');
  switch (parts.eol) {
    case 'crlf':
      text = text.replace(/\r?\n/g, '\r\n');
      break;
    case 'mixed': {
      let k = 0;
      text = text.replace(/\n/g, () => (k++ % 3 === 1 ? '\r\n' : '\n'));
      break;
    }
    case 'cr':
      // Old Mac line breaks only in part of the note: a stray \r as line break.
      text = text.replace(/\n\n/g, '\r\r');
      break;
    default:
      break;
  }
  return (parts.bom ? '\uFEFF' : '') + text;
}

/** A realistic note. */
export const realisticNote: fc.Arbitrary<string> = noteParts.map(assemble);

/** A realistic note with random edits at random offsets (these can split a surrogate pair or a CRLF). */
export const mutatedNote: fc.Arbitrary<string> = fc
  .tuple(
    realisticNote,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat(12),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('\n', '\r\n', '---\n', '<!--', '-->', '[', ']', '(', '`', '*', '_', '\\', '\ud83d', '\ude00', '\r', ':', '"', '!!!')),
      ),
      { minLength: 1, maxLength: 5 },
    ),
  )
  .map(([text, edits]) => {
    let out = text;
    for (const [at, remove, insert] of edits) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + insert + out.slice(Math.min(out.length, i + remove));
    }
    return out;
  });

/** Random strings: printable graphemes or any code point (including lone surrogates through the mutations above). */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom('---\n', 'to: Ana\n', '\n', '\r\n', '# ', '> ', '- ', '<!-- ', ' -->', '[', ']', '(', ')', '`', '```\n', '*', '_', 'the ', 'i ', '!!!', 'Dear Ana,', 'Best,\n', '😀', 'e\u0301', 'שלום'), { maxLength: 60 }).map((parts) => parts.join('')),
);

/** What the properties run on: mostly realistic notes, some mutated, a few random strings. */
export const anyNote: fc.Arbitrary<string> = fc.oneof({ weight: 14, arbitrary: realisticNote }, { weight: 4, arbitrary: mutatedNote }, { weight: 2, arbitrary: randomText });

// ---------------------------------------------------------------------------
// Configuration and time

export interface Setting {
  config: ResolvedConfig;
  now: Date;
  /** The configuration layer as written (the CLI property writes it to .notecoach.json). */
  layer: Record<string, unknown>;
  /** Other notes of the workspace, for the rules that compare notes; usually none. */
  workspace?: WorkspaceNote[];
  /** Their texts, for reports. */
  workspaceTexts?: string[];
}

export const NOW = new Date(2026, 2, 2, 12, 0, 0);

/** Mostly the defaults; sometimes a small maxFileSize (cheap rules only), extra words, en-GB, a `from`, rules turned to info or off. */
export const setting: fc.Arbitrary<Setting> = fc
  .record({
    maxFileSize: fc.constantFrom(undefined, undefined, undefined, undefined, 1000, 2000),
    dictionary: fc.constantFrom(undefined, undefined, undefined, 'en-GB', 'en-US'),
    words: fc.constantFrom(undefined, undefined, ['Fernleaf', 'Brightwater'], ['recieve']),
    from: fc.constantFrom(undefined, undefined, 'Sam Patel'),
    severities: fc.array(fc.tuple(fc.constantFrom(...RULE_IDS), fc.constantFrom('off', 'info', 'error')), { maxLength: 2 }),
    now: fc.constantFrom(NOW, NOW, NOW, new Date(2026, 1, 26, 11, 0), new Date(2026, 3, 30, 9, 0)),
    workspace: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.array(realisticNote, { maxLength: 3 }) }),
  })
  .map(({ now, severities, workspace, ...rest }) => {
    const layer: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) layer[k] = v;
    if (severities.length) layer.rules = Object.fromEntries(severities);
    const { config } = resolveConfig(rules, [{ source: 'fuzz', value: layer }]);
    const setting: Setting = { config, now, layer };
    // How fast-check prints a counterexample: what it takes to rebuild the setting, not the parsed models.
    Object.defineProperty(setting, fc.toStringMethod, {
      value: () => `setting(${JSON.stringify({ layer, now: now.toISOString(), workspaceTexts: workspace })})`,
      enumerable: false,
    });
    if (workspace) {
      setting.workspaceTexts = workspace;
      setting.workspace = workspace.map((text, i) => ({ file: `other-${i}.note.md`, note: parseNote(text) }));
    }
    return setting;
  });

/** The setting a counterexample names: `setting({"layer":{…},"now":"…","workspaceTexts":[…]})`. */
export function makeSetting(spec: { layer?: Record<string, unknown>; now?: string | Date; workspaceTexts?: string[] } = {}): Setting {
  const layer = spec.layer ?? {};
  const { config, problems } = resolveConfig(rules, [{ source: 'test', value: layer }]);
  if (problems.length) throw new Error(problems.map((p) => `${p.key}: ${p.message}`).join('; '));
  const setting: Setting = { config, now: spec.now ? new Date(spec.now) : NOW, layer };
  if (spec.workspaceTexts) {
    setting.workspaceTexts = spec.workspaceTexts;
    setting.workspace = spec.workspaceTexts.map((text, i) => ({ file: `other-${i}.note.md`, note: parseNote(text) }));
  }
  return setting;
}
