// Vitest global setup: worker threads run the compiled code in dist/, so build it first when any
// source is newer than its output (`npx vitest run` then tests what is in src/, as `npm test` does).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

function stale(dir: string): boolean {
  for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (stale(rel)) return true;
    } else if (e.name.endsWith('.ts')) {
      const out = path.join(root, 'dist', path.relative('src', rel).replace(/\.ts$/, '.js'));
      const built = statSync(out, { throwIfNoEntry: false });
      if (!built || built.mtimeMs < statSync(path.join(root, rel)).mtimeMs) return true;
    }
  }
  return false;
}

export default function setup(): void {
  if (!stale('src')) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
