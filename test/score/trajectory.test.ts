import { describe, expect, it } from 'vitest';
import { trajectory } from '../../src/score/trajectory.js';

const curve = (...raw: number[]) => trajectory(raw.map((r, i) => ({ turn: i * 2 + 1, raw: r })));

describe('emotion trajectory', () => {
  it('has one point per customer turn, smoothed toward the newest turn', () => {
    const t = curve(-0.8, 0.6);
    expect(t.trajectory.map((p) => p.turn)).toEqual([1, 3]);
    expect(t.trajectory[1]!.smoothed).toBeCloseTo(0.6 * 0.6 + 0.4 * -0.8, 3);
    expect(t.start).toBe(-0.8);
    expect(t.min).toBe(-0.8);
  });

  it.each([
    ['recovered', [-0.7, -0.6, -0.1, 0.4, 0.6]],
    ['declined', [0.2, 0.1, -0.3, -0.6, -0.7]],
    ['steady-positive', [0.3, 0.4, 0.3, 0.5]],
    ['steady-negative', [-0.4, -0.5, -0.3, -0.6]],
    ['volatile', [-0.6, 0.7, -0.7, 0.6, -0.5]],
    ['flat', [0, 0.05, -0.05, 0]],
  ] as const)('names the shape %s', (shape, raw) => {
    expect(curve(...raw).shape).toBe(shape);
  });

  it('is flat and zero with no customer turns', () => {
    expect(curve()).toMatchObject({ trajectory: [], shape: 'flat', start: 0, end: 0 });
  });
});
