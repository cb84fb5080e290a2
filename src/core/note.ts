/**
 * The Note model: everything a rule may look at, with UTF-16 offsets into the
 * original text (so a range maps 1:1 onto `TextDocument.positionAt`).
 *
 * Pure data; built by `parseNote` in parse.ts.
 */
import type { LimitExceeded } from './limits';
import type { Root as MdastRoot } from 'mdast';

export const SCENARIOS = [
  'after-interview',
  'phone-screen',
  'panel',
  'after-rejection',
  'champion',
  'poor-fit',
  'new-information',
  'check-in',
  'staff-thanks',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const CHANNELS = ['email', 'handwritten', 'linkedin', 'text'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STATUSES = ['draft', 'sent'] as const;
export type Status = (typeof STATUSES)[number];

/** A half-open range `[start, end)` of UTF-16 offsets into the note's text. */
export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

/** The front matter as typed values. A value of the wrong type is left out here (valid-front-matter reports it). */
export interface FrontMatter {
  to?: string;
  email?: string;
  company?: string;
  role?: string;
  /** As written; see `interviewedAt` for the parsed instant. */
  interviewed?: string;
  interviewedAt?: Date;
  scenario: Scenario;
  channel: Channel;
  topics: string[];
  strengths: string[];
  news?: string;
  from?: string;
  subject?: string;
  status?: Status;
  sent?: string;
  sentAt?: Date;
}

export const FRONT_MATTER_KEYS = [
  'to',
  'email',
  'company',
  'role',
  'interviewed',
  'scenario',
  'channel',
  'topics',
  'strengths',
  'news',
  'from',
  'subject',
  'status',
  'sent',
] as const;
export type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];

/** Where one top-level front-matter entry sits in the text. */
export interface FrontMatterEntry {
  key: string;
  keySpan: Span;
  /** Span of the value node; for an empty value, an empty span after the colon. */
  valueSpan: Span;
  /** The plain JavaScript value YAML produced. */
  value: unknown;
}

export interface YamlProblem extends Span {
  message: string;
}

export interface FrontMatterBlock {
  /** Whether the note has a `---` block at all. */
  present: boolean;
  /** The whole block, fences included (empty span at 0 when absent). */
  span: Span;
  /** The YAML source between the fences. */
  contentSpan: Span;
  /** Parse errors and warnings of the YAML, mapped into the note's text. */
  problems: YamlProblem[];
  /** Top-level entries in source order (duplicates kept). */
  entries: FrontMatterEntry[];
  /** The YAML's top-level value when it is not a mapping (e.g. a list or a scalar). */
  notAMapping: boolean;
}

/**
 * A word. (Words the parser makes also carry the analyzer's memory of their text,
 * lexicon/word-records.ts `recordOf`: not part of the model, never read it here.)
 */
export interface Word extends TextSpan {
  /** Lower-cased text with typographic apostrophes folded to `'`. */
  lower: string;
}

export interface Sentence extends TextSpan {
  words: Word[];
  paragraph: number;
}

export interface Paragraph extends TextSpan {
  sentences: Sentence[];
  /** The mdast type of the block this paragraph came from (paragraph, heading, …). */
  kind: string;
}

export interface Greeting extends Span {
  /** The salutation word(s), e.g. "Dear", "Hi"; empty (at the name) for a bare vocative ("Dan,", "Ms. Smith:"). */
  salutation: TextSpan;
  /** The name after the salutation, when there is one. */
  name?: TextSpan;
  /** Index into `paragraphs`. */
  paragraph: number;
}

export interface SignOff extends Span {
  /** The closing phrase, e.g. "Best regards,". */
  closing: TextSpan;
  /** The signature line(s) after the closing, when present. */
  name?: TextSpan;
}

/** What a line before the greeting is: the header of a letter, a memo or a pasted e-mail. */
export type HeaderKind = 'address' | 'date' | 'memo' | 'subject' | 'reference' | 'heading';

/** A line of the note's layout; `text` is its content (trimmed, comments and hard-break markers removed). */
export interface LayoutLine extends TextSpan {
  kind: string;
}

export interface HeaderLine extends LayoutLine {
  kind: HeaderKind;
}

/** What a line after the closing (or of a signature without one) is. */
export type SignatureKind = 'name' | 'title' | 'contact' | 'postscript';

export interface SignatureLine extends LayoutLine {
  kind: SignatureKind;
}

/** A "Subject:" / "Subject line:" line pasted above the greeting. */
export interface PastedSubject extends Span {
  /** The label with its colon ("Subject:"). */
  label: TextSpan;
  /** What follows the label (quotes kept); empty when there is nothing. */
  value: TextSpan;
}

/**
 * How the note ends: `signed` (a closing and a name), `closing-only` (a closing
 * with no name after it), `name-only` (a name or a signature block without a
 * closing line), `none` (the last line is the message itself).
 */
export type Ending = 'signed' | 'closing-only' | 'name-only' | 'none';

/**
 * The layout of the note's body: which part of a letter or e-mail each line is.
 * Parsed once (layout/read.ts); structure rules and the body's sentences read it.
 */
export interface Layout {
  /** Lines before the greeting (address block, date, memo and reference lines, pasted subject, headings). */
  header: HeaderLine[];
  subject?: PastedSubject;
  /** The message itself: after the greeting (or header), before the closing or signature. */
  body: Span;
  /** The body's first line of text (after the greeting or header), where a missing greeting goes. */
  firstLine?: TextSpan;
  /** The body's paragraphs: blocks between blank lines, and lines of a block whose every line ends a sentence. */
  paragraphs: Span[];
  /** The closing line (or its closing part, for "Best, Sam"). */
  closing?: TextSpan;
  /** Name, title, contact and P.S. lines after the closing, or a signature without a closing. */
  signature: SignatureLine[];
  /** The signature's name line, when there is one. */
  name?: TextSpan;
  /** Where the note ends when it has no sign-off: its last line of text, and a P.S. after it. */
  lastLine?: TextSpan;
  postscript?: TextSpan;
  ending: Ending;
}

export interface HtmlComment extends Span {
  /** The comment's inner text, trimmed. */
  value: string;
  line: number;
}

export interface Note {
  text: string;
  /** Offsets where each line starts (line 1 = index 0). */
  lineStarts: number[];
  frontMatterBlock: FrontMatterBlock;
  frontMatter: FrontMatter;
  /** Everything after the front matter. */
  body: Span;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  words: Word[];
  wordCount: number;
  greeting?: Greeting;
  signOff?: SignOff;
  /** Header, greeting, body, closing and signature. */
  layout: Layout;
  comments: HtmlComment[];
  /** Spans that are code, URLs or e-mail addresses: not prose. */
  sourceSpans: Span[];
  /** Blocks too large to split into sentences; the prose rules did not see them. */
  skippedProse: Span[];
  /** Whether paragraphs were split into sentences and words (not for a note parsed light, above its size limit). */
  prose: boolean;
  /**
   * Set when the note's Markdown goes past a structural limit (core/limits.ts):
   * it was then parsed as plain paragraphs, light, and gets only the quick checks.
   */
  overLimit?: LimitExceeded;
  /** The Markdown tree (positions are offsets into the BOM-less text; add `bomLength`). */
  tree: MdastRoot;
  bomLength: number;
}
