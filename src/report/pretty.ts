// The terminal table: one row per conversation, its worst risk, and with --findings every finding.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Analysis, Finding } from '../model/types.js';
import type { Formatter, ReportOptions } from './types.js';
import { terminalSafe as safe } from './escape.js';

const COLUMNS: Array<[string, number, 'left' | 'right']> = [
  ['CONVERSATION', 28, 'left'],
  ['TURNS', 5, 'right'],
  ['ETC', 4, 'right'],
  ['E', 4, 'right'],
  ['T', 4, 'right'],
  ['C', 4, 'right'],
  ['SHAPE', 15, 'left'],
  ['RISKS', 5, 'right'],
  ['TOP RISK', 0, 'left'],
];

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 } as const;

function cell(text: string, width: number, align: 'left' | 'right'): string {
  if (width === 0) return text;
  const t = text.length > width ? text.slice(0, width - 1) + '…' : text;
  return align === 'left' ? t.padEnd(width) : t.padStart(width);
}

export function scoreColor(c: ChalkInstance, score: number): (s: string) => string {
  return score >= 70 ? c.green : score >= 50 ? c.yellow : c.red;
}

/** The risk a reader should see first: the most severe, then the earliest. */
export function topRisk(findings: readonly Finding[]): Finding | undefined {
  let top: Finding | undefined;
  for (const f of findings) {
    if (f.kind !== 'risk') continue;
    if (!top || SEVERITY_RANK[f.severity] > SEVERITY_RANK[top.severity]) top = f;
  }
  return top;
}

function findingLine(c: ChalkInstance, f: Finding): string {
  const mark = f.kind === 'risk' ? (f.severity === 'error' ? c.red('✖') : c.yellow('▲')) : c.green('✔');
  const where = c.dim(`turn ${String(f.turn).padStart(3)} ${f.role.padEnd(8)}`);
  return `    ${where} ${mark} ${c.bold(f.category.padEnd(20))} "${safe(f.text)}"  ${c.dim(f.message)}`;
}

export function prettyFormatter(): Formatter {
  let c: ChalkInstance = new Chalk({ level: 0 });
  const sums = { etc: 0, risks: 0, strengths: 0 };
  const row = (values: string[], o: ReportOptions, a?: Analysis) =>
    COLUMNS.map(([, width, align], i) => {
      const text = cell(values[i]!, width, align);
      if (!a || !o.color) return text;
      if (i >= 2 && i <= 5) {
        const score = [a.scores.etc, a.scores.emotion, a.scores.trust, a.scores.control][i - 2]!;
        return scoreColor(c, score)(text);
      }
      return text;
    }).join('  ');

  return {
    name: 'pretty',
    start(o) {
      c = new Chalk({ level: o.color ? 1 : 0 });
      return c.bold(row(COLUMNS.map(([h]) => h), o)) + '\n';
    },
    result(a, o) {
      sums.etc += a.scores.etc;
      sums.risks += a.counts.risks ?? 0;
      sums.strengths += a.counts.strengths ?? 0;
      const top = topRisk(a.findings);
      const values = [
        safe(a.id),
        String(a.counts.turns),
        String(a.scores.etc),
        String(a.scores.emotion),
        String(a.scores.trust),
        String(a.scores.control),
        a.emotion.shape,
        String(a.counts.risks ?? 0),
        top ? `${top.category}: "${safe(top.text)}" (turn ${top.turn})` : '—',
      ];
      let out = row(values, o, a) + '\n';
      if (o.findings) for (const f of a.findings) out += findingLine(c, f) + '\n';
      return out;
    },
    error(e) {
      return c.red(cell(safe(`✖ ${e.source}:${e.line}`), 28, 'left')) + '  ' + c.red(safe(e.message)) + '\n';
    },
    end(s) {
      const mean = s.results ? Math.round(sums.etc / s.results) : 0;
      const parts = [
        `${s.results} conversation${s.results === 1 ? '' : 's'} scored`,
        `mean ETC ${mean}`,
        `${sums.risks} risks, ${sums.strengths} strengths`,
      ];
      if (s.errors.length) parts.push(c.red(`${s.errors.length} input error${s.errors.length === 1 ? '' : 's'}`));
      return '\n' + parts.join(' · ') + '\n';
    },
  };
}
