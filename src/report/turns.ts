// The conversation as a reader sees it: each turn's text cut into pieces at the findings' spans,
// so every format (coach, markdown, html) highlights exactly the same characters.
import type { Analysis, Finding, Role, Transcript } from '../model/types.js';

export interface Piece {
  text: string;
  /** The findings whose span covers this piece; empty for plain text. */
  findings: Finding[];
}

export interface TurnView {
  index: number;
  role: Role;
  speaker: string;
  start?: number;
  pieces: Piece[];
  findings: Finding[];
}

/** Cuts `text` at every span boundary; overlapping findings share the pieces they both cover. */
export function piecesOf(text: string, findings: readonly Finding[]): Piece[] {
  const cuts = new Set<number>([0, text.length]);
  for (const f of findings) {
    cuts.add(Math.max(0, Math.min(text.length, f.span[0])));
    cuts.add(Math.max(0, Math.min(text.length, f.span[1])));
  }
  const at = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i < at.length - 1; i++) {
    const [s, e] = [at[i]!, at[i + 1]!];
    if (s === e) continue;
    pieces.push({ text: text.slice(s, e), findings: findings.filter((f) => f.span[0] <= s && e <= f.span[1]) });
  }
  return pieces;
}

function findingsByTurn(a: Analysis): Map<number, Finding[]> {
  const by = new Map<number, Finding[]>();
  for (const f of a.findings) {
    const list = by.get(f.turn) ?? [];
    list.push(f);
    by.set(f.turn, list);
  }
  return by;
}

/**
 * Every turn with its findings when the transcript is at hand; without it (an analysis read back
 * from JSON) only the turns that have findings, each showing just the flagged words.
 */
export function turnViews(a: Analysis, transcript?: Transcript): TurnView[] {
  const by = findingsByTurn(a);
  if (transcript) {
    return transcript.turns.map((t) => {
      const findings = by.get(t.index) ?? [];
      const view: TurnView = { index: t.index, role: t.role, speaker: t.speaker, pieces: piecesOf(t.text, findings), findings };
      if (t.start !== undefined) view.start = t.start;
      return view;
    });
  }
  return [...by.entries()]
    .sort(([x], [y]) => x - y)
    .map(([index, findings]) => ({
      index,
      role: findings[0]!.role,
      speaker: '',
      pieces: findings.map((f) => ({ text: f.text, findings: [f] })),
      findings,
    }));
}

/** "00:01:23" for a time in seconds. */
export function clock(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}
