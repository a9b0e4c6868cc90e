// The real CLI as a child process. Vitest's global setup (build-dist.ts) has built dist/ before any
// test runs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The command users run (package.json "bin"), started as `node bin/etcscore.js …`. */
export const BIN = path.join(ROOT, 'bin', 'etcscore.js');
