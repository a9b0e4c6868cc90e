import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseShard, shardOf, shardPath } from '../../src/cli/shard.js';
import { writeBatch } from '../helpers/batch.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = writeBatch(4e5, 11);
});

const lines = (s: string) => s.split('\n').filter((l) => l !== '');

describe('--shard I/N', () => {
  it('three shards are disjoint and together are the unsharded run', async () => {
    const all = await runCli(['score', 'calls', '--format', 'ndjson', '--jobs', '1'], { cwd: dir });
    const shards = await Promise.all(
      [1, 2, 3].map((i) => runCli(['score', 'calls', '--format', 'ndjson', '--jobs', '1', '--shard', `${i}/3`], { cwd: dir })),
    );
    const parts = shards.map((s) => lines(s.stdout));
    for (const p of parts) expect(p.length).toBeGreaterThan(0); // each shard got some of the batch
    const union = parts.flat();
    expect(new Set(union).size).toBe(union.length); // disjoint: no line twice
    expect([...union].sort()).toEqual([...lines(all.stdout)].sort());
    // The records of the one NDJSON export are spread over more than one shard.
    const fromExport = parts.map((p) => p.filter((l) => l.includes('"source":"calls/export.ndjson#')).length);
    expect(fromExport.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it("puts each result in the shard its source hashes to, so an output can be checked", async () => {
    const r = await runCli(['score', 'calls', '--format', 'ndjson', '--shard', '2/3'], { cwd: dir });
    for (const line of lines(r.stdout)) {
      const x = JSON.parse(line);
      if (x.type !== 'error' && !x.source.endsWith('.json')) expect(shardOf(x.source, 3)).toBe(1);
    }
  });

  it('gives every spelling of the same path the same part: relative, ./ and .., absolute, through a link', async () => {
    symlinkSync(path.join(dir, 'calls'), path.join(dir, 'link'), 'dir');
    const spellings = ['calls', './calls/', 'calls/east/..', path.join(dir, 'calls'), 'link'];
    // The part of each result's source after the folder it was found in, whatever it was called.
    const part = async (spelling: string) => {
      const r = await runCli(['score', spelling, '--format', 'ndjson', '--jobs', '1', '--shard', '1/2'], { cwd: dir });
      return lines(r.stdout).map((l) => (JSON.parse(l) as { source: string }).source.replace(/^.*?(calls|link)\//, '')).sort();
    };
    const [first, ...others] = await Promise.all(spellings.map(part));
    expect(first!.length).toBeGreaterThan(0);
    for (const other of others) expect(other).toEqual(first);
    // The key is the path from the working directory, so a copy started elsewhere agrees as well.
    expect(shardPath(path.join(dir, 'calls', 'a.vtt'), path.join(dir, 'calls', 'east'))).toBe('../a.vtt');
    expect(shardPath('link/missing.ndjson', dir)).toBe('calls/missing.ndjson');
  });

  it('accepts I/N with 1 <= I <= N only', async () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/3/5']) expect(() => parseShard(bad)).toThrow(/I\/N/);
    expect((await runCli(['score', 'calls', '--shard', '3/2'], { cwd: dir })).code).toBe(2);
  });
});
