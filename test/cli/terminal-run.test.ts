// What a person at a terminal sees: ids whole (and `coach --id` taking any unique start of one),
// each error once, and an empty run that says nothing was scored.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../src/cli/shard.js';
import { runCli } from '../helpers/cli.js';
import { GOOD_TEXT } from '../report/fixtures.js';

// Ids as contact-centre platforms make them: long, and sharing a long start.
const LONG_A = 'c0a80164-7f3e-4b1a-9d2e-5f6a7b8c9d0e-0001-billing';
const LONG_B = 'c0a80164-7f3e-4b1a-9d2e-5f6a7b8c9d0e-0002-billing';
const START_B = 'c0a80164-7f3e-4b1a-9d2e-5f6a7b8c9d0e-0002';
const call = (id: string) => GOOD_TEXT.replace('# id: refund-call', `# id: ${id}`);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-terminal-'));
  writeFileSync(path.join(dir, 'a.txt'), call(LONG_A));
  writeFileSync(path.join(dir, 'b.txt'), call(LONG_B));
  writeFileSync(path.join(dir, 'both.ndjson'), ['a.txt', 'b.txt'].map((f, i) => JSON.stringify({ id: [LONG_A, LONG_B][i], turns: [
    { role: 'agent', text: 'Thanks for calling, how can I help?' },
    { role: 'customer', text: `Call ${f}: I was charged twice.` },
    { role: 'agent', text: "I'll refund it today." },
  ] })).join('\n') + '\n');
});

const screen = { tty: true, ttyStderr: true, env: { NO_COLOR: '1' } };

describe('ids are shown whole', () => {
  it('the table shows a long id in full, on a line of its own, and keeps its columns aligned', async () => {
    const r = await runCli(['score', 'a.txt', 'b.txt', '--format', 'pretty'], { cwd: dir, env: { NO_COLOR: '1' } });
    const out = r.stdout.split('\n');
    const header = out[0]!;
    for (const id of [LONG_A, LONG_B]) {
      const at = out.indexOf(id);
      expect(at).toBeGreaterThan(0);
      // The row under it leaves the id's column empty and keeps the others under their headers.
      const row = out[at + 1]!;
      const turnsEnd = header.indexOf('TURNS') + 'TURNS'.length;
      expect(row.slice(0, header.indexOf('TURNS')).trim()).toBe('');
      expect(row.slice(turnsEnd - 5, turnsEnd)).toMatch(/^ *\d+$/);
      expect(row[turnsEnd]).toBe(' ');
    }
    expect(r.stdout).not.toContain('…');
  });

  it('coach --id takes the id, any start of it that only one has, or a start cut with …', async () => {
    for (const id of [LONG_B, START_B, `${START_B}…`]) {
      const r = await runCli(['coach', 'both.ndjson', '--id', id], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(LONG_B);
      expect(r.stdout).not.toContain(LONG_A);
    }
  });

  it('coach --id with a start several ids share is a usage error listing them', async () => {
    const r = await runCli(['coach', 'both.ndjson', '--id', 'c0a80164'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`etcscore: --id "c0a80164" is the start of 2 conversations' ids in both.ndjson: ${LONG_A}, ${LONG_B}; give more of the id\n`);
    const none = await runCli(['coach', 'both.ndjson', '--id', 'zz'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`no conversation "zz" in both.ndjson (it has: ${LONG_A}, ${LONG_B})`);
  });
});

describe('an error prints once', () => {
  it('on a terminal: on stderr, not again as a row of the table; the summary counts it', async () => {
    const r = await runCli(['score', 'a.txt', 'missing.txt'], { cwd: dir, ...screen });
    expect(r.code).toBe(2);
    expect((r.stdout + r.stderr).split('missing.txt').length - 1).toBe(1);
    expect(r.stderr).toContain('missing.txt:1: cannot read: no such file');
    expect(r.stdout).toMatch(/1 conversation scored · .* · 1 input error\n$/);
  });

  it('when stdout is a file or a pipe, its table still lists the error (stderr may go elsewhere)', async () => {
    const r = await runCli(['score', 'a.txt', 'missing.txt', '--format', 'pretty'], { cwd: dir });
    expect(r.stdout).toContain('✖ missing.txt:1');
    expect(r.stderr).toContain('missing.txt:1: cannot read: no such file');
  });
});

describe('an empty run', () => {
  // The part of two that a.txt is not in: this copy has nothing to score.
  const otherPart = () => `${2 - shardOf('a.txt', 2)}/2`;

  it('says that nothing was scored, and why, instead of a mean of 0', async () => {
    const r = await runCli(['score', 'a.txt', '--shard', otherPart()], { cwd: dir, ...screen });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nnothing was scored\n$/);
    expect(r.stdout).not.toMatch(/mean ETC|0 conversations/);
    expect(r.stderr).toContain(`--shard ${otherPart()}: none of these inputs' conversations is in this part\n`);
    expect(r.stderr).not.toContain('nothing was scored'); // once is enough
  });

  it('in a pipeline: the data is empty and stderr says nothing was scored; -q keeps it quiet', async () => {
    const r = await runCli(['score', 'missing.txt', '--format', 'ndjson'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing was scored: no conversation was read');
    const md = await runCli(['score', 'a.txt', '--shard', otherPart(), '--format', 'markdown'], { cwd: dir });
    expect(md.stdout).toContain('Nothing was scored.');
    expect(md.stderr).toContain(`--shard ${otherPart()}: none of these inputs' conversations is in this part, so nothing was scored\n`);
    const quiet = await runCli(['score', 'a.txt', '--shard', otherPart(), '--format', 'ndjson', '-q'], { cwd: dir });
    expect(quiet.stdout + quiet.stderr).toBe('');
  });
});
