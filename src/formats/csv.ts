// CSV/TSV long format: one row per utterance, columns found by header name or --map.
// One file may hold many conversations, grouped by an id column in first-seen order.
import { InputError } from '../model/errors.js';
import type { TranscriptMeta } from '../model/types.js';
import { buildTranscripts, type DraftConversation, type DraftTurn } from './build.js';
import { mergedConversations, type MergeEvidence } from './csv-conversations.js';
import { readTable, type TableRow } from './table.js';
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

function parse(text: string, options: ParseOptions) {
  const delimiter = /\.tsv(#|$)/i.test(options.source) ? '\t' : undefined;
  const table = readTable(text, options.source, delimiter);
  const cols = resolveColumns(table.header, options.map, options.source);
  if (cols.text === undefined) {
    throw new InputError(options.source, 1, `no text column (expected one of: ${HEADER_NAMES.text.join(', ')}; or --map text=COLUMN)`);
  }
  if (cols.id === undefined) {
    // Read as one conversation, rows that are several would be merged: refuse, and say how to read them.
    const merged = mergedConversations(table.header, table.rows, new Set(Object.values(cols)), cols.time);
    if (merged) throw new InputError(options.source, merged.line, ambiguityMessage(merged));
  }
  if (cols.role === undefined && cols.speaker !== undefined && cols.inbound === undefined) cols.role = cols.speaker;
  const cell = (row: TableRow, f: Field) => (cols[f] === undefined ? undefined : row.cells[cols[f]!]?.trim());

  const groups = new Map<string, { rows: Row[]; meta: TranscriptMeta }>();
  for (const row of table.rows) {
    const text = cell(row, 'text') ?? '';
    if (text === '') continue; // an empty message is not a turn
    const id = cell(row, 'id') ?? '';
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { rows: [], meta: {} }));
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
    group.rows.push({ turn, ...(time.epochMs !== undefined ? { epochMs: time.epochMs } : {}) });
    for (const [f, key] of [['agent', 'agentName'], ['team', 'team'], ['queue', 'queue'], ['date', 'date'], ['channel', 'channel']] as const) {
      const v = cell(row, f);
      if (v && group.meta[key] === undefined) group.meta[key] = v;
    }
  }
  if (groups.size === 0) throw new InputError(options.source, 1, 'no turns found (every row has an empty text cell)');

  const drafts: DraftConversation[] = [...groups.entries()].map(([id, { rows, meta }]) => {
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
  });
  return buildTranscripts(drafts, 'csv', options);
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
