import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerThreshold } from '../../src/cli/pipeline.js';
import { inOrder, outOfMemoryFallbacks } from '../../src/cli/pool.js';
import { WORKERS_ENV, WORKERS_FROM, writeBatch } from '../helpers/batch.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  // Over the size at which workers start, so --jobs 2 really runs on worker threads.
  dir = writeBatch(WORKERS_FROM + 5e5);
  expect(statSync(path.join(dir, 'calls', 'export.ndjson')).size).toBeGreaterThan(WORKERS_FROM);
});

describe('--jobs', () => {
  it.each([['ndjson'], ['json'], ['pretty']])('writes %s byte for byte as --jobs 1 does', async (format) => {
    const one = await runCli(['score', 'calls', '--format', format, '--jobs', '1'], { cwd: dir });
    const two = await runCli(['score', 'calls', '--format', format, '--jobs', '2'], { cwd: dir, env: WORKERS_ENV });
    expect(one.code).toBe(2); // the broken file and the bad line
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(one.stdout.length).toBeGreaterThan(format === 'pretty' ? 1000 : WORKERS_FROM);
  });

  it('reads stdin the same way on workers', async () => {
    const { readFileSync } = await import('node:fs');
    const stdin = readFileSync(path.join(dir, 'calls', 'export.ndjson'), 'utf8');
    const one = await runCli(['score', '-', '--format', 'ndjson', '--jobs', '1'], { stdin });
    const three = await runCli(['score', '-', '--format', 'ndjson', '--jobs', '3', '--fail-under', '101'], { stdin, env: WORKERS_ENV });
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

describe('when workers start', () => {
  it('waits until the input repays their warm-up: ~13 MB for two jobs on two cores', () => {
    expect(workerThreshold(2, 2)).toBeGreaterThan(12e6);
    expect(workerThreshold(2, 2)).toBeLessThan(14e6);
  });

  it('needs less input the more cores there are to share it, never less than one warm-up', () => {
    expect(workerThreshold(4, 4)).toBeLessThan(workerThreshold(2, 2));
    expect(workerThreshold(8, 8)).toBeLessThan(workerThreshold(4, 4));
    expect(workerThreshold(64, 64)).toBeGreaterThan(5e6);
  });

  it('counts only the jobs that have a core, and never starts workers on one core', () => {
    expect(workerThreshold(8, 2)).toBe(workerThreshold(2, 2));
    expect(workerThreshold(2, 1)).toBe(Infinity);
  });

  it('refuses an ETCSCORE_WORKERS_FROM_MB that is not a number of MB, 0 or more', async () => {
    for (const bad of ['-1', 'soon']) {
      const r = await runCli(['score', 'calls', '--jobs', '2'], { cwd: dir, env: { ETCSCORE_WORKERS_FROM_MB: bad } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('ETCSCORE_WORKERS_FROM_MB');
      expect(r.stdout).toBe('');
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

describe('worker heap limits', () => {
  // One conversation far bigger than a worker's heap may hold, between small ones: its unit is
  // scored again on the main thread, and the output is still that of --jobs 1.
  let big: string;
  beforeAll(() => {
    big = mkdtempSync(path.join(tmpdir(), 'etcscore-heap-'));
    const small = (id: string) => JSON.stringify({ id, turns: [{ role: 'agent', text: 'Hello, how can I help?' }, { role: 'customer', text: 'My router is broken again.' }] });
    const turns = Array.from({ length: 40_000 }, (_, i) =>
      i % 2
        ? { role: 'customer', text: 'I have been waiting three weeks and nobody called me back, this is ridiculous.' }
        : { role: 'agent', text: "I'm sorry to hear that, I will call you back by 5pm tomorrow about order 12345." },
    );
    const lines = [...Array.from({ length: 4000 }, (_, i) => small(`a${i}`)), JSON.stringify({ id: 'huge', turns }), ...Array.from({ length: 4000 }, (_, i) => small(`b${i}`))];
    writeFileSync(path.join(big, 'calls.ndjson'), lines.join('\n') + '\n');
    expect(statSync(path.join(big, 'calls.ndjson')).size).toBeGreaterThan(WORKERS_FROM);
  }, 60_000);
  afterAll(() => rmSync(big, { recursive: true, force: true }));

  it('scores a conversation too big for a worker on the main thread, output unchanged', async () => {
    const one = await runCli(['score', 'calls.ndjson', '--format', 'ndjson', '--jobs', '1'], { cwd: big });
    const before = outOfMemoryFallbacks.units;
    const two = await runCli(['score', 'calls.ndjson', '--format', 'ndjson', '--jobs', '2'], { cwd: big, env: { ...WORKERS_ENV, ETCSCORE_WORKER_HEAP_MB: '16' } });
    expect(outOfMemoryFallbacks.units).toBeGreaterThan(before);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout).toContain('"id":"huge"');
  }, 120_000);

  it('refuses a heap limit that is not a whole number of MB, at least 16', async () => {
    for (const bad of ['8', 'lots', '20.5']) {
      const r = await runCli(['score', 'calls.ndjson', '--jobs', '2'], { cwd: big, env: { ETCSCORE_WORKER_HEAP_MB: bad } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('ETCSCORE_WORKER_HEAP_MB');
      expect(r.stdout).toBe('');
    }
  });
});
