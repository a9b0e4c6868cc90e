// Within one conversation: which promise a later "I've sent it" keeps or a "nobody called" breaks.
// The rules find each side on its own; this pass pairs them by the action they speak of and sets
// the promise's status, so `trust.commitments` says what became of each one.
import type { Finding, Turn } from '../model/types.js';
import { actionStems } from './context.js';

export type CommitmentStatus = 'open' | 'kept' | 'broken';

/** What a commitment finding promised, in words that can be compared with a later turn. */
export function promised(f: Finding): string {
  return `${String(f.data?.action ?? '')} ${f.text}`;
}

/**
 * The stems of the words a kept or broken finding speaks of: its action and its whole turn ("you
 * said you'd call, nobody did"). Taken apart: the turn's own are taken once, however many findings
 * it has (a copy of a long turn per finding, tokenised afresh, cost its length squared). Together
 * when an action ending in a number could run into the turn ("by 3" and "pm…" make a time).
 */
function outcomeStems(f: Finding, turn: Turn | undefined): Array<ReadonlySet<string>> {
  const action = String(f.data?.action ?? '');
  const text = turn?.text ?? f.text;
  return /\d$/.test(action) ? [actionStems(`${action} ${text}`)] : [actionStems(action), actionStems(text)];
}

/**
 * Marks each commitment kept or broken by the nearest later finding that speaks of the same
 * action; the outcome finding records which turn's promise it settled. Returns `findings`.
 */
export function linkCommitments(findings: Finding[], turns: readonly Turn[]): Finding[] {
  // Open commitments with the stems of what they promised, taken once rather than per outcome.
  const open: Array<{ c: Finding; stems: ReadonlySet<string> }> = [];
  let byIndex: ((index: number) => Turn | undefined) | undefined; // the first turn with each index
  for (const f of findings) {
    if (f.category === 'commitment') {
      f.data = { ...f.data, status: 'open' satisfies CommitmentStatus };
      open.push({ c: f, stems: actionStems(promised(f)) });
      continue;
    }
    if (f.category !== 'commitment-kept' && f.category !== 'commitment-broken') continue;
    byIndex ??= turnByIndex(turns);
    const words = outcomeStems(f, byIndex(f.turn));
    for (let i = open.length - 1; i >= 0; i--) {
      const { c, stems } = open[i]!;
      if (c.turn >= f.turn || !words.some((w) => intersects(stems, w))) continue;
      c.data = { ...c.data, status: (f.category === 'commitment-kept' ? 'kept' : 'broken') satisfies CommitmentStatus };
      f.data = { ...f.data, commitment: { turn: c.turn, action: c.data.action, text: c.text } };
      open.splice(i, 1);
      break;
    }
  }
  return findings;
}

/** The first turn with each index: in a canonical transcript the turn at that position, no map needed. */
function turnByIndex(turns: readonly Turn[]): (index: number) => Turn | undefined {
  let canonical = true;
  for (let i = 0; i < turns.length && canonical; i++) canonical = turns[i]!.index === i;
  if (canonical) return (index) => turns[index];
  const map = new Map<number, Turn>();
  for (const t of turns) if (!map.has(t.index)) map.set(t.index, t);
  return (index) => map.get(index);
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const s of b) if (a.has(s)) return true;
  return false;
}
