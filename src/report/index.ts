// Formatters by name; each is a small streaming object, and `render` is the pure-function form.
import type { Analysis, InputErrorRecord } from '../model/types.js';
import type { Formatter, ReportOptions } from './types.js';
import { prettyFormatter } from './pretty.js';
import { jsonFormatter } from './json.js';
import { ndjsonFormatter } from './ndjson.js';

export type { Formatter, ReportOptions, Summary } from './types.js';

const FORMATTERS: Record<string, () => Formatter> = {
  pretty: prettyFormatter,
  json: jsonFormatter,
  ndjson: ndjsonFormatter,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS);

export function formatterByName(name: string): Formatter {
  const make = FORMATTERS[name];
  if (!make) throw new Error(`unknown format "${name}" (choose one of: ${FORMAT_NAMES.join(', ')})`);
  return make();
}

/** The whole report as one string: for library use and tests. */
export function render(
  name: string,
  results: readonly Analysis[],
  errors: readonly InputErrorRecord[] = [],
  options: Partial<ReportOptions> = {},
): string {
  const o: ReportOptions = { color: false, findings: false, tool: { name: 'etcscore', version: '0' }, ...options };
  const f = formatterByName(name);
  let out = f.start(o);
  for (const a of results) out += f.result(a, o);
  for (const e of errors) out += f.error(e, o);
  return out + f.end({ results: results.length, errors: [...errors] }, o);
}
