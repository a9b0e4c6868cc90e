// One self-contained HTML file for a batch, small enough to open at once with a week of calls: a
// summary and a sortable table of every conversation (written last, so the report still streams,
// and shown first by CSS), then each conversation folded until opened, then what each rule found
// means, why it matters and what to say instead, written once for the page rather than once per
// finding. A folded conversation holds its scores, emotion curve, findings grouped by rule, and the
// whole conversation only when it is short; a long one shows the turns of its worst findings
// (`coach` shows any call whole). Size and opening time: test/report/html-batch.test.ts,
// test/report/html.browser.test.ts and `npm run bench`.
import type { Analysis, Finding, InputErrorRecord, Transcript } from '../model/types.js';
import { SEVERITY_RANK, agentOf, changesThatHelpMost, howToMeet, whyItMatters, wentWell } from './advice.js';
import { svgCurve } from './curve.js';
import { escapeHtml as h } from './escape.js';
import { bar, pageEnd, pageStart, scoreClass, severityClass } from './html-page.js';
import { BatchSummary, SCORE_KEYS } from './summary.js';
import { clock, turnViews, type Piece, type TurnView } from './turns.js';
import type { Formatter } from './types.js';

/** Characters of turn text up to which a conversation is quoted whole. */
export const WHOLE_TEXT_LIMIT = 2500;
/** Turns quoted from a longer conversation: those of its most severe findings. */
export const WORST_TURNS = 5;
/** Plain text kept on each side of a flagged phrase when a long turn is quoted. */
const CONTEXT_CHARS = 80;
/** Turn numbers listed for a rule before "and N more". */
const TURNS_LISTED = 8;

interface Row {
  anchor: string;
  id: string;
  agent: string;
  team: string;
  /** null: not scored. */
  scores: Analysis['scores'];
  shape: string;
  risks: number;
  signals: number;
}

const markClass = (f: Finding) => (f.kind === 'strength' ? 'strength' : f.kind === 'signal' ? 'signal' : `risk ${severityClass(f.severity)}`);
const scoreLabel = (k: (typeof SCORE_KEYS)[number]) => (k === 'etc' ? 'ETC' : k[0]!.toUpperCase() + k.slice(1));
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

const ruleAnchor = (rule: string) => `rule-${rule}`;
const ruleLink = (f: Finding) => `<a class="rule" href="#${h(encodeURIComponent(ruleAnchor(f.rule)))}">${h(f.rule)}</a>`;
const findingSign = (f: Finding) => (f.kind === 'strength' ? '✔' : f.kind === 'signal' ? '◆' : '▲');
const findingTextClass = (f: Finding) => (f.kind === 'strength' ? 'strength-x' : f.kind === 'signal' ? 'signal-x' : `risk-${severityClass(f.severity)}`);

/**
 * One line per rule: how often, in which turns, and one quote. What the rule means, why it matters
 * and what to say instead are written once for the whole page, in the list of rules at its end.
 */
function ruleItem(group: readonly Finding[]): string {
  const f = group[0]!;
  const turns = [...new Set(group.map((x) => x.turn))];
  const listed = turns.slice(0, TURNS_LISTED).map(h).join(', ') + (turns.length > TURNS_LISTED ? ` and ${turns.length - TURNS_LISTED} more` : '');
  return `<li><b class="${findingTextClass(f)}">${findingSign(f)} ${h(f.category)}</b> ${ruleLink(f)} ×${group.length} (turn${turns.length === 1 ? '' : 's'} ${listed}) “${h(f.text)}”</li>`;
}

/** Findings grouped by rule, risks first (most severe, then most frequent), then signals, then strengths. */
function byRule(a: Analysis): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of a.findings) {
    const key = `${f.kind}\u0000${f.rule}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const kindRank = (f: Finding) => (f.kind === 'risk' ? 0 : f.kind === 'signal' ? 1 : 2);
  return [...groups.values()].sort(
    (x, y) => kindRank(x[0]!) - kindRank(y[0]!) || (SEVERITY_RANK[y[0]!.severity] ?? 0) - (SEVERITY_RANK[x[0]!.severity] ?? 0) || y.length - x.length,
  );
}

/**
 * A turn's text with its findings marked. With `cut`, plain text far from a finding is cut to
 * CONTEXT_CHARS on each side, so a monologue does not fill the page.
 */
function turnText(pieces: readonly Piece[], cut: boolean, joiner: string): string {
  return pieces
    .map((p, i) => {
      if (p.findings.length) return `<mark class="${markClass(p.findings[0]!)}" title="${h(p.findings.map((f) => f.category).join(', '))}">${h(p.text)}</mark>`;
      if (!cut || p.text.length <= 2 * CONTEXT_CHARS) return h(p.text);
      const head = i === 0 ? '' : p.text.slice(0, CONTEXT_CHARS);
      const tail = i === pieces.length - 1 ? '' : p.text.slice(-CONTEXT_CHARS);
      return `${h(head)} … ${h(tail)}`;
    })
    .join(joiner);
}

function turnItem(v: TurnView, cut: boolean, joiner: string): string {
  const who = h(v.speaker && v.speaker.toLowerCase() !== v.role ? `${v.role} · ${v.speaker}` : v.role);
  const when = v.start !== undefined ? ` · ${clock(v.start)}` : '';
  const role = v.role === 'agent' || v.role === 'customer' ? ` ${v.role}` : '';
  return `<li class="turn${role}"><i>[${h(v.index)}] ${who}${when}</i>${turnText(v.pieces, cut, joiner)}</li>`;
}

/** The turns to quote: all of a short conversation, else those of its most severe findings. */
function turnsToQuote(a: Analysis, t: Transcript | undefined): { heading: string; views: TurnView[]; cut: boolean } {
  const views = turnViews(a, t);
  const length = t ? t.turns.reduce((n, turn) => n + turn.text.length, 0) : 0;
  if (t && length <= WHOLE_TEXT_LIMIT) return { heading: 'Conversation', views, cut: false };
  const flagged = views.filter((v) => v.findings.length);
  const severity = (v: TurnView) => Math.max(0, ...v.findings.map((f) => (f.kind === 'risk' ? (SEVERITY_RANK[f.severity] ?? 0) : 0)));
  const worst = new Set([...flagged].sort((x, y) => severity(y) - severity(x) || x.index - y.index).slice(0, WORST_TURNS));
  const shown = flagged.filter((v) => worst.has(v));
  const heading = t
    ? `Turns with the worst findings (${shown.length} of ${plural(flagged.length, 'turn')} with findings, ${t.turns.length} in all)`
    : `Turns with findings (${shown.length} of ${flagged.length})`;
  return { heading, views: shown, cut: true };
}

export function conversationHtml(a: Analysis, t: Transcript | undefined, anchor: string): string {
  const about = [a.channel, a.source, agentOf(a) && `agent ${agentOf(a)}`, typeof a.meta.team === 'string' && `team ${a.meta.team}`, typeof a.meta.queue === 'string' && `queue ${a.meta.queue}`, typeof a.meta.date === 'string' && a.meta.date, a.counts.durationSec !== undefined && `${clock(a.counts.durationSec)} long`, `${a.counts.turns} turns`]
    .filter((x): x is string => Boolean(x))
    .map(h)
    .join(' · ');
  const scored = a.scores;
  const scores = scored
    ? SCORE_KEYS.map((k) => `<div class="score ${scoreClass(scored[k])}">${scoreLabel(k)}<b>${h(scored[k])}</b></div>`).join('')
    : `<p class="muted">Not scored: ${h(a.unscored ?? 'no agent turn')}.</p>`;
  const headline = scored ? `ETC ${h(scored.etc)}` : 'not scored';
  const e = a.emotion;
  const parts = [
    `<details class="conv" id="${anchor}"><summary><h2>${h(a.id)}</h2> <span class="muted">${headline} · ${h(e.shape)} · ${plural(a.counts.risks ?? 0, 'risk')}</span></summary>`,
    `<div class="meta">${about}</div><div class="scores">${scores}</div>`,
    `<h3>Customer’s emotion <span class="muted">${h(e.shape)} · start ${e.start.toFixed(2)} · lowest ${e.min.toFixed(2)} · end ${e.end.toFixed(2)}</span></h3>`,
    e.trajectory.length ? svgCurve(e.trajectory, { width: 640, height: 140, title: `Customer emotion over ${e.trajectory.length} turns, −1 to +1` }, h) : '<p class="muted">No customer turns.</p>',
  ];
  const rules = byRule(a);
  if (rules.length) parts.push(`<h3>Findings by rule</h3><ul class="findings">${rules.map(ruleItem).join('')}</ul>`);
  const quote = turnsToQuote(a, t);
  if (quote.views.length) parts.push(`<h3>${quote.heading}</h3><ol class="turns">${quote.views.map((v) => turnItem(v, quote.cut, t ? '' : ' … ')).join('')}</ol>`);
  const good = wentWell(a).slice(0, 5);
  if (good.length) parts.push(`<h3>What went well</h3><ul>${good.map((f) => `<li>Turn ${h(f.turn)}: ${h(f.category)} — “${h(f.text)}”</li>`).join('')}</ul>`);
  const changes = changesThatHelpMost(a, 3);
  if (changes.length) {
    parts.push(
      `<h3>Changes that would have helped most</h3><ol>${changes
        .map(({ finding: f, cost }) => `<li>Turn ${h(f.turn)}: instead of “${h(f.text)}” <span class="muted">(${h(f.category)}, −${h(cost)} ETC)</span>${f.suggestion ? ` say “${h(f.suggestion)}”` : ''}</li>`)
        .join('')}</ol>`,
    );
  }
  return parts.join('\n') + '</details>\n';
}

const COLUMNS: ReadonlyArray<{ label: string; numeric?: boolean }> = [
  { label: 'id' },
  { label: 'agent' },
  { label: 'team' },
  ...SCORE_KEYS.map((k) => ({ label: scoreLabel(k), numeric: true })),
  { label: 'shape' },
  { label: 'risks', numeric: true },
  { label: 'customer signals', numeric: true },
];

/** Every conversation in one table; each header is a button that sorts by its column. */
function conversationTable(rows: readonly Row[]): string {
  const head = COLUMNS.map((c) => `<th${c.numeric ? ' class="n"' : ''}><button type="button">${c.label}</button></th>`).join('');
  const body = rows.map((r) => {
    const scores = SCORE_KEYS.map((k) => `<td class="n">${r.scores ? h(r.scores[k]) : '—'}</td>`).join('');
    return `<tr><td><a href="#${r.anchor}">${h(r.id)}</a></td><td>${h(r.agent)}</td><td>${h(r.team)}</td>${scores}<td>${h(r.shape)}</td><td class="n">${h(r.risks)}</td><td class="n">${h(r.signals)}</td></tr>`;
  });
  return `<table class="sortable"><thead><tr>${head}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

function summaryHtml(s: BatchSummary, rows: readonly Row[], errors: readonly InputErrorRecord[]): string {
  const out = [`<section class="summary"><h2>Summary</h2><p>${plural(s.count, 'conversation')}${s.unscored ? ` · ${s.unscored} not scored` : ''} · ${s.risks} risks · ${s.strengths} strengths · ${s.signals} customer signals${errors.length ? ` · <span class="risk-error">${plural(errors.length, 'input error')}</span>` : ''}</p>`];
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
    out.push(`<h3>Conversations</h3><p class="muted">Select a heading to sort by it; select an id to open that conversation.</p>${conversationTable(rows)}`);
  }
  if (errors.length) out.push(`<h3>Inputs that could not be read</h3><ul>${errors.map((e) => `<li><code>${h(`${e.source}:${e.line}`)}</code> ${h(e.message)}</li>`).join('')}</ul>`);
  return out.join('\n') + '</section>\n';
}

/** Each rule found in the batch, once for the whole page: what it means, why it matters, what to say instead. */
function rulesHtml(rules: ReadonlyMap<string, Finding>): string {
  if (rules.size === 0) return '';
  const items = [...rules.values()]
    .sort((x, y) => (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0))
    .map((f) => {
      let li = `<li id="${h(ruleAnchor(f.rule))}"><span class="${findingTextClass(f)}">${findingSign(f)} <b>${h(f.category)}</b></span> <code>${h(f.rule)}</code>: ${h(f.message)}`;
      const why = f.kind === 'risk' ? whyItMatters(f) : undefined;
      if (why) li += `<div class="why">Why it matters: ${h(why.why)} <i>(${h(why.source)})</i></div>`;
      if (f.kind === 'signal') {
        const meet = howToMeet(f);
        if (meet) li += `<div class="better">Meet it: “${h(meet)}”</div>`;
      } else if (f.suggestion) li += `<div class="better">Better: “${h(f.suggestion)}”</div>`;
      return li + '</li>';
    });
  return `<section class="rules"><h2>The rules found, why they matter and what to say instead</h2><ul class="findings">${items.join('')}</ul></section>\n`;
}

export function htmlFormatter(): Formatter {
  const summary = new BatchSummary();
  const rows: Row[] = [];
  const rules = new Map<string, Finding>();
  return {
    name: 'html',
    quotesTurns: true,
    start: (o) => pageStart('Conversation report', `Made by ${o.tool.name} ${o.tool.version}. Scores are 0–100, higher is better handled.`, { script: true }),
    result(a, _o, t) {
      summary.add(a);
      for (const f of a.findings) if (!rules.has(f.rule)) rules.set(f.rule, f);
      const anchor = `c${rows.length + 1}`;
      const str = (v: unknown) => (typeof v === 'string' ? v : '');
      rows.push({ anchor, id: a.id, agent: agentOf(a) ?? '', team: str(a.meta.team), scores: a.scores, shape: a.emotion.shape, risks: a.counts.risks ?? 0, signals: a.counts.signals ?? 0 });
      return conversationHtml(a, t, anchor);
    },
    error: () => '',
    end: (s) => summaryHtml(summary, rows, s.errors) + rulesHtml(rules) + pageEnd({ script: true }),
  };
}
