import { describe, expect, it } from 'vitest';
import { Rollup, dayOf, groupKey, isoWeek, NO_GROUP, WORST_PER_GROUP } from '../../src/report/rollup.js';
import { renderRollup } from '../../src/report/rollup-format.js';
import { RunningStat } from '../../src/report/summary.js';
import type { Analysis } from '../../src/model/types.js';
import { good, riskCounts, wall } from './fixtures.js';

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
    expect(dana.summary.scores.etc.mean).toBe(g.scores.etc);
    expect(dana.summary.scores.etc.sd).toBe(0);
    expect(r.total.summary.count).toBe(4);
    const sam = r.list()[0]!;
    expect(sam.summary.topRiskCategories()).toEqual(riskCounts(w).slice(0, 5));
    expect(sam.summary.topRiskCategories().map(([c]) => c)).toEqual(expect.arrayContaining(['policy-hiding', 'pseudo-apology']));
  });

  it('keeps the worst findings, one per conversation: most severe first, then the lowest-scoring conversation', () => {
    const scored = (id: string, etc: number) => ({ ...w, id, scores: { ...w.scores, etc } }) as Analysis;
    const mild = { ...w, id: 'mild', scores: { ...w.scores, etc: 1 }, findings: w.findings.map((f) => ({ ...f, severity: 'warning' as const })) };
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
    expect(json.groups[0].scores.etc.mean).toBe(Math.round(((w.scores.etc + g.scores.etc) / 2) * 10) / 10);
    expect(json.groups[0].scores.etc.sd).toBe(Math.round((Math.abs(w.scores.etc - g.scores.etc) / 2) * 10) / 10);
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
