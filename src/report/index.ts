// Formatters by name; each is a small streaming object, and `render` is the pure-function form.
import type { Analysis, InputErrorRecord, Transcript } from '../model/types.js';
import type { Formatter, ReportOptions } from './types.js';
import { prettyFormatter } from './pretty.js';
import { jsonFormatter } from './json.js';
import { ndjsonFormatter } from './ndjson.js';
import { csvFormatter } from './csv.js';
import { markdownFormatter } from './markdown.js';
import { htmlFormatter } from './html.js';
import { coachFormatter } from './coach.js';
import { table } from '../model/records.js';
import { forPeople } from './terminal.js';

export type { Formatter, ReportOptions, Summary } from './types.js';

const FORMATTERS = table<() => Formatter>({
  pretty: () => forPeople(prettyFormatter()),
  json: jsonFormatter,
  ndjson: ndjsonFormatter,
  csv: csvFormatter,
  // Markdown and HTML are read by people (in a terminal, an editor, a browser, a rendered page):
  // control characters and bidi overrides from the input are shown by their code, as on a terminal.
  // JSON, NDJSON and CSV are data for programs and spreadsheets, and keep every value exactly.
  markdown: () => forPeople(markdownFormatter(), false),
  html: () => forPeople(htmlFormatter(), false),
  coach: coachFormatter, // renderCoach is made safe for a terminal as a whole
});

export const FORMAT_NAMES = Object.keys(FORMATTERS);

export function formatterByName(name: string): Formatter {
  const make = FORMATTERS[name];
  // Exported by the library: a wrong name is the caller's mistake, a TypeError naming it.
  if (typeof name !== 'string' || !make) throw new TypeError(`formatterByName: name must be one of ${FORMAT_NAMES.join(', ')} (got ${typeof name === 'string' ? `"${name}"` : typeof name})`);
  return make();
}

/**
 * The whole report as one string: for library use and tests. `transcripts[i]`, when given, is
 * the transcript `results[i]` was made from (coach, markdown and html then quote whole turns).
 */
export function render(
  name: string,
  results: readonly Analysis[],
  errors: readonly InputErrorRecord[] = [],
  options: Partial<ReportOptions> = {},
  transcripts: ReadonlyArray<Transcript | undefined> = [],
): string {
  const o: ReportOptions = { color: false, findings: false, tool: { name: 'etcscore', version: '0' }, ...options };
  const f = formatterByName(name);
  let out = f.start(o);
  results.forEach((a, i) => (out += f.result(a, o, transcripts[i])));
  for (const e of errors) out += f.error(e, o);
  return out + f.end({ results: results.length, errors: [...errors] }, o);
}
