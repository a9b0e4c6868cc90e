import { describe, expect, it, vi } from 'vitest';

// One conversation whose analysis fails must not cost the others: it becomes an error in its place.
// A long result's text is made as the output is read, never held whole.
const long: { analysis?: import('../../src/model/index.js').Analysis } = {};
vi.mock('../../src/score/analyze.js', async (original) => {
  const real = (await original()) as typeof import('../../src/score/analyze.js');
  return {
    analyze: (t: Parameters<typeof real.analyze>[0], o?: Parameters<typeof real.analyze>[1]) => {
      if (t.id === 'boom') throw new Error('index out of range');
      const a = real.analyze(t, o);
      if (t.id !== 'long') return a;
      // As many findings as a long turn has: its result is written in pieces.
      long.analysis = { ...a, findings: Array.from({ length: 3000 }, (_, i) => ({ ...a.findings[i % a.findings.length]!, turn: i % 2 })) };
      return long.analysis;
    },
  };
});

const { createScorer } = await import('../../src/cli/units.js');

describe('createScorer', () => {
  const score = createScorer({
    read: {},
    format: 'ndjson',
    report: { color: false, findings: false, tool: { name: 'etcscore', version: 't' } },
    formatInWorker: true,
    wantAnalysis: false,
    roleNotes: false,
    redact: false,
    config: { cwd: process.cwd() },
    link: false,
  });

  it("makes a long result's pieces as the output is read, each small, after the results before it", () => {
    const line = (id: string) => JSON.stringify({ id, turns: [{ role: 'agent', text: "I'll call you back by 3pm." }, { role: 'customer', text: 'Thanks.' }] });
    const text = [line('first'), line('long'), line('last')].join('\n') + '\n';
    const { items, output } = score({ kind: 'bytes', source: 'batch.ndjson', bytes: Buffer.from(text) });
    expect(items.map((i) => i.kind)).toEqual(['result', 'result', 'result']);
    const pieces = (output as Iterable<string>)[Symbol.iterator]();
    const read: string[] = [pieces.next().value as string, pieces.next().value as string];
    // Changed after its first pieces were read: the later ones are made from it as it is now.
    long.analysis!.findings[2999] = { ...long.analysis!.findings[2999]!, turn: 98_765 };
    for (let p = pieces.next(); !p.done; p = pieces.next()) read.push(p.value as string);
    expect(read.length).toBeGreaterThan(10);
    for (const piece of read) expect(piece.length).toBeLessThan(1 << 16);
    const lines = read.join('').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['first', 'long', 'last']);
    expect(lines[1]).toBe(JSON.stringify(long.analysis));
    expect(lines[1]).toContain('"turn":98765');
  });

  it('reports a conversation whose analysis fails as an error in its place, and scores the rest', () => {
    const line = (id: string) => JSON.stringify({ id, turns: [{ role: 'agent', text: "I'll call you back by 3pm." }, { role: 'customer', text: 'Thanks.' }] });
    const text = [line('first'), line('boom'), line('last')].join('\n') + '\n';
    const { items, output } = score({ kind: 'bytes', source: 'batch.ndjson', bytes: Buffer.from(text) });
    expect(items.map((i) => i.kind)).toEqual(['result', 'error', 'result']);
    const error = items[1]!;
    expect(error.kind === 'error' && error.error.message).toMatch(/could not be analysed: index out of range/);
    const lines = [...output!].join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id ?? l.type)).toEqual(['first', 'error', 'last']);
  });
});
