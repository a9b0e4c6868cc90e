// The output sink: text is encoded to UTF-8 by the sink itself, so every record must arrive whole
// and in order, in chunks that never change after they were written (a PassThrough keeps them;
// a file's sink encodes into one buffer again once a write is done).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileSink, stdoutSink, utf8 } from '../../src/cli/io.js';

/** A stream that finishes each write on a later turn of the event loop and keeps the chunks themselves, as a PassThrough does until they are read. */
function slowStream(): { stream: Writable; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  return { stream, chunks };
}

const record = (i: number) => `{"id":"call-${i}","text":"Ça coûte 12 € 🙂 — 注文番号 ${i}","turns":${'x'.repeat(i % 700)}}\n`;

describe('stdoutSink', () => {
  it('writes records in order and whole, in chunks that stay as written, with text of every width', async () => {
    const { stream, chunks } = slowStream();
    const sink = stdoutSink(stream);
    const expected: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const text = record(i);
      expected.push(text);
      await sink.write(text);
    }
    await sink.close();
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected.join(''));
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(chunk.at(-1)).toBe(0x0a); // a chunk ends where a record does
  });

  it('writes a record longer than a buffer on its own, and bytes after the text before them', async () => {
    const { stream, chunks } = slowStream();
    const sink = stdoutSink(stream);
    const long = `{"text":"${'é🙂'.repeat(800_000)}"}\n`; // 2.4M UTF-16 units: over any buffer's worst case
    await sink.write('{"first":1}\n');
    await sink.write(long);
    await sink.write(Buffer.from('{"bytes":"from a worker"}\n'));
    await sink.write('{"last":1}\n');
    await sink.close();
    expect(Buffer.concat(chunks).toString('utf8')).toBe(`{"first":1}\n${long}{"bytes":"from a worker"}\n{"last":1}\n`);
  });
});

describe('fileSink', () => {
  it('writes records of every width whole and in order, through the one buffer it encodes into', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-sink-'));
    const target = path.join(dir, 'out.ndjson');
    const sink = fileSink(target);
    const expected: string[] = [];
    for (let i = 0; i < 3000; i++) {
      // Short records and long ones (a long result's pieces), and one past any buffer.
      const text = i === 1500 ? `{"text":"${'é🙂'.repeat(800_000)}"}\n` : i % 100 === 0 ? record(i).repeat(200) : record(i);
      expected.push(text);
      await sink.write(text);
      if (i === 2000) await sink.write(Buffer.from('{"bytes":"from a worker"}\n'));
      if (i === 2000) expected.push('{"bytes":"from a worker"}\n');
    }
    await sink.close();
    expect(readFileSync(target, 'utf8')).toBe(expected.join(''));
    rmSync(dir, { recursive: true });
  });
});

describe('chunks', () => {
  it('are never joined past 64 kB of text, so their flat copy is never a large object', async () => {
    const { stream, chunks } = slowStream();
    const sink = stdoutSink(stream);
    const piece = `${'x'.repeat(29_999)}\n`; // a long result's pieces are about this long
    for (let i = 0; i < 20; i++) await sink.write(piece);
    await sink.close();
    expect(Buffer.concat(chunks).toString('utf8')).toBe(piece.repeat(20));
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(1 << 16);
  });
});

describe('utf8', () => {
  it('gives the bytes Buffer.from gives, for text of any width (one byte a unit, CJK, emoji, lone surrogates)', () => {
    const units = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('a', 'é', '注', '🙂', '\ud800', '\udfff') }));
    fc.assert(
      fc.property(units, (text) => {
        expect(utf8(text).equals(Buffer.from(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('holds text wider than its first guess: all three-byte characters, and ASCII with one emoji at the end', () => {
    for (const text of ['注文番号'.repeat(5000), 'x'.repeat(70_000) + '🙂', '', '\ud83d']) {
      expect(utf8(text).equals(Buffer.from(text))).toBe(true);
    }
  });
});
