// The real CLI as a child process. Vitest's global setup (build-dist.ts) has built dist/ and the
// start-up snapshot before any test runs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The plain start: `node bin/etcscore.js …`. */
export const BIN = path.join(ROOT, 'bin', 'etcscore.js');
/** The command users run (package.json "bin"): starts from the snapshot when it can. */
export const LAUNCHER = path.join(ROOT, 'bin', 'etcscore');

/** Both ways the CLI starts, as a name, the program to spawn and its leading arguments. */
export const STARTS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['from its modules', process.execPath, [BIN]],
  ['from the snapshot', LAUNCHER, []],
];
