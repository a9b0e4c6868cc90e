// Bad inputs, one by one and all together: each gives its own error (file, line, reason) or a
// result, and none stops the rest of the batch. Small cases live in fixtures/bad/; the large
// ones are generated here so the repository stays small.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTranscripts } from '../../src/formats/index.js';
import { runCli } from '../helpers/cli.js';

interface Rec {
  type?: string;
  source: string;
  line?: number;
  message?: string;
  counts?: { turns: number; agentTurns: number; customerTurns: number };
  meta?: { roleInference?: { method: string } };
  findings?: { text: string }[];
}

const parse = (stdout: string): Rec[] => stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);
const bad = (name: string) => path.join('fixtures', 'bad', name);

async function scoreOne(file: string, cwd?: string): Promise<{ code: number; records: Rec[]; stderr: string }> {
  const r = await runCli(['score', file, '--format', 'ndjson'], cwd ? { cwd } : {});
  return { code: r.code, records: parse(r.stdout), stderr: r.stderr };
}

/** The one error a bad file gives, checked on stdout (the record) and on stderr (file:line: reason). */
async function expectError(file: string, line: number, reason: RegExp, cwd?: string): Promise<void> {
  const { code, records, stderr } = await scoreOne(file, cwd);
  expect(code).toBe(2);
  expect(records).toHaveLength(1);
  const [e] = records;
  expect(e).toMatchObject({ type: 'error', source: file, line });
  expect(e!.message).toMatch(reason);
  expect(stderr).toContain(`${file}:${line}: ${e!.message}\n`);
}

describe('fixtures/bad: each file gives its expected error', () => {
  it.each([
    ['truncated.json', 5, /^invalid JSON: /],
    ['binary.txt', 1, /^binary file, not a transcript$/],
    ['empty.txt', 1, /^empty file$/],
    ['deep.json', 1, /expected a transcript object/],
    ['deep-meta.json', 3, /^meta: nested more than \d+ levels deep$/],
    ['ragged.csv', 4, /^row has 3 fields, the header has 2$/],
    ['broken-timing.vtt', 6, /^invalid cue timing "00:00:04.000 -> 00:00:0x"/],
  ])('%s → line %i', async (name, line, reason) => {
    await expectError(bad(name), line, reason);
  });
});

describe('fixtures/bad: files that look wrong but can be read', () => {
  it('UTF-16 without a BOM is recognised by its NUL pattern and read', async () => {
    const { code, records } = await scoreOne(bad('utf16-no-bom.txt'));
    expect(code).toBe(0);
    expect(records[0]!.counts).toMatchObject({ turns: 3, agentTurns: 2, customerTurns: 1 });
  });

  it('UTF-8 with a stray Latin-1 byte keeps every UTF-8 character and scores the file', async () => {
    const r = await runCli(['score', bad('mixed-encodings.txt'), '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.results).toHaveLength(1);
    expect(doc.results[0].counts.turns).toBe(3);
    // The UTF-8 text around the bad byte is intact (no mojibake); only the one byte is lost.
    const [t] = readTranscripts(readFileSync(bad('mixed-encodings.txt')), { source: 'm.txt' }).transcripts;
    expect(t!.turns.map((x) => x.text)).toEqual([
      'Hello, this is Zoë, how can I help?',
      'My naïve question: why was I charged twice?',
      'Let me check the caf\ufffd order.',
    ]);
  });

  it('speakers with no known role are read with roles left unknown, said so, and left unscored', async () => {
    const { code, records } = await scoreOne(bad('unknown-roles.txt'));
    expect(code).toBe(0);
    expect(records[0]!.counts).toMatchObject({ turns: 4, agentTurns: 0, customerTurns: 0 });
    expect(records[0]!.meta!.roleInference!.method).toBe('none');
    expect(records[0]!.findings).toEqual([]);
    // With no roles there is no agent to judge: no numbers, and the reason.
    expect(records[0]).toMatchObject({ scores: null, unscored: 'no roles found' });
  });

  it('the whole folder: every bad file reported, every readable one scored, exit 2', async () => {
    const r = await runCli(['score', path.join('fixtures', 'bad'), '--format', 'ndjson']);
    expect(r.code).toBe(2);
    const records = parse(r.stdout);
    expect(records.filter((x) => x.type === 'error').map((x) => path.basename(x.source)).sort()).toEqual(
      ['binary.txt', 'broken-timing.vtt', 'deep-meta.json', 'deep.json', 'empty.txt', 'ragged.csv', 'truncated.json'],
    );
    expect(records.filter((x) => x.type !== 'error').map((x) => path.basename(x.source)).sort()).toEqual(
      ['mixed-encodings.txt', 'unknown-roles.txt', 'utf16-no-bom.txt'],
    );
  });
});

describe('generated large inputs', () => {
  let dir: string;
  const DEEP = 100_000;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'etcscore-bad-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a 24 MB single line (under the limit of an input read whole) is an error on line 1, not a hang or a crash', async () => {
    const words = 'lorem ipsum dolor sit amet consectetur ';
    writeFileSync(path.join(dir, 'one-line.txt'), words.repeat(Math.ceil((24 << 20) / words.length)));
    await expectError('one-line.txt', 1, /^unrecognised input format/, dir);
  });

  it('a 100,000-turn transcript is scored in full', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(i % 2 ? `Customer: still waiting on order ${i}, this is ridiculous.` : `Agent: I'm sorry to hear that. I'll call you back by 3pm.`);
    writeFileSync(path.join(dir, 'long.txt'), lines.join('\n') + '\n');
    const { code, records } = await scoreOne('long.txt', dir);
    expect(code).toBe(0);
    expect(records[0]!.counts).toMatchObject({ turns: 100_000, agentTurns: 50_000, customerTurns: 50_000 });
  }, 120_000);

  it.each([
    ['nested arrays', '['.repeat(DEEP) + ']'.repeat(DEEP), 1, /expected a transcript object/],
    ['nested objects', '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP), 1, /^turns: missing/],
    ['unclosed nesting', '{"turns":' + '['.repeat(DEEP), 1, /^invalid JSON: /],
    ['nesting in meta', `{"turns": [{"role": "agent", "text": "hi"}],\n"meta": {"x": ${'['.repeat(DEEP) + ']'.repeat(DEEP)}}}`, 2, /^meta: nested more than/],
    ['nesting as turn text', `{"turns": [\n{"role": "agent", "text": ${'['.repeat(DEEP) + ']'.repeat(DEEP)}}]}`, 2, /^turns\[0\]\.text: expected a string/],
  ])('JSON %s 100,000 deep is an InputError, not a stack overflow', async (_name, json, line, reason) => {
    writeFileSync(path.join(dir, 'deep.json'), json);
    await expectError('deep.json', line, reason, dir);
  });

  it('a deeply nested NDJSON line costs that line only', async () => {
    const good = JSON.stringify({ turns: [{ role: 'agent', text: 'Thanks for calling.' }] });
    const deep = `{"turns": [], "meta": ${'['.repeat(DEEP) + ']'.repeat(DEEP)}}`;
    writeFileSync(path.join(dir, 'mixed.ndjson'), `${good}\n${deep}\n${good}\n`);
    const { code, records } = await scoreOne('mixed.ndjson', dir);
    expect(code).toBe(2);
    // Whether the error comes before or between the results is the pipeline's business.
    expect(records.filter((x) => x.type !== 'error').map((x) => x.source)).toEqual(['mixed.ndjson#1', 'mixed.ndjson#3']);
    expect(records.filter((x) => x.type === 'error')).toEqual([expect.objectContaining({ source: 'mixed.ndjson', line: 2 })]);
  });
});
