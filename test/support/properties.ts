/**
 * The properties every note must satisfy, as plain functions that throw a
 * `PropertyFailure` with a readable message. Shared by the unit tests
 * (test/unit/properties.test.ts, a few thousand cases) and `npm run fuzz`
 * (scripts/fuzz.ts, 100,000 cases).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  analyze,
  applyEdits,
  fixAll,
  parseNote,
  rules,
  sections,
  TOOL_ID,
  type Analysis,
  type Finding,
  type Fix,
  type Note,
  type Report,
  type RuleContext,
  type Span,
  type TextEdit,
} from '../../src/core/index';
import { decodeNote } from '../../src/cli/files';
import fc from 'fast-check';
import { anyNote, realisticNote, setting as settingArb, type Setting } from './arbitraries';

export class PropertyFailure extends Error {
  override name = 'PropertyFailure';
}

function fail(message: string): never {
  throw new PropertyFailure(message);
}

const KNOWN_IDS = new Set([TOOL_ID, ...rules.map((r) => r.meta.id)]);
const SEVERITIES = new Set(['error', 'warning', 'info']);

export const FILE = 'fuzz.note.md';

export function analyzeIn(setting: Setting, input: string | Note, words?: readonly string[]): Analysis {
  const config = words?.length ? { ...setting.config, words: [...setting.config.words, ...words] } : setting.config;
  return analyze(input, { config, now: setting.now, file: FILE, workspace: setting.workspace });
}

const WORKSPACE_RULES = new Set(rules.filter((r) => r.meta.scope === 'workspace').map((r) => r.meta.id));

/**
 * A sentence or paragraph that starts or ends inside a surrogate pair: offset
 * drift on punctuation and symbols ("\\!😀" — an escaped "!" moved the
 * emoji's position by one), where no word shows it.
 */
export function driftedSpan(note: Note): Span | undefined {
  for (const p of note.paragraphs) {
    if (splitsSurrogate(note.text, p.start) || splitsSurrogate(note.text, p.end)) return p;
    for (const s of p.sentences) if (splitsSurrogate(note.text, s.start) || splitsSurrogate(note.text, s.end)) return s;
  }
  return undefined;
}

/** The first word whose offsets do not point at its text in the note, if any. */
export function misplacedWord(note: Note): { start: number; end: number; text: string; source: string } | undefined {
  for (const w of note.words) {
    const source = note.text.slice(w.start, w.end);
    if (source === w.text) continue;
    // A word across inline markup ("**re**build"), an escape or a reference ("caf&eacute;") keeps its
    // first and last characters, and its letters in order.
    if (source.includes('&') || fromSource(w.text, source)) continue;
    return { start: w.start, end: w.end, text: w.text, source };
  }
  return undefined;
}

function fromSource(value: string, source: string): boolean {
  const same = (a: string, b: string) => a === b || (a === '\uFFFD' && b === '\u0000');
  if (!value || !same(value[0], source[0]) || !same(value[value.length - 1], source[source.length - 1])) return false;
  let j = 0;
  for (let i = 0; i < source.length && j < value.length; i++) if (same(value[j], source[i])) j++;
  return j === value.length;
}

// ---------------------------------------------------------------------------
// Offsets

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogate(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Whether `offset` falls between the `\r` and the `\n` of a CRLF line break. */
export function splitsCrlf(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && text[offset - 1] === '\r' && text[offset] === '\n';
}

/** Line and column (1-based, UTF-16 code units, `\n` ends a line) counted the slow, obvious way. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  // A line ends at \n, at \r\n (counted at its \n) and at a lone \r, as in VS Code.
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function checkSpan(text: string, span: Span, what: string): void {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) fail(`${what}: offsets ${start}..${end} are not whole numbers`);
  if (start < 0 || end > text.length || start > end) fail(`${what}: range ${start}..${end} is outside the text (length ${text.length}) or reversed`);
  if (splitsSurrogate(text, start)) fail(`${what}: starts at ${start}, inside a surrogate pair`);
  if (splitsSurrogate(text, end)) fail(`${what}: ends at ${end}, inside a surrogate pair`);
}

function checkEdits(text: string, edits: readonly TextEdit[], what: string): void {
  if (!Array.isArray(edits) || edits.length === 0) fail(`${what}: has no edits`);
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let last = -1;
  for (const edit of sorted) {
    checkSpan(text, edit, `${what}: edit`);
    if (edit.start < last) fail(`${what}: edits overlap at ${edit.start}`);
    if (typeof edit.newText !== 'string') fail(`${what}: an edit has no newText`);
    if (splitsCrlf(text, edit.start) || splitsCrlf(text, edit.end)) fail(`${what}: an edit at ${edit.start}..${edit.end} cuts a CRLF line break in two`);
    // A lone surrogate in new text is only acceptable when it was copied from a note that already had one.
    if (hasLoneSurrogate(edit.newText) && !hasLoneSurrogate(text)) fail(`${what}: newText ${JSON.stringify(edit.newText)} holds a lone surrogate`);
    last = edit.end;
  }
}

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHigh(c)) {
      if (i + 1 < s.length && isLow(s.charCodeAt(i + 1))) i++;
      else return true;
    } else if (isLow(c)) return true;
  }
  return false;
}

const describeFinding = (f: Finding | Report & { ruleId?: string }) => `${f.ruleId ?? '?'} at ${f.start}..${f.end} ("${f.message}")`;

// ---------------------------------------------------------------------------
// Property 1: analysis never throws, and what it returns is well formed

/**
 * The reports each rule made, before index.ts clamps ranges and drops
 * unusable fixes — so a rule that reports outside the text, or offers a fix
 * that can never apply, is caught here instead of being silently patched up.
 */
export function rawReports(note: Note, setting: Setting): { ruleId: string; report: Report }[] {
  const out: { ruleId: string; report: Report }[] = [];
  const { config } = setting;
  const tooLarge = note.text.length > config.maxFileSize;
  for (const rule of rules) {
    const { meta } = rule;
    const ruleSetting = config.rules.get(meta.id);
    if ((ruleSetting?.severity ?? meta.severity) === 'off') continue;
    if (meta.scenarios && !meta.scenarios.includes(note.frontMatter.scenario)) continue;
    if (meta.scope === 'workspace' && !setting.workspace) continue;
    if (tooLarge && !meta.cheap) continue;
    const context: RuleContext<never> = {
      note,
      options: (ruleSetting?.options ?? {}) as never,
      now: setting.now,
      words: config.words,
      from: config.from,
      dictionary: config.dictionary,
      workspace: setting.workspace,
      file: FILE,
      report: (report) => {
        out.push({ ruleId: meta.id, report });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      fail(`rule ${meta.id} threw: ${(error as Error)?.stack ?? String(error)}`);
    }
  }
  return out;
}

export function checkAnalysis(text: string, setting: Setting): Analysis {
  let analysis: Analysis;
  let note: Note;
  try {
    note = parseNote(text);
  } catch (error) {
    fail(`parseNote threw: ${(error as Error)?.stack ?? String(error)}`);
  }
  try {
    analysis = analyzeIn(setting, note);
  } catch (error) {
    fail(`analyze threw: ${(error as Error)?.stack ?? String(error)}`);
  }
  const { findings } = analysis;
  if (note.text !== text) fail('the note model does not hold the text it was given');
  for (const f of findings) {
    const what = describeFinding(f);
    if (!KNOWN_IDS.has(f.ruleId)) fail(`${what}: unknown rule id`);
    if (f.ruleId === TOOL_ID && /^Rule \S+ failed/.test(f.message)) fail(`a rule crashed: ${f.message}`);
    if (!SEVERITIES.has(f.severity)) fail(`${what}: severity ${f.severity}`);
    if (typeof f.message !== 'string' || !f.message.trim()) fail(`${what}: empty message`);
    checkSpan(text, f, what);
    const from = positionOf(text, f.start);
    const to = positionOf(text, f.end);
    if (f.line !== from.line || f.column !== from.column) fail(`${what}: line:column ${f.line}:${f.column} but the offset is at ${from.line}:${from.column}`);
    if (f.endLine !== to.line || f.endColumn !== to.column) fail(`${what}: endLine:endColumn ${f.endLine}:${f.endColumn} but the offset is at ${to.line}:${to.column}`);
    for (const fix of f.fixes) checkFixShape(text, fix, `${what}: fix "${fix.title}"`);
  }
  // The same analysis before the registry's safety nets (on the model analyze used: the light one above maxFileSize).
  for (const { ruleId, report } of rawReports(analysis.note, setting)) {
    const what = `${ruleId} report at ${report.start}..${report.end} ("${report.message}")`;
    checkSpan(text, report, what);
    for (const fix of report.fixes ?? []) checkFixShape(text, fix, `${what}: fix "${fix.title}"`);
    for (const related of report.related ?? []) if (!related.file) checkSpan(text, related, `${what}: related location`);
  }
  return analysis;
}

function checkFixShape(text: string, fix: Fix, what: string): void {
  if (typeof fix.title !== 'string' || !fix.title.trim()) fail(`${what}: empty title`);
  if (fix.kind !== 'fix' && fix.kind !== 'section') fail(`${what}: kind ${fix.kind}`);
  if (fix.addWords) {
    if (!fix.addWords.length || fix.addWords.some((w) => typeof w !== 'string' || !w.trim())) fail(`${what}: addWords ${JSON.stringify(fix.addWords)}`);
    return;
  }
  checkEdits(text, fix.edits, what);
}

// ---------------------------------------------------------------------------
// Property 2: every fix applies, touches only its edits, and clears its finding there

/** Does `a` meet `b`: overlap, or touch when either is empty. */
export function meets(a: Span, b: Span): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return false;
}

/**
 * Where `span` lies after the edits. An offset inside an edited range moves to
 * the edit's start (for the span's start) or the end of its new text (for the
 * span's end); text inserted right at the span's edge is taken into the span.
 * So "there" is the finding's own text, or whatever the fix put in its place.
 */
export function mapSpan(span: Span, edits: readonly TextEdit[]): Span {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const map = (offset: number, side: 'start' | 'end'): number => {
    let delta = 0;
    for (const e of sorted) {
      const grow = e.newText.length - (e.end - e.start);
      if (e.end < offset || (e.end === offset && e.start < offset)) {
        delta += grow;
        continue;
      }
      if (e.start < offset && offset < e.end) return side === 'start' ? e.start + delta : e.start + delta + e.newText.length;
      if (e.start === offset && e.end === offset) {
        // An insertion at the offset: before it for the start, after it for the end.
        if (side === 'end') delta += grow;
        continue;
      }
      break;
    }
    return offset + delta;
  };
  const start = map(span.start, 'start');
  return { start, end: Math.max(start, map(span.end, 'end')) };
}

export interface FixCheckStats {
  fixes: number;
}

export interface FixCheckOptions {
  /** Check at most this many fixes (the first ones). */
  limit?: number;
}

/**
 * For each finding and each of its fixes: apply it, check that only the edited
 * ranges changed (and a BOM survives), and re-analyse.
 *
 * "No longer reported there": map the finding's range through the fix's edits
 * (`mapSpan`: its own text, or whatever the fix put in its place). After the
 * fix, no finding of the same kind may meet that range, except findings that
 * were already there before: every other finding of the same kind, its range
 * mapped the same way, claims the finding after the fix that best covers its
 * place. The same kind means the same rule and the same message once quoted
 * text and numbers are taken out — so closing the front matter may reveal a
 * duplicate key on the same line, but a spelling fix may not swap one unknown
 * word for another.
 *
 * This is the fixture runner's "fewer findings of that rule", made local: a
 * finding elsewhere in the note can neither hide a fix that did nothing nor
 * be blamed on it, and when a fix removes one of several findings in a row
 * ("!!!", two identical sentences) the next one sliding into its place is
 * recognised as the one that was already there.
 */
export function checkFixes(text: string, setting: Setting, options: FixCheckOptions = {}): FixCheckStats {
  const note = parseNote(text);
  const { findings } = analyzeIn(setting, note);
  const stats: FixCheckStats = { fixes: 0 };
  const limit = options.limit ?? Infinity;
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      if (stats.fixes >= limit) return stats;
      stats.fixes++;
      checkOneFix(text, setting, findings, finding, fix);
    }
  }
  return stats;
}

function checkOneFix(text: string, setting: Setting, findings: readonly Finding[], finding: Finding, fix: Fix): void {
  const what = `${describeFinding(finding)}, fix "${fix.title}"`;
  let after: string = text;
  if (!fix.addWords) {
    try {
      after = applyEdits(text, fix.edits);
    } catch (error) {
      fail(`${what}: does not apply: ${(error as Error).message}`);
    }
    checkUntouchedOutside(text, after, fix.edits, what);
    if (text.charCodeAt(0) === 0xfeff && after.charCodeAt(0) !== 0xfeff) fail(`${what}: removes the byte-order mark`);
    if (after === text) fail(`${what}: changes nothing`);
  }
  let reanalysed: Analysis;
  try {
    reanalysed = analyzeIn(setting, after, fix.addWords);
  } catch (error) {
    fail(`${what}: analysis of the fixed text threw: ${(error as Error)?.stack ?? String(error)}\n--- fixed text ---\n${after}`);
  }
  const kind = template(finding.message);
  const same = (f: Finding) => f.ruleId === finding.ruleId && template(f.message) === kind;
  const map = (span: Span) => (fix.addWords ? span : mapSpan(span, fix.edits));
  const there = map(finding);
  // The other findings of this kind were there before and may still be: each claims the finding after
  // the fix that best covers its own (mapped) place. What is left at the fixed finding's place is it.
  const left = reanalysed.findings.filter(same);
  for (const other of findings) {
    if (other === finding || !same(other)) continue;
    const place = map(other);
    let best = -1;
    let bestScore = -1;
    left.forEach((f, i) => {
      if (!meets(f, place)) return;
      const score = f.start === place.start && f.end === place.end ? Infinity : Math.min(f.end, place.end) - Math.max(f.start, place.start);
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    if (best >= 0) left.splice(best, 1);
  }
  const still = left.filter((f) => meets(f, there));
  if (still.length) {
    fail(
      `${what}: still reported there after the fix (at ${there.start}..${there.end}: ${still.map((f) => `${f.start}..${f.end} "${f.message}"`).join('; ')})` +
        `\n--- fixed text ---\n${after}`,
    );
  }
}

/** A message without what it quotes or counts: "the same kind of finding" ("`company` is set twice" is not "the front matter is never closed"). */
export function template(message: string): string {
  return message.replace(/"[^"]*"|\u201c[^\u201d]*\u201d|`[^`]*`|\d[\d,.]*/g, '…');
}

/** Every stretch of the original text between the edits is still there, in order, where it belongs. */
function checkUntouchedOutside(before: string, after: string, edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let from = 0; // in `before`
  let at = 0; // in `after`
  for (const edit of sorted) {
    const gap = before.slice(from, edit.start);
    if (after.slice(at, at + gap.length) !== gap) fail(`${what}: text outside the edits changed (at ${from}..${edit.start})`);
    at += gap.length;
    if (after.slice(at, at + edit.newText.length) !== edit.newText) fail(`${what}: the new text is not where the edit put it`);
    at += edit.newText.length;
    from = edit.end;
  }
  const tail = before.slice(from);
  if (after.slice(at) !== tail) fail(`${what}: text after the last edit changed`);
}

// ---------------------------------------------------------------------------
// Property 3: fix-all twice equals fix-all once

export function checkFixAllIdempotent(text: string, setting: Setting): { text: string; applied: number } {
  const run = (t: string) => analyzeIn(setting, t);
  let once: { text: string; applied: number };
  let twice: { text: string; applied: number };
  try {
    once = fixAll(text, run);
    twice = fixAll(once.text, run);
  } catch (error) {
    fail(`fixAll threw: ${(error as Error)?.stack ?? String(error)}`);
  }
  if (text.charCodeAt(0) === 0xfeff && once.text.charCodeAt(0) !== 0xfeff) fail('fixAll removed the byte-order mark');
  if (twice.text !== once.text) {
    fail(`fixAll is not idempotent: the second run applied ${twice.applied} more fix(es)${firstDifference(once.text, twice.text)}\n--- after one run ---\n${once.text}\n--- after two ---\n${twice.text}`);
  }
  return once;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return ` (first difference at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 20), i + 20))} → ${JSON.stringify(b.slice(Math.max(0, i - 20), i + 20))})`;
}

// ---------------------------------------------------------------------------
// Property 4: the CLI's JSON output always parses (and agrees with the core)

interface CliModule {
  run(argv: readonly string[], io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown }; cwd: string; isTTY: boolean; env: Record<string, string | undefined> }): Promise<number>;
}

let cliModule: CliModule | undefined;
function cli(): CliModule {
  // Loaded lazily: the CLI is another engineer's and may be mid-change; the core properties do not depend on it.
  cliModule ??= require('../../src/cli/main') as CliModule;
  return cliModule;
}

export async function runCli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await cli().run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    isTTY: false,
    env: {},
  });
  return { code, stdout, stderr };
}

interface JsonFile {
  file: string;
  findings: { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string; fixes: { title: string; edits: TextEdit[] }[] }[];
}

function parseJsonOutput(stdout: string, what: string): JsonFile[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch (error) {
    fail(`${what}: the JSON output does not parse: ${(error as Error).message}\n--- stdout ---\n${stdout.slice(0, 2000)}`);
  }
  if (!Array.isArray(parsed)) fail(`${what}: the JSON output is not an array`);
  for (const entry of parsed as JsonFile[]) {
    if (typeof entry?.file !== 'string' || !Array.isArray(entry.findings)) fail(`${what}: an entry without file or findings: ${JSON.stringify(entry).slice(0, 300)}`);
    for (const f of entry.findings) {
      for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) if (!Number.isInteger(f[key]) || f[key] < 1) fail(`${what}: ${key} ${f[key]} in ${JSON.stringify(f)}`);
      if (typeof f.ruleId !== 'string' || typeof f.message !== 'string' || !SEVERITIES.has(f.severity) || !Array.isArray(f.fixes)) fail(`${what}: a malformed finding ${JSON.stringify(f)}`);
    }
  }
  return parsed as JsonFile[];
}

/**
 * Writes the notes into a temporary folder (with the setting as its
 * .notecoach.json), runs `note-coach --format json` in-process, and checks
 * that the output parses, lists every readable note with the findings the
 * core reports for it, and that `--fix` then a second `--fix` leave the same
 * text on disk (the first equal to the core's fixAll for LF notes).
 */
export async function checkCli(notes: string[], setting: Setting): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'note-coach-prop-'));
  try {
    fs.writeFileSync(path.join(dir, '.notecoach.json'), JSON.stringify(setting.layer));
    const names = notes.map((_, i) => `n${i}.note.md`);
    notes.forEach((text, i) => fs.writeFileSync(path.join(dir, names[i]), text, 'utf8'));
    // What the CLI will see: the UTF-8 round trip turns lone surrogates into U+FFFD; NUL bytes make a file "binary".
    const decoded = names.map((name) => decodeNote(fs.readFileSync(path.join(dir, name))));
    const argv = ['--format', 'json', '--now', setting.now.toISOString(), '.'];

    const first = await runCli(argv, dir);
    const what = `note-coach ${argv.join(' ')} on ${notes.length} note(s)`;
    if (/internal error/.test(first.stderr)) fail(`${what}: ${first.stderr}`);
    const output = parseJsonOutput(first.stdout, what);
    const readable = names.filter((_, i) => 'text' in decoded[i]);
    const expectedCode = readable.length < names.length ? 2 : undefined;
    if (![0, 1, 2].includes(first.code) || (expectedCode !== undefined && first.code !== expectedCode)) fail(`${what}: exit code ${first.code}\n${first.stderr}`);
    if (output.map((o) => o.file).join('|') !== readable.join('|')) fail(`${what}: the output lists ${output.map((o) => o.file).join(', ')} instead of ${readable.join(', ')}\n${first.stderr}`);
    for (const entry of output) {
      const read = decoded[names.indexOf(entry.file)] as { text: string };
      // Workspace rules are left out: the CLI may feed them the folder's other notes.
      const core = analyzeIn({ ...setting, workspace: undefined }, read.text)
        .findings.filter((f) => !WORKSPACE_RULES.has(f.ruleId))
        .map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`);
      const shown = entry.findings.filter((f) => !WORKSPACE_RULES.has(f.ruleId)).map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`);
      if (core.join('\n') !== shown.join('\n')) fail(`${what}: ${entry.file}: the CLI's findings differ from the core's\n--- core ---\n${core.join('\n')}\n--- cli ---\n${shown.join('\n')}`);
    }

    const fixArgv = ['--fix', ...argv];
    const fixed = await runCli(fixArgv, dir);
    if (/internal error/.test(fixed.stderr)) fail(`note-coach --fix: ${fixed.stderr}`);
    parseJsonOutput(fixed.stdout, 'note-coach --fix --format json');
    const onDisk = names.map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
    names.forEach((name, i) => {
      const read = decoded[i];
      if (!('text' in read)) {
        if (!fs.readFileSync(path.join(dir, name)).equals(Buffer.from(notes[i], 'utf8'))) fail(`--fix changed ${name}, which it could not read`);
        return;
      }
      const lf = !read.text.includes('\r');
      if (lf) {
        const expected = fixAll(read.text, (t) => analyzeIn({ ...setting, workspace: undefined }, t)).text;
        if (onDisk[i] !== expected) fail(`--fix wrote ${name} differently from the core's fixAll${firstDifference(expected, onDisk[i])}`);
      }
    });
    const again = await runCli(fixArgv, dir);
    parseJsonOutput(again.stdout, 'note-coach --fix --format json (second run)');
    names.forEach((name, i) => {
      const now = fs.readFileSync(path.join(dir, name), 'utf8');
      if (now !== onDisk[i]) fail(`a second --fix changed ${name} again${firstDifference(onDisk[i], now)}\n--- after one --fix ---\n${onDisk[i]}`);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Property 5: a personalized section comes out as a paragraph of its own

/** Stand-ins for the sections: one line, and two (like a sign-off and name). */
const SECTION_LINES = [['Zqx section paragraph, one line.'], ['Zqx section closing,', 'Zqx Name']];

/**
 * The top-level blocks of a model as "type:source" (trailing white space left out: the last block's
 * varies). Indented code on consecutive lines is one block (micromark makes one code block per line
 * after an empty list item, and one for all of them once something else comes between).
 */
function topBlocks(note: Note): { key: string; start: number; end: number }[] {
  const blocks: { type: string; start: number; end: number }[] = [];
  for (const node of note.tree.children) {
    if (node.type === 'yaml' || !node.position) continue;
    const start = node.position.start.offset! + note.bomLength;
    const end = node.position.end.offset! + note.bomLength;
    const last = blocks[blocks.length - 1];
    const indented = (at: number) => note.text[at] === ' ' || note.text[at] === '\t';
    if (last?.type === 'code' && node.type === 'code' && indented(last.start) && indented(start) && /^(?:\r\n|\r|\n)$/.test(note.text.slice(last.end, start))) last.end = end;
    else blocks.push({ type: node.type, start, end });
  }
  return blocks.map(({ type, start, end }) => ({ key: `${type}:${note.text.slice(start, end).trimEnd()}`, start, end }));
}

/**
 * For each placement (after the opening, before the closing) and each stand-in
 * section: `insertParagraph` is one insertion in the body, of the section and
 * line breaks only; in the result the section is a top-level paragraph of its
 * own — not code, not inside a comment, not glued to a neighbour — and comes
 * before the sign-off, which is still the same; every other top-level block is
 * as it was, except that a paragraph may be split in two where the section went.
 */
export function checkSections(text: string): void {
  const note = parseNote(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const beforeBlocks = topBlocks(note);
  const before = beforeBlocks.map((b) => b.key);
  for (const placement of ['after-opening', 'before-closing'] as const) {
    for (const lines of SECTION_LINES) {
      const section = { text: lines.join(eol) };
      const what = `insertParagraph(${placement}, ${JSON.stringify(section.text)})`;
      const edit = sections.insertParagraph(note, placement, section);
      checkEdits(text, [edit], what);
      if (edit.start !== edit.end) fail(`${what}: replaces ${edit.start}..${edit.end} instead of inserting`);
      if (edit.start < note.body.start) fail(`${what}: inserts at ${edit.start}, before the body (${note.body.start})`);
      const at = edit.newText.indexOf(section.text);
      if (at < 0 || /[^\r\n]/.test(edit.newText.slice(0, at) + edit.newText.slice(at + section.text.length))) fail(`${what}: newText ${JSON.stringify(edit.newText)} is not the section with line breaks around it`);
      const after = applyEdits(text, [edit]);
      const fixed = parseNote(after);
      const blocks = topBlocks(fixed);
      const start = edit.start + at;
      const own = blocks.find((b) => b.start === start);
      if (!own || own.key !== `paragraph:${section.text}`) {
        fail(`${what}: the section is not a paragraph of its own (${own ? JSON.stringify(own.key) : 'no block starts there'})\n--- after ---\n${after}`);
      }
      if (note.signOff) {
        const moved = fixed.signOff;
        if (!moved || moved.start < own.end || moved.closing.text !== note.signOff.closing.text) {
          fail(`${what}: the section does not come before the sign-off "${note.signOff.closing.text}"\n--- after ---\n${after}`);
        }
      }
      const others = blocks.filter((b) => b !== own).map((b) => b.key);
      const same = (a: string[], b: string[]) => a.length === b.length && a.every((key, k) => key === b[k]);
      if (same(others, before)) continue;
      const i = before.findIndex((key, j) => key !== others[j]);
      // Markdown that reads differently once a blank line comes before it is compared with the note with
      // only the section's line breaks added: a block that interrupted the paragraph before the section
      // (where an empty list item, say, cannot start a list) now follows a blank line; and micromark
      // reads a last line without a line break after it differently ("> a\n<Name>": "<Name>" is HTML at
      // the very end, a lazy line of the quote when a line break follows).
      if (/^[ \t\r\n]*$/.test(text.slice(edit.start)) || (i >= 0 && i < beforeBlocks.length && beforeBlocks[i].start >= edit.start)) {
        const breaksOnly = edit.newText.slice(0, at) + edit.newText.slice(at + section.text.length);
        const reference = topBlocks(parseNote(text.slice(0, edit.start) + breaksOnly + text.slice(edit.start))).map((b) => b.key);
        if (same(others, reference)) continue;
      }
      // Else a paragraph split in two where the section went (before the sign-off's line), the rest the same.
      const split =
        others.length === before.length + 1 &&
        i >= 0 &&
        [before[i], others[i], others[i + 1]].every((key) => key.startsWith('paragraph:')) &&
        same(before.slice(i + 1), others.slice(i + 2));
      if (!split) fail(`${what}: other blocks changed\n--- before ---\n${before.join('\n')}\n--- after ---\n${others.join('\n')}`);
    }
  }
}

// ---------------------------------------------------------------------------
// Property 0: the Note model every rule reads is well formed

/**
 * parseNote never throws, and every span of the model lies inside the text on
 * code-point boundaries, in order; every word's offsets point at that word.
 */
export function checkModel(text: string): Note {
  let note: Note;
  try {
    note = parseNote(text);
  } catch (error) {
    fail(`parseNote threw: ${(error as Error)?.stack ?? String(error)}`);
  }
  const span = (s: Span | undefined, what: string) => {
    if (s) checkSpan(text, s, what);
  };
  // Misplaced words first: every other span check would trip on them too, less clearly.
  const word = misplacedWord(note);
  const drifted = word ? undefined : driftedSpan(note);
  if (word) fail(`the word ${JSON.stringify(word.text)} is placed at ${word.start}..${word.end}, where the text is ${JSON.stringify(word.source)}`);
  if (drifted) fail(`a sentence or paragraph at ${drifted.start}..${drifted.end} cuts a surrogate pair in two`);
  span(note.body, 'body');
  if (note.body.end !== text.length) fail(`the body ends at ${note.body.end}, not at the end of the text (${text.length})`);
  const fm = note.frontMatterBlock;
  span(fm.span, 'front matter');
  span(fm.contentSpan, 'front matter content');
  // (yaml points at some problems one UTF-16 unit wide, which can cut an emoji in two; valid-front-matter,
  // the one reader of these spans, widens them to whole code points. Only the range is checked here.)
  fm.problems.forEach((p) => {
    if (!(p.start >= 0 && p.start <= p.end && p.end <= text.length)) fail(`front-matter problem "${p.message}" at ${p.start}..${p.end} is outside the text`);
  });
  fm.entries.forEach((e) => {
    span(e.keySpan, `front-matter key ${e.key}`);
    span(e.valueSpan, `front-matter value of ${e.key}`);
  });
  let last = -1;
  for (const p of note.paragraphs) {
    span(p, 'paragraph');
    if (p.start < last) fail(`paragraphs out of order at ${p.start}`);
    last = p.start;
    for (const s of p.sentences) {
      span(s, 'sentence');
      if (s.start < p.start || s.end > p.end) fail(`a sentence at ${s.start}..${s.end} lies outside its paragraph ${p.start}..${p.end}`);
    }
  }
  last = -1;
  for (const w of note.words) {
    span(w, `word "${w.text}"`);
    if (w.start < last) fail(`words out of order at ${w.start}`);
    last = w.start;
  }
  const g = note.greeting;
  if (g) [g, g.salutation, g.name].forEach((s) => span(s, 'greeting'));
  const so = note.signOff;
  if (so) [so, so.closing, so.name].forEach((s) => span(s, 'sign-off'));
  note.comments.forEach((c) => span(c, 'comment'));
  note.sourceSpans.forEach((s) => span(s, 'source span'));
  note.skippedProse.forEach((s) => span(s, 'skipped block'));
  return note;
}

// ---------------------------------------------------------------------------
// The properties, as run by the unit tests and by `npm run fuzz`

export interface PropertySpec {
  name: string;
  title: string;
  /** Cases in `npm test` and in `npm run fuzz` (which spends 100,000 in all). */
  unitRuns: number;
  fuzzRuns: number;
  property(): fc.IRawProperty<unknown>;
}

export const PROPERTIES: PropertySpec[] = [
  {
    name: 'model',
    title: 'parseNote never throws and every span of the Note model is in the text, on code-point boundaries, each word where its text is',
    unitRuns: 1500,
    fuzzRuns: 25000,
    property: () => fc.property(anyNote, (text) => void checkModel(text)) as fc.IRawProperty<unknown>,
  },
  {
    name: 'analysis',
    title: 'analysis never throws; findings (and the rules\' raw reports) lie in the text on code-point boundaries, with matching line:column and usable fixes',
    unitRuns: 600,
    fuzzRuns: 40000,
    property: () => fc.property(anyNote, settingArb, (text, s) => void checkAnalysis(text, s)) as fc.IRawProperty<unknown>,
  },
  {
    name: 'fixes',
    title: 'every fix applies, changes nothing outside its edits, and its finding is no longer reported there',
    unitRuns: 100,
    fuzzRuns: 12000,
    property: () => fc.property(anyNote, settingArb, (text, s) => void checkFixes(text, s)) as fc.IRawProperty<unknown>,
  },
  {
    name: 'fix-all',
    title: 'fix-all twice equals fix-all once',
    unitRuns: 200,
    fuzzRuns: 20000,
    property: () => fc.property(anyNote, settingArb, (text, s) => void checkFixAllIdempotent(text, s)) as fc.IRawProperty<unknown>,
  },
  {
    name: 'sections',
    title: 'a personalized section is inserted as a paragraph of its own, before the sign-off, and changes no other block',
    unitRuns: 400,
    fuzzRuns: 8000,
    property: () => fc.property(anyNote, (text) => void checkSections(text)) as fc.IRawProperty<unknown>,
  },
  {
    name: 'limits',
    title: 'a realistic note with a hostile run spliced in (setext lines, ">" runs, unclosed openers, list items, short lines) keeps every property; past a structural limit only the quick checks run and one finding says so',
    unitRuns: 40,
    fuzzRuns: 2000,
    property: () =>
      fc.property(realisticNote, hostileRun, fc.nat(), settingArb, (text, run, at, s) => {
        const cut = text.length ? at % text.length : 0;
        checkStructuralLimits(text.slice(0, cut) + run + text.slice(cut), s);
      }) as fc.IRawProperty<unknown>,
  },
  {
    name: 'cli',
    title: 'the CLI\'s JSON output always parses and matches the core; --fix equals fixAll and a second --fix changes nothing',
    unitRuns: 30,
    fuzzRuns: 3000,
    property: () => fc.asyncProperty(fc.array(anyNote, { minLength: 1, maxLength: 3 }), settingArb, (texts, s) => checkCli(texts, s)) as fc.IRawProperty<unknown>,
  },
];

/** Shapes whose parse cost grows faster than their length (issue 13), repeated around and past their limit. */
const hostileRun: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a\n=\n', '>', '> ', '<!--', 'a<!--', '<?', '<!A', '- a\n', '> a\nb\n', '[a]: b\n', '```\n', 'x\n', '<b>', '  - a\n'), fc.integer({ min: 1, max: 2500 }))
  .map(([unit, count]) => unit.repeat(count));

/** checkModel and checkAnalysis hold; a note past a limit ran only the cheap rules and says which limit once. */
export function checkStructuralLimits(text: string, setting: Setting): void {
  checkModel(text);
  const analysis = checkAnalysis(text, setting);
  const { overLimit } = analysis.note;
  if (!overLimit) return;
  if (analysis.note.prose) fail('a note past a structural limit was split into sentences');
  const cheap = new Set(rules.filter((r) => r.meta.cheap).map((r) => r.meta.id));
  const costly = analysis.findings.filter((f) => f.ruleId !== TOOL_ID && !cheap.has(f.ruleId));
  if (costly.length) fail(`past the ${overLimit.what} limit, ${costly[0].ruleId} ran`);
  const notices = analysis.findings.filter((f) => f.ruleId === TOOL_ID && /only the quick checks ran/.test(f.message));
  if (notices.length !== 1) fail(`past the ${overLimit.what} limit: ${notices.length} notices`);
}
