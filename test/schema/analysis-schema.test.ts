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
});
