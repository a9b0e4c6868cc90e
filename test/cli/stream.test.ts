import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ndjsonLines } from '../../src/formats/ndjson-stream.js';
import { workUnits } from '../../src/cli/sources.js';
import type { WorkUnit } from '../../src/cli/units.js';
import { readTranscripts } from '../../src/formats/index.js';
import { BIN } from '../helpers/bin.js';
import { runCli } from '../helpers/cli.js';

const turn = (role: string, text: string) => ({ role, text });
const record = (id: string | undefined, text = 'I am sorry to hear that.') =>
  JSON.stringify({ ...(id ? { id } : {}), turns: [turn('customer', 'My parcel never came.'), turn('agent', text)] });

async function collect(chunks: Array<string | Buffer>) {
  async function* source() {
    for (const c of chunks) yield typeof c === 'string' ? Buffer.from(c) : c;
  }
  const out: Array<{ text: string; line: number; ordinal: number; numbered: boolean }> = [];
  for await (const batch of ndjsonLines(source())) {
    for (const r of batch.records) out.push({ text: r.bytes.toString('utf8'), line: r.line, ordinal: r.ordinal, numbered: batch.numbered });
  }
  return out;
}

const records = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-stream-'));
});

describe('ndjsonLines', () => {
  it("keeps the file's line numbers across chunks, blank lines, CRLF and lone CR", async () => {
    const text = '\ufeff{"a":1}\r\n\r\n{"b":2}\r{"c":3}\n\n{"d":4}';
    const whole = await collect([text]);
    expect(whole.map((l) => [l.text, l.line, l.ordinal])).toEqual([
      ['{"a":1}', 1, 1],
      ['{"b":2}', 3, 2],
      ['{"c":3}', 4, 3],
      ['{"d":4}', 6, 4],
    ]);
    // The same bytes cut anywhere, even inside a multi-byte character, give the same lines.
    const bytes = Buffer.from(text + '\n{"e":"caf\u00e9 \u{1F600}"}\n');
    for (const cut of [1, 3, 9, bytes.length - 4, bytes.length - 2]) {
      const pieces = await collect([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(pieces.map((l) => l.text)).toEqual([...whole.map((l) => l.text), '{"e":"caf\u00e9 \u{1F600}"}']);
    }
  });

  it('numbers records only when there is more than one, deciding before the first is handed out', async () => {
    expect((await collect(['{"a":1}\n\n'])).map((l) => l.numbered)).toEqual([false]);
    expect((await collect(['{"a":1}\n', '\n', '{"b":2}\n'])).map((l) => l.numbered)).toEqual([true, true]);
  });
});

describe('a long NDJSON line', () => {
  it('is its unit as read, never copied, and the start of the input is not kept beside it', async () => {
    // A line of 3 MB, read in 1 MB pieces and joined once: the unit takes that buffer, and the
    // reads it was peeked from (the first 4 MB of an input) are let go as they are replayed.
    const long = record('long', 'Thank you for waiting. '.repeat(140_000));
    const file = path.join(dir, 'long-line.ndjson');
    writeFileSync(file, `${record('short')}\n${long}\n${record('after')}\n`);
    const units: WorkUnit[] = [];
    for await (const { unit } of workUnits([file], { cwd: dir, stdin: process.stdin, batchBytes: 256 << 10 })) units.push(unit);
    const spans = units.flatMap((u) => (u.kind === 'ndjson' ? u.spans.map((s) => u.bytes.subarray(s.start, s.end).toString()) : []));
    expect(spans).toEqual([record('short'), long, record('after')]);
    const own = units.find((u) => u.kind === 'ndjson' && u.bytes.length > 1e6);
    expect(own?.kind === 'ndjson' && own.bytes.buffer.byteLength).toBe(Buffer.byteLength(long));
  });

  it('is marked as a buffer of its own only when joined from several reads', async () => {
    async function* source() {
      yield Buffer.from('{"a":1}\n{"b":');
      yield Buffer.from('2}\r\n{"c":3}\n');
    }
    const own: Array<[string, boolean]> = [];
    for await (const batch of ndjsonLines(source())) for (const r of batch.records) own.push([r.bytes.toString(), r.own === true]);
    // {"b":2} is joined, but too short for a buffer of its own (Buffer's pool holds it).
    expect(own).toEqual([['{"a":1}', false], ['{"b":2}', false], ['{"c":3}', false]]);
    async function* big() {
      yield Buffer.from(`{"a":"${'x'.repeat(9000)}`);
      yield Buffer.from(`"}\r\n{"c":3}\n`);
    }
    const marked: boolean[] = [];
    for await (const batch of ndjsonLines(big())) for (const r of batch.records) marked.push(r.own === true);
    expect(marked).toEqual([true, false]);
  });
});

describe('streamed NDJSON is read as the whole file would be', () => {
  it('gives the same transcripts and errors as the whole-file reader', async () => {
    const text = [record('first'), '', '{"turns": [}', record(undefined), '{"id": "x", "turns": "none"}', record('last')].join('\n') + '\n';
    const file = path.join(dir, 'mixed.ndjson');
    writeFileSync(file, text);
    const whole = readTranscripts(Buffer.from(text), { source: 'mixed.ndjson' });
    const r = await runCli(['score', 'mixed.ndjson', '--format', 'ndjson', '--jobs', '1'], { cwd: dir });
    expect(r.code).toBe(2);
    const out = records(r.stdout);
    // In input order: each error record sits where its line is.
    expect(out.map((x) => (x.type === 'error' ? `error:${x.line}` : `${x.id}@${x.source}`))).toEqual([
      'first@mixed.ndjson#1',
      'error:3',
      'mixed#3@mixed.ndjson#3',
      'error:5',
      'last@mixed.ndjson#5',
    ]);
    expect(out.filter((x) => x.type !== 'error').map((x) => [x.id, x.source])).toEqual(whole.transcripts.map((t) => [t.id, t.source]));
    expect(out.filter((x) => x.type === 'error').map((x) => [x.line, x.message])).toEqual(whole.errors.map((e) => [e.line, e.message]));
    expect(r.stderr).toContain('mixed.ndjson:3: invalid JSON');
  });

  it('numbers a file of several records even when only one of them reads', async () => {
    const text = `${record('only')}\nnot json\n`;
    expect(readTranscripts(Buffer.from(text), { source: 'x.ndjson' }).transcripts.map((t) => t.source)).toEqual(['x.ndjson#1']);
  });

  it('streams stdin recognised as NDJSON by its content, and a .json file holding NDJSON', async () => {
    const text = `${record('a')}\r\n${record('b')}\r\n`;
    const piped = await runCli(['score', '-', '--format', 'ndjson'], { stdin: text });
    expect(piped.code).toBe(0);
    expect(records(piped.stdout).map((x) => x.source)).toEqual(['<stdin>#1', '<stdin>#2']);
    writeFileSync(path.join(dir, 'export.json'), text);
    const file = await runCli(['score', 'export.json', '--format', 'ndjson'], { cwd: dir });
    expect(records(file.stdout).map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('reads stdin as the format given by --input-format, even when it looks like NDJSON', async () => {
    const r = await runCli(['score', '-', '--format', 'ndjson', '--input-format', 'json'], { stdin: `${record('a')}\n${record('b')}\n` });
    expect(r.stdout).not.toContain('<stdin>#');
  });

  it('reports an empty NDJSON file and a missing one, and goes on', async () => {
    writeFileSync(path.join(dir, 'empty.ndjson'), '\n\n');
    writeFileSync(path.join(dir, 'one.ndjson'), record('one') + '\n');
    const r = await runCli(['score', 'empty.ndjson', 'missing.ndjson', 'one.ndjson', '--format', 'ndjson'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('empty.ndjson:1: empty file');
    expect(r.stderr).toContain('missing.ndjson:1: cannot read: no such file');
    const one = records(r.stdout).at(-1);
    expect([one.id, one.source]).toEqual(['one', 'one.ndjson']);
  });

  it('still reads UTF-16 NDJSON (left to the whole-file decoder)', async () => {
    const text = `${record('u1')}\n${record('u2')}\n`;
    writeFileSync(path.join(dir, 'wide.ndjson'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await runCli(['score', 'wide.ndjson', '--format', 'ndjson'], { cwd: dir });
    expect(records(r.stdout).map((x) => x.id)).toEqual(['u1', 'u2']);
  });

  it('reads a big file past its first read, whatever record spans the seam, as stdin would be read', async () => {
    // Long agent turns, so that records are a few kB and one of them runs across 64 kB.
    const lines = Array.from({ length: 60 }, (_, i) => record(`r${i}`, `${'I will call you back tomorrow by 5pm with the result. '.repeat(20 + (i % 7) * 9)}`));
    const text = lines.join('\n') + '\n';
    const seam = Buffer.byteLength(text.slice(0, text.indexOf('\n', 1 << 16)));
    expect(text.slice(0, seam).split('\n').at(-1)!.length).toBeGreaterThan(100); // a record does span it
    writeFileSync(path.join(dir, 'big.ndjson'), text);
    const file = await runCli(['score', 'big.ndjson', '--format', 'ndjson', '--jobs', '1'], { cwd: dir });
    const piped = await runCli(['score', '-', '--format', 'ndjson', '--jobs', '1'], { stdin: text });
    expect(file.code).toBe(0);
    expect(records(file.stdout).map((x) => x.id)).toEqual(lines.map((_, i) => `r${i}`));
    expect(file.stdout.replaceAll('big.ndjson#', '<stdin>#')).toBe(piped.stdout);
  });

  const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;
  it.skipIf(!hasMkfifo)('scores a transcript that comes through a named pipe, which cannot be read twice', () => {
    const fifo = path.join(dir, 'call-from-pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const call = path.resolve('fixtures/samples/call-0001-airline-minor-policy-wall.txt');
    // Another process writes, as with `etcscore score <(zcat call.txt.gz)`. A second read of the
    // pipe would wait for ever for a writer: the time limit turns that into a failure.
    const r = spawnSync('sh', ['-c', 'cat "$1" > "$2" & exec "$3" "$4" score "$2" --format ndjson', 'sh', call, fifo, process.execPath, BIN], { encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' });
    expect(r.status).toBe(0);
    const [result] = records(r.stdout);
    expect([result.type, result.id, result.meta.format]).toEqual([undefined, 'call-0001', 'text']);
    expect(result.counts.turns).toBeGreaterThan(10);
  });
});
