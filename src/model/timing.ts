// Talk, silence and overlap arithmetic over timed turns (seconds from the conversation start).
import type { Role, Turn } from './types.js';

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
  // One pass for the bounds, overlaps and whether the turns come in order of start, as they
  // nearly always do: then talk is summed over the turns as they stand, with no interval arrays.
  let start = 0;
  let end = -Infinity;
  let overlaps = 0;
  let inOrder = true;
  let prev: TimedTurn | undefined;
  for (const cur of turns) {
    if (!isTimed(cur)) continue;
    start = Math.min(start, cur.start);
    end = Math.max(end, cur.end);
    if (prev) {
      const differentSpeaker = cur.speaker !== prev.speaker || cur.role !== prev.role;
      if (differentSpeaker && cur.start < prev.end) overlaps++;
      if (cur.start < prev.start) inOrder = false;
    }
    prev = cur;
  }
  if (prev === undefined) return undefined;
  const talk = inOrder ? (role?: Role) => talkInOrder(turns, role) : (role?: Role) => talkSorted(turns, role);
  return {
    durationSec: round(end - start),
    talkSec: { agent: round(talk('agent')), customer: round(talk('customer')) },
    silenceSec: round(end - start - talk()),
    overlaps,
  };
}

type TimedTurn = Turn & { start: number; end: number };

function isTimed(t: Turn): t is TimedTurn {
  return t.start !== undefined && t.end !== undefined && t.end >= t.start;
}

/** unionLength of the timed turns by `role` (all without one), for turns in order of start. */
function talkInOrder(turns: readonly Turn[], role: Role | undefined): number {
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const t of turns) {
    if (!isTimed(t) || (role !== undefined && t.role !== role)) continue;
    if (t.start > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = t.start;
      curEnd = t.end;
    } else curEnd = Math.max(curEnd, t.end);
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

function talkSorted(turns: readonly Turn[], role: Role | undefined): number {
  const timed = turns.filter((t): t is TimedTurn => isTimed(t) && (role === undefined || t.role === role));
  return unionLength(timed.map((t) => [t.start, t.end]));
}
