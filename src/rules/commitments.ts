// Within one conversation: which promise a later "I've sent it" keeps or a "nobody called" breaks.
// The rules find each side on its own; this pass pairs them by the action they speak of and sets
// the promise's status, so `trust.commitments` says what became of each one.
import type { Finding, Turn } from '../model/types.js';
import { sharesAction } from './context.js';

export type CommitmentStatus = 'open' | 'kept' | 'broken';

/** What a commitment finding promised, in words that can be compared with a later turn. */
export function promised(f: Finding): string {
  return `${String(f.data?.action ?? '')} ${f.text}`;
}

/** The words a kept or broken finding speaks of: its whole turn ("you said you'd call, nobody did"). */
function outcomeWords(f: Finding, turns: readonly Turn[]): string {
  const turn = turns.find((t) => t.index === f.turn);
  return `${String(f.data?.action ?? '')} ${turn?.text ?? f.text}`;
}

/**
 * Marks each commitment kept or broken by the nearest later finding that speaks of the same
 * action; the outcome finding records which turn's promise it settled. Returns `findings`.
 */
export function linkCommitments(findings: Finding[], turns: readonly Turn[]): Finding[] {
  const open: Finding[] = [];
  for (const f of findings) {
    if (f.category === 'commitment') {
      f.data = { ...f.data, status: 'open' satisfies CommitmentStatus };
      open.push(f);
      continue;
    }
    if (f.category !== 'commitment-kept' && f.category !== 'commitment-broken') continue;
    const words = outcomeWords(f, turns);
    for (let i = open.length - 1; i >= 0; i--) {
      const c = open[i]!;
      if (c.turn >= f.turn || !sharesAction(promised(c), words)) continue;
      c.data = { ...c.data, status: (f.category === 'commitment-kept' ? 'kept' : 'broken') satisfies CommitmentStatus };
      f.data = { ...f.data, commitment: { turn: c.turn, action: c.data.action, text: c.text } };
      open.splice(i, 1);
      break;
    }
  }
  return findings;
}
