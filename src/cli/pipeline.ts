// The scoring pipeline as one stream: inputs → units (sources.ts) → scored on this thread or on
// workers (pool.ts), at most a window of units in flight → items in input order, as they are ready.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { boundHeapGrowth } from './heap.js';
import { LazyPool, WORKER_HEAP, inOrder } from './pool.js';
import type { Shard } from './shard.js';
import { STDIN } from './io.js';
import { workUnits } from './sources.js';
import type { WorkResult, WorkSettings } from './units.js';

export interface PipelineOptions {
  /** Worker threads; 1 scores everything on this thread. */
  jobs: number;
  shard?: Shard;
  cwd: string;
  stdin: Readable;
  settings: WorkSettings;
  /** Old-generation heap of each worker in MB (ETCSCORE_WORKER_HEAP_MB); WORKER_HEAP by default. */
  workerHeapMb?: number;
}

/** NDJSON text per unit: big enough that messaging a worker costs little, small enough to share out. */
const BATCH_BYTES = 256 << 10;
/**
 * Input seen before workers start. A worker costs about a quarter of a CPU second to start (it
 * loads and compiles everything again); below a few MB that is more than it saves.
 */
export const WORKER_THRESHOLD = 4 << 20;
/** Units in flight per job: keeps every worker busy while the output is written, and no more. */
const WINDOW_PER_JOB = 4;

/** The results and input errors of the inputs, a unit at a time, in input order, as each is ready. */
export async function* scoreStream(inputs: readonly string[], o: PipelineOptions): AsyncGenerator<WorkResult> {
  boundHeapGrowth();
  const units = workUnits(inputs, { cwd: o.cwd, stdin: o.stdin, inputFormat: o.settings.read.format, shard: o.shard, batchBytes: BATCH_BYTES });
  const executor = new LazyPool(o.jobs, o.settings, WORKER_THRESHOLD, o.jobs > 1 ? await knownSize(inputs, o.cwd) : 0, {
    ...WORKER_HEAP,
    ...(o.workerHeapMb ? { oldMb: o.workerHeapMb } : {}),
  });
  try {
    const window = Math.max(2, o.jobs * WINDOW_PER_JOB);
    yield* inOrder(units, ({ unit, bytes }) => executor.run(unit, bytes), window);
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
