// Talk, silence and overlap arithmetic over timed turns (seconds from the conversation start).
import type { Turn } from './types.js';

export interface TimingCounts {
  durationSec: number;
  talkSec: { agent: number; customer: number };
  silenceSec: number;
  overlaps: number;
}

type Interval = [number, number];

function unionLength(intervals: Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [s, e] of sorted) {
    if (s > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      [curStart, curEnd] = [s, e];
    } else curEnd = Math.max(curEnd, e);
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Duration, talk time per side, non-talk time and overlaps, or undefined when no turn has both
 * a start and an end. Duration runs from the conversation start (0, or an earlier start) to the
 * last end; non-talk time is the duration minus the union of all talk; an overlap is a turn that
 * starts before the previous timed turn, by a different speaker, has ended.
 */
export function timingCounts(turns: readonly Turn[]): TimingCounts | undefined {
  const timed = turns.filter((t): t is Turn & { start: number; end: number } => t.start !== undefined && t.end !== undefined && t.end >= t.start);
  if (timed.length === 0) return undefined;
  const start = Math.min(0, ...timed.map((t) => t.start));
  const end = Math.max(...timed.map((t) => t.end));
  const talk = (pred: (t: Turn) => boolean) => unionLength(timed.filter(pred).map((t) => [t.start, t.end]));
  let overlaps = 0;
  for (let i = 1; i < timed.length; i++) {
    const prev = timed[i - 1]!;
    const cur = timed[i]!;
    const differentSpeaker = cur.speaker !== prev.speaker || cur.role !== prev.role;
    if (differentSpeaker && cur.start < prev.end) overlaps++;
  }
  return {
    durationSec: round(end - start),
    talkSec: { agent: round(talk((t) => t.role === 'agent')), customer: round(talk((t) => t.role === 'customer')) },
    silenceSec: round(end - start - talk(() => true)),
    overlaps,
  };
}
