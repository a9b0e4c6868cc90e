// Generators of hostile input: any Unicode, any bytes, and valid files damaged the ways real
// exports get damaged (cut short, lines lost or doubled, stray quotes, NULs, wrong encodings).
import fc from 'fast-check';

const BOM = '\ufeff';
const NEWLINES = ['\n', '\r\n', '\r'];

/** Text of graphemes, or of raw UTF-16 code units (lone surrogates included), with mixed line ends. */
export function anyText(maxLength = 200): fc.Arbitrary<string> {
  const chunk = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom(...NEWLINES, BOM, 'Agent: ', 'Customer: ', '-->', 'WEBVTT\n', '{', '[', '"', ',', '\t', '00:00:01.000 --> 00:00:02.000\n'),
  );
  return fc.tuple(fc.boolean(), fc.array(chunk, { maxLength: Math.ceil(maxLength / 10) })).map(([bom, parts]) => (bom ? BOM : '') + parts.join(''));
}

/** Any bytes, sometimes behind a UTF-8 or UTF-16 BOM. */
export function anyBytes(): fc.Arbitrary<Buffer> {
  return fc
    .tuple(fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), fc.uint8Array({ maxLength: 300 }))
    .map(([bom, body]) => Buffer.concat([Buffer.from(bom), Buffer.from(body)]));
}

const INJECT = ['"', "'", '""', '[', ']', '{', '}', '\u0000', '\r', '\n', '\r\n', ',', ':', '\\', '-->', '<v ', '>', '\t', BOM, '\ud800', '😡', '&#0;', '&#x110000;', '99:99:99.999', 'null', '-1e999'];

type TextOp =
  | { op: 'truncate'; at: number }
  | { op: 'deleteLine'; at: number }
  | { op: 'duplicateLine'; at: number }
  | { op: 'swapLines'; at: number; with: number }
  | { op: 'inject'; at: number; text: string }
  | { op: 'replaceChar'; at: number; text: string }
  | { op: 'crlf' };

const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('inject' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...INJECT), fc.string({ unit: 'binary', maxLength: 4 })) }),
  fc.record({ op: fc.constant('replaceChar' as const), at: fc.nat(), text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }),
  fc.record({ op: fc.constant('crlf' as const) }),
);

function applyTextOp(s: string, m: TextOp): string {
  const lines = s.split('\n');
  switch (m.op) {
    case 'truncate':
      return s.slice(0, m.at % (s.length + 1));
    case 'deleteLine':
      lines.splice(m.at % lines.length, 1);
      return lines.join('\n');
    case 'duplicateLine': {
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'swapLines': {
      const i = m.at % lines.length;
      const j = m.with % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 'inject': {
      const at = m.at % (s.length + 1);
      return s.slice(0, at) + m.text + s.slice(at);
    }
    case 'replaceChar': {
      const at = m.at % Math.max(1, s.length);
      return s.slice(0, at) + m.text + s.slice(at + 1);
    }
    case 'crlf':
      return s.replace(/\n/g, '\r\n');
  }
}

/** A valid text with one to four text-level injuries. */
export function mutatedText(seed: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(seed, fc.array(textOp, { minLength: 1, maxLength: 4 })).map(([s, ops]) => ops.reduce(applyTextOp, s));
}

type ByteOp = { op: 'flip'; at: number; bit: number } | { op: 'set'; at: number; value: number } | { op: 'truncate'; at: number } | { op: 'nul'; at: number };

const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('nul' as const), at: fc.nat() }),
);

function applyByteOp(b: Buffer, m: ByteOp): Buffer {
  if (b.length === 0) return b;
  const at = m.at % b.length;
  switch (m.op) {
    case 'flip': {
      const c = Buffer.from(b);
      c[at] = c[at]! ^ (1 << m.bit);
      return c;
    }
    case 'set': {
      const c = Buffer.from(b);
      c[at] = m.value;
      return c;
    }
    case 'truncate':
      return b.subarray(0, at);
    case 'nul':
      return Buffer.concat([b.subarray(0, at), Buffer.from([0]), b.subarray(at)]);
  }
}

/** A valid text, encoded as a real export might be (UTF-8, with a BOM, UTF-16 LE/BE), then byte-damaged. */
export function mutatedBytes(seed: fc.Arbitrary<string>): fc.Arbitrary<Buffer> {
  const encode = (s: string, how: number): Buffer => {
    if (how === 1) return Buffer.from(BOM + s, 'utf8');
    if (how === 2) return Buffer.from(BOM + s, 'utf16le');
    if (how === 3) return Buffer.from(BOM + s, 'utf16le').swap16();
    if (how === 4) return Buffer.from(s, 'utf16le'); // no BOM: found by its NUL pattern
    return Buffer.from(s, 'utf8');
  };
  return fc
    .tuple(seed, fc.integer({ min: 0, max: 4 }), fc.array(byteOp, { minLength: 1, maxLength: 4 }))
    .map(([s, how, ops]) => ops.reduce(applyByteOp, encode(s, how)));
}
