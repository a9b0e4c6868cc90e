import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { detectFormat, parseFile, parseText, READERS, readerByExtension, readerByName } from '../../src/formats/index.js';
import { caught, fixture, fixtureText } from './helpers.js';

describe('format registry', () => {
  it('has unique reader names', () => {
    const names = READERS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('readerByName lists the valid names when it fails', () => {
    expect(readerByName('WebVTT').name).toBe('webvtt');
    expect(() => readerByName('docx')).toThrow(/unknown input format "docx" \(valid: webvtt, srt, .*text\)/);
  });

  it('detects by extension first, and by content for vague or missing extensions', () => {
    expect(detectFormat(fixtureText('call.vtt'), 'x.vtt')?.name).toBe('webvtt');
    expect(detectFormat(fixtureText('call.srt'), 'x.txt')?.name).toBe('srt');
    expect(detectFormat(fixtureText('call.vtt'), '')?.name).toBe('webvtt');
    expect(detectFormat(fixtureText('labelled.txt'), '<stdin>')?.name).toBe('text');
    expect(detectFormat(fixtureText('canonical.json'), 'export.dat')?.name).toBe('json');
    expect(detectFormat(fixtureText('calls.ndjson'), 'calls.jsonl')?.name).toBe('ndjson');
    expect(detectFormat(fixtureText('chats.csv'), 'chats.csv')?.name).toBe('csv');
    expect(detectFormat(fixtureText('chats.csv'), '')?.name).toBe('csv');
    expect(detectFormat(fixtureText('podcast.html'), '')?.name).toBe('html');
  });

  it('knows from the extension alone what detection would give when one reader has it', () => {
    for (const path of ['calls.ndjson', 'CALLS.JSONL', 'x.vtt', 'x.srt', 'page.htm', 'big.ndjson#2']) {
      expect(readerByExtension(path)).toBeDefined();
      expect(readerByExtension(path)).toBe(detectFormat('not what the name says', path));
    }
    // Vague, shared or missing extensions leave it to the content.
    for (const path of ['x.json', 'x.txt', 'x.csv', 'x.tsv', '<stdin>', 'x.bin']) expect(readerByExtension(path)).toBeUndefined();
  });

  it('--input-format overrides detection', () => {
    const ts = parseText('Agent: hello\nCustomer: hi\n', { source: 'a.vtt', format: 'text' });
    expect(ts[0]!.meta.format).toBe('text');
  });

  it('reports unrecognised input, missing files and empty input as InputError', () => {
    expect(caught(() => parseText('just some words\nwith nothing to go on\n', { source: 'x.bin' })).message).toMatch(/unrecognised input format/);
    const missing = caught(() => parseFile(fixture('nope.txt')));
    expect(missing).toBeInstanceOf(InputError);
    expect(missing.message).toMatch(/cannot read file: ENOENT/);
    expect(caught(() => parseText('  \n\n', { source: 'e.txt' })).message).toBe('empty file');
  });

  it('gives a malformed .json file a JSON error rather than a text one', () => {
    expect(caught(() => parseText('{"turns": [\n  {"role": "agent", "text": "hi"},\n  oops\n]}', { source: 'm.json' }))).toMatchObject({ line: 3, message: expect.stringMatching(/^invalid JSON/) });
  });
});
