import { describe, expect, it } from 'vitest';
import type { Transcript, Turn } from '../../src/model/types.js';
import { timingCounts } from '../../src/model/timing.js';
import { describeRoleInference, inferRoles, parseText } from '../../src/formats/index.js';

const turn = (index: number, speaker: string, text: string, extra: Partial<Turn> = {}): Turn => ({ index, role: 'unknown', speaker, text, ...extra });

describe('inferRoles', () => {
  it('assigns agent and customer when the evidence clearly separates them', () => {
    const ri = inferRoles([
      turn(0, 'spk_1', 'Thank you for calling Bluebird Travel, this is Ola speaking.'),
      turn(1, 'spk_0', "Hi, I'm calling about my booking, I want to cancel my trip."),
      turn(2, 'spk_1', 'Let me check. Can I have your booking reference?'),
    ]);
    expect(ri.method).toBe('inferred');
    expect(ri.assignments).toEqual({ spk_1: 'agent', spk_0: 'customer' });
    expect(ri.confidence).toBeGreaterThan(0.5);
    expect(ri.evidence.some((e) => e.includes('thank you for calling') || e.includes('Thank you for calling'))).toBe(true);
  });

  it('leaves roles unknown without clear evidence', () => {
    const ri = inferRoles([turn(0, 'Ann', 'So what did you think of the film?'), turn(1, 'Ben', 'I loved it, the ending especially.')]);
    expect(ri.method).toBe('none');
    expect(ri.assignments).toEqual({ Ann: 'unknown', Ben: 'unknown' });
  });

  it('leaves roles unknown when both sides sound like agents', () => {
    const ri = inferRoles([
      turn(0, 'A', 'Thanks for calling, how can I help?'),
      turn(1, 'B', 'Thanks for calling back, how may I help you today?'),
    ]);
    expect(ri.method).toBe('none');
  });

  it('with three speakers, gives customer only to those who sound like one', () => {
    const ri = inferRoles([
      turn(0, 'A', 'Thank you for contacting us, how can I help?'),
      turn(1, 'B', "I've been waiting two weeks for my refund."),
      turn(2, 'C', 'Hi everyone.'),
    ]);
    expect(ri.assignments).toEqual({ A: 'agent', B: 'customer', C: 'unknown' });
  });
});

describe('role settling in readers', () => {
  it('reports inference, and describes it for stderr', () => {
    const [t] = parseText('Kay: Thanks for calling Orbit, how can I help?\nLou: My order never came.\nKay: Let me check that.\nLou: Thanks.\n', { source: 'k.txt' });
    expect(t!.turns.map((x) => x.role)).toEqual(['agent', 'customer', 'agent', 'customer']);
    const line = describeRoleInference(t!);
    expect(line).toMatch(/^k\.txt: roles inferred \(confidence 0\.\d\d\): Kay → agent, Lou → customer — /);
  });

  it('says nothing on stderr when the file states roles', () => {
    const [t] = parseText('Agent: Hi\nCustomer: Hello\n', { source: 'a.txt' });
    expect(describeRoleInference(t!)).toBeUndefined();
  });

  it('notes an --agent name that matches nobody, and infers instead', () => {
    const [t] = parseText('Kay: Thanks for calling Orbit, how can I help?\nLou: My order never came.\n', { source: 'k.txt', agent: 'Zed' });
    expect(t!.meta.roleInference?.evidence[0]).toMatch(/no speaker has that name/);
    expect(t!.meta.roleInference?.method).toBe('inferred');
  });
});

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
