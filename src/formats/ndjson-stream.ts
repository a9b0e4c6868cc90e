// NDJSON as a stream: the records of a file or stdin of any size, a chunk at a time, with the
// file's own line numbers, so a batch never has to be held in memory. Each record is read by the
// same per-line parser as a whole file (ndjson.ts), so both give the same transcripts.
import type { Transcript } from '../model/types.js';
import { buildTranscripts } from './build.js';
import { readNdjsonRecord } from './ndjson.js';
import type { ParseOptions } from './types.js';

/** One non-empty line of an NDJSON input. */
export interface NdjsonLine {
  text: string;
  /** 1-based line in the file, counting blank lines and CR or CRLF line ends as an editor does. */
  line: number;
  /** 1-based position among the non-empty lines (the n of "path#n"), counting bad ones. */
  ordinal: number;
}

/** A non-empty line still as bytes: decoded only where it is parsed (often another thread). */
export interface NdjsonRecordBytes {
  bytes: Buffer;
  line: number;
  ordinal: number;
  /** Set (bytes empty) for a line longer than the limit, which ends the input. */
  oversize?: true;
  /** Set when `bytes` are the line alone in a buffer made for it (a line joined from several reads), nothing the reader may reuse. */
  own?: true;
}

/** Lines read from one chunk of input, with whether the input holds more than one record. */
export interface NdjsonBatch {
  records: NdjsonRecordBytes[];
  /**
   * More than one record, so each is numbered "path#n". Settled before the first line is handed
   * out: the first record is held back until a second one (or the end) is seen.
   */
  numbered: boolean;
}

const LF = 0x0a;
const CR = 0x0d;

/** Whether a line holds nothing but white space (decoding it only when it has non-ASCII bytes). */
function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 32 || (b >= 9 && b <= 13)) continue;
    return b >= 0x80 ? bytes.toString('utf8').trim() === '' : false;
  }
  return true;
}

/**
 * Splits a byte stream into NDJSON lines without decoding them: LF, CR and CRLF end a line (so line
 * numbers match what an editor shows), a UTF-8 BOM is dropped, blank lines are skipped but counted.
 * LF and CR bytes never occur inside a multi-byte UTF-8 character, so each line decodes on its own.
 */
export async function* ndjsonLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes = Infinity): AsyncGenerator<NdjsonBatch> {
  let partial: Buffer[] = [];
  let partialBytes = 0;
  let lineNo = 0;
  let ordinal = 0;
  let held: NdjsonRecordBytes | undefined; // the first record, until we know whether there is a second
  let pending: NdjsonRecordBytes[] = [];

  /** `joined`: raw is a buffer made here for this line, not a view of the reader's. */
  const take = (raw: Buffer, joined = false) => {
    let line = raw.length > 0 && raw[raw.length - 1] === CR ? raw.subarray(0, -1) : raw;
    if (lineNo === 0 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
    // A CR left inside is a line end of its own (old Mac files): count it as the file's editor would.
    for (let from = 0; from <= line.length; ) {
      const cr = line.indexOf(CR, from);
      const part = line.subarray(from, cr === -1 ? line.length : cr);
      from = cr === -1 ? line.length + 1 : cr + 1;
      lineNo++;
      if (isBlank(part)) continue;
      const record: NdjsonRecordBytes = { bytes: part, line: lineNo, ordinal: ++ordinal };
      // The line is its buffer but for a byte-order mark or a CR (CRs inside make several records of it).
      if (joined && part.length + 4 >= raw.buffer.byteLength) record.own = true;
      if (ordinal === 1) held = record;
      else pending.push(record);
    }
  };
  const flush = (atEnd: boolean): NdjsonBatch | undefined => {
    if (held && (pending.length > 0 || atEnd)) {
      pending.unshift(held);
      held = undefined;
    }
    if (pending.length === 0) return undefined;
    const batch = { records: pending, numbered: ordinal > 1 };
    pending = [];
    return batch;
  };

  /**
   * A line longer than the limit (an endless one: `/dev/zero`, a pipe that never ends a line) ends
   * the input: it stands in its place as an oversize record, and nothing after it is read.
   */
  const oversize = (): NdjsonBatch | undefined => {
    const record = { bytes: Buffer.alloc(0), line: lineNo + 1, ordinal: ++ordinal, oversize: true as const };
    if (ordinal === 1) held = record;
    else pending.push(record);
    return flush(true);
  };

  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = buf.indexOf(LF, start); nl !== -1; nl = buf.indexOf(LF, start)) {
      if (partialBytes + nl - start > maxLineBytes) {
        const last = oversize();
        if (last) yield last;
        return;
      }
      if (partial.length > 0) {
        partial.push(buf.subarray(start, nl));
        take(Buffer.concat(partial), true);
        partial = [];
        partialBytes = 0;
      } else {
        take(buf.subarray(start, nl));
      }
      start = nl + 1;
    }
    if (start < buf.length) {
      partial.push(Buffer.from(buf.subarray(start))); // a copy: the reader may reuse its buffer
      partialBytes += buf.length - start;
      if (partialBytes > maxLineBytes) {
        const last = oversize();
        if (last) yield last;
        return;
      }
    }
    const batch = flush(false);
    if (batch) yield batch;
  }
  if (partial.length > 0) take(Buffer.concat(partial), true);
  const last = flush(true);
  if (last) yield last;
}

/** The transcript on one NDJSON line; throws InputError naming the line when it is not one. */
export function ndjsonTranscript(line: NdjsonLine, numbered: boolean, options: ParseOptions): Transcript {
  const draft = readNdjsonRecord(line.text, line.line, options);
  return buildTranscripts([draft], 'ndjson', options, numbered ? [line.ordinal] : undefined)[0]!;
}

/** The source a record's transcript gets: "path#n" when the input holds several records. */
export function ndjsonSource(source: string, record: { ordinal: number }, numbered: boolean): string {
  return numbered ? `${source}#${record.ordinal}` : source;
}
