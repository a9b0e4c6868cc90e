// Markdown for sharing in a wiki or a pull request: each conversation with its scores, emotion
// sparkline and the turns that have findings, then the batch summary.
import type { Analysis, Finding, InputErrorRecord, Scores, Transcript } from '../model/types.js';
import { agentOf, changesThatHelpMost, whyItMatters } from './advice.js';
import { sparkline } from './curve.js';
import { escapeMarkdown as md, markdownCode as code } from './escape.js';
import { BatchSummary, SCORE_KEYS } from './summary.js';
import { turnViews } from './turns.js';
import type { Formatter } from './types.js';

const mark = (f: Finding) => (f.kind === 'signal' ? '◆' : f.kind === 'strength' ? '✔' : f.severity === 'error' ? '✖' : f.severity === 'warning' ? '▲' : '•');
/** A score cell: a dash, never a number, for a conversation that could not be scored. */
const scoreCell = (a: Analysis, k: keyof Scores) => (a.scores ? md(a.scores[k]) : '—');

function conversation(a: Analysis, t: Transcript | undefined): string {
  const about = [md(a.channel), code(a.source), agentOf(a) && `agent ${md(agentOf(a)!)}`, typeof a.meta.team === 'string' && `team ${md(a.meta.team)}`, typeof a.meta.date === 'string' && md(a.meta.date)];
  const lines = [
    `## ${md(a.id)}`,
    '',
    about.filter(Boolean).join(' · '),
    '',
    '| ETC | Emotion | Trust | Control | Shape | Risks | Strengths | Customer signals |',
    '| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
    `| ${scoreCell(a, 'etc')} | ${scoreCell(a, 'emotion')} | ${scoreCell(a, 'trust')} | ${scoreCell(a, 'control')} | ${md(a.emotion.shape)} | ${md(a.counts.risks ?? 0)} | ${md(a.counts.strengths ?? 0)} | ${md(a.counts.signals ?? 0)} |`,
    '',
  ];
  if (!a.scores) lines.push(`*Not scored: ${md(a.unscored ?? 'no agent turn')}.*`, '');
  const traj = a.emotion.trajectory;
  if (traj.length) {
    const values = traj.map((p) => `t${md(p.turn)} ${p.smoothed.toFixed(2)}`).join(', ');
    lines.push(`Customer’s emotion (−1 to +1): ${code(sparkline(traj.map((p) => p.smoothed)))} — ${values}`, '');
  }
  for (const view of turnViews(a, t)) {
    if (view.findings.length === 0) continue;
    const text = view.pieces.map((p) => (p.findings.length ? `**${md(p.text)}**` : md(p.text))).join(t ? '' : ' … ');
    lines.push(`> **[${md(view.index)}] ${md(view.role)}**: ${text}`, '');
    for (const f of view.findings) {
      let item = `- ${mark(f)} **${md(f.category)}** (${code(f.rule)}) “${md(f.text)}”: ${md(f.message)}`;
      const why = f.kind === 'risk' ? whyItMatters(f) : undefined;
      if (why) item += ` *Why:* ${md(why.why)} (${md(why.source)})`;
      if (f.suggestion) item += ` **Better:** “${md(f.suggestion)}”`;
      lines.push(item);
    }
    lines.push('');
  }
  const changes = changesThatHelpMost(a, 3);
  if (changes.length) {
    lines.push('**Changes that would have helped most**', '');
    changes.forEach(({ finding: f, cost }, i) => lines.push(`${i + 1}. Turn ${md(f.turn)}, “${md(f.text)}” (−${md(cost)} ETC)${f.suggestion ? `: “${md(f.suggestion)}”` : ''}`));
    lines.push('');
  }
  return lines.join('\n') + '\n';
}

export function summaryMarkdown(s: BatchSummary, errors: readonly InputErrorRecord[]): string {
  const counts = s.count
    ? `${s.count} conversation${s.count === 1 ? '' : 's'}${s.unscored ? ` (${s.unscored} not scored)` : ''}, ${s.risks} risks, ${s.strengths} strengths, ${s.signals} customer signals.`
    : 'Nothing was scored.';
  const lines = ['## Summary', '', counts, ''];
  if (s.count) {
    // Means over the scored conversations only; with none scored there is no mean to show.
    if (s.scored) {
      lines.push('| score | mean | sd |', '| --- | ---: | ---: |');
      for (const k of SCORE_KEYS) lines.push(`| ${k} | ${s.scores[k].mean.toFixed(1)} | ${s.scores[k].sd.toFixed(1)} |`);
      lines.push('');
    }
    lines.push(`**Shapes:** ${s.shapeCounts().map(([shape, n]) => `${shape} ${n}`).join(', ')}`, '');
    const top = s.topRiskCategories();
    lines.push(`**Top risk categories:** ${top.length ? top.map(([c, n]) => `${md(c)} ${n}`).join(', ') : 'none'}`, '');
  }
  if (errors.length) {
    lines.push(`**Inputs that could not be read (${errors.length}):**`, '');
    for (const e of errors) lines.push(`- ${code(`${e.source}:${e.line}`)} ${md(e.message)}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function markdownFormatter(): Formatter {
  const summary = new BatchSummary();
  return {
    name: 'markdown',
    quotesTurns: true,
    start: (o) => `# Conversation report\n\nMade by ${o.tool.name} ${o.tool.version}. Scores are 0–100, higher is better handled; the summary is at the end.\n\n`,
    result(a, _o, t) {
      summary.add(a);
      return conversation(a, t);
    },
    error: () => '',
    end: (s) => summaryMarkdown(summary, s.errors),
  };
}
