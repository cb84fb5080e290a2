/**
 * Runs the analysis worker's requests one at a time, each within a time
 * budget. A request that outlives its budget stops the worker (it may be stuck
 * in a parse that never yields), a spare worker that has already started and
 * warmed up takes over at once, and the request's caller learns it timed out.
 * So a note holds up the queue for at most one budget, and no request waits
 * behind more than one such note.
 *
 * Interactive requests (a note's diagnostics, code actions, completions) go
 * before background ones (indexing the workspace), and those before idle ones
 * (loading a dictionary). A request with a key
 * replaces a queued one with the same key: only the newest text of a note is
 * worth checking. Browser-safe: the host spawns the worker.
 */
import type { WorkerEnvelope, WorkerReply, WorkerRequest } from './protocol';

export interface WorkerPort {
  post(message: WorkerEnvelope): void;
  onMessage(listener: (reply: WorkerReply) => void): void;
  /** Called once when the worker dies by itself (a crash, out of memory). */
  onExit(listener: (reason: string) => void): void;
  terminate(): void;
}

export type Outcome<T> =
  | { status: 'done'; value: T }
  /** Stopped after the budget; the worker was replaced. */
  | { status: 'timeout'; budgetMs: number }
  | { status: 'failed'; message: string }
  /** A newer request with the same key replaced it before it ran. */
  | { status: 'superseded' };

export interface RunOptions {
  /** A request with the same key still queued is dropped in favour of this one. */
  key?: string;
  background?: boolean;
  /** Only when nothing else waits (loading a dictionary: after the notes and the workspace index). */
  idle?: boolean;
  /** Its own budget instead of the runner's (loading a dictionary). */
  budgetMs?: number;
}

export interface RunnerStatus {
  budgetMs: number;
  /** The worker that takes requests has started and warmed up. */
  ready: boolean;
  /** A spare worker is warm, so a stopped request is followed at once. */
  spareReady: boolean;
  running?: string;
  pending: number;
  broken?: string;
}

interface Job {
  id: number;
  request: WorkerRequest;
  key?: string;
  budgetMs?: number;
  resolve(outcome: Outcome<unknown>): void;
}

/** More crashes than this within CRASH_WINDOW_MS and the worker is not started again. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 10_000;

export class AnalysisRunner {
  /** The worker requests go to, and the one waiting to take over. */
  private active: Slot | undefined;
  private spare: Slot | undefined;
  private spareTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly interactive: Job[] = [];
  private readonly background: Job[] = [];
  private readonly idle: Job[] = [];
  private current: { job: Job; timer: ReturnType<typeof setTimeout>; slot: Slot; started: number } | undefined;
  private nextId = 1;
  /** Dictionaries the notes use, so a spare loads them before it takes over. */
  private readonly languages = new Set<string>();
  private crashes: number[] = [];
  private broken: string | undefined;
  private disposed = false;

  constructor(
    private readonly spawn: () => WorkerPort,
    readonly budgetMs: number,
    private readonly events: {
      /** A new worker replaced one that was stopped or died: it knows no notes yet. */
      onRestart?(): void;
      onEvent?(reply: Extract<WorkerReply, { event: string }>): void;
      log?(message: string): void;
      /** Every dispatch and answer, with its time (NOTE_COACH_LS_TRACE=1 in the Node server). */
      trace?(message: string): void;
    } = {},
    /** How long after the active worker is ready the spare starts (it competes for the CPU with the first notes). */
    private readonly spareDelayMs = 1000,
  ) {
    this.active = this.start();
  }

  run<T>(request: WorkerRequest, options: RunOptions = {}): Promise<Outcome<T>> {
    if (this.broken || this.disposed) return Promise.resolve({ status: 'failed', message: this.broken ?? 'The server is shutting down.' });
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, request, key: options.key, budgetMs: options.budgetMs, resolve: resolve as Job['resolve'] };
      const queue = options.idle ? this.idle : options.background ? this.background : this.interactive;
      if (job.key !== undefined) {
        for (const list of [this.interactive, this.background, this.idle]) {
          const at = list.findIndex((j) => j.key === job.key);
          if (at >= 0) list.splice(at, 1)[0].resolve({ status: 'superseded' });
        }
      }
      queue.push(job);
      this.dispatch();
    });
  }

  /** What the runner is doing, for the status request and tests. */
  status(): RunnerStatus {
    return {
      budgetMs: this.budgetMs,
      ready: Boolean(this.active?.ready),
      spareReady: Boolean(this.spare?.ready),
      running: this.current?.job.request.type,
      pending: this.interactive.length + this.background.length + this.idle.length,
      broken: this.broken,
    };
  }

  dispose(): void {
    this.disposed = true;
    if (this.current) clearTimeout(this.current.timer);
    clearTimeout(this.spareTimer);
    for (const job of [...this.interactive, ...this.background, ...this.idle, ...(this.current ? [this.current.job] : [])]) job.resolve({ status: 'failed', message: 'The server is shutting down.' });
    this.interactive.length = 0;
    this.background.length = 0;
    this.idle.length = 0;
    this.current = undefined;
    this.active?.port.terminate();
    this.spare?.port.terminate();
    this.active = this.spare = undefined;
  }

  private start(): Slot | undefined {
    let port: WorkerPort;
    try {
      port = this.spawn();
    } catch (error) {
      this.fail(`The analysis worker could not be started: ${(error as Error)?.message ?? String(error)}`);
      return undefined;
    }
    const slot: Slot = { port, ready: false };
    port.onMessage((reply) => this.received(slot, reply));
    port.onExit((reason) => this.exited(slot, reason));
    return slot;
  }

  private dispatch(): void {
    const slot = this.active;
    if (this.current || !slot?.ready || this.disposed) return;
    const job = this.interactive.shift() ?? this.background.shift() ?? this.idle.shift();
    if (!job) return;
    const timer = setTimeout(() => this.timedOut(slot), job.budgetMs ?? this.budgetMs);
    this.current = { job, timer, slot, started: Date.now() };
    this.events.trace?.(`dispatch #${job.id} ${describe(job.request)}`);
    slot.port.post({ id: job.id, request: job.request });
  }

  private received(slot: Slot, reply: WorkerReply): void {
    if ('event' in reply) {
      if (reply.event === 'ready') {
        slot.ready = true;
        this.events.trace?.(slot === this.active ? 'worker ready' : 'spare ready');
        if (slot === this.active) {
          this.scheduleSpare();
          this.dispatch();
        } else {
          // The spare is idle: it loads the dictionaries the active worker uses now, not after taking over.
          for (const language of this.languages) slot.port.post({ id: 0, request: { type: 'dictionary', language } });
        }
      } else if (slot === this.active) {
        if (reply.event === 'dictionaryWanted') {
          this.languages.add(reply.language);
          if (this.spare?.ready) this.spare.port.post({ id: 0, request: { type: 'dictionary', language: reply.language } });
        }
        this.events.onEvent?.(reply);
      }
      return;
    }
    const current = this.current;
    if (!current || current.slot !== slot || current.job.id !== reply.id) return;
    clearTimeout(current.timer);
    this.current = undefined;
    this.events.trace?.(`done #${current.job.id} in ${Date.now() - current.started} ms`);
    current.job.resolve(reply.ok ? { status: 'done', value: reply.value } : { status: 'failed', message: reply.error });
    this.dispatch();
  }

  private timedOut(slot: Slot): void {
    const current = this.current;
    if (!current || current.slot !== slot) return;
    this.current = undefined;
    const budgetMs = current.job.budgetMs ?? this.budgetMs;
    this.events.log?.(`A ${current.job.request.type} request ran past ${budgetMs} ms; the analysis worker was stopped and replaced.`);
    current.job.resolve({ status: 'timeout', budgetMs });
    this.replace(slot);
  }

  private exited(slot: Slot, reason: string): void {
    if (this.disposed) return;
    if (slot === this.spare) {
      this.spare = undefined;
      this.scheduleSpare();
      return;
    }
    if (slot !== this.active) return;
    const current = this.current;
    if (current) clearTimeout(current.timer);
    this.current = undefined;
    this.events.log?.(`The analysis worker stopped (${reason}); starting a new one.`);
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    if (this.crashes.length > MAX_CRASHES) {
      this.fail(`The analysis worker keeps stopping (${reason}); Note Coach has stopped checking notes.`);
      current?.job.resolve({ status: 'failed', message: this.broken! });
      return;
    }
    current?.job.resolve({ status: 'failed', message: `The analysis worker stopped (${reason}).` });
    this.replace(slot);
  }

  /**
   * The spare takes over from a worker that was stopped or died (a new one
   * starts when there is no spare yet). The caller's outcome is settled first;
   * onRestart runs on the next turn, once its handlers have run.
   */
  private replace(slot: Slot): void {
    slot.port.terminate();
    this.active = this.spare ?? this.start();
    this.spare = undefined;
    if (!this.active) return;
    if (this.active.ready) this.scheduleSpare();
    setTimeout(() => this.events.onRestart?.(), 0);
    this.dispatch();
  }

  private scheduleSpare(): void {
    if (this.spare || this.spareTimer || this.disposed || this.broken) return;
    this.spareTimer = setTimeout(() => {
      this.spareTimer = undefined;
      if (!this.spare && !this.disposed && !this.broken) this.spare = this.start();
    }, this.spareDelayMs);
  }

  private fail(message: string): void {
    this.broken = message;
    this.events.log?.(message);
    this.active = undefined;
    for (const job of [...this.interactive, ...this.background, ...this.idle]) job.resolve({ status: 'failed', message });
    this.interactive.length = 0;
    this.background.length = 0;
    this.idle.length = 0;
  }
}

function describe(request: WorkerRequest): string {
  return 'file' in request ? `${request.type} ${request.file}` : request.type;
}

interface Slot {
  port: WorkerPort;
  /** It has said it is ready: requests are timed from dispatch on, not from its start-up. */
  ready: boolean;
}
