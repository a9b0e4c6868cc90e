import { describe, expect, it, vi } from 'vitest';

// One conversation whose analysis fails must not cost the others: it becomes an error in its place.
vi.mock('../../src/score/analyze.js', async (original) => {
  const real = (await original()) as typeof import('../../src/score/analyze.js');
  return {
    analyze: (t: Parameters<typeof real.analyze>[0], o?: Parameters<typeof real.analyze>[1]) => {
      if (t.id === 'boom') throw new Error('index out of range');
      return real.analyze(t, o);
    },
  };
});

const { createScorer } = await import('../../src/cli/units.js');

describe('createScorer', () => {
  it('reports a conversation whose analysis fails as an error in its place, and scores the rest', () => {
    const line = (id: string) => JSON.stringify({ id, turns: [{ role: 'agent', text: "I'll call you back by 3pm." }, { role: 'customer', text: 'Thanks.' }] });
    const text = [line('first'), line('boom'), line('last')].join('\n') + '\n';
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
    const { items, output } = score({ kind: 'bytes', source: 'batch.ndjson', bytes: Buffer.from(text) });
    expect(items.map((i) => i.kind)).toEqual(['result', 'error', 'result']);
    const error = items[1]!;
    expect(error.kind === 'error' && error.error.message).toMatch(/could not be analysed: index out of range/);
    const lines = String(output).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id ?? l.type)).toEqual(['first', 'error', 'last']);
  });
});
