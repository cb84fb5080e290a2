import { CHANNELS, FRONT_MATTER_KEYS, SCENARIOS, STATUSES, type FrontMatterEntry, type Note, type Span, type YamlProblem } from '../note';
import { defineRule, type Fix, type Report } from '../rule';
import { parseDate, isoDay } from '../dates';
import { eolOf, lineEndAt, lineStartAt, nextLineStart, offsetToLine } from '../text';
import { canonical, isCosmetic, suggestChannel, suggestKeys, suggestScenario, suggestStatus } from '../lexicon/structure-front-matter';

/**
 * The front matter holds the facts other rules and the fixes rely on (`to`,
 * `company`, dates…). This rule reports what the parser could not use: YAML
 * that does not parse, a block that is not `key: value` lines, unknown or
 * repeated keys, values of the wrong type or outside the allowed set, dates
 * that are not dates, and a `sent` date before `interviewed`.
 */

const KNOWN_KEYS = new Set<string>(FRONT_MATTER_KEYS);
/** Keys whose value is one line of text. */
const TEXT_KEYS = new Set(['to', 'email', 'company', 'role', 'news', 'from', 'subject']);
const LIST_KEYS = new Set(['topics', 'strengths']);
const DATE_KEYS = new Set(['interviewed', 'sent']);

/** What each text key holds, for messages. */
const KEY_MEANING: Record<string, string> = {
  to: "the recipient's name",
  email: "the recipient's e-mail address",
  company: "the company's name",
  role: 'the role you interviewed for',
  news: 'what changed since the interview',
  from: 'your name',
  subject: 'the e-mail subject line',
  topics: 'what you talked about',
  strengths: 'what you bring that matters to them',
};

/** Said next to a key when two are offered ("`to` (the recipient) or `from` (you)"). */
const KEY_HINT: Record<string, string> = {
  to: 'the recipient',
  from: 'you',
  role: 'the job',
  subject: 'the e-mail subject',
  interviewed: 'the interview',
  sent: 'when you sent the note',
};

const ENUMS: Record<string, { values: readonly string[]; suggest: (v: string) => string | undefined; noun: string }> = {
  scenario: { values: SCENARIOS, suggest: suggestScenario, noun: 'scenario' },
  channel: { values: CHANNELS, suggest: suggestChannel, noun: 'channel' },
  status: { values: STATUSES, suggest: suggestStatus, noun: 'status' },
};

/** "name@host.tld", optionally as "Display Name <name@host.tld>". */
const EMAIL = /^(?:[^<>@\s]+(?:\s+[^<>@\s]+)*\s*<[^<>@\s]+@[^<>@\s.]+(?:\.[^<>@\s.]+)+>|[^<>@\s]+@[^<>@\s.]+(?:\.[^<>@\s.]+)+)$/;

/** A date with no time of day. */
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A time of day after a date: "14:30", "2:30 PM", "at 2pm". Returns "HH:MM" or undefined when there is none; null when unreadable. */
function readTime(value: string): string | undefined | null {
  const v = value.trim();
  if (!v) return undefined;
  const m = /^(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(?:([ap])\.?\s?m\.?)?$/i.exec(v);
  if (!m || (!m[2] && !m[3])) return null;
  let hours = Number(m[1]);
  const minutes = m[2] ? Number(m[2]) : 0;
  if (m[3]) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * Unambiguous dates that can be rewritten in the form Note Coach reads:
 * "March 2, 2026" and "2 March 2026" (→ 2026-03-02), each optionally with a time,
 * and "2026-03-02 2:30 PM" (→ 2026-03-02 14:30). Numeric day/month orders are
 * ambiguous (03/02) and are never rewritten.
 */
function rewriteDate(value: string): string | undefined {
  const v = value.trim().toLowerCase().replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/, '');
  let day: string | undefined;
  let month: string | undefined;
  let year: string | undefined;
  let rest = '';
  let m = /^(\d{4})-(\d{2})-(\d{2})[ t](.*)$/.exec(v);
  if (m) {
    const time = readTime(m[4]);
    if (!time) return undefined;
    const iso = `${m[1]}-${m[2]}-${m[3]} ${time}`;
    return parseDate(iso) ? iso : undefined;
  }
  if ((m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/.exec(v))) [, month, day, year, rest] = m;
  else if ((m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})(.*)$/.exec(v))) [, day, month, year, rest] = m;
  if (!month || !day || !year) return undefined;
  const index = MONTHS.findIndex((full) => full.startsWith(month!) || (month === 'sept' && full === 'september'));
  if (index === -1) return undefined;
  const time = readTime(rest.replace(/^,/, ''));
  if (time === null) return undefined;
  const iso = `${year}-${String(index + 1).padStart(2, '0')}-${day.padStart(2, '0')}${time ? ` ${time}` : ''}`;
  return parseDate(iso) ? iso : undefined;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a set of "key: value" pairs';
  if (typeof value === 'boolean') return `"${value}" (yes/no)`;
  if (typeof value === 'number') return 'a number';
  return 'text';
}

function isText(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** The value's range without trailing white space, or the key's when the value is empty. */
function valueRange(entry: FrontMatterEntry, text: string): Span {
  let end = entry.valueSpan.end;
  while (end > entry.valueSpan.start && /\s/.test(text[end - 1])) end--;
  return end > entry.valueSpan.start ? { start: entry.valueSpan.start, end } : entry.keySpan;
}

/** The line of `offset` without its line break, as a span (trimmed of leading white space). */
function lineSpan(text: string, offset: number): Span {
  const start = lineStartAt(text, offset);
  const end = lineEndAt(text, start);
  let s = start;
  while (s < end && /[ \t]/.test(text[s])) s++;
  return { start: s, end: Math.max(end, s) };
}

/** Improve a YAML problem's range and wording for a job seeker. */
function problemReport(note: Note, problem: YamlProblem): Report {
  const { text } = note;
  const block = note.frontMatterBlock;
  let span: Span = { start: problem.start, end: problem.end };
  let message: string;
  const fixes: Fix[] = [];
  const raw = problem.message.replace(/\s+$/, '');
  if (/never closed/.test(raw)) {
    message = 'The front matter opens with "---" but has no closing "---" line after its last entry, so none of its facts are read.';
    const closing = closeFence(note, problem.end);
    if (closing) {
      span = closing.lastLine;
      fixes.push(closing.fix);
    }
  } else if (/^Tabs? /i.test(raw) || /\btab\b/i.test(raw)) {
    message = 'The front matter is indented with a tab; YAML only accepts spaces for indentation.';
    let s = problem.start;
    let e = Math.max(problem.end, s);
    while (s > block.contentSpan.start && text[s - 1] === '\t') s--;
    while (e < text.length && text[e] === '\t') e++;
    if (text.slice(s, e).length && /^\t+$/.test(text.slice(s, e))) {
      span = { start: s, end: e };
      fixes.push({ title: 'Indent with spaces', kind: 'fix', safe: false, edits: [{ start: s, end: e, newText: '  '.repeat(e - s) }] });
    }
  } else if (/Missing closing .?quote/i.test(raw)) {
    message = 'A quoted value in the front matter has no closing quote, so the front matter cannot be read.';
    span = openQuoteSpan(note, problem.start) ?? span;
  } else if (/alias/i.test(raw)) {
    message = 'This front-matter value expands into too many copies through YAML aliases ("*name") to be read safely; write the value out.';
  } else {
    const detail = raw.replace(/^The value of "[^"]*" could not be read: /, '').replace(/[.\s]+$/, '');
    message = `The front matter is not valid YAML here: ${detail}.`;
  }
  if (span.end <= span.start) {
    // Empty ranges (yaml reports some problems at a point): show the line, or the last content line at the end.
    let at = span.start;
    if (at >= block.contentSpan.end && block.contentSpan.end > block.contentSpan.start) at = block.contentSpan.end - 1;
    const line = lineSpan(text, at);
    if (line.end > line.start) span = line;
    else if (at > block.contentSpan.start) span = lineSpan(text, Math.max(block.contentSpan.start, at - 1));
  }
  return { ...wholeCodePoints(text, span), message, fixes };
}

/** yaml points at some problems one UTF-16 unit wide: widen a range that would cut an emoji's surrogate pair in two. */
function wholeCodePoints(text: string, span: Span): Span {
  const cuts = (at: number) => at > 0 && at < text.length && /[\uD800-\uDBFF]/.test(text[at - 1]) && /[\uDC00-\uDFFF]/.test(text[at]);
  return { start: cuts(span.start) ? span.start - 1 : span.start, end: cuts(span.end) ? span.end + 1 : span.end };
}

/** Where a value's opening quote is left unclosed: the first such line in the block. */
function openQuoteSpan(note: Note, before: number): Span | undefined {
  const { text } = note;
  const { contentSpan } = note.frontMatterBlock;
  let at = contentSpan.start;
  while (at < Math.min(contentSpan.end, before + 1)) {
    const end = lineEndAt(text, at);
    const line = text.slice(at, end);
    const m = /^\s*(?:-\s+|[^\s:#][^:#]*:\s+)(["'])/.exec(line);
    if (m) {
      const q = m[1];
      const rest = line.slice(m[0].length);
      const closed = q === '"' ? /(?<!\\)"/.test(rest) : /'/.test(rest.replace(/''/g, ''));
      if (!closed) return { start: at + m[0].length - 1, end };
    }
    const next = nextLineStart(text, at);
    if (next >= text.length) break;
    at = next;
  }
  return undefined;
}

/**
 * The missing closing `---`: inserted before the first blank line when everything up
 * to it looks like `key: value` lines; the finding points at the last of them.
 */
function closeFence(note: Note, openingEnd: number): { lastLine: Span; fix: Fix } | undefined {
  const { text } = note;
  const eol = eolOf(text);
  let at = nextLineStart(text, openingEnd);
  if (at >= text.length) return undefined;
  let lastLine: Span | undefined;
  while (at < text.length) {
    const end = lineEndAt(text, at);
    const line = text.slice(at, end);
    if (!line.trim()) break;
    if (!/^(?:[A-Za-z_][\w-]*\s*:(?:\s|$)|\s+\S|-\s|#)/.test(line)) return undefined;
    lastLine = lineSpan(text, at);
    at = nextLineStart(text, end);
  }
  if (!lastLine) return undefined;
  const title = 'Close the front matter with "---"';
  const newText = at >= text.length && !/[\r\n]$/.test(text) ? `${eol}---${eol}` : `---${eol}`;
  return { lastLine, fix: { title, kind: 'fix', safe: false, edits: [{ start: at, end: at, newText }] } };
}

/** Remove a repeated entry: its whole lines, when it starts a line and its value ends one. */
function removeEntryFix(note: Note, entry: FrontMatterEntry): Fix | undefined {
  const { text } = note;
  const lineStart = lineStartAt(text, entry.keySpan.start);
  if (text.slice(lineStart, entry.keySpan.start).trim()) return undefined;
  let end = Math.max(entry.valueSpan.end, entry.keySpan.end);
  if (text[end - 1] !== '\n' && text[end - 1] !== '\r') {
    const rest = text.slice(end, lineEndAt(text, end));
    if (rest.trim() && !/^\s*#/.test(rest)) return undefined;
    end = nextLineStart(text, end);
  }
  if (end > note.frontMatterBlock.contentSpan.end) return undefined;
  return { title: `Remove the repeated "${entry.key}"`, kind: 'fix', safe: false, edits: [{ start: lineStart, end, newText: '' }] };
}

function checkValue(entry: FrontMatterEntry, text: string, report: (r: Report) => void): void {
  const { key, value } = entry;
  const range = valueRange(entry, text);
  // An empty value is a fact not written yet, not a wrong one.
  if (value === null || value === undefined) return;
  if (TEXT_KEYS.has(key)) {
    if (!isText(value)) {
      const listHint = Array.isArray(value) ? ' (YAML reads a value in square brackets as a list; put it in quotes)' : '';
      report({ ...range, message: `"${key}" should be ${KEY_MEANING[key]} as text, but it is ${describe(value)}${listHint}.` });
      return;
    }
    if (key === 'email' && !EMAIL.test(String(value).trim())) {
      report({ ...range, message: `"email" is "${String(value)}", which does not look like an e-mail address (name@example.com).` });
    }
    return;
  }
  if (LIST_KEYS.has(key)) {
    if (isText(value)) return; // a single topic is fine
    if (!Array.isArray(value)) {
      report({ ...range, message: `"${key}" should be a list of short phrases (${KEY_MEANING[key]}), but it is ${describe(value)}.` });
      return;
    }
    const bad = value.find((item) => item !== null && !isText(item));
    if (bad !== undefined) report({ ...range, message: `Every item of "${key}" should be a short phrase, but one is ${describe(bad)}.` });
    return;
  }
  if (DATE_KEYS.has(key)) {
    if (value instanceof Date) return;
    const written = isText(value) ? String(value) : undefined;
    if (written !== undefined && parseDate(written)) return;
    const rewritten = written !== undefined ? rewriteDate(written) : undefined;
    report({
      ...range,
      message:
        written !== undefined
          ? `"${key}" is "${written}", which is not a date Note Coach can read; write it as YYYY-MM-DD, optionally with a time (2026-03-02 14:30).`
          : `"${key}" should be a date (YYYY-MM-DD, optionally with a time), but it is ${describe(value)}.`,
      expected: rewritten ? [rewritten] : undefined,
      fixes: rewritten ? [{ title: `Write the date as ${rewritten}`, kind: 'fix', safe: true, edits: [{ start: entry.valueSpan.start, end: entry.valueSpan.end, newText: rewritten }] }] : undefined,
    });
    return;
  }
  const spec = ENUMS[key];
  if (spec) {
    if (typeof value === 'string' && spec.values.includes(value)) return;
    const written = isText(value) ? String(value) : undefined;
    const suggestion = written !== undefined ? spec.suggest(written) : undefined;
    const options = spec.values.map((v) => `"${v}"`).join(', ');
    const what = written !== undefined ? `"${written}" is not a ${spec.noun}` : `"${key}" is ${describe(value)}, not a ${spec.noun}`;
    report({
      ...range,
      message: suggestion ? `${what}; did you mean "${suggestion}"?` : `${what}; use one of ${options}.`,
      expected: suggestion ? [suggestion] : [...spec.values],
      fixes: suggestion
        ? [
            {
              title: `Change to "${suggestion}"`,
              kind: 'fix',
              safe: written !== undefined && isCosmetic(written, suggestion),
              edits: [{ start: entry.valueSpan.start, end: entry.valueSpan.end, newText: suggestion }],
            },
          ]
        : undefined,
    });
  }
}

export default defineRule(
  {
    id: 'valid-front-matter',
    description: 'The front matter is valid YAML with known keys, values of the right type and real dates',
    severity: 'error',
    fixable: true,
    tags: ['structure', 'front-matter'],
    cheap: true,
  },
  ({ note, report }) => {
    const block = note.frontMatterBlock;
    for (const problem of block.problems) report(problemReport(note, problem));
    if (block.notAMapping) {
      const first = lineSpan(note.text, block.contentSpan.start);
      report({
        ...(first.end > first.start ? first : block.span),
        message: 'The front matter should be "key: value" lines (to, company, role, …), but it is a list or a single value, so none of it is read.',
      });
    }
    const firsts = new Map<string, FrontMatterEntry>();
    for (const entry of block.entries) {
      const earlier = firsts.get(entry.key);
      if (earlier) {
        const line = offsetToLine(note.lineStarts, earlier.keySpan.start);
        const fix = removeEntryFix(note, entry);
        report({
          ...entry.keySpan,
          message: `"${entry.key}" is set twice; only the first value (line ${line}) is used, so remove one of them.`,
          fixes: fix ? [fix] : undefined,
        });
        continue;
      }
      firsts.set(entry.key, entry);
      if (entry.keySpan.end <= entry.keySpan.start) {
        const line = lineSpan(note.text, entry.keySpan.start);
        report({ ...(line.end > line.start ? line : entry.valueSpan), message: 'This front-matter line has no key before its colon; write it as "key: value".' });
        continue;
      }
      if (!KNOWN_KEYS.has(entry.key)) {
        const suggestions = suggestKeys(entry.key);
        const free = suggestions.filter((k) => !block.entries.some((e) => e.key === k));
        let hint: string;
        if (suggestions.length === 0) hint = `; the keys are ${FRONT_MATTER_KEYS.join(', ')}.`;
        else if (free.length === 0) hint = `; "${suggestions.join('" and "')}" ${suggestions.length > 1 ? 'are' : 'is'} already set, so remove this line.`;
        else hint = `; did you mean ${free.map((k) => `"${k}"${KEY_HINT[k] ? ` (${KEY_HINT[k]})` : ''}`).join(' or ')}?`;
        report({
          ...entry.keySpan,
          message: `"${entry.key}" is not a front-matter key Note Coach knows${hint}`,
          expected: free.length ? free : undefined,
          fixes: free.map((k) => ({
            title: `Rename to "${k}"`,
            kind: 'fix' as const,
            safe: free.length === 1 && canonical(entry.key) === k,
            edits: [{ ...entry.keySpan, newText: k }],
          })),
        });
        continue;
      }
      checkValue(entry, note.text, report);
    }
    // `sent` before `interviewed`: one of the two dates is a typo. A date without a time is the whole day.
    const { interviewedAt, sentAt, interviewed, sent } = note.frontMatter;
    const sentEntry = firsts.get('sent');
    if (interviewedAt && sentAt && sentEntry) {
      const dayOnly = DAY_ONLY.test(interviewed ?? '') || DAY_ONLY.test(sent ?? '');
      const before = dayOnly ? isoDay(sentAt) < isoDay(interviewedAt) : sentAt.getTime() < interviewedAt.getTime();
      if (before) {
        const sameDay = isoDay(sentAt) === isoDay(interviewedAt);
        report({
          ...valueRange(sentEntry, note.text),
          message: sameDay
            ? '"sent" is earlier in the day than "interviewed"; a note cannot be sent before the interview, so check both times.'
            : `"sent" (${isoDay(sentAt)}) is before "interviewed" (${isoDay(interviewedAt)}); a note cannot be sent before the interview, so check both dates.`,
        });
      }
    }
  },
);
