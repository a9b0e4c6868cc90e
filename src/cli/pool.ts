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

/** How big a worker's heap may grow; see WORKER_HEAP. */
export interface HeapLimits {
  /** Old generation, in MB. */
  oldMb: number;
  /** Young generation, in MB. */
  youngMb: number;
}

/**
 * A worker's live data while scoring is ~20–25 MB; left alone, V8 lets a busy heap grow to several
 * times that. The cap bounds each worker's heap whatever the input. The young generation is the
 * size this thread has by default (16 MB semi-spaces): a conversation's turns, features and findings
 * live until it is scored, and a smaller one (24 MB, chosen when a conversation left less behind)
 * promoted them to the old generation, where collecting them took 1.6 times the scavenges and 1.75
 * times the full collections (32 MB, --jobs 2, alternating runs: 5.89 s → 5.11 s wall, 11.2 → 9.8 s
 * of CPU, peak RSS 260 → 308 MB). A unit that needs more than the cap (one enormous transcript) is
 * scored again on this thread, which has no cap, so a cap never costs a result.
 */
export const WORKER_HEAP: HeapLimits = { oldMb: 128, youngMb: 48 };

/**
 * Units sent ahead to each worker: the next one waits in the worker's own queue, so a worker never
 * idles while this thread is busy writing or reading.
 */
const AHEAD = 2;

/** Units this process scored on its own thread after a worker ran out of memory (for tests and notes). */
export const outOfMemoryFallbacks = { units: 0 };

interface Slot {
  worker: Worker;
  /** Tasks sent to this worker, in the order it answers them. */
  tasks: Task[];
}

/** A fixed set of worker threads taking units from one queue, a few at a time each. */
export class WorkerPool implements Executor {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private failure: Error | undefined;
  private fallback: ((unit: WorkUnit) => WorkResult) | undefined;
  private readonly WorkerClass: typeof Worker;

  constructor(
    size: number,
    private readonly settings: WorkSettings,
    private readonly heap: HeapLimits = WORKER_HEAP,
  ) {
    // Loaded here, not at start-up: a small run never starts a worker.
    this.WorkerClass = (createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')).Worker;
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  private start(): Slot {
    const worker = new this.WorkerClass(workerUrl(), {
      workerData: this.settings,
      resourceLimits: { maxOldGenerationSizeMb: this.heap.oldMb, maxYoungGenerationSizeMb: this.heap.youngMb },
    });
    const slot: Slot = { worker, tasks: [] };
    worker.on('message', (reply: WorkerReply) => this.settle(slot, reply));
    worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') this.outOfMemory(slot);
      else this.fail(err);
    });
    worker.on('exit', (code) => {
      if (code !== 0 && !this.failure && this.slots.includes(slot)) this.fail(new Error(`a worker stopped (exit code ${code})`));
    });
    return slot;
  }

  run(unit: WorkUnit): Promise<WorkResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, unit, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (let round = 0; round < AHEAD && this.queue.length > 0; round++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (slot.tasks.length > round) continue;
        const task = this.queue.shift()!;
        slot.tasks.push(task);
        // Copied, not transferred: should the worker run out of memory, this thread scores the unit.
        slot.worker.postMessage({ id: task.id, unit: task.unit });
      }
    }
  }

  private settle(slot: Slot, reply: WorkerReply): void {
    const at = slot.tasks.findIndex((t) => t.id === reply.id);
    if (at >= 0) {
      const [task] = slot.tasks.splice(at, 1);
      if ('error' in reply) task!.reject(new Error(reply.error));
      else task!.resolve(reply.result);
    }
    this.dispatch();
  }

  /** A unit outgrew the worker's heap: score its tasks here, and start a fresh worker in its place. */
  private outOfMemory(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.failure) return;
    if (slot.tasks.length === 0) {
      // Out of memory with nothing to score: the limit is too small to load the program at all.
      return this.fail(new Error(`a worker ran out of memory while starting (its heap limit is ${this.heap.oldMb} MB)`));
    }
    const fresh = this.start();
    this.slots[index] = fresh;
    this.fallback ??= createScorer(this.settings);
    for (const task of slot.tasks.splice(0)) {
      outOfMemoryFallbacks.units++;
      try {
        task.resolve(this.fallback(task.unit));
      } catch (err) {
        task.reject(err as Error);
      }
    }
    this.dispatch();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const task of [...this.slots.flatMap((s) => s.tasks.splice(0)), ...this.queue.splice(0)]) task.reject(this.failure);
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the pool is closed');
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
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
 * In this thread until `threshold` bytes of input have been seen, then on `jobs` workers: a batch
 * too small to repay a worker's warm-up (pipeline.ts, workerThreshold) never pays it, and a big batch
 * uses every core. When the inputs' size is known up front (files), a big batch starts its workers at
 * once instead of scoring its first `threshold` bytes on one core.
 */
export class LazyPool implements Executor {
  private inline: InlineExecutor | undefined;
  private pool: WorkerPool | undefined;
  private seen = 0;

  constructor(
    private readonly jobs: number,
    private readonly settings: WorkSettings,
    private readonly threshold: number,
    /** The inputs' total size where known before reading (files), else 0. */
    private readonly knownBytes = 0,
    private readonly heap: HeapLimits = WORKER_HEAP,
  ) {}

  run(unit: WorkUnit, bytes: number): Promise<WorkResult> {
    this.seen += bytes;
    if (!this.pool && this.jobs > 1 && Math.max(this.seen, this.knownBytes) > this.threshold) this.pool = new WorkerPool(this.jobs, this.settings, this.heap);
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
