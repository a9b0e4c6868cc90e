// Linking contacts and --redact when the scoring happens on worker threads: the link is made on the
// calling thread in input order, and masking happens before analysis wherever it runs.
import { mkdtempSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORKERS_ENV, WORKERS_FROM } from '../helpers/batch.js';
import { runCli } from '../helpers/cli.js';

const first = (c: number) => ({
  id: `case-${c}-a`,
  channel: 'call',
  meta: { caseId: `CASE-${c}`, customerId: `C-${c}`, date: '2026-11-02' },
  turns: [
    { role: 'customer', speaker: 'Customer', text: 'My broadband has been down since Friday, reach me on jo.smith@example.com or 07700 900123.' },
    { role: 'agent', speaker: 'Agent', text: "I'm sorry about that. I'll call you back tomorrow by 3pm with an engineer slot." },
    { role: 'customer', speaker: 'Customer', text: 'OK, thanks.' },
  ],
});
const second = (c: number) => ({
  id: `case-${c}-b`,
  channel: 'call',
  meta: { caseId: `CASE-${c}`, customerId: `C-${c}`, date: '2026-11-04' },
  turns: [
    { role: 'agent', speaker: 'Agent', text: 'Thanks for calling, how can I help?' },
    { role: 'customer', speaker: 'Customer', text: 'You said someone would call me back, nobody did. This is ridiculous.' },
    { role: 'agent', speaker: 'Agent', text: "That's our failure, not yours. Let me book the engineer now." },
  ],
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-jobs-contacts-'));
  const lines: string[] = [];
  let size = 0;
  for (let c = 0; size < WORKERS_FROM + 2e5; c++) {
    for (const t of [first(c), second(c)]) {
      const line = JSON.stringify(t);
      lines.push(line);
      size += line.length + 1;
    }
  }
  writeFileSync(path.join(dir, 'contacts.ndjson'), lines.join('\n') + '\n');
  expect(statSync(path.join(dir, 'contacts.ndjson')).size).toBeGreaterThan(WORKERS_FROM);
});

describe('score --jobs 2 with contacts across the batch and --redact', () => {
  it('links each later contact to the earlier promise and masks personal data, exactly as --jobs 1 does', async () => {
    const args = ['score', 'contacts.ndjson', '--format', 'ndjson', '--redact'];
    // --redact's tags are keyed at random per run: the two runs get the same key to compare them.
    const key = { ETCSCORE_REDACT_KEY: 'one key for both runs' };
    const one = await runCli([...args, '--jobs', '1'], { cwd: dir, env: key });
    const two = await runCli([...args, '--jobs', '2'], { cwd: dir, env: { ...WORKERS_ENV, ...key } });
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).not.toContain('jo.smith@example.com');
    expect(one.stdout).not.toContain('07700 900123');
    const records = two.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const later = records.filter((r) => r.id.endsWith('-b'));
    expect(later.length).toBeGreaterThan(100);
    for (const r of later) {
      const broken = r.findings.find((f: { category: string; data?: { earlier?: unknown } }) => f.category === 'commitment-broken' && f.data?.earlier);
      expect(broken, r.id).toBeDefined();
    }
  }, 120_000);
});
