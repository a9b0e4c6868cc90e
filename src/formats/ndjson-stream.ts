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

/** Lines read from one chunk of input, with whether the input holds more than one record. */
export interface NdjsonBatch {
  lines: NdjsonLine[];
  /**
   * More than one record, so each is numbered "path#n". Settled before the first line is handed
   * out: the first record is held back until a second one (or the end) is seen.
   */
  numbered: boolean;
}

const LF = 0x0a;

/**
 * Splits a byte stream into NDJSON lines. A line is cut at LF bytes, which never occur inside a
 * multi-byte UTF-8 character, so each line decodes on its own; a line may span many chunks.
 */
export async function* ndjsonLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<NdjsonBatch> {
  let partial: Buffer[] = [];
  let lineNo = 0;
  let ordinal = 0;
  let held: NdjsonLine | undefined; // the first record, until we know whether there is a second
  let pending: NdjsonLine[] = [];

  const take = (raw: string) => {
    let text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (lineNo === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // A CR left inside is a line end of its own (old Mac files): count it as the file's editor would.
    for (const part of text.includes('\r') ? text.split('\r') : [text]) {
      lineNo++;
      if (part.trim() === '') continue;
      const line = { text: part, line: lineNo, ordinal: ++ordinal };
      if (ordinal === 1) held = line;
      else pending.push(line);
    }
  };
  const flush = (atEnd: boolean): NdjsonBatch | undefined => {
    if (held && (pending.length > 0 || atEnd)) {
      pending.unshift(held);
      held = undefined;
    }
    if (pending.length === 0) return undefined;
    const batch = { lines: pending, numbered: ordinal > 1 };
    pending = [];
    return batch;
  };

  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = buf.indexOf(LF, start); nl !== -1; nl = buf.indexOf(LF, start)) {
      if (partial.length > 0) {
        partial.push(buf.subarray(start, nl));
        take(Buffer.concat(partial).toString('utf8'));
        partial = [];
      } else {
        take(buf.toString('utf8', start, nl));
      }
      start = nl + 1;
    }
    if (start < buf.length) partial.push(Buffer.from(buf.subarray(start))); // a copy: the reader may reuse its buffer
    const batch = flush(false);
    if (batch) yield batch;
  }
  if (partial.length > 0) take(Buffer.concat(partial).toString('utf8'));
  const last = flush(true);
  if (last) yield last;
}

/** The transcript on one NDJSON line; throws InputError naming the line when it is not one. */
export function ndjsonTranscript(line: NdjsonLine, numbered: boolean, options: ParseOptions): Transcript {
  const draft = readNdjsonRecord(line.text, line.line, options);
  return buildTranscripts([draft], 'ndjson', options, numbered ? [line.ordinal] : undefined)[0]!;
}

/** The source a record's transcript gets: "path#n" when the input holds several records. */
export function ndjsonSource(source: string, line: NdjsonLine, numbered: boolean): string {
  return numbered ? `${source}#${line.ordinal}` : source;
}
