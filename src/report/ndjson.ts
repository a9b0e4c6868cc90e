// One self-describing object a line: an Analysis, or { type: "error", source, line, message }.
import type { Formatter } from './types.js';

export function ndjsonFormatter(): Formatter {
  return {
    name: 'ndjson',
    start: () => '',
    result: (a) => JSON.stringify(a) + '\n',
    error: (e) => JSON.stringify({ type: 'error', source: e.source, line: e.line, message: e.message }) + '\n',
    end: () => '',
  };
}
