// JSON with line numbers: parse errors and structural errors name the line in the file.
import { InputError, lineAt } from '../model/errors.js';

export type JsonPath = readonly (string | number)[];

/** "turns[3].text", "transcripts[0].turns" */
export function formatPath(path: JsonPath): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

/** Line of a JSON.parse failure, from V8's "position N" or "line N column M". */
function lineOfSyntaxError(text: string, message: string): number {
  const lc = /line (\d+) column \d+/.exec(message);
  if (lc) return Number(lc[1]);
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineAt(text, Number(pos[1]));
  // Node 20 sometimes gives only a window of the text: `Unexpected token 'o', ..."xt\n  oops\n]}" is not
  // valid JSON`, cut 10 characters either side of the error when "..." marks a cut.
  const ctx = /^Unexpected token '(.)', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (ctx) {
    const window = ctx[3]!;
    const at = text.indexOf(window);
    if (at >= 0 && text.indexOf(window, at + 1) < 0) return lineAt(text, at + (ctx[2] ? 10 : Math.max(0, window.indexOf(ctx[1]!))));
  }
  // "Unexpected end of JSON input": the problem is at the end.
  return lineAt(text, text.length);
}

let cache: { text: string; value: unknown; error?: SyntaxError } | undefined;

/**
 * JSON.parse, remembered for the last text so that sniffing then parsing costs one parse. The
 * memory is let go once parseJson has given the value out: kept, it held the last record's text
 * and parsed tree (two copies of a long turn) through the whole of its analysis.
 */
function parseCached(text: string): { value: unknown; error?: SyntaxError } {
  if (cache?.text !== text) {
    try {
      cache = { text, value: JSON.parse(text) };
    } catch (e) {
      cache = { text, value: undefined, error: e as SyntaxError };
    }
  }
  return cache;
}

/** The parsed value, or undefined when the text is not JSON (for sniffing). */
export function tryParseJson(text: string): unknown {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  return parseCached(text).value;
}

export function parseJson(text: string, source: string): unknown {
  const { value, error } = parseCached(text);
  cache = undefined;
  if (error) {
    const reason = error.message
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '');
    throw new InputError(source, lineOfSyntaxError(text, error.message), `invalid JSON: ${reason}`);
  }
  return value;
}

// A minimal scanner that walks the text along a path, to find where a value starts.
function skipWs(t: string, i: number): number {
  while (i < t.length && (t[i] === ' ' || t[i] === '\n' || t[i] === '\t' || t[i] === '\r')) i++;
  return i;
}

function skipString(t: string, i: number): number {
  for (i++; i < t.length; i++) {
    if (t[i] === '\\') i++;
    else if (t[i] === '"') return i + 1;
  }
  return i;
}

function skipValue(t: string, i: number): number {
  if (t[i] === '"') return skipString(t, i);
  if (t[i] !== '{' && t[i] !== '[') {
    while (i < t.length && !',}]'.includes(t[i]!)) i++;
    return i;
  }
  let depth = 0;
  for (; i < t.length; i++) {
    const c = t[i];
    if (c === '"') i = skipString(t, i) - 1;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  return i;
}

/** Offset where the value at path begins (or the deepest part of the path that was found). */
function offsetOf(t: string, path: JsonPath): number {
  let i = skipWs(t, 0);
  for (const step of path) {
    const open = t[i];
    if (typeof step === 'number' ? open !== '[' : open !== '{') return i;
    let j = skipWs(t, i + 1);
    let found = false;
    for (let n = 0; j < t.length && t[j] !== ']' && t[j] !== '}'; n++) {
      if (typeof step === 'string') {
        const keyEnd = skipString(t, j);
        const key = JSON.parse(t.slice(j, keyEnd)) as string;
        j = skipWs(t, skipWs(t, keyEnd) + 1); // past ':'
        if (key === step) {
          found = true;
          break;
        }
      } else if (n === step) {
        found = true;
        break;
      }
      j = skipWs(t, skipValue(t, j));
      if (t[j] === ',') j = skipWs(t, j + 1);
    }
    if (!found) return i;
    i = j;
  }
  return i;
}

/** 1-based line where the value at path starts; 1 if the text cannot be walked. */
export function lineOfPath(text: string, path: JsonPath): number {
  try {
    return lineAt(text, offsetOf(text, path));
  } catch {
    return 1;
  }
}

/** An InputError naming the JSON path and the line its value starts on. */
export function structureError(text: string, source: string, path: JsonPath, reason: string, lineOffset = 0): InputError {
  const where = formatPath(path);
  return new InputError(source, lineOfPath(text, path) + lineOffset, where ? `${where}: ${reason}` : reason);
}
