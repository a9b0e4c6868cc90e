// The real CLI as a child process: bin/etcscore.js runs dist/, so build it when it is missing or
// older than src/ (npm test builds first; this keeps `npx vitest run` honest too).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'etcscore.js');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function fresh(): boolean {
  const built = path.join(ROOT, 'dist', 'cli', 'main.js');
  return existsSync(built) && statSync(built).mtimeMs >= newest(path.join(ROOT, 'src'));
}

/** Builds dist/ once, under a lock directory, since test files run in parallel processes. */
export function ensureBuilt(): void {
  if (fresh()) return;
  const lock = path.join(ROOT, 'dist.build-lock');
  const giveUp = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test process is building: wait until it lets go, then look again.
      if (Date.now() > giveUp) throw new Error(`${lock} held for two minutes: remove it if no build is running`);
      execFileSync(process.execPath, ['-e', 'setTimeout(() => {}, 200)']);
    }
  }
  try {
    if (!fresh()) execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  } finally {
    rmdirSync(lock);
  }
}
