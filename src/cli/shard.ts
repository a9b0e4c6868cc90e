// --shard I/N: which conversations this copy scores, so that N copies (a Kubernetes Indexed Job, a
// CI matrix, GNU parallel) cover a batch exactly once with no coordination between them.
//
// A conversation's key is its file's path relative to the working directory, "calls/a.vtt", and
// "x.ndjson#7" for the 7th record of an NDJSON file or stream (so one big export spreads over every
// shard); for stdin, "<stdin>#7". The path is taken after `.`, `..` and symbolic links are resolved,
// so "calls/a.vtt", "./calls//a.vtt", "/srv/qa/calls/a.vtt" and a link to calls/ all fall in the
// same shard, whichever way each copy spells it.
// Other files holding several conversations (a JSON array, a CSV export) go whole, by their path.
// Keys are decided before anything is parsed: a copy never parses a file or an NDJSON line that is
// not its own. The hash is the first four bytes of SHA-256, big-endian, modulo N: the same on
// every machine and every version, and easy to reproduce in another language to check an output.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';

export interface Shard {
  /** 1-based, as in "--shard 2/3". */
  index: number;
  count: number;
}

/** "2/3" → { index: 2, count: 3 }; for commander. */
export function parseShard(value: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new InvalidArgumentError(`"${value}" is not I/N with 1 <= I <= N (e.g. 1/4)`);
  }
  return { index, count };
}

/** 0..count-1: the shard a key falls in, counting from 0. */
let crypto: typeof import('node:crypto') | undefined;

export function shardOf(key: string, count: number): number {
  // node:crypto is loaded when a shard is asked for, not at every start-up.
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(key).digest().readUInt32BE(0) % count;
}

/**
 * The key of an input path: relative to the working directory, both with symbolic links resolved
 * (as far as they exist), with "/" between names on every system.
 */
export function shardPath(input: string, cwd: string): string {
  // A missing file keeps its name in its folder's real path (the copy whose part it is reports it).
  const real = (p: string): string => {
    try {
      return realpathSync.native(p);
    } catch {
      const parent = path.dirname(p);
      return parent === p ? p : path.join(real(parent), path.basename(p));
    }
  };
  const here = real(path.resolve(cwd));
  return path.relative(here, real(path.resolve(here, input))).split(path.sep).join('/');
}

/** Whether this copy scores the conversation with this key; every key is in exactly one shard. */
export function inShard(key: string, shard: Shard | undefined): boolean {
  return shard === undefined || shard.count === 1 || shardOf(key, shard.count) === shard.index - 1;
}
