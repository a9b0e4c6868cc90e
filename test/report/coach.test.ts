import { describe, expect, it } from 'vitest';
import { renderCoach, scoreBar } from '../../src/report/coach.js';
import { changesThatHelpMost, whyItMatters } from '../../src/report/advice.js';
import { lowMarkers, lowPoints, sparkline } from '../../src/report/curve.js';
import { piecesOf } from '../../src/report/turns.js';
import { BUILTIN_RULES } from '../../src/rules/index.js';
import type { Finding, TrajectoryPoint } from '../../src/model/types.js';
import { angryMetWell, good, load, oneSided, wall } from './fixtures.js';

const point = (turn: number, smoothed: number): TrajectoryPoint => ({ turn, raw: smoothed, smoothed, label: 'neutral' });

describe('curve', () => {
  it('maps −1..1 onto the eight blocks', () => {
    expect(sparkline([-1, -0.5, 0, 0.5, 1])).toBe('▁▃▅▇█');
    expect(sparkline([-7, 7])).toBe('▁█');
  });

  it('marks the low points with their turn numbers', () => {
    const traj = [point(1, -0.2), point(3, -0.8), point(5, 0.3), point(7, -0.5), point(9, 0.4)];
    expect(lowPoints(traj)).toEqual([1, 3]);
    expect(lowMarkers(traj)).toBe(' ^ ^   low at turns 3, 7');
    expect(lowMarkers([point(0, 0.5), point(1, 0.6)])).toBe('');
  });
});

describe('pieces', () => {
  it('cuts a turn at every span boundary, overlapping findings sharing a piece', () => {
    const f = (span: [number, number]) => ({ span }) as Finding;
    const a = f([0, 5]);
    const b = f([3, 8]);
    const pieces = piecesOf('abcdefghij', [a, b]);
    expect(pieces.map((p) => p.text)).toEqual(['abc', 'de', 'fgh', 'ij']);
    expect(pieces.map((p) => p.findings.length)).toEqual([1, 2, 1, 0]);
    expect(pieces.map((p) => p.text).join('')).toBe('abcdefghij');
  });
});

describe('advice', () => {
  it('takes why and source from the rule that made the finding', () => {
    const { analysis } = wall();
    const f = analysis.findings.find((x) => x.category === 'policy-hiding')!;
    const rule = BUILTIN_RULES.find((r) => r.id === f.rule)!;
    expect(whyItMatters(f)).toEqual({ why: rule.why, source: rule.source });
  });

  it('ranks the changes by what they cost the ETC score', () => {
    const { analysis } = wall();
    const changes = changesThatHelpMost(analysis, 3);
    expect(changes).toHaveLength(3);
    expect(changes.every((c) => c.finding.kind === 'risk')).toBe(true);
    for (let i = 1; i < changes.length; i++) expect(changes[i - 1]!.cost).toBeGreaterThanOrEqual(changes[i]!.cost);
    // The first policy-hiding finding costs its full weight, the repeat half (explanation's rule).
    const policy = changes.filter((c) => c.finding.category === 'policy-hiding');
    expect(policy[0]!.cost).toBeGreaterThan(policy[1]?.cost ?? 0);
    expect(changes[0]!.cost).toBeGreaterThan(0);
  });
});

describe('coach view', () => {
  it('plain: header with bars, curve, every turn, findings with why and better wording, strengths, changes', () => {
    const { analysis, transcript } = wall();
    const out = renderCoach(analysis, transcript, { color: false });
    expect(out).not.toMatch(/\u001b\[/);
    expect(out).toContain(`${'ETC'.padEnd(8)} ${String(analysis.scores!.etc).padStart(3)}  ${scoreBar(analysis.scores!.etc)}`);
    expect(out).toContain(sparkline(analysis.emotion.trajectory.map((p) => p.smoothed)));
    for (const t of transcript.turns) expect(out).toContain(`[${t.index}]`);
    expect(out).toContain("«Sorry», «it's our company policy». «The system won't let» me add it.");
    expect(out).toContain('Why it matters: ');
    expect(out).toContain('Source: seed 002');
    expect(out).toContain('Three changes that would have helped most');
    expect(out).toMatch(/1\. turn \d+: instead of “[^”]+” \([a-z-]+, cost [\d.]+ ETC points\)\n     say: “/);
    expect(out).toContain('<script>alert'); // a terminal shows text as it is
  });

  it('lists what went well', () => {
    const { analysis, transcript } = good();
    const out = renderCoach(analysis, transcript, { color: false });
    const well = out.slice(out.indexOf('What went well'), out.indexOf('Three changes'));
    expect(well).toContain('empathy — “That must be so frustrating”');
    expect(well).toContain('option-offered');
    expect(out).toContain('(no risks found)');
  });

  it('colours the flagged words on a terminal instead of «» markers', () => {
    const { analysis, transcript } = wall();
    const out = renderCoach(analysis, transcript, { color: true });
    expect(out).toMatch(/\u001b\[[\d;]+m/);
    expect(out).not.toContain('«');
  });
});

describe('coach view of the customer’s signals', () => {
  it('an angry customer met well: no change to make, and what the customer showed listed as what to meet', () => {
    const { analysis, transcript } = angryMetWell();
    const out = renderCoach(analysis, transcript, { color: false });
    expect(changesThatHelpMost(analysis, 3)).toEqual([]);
    const changes = out.slice(out.indexOf('Three changes that would have helped most'));
    expect(changes).toContain('(no risks found)');
    const customerWords = analysis.findings.filter((f) => f.role === 'customer').map((f) => f.text);
    expect(customerWords.length).toBeGreaterThanOrEqual(4);
    for (const words of customerWords) expect(changes).not.toContain(words);
    const shown = out.slice(out.indexOf('What the customer showed (what to meet)'), out.indexOf('Three changes'));
    expect(shown).toContain('escalation-request — “speak to a manager”');
    expect(shown).toMatch(/churn-risk — “thinking of cancelling” — The customer talks of leaving/);
    expect(shown).toContain('gratitude — “Thank you”');
    // In its turn a signal says how to meet it, not that the customer should have said it better.
    expect(out).toMatch(/◆ customer-distress \(customer-distress\) “This is ridiculous”\n.*\n\s+Meet it: “That sounds really stressful/);
    expect(out).not.toMatch(/Better: “Agent:/);
  });

  it('changes in a badly handled conversation are the agent’s words only', () => {
    const { analysis } = wall();
    const changes = changesThatHelpMost(analysis, 10);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.finding.role === 'agent' && c.finding.kind === 'risk')).toBe(true);
  });

  it('a conversation without an agent turn gets no score bars, and says why', () => {
    const { analysis, transcript } = oneSided();
    const out = renderCoach(analysis, transcript, { color: false });
    expect(out).toContain('Not scored: no agent turn.');
    expect(out).not.toMatch(/ETC\s+\d/);
    expect(out).not.toContain('░');
    expect(out).toContain('What the customer showed');
  });
});

describe('terminal safety', () => {
  it('shows control characters from a transcript by their code, never sends them to the terminal', async () => {
    const { load } = await import('./fixtures.js');
    const { analysis, transcript } = load("# id: evil\u001b]0;owned\u0007\nAgent: I'm sorry you feel that way.\u001b[2J\nCustomer: ok\n", 'evil.txt');
    for (const color of [false, true]) {
      const out = renderCoach(analysis, transcript, { color });
      expect(out).not.toMatch(/\u001b\]|\u0007|\u001b\[2J/);
      expect(out).toContain('evil\\u001b]0;owned\\u0007');
    }
  });
});

describe('coach: what the customer showed, and whether the reply met it', () => {
  const STRAIGHT_TO_PROCESS = `Customer: I am so upset, this is the third time my internet has gone down this week and I work from home!
Agent: Can I get your first and last name please?
Customer: Jo Bloggs.
Agent: Thanks. There is an outage in your area and it should be fixed by 6pm today.
`;

  it('says the trouble was not met when the reply went straight to the process, and makes that a change', () => {
    const { analysis, transcript } = load(STRAIGHT_TO_PROCESS, 'calls/process.txt');
    const out = renderCoach(analysis, transcript, { color: false });
    expect(out).toContain('not met: the reply at turn 1 went on without answering it');
    expect(out).toMatch(/1\. turn 1: meet “I am so upset” \(turn 0\) before the process\n {5}say first: “/);
    expect(out).not.toContain('(no risks found)');
  });

  it('says which words met it when the reply did', () => {
    const { analysis, transcript } = angryMetWell();
    const out = renderCoach(analysis, transcript, { color: false });
    expect(out).toMatch(/met at turn \d+: (empathy|sympathy|ownership|commitment)/);
    expect(out).not.toContain('not met');
  });
});
