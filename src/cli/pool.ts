// Where units are scored: in this thread, or on a pool of worker threads started only once the
// input is big enough to repay their start-up. Results always come back in input order, and only
// a bounded number of units is ever in flight, so memory stays flat however large the input.
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { createScorer, type WorkResult, type WorkSettings, type WorkUnit } from './units.js';

export interface Executor {
  run(unit: WorkUnit, bytes: number): Promise<WorkResult>;
  close(): Promise<void>;
}

/** The compiled worker. From the TypeScript sources (tests), the built copy in dist/ is used. */
export function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/cli/worker.js', here) : new URL('./worker.js', here);
}

interface Task {
  id: number;
  unit: WorkUnit;
  resolve(items: WorkResult): void;
  reject(err: Error): void;
}

export type WorkerReply = { id: number; result: WorkResult } | { id: number; error: string };

/** A fixed set of worker threads taking units from one queue, as each becomes free. */
export class WorkerPool implements Executor {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private readonly workers: Worker[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  constructor(size: number, settings: WorkSettings) {
    // Loaded here, not at start-up: a small run never starts a worker.
    const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerUrl(), { workerData: settings });
      worker.on('message', (reply: WorkerReply) => this.settle(worker, reply));
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.failure) this.fail(new Error(`a worker stopped (exit code ${code})`));
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  run(unit: WorkUnit): Promise<WorkResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, unit, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      // NDJSON bytes move to the worker rather than being copied (this thread is done with them).
      const transfer = task.unit.kind === 'ndjson' ? [task.unit.bytes.buffer as ArrayBuffer] : [];
      worker.postMessage({ id: task.id, unit: task.unit }, transfer);
    }
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    if (task) {
      if ('error' in reply) task.reject(new Error(reply.error));
      else task.resolve(reply.result);
    }
    this.dispatch();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const task of [...this.busy.values(), ...this.queue.splice(0)]) task.reject(this.failure);
    this.busy.clear();
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the pool is closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Scores in this thread: for --jobs 1 and for inputs too small to be worth a worker. */
export class InlineExecutor implements Executor {
  private readonly score: (unit: WorkUnit) => WorkResult;
  constructor(settings: WorkSettings) {
    this.score = createScorer(settings);
  }
  async run(unit: WorkUnit): Promise<WorkResult> {
    return this.score(unit);
  }
  async close(): Promise<void> {}
}

/**
 * In this thread until `threshold` bytes of input have been seen, then on `jobs` workers: one
 * small call never pays ~40 ms a worker to start, and a big batch uses every core.
 */
export class LazyPool implements Executor {
  private inline: InlineExecutor | undefined;
  private pool: WorkerPool | undefined;
  private seen = 0;

  constructor(
    private readonly jobs: number,
    private readonly settings: WorkSettings,
    private readonly threshold: number,
  ) {}

  run(unit: WorkUnit, bytes: number): Promise<WorkResult> {
    this.seen += bytes;
    if (!this.pool && this.jobs > 1 && this.seen > this.threshold) this.pool = new WorkerPool(this.jobs, this.settings);
    if (this.pool) return this.pool.run(unit);
    this.inline ??= new InlineExecutor(this.settings);
    return this.inline.run(unit);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/**
 * Runs `work` on each item with at most `limit` in flight, and yields the results in the order of
 * the items. Reading the next item waits while the window is full: that is the back-pressure.
 */
export async function* inOrder<T, R>(items: AsyncIterable<T>, work: (item: T) => Promise<R>, limit: number): AsyncGenerator<R> {
  const window: Promise<R>[] = [];
  for await (const item of items) {
    const p = work(item);
    p.catch(() => {}); // awaited below in its turn; this only stops an early "unhandled" report
    window.push(p);
    while (window.length >= limit) yield await window.shift()!;
  }
  while (window.length > 0) yield await window.shift()!;
}
