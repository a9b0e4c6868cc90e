// CSV for spreadsheets: one row per conversation, or per finding with --findings. The columns are
// data (name, meaning, value), so docs/csv.md is generated from the same list the rows come from.
import { ALL_CATEGORIES, type Analysis, type Finding } from '../model/types.js';
import { agentOf } from './advice.js';
import type { Formatter } from './types.js';

export type CsvValue = string | number | undefined;

export interface Column<T> {
  name: string;
  description: string;
  value(row: T): CsvValue;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export const CONVERSATION_COLUMNS: ReadonlyArray<Column<Analysis>> = [
  { name: 'id', description: 'conversation id', value: (a) => a.id },
  { name: 'source', description: 'file it was read from (`path#n` for the n-th in a file, `<stdin>`)', value: (a) => a.source },
  { name: 'channel', description: '`call`, `chat`, `email` or `unknown`', value: (a) => a.channel },
  { name: 'agent', description: 'agent name, else agent id, from the transcript', value: (a) => agentOf(a) },
  { name: 'team', description: 'team, from the transcript', value: (a) => str(a.meta.team) },
  { name: 'queue', description: 'queue, from the transcript', value: (a) => str(a.meta.queue) },
  { name: 'date', description: 'date or date-time as the transcript gives it (ISO 8601)', value: (a) => str(a.meta.date) },
  { name: 'etc', description: 'overall score, 0–100, higher is better handled; empty when not scored (see `unscored`)', value: (a) => a.scores?.etc },
  { name: 'emotion', description: 'emotion score, 0–100; empty when not scored', value: (a) => a.scores?.emotion },
  { name: 'trust', description: 'trust score, 0–100; empty when not scored', value: (a) => a.scores?.trust },
  { name: 'control', description: 'control score, 0–100; empty when not scored', value: (a) => a.scores?.control },
  { name: 'shape', description: 'shape of the customer’s emotion curve: `recovered`, `declined`, `steady-positive`, `steady-negative`, `volatile`, `flat`', value: (a) => a.emotion.shape },
  { name: 'emotion_start', description: 'customer’s smoothed emotion at their first turn, −1..1', value: (a) => a.emotion.start },
  { name: 'emotion_end', description: 'customer’s smoothed emotion at their last turn, −1..1', value: (a) => a.emotion.end },
  { name: 'emotion_min', description: 'customer’s lowest smoothed emotion, −1..1', value: (a) => a.emotion.min },
  { name: 'turns', description: 'number of turns', value: (a) => a.counts.turns },
  { name: 'agent_turns', description: 'turns by the agent', value: (a) => a.counts.agentTurns },
  { name: 'customer_turns', description: 'turns by the customer', value: (a) => a.counts.customerTurns },
  { name: 'words', description: 'words in all turns', value: (a) => a.counts.words },
  { name: 'duration_sec', description: 'length in seconds, where the input has times; empty otherwise', value: (a) => a.counts.durationSec },
  { name: 'risks', description: 'number of the agent’s risk findings (what `--max-risk` counts; the customer’s signals are not among them)', value: (a) => a.counts.risks ?? a.findings.filter((f) => f.kind === 'risk').length },
  { name: 'strengths', description: 'number of the agent’s strength findings', value: (a) => a.counts.strengths ?? a.findings.filter((f) => f.kind === 'strength').length },
  ...ALL_CATEGORIES.map(
    (c): Column<Analysis> => ({
      name: c,
      description: `findings of category \`${c}\``,
      value: (a) => a.counts.categories?.[c] ?? a.findings.filter((f) => f.category === c).length,
    }),
  ),
  // Added in schema 2.0.0, at the end so that columns read by position keep their place.
  { name: 'signals', description: 'number of the customer’s signals (distress, sarcasm, churn, escalation, gratitude, a promise reported kept or broken)', value: (a) => a.counts.signals ?? a.findings.filter((f) => f.kind === 'signal').length },
  { name: 'unscored', description: 'why the conversation has no scores (`no agent turn`, `no roles found`); empty when it is scored', value: (a) => a.unscored },
];

export interface FindingRow {
  analysis: Analysis;
  finding: Finding;
}

export const FINDING_COLUMNS: ReadonlyArray<Column<FindingRow>> = [
  { name: 'id', description: 'conversation id', value: (r) => r.analysis.id },
  { name: 'source', description: 'file it was read from', value: (r) => r.analysis.source },
  { name: 'turn', description: 'turn index, from 0', value: (r) => r.finding.turn },
  { name: 'role', description: 'who spoke: `agent`, `customer`, `bot`, `system`, `unknown`', value: (r) => r.finding.role },
  { name: 'rule', description: 'rule id (may change between versions; see `etcscore rules`)', value: (r) => r.finding.rule },
  { name: 'category', description: 'category, from the fixed vocabulary (stable)', value: (r) => r.finding.category },
  { name: 'dimension', description: '`emotion`, `trust` or `control`', value: (r) => r.finding.dimension },
  { name: 'kind', description: '`strength` or `risk` (what the agent did), or `signal` (what the customer showed)', value: (r) => r.finding.kind },
  { name: 'severity', description: '`info`, `warning` or `error`', value: (r) => r.finding.severity },
  { name: 'span_start', description: 'first character of the words in the turn’s text, from 0', value: (r) => r.finding.span[0] },
  { name: 'span_end', description: 'character after the last one (end exclusive)', value: (r) => r.finding.span[1] },
  { name: 'text', description: 'the words found, exactly as in the turn', value: (r) => r.finding.text },
  { name: 'message', description: 'what these words do to the customer', value: (r) => r.finding.message },
  { name: 'suggestion', description: 'a better wording (risks), or how the agent can meet a signal; empty otherwise', value: (r) => r.finding.suggestion },
  { name: 'message_id', description: 'which message this is, stable across versions: `<rule id>/<key>`, or `user/<id>` for your own rule (since schema 2.0.0)', value: (r) => r.finding.messageId },
  { name: 'url', description: 'the rule’s section in the docs, e.g. `docs/rules.md#dead-end`; empty for your own rules', value: (r) => r.finding.url },
];

/**
 * Excel takes a CSV file for the machine's legacy code page (cp1252: "Tomás" → "TomÃ¡s") unless it
 * starts with this mark. A program reading the file must skip it (csv-parse's `bom`, Python's
 * `utf-8-sig`), which is why only files get it, and `--no-bom` leaves it out.
 */
export const UTF8_BOM = '\uFEFF';

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection), also in
// their fullwidth and small forms, and also after what it skips or does not show first: spaces
// (no-break too) and every character Unicode says is shown as nothing (zero-width characters, a
// byte-order mark, a soft hyphen, bidi marks, variation selectors, Hangul fillers) and every control
// character (NUL, ESC, FS to US, C1's NEL), which a reader may drop before it reads the cell. A tab,
// carriage return or line feed at the start is neutralised as well.
const FORMULA_START = /^(?:[\s\p{Cc}\p{Default_Ignorable_Code_Point}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\uFE6B\u2212]|[\t\r\n])/u;

/**
 * One cell, RFC 4180 quoted. Numbers are written as numbers, so −0.4 stays a number a spreadsheet
 * can sum; only text is neutralised, by a leading apostrophe, when it could be read as a formula.
 */
export function csvCell(value: CsvValue): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows end with CRLF, as RFC 4180 says. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

export function csvHeader<T>(columns: ReadonlyArray<Column<T>>): string {
  return csvRow(columns.map((c) => c.name));
}

export function csvFormatter(): Formatter {
  return {
    name: 'csv',
    start: (o) => (o.findings ? csvHeader(FINDING_COLUMNS) : csvHeader(CONVERSATION_COLUMNS)),
    result(a, o) {
      if (!o.findings) return csvRow(CONVERSATION_COLUMNS.map((c) => c.value(a)));
      return a.findings.map((finding) => csvRow(FINDING_COLUMNS.map((c) => c.value({ analysis: a, finding })))).join('');
    },
    // Input errors go to stderr and the exit code; a CSV has no place for them that tools would not trip on.
    error: () => '',
    end: () => '',
  };
}
