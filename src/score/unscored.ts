// Which conversations cannot be judged. The scores judge the agent: without an agent's turn there
// is nothing to judge, and a number there (a neutral 50) would read as an average conversation.
import type { Transcript } from '../model/types.js';

/** Why the transcript cannot be scored, or undefined when it can. */
export function unscoredReason(t: Pick<Transcript, 'turns'>): string | undefined {
  if (t.turns.length === 0) return 'no turns';
  let known = false;
  for (const turn of t.turns) {
    if (turn.role === 'agent') return undefined;
    if (turn.role !== 'unknown') known = true;
  }
  return known ? 'no agent turn' : 'no roles found';
}
