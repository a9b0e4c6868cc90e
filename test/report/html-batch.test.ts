// The batch HTML for a week of calls stays small: what it costs per conversation, and what a long
// call is cut down to (its opening time in a browser is in html.browser.test.ts and npm run bench).
import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { MAX_CURVE_POINTS } from '../../src/report/curve.js';
import { WHOLE_TEXT_LIMIT, WORST_TURNS } from '../../src/report/html.js';
import { weekOfCalls } from '../helpers/week.js';

const week = weekOfCalls(300);
const html = render('html', week.analyses, [], {}, week.transcripts);
const folded = html.split('<details class="conv"').slice(1);

describe('the batch html of a week of calls (300, 10 to 2,000 turns each)', () => {
  it('is under 20 kB a conversation on average and under 6 MB in all', () => {
    const bytes = Buffer.byteLength(html);
    const input = week.transcripts.reduce((n, t) => n + t.turns.reduce((m, turn) => m + Buffer.byteLength(turn.text), 0), 0);
    console.log(`batch html: ${(bytes / 1e6).toFixed(2)} MB for 300 conversations, ${(bytes / 300 / 1e3).toFixed(1)} kB each (their turns' text alone: ${(input / 300 / 1e3).toFixed(1)} kB each)`);
    expect(bytes / 300).toBeLessThan(20_000);
    expect(bytes).toBeLessThan(6e6);
    // Less than the transcripts' text alone: turns are quoted whole only in short calls.
    expect(bytes).toBeLessThan(input);
  });

  it('has a table row per conversation with its agent, team and every score', () => {
    const rows = [...html.matchAll(/<tr><td><a href="#(c\d+)">([^<]*)<\/a><\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>((?:<td class="n">[^<]*<\/td>){4})/g)];
    expect(rows).toHaveLength(300);
    const [, anchor, id, agent, team, scores] = rows[41]!;
    const a = week.analyses[41]!;
    expect([anchor, id, agent, team]).toEqual(['c42', a.id, a.meta.agentName, a.meta.team]);
    expect([...scores!.matchAll(/>(\d+)</g)].map((m) => Number(m[1]))).toEqual([a.scores!.etc, a.scores!.emotion, a.scores!.trust, a.scores!.control]);
  });

  it('draws a long call’s curve from at most the points it has room for and quotes only its worst turns', () => {
    const i = week.analyses.findIndex((a) => a.emotion.trajectory.length > 4 * MAX_CURVE_POINTS);
    expect(i).toBeGreaterThanOrEqual(0);
    const section = folded[i]!;
    const points = /<polyline class="line" points="([^"]+)"/.exec(section)![1]!.split(' ');
    expect(points.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(points.length).toBeGreaterThan(MAX_CURVE_POINTS / 2);
    expect(section.match(/<li class="turn/g)!.length).toBeLessThanOrEqual(WORST_TURNS);
    expect(section).toContain(`with findings, ${week.transcripts[i]!.turns.length} in all)`);
  });

  it('quotes a short call whole', () => {
    const i = week.transcripts.findIndex((t) => t.turns.reduce((n, turn) => n + turn.text.length, 0) < WHOLE_TEXT_LIMIT);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(folded[i]!.match(/<li class="turn/g)).toHaveLength(week.transcripts[i]!.turns.length);
  });
});
