// What the customer says is a signal about the customer, never a risk of the agent's: it shapes the
// emotion curve, is counted apart, and moves no score points.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { analyze } from '../../src/score/analyze.js';
import { BASE, computeScores, defaultWeight, SIGNAL_POINTS } from '../../src/score/scores.js';
import { isNegativeSignal, tallyFindings } from '../../src/score/signals.js';
import { trajectory } from '../../src/score/trajectory.js';
import { BUILTIN_RULES, RuleSet, type RuleDef } from '../../src/rules/index.js';
import type { Finding, Transcript } from '../../src/model/types.js';
import { ANGRY_MET_WELL_TEXT } from '../report/fixtures.js';

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'r',
  messageId: 'r/default',
  category: 'customer-distress',
  dimension: 'emotion',
  kind: 'signal',
  severity: 'warning',
  turn: 1,
  role: 'customer',
  span: [0, 4],
  text: 'ugh!',
  message: 'm',
  ...over,
});

const chat = (...lines: string[]): Transcript => parse(lines.join('\n') + '\n', { source: 'chat.txt' })[0]!;

describe('customer rules give signals', () => {
  it('every built-in rule read in customer turns is a signal, and no agent rule is', () => {
    for (const r of BUILTIN_RULES) expect(r.kind === 'signal', r.id).toBe(r.speaker === 'customer');
  });

  it('an angry customer met well: every negative finding is the customer’s signal, none an agent risk', () => {
    const a = analyze(parse(ANGRY_MET_WELL_TEXT, { source: 'angry.txt' })[0]!);
    const categories = new Set(a.findings.filter((f) => f.kind === 'signal').map((f) => f.category));
    for (const c of ['customer-distress', 'escalation-request', 'churn-risk', 'gratitude'] as const) expect(categories, c).toContain(c);
    expect(a.findings.filter((f) => f.role === 'customer').every((f) => f.kind === 'signal')).toBe(true);
    expect(a.counts.risks).toBe(0);
    expect(a.counts.signals).toBe(a.findings.filter((f) => f.role === 'customer').length);
    expect(a.counts.strengths).toBe(a.findings.filter((f) => f.kind === 'strength').length);
    expect(a.counts.strengths).toBeGreaterThan(0);
  });

  it('turns a user’s customer rule into a signal, whatever kind it declared, and refuses an agent signal', () => {
    const mine: RuleDef = {
      id: 'user/off-to-mars',
      category: 'churn-risk',
      kind: 'risk',
      severity: 'warning',
      speaker: 'customer',
      title: 'mars',
      description: 'm',
      why: 'm',
      source: 'test',
      message: 'The customer is leaving for Mars.',
      patterns: ['moving to mars'],
      examples: { match: [], noMatch: [] },
    };
    const rules = new RuleSet([...BUILTIN_RULES, mine]);
    const a = analyze(chat('Agent: Hello, how can I help?', 'Customer: We are moving to Mars next week.'), { rules });
    expect(a.findings.find((f) => f.rule === 'user/off-to-mars')).toMatchObject({ kind: 'signal', role: 'customer' });
    expect(a.counts.risks).toBe(0);
    expect(() => new RuleSet([{ ...mine, speaker: 'agent', kind: 'signal' }])).toThrow(/only a customer rule gives signals/);
  });
});

describe('signals shape the emotion curve', () => {
  it('a signal of trouble caps its turn’s emotion where the words alone read neutral, and names it as the cue', () => {
    const a = analyze(chat('Agent: Hello, how can I help?', "Customer: I'll be thinking twice before I buy anything from you again."));
    const churn = a.findings.find((f) => f.category === 'churn-risk')!;
    expect(churn.kind).toBe('signal');
    expect(a.emotion.trajectory[0]).toMatchObject({ raw: -0.35, label: 'negative' });
    expect(a.emotion.trajectory[0]!.cues![0]).toBe(churn.text);
  });

  it('gratitude is a signal that lifts nothing: courtesy thanks stay neutral, heartfelt ones are warm by their words; a promise reported kept neither caps nor lifts', () => {
    const thanks = analyze(chat('Agent: Done, the refund is on its way.', 'Customer: ok ty'));
    expect(thanks.findings.find((f) => f.category === 'gratitude')?.kind).toBe('signal');
    expect(thanks.emotion.trajectory[0]).toMatchObject({ label: 'neutral' });
    const warm = analyze(chat('Agent: Done, the refund is on its way.', 'Customer: Thank you so much, you have been brilliant!'));
    expect(warm.emotion.trajectory[0]!.label).toBe('positive');
    const kept = analyze(chat('Agent: Hello, how can I help?', 'Customer: The new card came this morning.'));
    expect(kept.findings.find((f) => f.category === 'commitment-kept')?.kind).toBe('signal');
    expect(kept.emotion.trajectory[0]!.raw).toBe(0);
  });

  it('tells trouble from good news by category', () => {
    expect(isNegativeSignal({ kind: 'signal', category: 'sarcasm' })).toBe(true);
    expect(isNegativeSignal({ kind: 'signal', category: 'commitment-broken' })).toBe(true);
    expect(isNegativeSignal({ kind: 'signal', category: 'gratitude' })).toBe(false);
    expect(isNegativeSignal({ kind: 'signal', category: 'commitment-kept' })).toBe(false);
    expect(isNegativeSignal({ kind: 'risk', category: 'blame' })).toBe(false);
  });
});

describe('signals in the scores', () => {
  it('move no points: the customer’s complaint is not the agent’s fault, nor their thanks the agent’s credit', () => {
    expect(SIGNAL_POINTS).toBe(0);
    expect(defaultWeight({ kind: 'signal', severity: 'error' })).toBe(0);
    const signals = [
      finding({}),
      finding({ category: 'commitment-broken', dimension: 'trust', severity: 'error', turn: 3 }),
      finding({ category: 'gratitude', severity: 'info', turn: 5 }),
    ];
    const { scores, explanation } = computeScores(signals, trajectory([]));
    expect(scores).toEqual({ etc: BASE, emotion: BASE, trust: BASE, control: BASE });
    expect([...explanation.emotion, ...explanation.trust].filter((r) => r.category)).toEqual([]);
  });

  it('do not halve an agent risk of the same category found after them', () => {
    const agent = finding({ category: 'commitment-broken', dimension: 'trust', kind: 'risk', role: 'agent', turn: 4 });
    const alone = computeScores([agent], trajectory([])).scores.trust;
    const after = computeScores([finding({ category: 'commitment-broken', dimension: 'trust', turn: 3 }), agent], trajectory([])).scores.trust;
    expect(after).toBe(alone);
    expect(alone).toBeLessThan(BASE);
  });

  it('the same conversation scores the same with or without the customer’s signals', () => {
    const a = analyze(parse(ANGRY_MET_WELL_TEXT, { source: 'angry.txt' })[0]!);
    const agentOnly = computeScores(a.findings.filter((f) => f.kind !== 'signal'), a.emotion);
    expect(a.scores).toEqual(agentOnly.scores);
  });

  it('tallies risks, strengths and signals apart', () => {
    const t = tallyFindings([finding({}), finding({ kind: 'risk', role: 'agent', category: 'blame' }), finding({ kind: 'strength', role: 'agent', category: 'empathy' }), finding({ turn: 3 })]);
    expect(t).toEqual({ categories: { 'customer-distress': 2, blame: 1, empathy: 1 }, risks: 1, strengths: 1, signals: 2 });
  });
});
