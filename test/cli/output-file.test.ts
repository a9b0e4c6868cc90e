// -o FILE: the extension names the format or the command refuses (exit 2) before any work; a CSV
// file starts with a UTF-8 byte-order mark for Excel, stdout never does.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { GOOD_TEXT } from '../report/fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-output-'));
  // An agent name that Excel garbles ("TomÃ¡s Reyes") when it reads UTF-8 as cp1252.
  writeFileSync(path.join(dir, 'call.txt'), GOOD_TEXT.replace('# agent: Dana', '# agent: Tomás Reyes'));
  const r = await runCli(['score', 'call.txt', '--format', 'ndjson', '-o', 'scores.ndjson'], { cwd: dir });
  expect(r.code).toBe(0);
});

const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
const BOM = '\uFEFF';

describe('-o with an extension no format has', () => {
  it.each([
    ['score', ['score', 'call.txt'], 'scores.xlsx'],
    ['score', ['score', 'call.txt'], 'scores.tsv'],
    ['score', ['score', 'call.txt'], 'scores.txt'],
    ['score', ['score', 'call.txt'], 'scores'],
    ['report', ['report', 'scores.ndjson', '--by', 'agent'], 'agents.xlsx'],
    ['report', ['report', 'scores.ndjson', '--by', 'agent'], 'agents.ndjson'],
  ])('%s -o %s is a usage error naming the formats, and writes nothing', async (_command, argv, file) => {
    const before = readdirSync(dir);
    const r = await runCli([...argv, '-o', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`-o ${file}: `);
    expect(r.stderr).toMatch(/\.csv \(csv\), .*\.html\/\.htm \(html\), or give --format .*csv/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(before);
  });

  it('is fine with --format, which says what to write', async () => {
    const r = await runCli(['score', 'call.txt', '--format', 'csv', '-o', 'scores.tsv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(read('scores.tsv')).toMatch(/^\uFEFFid,source,/);
    const t = await runCli(['report', 'scores.ndjson', '--format', 'json', '-o', 'rollup.txt'], { cwd: dir });
    expect(t.code).toBe(0);
    expect(JSON.parse(read('rollup.txt')).conversations).toBe(1);
  });

  it('coach writes plain text: .txt only', async () => {
    const bad = await runCli(['coach', 'call.txt', '-o', 'coach.html'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('etcscore: -o coach.html: no format is written as .html; name the file .txt (plain text)\n');
    expect(existsSync(path.join(dir, 'coach.html'))).toBe(false);
    const good = await runCli(['coach', 'call.txt', '-o', 'coach.txt'], { cwd: dir });
    expect(good.code).toBe(0);
    expect(read('coach.txt')).toContain('refund-call');
  });
});

describe('CSV for Excel', () => {
  it('a CSV file starts with a UTF-8 byte-order mark, and the names read right after it', async () => {
    for (const argv of [
      ['score', 'call.txt', '-o', 'scores.csv'],
      ['score', 'call.txt', '--findings', '-o', 'findings.csv'],
      ['report', 'scores.ndjson', '--by', 'agent', '-o', 'agents.csv'],
    ]) {
      expect((await runCli(argv, { cwd: dir })).code).toBe(0);
      const bytes = readFileSync(path.join(dir, argv.at(-1)!));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.includes(Buffer.from('\uFEFF', 'utf8'), 3)).toBe(false); // once, at the start only
    }
    // A reader that skips the mark (as ours do) sees the header and the name unchanged.
    const rows = parseCsv(read('scores.csv'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows[0]).toMatchObject({ id: 'refund-call', agent: 'Tomás Reyes' });
    expect(read('agents.csv')).toContain('Tomás Reyes');
  });

  it('--no-bom leaves it out; CSV on stdout never has one', async () => {
    expect((await runCli(['score', 'call.txt', '-o', 'plain.csv', '--no-bom'], { cwd: dir })).code).toBe(0);
    expect(read('plain.csv')).toMatch(/^id,source,/);
    expect((await runCli(['report', 'scores.ndjson', '-o', 'plain-rollup.csv', '--no-bom'], { cwd: dir })).code).toBe(0);
    expect(read('plain-rollup.csv')).toMatch(/^group,/);
    expect((await runCli(['score', 'call.txt', '--format', 'csv'], { cwd: dir })).stdout).toMatch(/^id,source,/);
    expect((await runCli(['report', 'scores.ndjson', '--format', 'csv'], { cwd: dir })).stdout).toMatch(/^group,/);
  });

  it('other formats never get one', async () => {
    for (const file of ['s.json', 's.html', 's.md']) {
      expect((await runCli(['score', 'call.txt', '-o', file], { cwd: dir })).code).toBe(0);
      expect(read(file).startsWith(BOM)).toBe(false);
    }
  });
});
