import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { decodeBytes } from '../../src/formats/decode.js';
import { parseBytes } from '../../src/formats/index.js';

const SAMPLE = 'Agent: Thank you for calling, how can I help?\r\nCustomer: My bill is wrong.\r\n';

function utf16be(text: string): Buffer {
  const b = Buffer.from(text, 'utf16le');
  b.swap16();
  return b;
}

describe('decodeBytes', () => {
  it('reads UTF-8 and normalises CRLF to LF', () => {
    expect(decodeBytes(Buffer.from(SAMPLE), 'a.txt')).toBe(SAMPLE.replace(/\r\n/g, '\n'));
  });

  it('drops a UTF-8 BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('WEBVTT\n')]);
    expect(decodeBytes(buf, 'a.vtt')).toBe('WEBVTT\n');
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SAMPLE)]);
    expect(decodeBytes(le, 'le.txt')).toBe(SAMPLE.replace(/\r\n/g, '\n'));
    expect(decodeBytes(be, 'be.txt')).toBe(SAMPLE.replace(/\r\n/g, '\n'));
  });

  it('recognises UTF-16 without a BOM by its NUL pattern', () => {
    expect(decodeBytes(Buffer.from(SAMPLE, 'utf16le'), 'le.txt')).toBe(SAMPLE.replace(/\r\n/g, '\n'));
    expect(decodeBytes(utf16be(SAMPLE), 'be.txt')).toBe(SAMPLE.replace(/\r\n/g, '\n'));
  });

  it('keeps non-ASCII text intact through UTF-16', () => {
    const text = 'Customer: Ça ne marche pas 😡\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeBytes(le, 'x.txt')).toBe(text);
  });

  it('turns lone CR into LF without changing the line count', () => {
    expect(decodeBytes(Buffer.from('a\rb\r\nc\n'), 'x.txt')).toBe('a\nb\nc\n');
  });

  it('rejects empty and binary input with InputError on line 1', () => {
    const empty = () => decodeBytes(Buffer.alloc(0), 'empty.txt');
    expect(empty).toThrow(InputError);
    expect(empty).toThrow('empty file');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01, 0x00, 0x02, 0xff, 0x00]);
    expect(() => decodeBytes(png, 'x.png')).toThrow('binary file, not a transcript');
    const garbage = Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + (i % 60)));
    const err = (() => {
      try {
        decodeBytes(garbage, 'g.txt');
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(err?.line).toBe(1);
    expect(err?.message).toBe('binary file, not a transcript');
  });

  it('tolerates a single stray Latin-1 byte', () => {
    const buf = Buffer.concat([Buffer.from('Customer: caf'), Buffer.from([0xe9]), Buffer.from(' closed, I want a refund for my order please\n')]);
    expect(decodeBytes(buf, 'x.txt')).toContain('Customer: caf\ufffd closed');
  });
});

describe('parseBytes', () => {
  it('names the file line after CRLF normalisation', () => {
    const text = 'Agent: Hello\r\nCustomer: Hi\r\n\r\n';
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const [t] = parseBytes(buf, { source: 'w.txt' });
    expect(t!.turns.map((x) => x.line)).toEqual([1, 2]);
  });

  it('reports a WebVTT error on the right line in a CRLF UTF-16 file', () => {
    const vtt = 'WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<v A>Hi\r\n\r\n00:00:02.000 --> nope\r\n<v B>Hello\r\n';
    const buf = Buffer.from(vtt, 'utf16le');
    expect(() => parseBytes(buf, { source: 'x.vtt' })).toThrow(expect.objectContaining({ line: 6 }));
  });
});
