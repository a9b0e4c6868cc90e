// A mistake in a user's configuration: it stops the run with exit code 2 (a usage error), and its
// message names the file, the line where it is known, the key path and why.
import { UsageError } from '../exit.js';

export class ConfigError extends UsageError {}

/** A key path as the loader walks it: ["rules", 2, "category"]. */
export type KeyPath = ReadonlyArray<string | number>;

/** "rules[2].category", "extend.dead-end-nothing-i-can-do[0]": how messages and docs write a path. */
export function showPath(at: KeyPath): string {
  let out = '';
  for (const part of at) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}

/** Throws the ConfigError for `at`: "file:line: key: why" (no line when it is not known). */
export type Fail = (at: KeyPath, why: string) => never;

export function failer(file: string, lineOf: (at: KeyPath) => number | undefined): Fail {
  return (at, why) => {
    const line = lineOf(at);
    const key = showPath(at);
    throw new ConfigError(`${file}${line === undefined ? '' : `:${line}`}: ${key ? `${key}: ` : ''}${why}`);
  };
}
