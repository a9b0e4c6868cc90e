import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKERS_ENV, WORKERS_FROM } from '../helpers/batch.js';
import { runCli } from '../helpers/cli.js';
// @ts-expect-error plain JavaScript shared with the benchmark
import { writeCsvCorpus } from '../../scripts/bench/corpus.js';

let dir: string;
let conversations: number;
beforeAll(async () => {
  // A CSV export (one row a message, conversations one after another) over the size at which
  // workers start, so that --jobs 2 scores its streamed conversations on worker threads.
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-csv-'));
  ({ transcripts: conversations } = (await writeCsvCorpus(path.join(dir, 'export.csv'), WORKERS_FROM + 5e5, 3)) as { transcripts: number });
  expect(statSync(path.join(dir, 'export.csv')).size).toBeGreaterThan(WORKERS_FROM);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a CSV export streamed by score', () => {
  it('scores every conversation in file order, the same on worker threads as on one', async () => {
    const one = await runCli(['score', 'export.csv', '--format', 'ndjson', '--jobs', '1'], { cwd: dir });
    expect(one.code).toBe(0);
    const records = one.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; source: string; meta: { agentName?: string } });
    expect(records).toHaveLength(conversations);
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: conversations }, (_, i) => `call-${String(i + 1).padStart(7, '0')}`));
    expect(records.map((r) => r.source)).toEqual(Array.from({ length: conversations }, (_, i) => `export.csv#${i + 1}`));
    expect(records.every((r) => r.meta.agentName)).toBe(true);
    const two = await runCli(['score', 'export.csv', '--format', 'ndjson', '--jobs', '2'], { cwd: dir, env: WORKERS_ENV });
    expect(two.stdout).toBe(one.stdout);
  });
});
