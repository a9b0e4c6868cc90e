import { describe, expect, it, vi } from 'vitest';

// The flags are the process's: the test reads what would be set, and sets nothing in its own V8.
const setFlags = vi.hoisted(() => vi.fn());
vi.mock('node:v8', () => ({ default: { setFlagsFromString: setFlags } }));

const { growthFor, tuneForBatch, LONG_FROM_CHARS } = await import('../../src/cli/heap.js');
const { isMainThread } = await import('node:worker_threads');
/** Short calls' growth: the main thread scores alone (--jobs 1), a worker's heap is one of several. */
const roomy = isMainThread ? 200 : 100;

const flagged = (name: string) => setFlags.mock.calls.map(([flag]) => new RegExp(`^--${name}=(\\d+)$`).exec(flag as string)?.[1]).filter((g) => g !== undefined).map(Number);
const growths = () => flagged('heap-growing-percent');
/** How many times the young generation may grow at once: 1 keeps it at its size, 2 is V8's default. */
const youngGrowths = () => flagged('semi-space-growth-factor');

describe('the heap growth of a batch', () => {
  it('is left alone for a program that uses the library, and set by units once a batch is tuned', () => {
    growthFor(1000);
    expect(setFlags).not.toHaveBeenCalled();

    tuneForBatch();
    expect(growths()).toEqual([25]); // start-up and the first read are lean

    growthFor(250_000); // a unit of short calls
    growthFor(180_000);
    expect(growths()).toEqual([25, roomy]); // set once, not again for each unit

    growthFor(LONG_FROM_CHARS); // a long conversation: its own data is what survives
    expect(growths()).toEqual([25, roomy, 25]);

    growthFor(LONG_FROM_CHARS - 1);
    expect(growths()).toEqual([25, roomy, 25, roomy]);
    expect(youngGrowths()).toEqual([1, 2, 1, 2]); // the young generation grows for short calls only
  });
});
