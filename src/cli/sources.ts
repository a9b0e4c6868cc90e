// Inputs → units of work, in input order. NDJSON (by extension, by --input-format, or by its
// content for stdin and vague extensions) is streamed a chunk at a time and cut into batches of
// records; a CSV export bigger than its first read is streamed too, in batches of conversations;
// any other input is one unit, read whole where it is scored (or scored from what was read
// to recognise it, when that was all of it). --shard drops what is not this copy's before anything
// is parsed.
import { closeSync, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { detectFormat, readerByExtension } from '../formats/index.js';
import { csvDelimiter } from '../formats/csv.js';
import { csvConversations } from '../formats/csv-stream.js';
import { ndjsonLines, ndjsonSource, type NdjsonRecordBytes } from '../formats/ndjson-stream.js';
import { STDIN, TooLarge, directoryFailure, openPipe, readFailure, specialFile } from './io.js';
import { LIMITS, recordTooLarge, tooManyTurns } from './limits.js';
import { inShard, shardPath, type Shard } from './shard.js';
import type { NdjsonSpan, WorkUnit } from './units.js';

export interface SourceOptions {
  cwd: string;
  stdin: Readable;
  /** --input-format */
  inputFormat?: string;
  shard?: Shard;
  /** --map: the columns of a CSV export streamed here. */
  map?: Record<string, string>;
  /** About how much NDJSON or CSV text goes in one unit. */
  batchBytes: number;
  /** Rows of a CSV export held back, in characters, so that a conversation's rows may lie apart by this much. */
  csvHoldChars?: number;
  /** Inputs (by their `input` name) whose reading is to stop: too many of their records were errors. */
  stopped?: ReadonlySet<string>;
  /**
   * The paths named on the command line: a named pipe or a device is read only when named there,
   * never when found in a folder (all of them when not given).
   */
  named?: ReadonlySet<string>;
}

/** A unit, and the bytes of input it stands for (to decide when workers are worth starting). */
interface Sized {
  unit: WorkUnit;
  bytes: number;
}

/** A unit, its size, and the input it comes from ("<stdin>" for stdin). */
export interface SizedUnit extends Sized {
  input: string;
}

const STREAMED_EXTENSIONS = new Set(['ndjson', 'jsonl', 'csv', 'tsv']);
// Extensions that say nothing certain about the content (as in formats/index.ts): look inside.
const VAGUE_EXTENSIONS = new Set(['', 'txt', 'text', 'log', 'json', 'dat']);
/** Enough of the start of an input to recognise its format: 50 lines, or this many bytes. */
const PEEK_LINES = 50;
const PEEK_BYTES = 4 << 20;
/** A file's first read: enough to recognise its format, small, since most files are read whole after it. */
const FIRST_READ = 1 << 16;
/**
 * Rows of a CSV export held back before the oldest conversation is handed on (see csv-stream.ts):
 * the rows of one conversation may lie this far apart (an export sorted by time interleaves them).
 * About 3 times as much heap: the rows' cells as strings.
 */
const CSV_HOLD_CHARS = 4 << 20;
/** Later reads of a file being streamed. */
const READ_CHUNK = 1 << 20;

export async function* workUnits(inputs: readonly string[], o: SourceOptions): AsyncGenerator<SizedUnit> {
  for (const input of inputs) {
    const name = input === STDIN ? '<stdin>' : input;
    for await (const sized of unitsOf(input, o)) yield { ...sized, input: name };
  }
}

async function* unitsOf(input: string, o: SourceOptions): AsyncGenerator<Sized> {
  const isStdin = input === STDIN;
  const source = isStdin ? '<stdin>' : input;
  const file = isStdin ? '' : path.resolve(o.cwd, input);
  const ext = isStdin ? '' : path.extname(input).slice(1).toLowerCase();
  const forced = o.inputFormat?.toLowerCase();
  // What --shard hashes: the same for every spelling of the path (results keep the user's).
  const key = o.shard && !isStdin ? shardPath(input, o.cwd) : source;

  const whole = function* (size?: number): Generator<Sized> {
    if (!inShard(key, o.shard)) return;
    yield { unit: { kind: 'file', source, path: file }, bytes: size ?? sizeOf(file) };
  };
  const special = isStdin ? undefined : specialFile(file);
  if (special) {
    // A FIFO in a folder of calls waits for a writer that may never come: the batch would stop
    // there. Named on the command line (`<(zcat call.vtt.gz)`, a named pipe) it is read, without
    // blocking this thread, so that Ctrl-C still ends the run.
    const refused = special === 'a socket' ? `cannot read: it is ${special}` : o.named && !o.named.has(input) ? `not read: it is ${special}, not a regular file; in a folder only regular files are read (name it on the command line to read it)` : undefined;
    if (refused) {
      if (inShard(key, o.shard)) yield { unit: { kind: 'error', error: { source, line: 1, message: refused } }, bytes: 0 };
      return;
    }
  }
  if (!isStdin && !special && forced !== undefined && forced !== 'ndjson' && forced !== 'csv') return yield* whole();
  if (!isStdin && !special && forced === undefined && !STREAMED_EXTENSIONS.has(ext) && !VAGUE_EXTENSIONS.has(ext)) return yield* whole();

  let chunks: AsyncIterator<Buffer>;
  let size: number | undefined;
  try {
    if (isStdin) chunks = o.stdin[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    else ({ chunks, size } = openFile(file, special !== undefined));
  } catch (err) {
    if (inShard(key, o.shard)) yield { unit: { kind: 'error', error: readFailure(source, err) }, bytes: 0 };
    return;
  }
  let head: { chunks: Buffer[]; done: boolean };
  try {
    head = await peek(chunks);
  } catch (err) {
    if (inShard(key, o.shard)) yield { unit: { kind: 'error', error: readFailure(source, err) }, bytes: 0 };
    return;
  }
  const streamed = streamedFormat(head, source, forced);
  if (streamed === undefined || (streamed === 'csv' && head.done)) {
    // A big regular file is read again where it is scored, so that this thread never holds it; what
    // is read whole already (most calls, and a CSV file that is all in its first read), stdin and a pipe (`<(zcat call.vtt.gz)`), which cannot be
    // read twice, are scored from the bytes read.
    if (size !== undefined && !head.done) {
      await chunks.return?.();
      return yield* whole(size);
    }
    let rest: Buffer[];
    try {
      rest = head.done ? [] : await drain(chunks, LIMITS.inputBytes - byteLength(head.chunks));
    } catch (err) {
      if (inShard(key, o.shard)) yield { unit: { kind: 'error', error: readFailure(source, err) }, bytes: 0 };
      return;
    }
    const bytes = Buffer.concat([...head.chunks, ...rest]);
    if (inShard(key, o.shard)) yield { unit: { kind: 'bytes', source, bytes }, bytes: bytes.length };
    return;
  }
  const all = replay(head.chunks, head.done ? undefined : chunks);
  if (streamed === 'ndjson') return yield* ndjsonUnits(source, key, all, o);
  if (inShard(key, o.shard)) yield* csvUnits(source, csvDelimiter(source, headText(head)), all, o);
  else await chunks.return?.();
}

/**
 * Conversations of a CSV export, a batch a unit, as each is complete (formats/csv-stream.ts): an
 * export of any size is scored in bounded memory instead of being read and parsed whole.
 */
async function* csvUnits(source: string, delimiter: string, chunks: AsyncIterable<Buffer>, o: SourceOptions): AsyncGenerator<Sized> {
  const stream = csvConversations(chunks, {
    source,
    ...(o.map ? { map: o.map } : {}),
    delimiter,
    holdChars: o.csvHoldChars ?? CSV_HOLD_CHARS,
    batchChars: o.batchBytes,
    maxTurns: LIMITS.turns,
    maxRowChars: LIMITS.recordBytes,
    maxSkippedRows: LIMITS.turns,
  });
  try {
    for await (const event of stream) {
      if (o.stopped?.has(source)) return;
      if (event.kind === 'conversations') {
        const { layout, numbered, conversations, chars } = event;
        yield { unit: { kind: 'csv', source, layout, numbered, conversations }, bytes: chars };
      } else if (event.kind === 'error') {
        yield { unit: { kind: 'error', error: event.error }, bytes: 0 };
      } else {
        yield { unit: { kind: 'error', error: { source: event.source, line: event.line, message: tooManyTurns(event.turns) } }, bytes: 0 };
      }
    }
  } catch (err) {
    yield { unit: { kind: 'error', error: readFailure(source, err) }, bytes: 0 };
  }
}

/** Records of one NDJSON input in units of about `batchBytes`, keeping this shard's records only (by `key`). */
async function* ndjsonUnits(source: string, key: string, chunks: AsyncIterable<Buffer>, o: SourceOptions): AsyncGenerator<Sized> {
  let records: NdjsonRecordBytes[] = [];
  let bytes = 0;
  let numbered = false;
  let seen = 0;
  const cut = (): Sized => {
    const unit: Sized = { unit: ndjsonUnit(source, numbered, records, bytes), bytes };
    records = [];
    bytes = 0;
    return unit;
  };
  try {
    for await (const batch of ndjsonLines(chunks, LIMITS.recordBytes)) {
      if (o.stopped?.has(source)) return; // the rest of the input is not read
      numbered = batch.numbered;
      for (const record of batch.records) {
        seen++;
        if (o.shard && !inShard(ndjsonSource(key, record, numbered), o.shard)) continue;
        if (record.oversize) {
          // In its place in the output: the records before it go first.
          if (records.length > 0) yield cut();
          yield { unit: { kind: 'error', error: { source: ndjsonSource(source, record, numbered), line: record.line, message: recordTooLarge() } }, bytes: 0 };
          continue;
        }
        // A line of a unit's size or more, in a buffer of its own, is a unit alone: never copied.
        if (record.own && record.bytes.length >= o.batchBytes && records.length > 0) yield cut();
        records.push(record);
        bytes += record.bytes.length;
        if (bytes >= o.batchBytes) yield cut();
      }
    }
  } catch (err) {
    if (records.length > 0) yield cut();
    yield { unit: { kind: 'error', error: readFailure(source, err) }, bytes: 0 };
    return;
  }
  if (records.length > 0) yield cut();
  if (seen === 0 && inShard(key, o.shard)) yield { unit: { kind: 'error', error: { source, line: 1, message: 'empty file' } }, bytes: 0 };
}

/**
 * One unit of records, their bytes copied into one buffer of its own: it can be handed to a
 * worker without a copy, and this thread never decodes the text or keeps it on its heap. A record
 * whose bytes are a buffer of their own already (a line longer than a read, joined from its
 * pieces) is its unit's buffer as it is: copied, it was held twice while it was scored.
 */
function ndjsonUnit(source: string, numbered: boolean, records: NdjsonRecordBytes[], size: number): WorkUnit {
  const only = records.length === 1 ? records[0]! : undefined;
  if (only?.own) {
    return { kind: 'ndjson', source, numbered, bytes: only.bytes, spans: [{ start: 0, end: only.bytes.length, line: only.line, ordinal: only.ordinal }] };
  }
  const bytes = Buffer.allocUnsafeSlow(size);
  const spans: NdjsonSpan[] = [];
  let at = 0;
  for (const r of records) {
    r.bytes.copy(bytes, at);
    spans.push({ start: at, end: at + r.bytes.length, line: r.line, ordinal: r.ordinal });
    at += r.bytes.length;
  }
  return { kind: 'ndjson', source, numbered, bytes, spans };
}

/** A file's size for sharing out work, as far as the file system tells (0 if it cannot). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // reported when the file is read, with the rest of the batch
  }
}

/**
 * Opens a file for streaming; a missing file or a directory fails here, not half-way. Opening,
 * checking and the first read are synchronous: in a directory of small calls they are most of the
 * reading, and done asynchronously each waited on a round trip through libuv's thread pool while
 * the thread had nothing else to do (8% of a --jobs 1 run over 400 files of 25 kB).
 */
function openFile(file: string, special: boolean): { chunks: AsyncIterator<Buffer>; size: number | undefined } {
  // Opening a FIFO waits for its writer: done off this thread, so signals are still handled.
  if (special) return { chunks: openedLater(file)[Symbol.asyncIterator](), size: undefined };
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw directoryFailure(file);
    // A pipe or a device (`<(zcat calls.ndjson.gz)`) may have nothing to read yet: never block on it.
    if (!stat.isFile()) return { chunks: streamFrom(fd)[Symbol.asyncIterator](), size: undefined };
    return { chunks: fileChunks(fd), size: stat.size };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/**
 * A regular file's bytes: a small first read, then large ones. Most files in a directory of calls
 * are neither NDJSON nor bigger than the first read, so that read should cost little: the 1 MB
 * buffer the read stream takes for each read put so much memory outside the heap that V8 ran a full
 * collection every few files (58–89 against 20–27 for 400 files of 25 kB, and ~40% more CPU).
 */
async function* fileChunks(fd: number): AsyncGenerator<Buffer> {
  let handedOver = false;
  try {
    const first = Buffer.allocUnsafe(FIRST_READ);
    const n = readSync(fd, first, 0, FIRST_READ, null);
    if (n > 0) yield first.subarray(0, n);
    if (n < FIRST_READ) return;
    handedOver = true;
    yield* streamFrom(fd);
  } finally {
    if (!handedOver) closeSync(fd);
  }
}

/** A pipe or a device's bytes, opened asynchronously (libuv's thread waits for the writer, not this one). */
async function* openedLater(file: string): AsyncGenerator<Buffer> {
  const handle = await openPipe(file);
  yield* handle.createReadStream({ highWaterMark: READ_CHUNK }) as AsyncIterable<Buffer>;
}

/** The rest of an open file or pipe, read by a stream that closes it when done or stopped. */
function streamFrom(fd: number): AsyncIterable<Buffer> {
  return createReadStream('', { fd, highWaterMark: READ_CHUNK });
}

/** Reads the start of an input: enough lines to recognise its format. */
async function peek(chunks: AsyncIterator<Buffer>): Promise<{ chunks: Buffer[]; done: boolean }> {
  const head: Buffer[] = [];
  let bytes = 0;
  let lines = 0;
  while (lines < PEEK_LINES && bytes < PEEK_BYTES) {
    const next = await chunks.next();
    if (next.done) return { chunks: head, done: true };
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    head.push(chunk);
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1 && lines < PEEK_LINES; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { chunks: head, done: false };
}

/**
 * The format an input is streamed in: NDJSON or the generic CSV export, said so or recognised from
 * its complete first lines. UTF-16 and anything with NUL bytes is left to the whole-file reader,
 * which decodes or refuses it.
 */
function streamedFormat(head: { chunks: Buffer[]; done: boolean }, source: string, forced: string | undefined): 'ndjson' | 'csv' | undefined {
  const bytes = Buffer.concat(head.chunks);
  if (bytes.length === 0 || bytes.includes(0) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  const format = forced ?? (readerByExtension(source) ?? detectFormat(headText(head), source))?.name;
  return format === 'ndjson' || format === 'csv' ? format : undefined;
}

/** The complete lines of an input's start, decoded as the whole-file reader does. */
function headText(head: { chunks: Buffer[]; done: boolean }): string {
  const bytes = Buffer.concat(head.chunks);
  const lastLf = bytes.lastIndexOf(10);
  return bytes.toString('utf8', 0, head.done || lastLf === -1 ? bytes.length : lastLf).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

async function* replay(head: Buffer[], rest: AsyncIterator<Buffer> | undefined): AsyncGenerator<Buffer> {
  try {
    // Each let go as it is given: the first 4 MB of an input, kept, stayed beside its records
    // through the whole input (a long turn's line, twice).
    while (head.length > 0) yield head.shift()!;
    if (!rest) return;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest?.return?.(); // stopped early (a limit): close the file or the pipe
  }
}

/** The rest of an input, up to `limit` bytes: an endless one (`/dev/zero`, a pipe) stops there with TooLarge. */
async function drain(chunks: AsyncIterator<Buffer>, limit: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  let bytes = 0;
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    bytes += chunk.length;
    if (bytes > limit) {
      await chunks.return?.();
      throw new TooLarge(LIMITS.inputBytes - limit + bytes);
    }
    out.push(chunk);
  }
  return out;
}

const byteLength = (chunks: readonly Buffer[]) => chunks.reduce((n, c) => n + c.length, 0);
