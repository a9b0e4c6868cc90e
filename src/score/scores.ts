// E, T, C and the overall score, 0–100, each the sum of named reasons so any number can be traced
// back to the findings and turns behind it.
import type { Analysis, Dimension, Finding, ScoreReason, Scores } from '../model/types.js';

/** A neutral conversation: nothing done well or badly. */
export const BASE = 50;

/** Peak–end rule: the end and the lowest point weigh most in how a conversation is remembered. */
const EMOTION_WEIGHTS = { end: 0.5, min: 0.3, mean: 0.2 };
/** How far the customer's own emotion can move the emotion score from BASE. */
const EMOTION_RANGE = 40;

/** Overall: emotion weighs most, as the customer remembers how they felt. */
export const OVERALL_WEIGHTS: Record<Dimension, number> = { emotion: 0.4, trust: 0.3, control: 0.3 };

/**
 * Points a customer's signal moves a score by: none. What the customer shows is already in the
 * emotion score through their curve (a complaint caps its turn's emotion, thanks lifts it);
 * counting it again as points would charge the agent for the customer's mood, or credit them
 * for the customer's manners. Only what the agent did (strengths and risks) moves points.
 */
export const SIGNAL_POINTS = 0;

/** Default points for a finding, from its kind and severity. */
export function defaultWeight(f: Pick<Finding, 'kind' | 'severity'>): number {
  if (f.kind === 'signal') return SIGNAL_POINTS;
  if (f.kind === 'strength') return f.severity === 'info' ? 6 : 8;
  return -(f.severity === 'error' ? 10 : f.severity === 'warning' ? 6 : 3);
}

const clamp = (x: number) => Math.max(0, Math.min(100, Math.round(x)));

/**
 * The same category found again counts half as much each time, so that ten sympathy phrases
 * are worse than one but a single dimension cannot be swamped by repetition.
 */
function findingReasons(findings: readonly Finding[], dimension: Dimension, weightOf: (f: Finding) => number): ScoreReason[] {
  const seen = new Map<string, number>();
  const reasons: ScoreReason[] = [];
  for (const f of findings) {
    if (f.dimension !== dimension) continue;
    const weight = weightOf(f);
    // A finding that moves nothing (a customer's signal) must not halve the agent's next one.
    if (weight === 0) continue;
    const n = seen.get(f.category) ?? 0;
    seen.set(f.category, n + 1);
    const points = Math.round(weight / 2 ** n * 10) / 10;
    if (points === 0) continue;
    reasons.push({ points, reason: `${f.category} (${f.rule}): "${f.text}"`, turns: [f.turn], category: f.category });
  }
  return reasons;
}

function emotionReasons(emotion: Analysis['emotion']): ScoreReason[] {
  const traj = emotion.trajectory;
  if (traj.length === 0) return [{ points: 0, reason: 'no customer turns: no emotion curve' }];
  const mean = traj.reduce((a, p) => a + p.smoothed, 0) / traj.length;
  const lowest = traj.reduce((a, p) => (p.smoothed < a.smoothed ? p : a));
  const last = traj[traj.length - 1]!;
  const r = (x: number) => Math.round(x * EMOTION_RANGE * 10) / 10;
  // The last turn itself counts as much as the smoothed curve: smoothing must not soften how it ended.
  const end = (last.raw + last.smoothed) / 2;
  return [
    { points: r(EMOTION_WEIGHTS.end * end), reason: `customer's emotion at the end (${end.toFixed(2)})`, turns: [last.turn] },
    { points: r(EMOTION_WEIGHTS.min * emotion.min), reason: `customer's lowest point (${emotion.min.toFixed(2)})`, turns: [lowest.turn] },
    { points: r(EMOTION_WEIGHTS.mean * mean), reason: `customer's average emotion (${mean.toFixed(2)})` },
  ];
}

export function computeScores(
  findings: readonly Finding[],
  emotion: Analysis['emotion'],
  weightOf: (f: Finding) => number = defaultWeight,
): { scores: Scores; explanation: Analysis['explanation'] } {
  const explanation = {
    emotion: [...emotionReasons(emotion), ...findingReasons(findings, 'emotion', weightOf)],
    trust: findingReasons(findings, 'trust', weightOf),
    control: findingReasons(findings, 'control', weightOf),
    etc: [] as ScoreReason[],
  };
  const total = (reasons: ScoreReason[]) => clamp(BASE + reasons.reduce((a, r) => a + r.points, 0));
  const emotionScore = total(explanation.emotion);
  const trust = total(explanation.trust);
  const control = total(explanation.control);
  const etc = clamp(
    OVERALL_WEIGHTS.emotion * emotionScore + OVERALL_WEIGHTS.trust * trust + OVERALL_WEIGHTS.control * control,
  );
  explanation.etc = [
    { points: Math.round(OVERALL_WEIGHTS.emotion * emotionScore * 10) / 10, reason: `emotion ${emotionScore} × ${OVERALL_WEIGHTS.emotion}` },
    { points: Math.round(OVERALL_WEIGHTS.trust * trust * 10) / 10, reason: `trust ${trust} × ${OVERALL_WEIGHTS.trust}` },
    { points: Math.round(OVERALL_WEIGHTS.control * control * 10) / 10, reason: `control ${control} × ${OVERALL_WEIGHTS.control}` },
  ];
  return { scores: { etc, emotion: emotionScore, trust, control }, explanation };
}
