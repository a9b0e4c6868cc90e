import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisValidators } from '../helpers/schema.js';
import { runCli } from '../helpers/cli.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const samples = path.join(root, 'fixtures', 'samples');
const { analysis, error } = analysisValidators();

describe('schema/analysis.schema.json', () => {
  it('accepts every result the CLI writes for the bundled samples', async () => {
    const r = await runCli(['score', samples, '--format', 'ndjson', '--quiet'], { cwd: root });
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.length).toBeGreaterThanOrEqual(readdirSync(samples).filter((f) => /\.(txt|json)$/.test(f)).length);
    for (const rec of records) {
      const ok = rec.type === 'error' ? error(rec) : analysis(rec);
      expect(ok, `${rec.source}: ${JSON.stringify((rec.type === 'error' ? error : analysis).errors)}`).toBe(true);
    }
  });

  it('accepts error records and rejects a result with a category outside the vocabulary', async () => {
    const r = await runCli(['score', '-', '--format', 'ndjson'], { stdin: '{"turns": [' });
    const rec = JSON.parse(r.stdout.trim());
    expect(error(rec), JSON.stringify(error.errors)).toBe(true);

    const good = await runCli(['score', '-', '--format', 'json'], {
      stdin: "Agent: I'm sorry to hear that.\nCustomer: It's been three weeks.\n",
    });
    const a = JSON.parse(good.stdout).results[0];
    expect(analysis(a)).toBe(true);
    a.findings[0].category = 'anger';
    expect(analysis(a)).toBe(false);
  });

  it('accepts a conversation without scores only with its reason, and a customer signal', async () => {
    const r = await runCli(['score', '-', '--format', 'ndjson'], { stdin: 'Customer: This is ridiculous, I want to cancel my account.\nCustomer: Hello??\n' });
    const a = JSON.parse(r.stdout.trim());
    expect(a).toMatchObject({ schemaVersion: expect.stringMatching(/^2\./), scores: null, unscored: 'no agent turn' });
    expect(a.findings.map((f: { kind: string }) => f.kind)).toContain('signal');
    expect(analysis(a), JSON.stringify(analysis.errors)).toBe(true);
    const { unscored: _, ...silent } = a;
    expect(analysis(silent)).toBe(false); // null scores must say why
    expect(analysis({ ...a, scores: { etc: 50, emotion: 50, trust: 50, control: 50 } })).toBe(false); // and a reason only without scores
    expect(analysis({ ...a, schemaVersion: '1.0.0' })).toBe(false);
  });
});
