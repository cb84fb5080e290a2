/**
 * The analysis worker's logic, for any worker host (worker_threads in Node, a
 * Web Worker in the browser): the workspace index, analysis, code actions,
 * Fix All and completions. It runs where it can be stopped: the main thread
 * terminates the worker when a request outlives its time budget.
 *
 * Browser-safe: the host wires `handle` to its message port.
 */
import { analyze, companyKey, fixAll, NoteIndex, type Analysis, type Finding } from '../core/index';
import { loadDictionary, onDictionaryReady, registerDictionaryLoader, type DictionaryLanguage, type DictionaryLoader } from '../core/spelling/dictionary';
import { resolveLayers } from '../shared/resolve';
import { FIX_ALL_KIND, FIX_ALL_TITLE, hasSafeFix, quickFixActions, sectionRefactorings, type PlannedAction } from '../shared/codeActions';
import { completionsAt } from '../shared/completions';
import { minimalEdit } from '../shared/edits';
import type { ActionsResult, AnalyzeRequest, AnalyzeResult, CompleteResult, WireAction, WorkerEnvelope, WorkerReply, WorkerRequest } from './protocol';

const WARM_UP_NOTE = `---
to: Jo Park
company: Example Co
role: Analyst
topics: [the quarterly report]
---

Dear Jo,

Thank you for the conversation on Monday about the quarterly report. I enjoyed hearing how the team plans the next release!

I am still keen on the Analyst role and look forward to the next steps.

Best regards,
Lee
`;

interface Kept {
  text: string;
  layers: string;
  /** The index generation the note was compared against. */
  generation: number;
  analysis: Analysis;
}

export class AnalysisWorker {
  private readonly index = new NoteIndex();
  /** The last analysis per note, for the code actions asked for right after it. */
  private readonly kept = new Map<string, Kept>();

  /** Dictionaries a rule asked for, waiting for the main thread's go (a `dictionary` request). */
  private readonly gates = new Map<string, { open(): void; opened: Promise<void> }>();

  /**
   * `read` fetches a dictionary's files. Opening them is quick for the
   * compiled dictionaries that ship, but compiling Hunspell files (running
   * from the sources) takes seconds of this thread, which must not count against a
   * note's time budget: when a rule first asks for a language, the worker only
   * says so (`dictionaryWanted`), and loads it when the main thread sends a
   * `dictionary` request, which has a budget of its own.
   */
  constructor(
    private readonly post: (reply: WorkerReply) => void,
    read: DictionaryLoader,
  ) {
    registerDictionaryLoader(async (language) => {
      await this.gate(language).opened;
      return read(language);
    });
    onDictionaryReady((language) => this.post({ event: 'dictionaryReady', language }));
  }

  private gate(language: string, announce = true) {
    let gate = this.gates.get(language);
    if (!gate) {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      this.gates.set(language, (gate = { open, opened }));
      if (announce) this.post({ event: 'dictionaryWanted', language });
    }
    return gate;
  }

  /**
   * Run every rule once on a small note, so the first real note does not pay
   * for compiling the analyzer; then say so. The rules that use the speller stay
   * off here: the dictionary loads after the first real note is answered.
   */
  warmUp(): void {
    try {
      analyze(WARM_UP_NOTE, { config: resolveLayers([{ source: 'warm-up', value: { rules: { spelling: 'off', capitalization: 'off' } } }]).config });
    } finally {
      this.post({ event: 'ready' });
    }
  }

  async handle(envelope: WorkerEnvelope): Promise<void> {
    try {
      this.post({ id: envelope.id, ok: true, value: await this.run(envelope.request) });
    } catch (error) {
      this.post({ id: envelope.id, ok: false, error: (error as Error)?.stack ?? String(error) });
    }
  }

  run(request: WorkerRequest): unknown {
    switch (request.type) {
      case 'dictionary':
        this.gate(request.language).open();
        // en-US also reads the en-GB words (British spellings pass): that read belongs to this request.
        if (request.language === 'en-US') this.gate('en-GB', false).open();
        return loadDictionary(request.language as DictionaryLanguage);
      case 'index':
        this.index.set(request.file, request.text, { maxFileSize: resolveLayers(request.layers).config.maxFileSize });
        return undefined;
      case 'forget':
        this.index.delete(request.file);
        this.kept.delete(request.file);
        return undefined;
      case 'analyze':
        return this.analyze(request);
      case 'actions':
        return this.actions(request);
      case 'complete':
        return completionsAt(request.text, request.offset, request.snippets, { invoked: request.invoked }) satisfies CompleteResult;
    }
  }

  private analysisOf(request: Omit<AnalyzeRequest, 'type'>): Analysis {
    const layers = JSON.stringify(request.layers);
    const kept = this.kept.get(request.file);
    if (kept && kept.text === request.text && kept.layers === layers && kept.generation === this.index.generation) return kept.analysis;
    const { config } = resolveLayers(request.layers);
    // The note itself joins the index (parsed once); the analysis reuses that model.
    const entry = this.index.set(request.file, request.text, { maxFileSize: config.maxFileSize });
    const analysis = analyze(entry.note, { config, file: request.file, workspace: this.index.others(request.file), docsBaseUrl: request.docsBaseUrl });
    this.kept.set(request.file, { text: request.text, layers, generation: this.index.generation, analysis });
    return analysis;
  }

  private analyze(request: AnalyzeRequest): AnalyzeResult {
    const analysis = this.analysisOf(request);
    const { frontMatter } = analysis.note;
    return {
      configProblems: resolveLayers(request.layers).problems,
      findings: analysis.findings,
      meta: { companyKey: companyKey(frontMatter.company), company: frontMatter.company, to: frontMatter.to },
      fixable: hasSafeFix(analysis.findings),
    };
  }

  private actions(request: Extract<WorkerRequest, { type: 'actions' }>): ActionsResult {
    const analysis = this.analysisOf(request);
    const { note, findings } = analysis;
    const selected = request.selected.map((i) => findings[i]).filter((f): f is Finding => f !== undefined);
    const quick = quickFixActions(note, selected);
    const refactorings = request.refactorings ? sectionRefactorings(note, resolveLayers(request.layers).config.from, quick) : [];
    const wire = (action: PlannedAction): WireAction => ({ ...action, findings: action.findings.map((f) => findings.indexOf(f)) });
    const result: ActionsResult = { quickFixes: quick.map(wire), refactorings: refactorings.map(wire) };
    if (hasSafeFix(findings)) {
      result.fixAll = { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND };
      if (request.fixAll) {
        const { config } = resolveLayers(request.layers);
        const fixed = fixAll(request.text, (text) => analyze(text, { config, file: request.file, docsBaseUrl: request.docsBaseUrl }));
        result.fixAll.edit = minimalEdit(request.text, fixed.text);
      }
    }
    return result;
  }
}
