// V8 settings for the scoring threads of a batch: how far a heap may grow between full collections,
// whether its young generation may grow, and how much code the optimising compiler inlines.
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

/**
 * How many times the young generation grows when it is full of survivors: 2 is V8's default (up
 * to two 16 MB semi-spaces), 1 keeps it at its size. Lean, it stays small while score's modules load
 * and its rules compile (main.ts) and through a long conversation, whose tokens and features
 * survive a scavenge or two: V8 grew it to full size for them and held it. A 4 MB turn peaked at
 * 156 MB, 138 MB kept lean during the turn, ~109 MB lean from the start too and with findings
 * capped (CHECKS_PER_TURN); a short call starts 5–10 ms later. V8 takes a factor under 2 only once
 * its heap is configured, so it cannot be given on the command line.
 */
const YOUNG_GROWTH = { lean: 1, roomy: 2 };

/** Characters of text (or bytes of a unit) from which a conversation counts as long (see growthFor): ~4 MB of analysis. */
export const LONG_FROM_CHARS = 2 ** 18;

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
let lean: boolean | undefined;

function leanHeap(yes: boolean): void {
  if (yes === lean) return;
  lean = yes;
  v8.setFlagsFromString(`--heap-growing-percent=${yes ? GROWTH_PERCENT : ROOMY_GROWTH_PERCENT}`);
  v8.setFlagsFromString(`--semi-space-growth-factor=${yes ? YOUNG_GROWTH.lean : YOUNG_GROWTH.roomy}`);
}

/**
 * Sets them for the rest of the process, lean until a unit says otherwise (V8 flags: every thread
 * and worker shares them). Only the command line's batches and their workers call it; a program
 * using the library keeps its own settings.
 */
export function tuneForBatch(): void {
  if (tuned) return;
  tuned = true;
  leanHeap(true);
  v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE}`);
}

/**
 * Sets the heap's growth for a unit of `size` characters of text (or bytes, before it is read) about
 * to be scored: roomy for short conversations, lean for a long one (see YOUNG_GROWTH too), kept
 * until the next unit says otherwise. The flags are the process's, so a worker scoring a long
 * conversation while another scores short ones may collect with the other's growth for a while:
 * time or memory, never a result.
 */
export function growthFor(size: number): void {
  if (tuned) leanHeap(size >= LONG_FROM_CHARS);
}
