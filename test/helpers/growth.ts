// Linear time, asserted as a ratio: the work on an input four times larger, over the work on the
// base size. Linear is about 4, quadratic about 16; wall time itself is never asserted.

/** Above this the base size alone is slow enough to fail without waiting for the larger one. */
const SLOW_MS = 3_000;

/** CPU milliseconds this process has used: unlike wall time, not stretched by other processes. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Mean CPU time of `fn(size)` in ms over runs that fill at least 30 ms. A mean, not the best run:
 * garbage collection costs in proportion to what a run allocates, so a mean charges each size its
 * share, where the best run would favour the small size (some of its runs miss a collection, while
 * every large run has one).
 */
function best(fn: (size: number) => void, size: number): number {
  let runs = 0;
  const start = cpuMs();
  const until = performance.now() + 30;
  do {
    fn(size);
    runs++;
  } while (performance.now() < until);
  return (cpuMs() - start) / runs;
}

/** Below this a run is mostly noise (timer, caches, a collection): the base size is doubled. */
const MEASURABLE_MS = 5;

/** Generous for a loaded machine (6 agents on 2 cores): linear is ~4, quadratic ~16. */
export const LINEAR_RATIO = 12;

/**
 * time(4n) / time(n), n at least `from` and doubled (up to 4 times) until one run takes a
 * measurable time. The sizes take turns three times and each keeps its best, so a burst of load on
 * a shared machine cannot fall on one size only; a ratio over LINEAR_RATIO is measured twice more
 * and the lowest kept (quadratic work is over it every time, a burst of load is not). Infinity when
 * the base size alone is slow.
 */
export function growth(fn: (size: number) => void, from: number): number {
  fn(from); // warm up the JIT
  let n = from;
  while (n < 4 * from && best(fn, n) < MEASURABLE_MS) n *= 2;
  let lowest = Infinity;
  for (let attempt = 0; attempt < 3 && lowest >= LINEAR_RATIO; attempt++) lowest = Math.min(lowest, ratio(fn, n));
  return lowest;
}

function ratio(fn: (size: number) => void, n: number): number {
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < 3; i++) {
    small.push(best(fn, n));
    if (small[i]! > SLOW_MS) return Infinity;
    large.push(best(fn, 4 * n));
  }
  return Math.min(...large) / Math.min(...small);
}
