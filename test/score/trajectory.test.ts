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

  it.each([
    // Judge the start and the end first; a calm middle does not make a negative conversation volatile.
    ['steady-negative', [-0.7, 0, -0.6, 0, -0.5]],
    // Volatile only when the middle clearly swings against both ends.
    ['volatile', [-0.5, -0.6, 0.5, 0, -0.6]],
    ['volatile', [0, 0, -0.5, 0, 0]],
    // One mild remark does not change flat.
    ['flat', [0, 0, -0.25, 0, 0]],
    // A neutral start that ends angry has declined; a negative start that ends calm has recovered.
    ['declined', [0, 0, -0.6]],
    ['recovered', [-0.7, 0, 0]],
    // Neutral turning positive is steady-positive.
    ['steady-positive', [0, 0, 0.5]],
  ] as const)('judges %s from its start and end: %j', (shape, raw) => {
    expect(curve(...raw).shape).toBe(shape);
  });

  it('lets a turn that says nothing of the mood (a link, "yes") keep the curve where it was', () => {
    const t = trajectory([
      { turn: 1, raw: -0.8 },
      { turn: 3, raw: 0, uninformative: true },
      { turn: 5, raw: 0, uninformative: true },
      { turn: 7, raw: -0.6 },
    ]);
    expect(t.trajectory[2]!.smoothed).toBe(-0.8);
    expect(t.shape).toBe('steady-negative');
    // The same turns read as calm answers would pull the curve up.
    expect(curve(-0.8, 0, 0, -0.6).trajectory[2]!.smoothed).toBeGreaterThan(-0.2);
  });

  it('is flat and zero with no customer turns', () => {
    expect(curve()).toMatchObject({ trajectory: [], shape: 'flat', start: 0, end: 0 });
  });
});
