// The build step that compiles src/rules/data/*.yaml and the sentiment phrases
// (src/nlp/lexicon/data/phrases.yaml) (scripts/rules-data.js): modules of plain objects when the
// data is clean; a failed build naming file and line, and no module, when not.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-rules-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const handoffs = readFileSync(path.join(root, 'src/rules/data/handoffs.yaml'), 'utf8');

const phraseData = path.join(root, 'src/nlp/lexicon/data');

/**
 * Runs the build on `files` as the rules folder. The phrase sets the conditions' code reads are part
 * of the data (src/rules/data/phrases/) and are copied unless `withPhraseSets` is false; `lists`
 * copies a word-list folder; `phraseFiles` replaces the sentiment phrases.
 */
function build(files: Record<string, string>, name: string, o: { phraseFiles?: Record<string, string>; lists?: string; withPhraseSets?: boolean } = {}) {
  const data = path.join(dir, name);
  mkdirSync(data);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(data, file), text);
  if (o.withPhraseSets ?? true) {
    cpSync(path.join(root, 'src/rules/data/phrases'), path.join(data, 'phrases'), { recursive: true });
    // The lists the phrase sets of the due-time reader name ({weekday}, {month}).
    if (!o.lists) cpSync(path.join(root, 'src/rules/data/lists/due.yaml'), path.join(data, 'lists', 'due.yaml'), { recursive: true });
  }
  if (o.lists) cpSync(o.lists, path.join(data, 'lists'), { recursive: true });
  let phrases = phraseData;
  if (o.phraseFiles) {
    phrases = path.join(dir, `${name}-phrases`);
    mkdirSync(phrases);
    for (const [file, text] of Object.entries(o.phraseFiles)) writeFileSync(path.join(phrases, file), text);
  }
  const out = path.join(dir, `${name}.js`);
  const phrasesOut = path.join(dir, `${name}-phrases.js`);
  writeFileSync(out, '// left from an earlier build\n');
  writeFileSync(phrasesOut, '// left from an earlier build\n');
  const args = ['scripts/rules-data.js', '--data', data, '--out', out, '--phrases', phrases, '--phrases-out', phrasesOut];
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  return { ...run, out, phrasesOut, data, phrases };
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
    expect(existsSync(r.phrasesOut)).toBe(false);
  });

  it('compiles the sentiment phrases, each pattern by its source', async () => {
    const r = build({ 'handoffs.yaml': handoffs }, 'phrases');
    expect(r.status).toBe(0);
    const module = await import(pathToFileURL(r.phrasesOut).href);
    const phrases = module.phrases as Array<{ pattern: string; weight: number; why: string; category: string }>;
    expect(phrases.find((p) => p.pattern === '{waited} {duration}')).toEqual({ pattern: '{waited} {duration}', weight: -3, why: 'long wait', category: 'waiting' });
    expect(Object.keys(module.patterns as object).sort()).toEqual([...new Set(phrases.map((p) => p.pattern))].sort());
  });

  it('fails on a bad sentiment phrase, naming its file and line', () => {
    const lists = readFileSync(path.join(phraseData, 'lists.yaml'), 'utf8');
    const good = readFileSync(path.join(phraseData, 'phrases.yaml'), 'utf8');
    const bad = good.replace('    - oh joy\n', '    - oh joy\n    - (yeah|yea)  right\n    - it\u2019s a joke\n');
    const lines = bad.split('\n');
    const r = build({ 'handoffs.yaml': handoffs }, 'bad-phrase', { phraseFiles: { 'phrases.yaml': bad, 'lists.yaml': lists } });
    expect(r.status).toBe(1);
    const file = path.relative(root, path.join(r.phrases, 'phrases.yaml'));
    const first = lines.indexOf('    - (yeah|yea) right') + 1;
    expect(r.stderr).toContain(`${file}:${lines.indexOf('    - (yeah|yea)  right') + 1}: "(yeah|yea)  right" is already a phrase at ${file}:${first}`);
    expect(r.stderr).not.toContain(`${file}:${first}:`);
    expect(r.stderr).toContain(`${file}:${lines.indexOf('    - it\u2019s a joke') + 1}: "it\u2019s a joke" has a curly apostrophe`);
    expect(existsSync(r.out)).toBe(false);
    expect(existsSync(r.phrasesOut)).toBe(false);
  });

  it('names a rule that cannot load even when other rules read its phrases, instead of crashing', () => {
    const src = path.join(root, 'src/rules/data');
    const files = Object.fromEntries(readdirSync(src).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(path.join(src, f), 'utf8')]));
    // commitment-made's phrases are read by the condition code of other rules (a promise kept).
    files['trust.yaml'] = files['trust.yaml']!.replace(/(- id: commitment-made[\s\S]*?  patterns:\n)/, "$1    - and ('ll|will) call\n");
    const r = build(files, 'unloadable', { lists: path.join(src, 'lists') });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`commitment-made: pattern "and ('ll|will) call": "'ll": a contraction is one word`);
    expect(r.stderr).not.toContain('are read by code');
    expect(existsSync(r.out)).toBe(false);
  });

  it('names a phrase set the conditions read that no file declares, before any example runs', () => {
    const r = build({ 'handoffs.yaml': handoffs }, 'no-phrases', { withPhraseSets: false });
    expect(r.status).toBe(1);
    const folder = path.relative(root, path.join(r.data, 'phrases'));
    expect(r.stderr).toContain(`${folder}:1: phrase set "reason-or-duration" is read by the conditions' code but declared in no file here`);
    expect(r.stderr).not.toContain('    at ');
    expect(existsSync(r.out)).toBe(false);
  });
});
