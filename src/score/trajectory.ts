// The customer's emotion over the conversation: one point per customer turn, smoothed, and a shape.
import type { Analysis, EmotionLabel, EmotionShape, TrajectoryPoint } from '../model/types.js';

/** Weight of the newest turn in the running average: high enough to follow a real turnaround. */
const ALPHA = 0.6;
/** |score| below this is neutral. */
export const NEUTRAL_BAND = 0.15;
/** A turn is clearly positive or negative from here (the sentiment's own label threshold). */
const CLEAR = 0.2;
/** A negative turn stronger than this is more than "one mild remark". */
const MORE_THAN_MILD = 0.35;
/** How far the end must move from the start to have recovered or declined. */
const MOVED = 0.25;
/** More than a bare "thanks" (about 0.46): "thank you so much", "that's great, thanks". */
const WARM = 0.5;

export function labelOf(score: number): EmotionLabel {
  return score <= -NEUTRAL_BAND ? 'negative' : score >= NEUTRAL_BAND ? 'positive' : 'neutral';
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export interface EmotionInput {
  turn: number;
  raw: number;
  cues?: string[];
  /**
   * The turn says nothing about how the customer feels (a link, a handle, a name, "yes"): it keeps
   * the curve where it was instead of pulling it toward neutral, and the shape ignores it.
   */
  uninformative?: boolean;
}

export function trajectory(points: readonly EmotionInput[]): Analysis['emotion'] {
  let prev: number | undefined;
  const traj: TrajectoryPoint[] = points.map(({ turn, raw, cues, uninformative }) => {
    const smoothed = prev === undefined ? raw : uninformative ? prev : ALPHA * raw + (1 - ALPHA) * prev;
    prev = smoothed;
    const point: TrajectoryPoint = { turn, raw: round(raw), smoothed: round(smoothed), label: labelOf(raw) };
    if (cues?.length) point.cues = cues;
    return point;
  });
  if (traj.length === 0) return { trajectory: [], start: 0, end: 0, min: 0, max: 0, delta: 0, shape: 'flat' };
  const s = traj.map((p) => p.smoothed);
  const start = s[0]!;
  const end = s[s.length - 1]!;
  const informative = traj.filter((_, i) => !points[i]!.uninformative);
  return {
    trajectory: traj,
    start,
    end,
    min: Math.min(...s),
    max: Math.max(...s),
    delta: round(end - start),
    shape: shapeOf(informative.length ? informative : traj),
  };
}

/**
 * How the curve moved, judged as a careful reader does (labels/GUIDE.md): the start and the end
 * first, then whether the middle clearly swung against both.
 *
 * - start: the first turn as said (a conversation opens with its complaint or its question);
 * - end: the last turn as said when it is clearly positive or negative (the peak-end rule), else
 *   the running average, so a closing "Two tickets, please." keeps the mood it follows.
 */
export function shapeOf(traj: readonly TrajectoryPoint[]): EmotionShape {
  if (traj.length === 0) return 'flat';
  const raw = traj.map((p) => p.raw);
  const first = raw[0]!;
  const lastRaw = raw[raw.length - 1]!;
  const end = Math.abs(lastRaw) >= CLEAR || traj.length === 1 ? lastRaw : traj[traj.length - 1]!.smoothed;
  const middle = raw.slice(1, -1);
  const startNeg = first <= -CLEAR;
  const endNeg = end <= -CLEAR;
  const upset = raw.some((r) => r <= -MORE_THAN_MILD);

  // The middle moves against both ends: negative, then warm, then negative again; or the reverse
  // (calm or warm, then clearly upset, then calm or warm again). One mild remark is not a swing.
  if (startNeg && endNeg && middle.some((r) => r >= CLEAR)) return 'volatile';
  if (!startNeg && !endNeg && middle.some((r) => r <= -MORE_THAN_MILD) && traj.length >= 3) {
    // Upset once in the middle, then warmer at the end than at the start: it recovered from its
    // low. Upset, warm, upset again on the way is volatile, however it ends.
    return end >= NEUTRAL_BAND && end > first && swings(raw) <= 1 ? 'recovered' : 'volatile';
  }
  if (startNeg && end > -NEUTRAL_BAND && end >= first + MOVED) return 'recovered';
  if (endNeg && end <= first - MOVED) return 'declined';
  if (startNeg && endNeg) return 'steady-negative';
  if (startNeg) return 'steady-negative'; // not clearly better at the end
  if (endNeg) return 'declined';
  // Neutral throughout, or warm: positive from the start, turning positive, or warm more than once.
  // A closing "okay, thanks" alone is one mild remark: warm needs more than that.
  const warm = raw.filter((r) => r >= CLEAR).length;
  if (!upset && (warm > 1 || raw.some((r) => r >= WARM))) return 'steady-positive';
  return 'flat';
}

/** How often the clearly positive and clearly negative turns change sign, in order. */
function swings(raw: readonly number[]): number {
  let n = 0;
  let last = 0;
  for (const r of raw) {
    const sign = r >= CLEAR ? 1 : r <= -CLEAR ? -1 : 0;
    if (sign === 0) continue;
    if (last !== 0 && sign !== last) n++;
    last = sign;
  }
  return n;
}
