// A rule's examples run as tests: the build checks the built-in rules' (hygiene.ts) and the config
// reader a user's (src/cli/config/validate.ts) with this one function, so an example means the same
// in both. A module of its own: the config reader must not load the YAML reader hygiene needs.
import type { Transcript, Turn } from '../model/types.js';
import { textFeatures } from '../nlp/features.js';
import type { RuleSet } from './engine.js';
import { exampleText, type Example } from './types.js';

/** Findings of `rules` on an example's last turn, said by `speaker` after the example's context. */
export function findingsOn(rules: RuleSet, ruleId: string, speaker: 'agent' | 'customer', example: Example) {
  const context = typeof example === 'string' ? [] : example.context;
  const turns: Turn[] = [...context, { role: speaker, text: exampleText(example) }].map((t, index) => ({ index, speaker: t.role, ...t }));
  const transcript: Transcript = { id: 'example', source: 'example', channel: 'call', turns, meta: {} };
  const last = turns.length - 1;
  return rules.run(transcript, turns.map((turn) => ({ turn, features: textFeatures(turn.text) }))).filter((f) => f.rule === ruleId && f.turn === last);
}
