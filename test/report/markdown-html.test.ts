import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { escapeHtml, escapeMarkdown } from '../../src/report/escape.js';
import { angryMetWell, good, oneSided, riskCounts, wall } from './fixtures.js';

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
    expect(md).toContain(`| ${g.analysis.scores!.etc} | ${g.analysis.scores!.emotion} | ${g.analysis.scores!.trust} | ${g.analysis.scores!.control} |`);
    expect(md).toMatch(/Customer’s emotion \(−1 to \+1\): `[▁▂▃▄▅▆▇█]+`/);
    // The flagged words are bold inside the quoted turn.
    expect(md).toContain("> **[2] agent**: **Sorry**, **it's our company policy**. **The system won't let** me add it.");
    expect(md).toContain('**Better:**');
    // The summary comes last, with the means of both conversations.
    const mean = (g.analysis.scores!.etc + w.analysis.scores!.etc) / 2;
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
  it('is one self-contained page: one inline script its policy allows by hash, no URL, nothing to fetch', () => {
    const { analyses, transcripts } = both();
    const html = render('html', analyses, [], {}, transcripts);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toBe('');
    const hash = createHash('sha256').update(scripts[0]![2]!).digest('base64');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(policy.split('; ')).toEqual(["default-src 'none'", "style-src 'unsafe-inline'", 'img-src data:', `script-src 'sha256-${hash}'`, "form-action 'none'", "base-uri 'none'"]);
    expect(html).not.toMatch(/https?:|\/\/[a-z]|\bsrc=|<link|@import|url\(/i);
  });

  it('folds each conversation and lists every rule found once, with why it matters and a better wording', () => {
    const { analyses, transcripts, w } = both();
    const html = render('html', analyses, [], {}, transcripts);
    expect(html.match(/<details class="conv" id="c\d+">/g)).toHaveLength(2);
    expect(html).not.toMatch(/<details[^>]* open/);
    const rules = [...new Set(analyses.flatMap((a) => a.findings.map((f) => f.rule)))];
    for (const rule of rules) expect(html.match(new RegExp(`<li id="rule-${rule}">`, 'g'))).toHaveLength(1);
    const wall = w.analysis.findings.find((f) => f.rule === 'policy-as-wall')!;
    expect(html).toContain(`<a class="rule" href="#rule-policy-as-wall">policy-as-wall</a> ×`);
    expect(html).toContain(`Better: “${escapeHtml(wall.suggestion!)}”`);
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

describe('a conversation that cannot be scored, in every format for people', () => {
  const g = good();
  const one = oneSided();
  const analyses = [one.analysis, g.analysis];
  const transcripts = [one.transcript, g.transcript];

  it('markdown: dashes for its scores, the reason, and means over the scored conversations only', () => {
    const md = render('markdown', analyses, [], {}, transcripts);
    expect(md).toContain('| — | — | — | — | steady-negative |');
    expect(md).toContain('*Not scored: no agent turn.*');
    expect(md).toContain('2 conversations (1 not scored)');
    expect(md).toContain(`| etc | ${g.analysis.scores!.etc.toFixed(1)} | 0.0 |`);
  });

  it('html: the reason instead of score boxes, a dash in the summary row, means over the scored only', () => {
    const html = render('html', analyses, [], {}, transcripts);
    expect(html).toContain('<p class="muted">Not scored: no agent turn.</p>');
    expect(html).toMatch(/<td><a href="#c1">one-sided<\/a><\/td><td>Dana<\/td><td>billing<\/td><td class="n">—<\/td>/);
    expect(html).toContain(`<tr><td>etc</td><td class="n">${g.analysis.scores!.etc.toFixed(1)}</td>`);
    expect(html).toContain('1 not scored');
  });

  it('pretty: dashes and the reason in its row, and a summary that counts it apart', () => {
    const out = render('pretty', analyses, [], {}, transcripts);
    const row = out.split('\n').find((l) => l.startsWith('one-sided'))!;
    expect(row).toMatch(/^one-sided\s+3\s+—\s+—\s+—\s+—\s+steady-negative\s+0\s+not scored: no agent turn$/);
    expect(out).toContain(`1 conversation scored · 1 not scored · mean ETC ${g.analysis.scores!.etc} ·`);
  });

  it('an empty run or one with nothing scored prints no mean of 0', () => {
    for (const batch of [[], [one.analysis]]) {
      const pretty = render('pretty', batch);
      expect(pretty).not.toContain('mean ETC 0');
      expect(pretty).toContain(batch.length ? 'no mean ETC' : 'nothing was scored');
      expect(render('markdown', batch)).not.toContain('| etc |');
      expect(render('html', batch)).not.toContain('<td>etc</td>');
    }
    // An empty run says so, with its input errors, instead of a row of zeros.
    expect(render('pretty', [], [{ source: 'a.json', line: 1, message: 'empty file' }]).trimEnd().split('\n').at(-1)).toBe('nothing was scored · 1 input error');
    expect(render('markdown', [])).toContain('## Summary\n\nNothing was scored.\n');
  });

  it('counts the customer’s signals apart from the agent’s risks in the summaries', () => {
    const angry = angryMetWell().analysis;
    const signals = angry.counts.signals!;
    expect(render('pretty', [angry])).toContain(`0 risks, ${angry.counts.strengths} strengths, ${signals} customer signals`);
    expect(render('markdown', [angry])).toContain(`1 conversation, 0 risks, ${angry.counts.strengths} strengths, ${signals} customer signals.`);
    expect(render('markdown', [angry])).toContain('**Top risk categories:** none');
  });
});
