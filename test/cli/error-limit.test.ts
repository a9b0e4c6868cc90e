// An input that gives only errors must end: past the limit its errors stop, with one error saying
// so, its later results are dropped, and the other inputs go on as they were.
import { describe, expect, it } from 'vitest';
import { stopAfterErrors, type InputResult } from '../../src/cli/error-limit.js';
import type { WorkItem, WorkResult } from '../../src/cli/units.js';

const error = (source: string, line: number): WorkItem => ({ kind: 'error', error: { source, line, message: 'not JSON' } });
const result = (source: string): WorkItem => ({ kind: 'result', source, etc: 50, risks: 0 });

async function run(units: InputResult[], limit: number): Promise<{ items: WorkItem[]; stopped: Set<string> }> {
  async function* feed() {
    yield* units;
  }
  const stopped = new Set<string>();
  const items: WorkItem[] = [];
  for await (const r of stopAfterErrors(feed(), stopped, limit)) items.push(...r.items);
  return { items, stopped };
}

const describeItem = (i: WorkItem) => (i.kind === 'error' ? `${i.error.source}:${i.error.line}:${i.error.message.startsWith('more than') ? 'stop' : 'bad'}` : i.source);

describe('stopAfterErrors', () => {
  it('cuts an input at its (limit + 1)-th error, inside a unit, and drops what was read after it', async () => {
    const units: InputResult[] = [
      { input: 'a', result: { items: [error('a', 1), result('a#2'), error('a', 3)] } },
      { input: 'b', result: { items: [error('b', 1)] } },
      { input: 'a', result: { items: [result('a#4'), error('a', 5), error('a', 6), result('a#7')] } },
      { input: 'a', result: { items: [result('a#8')] } },
      { input: 'c', result: { items: [result('c')] } },
    ];
    const { items, stopped } = await run(units, 3);
    expect(items.map(describeItem)).toEqual(['a:1:bad', 'a#2', 'a:3:bad', 'b:1:bad', 'a#4', 'a:5:bad', 'a:6:stop', 'c']);
    expect([...stopped]).toEqual(['a']);
  });

  it('passes everything on, formatted text included, while no input is over the limit', async () => {
    const units: InputResult[] = [
      { input: 'a', result: { items: [result('a#1')], output: ['{"a":1}\n'] } },
      { input: 'a', result: { items: [error('a', 2), error('a', 3)] } },
    ];
    const out: WorkResult[] = [];
    async function* feed() {
      yield* units;
    }
    for await (const r of stopAfterErrors(feed(), new Set(), 2)) out.push(r);
    expect(out).toEqual(units.map((u) => u.result));
  });
});
