/** The analysis runner with scripted workers: budgets, replacement by the spare, priorities, keys, crashes. */
import assert from 'node:assert/strict';
import { AnalysisRunner, type WorkerPort } from '../../src/server/runner';
import { ACTION_KINDS, type WorkerEnvelope, type WorkerReply, type WorkerRequest } from '../../src/server/protocol';
import * as shared from '../../src/shared/codeActions';

/** A worker that becomes ready at once and answers each request after `delay(request)` ms (never, for Infinity). */
class ScriptedWorker implements WorkerPort {
  static all: ScriptedWorker[] = [];
  readonly received: WorkerRequest[] = [];
  terminated = false;
  private listener: ((reply: WorkerReply) => void) | undefined;
  private exitListener: ((reason: string) => void) | undefined;

  constructor(private readonly delay: (request: WorkerRequest) => number) {
    ScriptedWorker.all.push(this);
    setTimeout(() => this.listener?.({ event: 'ready' }), 0);
  }
  post(message: WorkerEnvelope): void {
    this.received.push(message.request);
    const ms = this.delay(message.request);
    if (ms === -1) setTimeout(() => this.exitListener?.('crashed'), 0);
    else if (Number.isFinite(ms)) setTimeout(() => !this.terminated && this.listener?.({ id: message.id, ok: true, value: message.request.type }), ms);
  }
  onMessage(listener: (reply: WorkerReply) => void): void {
    this.listener = listener;
  }
  onExit(listener: (reason: string) => void): void {
    this.exitListener = listener;
  }
  terminate(): void {
    this.terminated = true;
  }
}

const analyze = (file: string): WorkerRequest => ({ type: 'analyze', file, text: file, layers: [] });
const stuckOn = (name: string) => (request: WorkerRequest) => ('file' in request && request.file === name ? Infinity : 5);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('server: the analysis runner', () => {
  beforeEach(() => {
    ScriptedWorker.all = [];
  });

  it('answers requests one at a time, in order', async () => {
    const runner = new AnalysisRunner(() => new ScriptedWorker(() => 5), 1000);
    const outcomes = await Promise.all([runner.run(analyze('a')), runner.run(analyze('b'))]);
    assert.deepEqual(outcomes, [{ status: 'done', value: 'analyze' }, { status: 'done', value: 'analyze' }]);
    assert.deepEqual(ScriptedWorker.all[0].received.map((r) => 'file' in r && r.file), ['a', 'b']);
    runner.dispose();
  });

  it('stops a request past the budget, hands over to the spare, and runs the next request there', async () => {
    let restarts = 0;
    const runner = new AnalysisRunner(() => new ScriptedWorker(stuckOn('slow')), 100, { onRestart: () => restarts++ }, 0);
    await runner.run(analyze('warm'));
    await wait(20); // the spare starts once the first worker is ready
    assert.equal(ScriptedWorker.all.length, 2);
    const slow = runner.run(analyze('slow'));
    const quick = runner.run(analyze('quick'));
    assert.deepEqual(await slow, { status: 'timeout', budgetMs: 100 });
    assert.deepEqual(await quick, { status: 'done', value: 'analyze' });
    const [first, spare] = ScriptedWorker.all;
    assert.ok(first.terminated, 'the stuck worker was stopped');
    assert.deepEqual(spare.received.map((r) => 'file' in r && r.file), ['quick'], 'the spare took over');
    await wait(10);
    assert.equal(restarts, 1, 'onRestart told the server to give the new worker the workspace');
    runner.dispose();
  });

  it('runs interactive requests before background ones, those before idle ones, and a newer request replaces a queued one with its key', async () => {
    const runner = new AnalysisRunner(() => new ScriptedWorker(() => 5), 1000);
    const first = runner.run(analyze('running'));
    const idle = runner.run({ type: 'dictionary', language: 'en-US' }, { idle: true });
    const background = runner.run({ type: 'forget', file: 'x' }, { background: true });
    const old = runner.run(analyze('a'), { key: 'analyze:a' });
    const newer = runner.run({ ...analyze('a'), text: 'newer' } as WorkerRequest, { key: 'analyze:a' });
    assert.deepEqual(await old, { status: 'superseded' });
    await Promise.all([first, idle, background, newer]);
    assert.deepEqual(
      ScriptedWorker.all[0].received.map((r) => r.type + ('text' in r ? `:${r.text}` : '')),
      ['analyze:running', 'analyze:newer', 'forget', 'dictionary'],
    );
    runner.dispose();
  });

  it('replaces a worker that crashes, and gives up after repeated crashes', async () => {
    const runner = new AnalysisRunner(() => new ScriptedWorker(() => -1), 1000);
    const outcomes = [];
    for (let i = 0; i < 7; i++) outcomes.push(await runner.run(analyze(`n${i}`)));
    assert.equal(outcomes[0].status, 'failed');
    assert.match((outcomes.at(-1) as { message: string }).message, /keeps stopping/);
    assert.equal(runner.status().broken !== undefined, true);
    runner.dispose();
  });
});

describe('server: the code-action kinds it announces', () => {
  it('are the shared planner kinds', () => {
    assert.deepEqual(ACTION_KINDS, { quickFix: shared.QUICK_FIX_KIND, section: shared.SECTION_KIND, fixAll: shared.FIX_ALL_KIND });
  });
});
