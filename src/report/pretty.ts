// The terminal table: one row per conversation, its worst risk, and with --findings every finding.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Analysis, Finding, Scores } from '../model/types.js';
import type { Formatter, ReportOptions } from './types.js';
import { terminalSafe } from './escape.js';

/** A value shown in a cell or a line of the table: by its codes, line breaks and tabs too. */
const safe = (text: string) => terminalSafe(text, { oneLine: true });

const ID_WIDTH = 28;
const COLUMNS: Array<[string, number, 'left' | 'right']> = [
  ['CONVERSATION', ID_WIDTH, 'left'],
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

/** ✖ ▲ an agent's risk, ✔ an agent's strength, ◆ what the customer showed. */
export function findingMark(c: ChalkInstance, f: Finding): string {
  if (f.kind === 'signal') return c.cyan('◆');
  return f.kind === 'risk' ? (f.severity === 'error' ? c.red('✖') : c.yellow('▲')) : c.green('✔');
}

function findingLine(c: ChalkInstance, f: Finding): string {
  const mark = findingMark(c, f);
  // The input shown by its codes before our colours are added: a terminal lets only colours through.
  const where = c.dim(`turn ${String(f.turn).padStart(3)} ${safe(f.role).padEnd(8)}`);
  return `    ${where} ${mark} ${c.bold(safe(f.category).padEnd(20))} "${safe(f.text)}"  ${c.dim(safe(f.message))}`;
}

export function prettyFormatter(): Formatter {
  let c: ChalkInstance = new Chalk({ level: 0 });
  const sums = { scored: 0, etc: 0, risks: 0, strengths: 0, signals: 0 };
  const row = (values: string[], o: ReportOptions, a?: Analysis) =>
    COLUMNS.map(([, width, align], i) => {
      const text = cell(values[i]!, width, align);
      if (!a?.scores || !o.color) return text;
      if (i >= 2 && i <= 5) {
        const score = [a.scores.etc, a.scores.emotion, a.scores.trust, a.scores.control][i - 2]!;
        return scoreColor(c, score)(text);
      }
      return text;
    }).join('  ');

  return {
    name: 'pretty',
    colours: true,
    start(o) {
      c = new Chalk({ level: o.color ? 1 : 0 });
      return c.bold(row(COLUMNS.map(([h]) => h), o)) + '\n';
    },
    result(a, o) {
      if (a.scores) {
        sums.scored++;
        sums.etc += a.scores.etc;
      }
      sums.risks += a.counts.risks ?? 0;
      sums.strengths += a.counts.strengths ?? 0;
      sums.signals += a.counts.signals ?? 0;
      const top = topRisk(a.findings);
      const score = (k: keyof Scores) => (a.scores ? String(a.scores[k]) : '—');
      // An id is what a reader copies into `coach --id` or a search: never cut. One too long for
      // its column gets a line of its own above the row, so the columns stay aligned.
      const id = safe(a.id); // shown as it will be (forPeople), so that its width is counted right
      const long = id.length > ID_WIDTH;
      const values = [
        long ? '' : id,
        String(a.counts.turns),
        score('etc'),
        score('emotion'),
        score('trust'),
        score('control'),
        safe(a.emotion.shape),
        String(a.counts.risks ?? 0),
        safe(a.scores ? (top ? `${top.category}: "${top.text}" (turn ${top.turn})` : '—') : `not scored: ${a.unscored ?? 'no agent turn'}`),
      ];
      let out = (long ? id + '\n' : '') + row(values, o, a) + '\n';
      if (o.findings) for (const f of a.findings) out += findingLine(c, f) + '\n';
      return out;
    },
    error(e) {
      return c.red(safe(`✖ ${e.source}:${e.line}`).padEnd(ID_WIDTH)) + '  ' + c.red(safe(e.message)) + '\n';
    },
    end(s) {
      const errors = s.errors.length ? c.red(`${s.errors.length} input error${s.errors.length === 1 ? '' : 's'}`) : '';
      // An empty run is not a batch that scored 0 on average: say plainly that nothing was scored.
      if (s.results === 0) return `\nnothing was scored${errors ? ` · ${errors}` : ''}\n`;
      const unscored = s.results - sums.scored;
      // A mean over no scores would read as a batch that scored 0: say there is none instead.
      const parts = [
        `${sums.scored} conversation${sums.scored === 1 ? '' : 's'} scored`,
        ...(unscored ? [`${unscored} not scored`] : []),
        sums.scored ? `mean ETC ${Math.round(sums.etc / sums.scored)}` : 'no mean ETC',
        `${sums.risks} risks, ${sums.strengths} strengths, ${sums.signals} customer signals`,
      ];
      if (errors) parts.push(errors);
      return '\n' + parts.join(' · ') + '\n';
    },
  };
}
