import { describe, expect, it } from 'vitest';
import { BASE, computeScores, OVERALL_WEIGHTS } from '../../src/score/scores.js';
import { trajectory } from '../../src/score/trajectory.js';
import type { Finding } from '../../src/model/types.js';

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'r',
  messageId: 'r/default',
  category: 'sympathy',
  dimension: 'emotion',
  kind: 'risk',
  severity: 'warning',
  turn: 2,
  role: 'agent',
  span: [0, 5],
  text: 'sorry',
  message: 'm',
  ...over,
});

describe('computeScores', () => {
  it('is 50 on every dimension for a conversation with nothing in it', () => {
    const { scores } = computeScores([], trajectory([]));
    expect(scores).toEqual({ etc: BASE, emotion: BASE, trust: BASE, control: BASE });
  });

  it('explains every point: the score is the base plus the listed reasons', () => {
    const findings = [
      finding({ category: 'policy-hiding', dimension: 'control', severity: 'error', turn: 4 }),
      finding({ category: 'commitment', dimension: 'trust', kind: 'strength', severity: 'info', turn: 6 }),
    ];
    const { scores, explanation } = computeScores(findings, trajectory([{ turn: 1, raw: -0.6 }, { turn: 3, raw: 0.5 }]));
    for (const dim of ['emotion', 'trust', 'control'] as const) {
      const sum = BASE + explanation[dim].reduce((a, r) => a + r.points, 0);
      expect(scores[dim]).toBe(Math.max(0, Math.min(100, Math.round(sum))));
    }
    expect(explanation.control[0]).toMatchObject({ turns: [4], category: 'policy-hiding' });
    expect(scores.control).toBeLessThan(BASE);
    expect(scores.trust).toBeGreaterThan(BASE);
    const overall = OVERALL_WEIGHTS.emotion * scores.emotion + OVERALL_WEIGHTS.trust * scores.trust + OVERALL_WEIGHTS.control * scores.control;
    expect(scores.etc).toBe(Math.round(overall));
  });

  it('counts the same category half as much each time it recurs', () => {
    const one = computeScores([finding({})], trajectory([])).explanation.emotion.at(-1)!.points;
    const reasons = computeScores([finding({}), finding({ turn: 4 }), finding({ turn: 6 })], trajectory([])).explanation.emotion;
    expect(reasons.slice(-3).map((r) => r.points)).toEqual([one, one / 2, one / 4]);
  });

  it('weighs the end of the conversation more than its start (peak–end)', () => {
    const endedWell = computeScores([], trajectory([{ turn: 1, raw: -0.5 }, { turn: 3, raw: 0.6 }])).scores.emotion;
    const endedBadly = computeScores([], trajectory([{ turn: 1, raw: 0.6 }, { turn: 3, raw: -0.5 }])).scores.emotion;
    expect(endedWell).toBeGreaterThan(endedBadly);
  });
});
