// An input that gives nothing but errors (an endless pipe of bad NDJSON lines) must end: its
// errors are counted as the results come back in input order, and past LIMITS.errorsPerInput the
// input is cut there, with one error saying so, and its reader is told to stop.
import type { ErrorItem, WorkItem, WorkResult } from './units.js';
import { LIMITS, tooManyErrors } from './limits.js';

/** A unit's result, with the input (as sources.ts names it) that the unit came from. */
export interface InputResult {
  input: string;
  result: WorkResult;
}

/**
 * The results as they are, up to the (limit + 1)-th error of an input, which becomes the error
 * that reading stopped; the input's later results (read before its reader heard of the stop) are
 * dropped, as the rest of the input is. `stopped` is shared with the reader (sources.ts).
 *
 * A unit with an error is formatted by the caller, never where it was scored (units.ts), so a
 * result cut here has no formatted text to cut with it.
 */
export async function* stopAfterErrors(results: AsyncIterable<InputResult>, stopped: Set<string>, limit: number = LIMITS.errorsPerInput): AsyncGenerator<WorkResult> {
  const counts = new Map<string, number>();
  for await (const { input, result } of results) {
    if (stopped.has(input)) continue;
    let count = counts.get(input) ?? 0;
    const cut = result.items.findIndex((item) => item.kind === 'error' && ++count > limit);
    counts.set(input, count);
    if (cut === -1) {
      yield result;
      continue;
    }
    stopped.add(input);
    const { error } = result.items[cut] as ErrorItem;
    const items: WorkItem[] = [...result.items.slice(0, cut), { kind: 'error', error: { source: error.source, line: error.line, message: tooManyErrors() } }];
    yield { items };
  }
}
