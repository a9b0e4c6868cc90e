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

interface Parsed {
  record: string[];
  raw: string;
  info: { lines: number };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Reads a header and rows; a row whose field count differs from the header's is an error for its line. */
export function readTable(text: string, source: string, delimiter = detectDelimiter(text)): Table {
  let records: Parsed[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Parsed[];
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    const reason = (err.message ?? 'unreadable CSV').replace(/^[A-Za-z ]+:\s*/, '').replace(/ at line \d+/, '');
    throw new InputError(source, typeof err.lines === 'number' ? err.lines : 1, `invalid CSV: ${reason}`);
  }
  if (records.length === 0) throw new InputError(source, 1, 'no header row');
  // info.lines is where a record ends; count back over the record's own line breaks.
  const lineOf = (r: Parsed) => r.info.lines - countNewlines(r.raw.replace(/^\n+/, '').replace(/\n$/, ''));
  const [head, ...body] = records;
  const header = head!.record.map((h) => h.trim());
  const rows = body.map((r) => {
    const line = lineOf(r);
    if (r.record.length !== header.length) {
      throw new InputError(source, line, `row has ${r.record.length} fields, the header has ${header.length}`);
    }
    return { cells: r.record, line };
  });
  return { header, rows };
}
