// V8 settings for the scoring threads of a batch: how far a heap may grow between full collections,
// and how much code the optimising compiler inlines.
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

/**
 * Bytecode the optimising compiler inlines into one function, at most (V8's default is 920). Every
 * scoring thread compiles the same hot code afresh, and with the rules' many small conditions and
 * phrase sets most of that compiling was inlining: at half the default the compiler does a fifth
 * less work and the whole run a tenth less (instructions counted under callgrind, 3 MB of the bench
 * corpus), while the code it makes runs as fast. 32 MB, --jobs 2, alternating runs: 4.79 → 4.58 s
 * wall, 9.2 → 8.7 s of CPU; --jobs 1 the same wall time, 3% less CPU.
 */
const INLINED_BYTECODE = 460;

let tuned = false;

/**
 * Sets both for the rest of the process (V8 flags: every thread and worker started later shares
 * them). Only the command line's batches call it; a program using the library keeps its own settings.
 */
export function tuneForBatch(): void {
  if (tuned) return;
  tuned = true;
  v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
  v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE}`);
}
