// A generated batch for the pipeline tests: a seeded NDJSON export big enough to start workers,
// plus loose files of other formats in folders, written to a temporary directory.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error plain JavaScript shared with the benchmark
import { rng, transcript } from '../../scripts/bench/corpus.js';

/**
 * Tests that need workers start them from 4 MB, whatever this machine's cores make the default
 * (workerThreshold: ~13 MB for two jobs, never on one core), and write batches a little over that.
 */
export const WORKERS_FROM = 4 << 20;
export const WORKERS_ENV: NodeJS.ProcessEnv = { ETCSCORE_WORKERS_FROM_MB: String(WORKERS_FROM / 2 ** 20) };

export function writeBatch(ndjsonBytes: number, seed = 7): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-batch-'));
  mkdirSync(path.join(dir, 'calls', 'east'), { recursive: true });
  const r = rng(seed) as () => number;
  let text = '';
  for (let n = 1; text.length < ndjsonBytes; n++) {
    text += JSON.stringify(transcript(r, n)) + '\n';
    if (n === 3) text += '{"turns": oops}\n'; // a bad line: its error keeps its place
  }
  writeFileSync(path.join(dir, 'calls', 'export.ndjson'), text);
  for (let i = 0; i < 12; i++) {
    const t = transcript(r, 1000 + i) as { turns: Array<{ role: string; text: string }> };
    const body = t.turns.slice(0, 12).map((x) => `${x.role === 'agent' ? 'Agent' : 'Customer'}: ${x.text}`).join('\n');
    writeFileSync(path.join(dir, 'calls', i % 2 ? 'east' : '.', `call-${i}.txt`), `# id: loose-${i}\n${body}\n`);
  }
  writeFileSync(path.join(dir, 'calls', 'east', 'broken.json'), '{ "turns": [ ');
  return dir;
}
