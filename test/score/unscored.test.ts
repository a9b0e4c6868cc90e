// A conversation that cannot be scored gets no numbers: scores null and the reason why.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/score/analyze.js';
import { unscoredReason } from '../../src/score/unscored.js';
import type { Role, Transcript } from '../../src/model/types.js';

const transcript = (roles: Role[]): Transcript => ({
  id: 't',
  source: 't.json',
  channel: 'chat',
  meta: {},
  turns: roles.map((role, index) => ({ index, role, speaker: role, text: role === 'customer' ? 'This is ridiculous, I want to cancel my account.' : 'Hello.' })),
});

describe('unscoredReason', () => {
  it.each([
    [['customer', 'customer'], 'no agent turn'],
    [['bot', 'customer', 'bot'], 'no agent turn'],
    [['unknown', 'unknown'], 'no roles found'],
    [[], 'no turns'],
    [['customer', 'agent'], undefined],
    [['unknown', 'agent'], undefined],
  ] as Array<[Role[], string | undefined]>)('%j → %s', (roles, reason) => {
    expect(unscoredReason(transcript(roles))).toBe(reason);
  });
});

describe('analyze', () => {
  it('gives a one-sided conversation no scores and no explanation, but keeps its curve, counts and signals', () => {
    const a = analyze(transcript(['customer', 'customer']));
    expect(a.scores).toBeNull();
    expect(a.unscored).toBe('no agent turn');
    expect(a.explanation).toEqual({ etc: [], emotion: [], trust: [], control: [] });
    expect(a.emotion.trajectory).toHaveLength(2);
    expect(a.counts).toMatchObject({ agentTurns: 0, customerTurns: 2, risks: 0 });
    expect(a.counts.signals).toBeGreaterThan(0);
  });

  it('says no roles were found when every turn is unknown', () => {
    const a = analyze(transcript(['unknown', 'unknown', 'unknown']));
    expect(a).toMatchObject({ scores: null, unscored: 'no roles found' });
  });

  it('scores a conversation with an agent turn, and then has no `unscored` key at all', () => {
    const a = analyze(transcript(['customer', 'agent']));
    expect(a.scores?.etc).toEqual(expect.any(Number));
    expect('unscored' in a).toBe(false);
  });
});
