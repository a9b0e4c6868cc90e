import { statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORKER_THRESHOLD } from '../../src/cli/pipeline.js';
import { inOrder } from '../../src/cli/pool.js';
import { writeBatch } from '../helpers/batch.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  // Over the size at which workers start, so --jobs 2 really runs on worker threads.
  dir = writeBatch(WORKER_THRESHOLD + 5e5);
  expect(statSync(path.join(dir, 'calls', 'export.ndjson')).size).toBeGreaterThan(WORKER_THRESHOLD);
});

describe('--jobs', () => {
  it.each([['ndjson'], ['json'], ['pretty']])('writes %s byte for byte as --jobs 1 does', async (format) => {
    const one = await runCli(['score', 'calls', '--format', format, '--jobs', '1'], { cwd: dir });
    const two = await runCli(['score', 'calls', '--format', format, '--jobs', '2'], { cwd: dir });
    expect(one.code).toBe(2); // the broken file and the bad line
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(one.stdout.length).toBeGreaterThan(format === 'pretty' ? 1000 : WORKER_THRESHOLD);
  });

  it('reads stdin the same way on workers', async () => {
    const { readFileSync } = await import('node:fs');
    const stdin = readFileSync(path.join(dir, 'calls', 'export.ndjson'), 'utf8');
    const one = await runCli(['score', '-', '--format', 'ndjson', '--jobs', '1'], { stdin });
    const three = await runCli(['score', '-', '--format', 'ndjson', '--jobs', '3', '--fail-under', '101'], { stdin });
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toContain('is under --fail-under 101');
  });

  it('refuses a --jobs that is not a whole number of at least 1', async () => {
    for (const bad of ['0', '-2', '1.5', 'many']) {
      const r = await runCli(['score', 'calls', '--jobs', bad], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--jobs');
    }
  });
});

describe('inOrder', () => {
  it('yields results in input order, with a bounded number in flight', async () => {
    let inFlight = 0;
    let most = 0;
    async function* items() {
      for (let i = 0; i < 40; i++) yield i;
    }
    const work = async (i: number) => {
      inFlight++;
      most = Math.max(most, inFlight);
      // Later items finish first, so the order has to be restored.
      await new Promise((r) => setTimeout(r, (i * 7) % 5));
      inFlight--;
      return i * 2;
    };
    const out: number[] = [];
    for await (const r of inOrder(items(), work, 4)) out.push(r);
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
    expect(most).toBeLessThanOrEqual(4);
  });

  it('passes a failure on in its turn', async () => {
    async function* items() {
      yield 1;
      yield 2;
    }
    const out: number[] = [];
    const run = async () => {
      for await (const r of inOrder(items(), async (i) => (i === 2 ? Promise.reject(new Error('boom')) : i), 2)) out.push(r);
    };
    await expect(run()).rejects.toThrow('boom');
    expect(out).toEqual([1]);
  });
});
