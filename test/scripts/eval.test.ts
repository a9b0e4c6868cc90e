// `npm run eval` (scripts/eval.js): agreement with careful readers on ../shared/labels/dev, which a
// clone of the project does not have. It must skip that part cleanly, and read a labels folder of the
// documented shape (here one we write, so the test runs everywhere).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const evalJs = (...args: string[]) => execFileSync(process.execPath, ['scripts/eval.js', ...args], { cwd: root, encoding: 'utf8' });

const dev = path.resolve(root, '..', 'shared', 'labels', 'dev');

describe('npm run eval', () => {
  // A floor under the development figures (docs/configuration.md), so that a change which loses
  // agreement with the readers fails here rather than at the next measurement. The rules were
  // written reading these rows: these are not accuracy figures.
  it.skipIf(!existsSync(dev))('keeps its agreement with the readers on the dev labels', () => {
    const { agent, customer, shapes } = (JSON.parse(evalJs('--json')) as { labels: { all: { agent: { macroF1: number; categories: Record<string, { f1: number; precision: number }> }; customer: { valence: { etcscore: { accuracy: number } } }; shapes: { right: number } } } }).labels.all;
    expect(agent.macroF1).toBeGreaterThanOrEqual(0.82);
    for (const [category, c] of Object.entries(agent.categories)) {
      expect(c.f1, category).toBeGreaterThanOrEqual(0.68);
      expect(c.precision, category).toBeGreaterThanOrEqual(0.76);
    }
    expect(customer.valence.etcscore.accuracy).toBeGreaterThanOrEqual(0.86);
    expect(shapes.right).toBeGreaterThanOrEqual(21);
  });

  it('skips the readers’ labels with a note when they are absent, and still reports our own sentences', () => {
    const out = evalJs('--labels', path.join(tmpdir(), 'etcscore-no-labels-here'));
    expect(out).toMatch(/real support language: .* is absent, skipped/);
    expect(out).toContain('a test of the mechanism, not an accuracy figure');
  });

  it('scores a labels folder per category and per source', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-labels-'));
    const row = (id: string, role: string, text: string, labels: string[]) => JSON.stringify({ id, source: 'ours', licence: 'MIT', role, context: null, text, labels });
    writeFileSync(
      path.join(dir, 'ours.jsonl'),
      [
        row('a1', 'agent', "I'm so sorry to hear that.", ['sympathy']),
        row('a2', 'agent', "I'll call you back tomorrow with the result.", ['commitment']),
        row('c1', 'customer', 'This is the third time I have called and nobody helps.', ['negative']),
      ].join('\n') + '\n',
    );
    writeFileSync(
      path.join(dir, 'ours-conversations.jsonl'),
      JSON.stringify({ id: 'v1', turns: [{ role: 'customer', text: 'Where is my parcel?' }, { role: 'agent', text: 'It arrives today.' }, { role: 'customer', text: 'Great, thanks so much!' }], shape: 'steady-positive' }) + '\n',
    );
    const result = JSON.parse(evalJs('--labels', dir, '--json')) as { labels: { all: { agent: { n: number; categories: Record<string, { support: number; recall: number }> }; shapes: { n: number } }; perSource: Record<string, unknown> } };
    expect(result.labels.all.agent.n).toBe(2);
    expect(result.labels.all.agent.categories.sympathy).toMatchObject({ support: 1, recall: 1 });
    expect(result.labels.all.agent.categories.commitment).toMatchObject({ support: 1, recall: 1 });
    expect(result.labels.all.shapes.n).toBe(1);
    expect(Object.keys(result.labels.perSource)).toEqual(['ours']);
  });
});
