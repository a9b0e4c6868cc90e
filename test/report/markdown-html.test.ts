import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { escapeHtml, escapeMarkdown } from '../../src/report/escape.js';
import { good, riskCounts, wall } from './fixtures.js';

function both() {
  const g = good();
  const w = wall();
  return { analyses: [g.analysis, w.analysis], transcripts: [g.transcript, w.transcript], g, w };
}

describe('escaping', () => {
  it('turns markup into text', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    expect(escapeMarkdown('<b>*bold*</b>\n# heading | cell')).toBe('&lt;b&gt;\\*bold\\*&lt;/b&gt; # heading \\| cell');
  });
});

describe('markdown', () => {
  it('shows each conversation’s scores, curve and flagged turns, then the batch summary', () => {
    const { analyses, transcripts, g, w } = both();
    const md = render('markdown', analyses, [{ source: 'bad.json', line: 3, message: 'not JSON' }], {}, transcripts);
    expect(md).toContain('## refund-call');
    expect(md).toContain(`| ${g.analysis.scores.etc} | ${g.analysis.scores.emotion} | ${g.analysis.scores.trust} | ${g.analysis.scores.control} |`);
    expect(md).toMatch(/Customer’s emotion \(−1 to \+1\): `[▁▂▃▄▅▆▇█]+`/);
    // The flagged words are bold inside the quoted turn.
    expect(md).toContain("> **[2] agent**: **Sorry**, **it's our company policy**. **The system won't let** me add it.");
    expect(md).toContain('**Better:**');
    // The summary comes last, with the means of both conversations.
    const mean = (g.analysis.scores.etc + w.analysis.scores.etc) / 2;
    expect(md.indexOf('## Summary')).toBeGreaterThan(md.indexOf('## refund-call'));
    expect(md).toContain(`| etc | ${mean.toFixed(1)} |`);
    const top = riskCounts(g.analysis, w.analysis).slice(0, 5).map(([c, n]) => `${c} ${n}`).join(', ');
    expect(top).toContain('policy-hiding');
    expect(md).toContain(`**Top risk categories:** ${top}`);
    expect(md).toContain('`bad.json:3` not JSON');
  });

  it('never lets transcript text become markup', () => {
    const { analyses, transcripts } = both();
    const md = render('markdown', analyses, [], {}, transcripts);
    expect(md).not.toContain('<b>');
    expect(md).not.toMatch(/<script/i);
  });
});

describe('html', () => {
  it('is one self-contained page: no script, no URL, nothing to fetch', () => {
    const { analyses, transcripts } = both();
    const html = render('html', analyses, [], {}, transcripts);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:|\/\/[a-z]|\bsrc=|<link|@import|url\(/i);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });

  it('keeps a <script> in a turn as text', () => {
    const { analyses, transcripts } = both();
    const html = render('html', analyses, [], {}, transcripts);
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(html).toContain('=HYPERLINK(&quot;x&quot;)&lt;b&gt;wall&lt;/b&gt;');
  });

  it('draws one curve point per customer turn and marks every finding span', () => {
    const { analyses, transcripts, w } = both();
    const html = render('html', analyses, [], {}, transcripts);
    const polylines = [...html.matchAll(/<polyline class="line" points="([^"]+)"/g)].map((m) => m[1]!.split(' '));
    expect(polylines.map((p) => p.length)).toEqual(analyses.map((a) => a.emotion.trajectory.length));
    const marks = [...html.matchAll(/<mark class="[^"]+" title="[^"]+">([^<]*)<\/mark>/g)].map((m) => m[1]);
    for (const f of w.analysis.findings) expect(marks).toContain(escapeHtml(f.text));
    expect(html).toContain('<section class="summary">');
    expect(html).toContain('Why it matters:');
  });

  it('shows only the flagged words when the transcript is not at hand', () => {
    const { w } = both();
    const html = render('html', [w.analysis]);
    expect(html).toContain('Turns with findings');
    expect(html).toContain('<mark class="risk error" title="policy-hiding">it&#39;s our company policy</mark>');
  });
});
