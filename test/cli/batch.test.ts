// A batch of 1,000 files of which 5% are bad: every good file is scored and written, every bad
// one is reported on stderr as file:line: reason and as an error record, and the exit code is 2.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FILES = 1000;
const isBad = (i: number) => i % 20 === 7; // 50 of 1,000

const good = (i: number): [string, string] => {
  switch (i % 4) {
    case 0:
      return ['txt', `Agent: Thanks for calling, how can I help?\nCustomer: Order ${i} is still not here.\nAgent: I'll call you back by 3pm.\n`];
    case 1:
      return ['json', JSON.stringify({ id: `c${i}`, turns: [{ role: 'agent', text: 'Hello!' }, { role: 'customer', text: `Ticket ${i}, third time calling.` }] })];
    case 2:
      return ['csv', `speaker,text\nAgent,Hi there\nCustomer,"Refund ${i}, please"\n`];
    default:
      return ['vtt', `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>Hello, call ${i}.\n\n00:00:02.000 --> 00:00:03.000\n<v Customer>Thanks.\n`];
  }
};

// Each kind of damage, with the line its error must name.
const BAD: Array<[string, string | Buffer, number]> = [
  ['json', '{\n  "turns": [\n    {"role": "agent", "text": "cut', 3],
  ['txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0, 0, 0, 0, 0xff, 0xfe, 0xfd]), 1],
  ['txt', '', 1],
  ['csv', 'speaker,text\nAgent,Hi\nCustomer,a,b\n', 3],
  ['vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n\nnot a timing\nbye\n', 6],
];

let dir: string;
const expectedErrors = new Map<string, number>();
const expectedResults: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-batch-'));
  for (let i = 0; i < FILES; i++) {
    const sub = path.join('calls', `day-${String(i % 10).padStart(2, '0')}`);
    mkdirSync(path.join(dir, sub), { recursive: true });
    const name = `call-${String(i).padStart(4, '0')}`;
    if (isBad(i)) {
      const [ext, body, line] = BAD[(i / 20) % BAD.length | 0]!;
      const file = path.join(sub, `${name}.${ext}`);
      writeFileSync(path.join(dir, file), body);
      expectedErrors.set(file, line);
    } else {
      const [ext, body] = good(i);
      const file = path.join(sub, `${name}.${ext}`);
      writeFileSync(path.join(dir, file), body);
      expectedResults.push(file);
    }
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Rec {
  type?: string;
  source: string;
  line?: number;
  message?: string;
  scores?: { etc: number };
}

function expectStderrNamesEveryError(stderr: string, errors: Rec[]): void {
  const lines = stderr.split('\n').filter((l) => /^calls\//.test(l));
  expect(lines.sort()).toEqual(errors.map((e) => `${e.source}:${e.line}: ${e.message}`).sort());
}

describe('a batch of 1,000 files, 5% bad', () => {
  it('-o out.ndjson: every good result written, every bad file reported with its line, exit 2', async () => {
    const r = await runCli(['score', 'calls', '-o', 'out.ndjson', '--quiet'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const records = readFileSync(path.join(dir, 'out.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Rec);
    const results = records.filter((x) => x.type !== 'error');
    const errors = records.filter((x) => x.type === 'error');
    expect(results.map((x) => x.source).sort()).toEqual([...expectedResults].sort());
    expect(results.every((x) => Number.isInteger(x.scores?.etc))).toBe(true);
    expect(new Map(errors.map((e) => [e.source, e.line]))).toEqual(expectedErrors);
    expect(errors.every((e) => (e.message ?? '').length > 0)).toBe(true);
    expectStderrNamesEveryError(r.stderr, errors);
  }, 120_000);

  it('--format json: the same results and errors in one document', async () => {
    const r = await runCli(['score', 'calls', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { results: Rec[]; errors: Rec[] };
    expect(doc.results).toHaveLength(expectedResults.length);
    expect(new Map(doc.errors.map((e) => [e.source, e.line]))).toEqual(expectedErrors);
    expectStderrNamesEveryError(r.stderr, doc.errors);
  }, 120_000);
});
