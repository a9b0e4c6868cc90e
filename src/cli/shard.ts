// --shard I/N: which conversations this copy scores, so that N copies (a Kubernetes Indexed Job, a
// CI matrix, GNU parallel) cover a batch exactly once with no coordination between them.
//
// A conversation's key is the `source` its result carries: "calls/a.vtt" for a file, "x.ndjson#7"
// for the 7th record of an NDJSON file or stream (so one big export spreads over every shard).
// Other files holding several conversations (a JSON array, a CSV export) go whole, by their path.
// Keys are decided before anything is parsed: a copy never parses a file or an NDJSON line that is
// not its own. The hash is the first four bytes of SHA-256, big-endian, modulo N: the same on
// every machine and every version, and easy to reproduce in another language to check an output.
import { createRequire } from 'node:module';
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

/** Whether this copy scores the conversation with this key; every key is in exactly one shard. */
export function inShard(key: string, shard: Shard | undefined): boolean {
  return shard === undefined || shard.count === 1 || shardOf(key, shard.count) === shard.index - 1;
}
