// `etcscore report`: per-group rollups of scored conversations (by agent, team, queue, day or
// ISO week), accumulated one analysis at a time so any number of results can be read.
import type { Analysis, Finding } from '../model/types.js';
import { SEVERITY_RANK, agentOf } from './advice.js';
import { BatchSummary, SCORE_KEYS } from './summary.js';
import { tallyFindings } from '../score/signals.js';

export const GROUP_BY = ['agent', 'team', 'queue', 'date'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const PERIODS = ['day', 'week'] as const;
export type Period = (typeof PERIODS)[number];

/** The key of a conversation that has no value for the grouping. */
export const NO_GROUP = '(none)';
/** How many of the worst findings each group keeps (from as many conversations). */
export const WORST_PER_GROUP = 5;

/** "2026-W47": the ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const isoYear = thursday.getUTCFullYear();
  const dayOfYear = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000);
  return `${isoYear}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`;
}

/**
 * The calendar day as the transcript wrote it ("2026-11-16T23:30:00-05:00" is the 16th where the
 * call happened, not the 17th in UTC), or undefined when it is not an ISO date.
 */
export function dayOf(value: unknown): { y: number; m: number; d: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? { y, m: mo, d } : undefined;
}

export function groupKey(a: Pick<Analysis, 'meta'>, by: GroupBy, period: Period = 'day'): string {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  switch (by) {
    case 'agent':
      return agentOf(a) ?? NO_GROUP;
    case 'team':
      return str(a.meta.team) ?? NO_GROUP;
    case 'queue':
      return str(a.meta.queue) ?? NO_GROUP;
    case 'date': {
      const day = dayOf(a.meta.date);
      if (!day) return NO_GROUP;
      const two = (n: number) => String(n).padStart(2, '0');
      return period === 'week' ? isoWeek(day.y, day.m, day.d) : `${day.y}-${two(day.m)}-${two(day.d)}`;
    }
  }
}

export interface WorstFinding {
  id: string;
  source: string;
  /** The conversation's ETC score (null: not scored): among equally severe findings, the worse conversation first. */
  etc: number | null;
  finding: Finding;
}

/** A conversation without scores sorts after every scored one. */
const etcRank = (w: WorstFinding): number => w.etc ?? 101;

/** More severe first, then from the lower-scoring conversation, then earlier. */
export function compareWorst(x: WorstFinding, y: WorstFinding): number {
  return (
    SEVERITY_RANK[y.finding.severity] - SEVERITY_RANK[x.finding.severity] ||
    etcRank(x) - etcRank(y) ||
    (x.id < y.id ? -1 : x.id > y.id ? 1 : 0) ||
    x.finding.turn - y.finding.turn
  );
}

export class Group {
  readonly summary = new BatchSummary();
  readonly worst: WorstFinding[] = [];
  constructor(readonly key: string) {}

  add(a: Analysis): void {
    this.summary.add(a);
    // One finding per conversation, its most severe (then earliest): a group's list then shows
    // several bad conversations instead of one conversation's every slip.
    let finding: Finding | undefined;
    for (const f of a.findings) {
      if (f.kind === 'risk' && (!finding || SEVERITY_RANK[f.severity] > SEVERITY_RANK[finding.severity])) finding = f;
    }
    if (!finding) return;
    const w: WorstFinding = { id: a.id, source: a.source, etc: a.scores?.etc ?? null, finding };
    if (this.worst.length === WORST_PER_GROUP && compareWorst(w, this.worst[WORST_PER_GROUP - 1]!) >= 0) return;
    this.worst.push(w);
    this.worst.sort(compareWorst);
    if (this.worst.length > WORST_PER_GROUP) this.worst.pop();
  }
}

export class Rollup {
  private readonly groups = new Map<string, Group>();
  readonly total = new Group('(all)');
  /** Error records (inputs `score` could not read) met in the results: counted, not grouped. */
  errorRecords = 0;
  /** Lines that were not JSON or not an analysis. */
  badLines = 0;

  constructor(
    readonly by: GroupBy | undefined,
    readonly period: Period = 'day',
  ) {}

  add(a: Analysis): void {
    const key = this.by ? groupKey(a, this.by, this.period) : '(all)';
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = new Group(key)));
    g.add(a);
    if (this.by) this.total.add(a);
  }

  /** Groups in key order (dates in time order), "(none)" last. */
  list(): Group[] {
    return [...this.groups.values()].sort((x, y) => (x.key === NO_GROUP ? 1 : y.key === NO_GROUP ? -1 : x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  }

  get conversations(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.summary.count;
    return n;
  }

  /** Conversations that could not be scored: in the counts, not in the means. */
  get unscored(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.summary.unscored;
    return n;
  }
}

/** Is this parsed line an analysis worth counting? (a narrow check: the fields a rollup reads, of the types it reads them as) */
export function isAnalysis(x: unknown): x is Analysis {
  const a = x as Partial<Analysis> | null;
  const scores = a?.scores;
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof a.id === 'string' &&
    typeof a.source === 'string' &&
    (scores ? SCORE_KEYS.every((k) => Number.isFinite(scores[k])) : scores === null && typeof a.unscored === 'string') &&
    typeof a.emotion?.shape === 'string' &&
    Array.isArray(a.findings) &&
    a.findings.every(isFinding) &&
    typeof a.meta === 'object' &&
    a.meta !== null
  );
}

function isFinding(x: unknown): x is Finding {
  const f = x as Partial<Finding> | null;
  return typeof f === 'object' && f !== null && Number.isInteger(f.turn) && ['kind', 'category', 'severity', 'text'].every((k) => typeof (f as Record<string, unknown>)[k] === 'string');
}

/**
 * A result written by an earlier schema, read as this one: before 2.0.0 what the customer said was
 * a `risk` or `strength` of the customer's role. It becomes a signal, and the counts are taken again,
 * so that old and new results roll up alike (their scores stay as they were computed).
 */
export function upgradeAnalysis(a: Analysis): Analysis {
  if (!/^1\./.test(String(a.schemaVersion))) return a;
  const findings = a.findings.map((f) => (f.role === 'customer' && f.kind !== 'signal' ? { ...f, kind: 'signal' as const } : f));
  return { ...a, findings, counts: { ...a.counts, ...tallyFindings(findings) } };
}
