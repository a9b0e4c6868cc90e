// One JSON document: { schemaVersion, tool, results: Analysis[], errors: [...] }, written as it goes.
// Each result is JSON.stringify's text of its analysis, written as the NDJSON records are (ndjson.ts).
import { SCHEMA_VERSION } from '../model/types.js';
import { analysisWriter } from './ndjson.js';
import type { Formatter } from './types.js';

export function jsonFormatter(): Formatter {
  const json = analysisWriter();
  let count = 0;
  const separator = () => (count++ ? ',\n' : '\n');
  return {
    name: 'json',
    start: (o) => `{"schemaVersion":${JSON.stringify(SCHEMA_VERSION)},"tool":${JSON.stringify(o.tool)},"results":[`,
    result: (a) => separator() + json.text(a),
    resultPieces: (a) => json.pieces(a, separator(), ''),
    error: () => '',
    end: (s) => `\n],"errors":${JSON.stringify(s.errors)}}\n`,
  };
}
