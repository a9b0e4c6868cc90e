import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { GOOD_TEXT, WALL_TEXT } from '../report/fixtures.js';

let dir: string;
let results: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-report-'));
  writeFileSync(path.join(dir, 'good.txt'), GOOD_TEXT);
  writeFileSync(path.join(dir, 'wall.txt'), WALL_TEXT);
  writeFileSync(path.join(dir, 'anon.txt'), "Agent: I'm sorry to hear that.\nCustomer: ok then.\n");
  writeFileSync(path.join(dir, 'broken.json'), '{ "turns": [');
  const r = await runCli(['score', 'good.txt', 'wall.txt', 'anon.txt', 'broken.json', '--format', 'ndjson', '-o', 'scores.ndjson'], { cwd: dir });
  expect(r.code).toBe(2); // broken.json: an error record among the results
  results = readFileSync(path.join(dir, 'scores.ndjson'), 'utf8');
});

const json = (s: string) => JSON.parse(s);

describe('etcscore report', () => {
  it('rolls up score’s NDJSON by agent, counting error records and grouping the unnamed under (none)', async () => {
    const r = await runCli(['report', 'scores.ndjson', '--by', 'agent', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.by).toBe('agent');
    expect(doc.conversations).toBe(3);
    expect(doc.errorRecords).toBe(1);
    expect(doc.groups.map((g: { key: string }) => g.key)).toEqual(['@Sam', 'Dana', '(none)']);
    expect(doc.groups[0].worstFindings[0]).toMatchObject({ category: 'policy-hiding', severity: 'error' });
    expect(r.stderr).toContain('1 error record in the results skipped');
  });

  it('groups by ISO week with --by date --period week', async () => {
    const r = await runCli(['report', 'scores.ndjson', '--by', 'date', '--period', 'week', '--format', 'json'], { cwd: dir });
    const doc = json(r.stdout);
    expect(doc.period).toBe('week');
    expect(doc.groups.map((g: { key: string; conversations: number }) => [g.key, g.conversations])).toEqual([
      ['2026-W47', 2],
      ['(none)', 1],
    ]);
  });

  it('reports a line that is not JSON as file:line, exits 2, and still rolls up the rest', async () => {
    const lines = results.trimEnd().split('\n');
    writeFileSync(path.join(dir, 'damaged.ndjson'), [lines[0], '{"id": "cut off', ...lines.slice(1)].join('\n') + '\n');
    const r = await runCli(['report', 'damaged.ndjson', '--by', 'team', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^damaged\.ndjson:2: not JSON/m);
    expect(json(r.stdout).conversations).toBe(3);
  });

  it('reads stdin and several files', async () => {
    const r = await runCli(['report', '-', 'scores.ndjson', '--format', 'json'], { cwd: dir, stdin: results });
    expect(json(r.stdout).groups[0]).toMatchObject({ key: '(all)', conversations: 6 });
  });

  it('writes csv, markdown and html with -o atomically, the format from the extension', async () => {
    for (const [file, check] of [
      ['teams.csv', (s: string) => s.startsWith('\uFEFFgroup,conversations,etc_mean,etc_sd')],
      ['teams.md', (s: string) => s.startsWith('# Rollup by team')],
      ['teams.html', (s: string) => s.startsWith('<!doctype html>') && !/<script/i.test(s)],
    ] as const) {
      const r = await runCli(['report', 'scores.ndjson', '--by', 'team', '-o', file], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(check(readFileSync(path.join(dir, file), 'utf8'))).toBe(true);
      expect(existsSync(path.join(dir, `.${file}.${process.pid}.tmp`))).toBe(false);
    }
  });

  it('copies nothing from a crafted results line into its pages as markup, and reports a line of the wrong types', async () => {
    const form = '"><form action="https://evil.example"><button>Log in</button></form>';
    const records = results.split('\n').filter((l) => l.includes('"findings"')).map((l) => JSON.parse(l));
    const wallRecord = records.find((x) => x.findings.some((f: { kind: string }) => f.kind === 'risk'));
    const crafted = { ...wallRecord, id: `\n\n# ${form}`, findings: wallRecord.findings.map((f: object) => ({ ...f, severity: `error${form}`, category: `[x](https://evil.example)${form}` })) };
    const wrongTypes = { ...wallRecord, findings: wallRecord.findings.map((f: object) => ({ ...f, turn: form })) };
    writeFileSync(path.join(dir, 'crafted.ndjson'), [crafted, wrongTypes].map((x) => JSON.stringify(x)).join('\n') + '\n');
    for (const file of ['crafted.html', 'crafted.md']) {
      const r = await runCli(['report', 'crafted.ndjson', '--by', 'agent', '-o', file], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('crafted.ndjson:2: not an analysis');
      const page = readFileSync(path.join(dir, file), 'utf8');
      expect(page).not.toMatch(/<form|<button/i);
      // Markdown: no link and no heading but the title (the id's blank lines are gone).
      if (file.endsWith('.md')) expect([page.includes('](https:'), page.match(/^# /gm)]).toEqual([false, ['# ']]);
    }
  });

  it('prints a table on a terminal', async () => {
    const r = await runCli(['report', 'scores.ndjson', '--by', 'queue'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    expect(r.stdout).toMatch(/^QUEUE\s+N\s+ETC/);
    expect(r.stdout).toContain('refunds');
  });

  it('refuses --period week without --by date, and an unknown --by', async () => {
    expect((await runCli(['report', 'scores.ndjson', '--period', 'week'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['report', 'scores.ndjson', '--by', 'planet'], { cwd: dir })).code).toBe(2);
  });

  it('exits 2 for a missing results file', async () => {
    const r = await runCli(['report', 'nope.ndjson', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.ndjson:1: cannot read: no such file');
  });
});

describe('help', () => {
  it('documents the pipeline thresholds and exit codes in score --help', async () => {
    const r = await runCli(['score', '--help']);
    expect(r.code).toBe(0);
    for (const text of ['--fail-under <n>', '--max-risk <n>', 'Thresholds for pipelines', 'Exit codes: 0 ok, 1 a --fail-under/--max-risk threshold was crossed, 2 usage or input error', '--redact', 'csv', 'html']) {
      expect(r.stdout).toContain(text);
    }
  });

  it('lists coach and report among the commands', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toMatch(/^\s+coach \[options\] <file>/m);
    expect(r.stdout).toMatch(/^\s+report \[options\] <results\.\.\.>/m);
  });
});

describe('-o into a missing directory', () => {
  it('is a usage error, not a crash', async () => {
    const r = await runCli(['report', 'scores.ndjson', '-o', 'no/such/dir/out.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*out\.csv: .* is not a directory/);
    const c = await runCli(['coach', 'good.txt', '-o', 'no/such/dir/coach.txt'], { cwd: dir });
    expect(c.code).toBe(2);
  });
});
