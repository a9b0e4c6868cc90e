// The analyser on any conversation: phrases that fire rules, mixed with arbitrary Unicode,
// quotes, questions and negations, always gives a schema-valid Analysis whose findings quote
// their turns exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role, Transcript } from '../../src/model/types.js';
import { BUILTIN_RULES } from '../../src/rules/index.js';
import { checkAnalysis } from './invariants.js';

const SCALE = Number(process.env.ETCSCORE_FUZZ ?? 1);
const ROLES: Role[] = ['agent', 'customer', 'bot', 'system', 'unknown'];
// Utterances that must fire a rule: the catalogue's own examples, so findings are common.
const PHRASES = BUILTIN_RULES.flatMap((r) => [...r.examples.match, ...r.examples.noMatch]);

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom('"', '“', '”', '?', '!!!', '...', 'not', "don't", 'never', 'but', '😡', '🙂', '3pm', '5–7 days', 'um', 'VERY', '\n', '\t', ' ') },
);

const turn = fc.record({
  role: fc.constantFrom(...ROLES),
  speaker: fc.constantFrom('', 'Dana', 'Sam', 'spk_0'),
  text: fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(' ')),
  start: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }), { nil: undefined }),
});

const transcript: fc.Arbitrary<Transcript> = fc
  .record({ channel: fc.constantFrom('call', 'chat', 'email', 'unknown') as fc.Arbitrary<Transcript['channel']>, turns: fc.array(turn, { maxLength: 12 }) })
  .map(({ channel, turns }) => ({
    id: 'gen',
    source: 'gen.json',
    channel,
    meta: {},
    turns: turns.map((t, index) => ({ index, role: t.role, speaker: t.speaker, text: t.text, ...(t.start !== undefined ? { start: t.start } : {}) })),
  }));

describe('analyze', () => {
  it('gives a valid Analysis for any conversation', () => {
    let withFindings = 0;
    const numRuns = Math.round(5000 * SCALE);
    fc.assert(
      fc.property(transcript, (t) => {
        if (checkAnalysis(t).findings.length > 0) withFindings++;
      }),
      { numRuns },
    );
    // The generator must reach the interesting paths (findings and their spans), not only empty ones.
    expect(withFindings).toBeGreaterThan(numRuns / 10);
  }, 120_000 * SCALE);
});
