// docs/csv.md, generated from the same column lists the CSV rows are made from.
import { CONVERSATION_COLUMNS, FINDING_COLUMNS, type Column } from './csv.js';
import { ROLLUP_COLUMNS } from './rollup-format.js';

function columnTable<T>(columns: ReadonlyArray<Column<T>>): string[] {
  return ['| column | meaning |', '| --- | --- |', ...columns.map((c) => `| \`${c.name}\` | ${c.description} |`)];
}

/** docs/csv.md, generated from the column lists above (a test keeps the file in step). */
export function csvDocs(): string {
  return [
    '# CSV columns',
    '',
    'Generated from the column lists in `src/report/csv.ts` and `src/report/rollup-format.ts`; a test fails when this file and the code differ.',
    'Regenerate with `UPDATE_DOCS=1 npx vitest run test/report/csv-docs.test.ts`.',
    '',
    'Columns are only ever added at the end, never renamed or reordered within a schema version.',
    '',
    '## Format',
    '',
    '- RFC 4180: comma-separated, a header row, CRLF line ends, a cell quoted with `"` when it holds a comma, a quote or a line break (quotes doubled).',
    '- UTF-8. A file written with `-o` starts with a UTF-8 byte-order mark, so that Excel opens it as UTF-8 (names such as `Tomás` and typographic quotes stay as written); `--no-bom` leaves the mark out. CSV written to stdout never has one: a program reading the stream would take it for part of the first column\'s name. A program reading a file must skip the mark (csv-parse\'s `bom` option, Python\'s `utf-8-sig`).',
    '- **Safe to open in a spreadsheet:** a *text* cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading `\'`, so it is shown as text and never run as a formula.',
    '  Numeric cells (scores, counts, `emotion_*` values such as `-0.4`) are written as plain numbers and are not prefixed: they are numbers, not formulas, and stay summable.',
    '- An empty cell means the input did not have the value (no agent name, no times); empty score cells mean the conversation could not be scored, and `unscored` says why.',
    '- Input errors are not rows: they are on stderr as `file:line: reason` and in the exit code (2).',
    '',
    '## One row per conversation (`--format csv`)',
    '',
    ...columnTable(CONVERSATION_COLUMNS),
    '',
    'The category columns follow the fixed category vocabulary in its order: emotion, then trust, then control.',
    '',
    '## One row per finding (`--format csv --findings`)',
    '',
    ...columnTable(FINDING_COLUMNS),
    '',
    '## One row per group (`etcscore report --by … --format csv`)',
    '',
    ...columnTable(ROLLUP_COLUMNS),
    '',
  ].join('\n');
}
