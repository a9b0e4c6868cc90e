// Vitest global setup: worker threads and child processes run the compiled code in dist/, so build
// it first when it is older than the sources (`npx vitest run` then tests what is in src/, as
// `npm test` does).
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
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
      const out = path.join(root, 'dist', path.relative('src', rel).replace(/\.ts$/, '.js'));
      const built = statSync(out, { throwIfNoEntry: false });
      if (!built || built.mtimeMs < statSync(path.join(root, rel)).mtimeMs) return true;
    }
  }
  return false;
}

const mtime = (file: string) => statSync(path.join(root, file), { throwIfNoEntry: false })?.mtimeMs ?? 0;

const yamlIn = (dir: string) => readdirSync(path.join(root, dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => mtime(path.join(dir, f)));

/** The newest of the phrase data files: rules, word lists and sentiment phrases. */
const newestRuleData = () => Math.max(0, ...['src/rules/data', 'src/rules/data/lists', 'src/nlp/lexicon/data'].flatMap(yamlIn));

export default function setup(): void {
  if (stale('src')) {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  }
  // The rule data is checked with the compiled reader and engine, so compiled again after tsc ran
  // (it writes every file) as well as after the data changed.
  const compiled = Math.min(mtime('dist/rules/data/compiled.js'), mtime('dist/nlp/lexicon/data/phrases.js'));
  if (compiled <= Math.max(newestRuleData(), mtime('dist/rules/load.js'))) {
    execFileSync(process.execPath, ['scripts/rules-data.js'], { cwd: root, stdio: 'inherit' });
  }
}
