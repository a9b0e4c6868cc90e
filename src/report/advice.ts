// What a coach says about a conversation: why each finding matters (from its rule), what went
// well, and which changes would have helped most, all derived from the Analysis.
import { OVERALL_WEIGHTS } from '../score/scores.js';
import { BUILTIN_RULES, type RuleDef } from '../rules/index.js';
import type { Analysis, Category, Finding, ScoreReason, Transcript } from '../model/types.js';

const RULES_BY_ID = new Map<string, RuleDef>(BUILTIN_RULES.map((r) => [r.id, r]));

/** The rule's reason and its source principle; undefined for a rule not in the built-in catalogue. */
export function whyItMatters(f: Finding): { why: string; source: string } | undefined {
  const r = RULES_BY_ID.get(f.rule);
  return r ? { why: r.why, source: r.source } : undefined;
}

export const SEVERITY_RANK = { error: 3, warning: 2, info: 1 } as const;

export interface Change {
  finding: Finding;
  /** Points this finding took off the overall ETC score (positive = it cost that much). */
  cost: number;
}

/**
 * The risks that cost the overall score most, using the points `explanation` recorded for each
 * finding (a repeated category counts less) weighted by its dimension's share of the ETC score.
 */
export function changesThatHelpMost(a: Analysis, n = 3): Change[] {
  const changes: Change[] = [];
  // Each reason belongs to one finding: two findings of one rule in one turn get their own points.
  const used = new Set<ScoreReason>();
  for (const f of a.findings) {
    if (f.kind !== 'risk') continue;
    const reasons = a.explanation[f.dimension] ?? [];
    const reason = reasons.find(
      (r) => !used.has(r) && r.category === f.category && r.turns?.includes(f.turn) && r.reason.includes(`(${f.rule})`) && r.reason.includes(`"${f.text}"`),
    );
    if (reason) used.add(reason);
    const points = reason ? -reason.points : 0;
    changes.push({ finding: f, cost: Math.round(points * OVERALL_WEIGHTS[f.dimension] * 10) / 10 });
  }
  // Ties (the same cost) go to the more severe, then the earlier finding.
  return changes
    .sort((x, y) => y.cost - x.cost || SEVERITY_RANK[y.finding.severity] - SEVERITY_RANK[x.finding.severity] || x.finding.turn - y.finding.turn)
    .slice(0, n);
}

/** Strengths, in turn order, each category once per turn. */
export function wentWell(a: Analysis): Finding[] {
  const seen = new Set<string>();
  return a.findings.filter((f) => {
    const key = `${f.turn}:${f.category}`;
    if (f.kind !== 'strength' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What the customer showed, in turn order, each category once per turn. */
export function customerSignals(a: Analysis): Finding[] {
  const seen = new Set<string>();
  return a.findings.filter((f) => {
    const key = `${f.turn}:${f.category}`;
    if (f.kind !== 'signal' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The agent's words that would meet a signal: its rule's suggestion, without the "Agent:" label. */
export function howToMeet(f: Finding): string | undefined {
  return f.suggestion?.replace(/^Agent:\s*/, '');
}

/** Agent as a reader names them: name, else id. */
export function agentOf(a: Pick<Analysis, 'meta'>): string | undefined {
  const m = a.meta;
  return (typeof m.agentName === 'string' && m.agentName) || (typeof m.agentId === 'string' && m.agentId) || undefined;
}

/** What meets a customer's trouble in the agent's reply: their feeling named or felt, the task taken on, a promise. */
const MEETS: ReadonlySet<Category> = new Set<Category>(['empathy', 'sympathy', 'ownership', 'commitment', 'follow-up', 'goodwill']);

export interface Reply {
  /** The first agent turn after the signal, before the customer speaks again; undefined when none. */
  turn?: number;
  /** The finding in the reply that meets the signal, when one does. */
  metBy?: Finding;
}

/**
 * How the agent's reply met a signal of trouble: the agent's turns after it, up to the customer's
 * next turn, and the first finding in them that meets a feeling or takes the problem on. A reply
 * with none went straight to the process ("Can I get your full name?").
 */
export function replyTo(a: Analysis, t: Transcript, signal: Finding): Reply {
  const reply: Reply = {};
  for (let i = signal.turn + 1; i < t.turns.length; i++) {
    const role = t.turns[i]!.role;
    if (role === 'customer') break;
    if (role !== 'agent') continue;
    reply.turn ??= i;
    const met = a.findings.find((f) => f.turn === i && f.kind !== 'signal' && MEETS.has(f.category));
    if (met) return { ...reply, metBy: met };
  }
  return reply;
}
