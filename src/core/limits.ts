/**
 * Structural limits. `maxFileSize` bounds the characters of a note, but some
 * Markdown costs grow faster than its length: micromark and mdast take time
 * that grows with the square (or worse) of setext underlines, list items,
 * block-quote lines, nesting depth and unclosed HTML openers, so 40 KB of
 * "a\n=\n" took 18 s and 3 MB of "- a\n" ran out of memory. No real note
 * comes near these numbers; a note past one is parsed as plain paragraphs
 * (see `flattenBody`) and gets only the quick checks, with a finding that
 * says why, as a note above `maxFileSize` does.
 *
 * Pure and linear: one pass over the lines, no regular expression that can
 * backtrack. Browser-safe (no Node module).
 */

/** Notes larger than this many bytes are not read at all (the CLI and the editor's index check it before reading). */
export const MAX_NOTE_BYTES = 16 * 1024 * 1024;

/** Findings one rule may report on one note; past it, one info finding says the rest were left out. */
export const MAX_FINDINGS_PER_RULE = 1000;

export interface StructuralLimit {
  /** What is counted, as the finding names it ("list items"). */
  what: string;
  limit: number;
}

/** The limits, each far above anything a follow-up note holds. */
export const LIMITS = {
  /** Block quotes and list markers opened on one line, counting "> > x", ">>>x" and indentation before a marker. */
  depth: { what: 'levels of nesting', limit: 32 },
  /** Lines of any kind: micromark spends a fixed, sizable time on each. */
  lines: { what: 'lines', limit: 2000 },
  listItems: { what: 'list items', limit: 1000 },
  quoteLines: { what: 'block-quote lines', limit: 1000 },
  /** ATX heading lines and lines of only "=" or "-" (setext underlines, whose resolution is quadratic). */
  headings: { what: 'heading lines', limit: 200 },
  /** Fence lines (``` or ~~~) and link reference definitions ("[a]: b"). */
  blocks: { what: 'code fences and link definitions', limit: 1000 },
  /** "<!--", "<?" and "<!" (comments, processing instructions, declarations, CDATA): each unclosed one is scanned to the end. */
  openers: { what: 'HTML comments and other openers', limit: 200 },
  /** Other "<" before a letter or "/": HTML tags and autolinks. */
  tags: { what: 'HTML tags', limit: 2000 },
} as const satisfies Record<string, StructuralLimit>;

export interface LimitExceeded extends StructuralLimit {
  count: number;
}

const GT = 0x3e;
const LONE_CR = /\r(?!\n)/g;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function isListMarkerAt(text: string, i: number, end: number): number {
  // Returns the length of a list marker ("-", "*", "+", "1.", "12)") followed by a space, tab or line end at i; 0 if none.
  const c = text.charCodeAt(i);
  if (c === 0x2d || c === 0x2a || c === 0x2b) {
    const next = i + 1 < end ? text.charCodeAt(i + 1) : LF;
    return next === SPACE || next === TAB || next === LF || next === CR ? 1 : 0;
  }
  let j = i;
  while (j < end && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
  if (j === i || j >= end) return 0;
  const d = text.charCodeAt(j);
  if (d !== 0x2e && d !== 0x29) return 0;
  const next = j + 1 < end ? text.charCodeAt(j + 1) : LF;
  return next === SPACE || next === TAB || next === LF || next === CR ? j + 1 - i : 0;
}

/** The first structural limit `body` (the Markdown after the front matter) goes past, or undefined. */
export function exceededLimit(text: string, from = 0): LimitExceeded | undefined {
  let listItems = 0;
  let quoteLines = 0;
  let headings = 0;
  let blocks = 0;
  let openers = 0;
  let tags = 0;
  let lines = 0;
  const over = (key: keyof typeof LIMITS, count: number): LimitExceeded | undefined =>
    count > LIMITS[key].limit ? { ...LIMITS[key], count } : undefined;
  // Old Mac line breaks (a CR alone) are line breaks to micromark too.
  if (text.includes('\r')) {
    let lone = 0;
    for (const _ of text.matchAll(LONE_CR)) if (++lone > LIMITS.lines.limit) return { ...LIMITS.lines, count: lone };
  }
  let lineStart = from;
  const length = text.length;
  while (lineStart <= length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = length;
    // The line's container prefix: white space, ">" and list markers, in any mix.
    let i = lineStart;
    let depth = 0;
    let indent = 0;
    let quoted = false;
    let listed = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (i >= lineEnd) break;
      if (c === SPACE || c === TAB) {
        indent += c === TAB ? 4 : 1;
        i++;
        continue;
      }
      if (c === GT) {
        depth += 1 + (indent >> 1);
        indent = 0;
        quoted = true;
        i++;
        continue;
      }
      const marker = isListMarkerAt(text, i, lineEnd);
      if (marker) {
        depth += 1 + (indent >> 1);
        indent = 0;
        listed = true;
        i += marker;
        continue;
      }
      break;
    }
    if (depth > LIMITS.depth.limit) return { ...LIMITS.depth, count: depth };
    if (quoted) quoteLines++;
    if (listed) listItems++;
    // What the line holds after its prefix.
    const c = i < lineEnd ? text.charCodeAt(i) : -1;
    if (c === 0x23 /* # */) headings++;
    else if (c === 0x3d /* = */ || c === 0x2d /* - */) {
      let j = i;
      while (j < lineEnd && (text.charCodeAt(j) === c || text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB || text.charCodeAt(j) === CR)) j++;
      if (j === lineEnd) headings++;
    } else if (c === 0x60 /* ` */ || c === 0x7e /* ~ */) {
      if (text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) blocks++;
    } else if (c === 0x5b /* [ */) {
      const close = text.indexOf(']:', i);
      if (close >= 0 && close < lineEnd) blocks++;
    }
    // Openers anywhere on the line.
    for (let k = text.indexOf('<', i); k >= 0 && k < lineEnd; k = text.indexOf('<', k + 1)) {
      const n = text.charCodeAt(k + 1);
      if (n === 0x21 /* ! */ || n === 0x3f /* ? */) openers++;
      else if (n === 0x2f || (n >= 0x41 && n <= 0x5a) || (n >= 0x61 && n <= 0x7a)) tags++;
    }
    lines++;
    const exceeded =
      over('lines', lines) ??
      over('listItems', listItems) ?? over('quoteLines', quoteLines) ?? over('headings', headings) ?? over('blocks', blocks) ?? over('openers', openers) ?? over('tags', tags);
    if (exceeded) return exceeded;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** Paragraphs of the flattened copy beyond this many are blanked: past it, only the checks that read the text (the sign-off) see the rest. */
const MAX_FLAT_BLOCKS = 200;
const PUNCTUATION = /[!-/:-@[-`{-~]/g;
/**
 * A line break between two lines that both hold something: inside a paragraph.
 * The break comes first in the pattern, so the look-behind runs only at line
 * breaks and scans only its own line's trailing blanks (in front, it ran at
 * every position of an 80,000-space line: quadratic).
 */
const INNER_CRLF = /\r\n(?<=\S[ \t]*\r\n)(?=[ \t]*\S)/g;
const INNER_BREAK = /[\r\n](?<=\S[ \t]*[\r\n])(?=[ \t]*\S)/g;
const BLANK_LINE = /\n[ \t\r]*\n/g;

/**
 * `source` with every ASCII punctuation mark from `from` on replaced by a
 * space, so Markdown reads it as plain paragraphs, and the line breaks inside a
 * paragraph too, so each paragraph is one line (micromark's cost grows with
 * the lines of a paragraph). Offsets are unchanged, and the rules read the
 * note's own text at those offsets. Past MAX_FLAT_BLOCKS paragraphs the rest
 * is all spaces.
 */
export function flattenBody(source: string, from: number): string {
  let body = source.slice(from).replace(PUNCTUATION, ' ').replace(INNER_CRLF, '  ').replace(INNER_BREAK, ' ');
  BLANK_LINE.lastIndex = 0;
  for (let blocks = 0; BLANK_LINE.exec(body); ) {
    if (++blocks === MAX_FLAT_BLOCKS) {
      const cut = BLANK_LINE.lastIndex;
      body = body.slice(0, cut) + ' '.repeat(body.length - cut);
      break;
    }
  }
  return source.slice(0, from) + body;
}

/**
 * Where YAML front matter ends (after its closing fence line), or 0 when
 * `source` has none, read as micromark's front-matter extension reads it: a
 * first line of "---" (trailing blanks allowed) and a later line of "---".
 */
export function frontMatterEnd(source: string): number {
  const first = source.indexOf('\n');
  if (first < 0 || !isFence(source, 0, first)) return 0;
  for (let start = first + 1; start < source.length; ) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    if (isFence(source, start, end)) return end;
    start = end + 1;
  }
  return 0;
}

function isFence(source: string, start: number, end: number): boolean {
  if (!source.startsWith('---', start)) return false;
  for (let i = start + 3; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c !== SPACE && c !== TAB && !(c === CR && i === end - 1)) return false;
  }
  return true;
}

/**
 * The complete HTML comments in `text` ("<!--" to the next "-->"), as the
 * lazy pattern /<!--([\s\S]*?)-->/g finds them, in linear time: that pattern
 * scans to the end of the text from every unclosed "<!--", so a line of
 * 100,000 of them took minutes.
 */
export function htmlComments(text: string): { index: number; length: number; inner: string }[] {
  const found: { index: number; length: number; inner: string }[] = [];
  for (let at = text.indexOf('<!--'); at >= 0; ) {
    const close = text.indexOf('-->', at + 4);
    if (close < 0) break;
    found.push({ index: at, length: close + 3 - at, inner: text.slice(at + 4, close) });
    at = text.indexOf('<!--', close + 3);
  }
  return found;
}

/** `text` without its complete HTML comments (see `htmlComments`). */
export function stripHtmlComments(text: string): string {
  if (!text.includes('<!--')) return text;
  let out = '';
  let from = 0;
  for (const comment of htmlComments(text)) {
    out += text.slice(from, comment.index);
    from = comment.index + comment.length;
  }
  return out + text.slice(from);
}
