// CSV/TSV long format: one row per utterance, columns found by header name or --map.
// One file may hold many conversations, grouped by an id column in first-seen order.
import { InputError } from '../model/errors.js';
import type { TranscriptMeta } from '../model/types.js';
import { buildTranscripts, type DraftConversation, type DraftTurn } from './build.js';
import { mergedConversations, type MergeEvidence } from './csv-conversations.js';
import { detectDelimiter, readTable, type TableRow } from './table.js';
import { excerpt, parseClock, roleFromLabel, roundSec, toNumber } from './text-utils.js';
import type { FormatReader, ParseOptions } from './types.js';

type Field = 'role' | 'speaker' | 'text' | 'time' | 'end' | 'id' | 'agent' | 'team' | 'queue' | 'date' | 'inbound' | 'channel';

// Normalised header names (lower case, letters and digits only) for each field.
const HEADER_NAMES: Record<Field, readonly string[]> = {
  role: ['role', 'participantrole', 'speakerrole', 'party', 'speakertype', 'sendertype', 'authortype'],
  speaker: ['speaker', 'participant', 'author', 'sender', 'from', 'speakername', 'name', 'user'],
  text: ['text', 'message', 'utterance', 'content', 'transcript', 'body', 'msg'],
  time: ['time', 'timestamp', 'start', 'starttime', 'createdat', 'offset', 'begin', 'datetime', 'sentat'],
  end: ['end', 'endtime', 'stop'],
  id: ['id', 'conversationid', 'callid', 'caseid', 'session', 'sessionid', 'thread', 'threadid', 'chatid', 'contactid', 'dialogueid', 'dialogid', 'interactionid', 'transcriptid', 'ticketid', 'engagementid'],
  agent: ['agent', 'agentname', 'agentid'],
  team: ['team'],
  queue: ['queue'],
  date: ['date', 'calldate'],
  inbound: ['inbound'],
  channel: ['channel'],
};

const MAP_KEYS = new Set<string>(Object.keys(HEADER_NAMES));

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

export function resolveColumns(header: string[], map: Record<string, string> | undefined, source: string): Partial<Record<Field, number>> {
  const cols: Partial<Record<Field, number>> = {};
  const used = new Set<number>();
  for (const [field, name] of Object.entries(map ?? {})) {
    if (!MAP_KEYS.has(field)) throw new InputError(source, 1, `--map: unknown field "${field}" (valid: ${[...MAP_KEYS].join(', ')})`);
    const i = header.findIndex((h) => h === name) >= 0 ? header.findIndex((h) => h === name) : header.findIndex((h) => norm(h) === norm(name));
    if (i < 0) throw new InputError(source, 1, `--map ${field}=${name}: no such column (columns: ${excerpt(header.join(', '))})`);
    cols[field as Field] = i;
    used.add(i);
  }
  for (const field of Object.keys(HEADER_NAMES) as Field[]) {
    if (cols[field] !== undefined) continue;
    for (const name of HEADER_NAMES[field]) {
      const i = header.findIndex((h, j) => !used.has(j) && norm(h) === name);
      if (i >= 0) {
        cols[field] = i;
        used.add(i);
        break;
      }
    }
  }
  return cols;
}

function ambiguityMessage(m: MergeEvidence): string {
  const fix = m.column
    ? `add --map id="${m.column}" if that column names the conversation (or --map id=COLUMN for the one that does)`
    : 'add --map id=COLUMN naming the column that tells them apart, or split the file here';
  return `${m.why}: this looks like more than one conversation, but no column is recognised as the conversation id, so the file is not read rather than merged into one; ${fix}`;
}

/** Seconds, a clock ("00:01:23"), or a date-time (made relative to the conversation's first row). */
function timeValue(cell: string | undefined): { sec?: number; epochMs?: number } {
  if (cell === undefined || cell.trim() === '') return {};
  const t = cell.trim();
  const n = toNumber(t);
  if (n !== undefined) return { sec: n };
  const clock = parseClock(t);
  if (clock !== undefined) return { sec: clock };
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? { epochMs: ms } : {};
}

const TRUE = new Set(['true', 't', 'yes', 'y', '1']);

interface Row {
  turn: DraftTurn;
  epochMs?: number;
}

/** A CSV file's header, and which of its columns holds each field. */
export interface CsvLayout {
  header: string[];
  cols: Partial<Record<Field, number>>;
}

/** The columns of a header; throws InputError (line 1) for a bad --map or no text column. */
export function csvLayout(header: string[], options: ParseOptions): CsvLayout {
  const cols = resolveColumns(header, options.map, options.source);
  if (cols.text === undefined) {
    throw new InputError(options.source, 1, `no text column (expected one of: ${HEADER_NAMES.text.join(', ')}; or --map text=COLUMN)`);
  }
  return { header, cols };
}

const cellOf = (layout: CsvLayout, row: TableRow, f: Field) => (layout.cols[f] === undefined ? undefined : row.cells[layout.cols[f]!]?.trim());

/** The conversation a row belongs to ('' when the file names none), or undefined for a row with no text. */
export function csvRowKey(layout: CsvLayout, row: TableRow): string | undefined {
  if ((cellOf(layout, row, 'text') ?? '') === '') return undefined; // an empty message is not a turn
  return cellOf(layout, row, 'id') ?? '';
}

/** The rows of one conversation, with the n of "path#n" when the file holds several. */
export interface CsvConversation {
  ordinal: number;
  rows: TableRow[];
}

/**
 * Transcripts of conversations whose rows are grouped already (by csvRowKey, in first-seen order):
 * the whole-file reader and the streaming one (csv-stream.ts) both end here, so both give the same.
 */
export function csvTranscripts(layout: CsvLayout, conversations: readonly CsvConversation[], numbered: boolean, options: ParseOptions) {
  const drafts = conversations.map((c) => csvDraft(layout, c.rows));
  return buildTranscripts(drafts, 'csv', options, numbered ? conversations.map((c) => c.ordinal) : undefined);
}

/** Without a column we know as the id, a file is one conversation: refused when it shows it is several. */
export function refuseMerged(layout: CsvLayout, rows: readonly TableRow[], source: string): void {
  if (layout.cols.id !== undefined) return;
  const merged = mergedConversations(layout.header, rows, new Set(Object.values(layout.cols)), layout.cols.time);
  if (merged) throw new InputError(source, merged.line, ambiguityMessage(merged));
}

function csvDraft(layout: CsvLayout, tableRows: readonly TableRow[]): DraftConversation {
  const cols = { ...layout.cols };
  if (cols.role === undefined && cols.speaker !== undefined && cols.inbound === undefined) cols.role = cols.speaker;
  const cell = (row: TableRow, f: Field) => (cols[f] === undefined ? undefined : row.cells[cols[f]!]?.trim());
  const rows: Row[] = [];
  const meta: TranscriptMeta = {};
  let id = '';
  for (const row of tableRows) {
    const text = cell(row, 'text') ?? '';
    if (text === '') continue;
    id = cell(row, 'id') ?? '';
    const speaker = cell(row, 'speaker') ?? cell(row, 'role') ?? '';
    const roleCell = cell(row, 'role');
    const inbound = cell(row, 'inbound');
    const role = inbound !== undefined ? (TRUE.has(inbound.toLowerCase()) ? 'customer' : 'agent') : roleCell ? roleFromLabel(roleCell) : undefined;
    const turn: DraftTurn = { speaker, text, line: row.line };
    if (role) turn.role = role;
    const time = timeValue(cell(row, 'time'));
    const end = timeValue(cell(row, 'end'));
    if (time.sec !== undefined) turn.start = time.sec;
    if (end.sec !== undefined) turn.end = end.sec;
    rows.push({ turn, ...(time.epochMs !== undefined ? { epochMs: time.epochMs } : {}) });
    for (const [f, key] of [['agent', 'agentName'], ['team', 'team'], ['queue', 'queue'], ['date', 'date'], ['channel', 'channel']] as const) {
      const v = cell(row, f);
      if (v && meta[key] === undefined) meta[key] = v;
    }
  }
  const dated = rows.every((r) => r.epochMs !== undefined);
  const key = (r: Row) => (dated ? r.epochMs! : r.turn.start);
  const keys = rows.map(key);
  // Sort only when every row has a time and they are out of order; otherwise file order is the truth.
  if (keys.every((k) => k !== undefined) && keys.some((k, i) => i > 0 && k! < keys[i - 1]!)) {
    rows.sort((a, b) => key(a)! - key(b)!);
  }
  if (dated) {
    const t0 = rows[0]!.epochMs!;
    for (const r of rows) r.turn.start = roundSec((r.epochMs! - t0) / 1000);
    meta.date ??= new Date(t0).toISOString();
  }
  const stated = String(meta.channel ?? '').toLowerCase();
  delete meta.channel;
  const channel =
    stated === 'call' || stated === 'voice' ? 'call' : stated === 'chat' || stated === 'email' ? stated
    : rows.some((r) => r.turn.end !== undefined) ? 'call' : dated ? 'chat' : 'unknown';
  return { ...(id ? { id } : {}), channel, turns: rows.map((r) => r.turn), meta };
}

/** The delimiter of a file: a tab for .tsv, else the one its header line uses most. */
export const csvDelimiter = (source: string, text: string) => (/\.tsv(#|$)/i.test(source) ? '\t' : detectDelimiter(text));

/** Rows grouped by conversation in first-seen order; throws InputError when no row has text. */
export function groupRows(layout: CsvLayout, rows: readonly TableRow[], source: string): CsvConversation[] {
  const groups = new Map<string, TableRow[]>();
  for (const row of rows) {
    const id = csvRowKey(layout, row);
    if (id === undefined) continue;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = []));
    group.push(row);
  }
  if (groups.size === 0) throw new InputError(source, 1, NO_TURNS);
  return [...groups.values()].map((rows, i) => ({ ordinal: i + 1, rows }));
}

export const NO_TURNS = 'no turns found (every row has an empty text cell)';

function parse(text: string, options: ParseOptions) {
  const table = readTable(text, options.source, csvDelimiter(options.source, text));
  const layout = csvLayout(table.header, options);
  // Read as one conversation, rows that are several would be merged: refuse, and say how to read them.
  refuseMerged(layout, table.rows, options.source);
  const conversations = groupRows(layout, table.rows, options.source);
  return csvTranscripts(layout, conversations, conversations.length > 1, options);
}

export const csvReader: FormatReader = {
  name: 'csv',
  extensions: ['csv', 'tsv'],
  sniff(text) {
    const first = text.slice(0, Math.max(0, text.indexOf('\n'))).toLowerCase();
    if (!first || first.startsWith('{') || first.startsWith('webvtt')) return false;
    const cells = first.split(/[,\t;|]/).map(norm);
    return cells.length > 1 && cells.some((c) => HEADER_NAMES.text.includes(c));
  },
  parse,
};

/** Transcripts of conversations as csv-stream.ts groups them: the same as parse() gives for the whole file. */
export function streamedTranscripts(layout: CsvLayout, conversations: readonly CsvConversation[], numbered: boolean, options: ParseOptions) {
  if (layout.cols.id !== undefined) return csvTranscripts(layout, conversations, numbered, options);
  // Without an id column every row came, as one conversation: judged as a whole file is.
  const rows = conversations.flatMap((c) => c.rows);
  refuseMerged(layout, rows, options.source);
  return csvTranscripts(layout, groupRows(layout, rows, options.source), false, options);
}
