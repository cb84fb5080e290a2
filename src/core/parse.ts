/**
 * Builds the Note model from text: unified + remark-parse + remark-frontmatter
 * for the Markdown, `yaml` for the front matter, mdast-util-to-nlcst +
 * parse-english for paragraphs, sentences and words.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { ParseEnglish } from 'parse-english';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { toString as nlcstToString } from 'nlcst-to-string';
import { visit } from 'unist-util-visit';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Root as MdastRoot, Html, Link } from 'mdast';
import type { Root as NlcstRoot, Paragraph as NlcstParagraph, Sentence as NlcstSentence, Word as NlcstWord } from 'nlcst';
import {
  CHANNELS,
  SCENARIOS,
  STATUSES,
  type Channel,
  type FrontMatter,
  type FrontMatterBlock,
  type HtmlComment,
  type Note,
  type Paragraph,
  type Scenario,
  type Sentence,
  type Span,
  type Status,
  type Word,
} from './note';
import { exceededLimit, flattenBody, frontMatterEnd, htmlComments } from './limits';
import { computeLineStarts, lineStartAt, nextLineStart, offsetToLine } from './text';
import { parseDate } from './dates';
import { wordRecord } from './lexicon/word-records';
import { readLayout } from './layout/read';

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const english = new ParseEnglish();

/** mdast node types whose text is not prose. */
const IGNORED_FOR_PROSE = ['yaml', 'code', 'html', 'definition', 'thematicBreak', 'table'];

/**
 * A bare URL or e-mail address in prose. The address part starts only where a
 * run of address characters starts (the look-behind), so a long run of letters
 * is tried once, not from each of its positions.
 */
const BARE_LINK = /\b(?:https?:\/\/|www\.)[^\s<>()]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** The shape of mdast nodes the walks here need. */
interface MdastNode {
  type: string;
  children?: MdastNode[];
  position?: { start: { line?: number; column?: number; offset?: number }; end: { line?: number; column?: number; offset?: number } };
  value?: string;
  alt?: string | null;
}

/** YAML aliases beyond this count are refused (an alias bomb must not hang or exhaust memory). */
const MAX_YAML_ALIASES = 100;

export interface ParseOptions {
  /**
   * Split the prose into sentences and words (the costly part). Off for notes
   * above the size limit, where only the quick checks run: paragraphs are then
   * kept without sentences.
   */
  prose?: boolean;
}

export function parseNote(input: string, options: ParseOptions = {}): Note {
  const text = typeof input === 'string' ? input : String(input);
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bomLength ? text.slice(1) : text;
  // Past a structural limit the Markdown is read as plain paragraphs (linear), light: see core/limits.ts.
  const overLimit = exceededLimit(source);
  if (overLimit) options = { ...options, prose: false };
  const parsed = overLimit ? flattenBody(source, frontMatterEnd(source)) : tame(source);
  const tree = markdown.parse(parsed) as MdastRoot;
  const lineStarts = computeLineStarts(text);

  const frontMatterBlock = readFrontMatterBlock(text, source, tree, bomLength);
  const frontMatter = typeFrontMatter(frontMatterBlock);
  const body: Span = { start: frontMatterBlock.present ? frontMatterBlock.span.end : bomLength, end: text.length };

  // One walk over the tree (pre-order, iterative) collects the comments and the code and autolink spans.
  const comments: HtmlComment[] = [];
  const sourceSpans: Span[] = [];
  const stack: MdastNode[] = [tree as MdastNode];
  while (stack.length) {
    const node = stack.pop()!;
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    if (node.type === 'html') {
      const value = (node as unknown as Html).value;
      if (!value.includes('<!--')) continue;
      for (const m of htmlComments(value)) {
        const s = start + bomLength + m.index;
        comments.push({ start: s, end: s + m.length, value: m.inner.trim(), line: offsetToLine(lineStarts, s) });
      }
    } else if (node.type === 'inlineCode' || node.type === 'code') {
      sourceSpans.push({ start: start + bomLength, end: end + bomLength });
    } else if (node.type === 'link') {
      const link = node as unknown as Link;
      const first = link.children[0];
      // An autolink (`<https://…>` or `<me@example.com>`) shows its URL as its text.
      if (link.children.length === 1 && first.type === 'text' && link.url.endsWith(first.value)) {
        sourceSpans.push({ start: start + bomLength, end: end + bomLength });
      }
    }
  }
  // Bare URLs and e-mail addresses in prose are not words either.
  // (Only worth scanning for when the text has an "@", "http" or "www." at all.)
  const bodyText = text.slice(body.start);
  if (bodyText.includes('@') || bodyText.includes('http') || bodyText.includes('www.')) {
    for (const m of bodyText.matchAll(BARE_LINK)) {
      const s = body.start + (m.index ?? 0);
      sourceSpans.push({ start: s, end: s + m[0].replace(/[.,;:!?)]+$/, '').length });
    }
  }
  sourceSpans.sort((a, b) => a.start - b.start);

  const skippedProse: Span[] = [];
  const paragraphs = options.prose === false ? readBlocks(tree, text, bomLength) : readProse(tree, source, parsed, bomLength, sourceSpans, skippedProse);
  // (Loops: flatMap is several times slower here, and this runs on every keystroke.)
  const sentences: Sentence[] = [];
  for (const paragraph of paragraphs) for (const sentence of paragraph.sentences) sentences.push(sentence);
  const words: Word[] = [];
  for (const sentence of sentences) for (const word of sentence.words) words.push(word);

  return {
    text,
    lineStarts,
    frontMatterBlock,
    frontMatter,
    body,
    paragraphs,
    sentences,
    words,
    wordCount: words.length,
    ...readLayout({ text, body, blocks: layoutBlocks(tree, bomLength), paragraphs, to: frontMatter.to, from: frontMatter.from }),
    comments,
    sourceSpans,
    skippedProse,
    prose: options.prose !== false,
    ...(overLimit ? { overLimit } : {}),
    tree,
    bomLength,
  };
}

// ---------------------------------------------------------------------------
// Hostile Markdown
//
// micromark takes time that grows with the square of two things no real note has: list markers
// nested hundreds deep on one line, and thousands of unmatched emphasis and link delimiters. The
// copy it parses has those (beyond a sane number) blanked out with spaces, so every offset stays
// the same; a note that needs this is no longer a note, and its findings say so anyway.

/** Container markers (list items, block quotes) in a run longer than this on a line are blanked. */
const MAX_NESTING = 100;
const DEEP_NESTING = new RegExp(`(?:(?:[-*+>]|\\d{1,9}[.)])[ \\t]+){${MAX_NESTING + 1},}`, 'g');
/** Emphasis and link delimiters (`*`, `_`, `[`, `]`) beyond this many are blanked. */
const MAX_DELIMITERS = 4000;

export function tame(source: string): string {
  let out = source;
  if (out.length > MAX_NESTING * 2) {
    out = out.replace(DEEP_NESTING, (run) => {
      let kept = 0;
      let at = 0;
      // Keep the first MAX_NESTING markers (each marker and its white space), blank the rest.
      while (kept < MAX_NESTING) {
        while (run[at] !== ' ' && run[at] !== '\t') at++;
        while (at < run.length && (run[at] === ' ' || run[at] === '\t')) at++;
        kept++;
      }
      return run.slice(0, at) + run.slice(at).replace(/[^ \t]/g, ' ');
    });
  }
  if (out.length > MAX_DELIMITERS) {
    let count = 0;
    for (let i = 0; i < out.length; i++) {
      const c = out.charCodeAt(i);
      if (c === 0x2a || c === 0x5f || c === 0x5b || c === 0x5d) count++;
    }
    if (count > MAX_DELIMITERS) {
      const chars = out.split('');
      count = 0;
      for (let i = 0; i < chars.length; i++) {
        const c = chars[i];
        if ((c === '*' || c === '_' || c === '[' || c === ']') && ++count > MAX_DELIMITERS) chars[i] = ' ';
      }
      out = chars.join('');
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Front matter

function readFrontMatterBlock(text: string, source: string, tree: MdastRoot, bomLength: number): FrontMatterBlock {
  const first = tree.children[0];
  const empty: FrontMatterBlock = {
    present: false,
    span: { start: bomLength, end: bomLength },
    contentSpan: { start: bomLength, end: bomLength },
    problems: [],
    entries: [],
    notAMapping: false,
  };
  if (!first || first.type !== 'yaml' || first.position?.start.offset !== 0) {
    // An opening fence with no closing one: remark-frontmatter does not take it,
    // but the writer clearly meant front matter.
    const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(source);
    if (open && !/[\r\n]---[ \t]*(?:[\r\n]|$)/.test(source.slice(open[0].length - 1))) {
      const lineEnd = bomLength + open[0].length;
      return {
        ...empty,
        problems: [{ start: bomLength, end: lineEnd - (open[0].endsWith('\r\n') ? 2 : 1), message: 'The front matter opens with `---` but is never closed by a second `---` line.' }],
      };
    }
    return empty;
  }
  const start = bomLength;
  const end = bomLength + (first.position.end.offset ?? 0);
  const openingFenceEnd = nextLineStart(text, start);
  const closingFenceStart = lineStartAt(text, end - 1);
  const contentSpan = { start: openingFenceEnd, end: Math.max(openingFenceEnd, closingFenceStart) };
  // (A lone `\r` ends a line as `\n` does; read as `\n`, which keeps every offset.)
  const yamlSource = text.slice(contentSpan.start, contentSpan.end).replace(LONE_CR_ALL, '\n');
  const block: FrontMatterBlock = {
    present: true,
    span: { start, end },
    contentSpan,
    problems: [],
    entries: [],
    notAMapping: false,
  };

  const toNote = (pos: [number, number] | undefined): Span => {
    const s = contentSpan.start + Math.min(pos?.[0] ?? 0, yamlSource.length);
    const e = contentSpan.start + Math.min(Math.max(pos?.[1] ?? 0, pos?.[0] ?? 0), yamlSource.length);
    return { start: s, end: Math.max(e, s) };
  };
  const simple = readSimpleYaml(yamlSource);
  if (simple) {
    for (const e of simple) block.entries.push({ key: e.key, keySpan: toNote([e.keyStart, e.keyEnd]), valueSpan: toNote([e.valueStart, e.valueEnd]), value: e.value });
    return block;
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlSource, { uniqueKeys: false, prettyErrors: false, lineCounter, keepSourceTokens: false });
  for (const err of [...doc.errors, ...doc.warnings]) {
    block.problems.push({ ...toNote(err.pos), message: cleanYamlMessage(err.message) });
  }
  if (doc.errors.length > 0) return block;

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return block;
  if (!isMap(contents)) {
    block.notAMapping = true;
    return block;
  }
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    if (!keyNode || !isScalar(keyNode) || !keyNode.range) continue;
    const valueNode = pair.value as YamlNode | null;
    let value: unknown;
    try {
      value = valueNode ? valueNode.toJS(doc, { maxAliasCount: MAX_YAML_ALIASES }) : null;
    } catch (error) {
      block.problems.push({
        ...toNote(valueNode?.range ? [valueNode.range[0], valueNode.range[1]] : [keyNode.range[0], keyNode.range[1]]),
        message: `The value of "${String(keyNode.value)}" could not be read: ${(error as Error).message}`,
      });
      continue;
    }
    const keyEnd = keyNode.range[1];
    const valueSpan = valueNode?.range
      ? toNote([valueNode.range[0], valueNode.range[1]])
      : emptyValueSpan(yamlSource, keyEnd, contentSpan.start);
    block.entries.push({ key: String(keyNode.value), keySpan: toNote([keyNode.range[0], keyEnd]), valueSpan, value });
  }
  return block;
}

// The usual front matter — `key: plain text` lines and one-line `[a, b]` lists of
// plain text — read directly: the result is what the `yaml` package gives for it
// (YAML 1.2 core schema: the same values and ranges, no errors or warnings), at a
// fraction of the cost. Anything else (quotes, numbers, booleans, nulls, comments,
// block lists, empty values, multi-line values, tabs, anchors, tags…) returns
// undefined and goes to the `yaml` package.

interface SimpleEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  value: string | string[];
}

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*/;
/** Plain text that YAML's core schema would read as something else than a string (null, bool, int, float). */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
/** A character that may open a plain value in block context (letters, digits, most symbols; no indicators). */
const PLAIN_START = /^[\p{L}\p{N}(\u2018\u201c$€£/=+.~^;<)]/u;
/** Characters that end the fast path anywhere: control characters, tabs, `#`, the BOM, line/paragraph separators. */
const UNSAFE_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f#\t\ufeff\u2028\u2029]/;

/** A carriage return that is not part of a CRLF line break. */
const LONE_CR = /\r(?!\n)/;
const LONE_CR_ALL = /\r(?!\n)/g;

function isSimplePlain(value: string, flow: boolean): boolean {
  if (!PLAIN_START.test(value)) return false;
  if (value.endsWith(':') || value.includes(': ')) return false;
  if (flow && /[[\]{},]/.test(value)) return false;
  for (const pattern of NOT_A_STRING) if (pattern.test(value)) return false;
  return true;
}

function readSimpleYaml(source: string): SimpleEntry[] | undefined {
  if (source.length === 0 || source.length > 4000 || UNSAFE_CHARACTER.test(source) || LONE_CR.test(source)) return undefined;
  const entries: SimpleEntry[] = [];
  let at = 0;
  while (at < source.length) {
    let lineEnd = source.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = source.length;
    const line = source.slice(at, source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd);
    if (line.length > 0) {
      const key = SIMPLE_KEY.exec(line);
      if (!key || key[0].length > 200 || line[key[0].length] !== ':' || line[key[0].length + 1] !== ' ') return undefined;
      if (NOT_A_STRING.some((p) => p.test(key[0]))) return undefined;
      let valueStart = key[0].length + 2;
      while (line[valueStart] === ' ') valueStart++;
      let valueEnd = line.length;
      while (valueEnd > valueStart && line[valueEnd - 1] === ' ') valueEnd--;
      const raw = line.slice(valueStart, valueEnd);
      let value: string | string[];
      if (raw.startsWith('[')) {
        if (!raw.endsWith(']')) return undefined;
        const inner = raw.slice(1, -1);
        value = [];
        if (inner.trim() !== '') {
          for (const part of inner.split(',')) {
            const item = part.trim();
            if (!item || !isSimplePlain(item, true)) return undefined;
            value.push(item);
          }
        } else if (inner !== '') return undefined;
      } else {
        if (!raw || !isSimplePlain(raw, false)) return undefined;
        value = raw;
      }
      entries.push({ key: key[0], keyStart: at, keyEnd: at + key[0].length, valueStart: at + valueStart, valueEnd: at + valueEnd, value });
    }
    at = lineEnd + 1;
  }
  return entries.length ? entries : undefined;
}

function emptyValueSpan(yamlSource: string, keyEnd: number, base: number): Span {
  const colon = yamlSource.indexOf(':', keyEnd);
  const at = colon === -1 ? keyEnd : colon + 1;
  return { start: base + at, end: base + at };
}

function cleanYamlMessage(message: string): string {
  // yaml's messages end with "at line N, column M" plus a code excerpt in pretty mode; keep the first line.
  return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
}

function typeFrontMatter(block: FrontMatterBlock): FrontMatter {
  const fm: FrontMatter = { scenario: 'after-interview', channel: 'email', topics: [], strengths: [] };
  const seen = new Set<string>();
  for (const { key, value } of block.entries) {
    if (seen.has(key)) continue; // the first occurrence counts; valid-front-matter reports the duplicate
    seen.add(key);
    switch (key) {
      case 'to':
      case 'email':
      case 'company':
      case 'role':
      case 'news':
      case 'from':
      case 'subject': {
        const s = asText(value);
        if (s !== undefined) fm[key] = s;
        break;
      }
      case 'interviewed':
      case 'sent': {
        const s = value instanceof Date ? value.toISOString() : asText(value);
        if (s === undefined) break;
        const date = parseDate(s);
        if (key === 'interviewed') {
          fm.interviewed = s;
          if (date) fm.interviewedAt = date;
        } else {
          fm.sent = s;
          if (date) fm.sentAt = date;
        }
        break;
      }
      case 'scenario':
        if ((SCENARIOS as readonly string[]).includes(value as string)) fm.scenario = value as Scenario;
        break;
      case 'channel':
        if ((CHANNELS as readonly string[]).includes(value as string)) fm.channel = value as Channel;
        break;
      case 'status':
        if ((STATUSES as readonly string[]).includes(value as string)) fm.status = value as Status;
        break;
      case 'topics':
      case 'strengths':
        fm[key] = asTextList(value);
        break;
      default:
        break;
    }
  }
  return fm;
}

/** A scalar as trimmed text; numbers are accepted (a role named "2"), empty strings are not. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function asTextList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (!Array.isArray(value)) return [];
  return value.map(asText).filter((v): v is string => v !== undefined);
}

// ---------------------------------------------------------------------------
// Prose

/** mdast container types whose children may hold paragraphs and headings. */
const PROSE_CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition']);

function readProse(tree: MdastRoot, source: string, parsed: string, bomLength: number, sourceSpans: Span[], skipped: Span[]): Paragraph[] {
  const text = (bomLength ? '\uFEFF' : '') + source;
  const paragraphs: Paragraph[] = [];
  // Paragraph by paragraph (also inside lists and block quotes): parse-english's sentence plugins
  // cost more than linear time in what they are given at once, and a paragraph too large for them
  // (MAX_BLOCK_TOKENS, or one that makes them overflow the stack) is skipped and reported instead
  // of losing the whole note.
  const stack: MdastNode[] = [tree as MdastNode];
  while (stack.length) {
    const node = stack.pop()!;
    if (PROSE_CONTAINERS.has(node.type)) {
      const children = node.children!;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
      continue;
    }
    if (node.type !== 'paragraph' && node.type !== 'heading') continue;
    let nlcst: NlcstRoot | undefined;
    try {
      nlcst = blockToNlcst(node, parsed);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
    if (!nlcst) {
      const span = spanOf(node, bomLength);
      if (span) skipped.push(span);
      continue;
    }
    for (const child of nlcst.children) {
      if (child.type !== 'ParagraphNode') continue;
      const paragraph = readParagraph(child, text, bomLength, paragraphs.length, sourceSpans);
      if (!paragraph) continue;
      paragraph.kind = node.type;
      paragraphs.push(paragraph);
    }
  }
  return paragraphs;
}

// ---------------------------------------------------------------------------
// mdast → nlcst
//
// What mdast-util-to-nlcst does with parse-english, without what it costs: it
// builds a line index of the whole document for every block (vfile-location)
// and gives every node a line and column that nobody here reads, and parse-latin's
// tokenizer runs three regular expressions per character and positions every
// token before those positions are overwritten. The tree that comes out — node
// types, values, offsets, and parse-english's own sentence and word plugins run
// on it in the same order — is the same; points carry only their offset.

interface NlcstPoint {
  offset: number;
}
interface NlcstPosition {
  start: NlcstPoint;
  end: NlcstPoint;
}
interface NlcstNode {
  type: string;
  value?: string;
  children?: NlcstNode[];
  position?: NlcstPosition;
}

/** mdast node types the conversion skips: mdast-util-to-nlcst's defaults plus ours. */
const NLCST_IGNORE = new Set(['table', 'tableRow', 'tableCell', ...IGNORED_FOR_PROSE]);
const NEW_LINE = /^[ \t]*((\r?\n|\r)[\t ]*)+$/;
const TERMINAL_MARKER = /^([!.?\u2026\u203D]+)$/;

interface ConversionState {
  doc: string;
}

/**
 * Tokens in one block beyond which it is not split into sentences (skipped and reported): some of
 * parse-english's plugins splice the block's token list once per merge, which takes quadratic time
 * (100,000 "a-b" or "U.S.A." in one paragraph: 17 s and 64 s). No paragraph of a note comes near
 * it; at this size the slowest shapes take about a third of a second.
 */
const MAX_BLOCK_TOKENS = 50_000;

/** The block as nlcst, or undefined when it has more than MAX_BLOCK_TOKENS tokens. */
function blockToNlcst(block: MdastNode, doc: string): NlcstRoot | undefined {
  if (!validPoint(block.position?.start)) throw new Error('mdast-util-to-nlcst expected position on nodes');
  const state: ConversionState = { doc };
  const nodes = convertOne(state, block) ?? [];
  if (nodes.length > MAX_BLOCK_TOKENS) return undefined;
  return sentenceContentToRoot(nodes) as unknown as NlcstRoot;
}

/** A point as unist-util-position accepts it (line and column present and positive). */
function validPoint(point: { line?: number; column?: number } | undefined): boolean {
  return point !== undefined && typeof point.line === 'number' && point.line > 0 && typeof point.column === 'number' && point.column > 0;
}

function convertOne(state: ConversionState, node: MdastNode): NlcstNode[] | undefined {
  if (NLCST_IGNORE.has(node.type)) return undefined;
  let start = node.position ? node.position.start.offset : undefined;
  const end = node.position ? node.position.end.offset : undefined;
  let results: NlcstNode[] | undefined;
  if (node.type === 'inlineCode') {
    if (start !== undefined && end !== undefined) results = [{ type: 'SourceNode', value: state.doc.slice(start, end) }];
  } else if ('children' in node) {
    return convertAll(state, node);
  } else if (node.type === 'image' || node.type === 'imageReference') {
    if (node.alt) {
      results = tokenize(node.alt);
      if (typeof start === 'number') start += 2;
      if (placeFromSource(state, results, node.alt, start, end)) return results;
    }
  } else if (node.type === 'break') {
    results = [{ type: 'WhiteSpaceNode', value: '\n' }];
  } else if (node.type === 'text') {
    const value = node.value!;
    // Most text is its source verbatim: its tokens are placed as they are cut.
    if (start !== undefined && end === start + value.length && end <= state.doc.length && state.doc.startsWith(value, start)) return tokenize(value, start);
    results = tokenize(value);
    if (placeFromSource(state, results, value, start, end)) return results;
  }
  if (results) {
    patch(state, results, start);
    return results;
  }
  return undefined;
}

// A text node's value is not always its source: micromark drops block-quote markers, list
// indentation and trailing spaces at line ends, resolves backslash escapes and character
// references, and turns NUL into U+FFFD. Placing tokens by the value's length (what
// mdast-util-to-nlcst does) then drifts. Where the two differ, each character of the value is
// aligned with the source characters it came from, and tokens take their offsets from that.

/** Characters micromark may drop between a value's characters: line prefixes and trailing white space. */
function droppable(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3e /* > */ || code === 0x0d;
}

/** How far ahead a character of the value is looked for in its source. */
const RESYNC_WINDOW = 32;

function isAsciiPunctuation(code: number): boolean {
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

const CHARACTER_REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/y;

function decodeReference(match: RegExpExecArray): string | undefined {
  if (match[3] !== undefined) {
    const named = decodeNamedCharacterReference(match[3]);
    return named === false ? undefined : named;
  }
  const code = parseInt(match[1] ?? match[2], match[1] !== undefined ? 16 : 10);
  // micromark's rules: NUL, surrogates, out-of-range and some controls become U+FFFD.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

/**
 * Place `nodes` (tokens of `value`) on the source between `start` and `end`. Returns false when
 * the value is its source verbatim, or positions are missing (then `patch` places them by length).
 */
function placeFromSource(state: ConversionState, nodes: NlcstNode[], value: string, start: number | undefined, end: number | undefined): boolean {
  if (start === undefined || end === undefined || end < start || end > state.doc.length) return false;
  const doc = state.doc;
  if (end - start === value.length && doc.startsWith(value, start)) return false;
  // from[i] / to[i]: the source span that produced value[i].
  const from = new Int32Array(value.length);
  const to = new Int32Array(value.length);
  let p = start;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    for (;;) {
      if (p >= end) {
        from[i] = to[i] = end;
        break;
      }
      const s = doc.charCodeAt(p);
      if (s === 0x26 /* & */) {
        CHARACTER_REFERENCE.lastIndex = p;
        const m = CHARACTER_REFERENCE.exec(doc);
        const decoded = m && m.index + m[0].length <= end ? decodeReference(m) : undefined;
        if (decoded && value.startsWith(decoded, i)) {
          for (let k = 0; k < decoded.length; k++) {
            from[i + k] = p;
            to[i + k] = p + m![0].length;
          }
          i += decoded.length - 1;
          p += m![0].length;
          break;
        }
      }
      if (s === 0x5c /* \ */ && p + 1 < end && doc.charCodeAt(p + 1) === c && isAsciiPunctuation(c)) {
        from[i] = p + 1; // the character, not its backslash
        to[i] = p + 2;
        p += 2;
        break;
      }
      if (s === c || (c === 0xfffd && s === 0) || (c === 0x20 && s === 0x09)) {
        from[i] = p;
        to[i] = p + 1;
        p++;
        break;
      }
      if (droppable(s)) {
        p++;
        continue;
      }
      // Markup the value leaves out (an image's alt text is flattened from its inline content):
      // look a little ahead for the character; failing that, give it no width here and go on.
      let found = p + 1;
      const limit = Math.min(end, p + RESYNC_WINDOW);
      while (found < limit && doc.charCodeAt(found) !== c) found++;
      if (found < limit) {
        p = found;
        continue;
      }
      from[i] = to[i] = p;
      break;
    }
  }
  placeTokens(nodes, 0, from, to, value.length, end);
  return true;
}

/** Give tokens (and their children) the source span of their characters, starting at value index `at`. */
function placeTokens(nodes: NlcstNode[], at: number, from: Int32Array, to: Int32Array, length: number, end: number): number {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const first = at;
    if (node.children) at = placeTokens(node.children, at, from, to, length, end);
    else at += node.value!.length;
    const s = first < length ? from[first] : end;
    const e = at > first ? to[at - 1] : s;
    node.position = { start: { offset: s }, end: { offset: Math.max(s, e) } };
  }
  return at;
}

function convertAll(state: ConversionState, parent: MdastNode): NlcstNode[] {
  let results: NlcstNode[] = [];
  let end: { line: number; offset?: number } | undefined;
  for (const child of parent.children!) {
    const startPoint = child.position?.start;
    const start = validPoint(startPoint) ? startPoint : undefined;
    if (end && start && start.line !== end.line) {
      const lineEnding: NlcstNode = { type: 'WhiteSpaceNode', value: '\n'.repeat(start.line! - end.line) };
      patch(state, [lineEnding], end.offset !== undefined && end.offset > -1 ? end.offset : undefined);
      // Make sure it'll be seen as a break between paragraphs.
      if (lineEnding.value!.length < 2) lineEnding.value = '\n\n';
      results.push(lineEnding);
    }
    const result = convertOne(state, child);
    // (The first child's tokens become the list; the others are appended one by one: spreading a
    // few hundred tokens into push() copies them onto the stack first.)
    if (result && results.length === 0) results = result;
    else if (result) for (let i = 0; i < result.length; i++) results.push(result[i]);
    const endPoint = child.position?.end;
    end = validPoint(endPoint) ? (endPoint as { line: number; offset?: number }) : undefined;
  }
  return results;
}

/** The length of a node's text (nlcst-to-string's result, without building it). */
function textLength(node: NlcstNode): number {
  if (node.value !== undefined) return node.value.length;
  let n = 0;
  const children = node.children;
  if (children) for (let i = 0; i < children.length; i++) n += textLength(children[i]);
  return n;
}

/** Give each node (and its children) the offsets of its text, the run starting at `offset`. */
function patch(state: ConversionState, nodes: NlcstNode[], offset: number | undefined): void {
  const limit = state.doc.length;
  let start = offset;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.children) patch(state, node.children, start);
    const end = start === undefined ? undefined : start + textLength(node);
    node.position =
      start !== undefined && end !== undefined && start > -1 && start <= limit && end > -1 && end <= limit
        ? { start: { offset: start }, end: { offset: end } }
        : undefined;
    start = end;
  }
}

function sentenceContentToRoot(nodes: NlcstNode[]): NlcstNode {
  if (nodes.length === 0) return { type: 'RootNode', children: [] };
  const start = nodes[0].position?.start;
  const end = nodes[nodes.length - 1].position?.end;
  const sentence: NlcstNode = { type: 'SentenceNode', children: nodes };
  if (start && end) sentence.position = { start: { ...start }, end: { ...end } };
  const idle = idlePlugins(nodes);
  const sentencePlugins = english.tokenizeSentencePlugins;
  for (let i = 0; i < sentencePlugins.length; i++) {
    if (idle.sentence.has(i) || (i === INITIALISMS && idle !== NONE_IDLE && !mayMergeInitialism(sentence.children!))) continue;
    sentencePlugins[i](sentence as unknown as NlcstSentence);
  }
  const paragraph: NlcstNode = { type: 'ParagraphNode', children: splitNode(sentence, 'PunctuationNode', TERMINAL_MARKER) };
  if (start && end) paragraph.position = { start: { ...start }, end: { ...end } };
  const paragraphPlugins = english.tokenizeParagraphPlugins;
  for (let i = 0; i < paragraphPlugins.length; i++) if (!idle.paragraph.has(i)) paragraphPlugins[i](paragraph as unknown as NlcstParagraph);
  const root: NlcstNode = { type: 'RootNode', children: splitNode(paragraph, 'WhiteSpaceNode', NEW_LINE) };
  if (start && end) root.position = { start: { ...start }, end: { ...end } };
  for (const plugin of english.tokenizeRootPlugins) plugin(root as unknown as NlcstRoot);
  return root;
}

// Skipping the plugins that have nothing to do.
//
// Most of parse-english's plugins walk every token of the block to find the few they act on. Five
// act only on a token with one particular value: an "&", a "-", a "/", an apostrophe, or white space
// holding two line breaks or more; mergeInitialisms only on a "." right after a word that earlier
// plugins made of three parts or more (parse-latin's and parse-english's sources, version 7). The
// plugins move tokens into words and sentences but never make or change a token, so when the
// block has no such token, the plugin would change nothing: it is not run. If the plugin lists are
// not the ones described here (another version of parse-english), every plugin runs.
// test/unit/parse.test.ts checks the result against running every plugin.

/** parse-english 7's plugin lists: which plugin sits where, and the token it needs. */
const SENTENCE_PLUGIN_COUNT = 7;
const PARAGRAPH_PLUGIN_COUNT = 13;
const ELISION = 0; // mergeEnglishElisionExceptions: "/" or an apostrophe
const INITIAL_WORD_SYMBOL = 1; // mergeInitialWordSymbol: "&"
const FINAL_WORD_SYMBOL = 2; // mergeFinalWordSymbol: "-"
const INNER_WORD_SLASH = 4; // mergeInnerWordSlash: "/"
const INITIALISMS = 5; // mergeInitialisms: "." after a word of three parts or more ("e.g"), as the plugins before it left them
const BREAK_IMPLICIT_SENTENCES = 10; // breakImplicitSentences: white space with two line breaks
const pluginsAreKnown =
  english.tokenizeSentencePlugins.length === SENTENCE_PLUGIN_COUNT && english.tokenizeParagraphPlugins.length === PARAGRAPH_PLUGIN_COUNT;

interface IdlePlugins {
  sentence: Set<number>;
  paragraph: Set<number>;
}
const NONE_IDLE: IdlePlugins = { sentence: new Set(), paragraph: new Set() };
/** For tests: run every plugin, as parse-english does. */
let skipIdlePlugins = true;
export function setSkipIdlePlugins(on: boolean): void {
  skipIdlePlugins = on;
}

function idlePlugins(nodes: readonly NlcstNode[]): IdlePlugins {
  if (!pluginsAreKnown || !skipIdlePlugins) return NONE_IDLE;
  let ampersand = false;
  let hyphen = false;
  let slash = false;
  let apostrophe = false;
  let blankLine = false;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const value = node.value;
    if (value === undefined) continue;
    if (node.type === 'WhiteSpaceNode') {
      if (!blankLine && lineBreaks(value) >= 2) blankLine = true;
    } else if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
      if (value === '&') ampersand = true;
      else if (value === '-') hyphen = true;
      else if (value === '/') slash = true;
      else if (value === "'" || value === '\u2019') apostrophe = true;
    }
  }
  const sentence = new Set<number>();
  if (!slash && !apostrophe) sentence.add(ELISION);
  if (!ampersand) sentence.add(INITIAL_WORD_SYMBOL);
  if (!hyphen) sentence.add(FINAL_WORD_SYMBOL);
  if (!slash) sentence.add(INNER_WORD_SLASH);
  return { sentence, paragraph: blankLine ? NONE_IDLE.paragraph : IDLE_BREAK };
}
const IDLE_BREAK = new Set([BREAK_IMPLICIT_SENTENCES]);

/** Whether mergeInitialisms would act: a "." token right after a word of an odd number of parts, more than one. */
function mayMergeInitialism(nodes: readonly NlcstNode[]): boolean {
  for (let i = 1; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.type !== 'PunctuationNode' || node.value !== '.') continue;
    const previous = nodes[i - 1];
    const parts = previous.children?.length ?? 0;
    if (previous.type === 'WordNode' && parts !== 1 && parts % 2 !== 0) return true;
  }
  return false;
}

/** Line breaks in white space, counting CRLF once (as breakImplicitSentences splits it). */
function lineBreaks(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x0a) n++;
    else if (c === 0x0d) {
      n++;
      if (value.charCodeAt(i + 1) === 0x0a) i++;
    }
  }
  return n;
}

/** Split a parent after each child of `childType` whose text matches `expression` (parse-latin's splitNode). */
function splitNode(node: NlcstNode, childType: string, expression: RegExp): NlcstNode[] {
  const result: NlcstNode[] = [];
  const children = node.children!;
  let start = 0;
  for (let index = 0; index < children.length; index++) {
    const token = children[index];
    if (index === children.length - 1 || (token.type === childType && expression.test(nlcstToString(token as never)))) {
      const parent: NlcstNode = { type: node.type, children: children.slice(start, index + 1) };
      const first = children[start];
      if (first.position && token.position) parent.position = { start: first.position.start, end: token.position.end };
      result.push(parent);
      start = index + 1;
    }
  }
  return result;
}

// parse-latin's tokenizer, with each UTF-16 unit's class (white space, punctuation, word or
// symbol — decided by parse-latin's own expressions) looked up once and then remembered.
const WHITE_SPACE = 1;
const PUNCTUATION = 2;
const WORD = 3;
const SYMBOL = 4;
const TOKEN_TYPES = ['', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'];
const charClasses = new Uint8Array(0x10000);

function classOf(code: number): number {
  let c = charClasses[code];
  if (c === 0) {
    // parse-latin classifies one character at a time: ask it about this one.
    const type = english.tokenize(String.fromCharCode(code))[0]?.type;
    c = type === 'WhiteSpaceNode' ? WHITE_SPACE : type === 'PunctuationNode' ? PUNCTUATION : type === 'WordNode' ? WORD : SYMBOL;
    charClasses[code] = c;
  }
  return c;
}

/**
 * Tokens of `value`. Given `at`, the offset where the value sits verbatim in the source, each
 * token is placed there as it is cut (what `patch` would do after): a token's end point is the
 * next one's start, and a word shares its points with its text (points are never changed once
 * made; the plugins only ever give a node another one).
 */
function tokenize(value: string, at = -1): NlcstNode[] {
  const children: NlcstNode[] = [];
  if (!value) return children;
  let from = 0;
  let previousType = 0;
  let previous = -1;
  let point: NlcstPoint | undefined = at < 0 ? undefined : { offset: at };
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    const currentType = classOf(code);
    if (
      index > from &&
      !(previousType === currentType && (currentType === WORD || currentType === WHITE_SPACE || code === previous || (code >= 0xd800 && code <= 0xdfff)))
    ) {
      const next: NlcstPoint | undefined = point && { offset: at + index };
      children.push(tokenNode(previousType, value.slice(from, index), point, next));
      point = next;
      from = index;
    }
    previousType = currentType;
    previous = code;
  }
  if (previousType && from < value.length) children.push(tokenNode(previousType, value.slice(from), point, point && { offset: at + value.length }));
  return children;
}

function tokenNode(type: number, value: string, start: NlcstPoint | undefined, end: NlcstPoint | undefined): NlcstNode {
  if (start === undefined || end === undefined) {
    return type === WORD ? { type: 'WordNode', children: [{ type: 'TextNode', value }] } : { type: TOKEN_TYPES[type], value };
  }
  return type === WORD
    ? { type: 'WordNode', children: [{ type: 'TextNode', value, position: { start, end } }], position: { start, end } }
    : { type: TOKEN_TYPES[type], value, position: { start, end } };
}

/** Paragraphs and headings without sentences: the cheap model of an oversized note. */
function readBlocks(tree: MdastRoot, text: string, bomLength: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return;
    const children = (node as { children: { position?: { start: { offset?: number }; end: { offset?: number } } }[] }).children;
    const first = children[0]?.position?.start.offset;
    const last = children[children.length - 1]?.position?.end.offset;
    if (first === undefined || last === undefined) return;
    const start = first + bomLength;
    const end = last + bomLength;
    paragraphs.push({ start, end, text: text.slice(start, end), sentences: [], kind: node.type });
  });
  return paragraphs;
}

function spanOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, bomLength: number): Span | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  if (s === undefined || e === undefined) return undefined;
  return { start: s + bomLength, end: e + bomLength };
}

function readParagraph(node: NlcstParagraph, text: string, bomLength: number, index: number, sourceSpans: Span[]): Paragraph | undefined {
  const span = spanOf(node, bomLength);
  if (!span) return undefined;
  const sentences: Sentence[] = [];
  for (const child of node.children) {
    if (child.type !== 'SentenceNode') continue;
    const sentence = readSentence(child, text, bomLength, index, sourceSpans);
    if (sentence && NOT_BLANK.test(sentence.text)) sentences.push(sentence);
  }
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end), sentences, kind: 'paragraph' };
}

/** Some character that `trim()` would keep. */
const NOT_BLANK = /\S/;
/** A letter or a digit: a word has one. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A word and a full stop, nothing else. */
const WORD_AND_STOP = /^[\p{L}\p{N}'\u2019-]+\.$/u;
const CURLY_APOSTROPHES = /[\u2018\u2019\u02bc]/g;

function hasLetterOrDigit(value: string): boolean {
  const c = value.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  return LETTER_OR_DIGIT.test(value);
}

/** Lower case with typographic apostrophes folded to `'`. */
function foldedLower(value: string): string {
  const lower = value.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x2018 || c === 0x2019 || c === 0x02bc) return lower.replace(CURLY_APOSTROPHES, "'");
  }
  return lower;
}

function readSentence(node: NlcstSentence, text: string, bomLength: number, paragraph: number, sourceSpans: Span[]): Sentence | undefined {
  const span = spanOf(node, bomLength);
  if (!span) return undefined;
  const words: Word[] = [];
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type !== 'WordNode') continue;
    const s = child.position?.start.offset;
    const e = child.position?.end.offset;
    if (s === undefined || e === undefined) continue;
    const start = s + bomLength;
    let end = e + bomLength;
    if (sourceSpans.length && insideAny(start, end, sourceSpans)) continue;
    const parts = (child as NlcstWord).children;
    let value = parts.length === 1 && 'value' in parts[0] ? parts[0].value : nlcstToString(child as NlcstWord);
    if (!hasLetterOrDigit(value)) continue;
    // parse-english keeps a full stop on a word it took for an abbreviation ("weekend." before a list,
    // "9." at the end); a sentence's last word is no abbreviation: drop the stop.
    if (value.length > 2 && value.endsWith('.') && child === lastWord(node) && WORD_AND_STOP.test(value) && !ABBREVIATIONS.has(value.toLowerCase())) {
      value = value.slice(0, -1);
      end -= 1;
    }
    const record = wordRecord(value);
    if (record === undefined) words.push({ start, end, text: value, lower: foldedLower(value) });
    else words.push({ start, end, text: record.text, lower: (record.folded ??= foldedLower(record.text)), record } as Word);
  }
  // (Fields spelled out: spreading `span` costs more than the rest of the sentence.)
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end), words, paragraph };
}

/** Titles that keep their full stop even at the end of a sentence. */
const ABBREVIATIONS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'jr.', 'sr.', 'st.', 'etc.', 'inc.', 'ltd.', 'co.', 'corp.', 'vs.']);

function lastWord(sentence: NlcstSentence): NlcstSentence['children'][number] | undefined {
  for (let i = sentence.children.length - 1; i >= 0; i--) if (sentence.children[i].type === 'WordNode') return sentence.children[i];
  return undefined;
}

function insideAny(start: number, end: number, spans: Span[]): boolean {
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    if (s.start > start) break;
    if (start >= s.start && end <= s.end) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Layout (layout/read.ts): the top-level blocks it needs, HTML comments told apart

function layoutBlocks(tree: MdastRoot, bomLength: number): { type: string; start: number; end: number; comment?: boolean }[] {
  const blocks: { type: string; start: number; end: number; comment?: boolean }[] = [];
  for (const node of tree.children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'yaml' || start === undefined || end === undefined) continue;
    const block: { type: string; start: number; end: number; comment?: boolean } = { type: node.type, start: start + bomLength, end: end + bomLength };
    if (node.type === 'html' && /^\s*<!--[\s\S]*?-->\s*$/.test(node.value)) block.comment = true;
    blocks.push(block);
  }
  return blocks;
}
