// Delimited text (CSV/TSV) → header + rows with their physical line numbers, via csv-parse.
import { createRequire } from 'node:module';
import type { Options } from 'csv-parse/sync';
import { InputError } from '../model/errors.js';

type CsvParse = (text: string, options: Options) => unknown;
// Loaded on first use: most runs read no CSV, and loading the parser costs start-up time.
let csvParse: CsvParse | undefined;
const parse: CsvParse = (text, options) => (csvParse ??= (createRequire(import.meta.url)('csv-parse/sync') as { parse: CsvParse }).parse)(text, options);

export interface TableRow {
  cells: string[];
  /** 1-based physical line where the row starts. */
  line: number;
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

const DELIMITERS = [',', '\t', ';', '|'] as const;

/** The delimiter that occurs most often (outside quotes) in the header line. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')).replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** What csv-parse gives for one record with `info` and `raw`. */
export interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** How csv-parse reads a table, whole or streamed. */
export function tableOptions(delimiter: string): Options {
  return { delimiter, bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true };
}

/** csv-parse's error as ours, at the line it names. */
export function tableError(e: unknown, source: string): InputError {
  const err = e as { message?: string; lines?: number };
  const reason = (err.message ?? 'unreadable CSV').replace(/^[A-Za-z ]+:\s*/, '').replace(/ at line \d+/, '');
  return new InputError(source, typeof err.lines === 'number' ? err.lines : 1, `invalid CSV: ${reason}`);
}

/** A parsed record where it starts in the file: info.lines is where it ends, so count back over its own line breaks. */
export function tableRow(r: ParsedRecord): TableRow {
  return { cells: r.record, line: r.info.lines - countNewlines(r.raw.replace(/^\n+/, '').replace(/\n$/, '')) };
}

/** A row with a field count other than the header's is an error for its line. */
export function checkWidth(row: TableRow, header: readonly string[], source: string): TableRow {
  if (row.cells.length !== header.length) throw new InputError(source, row.line, `row has ${row.cells.length} fields, the header has ${header.length}`);
  return row;
}

/** The header's cells as field names. */
export const headerOf = (r: ParsedRecord): string[] => r.record.map((h) => h.trim());

/** Reads a header and rows; a row whose field count differs from the header's is an error for its line. */
export function readTable(text: string, source: string, delimiter = detectDelimiter(text)): Table {
  let records: ParsedRecord[];
  try {
    records = parse(text, tableOptions(delimiter)) as unknown as ParsedRecord[];
  } catch (e) {
    throw tableError(e, source);
  }
  if (records.length === 0) throw new InputError(source, 1, NO_HEADER);
  const [head, ...body] = records;
  const header = headerOf(head!);
  return { header, rows: body.map((r) => checkWidth(tableRow(r), header, source)) };
}

export const NO_HEADER = 'no header row';
