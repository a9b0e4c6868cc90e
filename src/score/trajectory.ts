// The customer's emotion over the conversation: one point per customer turn, smoothed, and a shape.
import type { Analysis, EmotionLabel, EmotionShape, TrajectoryPoint } from '../model/types.js';

/** Weight of the newest turn in the running average: high enough to follow a real turnaround. */
const ALPHA = 0.6;
/** |score| below this is neutral. */
export const NEUTRAL_BAND = 0.15;

export function labelOf(score: number): EmotionLabel {
  return score <= -NEUTRAL_BAND ? 'negative' : score >= NEUTRAL_BAND ? 'positive' : 'neutral';
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function trajectory(points: Array<{ turn: number; raw: number; cues?: string[] }>): Analysis['emotion'] {
  let prev: number | undefined;
  const traj: TrajectoryPoint[] = points.map(({ turn, raw, cues }) => {
    const smoothed = prev === undefined ? raw : ALPHA * raw + (1 - ALPHA) * prev;
    prev = smoothed;
    const point: TrajectoryPoint = { turn, raw: round(raw), smoothed: round(smoothed), label: labelOf(raw) };
    if (cues?.length) point.cues = cues;
    return point;
  });
  if (traj.length === 0) return { trajectory: [], start: 0, end: 0, min: 0, max: 0, delta: 0, shape: 'flat' };
  const s = traj.map((p) => p.smoothed);
  const start = s[0]!;
  const end = s[s.length - 1]!;
  return {
    trajectory: traj,
    start,
    end,
    min: Math.min(...s),
    max: Math.max(...s),
    delta: round(end - start),
    shape: shapeOf(traj),
  };
}

/** How the curve moved: the order of the tests matters (a turnaround beats an average). */
export function shapeOf(traj: readonly TrajectoryPoint[]): EmotionShape {
  const s = traj.map((p) => p.smoothed);
  if (s.length === 0) return 'flat';
  const end = s[s.length - 1]!;
  const min = Math.min(...s);
  const max = Math.max(...s);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  // Swings between clearly negative and clearly positive turns, three times or more.
  const polar = traj.map((p) => p.label).filter((l) => l !== 'neutral');
  let swings = 0;
  for (let i = 1; i < polar.length; i++) if (polar[i] !== polar[i - 1]) swings++;
  if (swings >= 3 && max - min >= 0.6) return 'volatile';
  if (min <= -0.2 && end >= min + 0.3 && end > -NEUTRAL_BAND && s.indexOf(min) < s.length - 1) return 'recovered';
  if (end <= -NEUTRAL_BAND && (end <= max - 0.3 || end <= s[0]! - NEUTRAL_BAND)) return 'declined';
  if (mean <= -0.1 && max < NEUTRAL_BAND * 2) return 'steady-negative';
  if (mean >= 0.1 && min > -NEUTRAL_BAND) return 'steady-positive';
  return 'flat';
}
