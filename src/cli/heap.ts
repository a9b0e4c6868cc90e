// V8 settings for the scoring threads of a batch: how far a heap may grow between full collections,
// and how much code the optimising compiler inlines.
import v8 from 'node:v8';
import { isMainThread } from 'node:worker_threads';

/**
 * Growth of the old generation after each full collection, in percent, until a short conversation
 * is scored, and while a long one is. V8 by default lets a heap grow to up to four times what
 * survived, which suits a browser tab; a batch keeps only ~30 MB alive, so that headroom is nearly
 * all garbage: at 25% `--jobs 1` peaked ~60 MB lower.
 */
const GROWTH_PERCENT = 25;

/**
 * The growth once short conversations are scored (see growthFor). A full collection marks
 * everything alive, the compiled rules and the memories of stock replies, so it costs in proportion
 * to those ~30 MB, and comes once per growth's worth of them promoted: twice the headroom halves
 * its cost. Measured on 32 MB with --jobs 1 (scripts/bench.js corpus, alternating runs): at 25%
 * throughout, 37 full collections, 7.16 s wall and 161 MB peak RSS; at 50%, 6.87 s and 165 MB; at
 * 100%, 19 of them, 6.59 s and 181 MB; with 64 kB units (pipeline.ts), 100% against 200%: 17
 * against 9, 6.45 against 6.10 s, 154 against 176 MB. On a worker, whose heap is one of several,
 * 200% gained nothing (--jobs 2, 4.90 s each) for 31 MB more: a worker keeps 100%. Not for a long
 * conversation: its own data is then most of what survives, and 100% of it let a 4 MB turn peak
 * ~20 MB higher.
 */
const ROOMY_GROWTH_PERCENT = isMainThread ? 200 : 100;

/** Characters of text (or bytes of a unit) from which a conversation counts as long (see growthFor): ~16 MB of analysis, half a batch's live heap. */
export const LONG_FROM_CHARS = 2 ** 20;

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
let growth = 0;

function growBy(percent: number): void {
  if (percent === growth) return;
  growth = percent;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * Sets both for the rest of the process (V8 flags: every thread and worker shares them). Only the
 * command line's batches and their workers call it; a program using the library keeps its own settings.
 */
export function tuneForBatch(): void {
  if (tuned) return;
  tuned = true;
  growBy(GROWTH_PERCENT);
  v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE}`);
}

/**
 * Sets the heap's growth for a unit of `size` characters of text (or bytes, before it is read) about
 * to be scored: roomy for short conversations, lean for a long one, kept until the next unit says
 * otherwise. The flag is the process's, so a worker scoring a long conversation while another
 * scores short ones may collect with the other's growth for a while: time or memory, never a result.
 */
export function growthFor(size: number): void {
  if (tuned) growBy(size >= LONG_FROM_CHARS ? GROWTH_PERCENT : ROOMY_GROWTH_PERCENT);
}
