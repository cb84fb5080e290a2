/**
 * Reads the layout of a note's body, line by line: a letter's or a memo's
 * header (address lines, date, FR:/TO:/RE: lines, a pasted "Subject:" line),
 * the greeting ("Dear Ana,", "Hi team -", a bare "Dan," or "Ms. Smith:"), the
 * body and its paragraphs (blank-line blocks, or single lines when every line
 * of a block ends a sentence, as mail clients copy them), the closing line
 * and the signature block (name, title, contact lines, P.S.).
 *
 * Built once by parseNote (the Note's `layout`, `greeting` and `signOff`);
 * every structure rule reads it. Line based and linear: the header is looked
 * for in the first lines, the ending in the last ones.
 */
import type { Ending, Greeting, HeaderKind, HeaderLine, Layout, Paragraph, PastedSubject, SignatureLine, SignOff, Span, TextSpan } from '../note';
import { findSlots } from '../lexicon/structure-placeholders';
import { foldName, parsePersonName } from '../lexicon/structure-names';
import {
  CLOSING_START,
  DASH_SIGNATURE,
  isClosingLine,
  isContactLine,
  isHeaderDate,
  LABELLED_GREETING,
  MEMO_LABEL,
  NOT_A_VOCATIVE,
  POSTSCRIPT,
  REFERENCE_LABEL,
  SALUTATION,
  SIGNATURE_STAND_IN,
  SUBJECT_LABEL,
  VOCATIVE,
} from '../lexicon/structure-layout';

/** A line of the body: `start`/`end` without its line break; `text` its content from `cs` to `ce`. */
interface Line {
  start: number;
  end: number;
  /** Where the content starts and ends (indentation, comments, hard-break markers left out). */
  cs: number;
  ce: number;
  text: string;
  /** Inside a code block or an HTML block: text, but never a greeting, a closing or a signature. */
  opaque: boolean;
}

/** Lines looked at for a header above the greeting. */
const MAX_HEADER_LINES = 14;
/** Lines looked at from the end for the closing and the signature. */
const MAX_ENDING_LINES = 12;

export interface LayoutInput {
  text: string;
  body: Span;
  /** Top-level blocks of the Markdown tree (type and span), in order. */
  blocks: readonly { type: string; start: number; end: number; comment?: boolean }[];
  paragraphs: readonly Paragraph[];
  to?: string;
  from?: string;
}

export interface ReadLayout {
  layout: Layout;
  greeting?: Greeting;
  signOff?: SignOff;
}

export function readLayout(input: LayoutInput): ReadLayout {
  const lines = bodyLines(input);
  const content = lines.filter((l) => l.text !== '');
  const { header, greeting, greetingLine } = readTop(input, content);
  const headerEnd = header.length ? header[header.length - 1].end : input.body.start;
  const bodyStart = greeting ? greeting.end : headerEnd;
  // The lines after the greeting; a greeting followed by text on its own line ("Dear Ana, thank you…") leaves the rest of that line.
  let after = greetingLine === undefined ? content.slice(header.length) : content.slice(greetingLine + 1);
  if (greeting && greetingLine !== undefined) {
    const g = content[greetingLine];
    const rest = trimmedSpan(input.text, greeting.end, g.ce);
    if (rest) after = [{ ...g, cs: rest.start, text: rest.text }, ...after];
  }
  const ending = readEnding(input, after);
  const firstLine = after.find((l) => l.cs >= bodyStart || l.ce > bodyStart);
  const bodyEnd = ending.bodyEnd ?? input.text.length;
  const body = { start: Math.min(bodyStart, bodyEnd), end: bodyEnd };
  const layout: Layout = {
    header,
    body,
    paragraphs: bodyParagraphs(input.text, lines, body),
    signature: ending.signature,
    ending: ending.kind,
  };
  const subjectLine = header.find((h) => h.kind === 'subject');
  if (subjectLine) layout.subject = pastedSubject(subjectLine);
  if (firstLine) layout.firstLine = { start: Math.max(firstLine.cs, bodyStart), end: firstLine.ce, text: input.text.slice(Math.max(firstLine.cs, bodyStart), firstLine.ce) };
  if (ending.closing) layout.closing = ending.closing;
  if (ending.name) layout.name = ending.name;
  if (ending.lastLine) layout.lastLine = ending.lastLine;
  if (ending.postscript) layout.postscript = ending.postscript;
  if (greeting) greeting.paragraph = paragraphIndex(input.paragraphs, greeting.start);

  let signOff: SignOff | undefined;
  if (ending.closing) {
    const own = ending.signature.filter((s) => s.kind !== 'postscript');
    signOff = { start: ending.closing.start, end: own.length ? own[own.length - 1].end : ending.closing.end, closing: ending.closing };
    if (ending.name) signOff.name = ending.name;
  }
  return { layout, greeting, signOff };
}

// ---------------------------------------------------------------------------
// Lines

function bodyLines(input: LayoutInput): Line[] {
  const { text, body, blocks } = input;
  const lines: Line[] = [];
  let at = body.start;
  let b = 0;
  while (at <= text.length) {
    let end = at;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    while (b < blocks.length && blocks[b].end <= at) b++;
    const block = b < blocks.length && blocks[b].start < Math.max(end, at + 1) ? blocks[b] : undefined;
    const opaque = block !== undefined && (block.type === 'code' || block.type === 'html');
    // A comment of its own is no text.
    lines.push(opaque && block.comment ? { start: at, end, cs: end, ce: end, text: '', opaque } : contentOf(text, at, end, opaque));
    if (end >= text.length) break;
    at = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return lines;
}

/** White space inside a line (what trim() removes, the line breaks aside). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 11 || c === 12 || c === 0x2028 || c === 0x2029 || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x85;
}

/** The content of a line: comments blanked, indentation, trailing white space and a hard-break `\` left out. */
function contentOf(text: string, start: number, end: number, opaque: boolean): Line {
  let raw = text.slice(start, end);
  if (raw.includes('<!--')) raw = raw.replace(/<!--.*?(?:-->|$)/g, (m) => ' '.repeat(m.length));
  let cs = 0;
  while (cs < raw.length && isSpace(raw.charCodeAt(cs))) cs++;
  let ce = raw.length;
  while (ce > cs && isSpace(raw.charCodeAt(ce - 1))) ce--;
  if (ce > cs && raw.charCodeAt(ce - 1) === 92) {
    ce--;
    while (ce > cs && isSpace(raw.charCodeAt(ce - 1))) ce--;
  }
  return { start, end, cs: start + cs, ce: start + ce, text: cs === 0 && ce === raw.length ? raw : raw.slice(cs, ce), opaque };
}

function trimmedSpan(text: string, start: number, end: number): TextSpan | undefined {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e, text: text.slice(s, e) } : undefined;
}

/** A line's text without Markdown around it: heading marks, quote marks, emphasis. */
function plain(value: string): string {
  return value
    .replace(/^(?:#{1,6}\s+|>\s?)+/, '')
    .replace(/^[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}$/g, '')
    .trim();
}

/** Trailing emoji and their joiners. */
const TRAILING_PICTOGRAPHS = /[\s\p{Extended_Pictographic}\u200d\ufe0f]+$/u;

// ---------------------------------------------------------------------------
// Header and greeting

function headerKind(line: Line): HeaderKind | undefined {
  if (line.opaque) return undefined;
  if (/^#{1,6}\s/.test(line.text)) return 'heading';
  const text = plain(line.text);
  if (SUBJECT_LABEL.test(text)) return 'subject';
  if (REFERENCE_LABEL.test(text)) return 'reference';
  if (MEMO_LABEL.test(text)) return 'memo';
  if (isHeaderDate(text)) return 'date';
  // An address or a name-and-title line: short, and not a sentence.
  const words = text.split(/\s+/).length;
  if (text.length > 80 || words > 10 || /[!?]["'\u201d\u2019)]*$/.test(text)) return undefined;
  if (/\.["'\u201d\u2019)]*$/.test(text) && words > 5) return undefined;
  return 'address';
}

/** Header kinds that mark a header even when no greeting follows (an address-like line could be the message). */
const LABELLED: ReadonlySet<HeaderKind> = new Set(['subject', 'reference', 'memo', 'date', 'heading']);

function readTop(input: LayoutInput, content: readonly Line[]): { header: HeaderLine[]; greeting?: Greeting; greetingLine?: number } {
  const kinds: HeaderKind[] = [];
  // A salutation ("Dear", "Hi"…) on the first line after a header.
  let vocative: { index: number; greeting: Greeting } | undefined;
  for (let i = 0; i < content.length && i <= MAX_HEADER_LINES; i++) {
    const line = content[i];
    if (line.opaque) break;
    const greeting = salutationGreeting(line);
    if (greeting) return { header: headerLines(content, kinds, i), greeting, greetingLine: i };
    // A bare vocative is taken only when no salutation comes after it: "Dr. Foster Walker, Director" heads a letter that greets "Dear Dr. Walker:".
    if (!vocative && (i === 0 || kinds.length === i)) {
      const v = vocativeGreeting(line, input.to);
      if (v) vocative = { index: i, greeting: v };
    }
    const kind = headerKind(line);
    if (!kind) break;
    kinds.push(kind);
  }
  if (vocative) return { header: headerLines(content, kinds, vocative.index), greeting: vocative.greeting, greetingLine: vocative.index };
  // No greeting: only lines that say what they are (a subject, a date, memo lines, a heading) are a header.
  let n = 0;
  while (n < kinds.length && LABELLED.has(kinds[n])) n++;
  return { header: headerLines(content, kinds, n) };
}

function headerLines(content: readonly Line[], kinds: readonly HeaderKind[], count: number): HeaderLine[] {
  const out: HeaderLine[] = [];
  for (let i = 0; i < count; i++) out.push({ start: content[i].cs, end: content[i].ce, text: content[i].text, kind: kinds[i] });
  return out;
}

function pastedSubject(line: HeaderLine): PastedSubject {
  const lead = line.text.length - line.text.replace(/^(?:#{1,6}\s+|>\s?)*[*_]{0,3}/, '').length;
  const label = SUBJECT_LABEL.exec(line.text.slice(lead))!;
  const labelStart = line.start + lead;
  const labelText = label[0].trimEnd();
  const valueStart = labelStart + label[0].length;
  let valueText = line.text.slice(lead + label[0].length).replace(/[*_]{1,3}$/, '');
  valueText = valueText.trimEnd();
  return {
    start: line.start,
    end: line.end,
    label: { start: labelStart, end: labelStart + labelText.length, text: labelText },
    value: { start: valueStart, end: valueStart + valueText.length, text: valueText },
  };
}

/** Characters a greeted name is made of (slots included: "[Name]", "{{first}}", "____", "Ms./Mr."). */
const NAME_CHARACTERS = /^(?:[\p{L}\p{M}\p{N}\s.'\u2019\-/[\]{}()<>_&+]|:(?=\p{L}))*/u;

function salutationGreeting(line: Line): Greeting | undefined {
  let lead = /^(?:#{1,6}\s+|>\s?)*/.exec(line.text)![0].length;
  const labelled = LABELLED_GREETING.exec(line.text.slice(lead));
  if (labelled) lead += labelled[0].length;
  const emphasis = /^[*_]{1,3}(?=\S)/.exec(line.text.slice(lead));
  if (emphasis) lead += emphasis[0].length;
  const rest = line.text.slice(lead);
  const m = SALUTATION.exec(rest);
  if (!m) return undefined;
  // "To the hiring team," is a greeting; "To be honest, …" is not.
  if (/^to /i.test(m[0]) && !/^to whom/i.test(m[0]) && !/^[^.!?]{1,60}[,:]$/.test(plain(rest))) return undefined;
  const salStart = line.cs + lead;
  const salutation: TextSpan = { start: salStart, end: salStart + m[1].length, text: m[1] };
  const after = rest.slice(m[1].length);
  // The greeting runs to the first comma, colon, dash or "!" (or the end of the line).
  // (A colon ends it only before a space or the line end: "Dear Ana:" but not "Zo:ë".)
  const stop = after.search(/[,!;\u2014\u2013]|:(?=\s|$)|\s-(?:\s|$)/);
  const nameRaw = stop === -1 ? after : after.slice(0, stop);
  const punctuation = stop === -1 ? '' : after[stop];
  const end = salutation.end + (stop === -1 ? after.length : stop + (/[,:!;\u2014\u2013]/.test(punctuation) ? 1 : 0));
  const greeting: Greeting = { start: salStart, end, salutation, paragraph: 0 };
  if (/^to whom/i.test(m[1])) return greeting;
  const name = nameIn(nameRaw, salutation.end);
  // A name is a few words, not the start of a sentence ("Hi, I wanted to…" has none).
  if (name && name.text.split(/\s+/).length <= 5) greeting.name = name;
  return greeting;
}

/**
 * The name in the text after a salutation: its run of name characters, emphasis around it
 * and what follows it (an emoji, ":)", "**") left out, so a fix of the name touches only the name.
 */
function nameIn(raw: string, at: number): TextSpan | undefined {
  const open = /^\s*([*_]{0,3})/.exec(raw)!;
  let text = NAME_CHARACTERS.exec(raw.slice(open[0].length))![0];
  if (open[1]) text = text.replace(/[*_]+$/, '');
  text = text.replace(TRAILING_PICTOGRAPHS, '').trimEnd();
  // A closing bracket with no opening one belongs to what follows ("Ben:)").
  while (/[)\]}>]$/.test(text) && !/[([{<]/.test(text)) text = text.slice(0, -1).trimEnd();
  if (!/[\p{L}\p{N}_[{<(]/u.test(text)) return undefined;
  const start = at + open[0].length;
  return { start, end: start + text.length, text };
}

function vocativeGreeting(line: Line, to: string | undefined): Greeting | undefined {
  const lead = /^(?:#{1,6}\s+|>\s?)*[*_]{0,3}/.exec(line.text)![0].length;
  const rest = line.text.slice(lead);
  const m = VOCATIVE.exec(rest);
  if (!m) return undefined;
  const [whole, title, nameWords] = m;
  const folded = foldName(nameWords);
  if (NOT_A_VOCATIVE.has(folded) || CLOSING_START.test(nameWords)) return undefined;
  const after = plain(rest.slice(whole.length));
  if (after) {
    // "Ms. Smith: thank you for…" — a title, or the recipient's own name, followed by a sentence.
    const isTo = to !== undefined && parsePersonName(nameWords).words.every((w) => parsePersonName(to).words.includes(w));
    if (!(title || isTo) || after.split(/\s+/).length < 3) return undefined;
  }
  const start = line.cs + lead;
  const nameStart = start + title.length;
  return {
    start,
    end: start + whole.length,
    salutation: { start: nameStart, end: nameStart, text: '' },
    name: { start, end: nameStart + nameWords.length, text: rest.slice(0, title.length + nameWords.length) },
    paragraph: 0,
  };
}

function paragraphIndex(paragraphs: readonly Paragraph[], offset: number): number {
  for (let i = 0; i < paragraphs.length; i++) if (paragraphs[i].start <= offset && offset < paragraphs[i].end) return i;
  return 0;
}

// ---------------------------------------------------------------------------
// Closing and signature

interface EndingRead {
  kind: Ending;
  closing?: TextSpan;
  name?: TextSpan;
  signature: SignatureLine[];
  lastLine?: TextSpan;
  postscript?: TextSpan;
  /** Where the body ends (the closing's or the signature's first line). */
  bodyEnd?: number;
}

const NAME_LINE = /^\p{Lu}[\p{L}\p{M}.'\u2019-]*(?:\s+\p{Lu}[\p{L}\p{M}.'\u2019-]*){0,3}$/u;
/** A name in lower case ("sam", "ana ruiz"): two words at most, letters only. */
const LOWER_NAME_LINE = /^\p{Ll}[\p{L}\p{M}'\u2019-]*(?:\s+\p{L}[\p{L}\p{M}'\u2019-]*)?$/u;

function bare(value: string): string {
  return plain(value).replace(TRAILING_PICTOGRAPHS, '');
}

/** A line that is only a slot for a name ("Your Name", "[Your Full Name]", "___ ______.", "Your name (typed)"). */
/** Characters or words without which findSlots finds nothing (a cheap test first: this runs on every check). */
const MAY_HOLD_SLOT = /[[{<(_$]|XX|xx|Your|YOUR|TODO|TK|FIXME|NAME|COMPANY|EMPLOYER|POSITION|TITLE|ROLE|such|so[- ]and/i;

function isSlotLine(value: string): boolean {
  if (!MAY_HOLD_SLOT.test(value)) return false;
  const slots = findSlots(value, 0, value.length);
  if (!slots.length) return false;
  let rest = value;
  for (let i = slots.length - 1; i >= 0; i--) rest = rest.slice(0, slots[i].start) + ' ' + rest.slice(slots[i].end);
  return rest.replace(/\([^)]*\)/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean).length <= 1;
}

function isNameLine(value: string, input: LayoutInput, { recipientOk = false } = {}): boolean {
  const text = bare(value);
  if (!text || text.length > 50) return false;
  if (input.from && foldName(text).startsWith(foldName(input.from))) return true;
  if (SIGNATURE_STAND_IN.test(text) || isSlotLine(text)) return true;
  if (LOWER_NAME_LINE.test(text)) return !isClosingLine(text) && !/^(?:and|or|but|so|the|a|an|i|we|you|it)\b/i.test(text);
  if (!NAME_LINE.test(text)) return false;
  if (CLOSING_START.test(text) || isClosingLine(text)) return false;
  // "Thanks again, Ana": the recipient's name is no signature.
  if (!recipientOk && input.to) {
    const toWords = new Set(parsePersonName(input.to).words);
    const words = parsePersonName(text).words;
    if (words.length && words.every((w) => toWords.has(w))) return false;
  }
  return true;
}

/** A line of a signature block other than the name: a title, a company, an address, a parenthetical ("(signature)"). */
function isTitleLine(value: string): boolean {
  const text = bare(value);
  if (/^\(.{1,100}\)$/.test(text)) return true;
  if (/^[\p{L} ]{1,30}:$/u.test(text)) return true; // "References:", "Links:" over a list
  const words = text.split(/\s+/).length;
  if (text.length > 70 || words > 8 || /[?!:]$/.test(text)) return false;
  return !/\.$/.test(text) || words <= 3;
}

function lineSignatureKind(line: Line, input: LayoutInput): SignatureLine['kind'] | undefined {
  if (line.opaque) return undefined;
  if (isContactLine(line.text)) return 'contact';
  if (isNameLine(line.text, input, { recipientOk: true })) return 'name';
  if (/^\s*(?:[-*+]|\d{1,2}[.)])\s/.test(line.text)) return 'contact'; // a list of links or references after the name
  if (isTitleLine(line.text)) return 'title';
  return undefined;
}

function toSignature(line: Line, kind: SignatureLine['kind']): SignatureLine {
  return { start: line.cs, end: line.ce, text: line.text, kind };
}

function span(line: Line): TextSpan {
  return { start: line.cs, end: line.ce, text: line.text };
}

function readEnding(input: LayoutInput, lines: readonly Line[]): EndingRead {
  if (lines.length === 0) return { kind: 'none', signature: [] };
  // Each line is asked about more than once below: remembered.
  const kinds = new Map<Line, SignatureLine['kind'] | undefined>();
  const signatureKind = (line: Line): SignatureLine['kind'] | undefined => {
    if (!kinds.has(line)) kinds.set(line, lineSignatureKind(line, input));
    return kinds.get(line);
  };
  let main = lines;
  let postscript: Line[] = [];
  const ps = lines.findIndex((l, i) => i > 0 && !l.opaque && POSTSCRIPT.test(l.text));
  if (ps > 0) {
    main = lines.slice(0, ps);
    postscript = lines.slice(ps);
  }
  const psLines = postscript.map((l) => toSignature(l, 'postscript'));
  const psSpan: TextSpan | undefined = postscript.length
    ? { start: postscript[0].cs, end: postscript[postscript.length - 1].ce, text: input.text.slice(postscript[0].cs, postscript[postscript.length - 1].ce) }
    : undefined;

  // From the last line up: a closing, with only signature lines after it.
  const low = Math.max(0, main.length - MAX_ENDING_LINES);
  for (let i = main.length - 1; i >= low; i--) {
    const line = main[i];
    if (line.opaque) break;
    const sameLine = closingWithName(line, input);
    const after = main.slice(i + 1);
    if (sameLine) {
      return {
        kind: 'signed',
        closing: sameLine.closing,
        name: sameLine.name,
        signature: [...after.map((l) => toSignature(l, signatureKind(l) ?? 'title')), ...psLines],
        bodyEnd: sameLine.closing.start,
        postscript: psSpan,
      };
    }
    // A closing of one's own words ("Thanks again for the tour.") is one only with a name under it; "Best regards," is one alone.
    const closing = bare(line.text);
    if (CLOSING_START.test(closing.replace(/[,.!]$/, '')) || (isClosingLine(closing) && after.length > 0 && signatureKind(after[0]) === 'name')) {
      const signature = after.map((l) => toSignature(l, signatureKind(l) ?? 'title'));
      const nameLine = after.find((_, k) => signature[k].kind !== 'contact');
      const read: EndingRead = {
        kind: after.length ? 'signed' : 'closing-only',
        closing: span(line),
        signature: [...signature, ...psLines],
        bodyEnd: line.cs,
      };
      if (nameLine) read.name = span(nameLine);
      if (psSpan) read.postscript = psSpan;
      return read;
    }
    if (!signatureKind(line)) break;
  }

  // No closing: a name (or a name slot) at the end, perhaps with a title and contact lines under it.
  let top = main.length;
  while (top - 1 >= 1 && main.length - top < 6 && signatureKind(main[top - 1])) top--;
  for (let k = top; k < main.length; k++) {
    if (signatureKind(main[k]) !== 'name') continue;
    // The first name-like line of the block is the name; short lines above it are the message's.
    const block = main.slice(k);
    return {
      kind: 'name-only',
      name: span(main[k]),
      signature: [...block.map((l, j) => toSignature(l, j === 0 ? 'name' : (signatureKind(l) ?? 'title'))), ...psLines],
      bodyEnd: main[k].cs,
      postscript: psSpan,
    };
  }
  const read: EndingRead = { kind: 'none', signature: psLines, lastLine: span(main[main.length - 1]) };
  if (psSpan) read.postscript = psSpan;
  return read;
}

/** "Best, Sam", "Thanks so much! — Ana", "— Sam": a closing and the name on one line. */
function closingWithName(line: Line, input: LayoutInput): { closing: TextSpan; name: TextSpan } | undefined {
  if (line.opaque) return undefined;
  const text = line.text;
  const dash = DASH_SIGNATURE.exec(text);
  if (dash) {
    const nameText = dash[1];
    if (!isNameLine(nameText, input)) return undefined;
    const nameStart = line.cs + text.length - nameText.length;
    const before = text.slice(0, dash.index).trim();
    // "— Sam" alone: the dash is the closing. "Thanks again! – Sam": the closing comes before it.
    // A dash after a sentence of the message is an aside, not a signature.
    if (before && !isClosingLine(bare(before))) return undefined;
    const dashStart = line.cs + dash.index + (dash[0].length - dash[0].trimStart().length);
    const closingStart = before ? line.cs : dashStart;
    const closingEnd = before ? line.cs + text.indexOf(before) + before.length : nameStart;
    return {
      closing: { start: closingStart, end: closingEnd, text: input.text.slice(closingStart, closingEnd).trim() },
      name: { start: nameStart, end: line.ce, text: nameText },
    };
  }
  const oneLine = /^([*_]*)(.{1,40}?)[,!]\s+(.+?)[*_]*$/.exec(text);
  if (oneLine && CLOSING_START.test(oneLine[2]) && isNameLine(oneLine[3], input)) {
    const closingStart = line.cs + oneLine[1].length;
    const closingEnd = closingStart + oneLine[2].length + 1;
    const nameStart = line.cs + text.lastIndexOf(oneLine[3]);
    return {
      closing: { start: closingStart, end: closingEnd, text: input.text.slice(closingStart, closingEnd) },
      name: { start: nameStart, end: nameStart + oneLine[3].length, text: oneLine[3] },
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Body paragraphs

/** A line that ends a sentence. */
const SENTENCE_END = /[.!?:;)\]"'\u201d\u2019…]$/;
const LIST_OR_QUOTE = /^(?:[-*+]|\d{1,9}[.)]|>)(?:\s|$)/;

/**
 * The body's paragraphs: runs of lines between blank lines; a run whose lines all end a sentence
 * (an e-mail copied with single line breaks) is one paragraph per line. Lists and quotes stay one.
 */
function bodyParagraphs(text: string, lines: readonly Line[], body: Span): Span[] {
  const out: Span[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (!run.length) return;
    const splits = run.length > 1 && !run.some((l) => l.opaque || LIST_OR_QUOTE.test(l.text)) && run.slice(0, -1).every((l) => SENTENCE_END.test(l.text));
    if (splits) for (const l of run) out.push({ start: l.cs, end: l.ce });
    else out.push({ start: run[0].cs, end: run[run.length - 1].ce });
    run = [];
  };
  for (const line of lines) {
    if (line.text === '' || line.ce <= body.start || line.cs >= body.end) {
      flush();
      continue;
    }
    if (line.cs >= body.start && line.ce <= body.end) {
      run.push(line);
      continue;
    }
    // The greeting's or the closing's line: only its part inside the body.
    const clipped = trimmedSpan(text, Math.max(line.cs, body.start), Math.min(line.ce, body.end));
    if (clipped) run.push({ ...line, cs: clipped.start, ce: clipped.end, text: clipped.text });
  }
  flush();
  return out;
}
