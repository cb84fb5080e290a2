/**
 * What the language server's main thread and its analysis worker say to each
 * other. Everything is plain data (structured-cloneable): offsets are UTF-16
 * indices into the text sent with the request.
 */
import type { ConfigLayer, ConfigProblem, Finding, TextEdit } from '../core/index';
import type { PlannedAction } from '../shared/codeActions';
import type { PlannedCompletion, SnippetDefinition } from '../shared/completions';

export interface AnalyzeRequest {
  type: 'analyze';
  file: string;
  text: string;
  layers: ConfigLayer[];
  docsBaseUrl?: string;
}

export type WorkerRequest =
  /** Keep (or replace) a note of the workspace, parsed, for the rules that compare notes. */
  | { type: 'index'; file: string; text: string; layers: ConfigLayer[] }
  | { type: 'forget'; file: string }
  /** Load a spelling dictionary now (a rule asked for it: `dictionaryWanted`). */
  | { type: 'dictionary'; language: string }
  | AnalyzeRequest
  /** The code actions for the findings at `selected` (indexes into the analysis of exactly `text`). */
  | (Omit<AnalyzeRequest, 'type'> & { type: 'actions'; selected: number[]; refactorings: boolean; fixAll: boolean })
  | { type: 'complete'; text: string; offset: number; invoked: boolean; snippets: Record<string, SnippetDefinition> };

/** What the cross-note re-checks need to know about a note. */
export interface NoteMeta {
  companyKey: string;
  to?: string;
  company?: string;
}

export interface AnalyzeResult {
  findings: Finding[];
  /** What is wrong with the configuration's layers (unknown rules, bad values). */
  configProblems: ConfigProblem[];
  meta: NoteMeta;
  /** Whether Fix All would change anything (a safe first fix somewhere). */
  fixable: boolean;
}

/** A planned action whose findings are indexes into the analysis it came from. */
export type WireAction = Omit<PlannedAction, 'findings'> & { findings: number[] };

export interface ActionsResult {
  quickFixes: WireAction[];
  refactorings: WireAction[];
  /** Fix All, when a safe fix exists; its one edit when asked for (`fixAll`). */
  fixAll?: { title: string; kind: string; edit?: TextEdit };
}

export type CompleteResult = PlannedCompletion[];

/** The code-action kinds the server offers (the shared planner's kinds). */
export const ACTION_KINDS = { quickFix: 'quickfix', section: 'refactor.rewrite.noteCoach', fixAll: 'source.fixAll.noteCoach' } as const;

export interface WorkerEnvelope {
  id: number;
  request: WorkerRequest;
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string }
  /** Unsolicited: a rule needs this dictionary; the main thread sends a `dictionary` request when it suits. */
  | { event: 'dictionaryWanted'; language: string }
  /** Unsolicited: a spelling dictionary finished loading (check the open notes again). */
  | { event: 'dictionaryReady'; language: string }
  /** Unsolicited: the worker has loaded and warmed up; requests are timed from now on. */
  | { event: 'ready' };
