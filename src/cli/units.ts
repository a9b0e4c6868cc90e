// A unit of work and what scoring it gives: the one function that both this thread and every
// worker run, so the output of --jobs N is the output of --jobs 1 byte for byte.
import { InputError, type Analysis, type InputErrorRecord, type Transcript } from '../model/index.js';
import { readTranscripts } from '../formats/index.js';
import { streamedTranscripts, type CsvConversation, type CsvLayout } from '../formats/csv.js';
import { ndjsonTranscript, type NdjsonLine } from '../formats/ndjson-stream.js';
import { analyze } from '../score/analyze.js';
import { isLinkable } from '../score/contacts.js';
import { Redactor } from '../nlp/redact.js';
import { describeRoleInference, settleRoles } from '../nlp/roles.js';
import { formatterByName, type ReportOptions } from '../report/index.js';
import { readFailure, readFileBounded } from './io.js';
import { LIMITS, overLimit } from './limits.js';
import { rulesInEffect, type ConfigChoice } from './config.js';
import { growthFor } from './heap.js';

/** How to read inputs: --input-format, --agent, --map. */
export interface ReadSettings {
  format?: string;
  agent?: string;
  map?: Record<string, string>;
}

/** Everything a worker needs to score units; plain data, so it crosses to a worker as is. */
export interface WorkSettings {
  read: ReadSettings;
  /** The output format's name. */
  format: string;
  report: ReportOptions;
  /** Write each result's text where it is scored (formats whose results stand alone, like NDJSON). */
  formatInWorker: boolean;
  /** Send every Analysis back (someone downstream reads it) rather than only what the caller needs. */
  wantAnalysis: boolean;
  /** Notes on how roles were inferred (for people: the pretty table). */
  roleNotes: boolean;
  /** --redact: mask personal data before anything is made from it, with this run's key (see redact.ts). */
  redact: false | { key: string };
  /** Where the user's configuration is (see config.ts); each thread loads it itself. */
  config: ConfigChoice;
  /** Contacts are linked across the batch on the calling thread: results that name a case or customer go back whole. */
  link: boolean;
}

export type WorkUnit =
  /** A whole file, read where it is scored: formats that are not NDJSON, or inputs too odd to stream. */
  | { kind: 'file'; source: string; path: string }
  /** A whole input already in memory (stdin that is not NDJSON). */
  | { kind: 'bytes'; source: string; bytes: Uint8Array }
  /** Consecutive NDJSON records of one input, as UTF-8 bytes and where each record is in them. */
  | { kind: 'ndjson'; source: string; numbered: boolean; bytes: Uint8Array; spans: NdjsonSpan[] }
  /** Complete conversations of a CSV export read as a stream (formats/csv-stream.ts), in order. */
  | { kind: 'csv'; source: string; layout: CsvLayout; numbered: boolean; conversations: CsvConversation[] }
  /** An input that failed before it could be scored, kept in its place in the output. */
  | { kind: 'error'; error: InputErrorRecord };

/** One NDJSON record in a unit's bytes, with its line number and ordinal in the file. */
export interface NdjsonSpan {
  start: number;
  end: number;
  line: number;
  ordinal: number;
}

export interface ResultItem {
  kind: 'result';
  source: string;
  /** For --fail-under (null when the conversation could not be scored) and --max-risk (the agent's risks). */
  etc: number | null;
  risks: number;
  /** Why the conversation has no scores, when it has none. */
  unscored?: string;
  /** The Analysis, when wanted or when the result is formatted by the caller. */
  analysis?: Analysis;
  /** The (redacted) transcript, when the caller formats turns or links contacts. */
  transcript?: Transcript;
  /** How roles were inferred, for stderr. */
  note?: string;
}

export interface ErrorItem {
  kind: 'error';
  error: InputErrorRecord;
}

export type WorkItem = ResultItem | ErrorItem;

/** What scoring one unit gives: its items in order and, when formatInWorker, their text. */
export interface WorkResult {
  items: WorkItem[];
  /**
   * The formatted items, in order, in pieces of about OUTPUT_PART characters (one string for a big
   * export would outgrow the longest string V8 makes): strings here, made as they are read (see
   * createScorer), or UTF-8 bytes from a worker.
   */
  output?: Iterable<string> | Uint8Array[];
}

/**
 * About how much formatted text goes in one piece of a unit's output: each is copied once, flat, to
 * be encoded, and a result written in pieces (Formatter.resultPieces) is never more at a time.
 */
const OUTPUT_PART = 1 << 18;

/** Characters of text in the turns of the conversations read. */
function textLength(read: ReadonlyArray<{ kind: string; transcript?: Transcript }>): number {
  let chars = 0;
  for (const r of read) for (const turn of r.transcript?.turns ?? []) chars += turn.text.length;
  return chars;
}

/** Scores units with one set of settings; create one per thread. */
export function createScorer(settings: WorkSettings): (unit: WorkUnit) => WorkResult {
  // A worker formats with its own instance: only formats whose results stand alone are sent here.
  const chosen = formatterByName(settings.format);
  const formatter = settings.formatInWorker ? chosen : undefined;
  const quotesTurns = Boolean(chosen.quotesTurns);
  const { rules } = rulesInEffect(settings.config);
  const ro = settings.report;
  const readOptions = { format: settings.read.format, agent: settings.read.agent, map: settings.read.map, maxLines: LIMITS.lines };
  const redactor = settings.redact ? new Redactor(settings.redact.key) : undefined;

  const scoredOrError = (read: Transcript): WorkItem => {
    try {
      return resultOf(read);
    } catch (err) {
      // A fault of ours on one conversation must not cost the batch the others: report it in its place.
      return errorOf({ source: read.source, line: read.turns[0]?.line ?? 1, message: `could not be analysed: ${(err as Error).message}` });
    }
  };
  const resultOf = (read: Transcript): ResultItem => {
    const t = redactor ? redactor.transcript(read) : read;
    const a = analyze(t, { rules });
    const item: ResultItem = { kind: 'result', source: a.source, etc: a.scores?.etc ?? null, risks: a.counts.risks ?? 0, analysis: a, transcript: t };
    if (a.unscored !== undefined) item.unscored = a.unscored;
    if (settings.roleNotes) {
      const note = describeRoleInference(t);
      if (note) item.note = note;
    }
    return item;
  };
  // Errors name files and quote the input: masked like the results they stand beside.
  const errorOf = (error: InputErrorRecord): ErrorItem => ({ kind: 'error', error: redactor ? redactor.error(error) : error });
  /** A unit read but not yet analysed: its input errors and transcripts, in input order. */
  type Read = ErrorItem | { kind: 'read'; transcript: Transcript };
  const whole = (bytes: Uint8Array, source: string): Read[] => {
    const read = readTranscripts(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { source, ...readOptions });
    return [...read.errors.map(errorOf), ...read.transcripts.map((transcript) => ({ kind: 'read' as const, transcript }))];
  };

  const readUnit = (unit: WorkUnit): Read[] => {
    switch (unit.kind) {
      case 'error':
        return [errorOf(unit.error)];
      case 'bytes':
        return whole(unit.bytes, unit.source);
      case 'file': {
        let bytes: Buffer;
        try {
          bytes = readFileBounded(unit.path);
        } catch (err) {
          return [errorOf(readFailure(unit.source, err))];
        }
        return whole(bytes, unit.source);
      }
      case 'csv':
        try {
          const options = { source: unit.source, ...readOptions };
          return streamedTranscripts(unit.layout, unit.conversations, unit.numbered, options).map((transcript) => ({ kind: 'read', transcript }));
        } catch (err) {
          if (err instanceof InputError) return [errorOf(err.toRecord())];
          throw err;
        }
      case 'ndjson': {
        const bytes = Buffer.from(unit.bytes.buffer, unit.bytes.byteOffset, unit.bytes.byteLength);
        return unit.spans.map(({ start, end, line, ordinal }) => {
          const record: NdjsonLine = { text: bytes.toString('utf8', start, end), line, ordinal };
          try {
            return { kind: 'read', transcript: ndjsonTranscript(record, unit.numbered, { source: unit.source, ...readOptions }) };
          } catch (err) {
            if (err instanceof InputError) return errorOf(err.toRecord());
            throw err;
          }
        });
      }
    }
  };

  // Analysed one conversation at a time as they are asked for: a file of 100,000 conversations is
  // formatted and let go one by one, not held as 100,000 analyses.
  const items = function* (read: readonly Read[]): Generator<WorkItem> {
    for (const r of read) yield r.kind === 'error' ? r : scoredOrError(r.transcript);
  };

  /** Keep only what the caller needs of a result it will not format itself. */
  const slim = (item: WorkItem): WorkItem => {
    if (item.kind === 'error') return item;
    const { analysis: _a, transcript: _t, ...rest } = item;
    return settings.wantAnalysis ? { ...rest, analysis: item.analysis! } : rest;
  };
  /** Back to a caller that formats: the transcript only where it quotes turns or links contacts. */
  const forCaller = (item: WorkItem): WorkItem => {
    if (item.kind === 'error' || quotesTurns || (settings.link && isLinkable(item.analysis!))) return item;
    const { transcript: _t, ...rest } = item;
    return rest;
  };

  /** Over a limit: an error in its place, before roles or analysis could hold many times its size. */
  const withinLimits = (r: Read): Read => {
    const over = r.kind === 'read' ? overLimit(r.transcript) : undefined;
    return over ? errorOf(over) : r;
  };

  return (unit) => {
    // A long conversation is most of what the heap holds while it is read, analysed and written.
    if (unit.kind === 'ndjson' || unit.kind === 'bytes') growthFor(unit.bytes.byteLength);
    const read = readUnit(unit).map(withinLimits);
    growthFor(textLength(read));
    // Roles from what the file says and, where it names only speakers, from what they say.
    for (const r of read) if (r.kind === 'read') settleRoles(r.transcript);
    // Formatted here only when no conversation in the unit has to be linked to other contacts
    // first (linking needs the whole result; the ids it links by are the transcript's), and the
    // unit has no input error: the caller may cut an input at its errors (error-limit.ts).
    if (!formatter || read.some((r) => r.kind === 'error') || (settings.link && read.some((r) => r.kind === 'read' && isLinkable(r.transcript)))) {
      return { items: Array.from(items(read), forCaller) };
    }
    // Each result is formatted as soon as it is made, and only its slim item kept; a long result
    // (more than one piece) keeps its analysis instead, and its pieces are made as the output is
    // read, so a writer that writes each piece before reading the next never holds its whole text
    // (a long turn's NDJSON is 3.2 characters a character of it).
    const kept: WorkItem[] = [];
    const output: Array<string | Iterable<string>> = [];
    let part = '';
    const add = (text: string) => {
      part += text;
      if (part.length < OUTPUT_PART) return;
      output.push(part);
      part = '';
    };
    const addPieces = (pieces: Iterable<string>) => {
      if (Array.isArray(pieces) && pieces.length === 1) return add(pieces[0] as string);
      if (part !== '') output.push(part);
      part = '';
      output.push(pieces);
    };
    for (const i of items(read)) {
      if (i.kind === 'error') add(formatter.error(i.error, ro));
      else if (formatter.resultPieces === undefined) add(formatter.result(i.analysis!, ro, i.transcript));
      else addPieces(formatter.resultPieces(i.analysis!, ro, i.transcript));
      kept.push(slim(i));
    }
    if (part !== '' || output.length === 0) output.push(part);
    return { items: kept, output: flat(output) };
  };
}

/** The strings, and the pieces of each iterable in turn, each let go once read. */
function* flat(output: Array<string | Iterable<string>>): Generator<string> {
  for (let at = 0; at < output.length; at++) {
    const entry = output[at]!;
    output[at] = ''; // a long result's analysis goes with its pieces
    if (typeof entry === 'string') yield entry;
    else yield* entry;
  }
}
