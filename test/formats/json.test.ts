import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { parseFile, parseNdjsonLines, parseText } from '../../src/formats/index.js';
import { ndjsonReader } from '../../src/formats/ndjson.js';
import { caught, fixture, fixtureText } from './helpers.js';

describe('canonical JSON reader', () => {
  it('reads one transcript, accepting content/message for text and filling indexes', () => {
    const [t] = parseFile(fixture('canonical.json'));
    expect(t).toMatchObject({ id: 'chat-7781', channel: 'chat', source: fixture('canonical.json') });
    expect(t!.meta).toMatchObject({ agentName: 'Leo', team: 'Returns' });
    expect(t!.turns.map((x) => x.index)).toEqual([0, 1, 2, 3]);
    expect(t!.turns[1]!.text).toBe("I want to return a jacket, it's the wrong size.");
    expect(t!.turns[2]!.text).toMatch(/^No problem/);
  });

  it('reads { transcripts: [...] }, numbering sources and ids it has to make up', () => {
    const ts = parseFile(fixture('many.json'));
    expect(ts.map((t) => [t.id, t.source.endsWith('many.json#1') || t.source.endsWith('many.json#2')])).toEqual([
      ['a-1', true],
      ['many#2', true],
    ]);
    expect(ts[0]!.channel).toBe('call');
    expect(ts[0]!.turns[1]).toMatchObject({ start: 2.8, end: 4.1, role: 'customer' });
    expect(ts[1]!.turns.map((x) => x.role)).toEqual(['agent', 'customer']);
  });

  it('reads a bare array', () => {
    const ts = parseText('[{"turns":[{"role":"agent","text":"a"}]},{"turns":[{"role":"customer","text":"b"}]}]', { source: 'arr.json' });
    expect(ts.map((t) => t.id)).toEqual(['arr#1', 'arr#2']);
  });

  it('names the path and the line of a wrongly typed field', () => {
    const err = caught(() => parseFile(fixture('bad-field.json')));
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ line: 9, message: 'turns[3].text: expected a string' });
  });

  it('names the line of a JSON syntax error', () => {
    const err = caught(() => parseFile(fixture('bad-syntax.json')));
    expect(err.line).toBe(5);
    expect(err.message).toMatch(/^invalid JSON/);
  });

  it('reports an unexpected end on the last line', () => {
    expect(caught(() => parseText('{\n "turns": [\n', { source: 'cut.json', format: 'json' })).line).toBe(3);
  });

  it('names nested paths inside { transcripts }', () => {
    const text = '{"transcripts": [\n {"turns": []},\n {"turns": [\n  {"role": "agent", "start": "soon", "text": "x"}\n ]}\n]}';
    const err = caught(() => parseText(text, { source: 'n.json' }));
    expect(err).toMatchObject({ line: 4, message: 'transcripts[1].turns[0].start: expected a number of seconds' });
  });
});

describe('NDJSON reader', () => {
  it('collects good records and per-line errors so a batch goes on', () => {
    const { transcripts, errors } = parseNdjsonLines(fixtureText('calls.ndjson'), { source: 'calls.ndjson' });
    expect(transcripts.map((t) => [t.id, t.source])).toEqual([
      ['n-1', 'calls.ndjson#1'],
      ['n-3', 'calls.ndjson#3'],
    ]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [3, 'turns[1].text: expected a string'],
      [5, expect.stringMatching(/^invalid JSON/)],
    ]);
    expect(transcripts[1]!.turns[0]!.line).toBe(4);
  });

  it('parse() is all-or-nothing and throws the first error', () => {
    expect(caught(() => ndjsonReader.parse(fixtureText('calls.ndjson'), { source: 'c.ndjson' })).line).toBe(3);
  });

  it('is detected by content without an extension', () => {
    const two = '{"turns":[{"role":"agent","text":"a"}]}\n{"turns":[{"role":"customer","text":"b"}]}\n';
    expect(parseText(two, { source: '<stdin>' }).map((t) => [t.meta.format, t.id])).toEqual([
      ['ndjson', 'stdin#1'],
      ['ndjson', 'stdin#2'],
    ]);
  });
});
