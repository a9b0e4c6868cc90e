// The rollup of `etcscore report` in each format, each a pure function of the Rollup.
import { Chalk } from 'chalk';
import { escapeHtml as h, escapeMarkdown as md, terminalSafe } from './escape.js';
import { csvHeader, csvRow, type Column } from './csv.js';
import { bar, pageEnd, pageStart, scoreClass, severityClass } from './html-page.js';
import { scoreColor } from './pretty.js';
import type { Group, Rollup, WorstFinding } from './rollup.js';
import { SCORE_KEYS, SHAPES } from './summary.js';

export const ROLLUP_FORMATS = ['pretty', 'csv', 'json', 'markdown', 'html'] as const;
export type RollupFormat = (typeof ROLLUP_FORMATS)[number];

export interface RollupOptions {
  color: boolean;
  tool: { name: string; version: string };
}

const r1 = (x: number) => Math.round(x * 10) / 10;
/** A group's mean and spread of a score, one decimal; undefined when none of its conversations was scored. */
const stat = (g: Group, k: (typeof SCORE_KEYS)[number]): { mean: number; sd: number } | undefined =>
  g.summary.scored ? { mean: r1(g.summary.scores[k].mean), sd: r1(g.summary.scores[k].sd) } : undefined;
/** "61.2 ± 4.0", or a dash where there is no mean (never "0.0" over nothing). */
const statText = (g: Group, k: (typeof SCORE_KEYS)[number], sep: string): string => {
  const s = g.summary.scores[k];
  return g.summary.scored ? `${s.mean.toFixed(1)}${sep}${s.sd.toFixed(1)}` : '—';
};
const topText = (g: Group) => g.summary.topRiskCategories(3).map(([c, n]) => `${c} ${n}`).join('; ');
const etcText = (w: WorstFinding) => (w.etc === null ? 'not scored' : `ETC ${w.etc}`);
const worstText = (w: WorstFinding) => `${w.id} turn ${w.finding.turn}: ${w.finding.category} “${w.finding.text}”`;
/** A value from the results file in a line of the table: by its codes, line breaks and tabs too (no forged rows). */
const oneLine = (text: string) => terminalSafe(text, { oneLine: true });
const byLabel = (r: Rollup) => (r.by ? (r.by === 'date' ? `date (${r.period})` : r.by) : 'all');

function rollupJson(r: Rollup, o: RollupOptions): string {
  const group = (g: Group) => ({
    key: g.key,
    conversations: g.summary.count,
    unscored: g.summary.unscored,
    // Means over the scored conversations; null where none was scored.
    scores: Object.fromEntries(SCORE_KEYS.map((k) => [k, stat(g, k) ?? null])),
    shapes: Object.fromEntries(g.summary.shapeCounts()),
    risks: g.summary.risks,
    strengths: g.summary.strengths,
    signals: g.summary.signals,
    topRiskCategories: g.summary.topRiskCategories().map(([category, count]) => ({ category, count })),
    topSignalCategories: g.summary.topSignalCategories().map(([category, count]) => ({ category, count })),
    worstFindings: g.worst.map((w) => ({ id: w.id, source: w.source, etc: w.etc, ...w.finding })),
  });
  const doc = {
    tool: o.tool,
    by: r.by ?? null,
    ...(r.by === 'date' ? { period: r.period } : {}),
    conversations: r.conversations,
    unscored: r.unscored,
    errorRecords: r.errorRecords,
    badLines: r.badLines,
    groups: r.list().map(group),
    ...(r.by ? { total: group(r.total) } : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** One CSV row per group; documented in docs/csv.md with the other column lists. */
export const ROLLUP_COLUMNS: ReadonlyArray<Column<Group>> = [
  { name: 'group', description: 'the agent, team, queue, day (`2026-11-16`) or ISO week (`2026-W47`); `(none)` when conversations lack it', value: (g) => g.key },
  { name: 'conversations', description: 'conversations in the group, scored or not', value: (g) => g.summary.count },
  ...SCORE_KEYS.flatMap((k): Array<Column<Group>> => [
    { name: `${k}_mean`, description: `mean ${k} score over the group’s scored conversations, one decimal; empty when none was scored`, value: (g) => stat(g, k)?.mean },
    { name: `${k}_sd`, description: `standard deviation of the ${k} score (population), one decimal; empty when none was scored`, value: (g) => stat(g, k)?.sd },
  ]),
  { name: 'risks', description: 'the agent’s risk findings in all its conversations (not the customer’s signals)', value: (g) => g.summary.risks },
  { name: 'strengths', description: 'strength findings in all its conversations', value: (g) => g.summary.strengths },
  ...SHAPES.map((s): Column<Group> => ({ name: `shape_${s}`, description: `conversations whose emotion curve is \`${s}\``, value: (g) => g.summary.shapes.get(s) ?? 0 })),
  { name: 'top_risk_categories', description: 'the three most frequent risk categories with counts, `policy-hiding 4; sympathy 2`', value: topText },
  { name: 'worst_finding', description: 'the most severe risk, from the lowest-scoring conversation: `id turn N: category “text”`', value: (g) => (g.worst[0] ? worstText(g.worst[0]) : undefined) },
  // Added in schema 2.0.0, at the end so that columns read by position keep their place.
  { name: 'signals', description: 'the customer’s signals in all its conversations (distress, sarcasm, churn, escalation, gratitude, …)', value: (g) => g.summary.signals },
  { name: 'unscored', description: 'conversations that could not be scored (no agent turn, no roles found), left out of the means', value: (g) => g.summary.unscored },
];

function rollupCsv(r: Rollup): string {
  return csvHeader(ROLLUP_COLUMNS) + r.list().map((g) => csvRow(ROLLUP_COLUMNS.map((c) => c.value(g)))).join('');
}

function rollupPretty(r: Rollup, o: RollupOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const groups = r.list();
  const width = Math.min(32, Math.max(8, ...groups.map((g) => g.key.length)));
  const head = `${byLabel(r).toUpperCase().padEnd(width)}  ${'N'.padStart(5)}  ${'ETC'.padStart(11)}  ${'E'.padStart(11)}  ${'T'.padStart(11)}  ${'C'.padStart(11)}  ${'RISKS'.padStart(5)}  ${'SIGNALS'.padStart(7)}  ${'UNSCORED'.padStart(8)}`;
  const out = [c.bold(head)];
  for (const g of groups) {
    // Shown as it will be (renderRollup makes the whole text safe), so its width is counted right.
    const key = oneLine(g.key.length > width ? g.key.slice(0, width - 1) + '…' : g.key.padEnd(width));
    const stats = SCORE_KEYS.map((k) => {
      const text = statText(g, k, ' ±').padStart(11);
      return g.summary.scored ? scoreColor(c, g.summary.scores[k].mean)(text) : text;
    });
    out.push(`${key}  ${String(g.summary.count).padStart(5)}  ${stats.join('  ')}  ${String(g.summary.risks).padStart(5)}  ${String(g.summary.signals).padStart(7)}  ${String(g.summary.unscored).padStart(8)}`);
    const shapes = g.summary.shapeCounts().map(([s, n]) => `${s} ${n}`).join(', ');
    out.push(c.dim(`    shapes: ${shapes}`));
    // What the results file says is shown by its codes before our colours are added.
    if (g.summary.riskCategories.size) out.push(c.dim(`    top risks: ${oneLine(topText(g))}`));
    for (const w of g.worst.slice(0, 3)) out.push(`    ${c.red('✖')} ${oneLine(worstText(w))} ${c.dim(`(${oneLine(w.finding.severity)}, ${etcText(w)})`)}`);
  }
  const extra = [r.unscored && `${r.unscored} not scored (left out of the means)`, r.errorRecords && `${r.errorRecords} error record${r.errorRecords === 1 ? '' : 's'} skipped`, r.badLines && c.red(`${r.badLines} unreadable line${r.badLines === 1 ? '' : 's'}`)].filter(Boolean);
  out.push('', [`${r.conversations} conversation${r.conversations === 1 ? '' : 's'} in ${groups.length} group${groups.length === 1 ? '' : 's'}`, ...extra].join(' · '));
  return out.join('\n') + '\n';
}

function rollupMarkdown(r: Rollup, o: RollupOptions): string {
  const groups = r.list();
  const lines = [
    `# Rollup by ${md(byLabel(r))}`,
    '',
    `${r.conversations} conversations in ${groups.length} groups${r.unscored ? `; ${r.unscored} not scored, left out of the means` : ''}${r.errorRecords ? `; ${r.errorRecords} error records skipped` : ''}${r.badLines ? `; ${r.badLines} unreadable lines` : ''}. Made by ${o.tool.name} ${o.tool.version}; scores are mean ± standard deviation, 0–100, higher is better handled.`,
    '',
    `| ${md(byLabel(r))} | conversations | ETC | emotion | trust | control | risks | customer signals | not scored | top risk categories |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...[...groups, ...(r.by ? [r.total] : [])].map(
      (g) => `| ${g === r.total ? '**all**' : md(g.key)} | ${g.summary.count} | ${SCORE_KEYS.map((k) => statText(g, k, ' ± ')).join(' | ')} | ${g.summary.risks} | ${g.summary.signals} | ${g.summary.unscored} | ${md(topText(g))} |`,
    ),
    '',
  ];
  for (const g of groups) {
    lines.push(`## ${md(g.key)}`, '', `**Shapes:** ${g.summary.shapeCounts().map(([s, n]) => `${s} ${n}`).join(', ')}`, '');
    if (g.worst.length) {
      lines.push('**Worst findings:**', '');
      for (const w of g.worst) lines.push(`- ${md(w.finding.severity)} · ${md(w.id)} (${md(etcText(w))}), turn ${md(w.finding.turn)}: ${md(w.finding.category)} “${md(w.finding.text)}”${w.finding.suggestion ? ` — better: “${md(w.finding.suggestion)}”` : ''}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}

function rollupHtml(r: Rollup, o: RollupOptions): string {
  const groups = r.list();
  const parts = [
    pageStart(`Rollup by ${byLabel(r)}`, `${r.conversations} conversations in ${groups.length} groups${r.unscored ? ` (${r.unscored} not scored, left out of the means)` : ''}. Made by ${o.tool.name} ${o.tool.version}; scores are mean ± standard deviation, 0–100, higher is better handled.`),
    `<section><h2>Groups</h2><table><tr><th>${h(byLabel(r))}</th><th class="n">conversations</th>${SCORE_KEYS.map((k) => `<th class="n">${k}</th>`).join('')}<th class="n">risks</th><th class="n">customer signals</th><th class="n">not scored</th><th>top risk categories</th></tr>`,
  ];
  const maxCount = Math.max(1, ...groups.map((g) => g.summary.count));
  for (const g of [...groups, ...(r.by ? [r.total] : [])]) {
    const total = g === r.total;
    const cells = SCORE_KEYS.map((k) => {
      const s = g.summary.scores[k];
      if (!g.summary.scored) return '<td class="n muted">—</td>';
      return `<td class="n"><span class="score-${scoreClass(s.mean)}">${s.mean.toFixed(1)}</span> <span class="muted">±${s.sd.toFixed(1)}</span></td>`;
    }).join('');
    parts.push(`<tr${total ? ' class="total"' : ''}><td>${total ? 'all' : h(g.key)}</td><td class="n">${g.summary.count} ${total ? '' : bar(g.summary.count, maxCount, 60)}</td>${cells}<td class="n">${g.summary.risks}</td><td class="n">${g.summary.signals}</td><td class="n">${g.summary.unscored}</td><td>${h(topText(g))}</td></tr>`);
  }
  parts.push('</table>');
  if (r.errorRecords || r.badLines) parts.push(`<p class="muted">${r.errorRecords} error records skipped · ${r.badLines} unreadable lines</p>`);
  parts.push('</section>');
  for (const g of groups) {
    parts.push(`<section><h2>${h(g.key)}</h2><p class="muted">${g.summary.shapeCounts().map(([s, n]) => `${h(s)} ${n}`).join(' · ')}</p>`);
    if (g.worst.length) {
      parts.push(
        `<h3>Worst findings</h3><ul class="findings">${g.worst
          .map((w) => `<li><span class="risk-${severityClass(w.finding.severity)}">${h(w.finding.severity)}</span> ${h(w.id)} <span class="muted">(${h(etcText(w))}, turn ${h(w.finding.turn)})</span>: <b>${h(w.finding.category)}</b> “${h(w.finding.text)}”${w.finding.suggestion ? `<div class="better">Better: “${h(w.finding.suggestion)}”</div>` : ''}</li>`)
          .join('')}</ul>`,
      );
    }
    parts.push('</section>');
  }
  return parts.join('\n') + '\n' + pageEnd();
}

export function renderRollup(r: Rollup, format: RollupFormat, o: RollupOptions): string {
  switch (format) {
    case 'json':
      return rollupJson(r, o);
    case 'csv':
      return rollupCsv(r);
    // Read by people, as score's Markdown and HTML are: control characters shown by their code.
    case 'markdown':
      return terminalSafe(rollupMarkdown(r, o));
    case 'html':
      return terminalSafe(rollupHtml(r, o));
    case 'pretty':
      // Read on a terminal or through a pipe into one: made safe for it as a whole.
      return terminalSafe(rollupPretty(r, o), { colour: o.color });
  }
}
