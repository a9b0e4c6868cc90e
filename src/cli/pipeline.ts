// The scoring pipeline as one stream: inputs → units (sources.ts) → scored on this thread or on
// workers (pool.ts), at most a window of units in flight → items in input order, as they are ready.
import { promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { tuneForBatch } from './heap.js';
import { LazyPool, WORKER_HEAP, inOrder } from './pool.js';
import type { Shard } from './shard.js';
import { STDIN } from './io.js';
import { stopAfterErrors } from './error-limit.js';
import { workUnits } from './sources.js';
import type { WorkResult, WorkSettings } from './units.js';

export interface PipelineOptions {
  /** Worker threads; 1 scores everything on this thread. */
  jobs: number;
  shard?: Shard;
  /** The paths named on the command line (see SourceOptions.named). */
  named?: ReadonlySet<string>;
  cwd: string;
  stdin: Readable;
  settings: WorkSettings;
  /** Old-generation heap of each worker in MB (ETCSCORE_WORKER_HEAP_MB); WORKER_HEAP by default. */
  workerHeapMb?: number;
  /** Input after which workers start, in bytes (ETCSCORE_WORKERS_FROM_MB); workerThreshold(jobs) by default. */
  workersFromBytes?: number;
}

/**
 * NDJSON or CSV text per unit: big enough that messaging a worker costs little, small enough to
 * share out. A unit's transcripts and its formatted output stay alive until it is done, so each
 * young-generation collection copies them, and old ones are promoted: at 256 kB, 32 MB with
 * --jobs 1 spent 1.29 s collecting (19-20 full collections), at 64 kB 0.83-1.07 s (15-16) and
 * ~3% less CPU; --jobs 2 was no slower.
 */
const BATCH_BYTES = 64 << 10;
/** Input one thread scores while a worker starts: ~1 s to load and compile the hot code again, at ~5 MB/s. */
const WARM_UP_BYTES = 5e6;
/** Cores one job keeps busy: V8 collects garbage and compiles on helper threads (measured 1.2–1.3). */
const CORES_PER_JOB = 1.25;

/**
 * Input after which workers pay for their start: N jobs on N cores gain at most N ÷ CORES_PER_JOB,
 * so the warm-up is paid back once the input passes WARM_UP_BYTES ÷ (1 − 1 ÷ that gain). For two jobs
 * that is ~13 MB; measured on two cores, workers were 20% slower on 8 MB, even on 16 MB and 15–20%
 * faster on 32 MB. More cores gain more and need less: by the same reckoning (not measured here)
 * ~7 MB for four and ~6 MB for eight. With one core, extra jobs only compete, and workers never start.
 */
export function workerThreshold(jobs: number, cores: number = availableParallelism()): number {
  const gain = Math.min(jobs, cores) / CORES_PER_JOB;
  return gain <= 1 ? Infinity : Math.round(WARM_UP_BYTES / (1 - 1 / gain));
}
/** Units in flight per job: keeps every worker busy while the output is written, and no more. */
const WINDOW_PER_JOB = 4;

/** The results and input errors of the inputs, a unit at a time, in input order, as each is ready. */
export async function* scoreStream(inputs: readonly string[], o: PipelineOptions): AsyncGenerator<WorkResult> {
  tuneForBatch();
  // Inputs cut at their errors' limit (error-limit.ts): their readers stop.
  const stopped = new Set<string>();
  const units = workUnits(inputs, { cwd: o.cwd, stdin: o.stdin, inputFormat: o.settings.read.format, map: o.settings.read.map, shard: o.shard, batchBytes: BATCH_BYTES, stopped, ...(o.named ? { named: o.named } : {}) });
  const executor = new LazyPool(o.jobs, o.settings, o.workersFromBytes ?? workerThreshold(o.jobs), o.jobs > 1 ? await knownSize(inputs, o.cwd) : 0, {
    ...WORKER_HEAP,
    ...(o.workerHeapMb ? { oldMb: o.workerHeapMb } : {}),
  });
  try {
    const window = Math.max(2, o.jobs * WINDOW_PER_JOB);
    const results = inOrder(units, async ({ unit, bytes, input }) => ({ input, result: await executor.run(unit, bytes) }), window);
    yield* stopAfterErrors(results, stopped);
  } finally {
    await executor.close();
  }
}

/** The inputs' total size as far as the file system tells without reading them (stdin counts 0). */
async function knownSize(inputs: readonly string[], cwd: string): Promise<number> {
  let total = 0;
  for (const input of inputs) {
    if (input === STDIN) continue;
    total += (await fs.stat(path.resolve(cwd, input)).catch(() => undefined))?.size ?? 0;
  }
  return total;
}
