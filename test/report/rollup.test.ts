import { describe, expect, it } from 'vitest';
import { Rollup, dayOf, groupKey, isAnalysis, isoWeek, NO_GROUP, upgradeAnalysis, WORST_PER_GROUP } from '../../src/report/rollup.js';
import { renderRollup } from '../../src/report/rollup-format.js';
import { RunningStat } from '../../src/report/summary.js';
import type { Analysis } from '../../src/model/types.js';
import { angryMetWell, good, oneSided, riskCounts, wall } from './fixtures.js';

const tool = { name: 'etcscore', version: 'test' };

describe('dates', () => {
  it.each([
    [2026, 11, 16, '2026-W47'],
    [2021, 1, 3, '2020-W53'], // a Sunday in the last ISO week of 2020
    [2024, 12, 30, '2025-W01'], // a Monday in the first ISO week of 2025
    [2026, 1, 1, '2026-W01'],
    [2027, 1, 1, '2026-W53'],
  ])('%i-%i-%i is in ISO week %s', (y, m, d, week) => {
    expect(isoWeek(y, m, d)).toBe(week);
  });

  it('reads the day as written, offset and all, and refuses what is not a date', () => {
    expect(dayOf('2026-11-16T23:30:00-05:00')).toEqual({ y: 2026, m: 11, d: 16 });
    expect(dayOf('2026-02-30')).toBeUndefined();
    expect(dayOf('16/11/2026')).toBeUndefined();
    expect(dayOf(undefined)).toBeUndefined();
  });

  it('groups a conversation without the value under (none)', () => {
    const meta = { meta: {} } as Pick<Analysis, 'meta'>;
    for (const by of ['agent', 'team', 'queue', 'date'] as const) expect(groupKey(meta, by)).toBe(NO_GROUP);
    expect(groupKey({ meta: { agentId: 'a-7' } }, 'agent')).toBe('a-7');
    expect(groupKey({ meta: { date: '2026-11-18T09:15:00-05:00' } }, 'date', 'week')).toBe('2026-W47');
  });
});

describe('RunningStat', () => {
  it('gives the mean and population standard deviation of a stream', () => {
    const s = new RunningStat();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) s.add(x);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(2, 10);
  });
});

describe('Rollup', () => {
  const g = good().analysis;
  const w = wall().analysis;
  const anon = { ...g, id: 'anon', meta: {} } as Analysis;

  it('groups by agent, (none) last, with means, spread, shapes and top risks', () => {
    const r = new Rollup('agent');
    for (const a of [w, g, anon, g]) r.add(a);
    expect(r.list().map((x) => x.key)).toEqual(['@Sam', 'Dana', NO_GROUP]);
    const dana = r.list()[1]!;
    expect(dana.summary.count).toBe(2);
    expect(dana.summary.scores.etc.mean).toBe(g.scores!.etc);
    expect(dana.summary.scores.etc.sd).toBe(0);
    expect(r.total.summary.count).toBe(4);
    const sam = r.list()[0]!;
    expect(sam.summary.topRiskCategories()).toEqual(riskCounts(w).slice(0, 5));
    expect(sam.summary.topRiskCategories().map(([c]) => c)).toEqual(expect.arrayContaining(['policy-hiding', 'pseudo-apology']));
  });

  it('keeps the worst findings, one per conversation: most severe first, then the lowest-scoring conversation', () => {
    const scored = (id: string, etc: number) => ({ ...w, id, scores: { ...w.scores!, etc } }) as Analysis;
    const mild = { ...w, id: 'mild', scores: { ...w.scores!, etc: 1 }, findings: w.findings.map((f) => ({ ...f, severity: 'warning' as const })) };
    const r = new Rollup(undefined);
    for (const a of [scored('a', 40), mild, scored('b', 20), g, scored('c', 30), scored('d', 50), scored('e', 45), scored('f', 60)]) r.add(a);
    const worst = r.list()[0]!.worst;
    expect(worst).toHaveLength(WORST_PER_GROUP);
    // Errors before the warning even though 'mild' scored lowest; among errors, lowest ETC first.
    expect(worst.map((x) => x.id)).toEqual(['b', 'c', 'a', 'e', 'd']);
    expect(worst[0]!.finding.turn).toBe(Math.min(...w.findings.filter((f) => f.severity === 'error').map((f) => f.turn)));
  });

  it('renders the same groups in every format', () => {
    const r = new Rollup('team');
    for (const a of [w, g]) r.add(a);
    const json = JSON.parse(renderRollup(r, 'json', { color: false, tool }));
    expect(json.groups).toHaveLength(1);
    expect(json.groups[0]).toMatchObject({ key: 'billing', conversations: 2, risks: (w.counts.risks ?? 0) + (g.counts.risks ?? 0) });
    expect(json.groups[0].scores.etc.mean).toBe(Math.round(((w.scores!.etc + g.scores!.etc) / 2) * 10) / 10);
    expect(json.groups[0].scores.etc.sd).toBe(Math.round((Math.abs(w.scores!.etc - g.scores!.etc) / 2) * 10) / 10);
    const csv = renderRollup(r, 'csv', { color: false, tool }).split('\r\n');
    expect(csv[0]!.startsWith('group,conversations,etc_mean,etc_sd')).toBe(true);
    expect(csv[1]!.startsWith('billing,2,')).toBe(true);
    expect(renderRollup(r, 'markdown', { color: false, tool })).toContain('## billing');
    const html = renderRollup(r, 'html', { color: false, tool });
    expect(html).toContain('<td>billing</td>');
    expect(html).toContain('=HYPERLINK(&quot;x&quot;)&lt;b&gt;wall&lt;/b&gt;');
    expect(html).not.toMatch(/<b>wall/);
    expect(renderRollup(r, 'pretty', { color: false, tool })).toMatch(/^TEAM\s+N\s+ETC/);
  });
});

describe('Rollup of conversations without scores and of customer signals', () => {
  const g = good().analysis;
  const one = oneSided().analysis;
  const csvRows = (text: string) => text.trim().split('\r\n').map((l) => l.split(','));

  it('leaves an unscored conversation out of the means and counts it apart', () => {
    expect(one.scores).toBeNull();
    const r = new Rollup('team');
    for (const a of [one, g]) r.add(a);
    const billing = r.list()[0]!;
    expect(billing.summary).toMatchObject({ count: 2, scored: 1, unscored: 1 });
    expect(billing.summary.scores.etc.mean).toBe(g.scores!.etc);
    const json = JSON.parse(renderRollup(r, 'json', { color: false, tool }));
    expect(json).toMatchObject({ conversations: 2, unscored: 1 });
    expect(json.groups[0]).toMatchObject({ conversations: 2, unscored: 1, scores: { etc: { mean: g.scores!.etc, sd: 0 } } });
    const [head, row] = csvRows(renderRollup(r, 'csv', { color: false, tool }));
    const cell = (name: string) => row![head!.indexOf(name)];
    expect(cell('etc_mean')).toBe(String(g.scores!.etc));
    expect(cell('unscored')).toBe('1');
    expect(cell('signals')).toBe(String((g.counts.signals ?? 0) + (one.counts.signals ?? 0)));
    expect(renderRollup(r, 'pretty', { color: false, tool })).toContain('1 not scored (left out of the means)');
  });

  it('shows no mean at all for a group with nothing scored: never a mean of 0', () => {
    const r = new Rollup(undefined);
    r.add(one);
    const json = JSON.parse(renderRollup(r, 'json', { color: false, tool }));
    expect(json.groups[0].scores).toEqual({ etc: null, emotion: null, trust: null, control: null });
    const [head, row] = csvRows(renderRollup(r, 'csv', { color: false, tool }));
    for (const k of ['etc_mean', 'etc_sd', 'control_mean']) expect(row![head!.indexOf(k)]).toBe('');
    for (const format of ['pretty', 'markdown', 'html'] as const) {
      const out = renderRollup(r, format, { color: false, tool });
      expect(out, format).not.toMatch(/\b0\.0\b/);
      expect(out, format).toContain('—');
    }
  });

  it('counts the customer’s signals in their own column, not in the risks', () => {
    const angry = angryMetWell().analysis;
    const r = new Rollup('agent');
    r.add(angry);
    const group = r.list()[0]!;
    expect(group.summary.risks).toBe(0);
    expect(group.summary.signals).toBe(angry.counts.signals);
    expect(group.summary.signals).toBeGreaterThanOrEqual(4);
    expect(group.summary.topRiskCategories()).toEqual([]);
    expect(group.worst).toEqual([]);
    const json = JSON.parse(renderRollup(r, 'json', { color: false, tool }));
    expect(json.groups[0].topSignalCategories.map((x: { category: string }) => x.category)).toContain('churn-risk');
  });

  it('reads results an earlier schema wrote: the customer’s findings become signals', () => {
    const old = {
      ...g,
      schemaVersion: '1.0.0',
      findings: g.findings.map((f) => (f.role === 'customer' ? { ...f, kind: f.category === 'gratitude' ? ('strength' as const) : ('risk' as const) } : f)),
      counts: { ...g.counts, signals: undefined },
    };
    expect(isAnalysis(old)).toBe(true);
    const upgraded = upgradeAnalysis(old as Analysis);
    expect(upgraded.findings.map((f) => f.kind)).toEqual(g.findings.map((f) => f.kind));
    expect(upgraded.counts).toMatchObject({ risks: g.counts.risks, strengths: g.counts.strengths, signals: g.counts.signals });
    expect(upgradeAnalysis(g)).toBe(g);
  });

  it('accepts an unscored result only with its reason', () => {
    expect(isAnalysis(one)).toBe(true);
    expect(isAnalysis({ ...one, unscored: undefined })).toBe(false);
  });
});
