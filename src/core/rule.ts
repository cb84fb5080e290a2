/**
 * The rule framework: `defineRule(meta, check)`, findings and fixes as data.
 *
 * A rule reports a message, a range and its fixes. It never sets its own id,
 * severity or docs URL: the registry (index.ts) stamps those from the rule's
 * metadata and the user's configuration.
 */
import type { Note, Scenario, Span } from './note';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Replace `[start, end)` of the note's text with `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
  /**
   * The same insertion in VS Code snippet syntax (tab stops, choices), for
   * editors that support it. `newText` is the plain equivalent.
   */
  snippet?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * `fix`: corrects the finding (a quick fix). `section`: inserts a personalized
   * section the writer will want to edit (a code action, never applied by --fix).
   */
  kind: 'fix' | 'section';
  /** Safe to apply without looking (`--fix`, fix-all on save). */
  safe: boolean;
  /** Words to add to the `.notecoach.json` word list instead of editing the note. */
  addWords?: string[];
}

export interface RelatedLocation extends Span {
  message: string;
  /** Another file (workspace rules); the note itself when absent. */
  file?: string;
}

/** What a rule reports. */
export interface Report extends Span {
  message: string;
  fixes?: Fix[];
  related?: RelatedLocation[];
  /** Replacement candidates, when the message names some. */
  expected?: string[];
}

/** A finding as the registry hands it out. */
export interface Finding extends Report {
  ruleId: string;
  severity: Severity;
  docsUrl: string;
  fixes: Fix[];
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type OptionType = 'number' | 'integer' | 'string' | 'boolean' | 'string[]';

export interface OptionSpec {
  type: OptionType;
  default: unknown;
  description: string;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
}

export interface RuleMeta {
  id: string;
  /** One line, ending without a period, as in markdownlint. */
  description: string;
  severity: Severity;
  /** Whether the rule offers fixes or section actions. */
  fixable: boolean;
  /** The scenarios the rule applies to; all when absent. */
  scenarios?: readonly Scenario[];
  tags: readonly string[];
  options?: Record<string, OptionSpec>;
  /** Seed documents that motivate the rule (file-name prefixes such as "002"). */
  sources?: readonly string[];
  /** Cheap rules still run on notes above the size limit. */
  cheap?: boolean;
  /** `workspace`: compares the note with the other notes; runs only when the caller passes them. */
  scope?: 'note' | 'workspace';
}

/** Other notes of the workspace, for rules that look across notes. */
export interface WorkspaceNote {
  file: string;
  note: Note;
}

export interface RuleContext<O = Record<string, unknown>> {
  readonly note: Note;
  /** The rule's options, defaults filled in and validated. */
  readonly options: O;
  /** The instant rules compare dates against; the caller decides it (tests fix it). */
  readonly now: Date;
  /** Extra accepted words (configuration `words`). */
  readonly words: readonly string[];
  /** The writer's name from configuration, when the front matter has no `from`. */
  readonly from?: string;
  /** The spelling dictionary chosen in configuration. */
  readonly dictionary: 'en-US' | 'en-GB';
  /** The other notes, when the caller has a workspace. */
  readonly workspace?: readonly WorkspaceNote[];
  /** This note's file, when known. */
  readonly file?: string;
  report(report: Report): void;
}

export interface Rule<O = Record<string, unknown>> {
  meta: RuleMeta;
  check(context: RuleContext<O>): void;
}

export function defineRule<O = Record<string, unknown>>(meta: RuleMeta, check: (context: RuleContext<O>) => void): Rule<O> {
  if (!/^[a-z]+(-[a-z]+)*$/.test(meta.id)) throw new Error(`Rule id "${meta.id}" must be kebab-case.`);
  return { meta: Object.freeze({ ...meta }), check };
}

/** A fix that deletes a span (and the white space that would be left doubled). */
export function removalFix(title: string, text: string, span: Span, safe = false): Fix {
  let { start, end } = span;
  // Take one neighbouring space with it, so "a b c" minus "b" reads "a c".
  if (text[end] === ' ') end += 1;
  else if (start > 0 && text[start - 1] === ' ') start -= 1;
  return { title, kind: 'fix', safe, edits: [{ start, end, newText: '' }] };
}

export function replacementFix(title: string, span: Span, newText: string, safe = false): Fix {
  return { title, kind: 'fix', safe, edits: [{ start: span.start, end: span.end, newText }] };
}
