// JSON read with line numbers: one parse serves the sniffing and the reading, and nothing of a
// record is kept once its value has been given out.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseJson, tryParseJson } from '../../src/formats/json-source.js';
import { InputError } from '../../src/model/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

describe('parseJson', () => {
  it('gives the value that sniffing parsed, and the same value again after', () => {
    const text = '{"turns":[{"speaker":"Agent","text":"Hello"}]}';
    const sniffed = tryParseJson(text);
    expect(parseJson(text, 'call.json')).toBe(sniffed);
    expect(parseJson(text, 'call.json')).toEqual(sniffed);
  });

  it('names the line of a syntax error', () => {
    const text = '{\n"turns": [\n  {"text": "hi"},\n  oops\n]}';
    expect(() => parseJson(text, 'call.json')).toThrow(InputError);
    try {
      parseJson(text, 'call.json');
    } catch (err) {
      expect((err as InputError).line).toBe(4);
    }
  });

  it('keeps no copy of a long record once its value is given out', () => {
    const chars = 2_000_000;
    // The record's text exists only inside the call: what stays is the parsed value alone.
    const read = () => parseJson(JSON.stringify({ turns: [{ role: 'agent', text: 'word '.repeat(chars / 5) }] }), 'long.ndjson');
    read(); // the parser's code compiled, not counted
    parseJson('{}', 'small.ndjson'); // and whatever an earlier read left in memory let go
    const before = heapUsed();
    const value = read() as { turns: Array<{ text: string }> };
    const held = heapUsed() - before;
    expect(value.turns[0]!.text).toHaveLength(chars);
    // One byte a character of the turn's text; the record's text kept beside it made it two.
    expect(held / chars).toBeLessThan(1.5);
  });
});
