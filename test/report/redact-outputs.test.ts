// --redact in every output: the secrets are in the turns and in the header (meta), and must appear
// in no format; without --redact they do appear, so each check can fail.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SECRETS, WALL_TEXT } from './fixtures.js';

const TEXT = WALL_TEXT.replace('# team: billing\n', '# team: billing\n# customer: jo@example.com\n# notes: call back on +44 20 7946 0958\n').replace(
  "I'm sorry you feel that way.",
  "I'm sorry you feel that way. I have your mobile as 07700 900123.",
);
const ALL = [...SECRETS, 'jo@example.com', '+44 20', '07700 900123'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-redact-'));
  writeFileSync(path.join(dir, 'wall.txt'), TEXT);
});

const FORMATS: Array<[string, string[]]> = [
  ['json', ['--format', 'json']],
  ['ndjson', ['--format', 'ndjson']],
  ['csv', ['--format', 'csv']],
  ['csv --findings', ['--format', 'csv', '--findings']],
  ['markdown', ['--format', 'markdown']],
  ['html', ['--format', 'html']],
  ['coach', ['--format', 'coach']],
  ['pretty --findings', ['--format', 'pretty', '--findings']],
];

// What each format shows of the conversation: the formats that quote turns show every secret;
// the ones that show only meta and findings show the meta secrets.
const SHOWN: Record<string, string[]> = {
  json: ['jo@example.com', '7946 0958'],
  ndjson: ['jo@example.com', '7946 0958'],
  csv: [],
  'csv --findings': [],
  markdown: ['07700 900123'],
  html: ALL,
  coach: ALL,
  'pretty --findings': [],
};

describe('--redact', () => {
  it.each(FORMATS)('masks every secret in %s', async (name, args) => {
    const plain = await runCli(['score', 'wall.txt', ...args], { cwd: dir });
    for (const s of SHOWN[name] ?? []) expect(plain.stdout).toContain(s);
    const r = await runCli(['score', 'wall.txt', ...args, '--redact'], { cwd: dir });
    expect(r.code).toBe(0);
    for (const s of ALL) expect(r.stdout).not.toContain(s);
  });

  it('keeps spans pointing at the (masked) words, and the findings unchanged', async () => {
    const plain = JSON.parse((await runCli(['score', 'wall.txt', '--format', 'json'], { cwd: dir })).stdout).results[0];
    const masked = JSON.parse((await runCli(['score', 'wall.txt', '--format', 'json', '--redact'], { cwd: dir })).stdout).results[0];
    expect(masked.findings.map((f: { rule: string; span: number[] }) => [f.rule, f.span])).toEqual(plain.findings.map((f: { rule: string; span: number[] }) => [f.rule, f.span]));
    // A customer id is a join key: tagged whole, the same tag for the same customer in the run.
    expect(masked.meta.customerId).toMatch(/^\[customer:[a-z]{12}\]$/);
    expect(masked.meta.agentName).toBe('@Sam');
  });

  it('masks results read back by report --redact', async () => {
    await runCli(['score', 'wall.txt', '--format', 'ndjson', '-o', 'plain.ndjson'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'plain.ndjson'), 'utf8')).toContain('jo@example.com');
    for (const format of ['json', 'csv', 'markdown', 'html', 'pretty']) {
      const r = await runCli(['report', 'plain.ndjson', '--by', 'agent', '--format', format, '--redact'], { cwd: dir });
      expect(r.code).toBe(0);
      for (const s of [...SECRETS, 'jo@example.com']) expect(r.stdout).not.toContain(s);
    }
  });
});
