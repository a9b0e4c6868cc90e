// Bytes → text: picks the encoding (BOM, or the NUL pattern of BOM-less UTF-16), refuses binary
// input, and normalises line ends so that line numbers match what an editor shows for the file.
import { InputError } from '../model/errors.js';

const BINARY = 'binary file, not a transcript';

/** CRLF and lone CR become LF; a pair counts as one line, so line numbers are the file's own. */
export function normalizeNewlines(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

type Utf16 = 'utf16le' | 'utf16be';

/**
 * UTF-16 without a BOM: text that is mostly ASCII has a NUL in every other byte. Only call it
 * UTF-16 when one parity is mostly NUL and the other almost never is; anything else with NULs
 * is binary.
 */
function sniffUtf16(buf: Buffer): Utf16 | undefined {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.02) return 'utf16le';
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.02) return 'utf16be';
  return undefined;
}

function decodeUtf16(buf: Buffer, kind: Utf16): string {
  if (kind === 'utf16le') return buf.toString('utf16le', 0, buf.length & ~1);
  const swapped = Buffer.from(buf.subarray(0, buf.length & ~1));
  swapped.swap16();
  return swapped.toString('utf16le');
}

/** Decodes a file's bytes; throws InputError for empty or binary input. */
export function decodeBytes(buf: Buffer, source: string): string {
  if (buf.length === 0) throw new InputError(source, 1, 'empty file');
  let text: string;
  if (buf[0] === 0xff && buf[1] === 0xfe) text = decodeUtf16(buf.subarray(2), 'utf16le');
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = decodeUtf16(buf.subarray(2), 'utf16be');
  else if (buf.includes(0)) {
    const kind = sniffUtf16(buf);
    if (!kind) throw new InputError(source, 1, BINARY);
    text = decodeUtf16(buf, kind);
  } else {
    text = buf.toString('utf8');
    // A stray Latin-1 byte or two is tolerable; more than a small fraction means not text.
    const bad = countReplacements(text) - countLiteralReplacements(buf);
    if (bad > Math.max(1, text.length * 0.01)) throw new InputError(source, 1, BINARY);
  }
  if (text.includes('\u0000')) throw new InputError(source, 1, BINARY);
  const out = normalizeNewlines(text);
  if (out.trim() === '') throw new InputError(source, 1, 'empty file');
  return out;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** U+FFFD written in the file itself (EF BF BD) is not a decoding failure. */
function countLiteralReplacements(buf: Buffer): number {
  let n = 0;
  const needle = Buffer.from([0xef, 0xbf, 0xbd]);
  for (let i = buf.indexOf(needle); i !== -1; i = buf.indexOf(needle, i + 3)) n++;
  return n;
}
