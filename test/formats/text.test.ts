import { describe, expect, it } from 'vitest';
import { parseFile, parseText } from '../../src/formats/index.js';
import { textReader } from '../../src/formats/text.js';
import { caught, fixture, settled } from './helpers.js';
// @ts-expect-error plain JavaScript shared with the benchmark
import { asText, rng, transcript } from '../../scripts/bench/corpus.js';

describe('plain text reader', () => {
  it('reads role labels, stamps, multi-line turns and header meta', () => {
    const [t] = settled(parseFile(fixture('labelled.txt')));
    expect(t!.id).toBe('call-0042');
    expect(t!.channel).toBe('call');
    expect(t!.meta).toMatchObject({ agentName: 'Dana', team: 'Billing', queue: 'billing-uk', date: '2024-03-18', format: 'text' });
    expect(t!.turns.map((x) => x.role)).toEqual(['agent', 'customer', 'agent', 'customer', 'agent']);
    expect(t!.turns[1]!.text).toBe("Hi. I've been charged twice for March and I'm honestly fed up,\nthis is the third time I'm calling about it.");
    expect(t!.turns.map((x) => x.start)).toEqual([2, 7, 15, 19, 23]);
    expect(t!.turns.map((x) => x.line)).toEqual([8, 9, 11, 12, 14]);
    expect(t!.meta.roleInference).toMatchObject({ method: 'labels', confidence: 1 });
  });

  it('accepts stamps after the label, (m:ss) stamps and "Name (Agent):"', () => {
    const [t] = settled(parseFile(fixture('stamped-after.txt')));
    expect(t!.turns.map((x) => [x.speaker, x.role, x.start])).toEqual([
      ['Rep', 'agent', 1],
      ['Caller', 'customer', 4],
      ['Rep', 'agent', 9],
      ['Caller', 'customer', 13],
      ['Sam', 'agent', undefined],
    ]);
    expect(t!.turns[3]!.text).toBe("It's A-1009.");
  });

  it('infers roles for named speakers and keeps "Note:" lines as text', () => {
    const [t] = settled(parseFile(fixture('named.txt')));
    expect(t!.turns).toHaveLength(7);
    expect(t!.turns[5]!.text).toBe('Thanks Tom. Let me check the line tests.\nNote: line test passed at 09:12');
    expect(t!.meta.roleInference).toMatchObject({ method: 'inferred', assignments: { Priya: 'agent', Tom: 'customer' } });
    expect(t!.turns.filter((x) => x.role === 'agent')).toHaveLength(4);
  });

  it('--agent overrides inference, case-insensitively', () => {
    const [t] = settled(parseFile(fixture('named.txt'), { agent: 'tom' }));
    expect(t!.meta.roleInference).toMatchObject({ method: 'option', confidence: 1, assignments: { Tom: 'agent', Priya: 'customer' } });
  });

  it('uses a "# agent:" header naming a speaker', () => {
    const [t] = settled(parseText('# agent: Jo\nJo: Hi there.\nAl: Hello.\nJo: Bye.\nAl: Bye.\n', { source: 'h.txt' }));
    expect(t!.meta.roleInference?.method).toBe('option');
    expect(t!.turns.map((x) => x.role)).toEqual(['agent', 'customer', 'agent', 'customer']);
  });

  it('errors on text before the first label, naming its line', () => {
    const err = caught(() => parseText('# id: x\n\nhello there\nAgent: Hi\n', { source: 'pre.txt' }));
    expect(err).toMatchObject({ source: 'pre.txt', line: 3 });
    expect(err.message).toMatch(/before the first speaker label/);
  });

  it('errors when there is no labelled turn', () => {
    expect(caught(() => textReader.parse('# only a header\n\n', { source: 'e.txt' })).message).toMatch(/no turns found/);
  });

  it('does not mistake URLs or clock times for labels', () => {
    const [t] = parseText('Agent: see https://example.com/help\nat 10:30 today\nCustomer: ok\n', { source: 'u.txt' });
    expect(t!.turns).toHaveLength(2);
    expect(t!.turns[0]!.text).toBe('see https://example.com/help\nat 10:30 today');
  });

  it("reads the benchmark's folder of calls back as the very transcripts it was written from", () => {
    // scripts/bench.js times the same conversations as text files and as NDJSON: that only compares
    // like with like if the text says all the NDJSON does.
    const r = rng(11);
    for (let n = 1; n <= 20; n++) {
      const t = transcript(r, n);
      const [read] = parseText(asText(t), { source: `${t.id}.txt` });
      expect([read!.id, read!.channel]).toEqual([t.id, t.channel]);
      expect(read!.meta).toMatchObject(t.meta);
      expect(read!.turns.map((x) => [x.role, x.text, x.start])).toEqual(t.turns.map((x: { role: string; text: string; start: number }) => [x.role, x.text, x.start]));
    }
  });
});
