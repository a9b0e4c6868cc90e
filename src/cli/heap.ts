// How far a heap may grow between full collections, for the scoring threads.
import v8 from 'node:v8';

/**
 * Growth of the old generation after each full collection, in percent. V8 by default lets it grow
 * to up to four times what survived, which suits a browser tab; a batch that streams gigabytes keeps
 * only ~15–20 MB alive, so that headroom is nearly all garbage. Measured on 32 MB with --jobs 1
 * (scripts/bench.js corpus): peak RSS 209–212 MB by default, 152–156 MB at 10–50%, with the same CPU
 * time: full collections of a small heap are cheap (~20 ms), and the time goes to scavenges, which
 * this does not change.
 */
const GROWTH_PERCENT = 25;

let bounded = false;

/**
 * Bounds heap growth for the rest of the process (a V8 flag: every thread and worker started later
 * shares it).
 */
export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
}
