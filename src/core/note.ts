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
  /** The salutation word(s), e.g. "Dear", "Hi". */
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
