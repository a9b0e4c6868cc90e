// Where a command's output goes, and in which format when -o names a file: the extension says it,
// and an extension no format has is a usage error (a spreadsheet named scores.xlsx that holds
// NDJSON helps nobody).
import path from 'node:path';
import { UTF8_BOM } from '../report/csv.js';
import { UsageError } from './exit.js';
import { fileSink, stdoutSink, type Io, type Sink } from './io.js';
import { assertOutput } from './output-dir.js';
import { own } from '../model/records.js';

/**
 * The format -o FILE's extension names. `formats` are the names --format takes; without them
 * (coach, which has one format) the message does not offer --format.
 */
export function formatForOutput<F extends string>(file: string, byExtension: Readonly<Record<string, F>>, formats?: readonly string[]): F {
  const ext = path.extname(file).slice(1).toLowerCase();
  const format = own(byExtension, ext); // "-o x.constructor" names no format
  if (format !== undefined) return format;
  // ".ndjson/.jsonl (ndjson)": each format once, with every extension it is written as.
  const extensionsOf = new Map<F, string[]>();
  for (const [e, f] of Object.entries(byExtension) as Array<[string, F]>) extensionsOf.set(f, [...(extensionsOf.get(f) ?? []), `.${e}`]);
  const known = [...extensionsOf].map(([f, es]) => `${es.join('/')} (${f})`).join(', ');
  const why = ext ? `no format is written as .${ext}` : 'no extension to tell the format from';
  throw new UsageError(`-o ${file}: ${why}; name the file ${known}${formats ? `, or give --format ${formats.join('|')}` : ''}`);
}

/**
 * A sink for -o FILE (checked before any work, written atomically) or stdout. A CSV file starts
 * with a byte-order mark unless `bom` is false, so Excel reads it as UTF-8; stdout never gets one,
 * because a program reading the stream would take it for part of the first header.
 */
export async function openOutput(io: Io, file: string | undefined, o: { csv?: boolean; bom?: boolean; inputs?: readonly string[] } = {}): Promise<Sink> {
  if (file === undefined) return stdoutSink(io.stdout);
  const target = path.resolve(io.cwd, file);
  // Never one of the run's `inputs`; a device or FIFO is written in place (see assertOutput).
  const fd = (io.stdin as { fd?: unknown }).fd;
  await assertOutput(target, o.inputs ?? [], io.cwd, typeof fd === 'number' ? fd : undefined);
  const sink = fileSink(target);
  if (o.csv && o.bom !== false) await sink.write(UTF8_BOM);
  return sink;
}
