// The build step that compiles src/rules/data/*.yaml (scripts/rules-data.js): a module of plain
// objects when the data is clean; a failed build naming file and line, and no module, when not.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-rules-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const handoffs = readFileSync(path.join(root, 'src/rules/data/handoffs.yaml'), 'utf8');

function build(files: Record<string, string>, name: string, withPhrases = true) {
  const data = path.join(dir, name);
  mkdirSync(data);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(data, file), text);
  // The phrase sets the conditions' code reads are part of the data (src/rules/data/phrases/).
  if (withPhrases) cpSync(path.join(root, 'src/rules/data/phrases'), path.join(data, 'phrases'), { recursive: true });
  const out = path.join(dir, `${name}.js`);
  writeFileSync(out, '// left from an earlier build\n');
  const run = spawnSync(process.execPath, ['scripts/rules-data.js', '--data', data, '--out', out], { cwd: root, encoding: 'utf8' });
  return { ...run, out, data };
}

describe('scripts/rules-data.js', () => {
  it('compiles each file to its rules, keyed by the file name', async () => {
    const r = build({ 'handoffs.yaml': handoffs, 'empty.yml': '[]\n' }, 'good');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const module = await import(pathToFileURL(r.out).href);
    const compiled = module.default as Record<string, Array<{ id: string; suggestions: string[]; patterns: string[] }>>;
    expect(Object.keys(compiled).sort()).toEqual(['empty', 'handoffs']);
    expect(compiled.handoffs!.map((x) => x.id)).toEqual(['unexplained-hold', 'unexplained-transfer']);
    expect(compiled.handoffs![0]!.suggestions.length).toBeGreaterThan(1);
    // And every pattern of those rules and of the phrase sets compiled, by its source.
    const sets = Object.values(module.phraseSets as Record<string, string[]>).flat();
    expect(sets.length).toBeGreaterThan(0);
    const sources = [...new Set([...compiled.handoffs!.flatMap((x) => x.patterns), ...sets])];
    expect(Object.keys(module.patterns as object).sort()).toEqual(sources.sort());
  });

  it('fails on any problem, naming the file and line, and leaves no module behind', () => {
    const bad = handoffs.replace('  category: unexplained-transfer', '  category: blind-transfer');
    const line = bad.split('\n').findIndex((l) => l.includes('blind-transfer')) + 1;
    const r = build({ 'handoffs.yaml': bad }, 'bad');
    expect(r.status).toBe(1);
    const file = path.relative(root, path.join(r.data, 'handoffs.yaml'));
    expect(r.stderr).toContain(`${file}:${line}: unexplained-transfer: category "blind-transfer" is not one of`);
    expect(r.stderr).toMatch(/rules-data: 1 problem in .*; nothing written/);
    expect(existsSync(r.out)).toBe(false);
  });

  it('names a phrase set the conditions read that no file declares, before any example runs', () => {
    const r = build({ 'handoffs.yaml': handoffs }, 'no-phrases', false);
    expect(r.status).toBe(1);
    const folder = path.relative(root, path.join(r.data, 'phrases'));
    expect(r.stderr).toContain(`${folder}:1: phrase set "reason-or-duration" is read by the conditions' code but declared in no file here`);
    expect(r.stderr).not.toContain('    at ');
    expect(existsSync(r.out)).toBe(false);
  });
});
