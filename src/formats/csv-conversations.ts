// A CSV export with no column we know as the conversation id is read as one conversation. When its
// rows say it holds several (an id-like column whose value changes, turn numbers or times that
// start again), reading on would merge calls without a word: this finds that evidence, so that the
// reader can refuse the file and say which --map reads it right.
import type { TableRow } from './table.js';
import { parseClock, toNumber } from './text-utils.js';

export interface MergeEvidence {
  /** The line where a second conversation seems to start. */
  line: number;
  /** What shows it, e.g. `"Interaction ID" changes here (A-1 → B-2)`. */
  why: string;
  /** The column that probably names each conversation, when one does. */
  column?: string;
}

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');
/** "Interaction ID", "interaction_id", "interactionId" → ["interaction", "id"] */
const words = (h: string) => h.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/** The last word of a header naming an id ("Interaction ID", "Call Ref", "Contact Key", "Case No"). */
const ID_WORDS = new Set(['id', 'key', 'ref', 'reference', 'uuid', 'guid', 'number', 'no', 'nr']);
/** Words of things that change within one conversation, so never its id ("Agent ID", "Message ID"). */
const PER_TURN = new Set([
  'agent', 'queue', 'team', 'skill', 'speaker', 'participant', 'user', 'sender', 'author', 'message', 'msg', 'segment', 'utterance',
  'turn', 'line', 'row', 'seq', 'sequence', 'sentence', 'word', 'event', 'language', 'intent', 'label', 'time', 'date', 'timestamp',
]);
/** Headers of a running number that starts again with each conversation. */
const TURN_NUMBER = new Set([
  'turn', 'turnno', 'turnnumber', 'turnindex', 'turnid', 'seq', 'seqno', 'sequence', 'sequenceno', 'sequencenumber',
  'messageno', 'messagenumber', 'messageindex', 'lineno', 'linenumber', 'utteranceno', 'utteranceindex', 'index', 'position', 'order', 'ordinal',
]);

const cellOf = (row: TableRow, column: number) => (row.cells[column] ?? '').trim();

/**
 * An id-like column (by its header) that nothing else reads, whose values repeat (so it is not a
 * per-row key) and change: each value is probably one conversation.
 */
function changingIdColumn(header: readonly string[], rows: readonly TableRow[], used: ReadonlySet<number>): MergeEvidence | undefined {
  for (let column = 0; column < header.length; column++) {
    const named = words(header[column]!);
    if (used.has(column) || !ID_WORDS.has(named.at(-1) ?? '') || named.some((w) => PER_TURN.has(w))) continue;
    const values = rows.map((r) => cellOf(r, column)).filter((v) => v !== '');
    const distinct = new Set(values);
    if (distinct.size < 2 || distinct.size === values.length) continue;
    const first = values[0]!;
    const at = rows.findIndex((r) => cellOf(r, column) !== '' && cellOf(r, column) !== first);
    return { line: rows[at]!.line, why: `"${header[column]}" changes here (${first} → ${cellOf(rows[at]!, column)})`, column: header[column]! };
  }
  return undefined;
}

/**
 * Where a running value falls back to near where it began, into the first quarter of the way it
 * has come (7 → 1, or 00:04:10 → 00:00:02): a new conversation. A value only a little out of order
 * (3, 5, 4, as chat exports have) is not a restart.
 */
function restart(rows: readonly TableRow[], column: number, value: (cell: string) => number | undefined): { at: number; from: string } | undefined {
  let start: number | undefined;
  let previous: { v: number; cell: string } | undefined;
  for (let i = 0; i < rows.length; i++) {
    const cell = cellOf(rows[i]!, column);
    if (cell === '') continue;
    const v = value(cell);
    if (v === undefined) return undefined; // not a running number or a clock: nothing to tell
    start ??= v;
    if (previous && v < previous.v && v <= start + (previous.v - start) / 4) return { at: i, from: previous.cell };
    previous = { v, cell };
  }
  return undefined;
}

const integer = (cell: string) => {
  const n = toNumber(cell);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
};
/** Seconds or a clock; a date-time is not a running value (calls on one day do not restart). */
const seconds = (cell: string) => toNumber(cell) ?? parseClock(cell);

/** Evidence that rows read as one conversation are several; undefined when there is none. */
export function mergedConversations(
  header: readonly string[],
  rows: readonly TableRow[],
  used: ReadonlySet<number>,
  timeColumn: number | undefined,
): MergeEvidence | undefined {
  const byId = changingIdColumn(header, rows, used);
  if (byId) return byId;
  for (let column = 0; column < header.length; column++) {
    if (used.has(column) || !TURN_NUMBER.has(norm(header[column]!))) continue;
    const r = restart(rows, column, integer);
    if (r) return { line: rows[r.at]!.line, why: `"${header[column]}" starts again here (${r.from} → ${cellOf(rows[r.at]!, column)})` };
  }
  if (timeColumn !== undefined) {
    const r = restart(rows, timeColumn, seconds);
    if (r) return { line: rows[r.at]!.line, why: `the times in "${header[timeColumn]}" start again here (${r.from} → ${cellOf(rows[r.at]!, timeColumn)})` };
  }
  return undefined;
}
