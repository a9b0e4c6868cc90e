// One self-contained HTML file for a batch: each conversation's scores, emotion curve (SVG) and
// turns with the flagged words marked, and a summary that CSS shows first although it is written
// last, so the report still streams.
import type { Analysis, Finding, InputErrorRecord, Transcript } from '../model/types.js';
import { agentOf, changesThatHelpMost, howToMeet, whyItMatters, wentWell } from './advice.js';
import { svgCurve } from './curve.js';
import { escapeHtml as h } from './escape.js';
import { bar, pageEnd, pageStart, scoreClass } from './html-page.js';
import { BatchSummary, SCORE_KEYS } from './summary.js';
import { clock, turnViews } from './turns.js';
import type { Formatter } from './types.js';

interface Row {
  anchor: string;
  id: string;
  /** null: not scored. */
  etc: number | null;
  shape: string;
  risks: number;
  signals: number;
}

const findingClass = (f: Finding) => (f.kind === 'strength' ? 'strength' : f.kind === 'signal' ? 'signal' : `risk ${f.severity}`);

function findingItem(f: Finding): string {
  const cls = f.kind === 'strength' ? 'strength-x' : f.kind === 'signal' ? 'signal-x' : `risk-${f.severity}`;
  const sign = f.kind === 'strength' ? '✔' : f.kind === 'signal' ? '◆' : '▲';
  let li = `<li><span class="${cls}">${sign} <b>${h(f.category)}</b></span> <code>${h(f.rule)}</code> “${h(f.text)}” — ${h(f.message)}`;
  const why = f.kind === 'risk' ? whyItMatters(f) : undefined;
  if (why) li += `<div class="why">Why it matters: ${h(why.why)} <i>(${h(why.source)})</i></div>`;
  if (f.kind === 'signal') {
    const meet = howToMeet(f);
    if (meet) li += `<div class="better">Meet it: “${h(meet)}”</div>`;
  } else if (f.suggestion) li += `<div class="better">Better: “${h(f.suggestion)}”</div>`;
  return li + '</li>';
}

export function conversationHtml(a: Analysis, t: Transcript | undefined, anchor: string): string {
  const about = [a.channel, a.source, agentOf(a) && `agent ${agentOf(a)}`, typeof a.meta.team === 'string' && `team ${a.meta.team}`, typeof a.meta.queue === 'string' && `queue ${a.meta.queue}`, typeof a.meta.date === 'string' && a.meta.date, a.counts.durationSec !== undefined && `${clock(a.counts.durationSec)} long`, `${a.counts.turns} turns`]
    .filter((x): x is string => Boolean(x))
    .map(h)
    .join(' · ');
  const scored = a.scores;
  const scores = scored
    ? SCORE_KEYS.map((k) => `<div class="score ${scoreClass(scored[k])}">${k === 'etc' ? 'ETC' : k[0]!.toUpperCase() + k.slice(1)}<b>${scored[k]}</b></div>`).join('')
    : `<p class="muted">Not scored: ${h(a.unscored ?? 'no agent turn')}.</p>`;
  const e = a.emotion;
  const parts = [
    `<section class="conv" id="${anchor}"><h2>${h(a.id)}</h2><div class="meta">${about}</div>`,
    `<div class="scores">${scores}</div>`,
    `<h3>Customer’s emotion <span class="muted">${h(e.shape)} · start ${e.start.toFixed(2)} · lowest ${e.min.toFixed(2)} · end ${e.end.toFixed(2)}</span></h3>`,
    e.trajectory.length ? svgCurve(e.trajectory, { width: 640, height: 140, title: `Customer emotion over ${e.trajectory.length} turns, −1 to +1` }, h) : '<p class="muted">No customer turns.</p>',
    `<h3>${t ? 'Conversation' : 'Turns with findings'}</h3><ol class="turns">`,
  ];
  for (const v of turnViews(a, t)) {
    const who = h(v.speaker && v.speaker.toLowerCase() !== v.role ? `${v.role} · ${v.speaker}` : v.role);
    const when = v.start !== undefined ? ` · ${clock(v.start)}` : '';
    const text = v.pieces
      .map((p) => (p.findings.length ? `<mark class="${findingClass(p.findings[0]!)}" title="${h(p.findings.map((f) => f.category).join(', '))}">${h(p.text)}</mark>` : h(p.text)))
      .join(t ? '' : ' … ');
    parts.push(`<li class="turn ${h(v.role)}"><div class="who">[${v.index}] ${who}${when}</div><p class="text">${text}</p>`);
    if (v.findings.length) parts.push(`<ul class="findings">${v.findings.map(findingItem).join('')}</ul>`);
    parts.push('</li>');
  }
  parts.push('</ol>');
  const good = wentWell(a);
  if (good.length) parts.push(`<h3>What went well</h3><ul>${good.map((f) => `<li>Turn ${f.turn}: ${h(f.category)} — “${h(f.text)}”</li>`).join('')}</ul>`);
  const changes = changesThatHelpMost(a, 3);
  if (changes.length) {
    parts.push(
      `<h3>Changes that would have helped most</h3><ol>${changes
        .map(({ finding: f, cost }) => `<li>Turn ${f.turn}: instead of “${h(f.text)}” <span class="muted">(${h(f.category)}, −${cost} ETC)</span>${f.suggestion ? ` say “${h(f.suggestion)}”` : ''}</li>`)
        .join('')}</ol>`,
    );
  }
  return parts.join('\n') + '</section>\n';
}

function summaryHtml(s: BatchSummary, rows: readonly Row[], errors: readonly InputErrorRecord[]): string {
  const out = [`<section class="summary"><h2>Summary</h2><p>${s.count} conversation${s.count === 1 ? '' : 's'}${s.unscored ? ` · ${s.unscored} not scored` : ''} · ${s.risks} risks · ${s.strengths} strengths · ${s.signals} customer signals${errors.length ? ` · <span class="risk-error">${errors.length} input error${errors.length === 1 ? '' : 's'}</span>` : ''}</p>`];
  if (s.count) {
    // Scores, shapes and top risks side by side; they wrap on a narrow screen.
    out.push('<div class="grid"><div><h3>Scores</h3>');
    // Means over the scored conversations only; with none scored there is no mean to show.
    if (s.scored) {
      out.push('<table><tr><th>score</th><th class="n">mean</th><th class="n">sd</th></tr>');
      for (const k of SCORE_KEYS) out.push(`<tr><td>${k}</td><td class="n">${s.scores[k].mean.toFixed(1)}</td><td class="n">${s.scores[k].sd.toFixed(1)}</td></tr>`);
      out.push('</table>');
    } else out.push('<p class="muted">none scored</p>');
    out.push('</div>');
    const shapes = s.shapeCounts();
    const maxShape = Math.max(...shapes.map(([, n]) => n));
    out.push(`<div><h3>Emotion shapes</h3><table>${shapes.map(([shape, n]) => `<tr><td>${h(shape)}</td><td class="n">${n}</td><td>${bar(n, maxShape)}</td></tr>`).join('')}</table></div>`);
    const top = s.topRiskCategories();
    const maxTop = Math.max(0, ...top.map(([, n]) => n));
    out.push(`<div><h3>Top risk categories</h3>${top.length ? `<table>${top.map(([c, n]) => `<tr><td>${h(c)}</td><td class="n">${n}</td><td>${bar(n, maxTop)}</td></tr>`).join('')}</table>` : '<p class="muted">none</p>'}</div></div>`);
    out.push('<h3>Conversations</h3><table><tr><th>id</th><th class="n">ETC</th><th>shape</th><th class="n">risks</th><th class="n">customer signals</th></tr>');
    for (const r of rows) out.push(`<tr><td><a href="#${r.anchor}">${h(r.id)}</a></td><td class="n">${r.etc ?? '—'}</td><td>${h(r.shape)}</td><td class="n">${r.risks}</td><td class="n">${r.signals}</td></tr>`);
    out.push('</table>');
  }
  if (errors.length) out.push(`<h3>Inputs that could not be read</h3><ul>${errors.map((e) => `<li><code>${h(`${e.source}:${e.line}`)}</code> ${h(e.message)}</li>`).join('')}</ul>`);
  return out.join('\n') + '</section>\n';
}

export function htmlFormatter(): Formatter {
  const summary = new BatchSummary();
  const rows: Row[] = [];
  return {
    name: 'html',
    quotesTurns: true,
    start: (o) => pageStart('Conversation report', `Made by ${o.tool.name} ${o.tool.version}. Scores are 0–100, higher is better handled.`),
    result(a, _o, t) {
      summary.add(a);
      const anchor = `c${rows.length + 1}`;
      rows.push({ anchor, id: a.id, etc: a.scores?.etc ?? null, shape: a.emotion.shape, risks: a.counts.risks ?? 0, signals: a.counts.signals ?? 0 });
      return conversationHtml(a, t, anchor);
    },
    error: () => '',
    end: (s) => summaryHtml(summary, rows, s.errors) + pageEnd(),
  };
}
