// Talk, silence and overlap counted from the turns' times.
import { describe, expect, it } from 'vitest';
import type { Transcript, Turn } from '../../src/model/types.js';
import { timingCounts } from '../../src/model/timing.js';

describe('timingCounts', () => {
  const t = (index: number, role: Turn['role'], start: number, end: number): Turn => ({ index, role, speaker: role, text: 'x', start, end });

  it('computes duration, talk per side, non-talk time and overlaps', () => {
    const counts = timingCounts([t(0, 'agent', 1, 5), t(1, 'customer', 4, 10), t(2, 'customer', 12, 14), t(3, 'agent', 13.5, 20)]);
    expect(counts).toEqual({ durationSec: 20, talkSec: { agent: 10.5, customer: 8 }, silenceSec: 3, overlaps: 2 });
  });

  it('does not count a speaker overlapping themself', () => {
    expect(timingCounts([t(0, 'agent', 0, 5), t(1, 'agent', 4, 6)])?.overlaps).toBe(0);
  });

  it('is undefined without timed turns', () => {
    expect(timingCounts([{ index: 0, role: 'agent', speaker: '', text: 'x' }])).toBeUndefined();
  });

  it('counts the silence before the first turn, as Contact Lens does', () => {
    const transcript: Pick<Transcript, 'turns'> = {
      turns: [t(0, 'agent', 0.5, 2), t(1, 'customer', 2, 3), t(2, 'agent', 10, 11)],
    };
    expect(timingCounts(transcript.turns)).toMatchObject({ durationSec: 11, silenceSec: 7.5, overlaps: 0 });
  });
});
