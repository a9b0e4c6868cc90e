// A CSV export (one row per message, many conversations) as a stream: rows are parsed a chunk at a
// time and grouped by conversation id, and each conversation is handed on once it is complete, so
// an export of any size is scored in bounded memory. Conversations come out in the order csv.ts
// gives for the whole file (first seen first), built by the same code (csvTranscripts).
//
// A conversation cannot be known complete until the file ends: its id might come back. So the
// latest conversations are held, up to `holdChars` of rows, and the oldest is handed on only when
// more than that has been read after it started: rows of one conversation that are interleaved with
// others (an export sorted by time) are still grouped as long as they lie within that distance. A
// row whose conversation was handed on already cannot join it: it is reported, once per
// conversation, as an error in its place, and its conversation's later rows are skipped.
import { createRequire } from 'node:module';
import { Readable, pipeline } from 'node:stream';
import type { Options } from 'csv-parse';
import { InputError, type InputErrorRecord } from '../model/index.js';
import { NO_TURNS, csvLayout, csvRowKey, type CsvConversation, type CsvLayout } from './csv.js';
import { NO_HEADER, checkWidth, headerOf, tableError, tableOptions, tableRow, type ParsedRecord, type TableRow } from './table.js';
import type { ParseOptions } from './types.js';

export interface CsvStreamOptions extends ParseOptions {
  delimiter: string;
  /** Rows held back, in characters, so that a conversation's rows may be apart in the file by up to this. */
  holdChars: number;
  /** About how many characters of rows go in one batch handed on. */
  batchChars: number;
  /** A conversation of more turns than this keeps no rows (it would be refused): only their count. */
  maxTurns: number;
  /** The longest row, in characters: an unclosed quote in an endless input stops here. */
  maxRowChars: number;
  /**
   * Rows kept out of every conversation (of one over `maxTurns`, or come late): an endless input
   * of them (a pipe that never ends, with one id or none) stops here, with an error.
   */
  maxSkippedRows: number;
}

export type CsvStreamEvent =
  /** Complete conversations, in order; `numbered` when the file holds more than one. */
  | { kind: 'conversations'; layout: CsvLayout; numbered: boolean; conversations: CsvConversation[]; chars: number }
  /** A conversation over `maxTurns`, in its place. */
  | { kind: 'too-many-turns'; source: string; line: number; turns: number }
  | { kind: 'error'; error: InputErrorRecord };

interface Group extends CsvConversation {
  key: string;
  chars: number;
  turns: number;
  line: number;
}

type Entry = Group | { kind: 'error'; error: InputErrorRecord };
const isGroup = (e: Entry): e is Group => !('kind' in e);

type CsvParseStream = (options: Options) => NodeJS.ReadWriteStream;
// Loaded on first use, as in table.ts.
let csvParse: CsvParseStream | undefined;
const parser = (options: Options) => (csvParse ??= (createRequire(import.meta.url)('csv-parse') as { parse: CsvParseStream }).parse)(options);

/** Text of UTF-8 chunks as the whole-file reader decodes it: no BOM, CRLF and lone CR as LF. */
async function* decoded(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8'); // drops a BOM; keeps a character split between chunks whole
  let cr = false; // a CR at the end of a chunk may be the first half of a CRLF
  const lf = (s: string) => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);
  for await (const chunk of chunks) {
    let s: string = (cr ? '\r' : '') + decoder.decode(chunk, { stream: true });
    cr = s.endsWith('\r');
    if (cr) s = s.slice(0, -1);
    if (s !== '') yield lf(s);
  }
  const rest = (cr ? '\r' : '') + decoder.decode();
  if (rest !== '') yield lf(rest);
}

/** The rows of a CSV byte stream, header first, each with its file line; errors are InputErrors naming the line. */
async function* records(chunks: AsyncIterable<Uint8Array>, o: CsvStreamOptions): AsyncGenerator<{ header: string[] } | { row: TableRow; chars: number }> {
  const csv = parser({ ...tableOptions(o.delimiter), max_record_size: o.maxRowChars });
  pipeline(Readable.from(decoded(chunks)), csv, () => {}); // an error reaches the loop below through `csv`
  let header: string[] | undefined;
  try {
    for await (const r of csv as AsyncIterable<ParsedRecord>) {
      if (header) yield { row: checkWidth(tableRow(r), header, o.source), chars: r.raw.length };
      else yield { header: (header = headerOf(r)) };
    }
  } catch (e) {
    throw e instanceof InputError ? e : (e as { code?: string }).code?.startsWith('CSV_') ? tableError(e, o.source) : e;
  }
  if (!header) throw new InputError(o.source, 1, NO_HEADER);
}

/**
 * The conversations of a CSV export, as they are complete, in batches of about `batchChars`. A
 * bad header or row (InputError) ends the stream with an error event, after the conversations
 * complete before it; any other failure (a read error) is thrown.
 */
export async function* csvConversations(chunks: AsyncIterable<Uint8Array>, o: CsvStreamOptions): AsyncGenerator<CsvStreamEvent> {
  let layout: CsvLayout | undefined;
  const open = new Map<string, Group>(); // conversations not yet handed on, by id
  const handedOn = new Set<string>(); // ids of conversations handed on: a row for one of them is late
  const skipped = new Set<string>(); // ids whose late rows were reported: their later rows are skipped
  const queue: Entry[] = []; // what is not yet handed on, in output order
  let held = 0;
  let count = 0;
  let skippedRows = 0;
  let last: Group | undefined; // the conversation of the latest row: never complete yet

  /** Hands on the head of the queue while `more()` says so, in batches. */
  const handOn = function* (more: () => boolean, numbered: boolean): Generator<CsvStreamEvent> {
    let batch: CsvConversation[] = [];
    let chars = 0;
    const cut = (): CsvStreamEvent => {
      const event: CsvStreamEvent = { kind: 'conversations', layout: layout!, numbered, conversations: batch, chars };
      batch = [];
      chars = 0;
      return event;
    };
    while (queue.length > 0 && more()) {
      const entry = queue.shift()!;
      if (!isGroup(entry)) {
        if (batch.length > 0) yield cut();
        yield entry;
        continue;
      }
      open.delete(entry.key);
      handedOn.add(entry.key);
      held -= entry.chars;
      if (entry.turns > o.maxTurns) {
        if (batch.length > 0) yield cut();
        yield { kind: 'too-many-turns', source: numbered ? `${o.source}#${entry.ordinal}` : o.source, line: entry.line, turns: entry.turns };
        continue;
      }
      batch.push({ ordinal: entry.ordinal, rows: entry.rows });
      chars += entry.chars;
      if (chars >= o.batchChars) yield cut();
    }
    if (batch.length > 0) yield cut();
  };

  try {
    for await (const record of records(chunks, o)) {
      if ('header' in record) {
        layout = csvLayout(record.header, o);
        continue;
      }
      const r = record.row;
      // Without an id column the file is one conversation, and every row is kept: csv.ts looks at
      // them all for signs that it is several (refuseMerged).
      const key = layout!.cols.id === undefined ? '' : csvRowKey(layout!, r);
      if (key === undefined) continue;
      let group = open.get(key);
      if (!group && handedOn.has(key) && !skipped.has(key)) {
        skipped.add(key); // reported once
        queue.push({ kind: 'error', error: { source: o.source, line: r.line, message: late(key, o.holdChars) } });
      }
      // A row kept out of every conversation still costs reading it: past a limit, reading stops.
      const keptOut = group ? group.turns >= o.maxTurns : skipped.has(key);
      if (keptOut && ++skippedRows > o.maxSkippedRows) {
        // What was read goes on, as at the end of the input; the error says where reading stopped.
        yield* handOn(() => true, count > 1);
        yield { kind: 'error', error: { source: o.source, line: r.line, message: skippedTooMuch(o.maxSkippedRows) } };
        return;
      }
      if (!group) {
        if (skipped.has(key)) continue;
        group = { key, ordinal: ++count, rows: [], chars: 0, turns: 0, line: r.line };
        open.set(key, group);
        queue.push(group);
      }
      last = group;
      if (csvRowKey(layout!, r) !== undefined) group.turns++;
      if (group.turns > o.maxTurns) {
        // Refused when handed on: keep the count, not the rows.
        held -= group.chars;
        group.rows = [];
        group.chars = 0;
        continue;
      }
      group.rows.push(r);
      group.chars += record.chars;
      held += record.chars;
      // Over the hold (by a batch, so that what is handed on comes in batches): the oldest go on.
      if (held > o.holdChars + o.batchChars) yield* handOn(() => held > o.holdChars && queue[0] !== last, true);
    }
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    // What is complete before the bad row goes on; the conversation it was in is not scored.
    yield* handOn(() => queue[0] !== last, count > 1);
    yield { kind: 'error', error: err.toRecord() };
    return;
  }
  if (count === 0) {
    yield { kind: 'error', error: { source: o.source, line: 1, message: NO_TURNS } };
    return;
  }
  yield* handOn(() => true, count > 1);
}

function skippedTooMuch(limit: number): string {
  return `more than ${limit} rows skipped (of a conversation over the turn limit, or come late); reading stopped there, and the rest of the input is not read`;
}

function late(id: string, holdChars: number): string {
  return `a row of conversation "${id}" comes after more than ${Math.round(holdChars / 2 ** 20)} MB of other rows: the rows read before were scored without it, and this conversation's later rows are skipped; sort the export by its id column to read it whole`;
}
