// Through the command line: the customer's signals are not the agent's risks (--max-risk, counts,
// CSV), and a conversation with no agent turn has no scores in any format, passes no threshold
// silently, and stays out of a rollup's means.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ANGRY_MET_WELL_TEXT, GOOD_TEXT, ONE_SIDED_TEXT, WALL_TEXT } from '../report/fixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-signals-'));
  writeFileSync(path.join(dir, 'angry.txt'), ANGRY_MET_WELL_TEXT);
  writeFileSync(path.join(dir, 'one-sided.txt'), ONE_SIDED_TEXT);
  writeFileSync(path.join(dir, 'good.txt'), GOOD_TEXT);
  writeFileSync(path.join(dir, 'wall.txt'), WALL_TEXT);
});

const records = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));
const csvRows = (csv: string) => parseCsv(csv, { columns: true }) as Array<Record<string, string>>;

describe('an angry customer met well', () => {
  it('passes --max-risk 0: the customer’s distress, escalation and churn are signals, not the agent’s risks', async () => {
    const r = await runCli(['score', 'angry.txt', '--format', 'ndjson', '--max-risk', '0'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [a] = records(r.stdout);
    expect(a.counts.risks).toBe(0);
    expect(a.counts.signals).toBeGreaterThanOrEqual(4);
    expect(new Set(a.findings.filter((f: { kind: string }) => f.kind === 'signal').map((f: { category: string }) => f.category))).toEqual(
      new Set(['customer-distress', 'escalation-request', 'churn-risk', 'gratitude']),
    );
  });

  it('still fails --max-risk 0 on an agent who hides behind policy, counting only the agent’s risks', async () => {
    const r = await runCli(['score', 'wall.txt', '--format', 'ndjson', '--max-risk', '0'], { cwd: dir });
    expect(r.code).toBe(1);
    const [a] = records(r.stdout);
    const agentRisks = a.findings.filter((f: { role: string; kind: string }) => f.role === 'agent' && f.kind === 'risk').length;
    expect(a.counts.risks).toBe(agentRisks);
    expect(r.stderr).toContain(`${agentRisks} agent risks, more than --max-risk 0`);
  });

  it('writes the customer’s findings as kind signal, one CSV row per finding', async () => {
    const r = await runCli(['score', 'angry.txt', '--format', 'csv', '--findings'], { cwd: dir });
    const rows = csvRows(r.stdout);
    expect(rows.filter((x) => x.role === 'customer').map((x) => x.kind)).toEqual(expect.arrayContaining(['signal']));
    expect(rows.every((x) => (x.role === 'customer') === (x.kind === 'signal'))).toBe(true);
  });
});

describe('a one-sided thread (only customer turns)', () => {
  it('has scores null and the reason in json and ndjson', async () => {
    const json = JSON.parse((await runCli(['score', 'one-sided.txt', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.schemaVersion).toBe('2.0.0');
    expect(json.results[0]).toMatchObject({ id: 'one-sided', scores: null, unscored: 'no agent turn', counts: { agentTurns: 0, risks: 0 } });
    const [rec] = records((await runCli(['score', 'one-sided.txt', '--format', 'ndjson'], { cwd: dir })).stdout);
    expect(rec).toMatchObject({ scores: null, unscored: 'no agent turn' });
  });

  it('has empty score cells and the reason in the unscored column of a CSV, beside a scored row', async () => {
    const r = await runCli(['score', 'one-sided.txt', 'good.txt', '--format', 'csv'], { cwd: dir });
    const [one, good] = csvRows(r.stdout);
    expect(one).toMatchObject({ id: 'one-sided', etc: '', emotion: '', trust: '', control: '', unscored: 'no agent turn', risks: '0' });
    expect(Number(one!.signals)).toBeGreaterThan(0);
    expect(good).toMatchObject({ id: 'refund-call', unscored: '' });
    expect(good!.etc).toMatch(/^\d+$/);
  });

  it('neither fails nor passes --fail-under silently: it is listed on stderr as not scored', async () => {
    const alone = await runCli(['score', 'one-sided.txt', '--format', 'ndjson', '--fail-under', '60'], { cwd: dir });
    expect(alone.code).toBe(0);
    expect(alone.stderr).toContain('one-sided.txt: not scored (no agent turn), so --fail-under does not judge it');
    expect(alone.stderr).toContain('1 of 1 conversation not scored');
    // Beside a conversation that crosses the threshold, only that one crosses it.
    const both = await runCli(['score', 'one-sided.txt', 'wall.txt', '--format', 'ndjson', '--fail-under', '95'], { cwd: dir });
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/wall\.txt: ETC \d+ is under --fail-under 95/);
    expect(both.stderr).not.toMatch(/one-sided\.txt: ETC/);
    expect(both.stderr).toContain('1 of 2 conversations not scored; --fail-under judged the other 1');
  });

  it('is counted apart in a rollup, whose means are the scored conversation’s', async () => {
    const scored = await runCli(['score', 'one-sided.txt', 'good.txt', '--format', 'ndjson'], { cwd: dir });
    const [, good] = records(scored.stdout);
    writeFileSync(path.join(dir, 'scores.ndjson'), scored.stdout);
    const json = JSON.parse((await runCli(['report', 'scores.ndjson', '--by', 'team', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.unscored).toBe(1);
    expect(json.groups).toHaveLength(1);
    expect(json.groups[0]).toMatchObject({ key: 'billing', conversations: 2, unscored: 1 });
    for (const k of ['etc', 'emotion', 'trust', 'control']) expect(json.groups[0].scores[k]).toEqual({ mean: good.scores[k], sd: 0 });
    const csv = await runCli(['report', 'scores.ndjson', '--by', 'team', '--format', 'csv'], { cwd: dir });
    const [row] = csvRows(csv.stdout);
    expect(row).toMatchObject({ group: 'billing', conversations: '2', etc_mean: String(good.scores.etc), unscored: '1' });
  });
});
