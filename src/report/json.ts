// One JSON document: { schemaVersion, tool, results: Analysis[], errors: [...] }, written as it goes.
import { SCHEMA_VERSION } from '../model/types.js';
import type { Formatter } from './types.js';

export function jsonFormatter(): Formatter {
  let count = 0;
  return {
    name: 'json',
    start: (o) => `{"schemaVersion":${JSON.stringify(SCHEMA_VERSION)},"tool":${JSON.stringify(o.tool)},"results":[`,
    result: (a) => (count++ ? ',\n' : '\n') + JSON.stringify(a),
    error: () => '',
    end: (s) => `\n],"errors":${JSON.stringify(s.errors)}}\n`,
  };
}
