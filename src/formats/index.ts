// The registry of input formats: detection by extension then content, and parse entry points.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../model/errors.js';
import type { InputErrorRecord, Transcript } from '../model/types.js';
import { bdaReader, pcaReader } from './aws-analytics.js';
import { contactLensReader } from './contact-lens.js';
import { csvReader } from './csv.js';
import { multidogoReader, twcsReader } from './csv-datasets.js';
import { DATASET_READERS } from './datasets.js';
import { htmlReader } from './html.js';
import { decodeBytes, normalizeNewlines } from './decode.js';
import { jsonReader } from './json.js';
import { ndjsonReader } from './ndjson.js';
import { srtReader } from './srt.js';
import { textReader } from './text.js';
import { transcribeReader } from './transcribe.js';
import { transcribeCallAnalyticsReader } from './transcribe-call-analytics.js';
import type { FormatReader, ParseOptions } from './types.js';
import { webvttReader } from './webvtt.js';

export type { FormatReader, ParseOptions } from './types.js';
export { decodeBytes, normalizeNewlines } from './decode.js';
export { parseNdjsonLines, type NdjsonResult } from './ndjson.js';
import { parseNdjsonLines } from './ndjson.js';
export { timingCounts } from '../model/timing.js';

/**
 * Every reader, most specific first: content sniffing tries them in this order, so vendor
 * JSON shapes are recognised before the lenient canonical JSON and plain text comes last.
 */
export const READERS: readonly FormatReader[] = [
  webvttReader,
  srtReader,
  transcribeCallAnalyticsReader,
  contactLensReader,
  transcribeReader,
  pcaReader,
  bdaReader,
  ...DATASET_READERS,
  ndjsonReader,
  jsonReader,
  twcsReader,
  multidogoReader,
  csvReader,
  htmlReader,
  textReader,
];

export function readerByName(name: string): FormatReader {
  const reader = READERS.find((r) => r.name === name.toLowerCase());
  if (!reader) throw new Error(`unknown input format "${name}" (valid: ${READERS.map((r) => r.name).join(', ')})`);
  return reader;
}

// Extensions that say nothing certain about the content: always sniff among all readers.
const VAGUE = new Set(['', 'txt', 'text', 'log', 'json', 'dat']);

/** A path's extension, without its dot, in lower case ("#3", the third file of an archive, left off). */
function extensionOf(path: string): string {
  return extname(path.replace(/#\d+$/, '')).slice(1).toLowerCase();
}

/**
 * The reader a path's extension names on its own (".ndjson", ".srt"), or undefined when the content
 * has to decide: what detectFormat gives for such a path whatever the text, known without the text
 * (the streamed reader need not decode its first megabytes to be told what the name says).
 */
export function readerByExtension(path: string): FormatReader | undefined {
  const ext = extensionOf(path);
  if (VAGUE.has(ext)) return undefined;
  const byExt = READERS.filter((r) => r.extensions.includes(ext));
  return byExt.length === 1 ? byExt[0] : undefined;
}

/** The reader for a text: its extension when specific, otherwise what the content looks like. */
export function detectFormat(text: string, path = ''): FormatReader | undefined {
  const named = readerByExtension(path);
  if (named) return named;
  const ext = extensionOf(path);
  const byExt = READERS.filter((r) => r.extensions.includes(ext));
  if (!VAGUE.has(ext) && byExt.length > 0) {
    // Several readers share an extension (.csv: generic or a dataset): let content decide among them.
    return byExt.find((r) => r.sniff(text)) ?? byExt[byExt.length - 1];
  }
  const sniffed = READERS.find((r) => r.sniff(text));
  if (sniffed) return sniffed;
  // JSON that nothing recognises (often because it does not parse): the canonical reader
  // reports why, with the line.
  if (ext === 'json' || /^\s*[[{]/.test(text)) return jsonReader;
  return undefined;
}

export interface ParseTextOptions extends ParseOptions {
  /** Reader name; skips detection. */
  format?: string;
}

export function parseText(text: string, options: ParseTextOptions): Transcript[] {
  const normalized = normalizeNewlines(text);
  if (normalized.trim() === '') throw new InputError(options.source, 1, 'empty file');
  const reader = options.format ? readerByName(options.format) : detectFormat(normalized, options.source);
  if (!reader) {
    throw new InputError(options.source, 1, `unrecognised input format (use --input-format: ${READERS.map((r) => r.name).join(', ')})`);
  }
  const { format: _format, ...parseOptions } = options;
  return reader.parse(normalized, parseOptions);
}

export function parseBytes(buf: Buffer, options: ParseTextOptions): Transcript[] {
  return parseText(decodeBytes(buf, options.source), options);
}

export function parseFile(path: string, options: Partial<ParseTextOptions> = {}): Transcript[] {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new InputError(path, 1, `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseBytes(buf, { ...options, source: options.source ?? path });
}

export type ReadOptions = ParseTextOptions;

/**
 * Everything readable in one input, and an error (file, line, reason) for each part that is not:
 * a bad NDJSON line costs that line only; any other bad file costs that file. Never throws for
 * bad input, so a batch always goes on.
 */
export function readTranscripts(buf: Buffer, options: ReadOptions): { transcripts: Transcript[]; errors: InputErrorRecord[] } {
  try {
    const text = normalizeNewlines(decodeBytes(buf, options.source));
    const reader = options.format ? readerByName(options.format) : detectFormat(text, options.source);
    if (reader?.name === 'ndjson' && text.trim() !== '') {
      const { format: _format, ...parseOptions } = options;
      const { transcripts, errors } = parseNdjsonLines(text, parseOptions);
      return { transcripts, errors: errors.map((e) => e.toRecord()) };
    }
    // Detected once: parsing must not sniff (and JSON.parse) the text a second time.
    return { transcripts: parseText(text, reader ? { ...options, format: reader.name } : options), errors: [] };
  } catch (err) {
    if (err instanceof InputError) return { transcripts: [], errors: [err.toRecord()] };
    throw err;
  }
}
