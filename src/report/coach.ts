// The coach view: one conversation for a person to read, turn by turn, on a terminal.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Analysis, Finding, Transcript } from '../model/types.js';
import { agentOf, changesThatHelpMost, customerSignals, howToMeet, replyTo, whyItMatters, wentWell } from './advice.js';
import { isNegativeSignal } from '../score/signals.js';
import { lowMarkers, sparkline } from './curve.js';
import { clock, turnViews, type Piece } from './turns.js';
import { scoreColor } from './pretty.js';
import { forTerminal, visibleStrings } from './terminal.js';
import type { Formatter, ReportOptions } from './types.js';

const BAR_WIDTH = 20;

/** "████████░░░░" for 0–100. */
export function scoreBar(score: number, width = BAR_WIDTH): string {
  const full = Math.round((Math.max(0, Math.min(100, score)) / 100) * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

function findingMark(c: ChalkInstance, f: Finding): string {
  if (f.kind === 'signal') return c.cyan('◆');
  if (f.kind === 'strength') return c.green('✔');
  return f.severity === 'error' ? c.red('✖') : f.severity === 'warning' ? c.yellow('▲') : c.cyan('•');
}

/** Flagged words: coloured on a terminal, between «» markers in plain text. */
function highlight(c: ChalkInstance, color: boolean, p: Piece): string {
  const text = p.text;
  if (p.findings.length === 0) return text;
  if (!color) return `«${text}»`;
  if (p.findings.some((f) => f.kind === 'risk')) return c.bold.red.underline(text);
  return p.findings.some((f) => f.kind === 'strength') ? c.bold.green.underline(text) : c.bold.cyan.underline(text);
}

const indent = (text: string, by: string) => text.replace(/\n/g, '\n' + by);

function header(c: ChalkInstance, a: Analysis): string[] {
  const who = [
    agentOf(a) && `agent ${agentOf(a)}`,
    typeof a.meta.team === 'string' && `team ${a.meta.team}`,
    typeof a.meta.date === 'string' && a.meta.date,
    a.counts.durationSec !== undefined && `${clock(a.counts.durationSec)} long`,
    `${a.counts.turns} turns`,
  ]
    .filter(Boolean)
    .join(' · ');
  const lines = [c.bold(a.id) + c.dim(`  ${a.channel} · ${a.source}${who ? ' · ' + who : ''}`), ''];
  if (!a.scores) {
    // No bars at all: an empty or neutral bar would read as a score.
    lines.push(`  ${c.bold('Not scored')}: ${a.unscored ?? 'no agent turn'}. The scores judge the agent, and there is no agent's turn to judge.`);
    return lines;
  }
  const rows: Array<[string, number]> = [
    ['ETC', a.scores.etc],
    ['Emotion', a.scores.emotion],
    ['Trust', a.scores.trust],
    ['Control', a.scores.control],
  ];
  for (const [label, score] of rows) lines.push(`  ${label.padEnd(8)} ${String(score).padStart(3)}  ${scoreColor(c, score)(scoreBar(score))}`);
  return lines;
}

function curve(c: ChalkInstance, a: Analysis): string[] {
  const traj = a.emotion.trajectory;
  if (traj.length === 0) return [c.bold('Customer’s emotion'), '  (no customer turns)'];
  const e = a.emotion;
  return [
    c.bold('Customer’s emotion') + c.dim(`  ${e.shape}: start ${e.start.toFixed(2)}, lowest ${e.min.toFixed(2)}, end ${e.end.toFixed(2)}`),
    `  -1 ${sparkline(traj.map((p) => p.smoothed))} +1`,
    `     ${lowMarkers(traj)}`,
  ];
}

function findingBlock(c: ChalkInstance, f: Finding): string[] {
  const lines = [`      ${findingMark(c, f)} ${c.bold(f.category)} ${c.dim(`(${f.rule})`)} “${f.text}”`, `        ${f.message}`];
  if (f.kind === 'risk') {
    const why = whyItMatters(f);
    if (why) lines.push(c.dim(`        Why it matters: ${why.why}`), c.dim(`        Source: ${why.source}`));
    if (f.suggestion) lines.push(`        ${c.green('Better:')} “${f.suggestion}”`);
  } else if (f.kind === 'signal') {
    const meet = howToMeet(f);
    if (meet) lines.push(`        ${c.cyan('Meet it:')} “${meet}”`);
  }
  return lines;
}

/**
 * The coach view of one conversation. What it quotes (turns, ids, findings, a user's rule messages
 * and wordings) is made fit for a terminal here, once, on the whole text: it is read on terminals,
 * and through pipes (`| less -R`) and files that end on one.
 */
export function renderCoach(analysis: Analysis, transcript: Transcript | undefined, o: Pick<ReportOptions, 'color'>): string {
  // The turns are cut at the findings' spans in their text as it is; then all of it is shown by its
  // codes, before our colours are added (a terminal lets colours through, and only colours). Only a
  // turn's text keeps its line breaks: an id, a name or a finding's line never starts another line.
  const a = visibleStrings(analysis, { oneLine: true });
  const views = turnViews(analysis, transcript).map((v) => ({ ...visibleStrings(v, { oneLine: true }), pieces: v.pieces.map((p) => ({ ...p, text: forTerminal(p.text) })) }));
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const out: string[] = [...header(c, a), '', ...curve(c, a), '', c.bold(transcript ? 'The conversation' : 'Turns with findings')];
  for (const t of views) {
    const who = t.speaker && t.speaker.toLowerCase() !== t.role ? `${t.role} (${t.speaker})` : t.role;
    const when = t.start !== undefined ? c.dim(` ${clock(t.start)}`) : '';
    const body = t.pieces.map((p) => highlight(c, o.color, p)).join(transcript ? '' : ' … ');
    out.push(`  ${c.dim(`[${t.index}]`)}${when} ${c.bold(who)}: ${indent(body, '      ')}`);
    for (const f of t.findings) out.push(...findingBlock(c, f));
  }

  out.push('', c.bold('What went well'));
  const good = wentWell(a);
  if (good.length === 0) out.push('  (nothing the rules recognise as a strength)');
  for (const f of good) out.push(`  ${c.green('✔')} turn ${f.turn}: ${f.category} — “${f.text}”`);

  // The customer's signals are not the agent's mistakes: they are what the agent had to meet.
  out.push('', c.bold('What the customer showed (what to meet)'));
  const shown = customerSignals(a);
  if (shown.length === 0) out.push('  (no signals from the customer)');
  const unmet: Array<{ signal: Finding; turn: number }> = [];
  for (const f of shown) {
    out.push(`  ${findingMark(c, f)} turn ${f.turn}: ${f.category} — “${f.text}”${isNegativeSignal(f) ? c.dim(` — ${f.message}`) : ''}`);
    if (!transcript || !isNegativeSignal(f)) continue;
    const reply = replyTo(a, transcript, f);
    if (reply.metBy) out.push(`      ${c.green('met')} at turn ${reply.metBy.turn}: ${reply.metBy.category} — “${reply.metBy.text}”`);
    else if (reply.turn !== undefined) {
      out.push(`      ${c.yellow('not met')}: the reply at turn ${reply.turn} went on without answering it`);
      if (!unmet.some((u) => u.turn === reply.turn)) unmet.push({ signal: f, turn: reply.turn });
    }
  }

  out.push('', c.bold('Three changes that would have helped most'));
  const changes = changesThatHelpMost(a, 3);
  if (changes.length === 0 && unmet.length === 0) out.push('  (no risks found)');
  changes.forEach(({ finding: f, cost }, i) => {
    out.push(`  ${i + 1}. turn ${f.turn}: instead of “${f.text}” ${c.dim(`(${f.category}, cost ${cost} ETC points)`)}`);
    out.push(f.suggestion ? `     say: “${f.suggestion}”` : `     ${f.message}`);
  });
  // A reply that left the customer's trouble unanswered is a change too, where risks leave room.
  unmet.slice(0, 3 - changes.length).forEach(({ signal: f, turn }, i) => {
    out.push(`  ${changes.length + i + 1}. turn ${turn}: meet “${f.text}” (turn ${f.turn}) before the process`);
    const meet = howToMeet(f);
    if (meet) out.push(`     say first: “${meet}”`);
  });
  return forTerminal(out.join('\n') + '\n', { colour: o.color });
}

/** The coach view as a named formatter: conversations one after another, separated by a rule. */
export function coachFormatter(): Formatter {
  let count = 0;
  return {
    name: 'coach',
    colours: true,
    quotesTurns: true,
    start: () => '',
    result: (a, o, t) => (count++ ? '\n' + '─'.repeat(60) + '\n\n' : '') + renderCoach(a, t, o),
    error: (e) => forTerminal(`✖ ${e.source}:${e.line}: ${e.message}`) + '\n',
    end: () => '',
  };
}
