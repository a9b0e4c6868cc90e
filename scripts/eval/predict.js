// What the rule catalogue finds on one labelled utterance, judged in the turns said before it.
import { builtinRuleSet } from '../../dist/rules/index.js';
import { textFeatures } from '../../dist/nlp/features.js';

const other = (role) => (role === 'agent' ? 'customer' : 'agent');

/**
 * What the other side is taken to have said when a row has no context: the opening the team's
 * before-stop check gives such rows, so that both measure the same conversations.
 */
const OPENING = { agent: 'Hi, I need some help with my order.', customer: 'Thanks for contacting us, how can I help?' };

/** The 2-turn (or longer, when given) conversation an utterance is judged in. */
function conversation(item) {
  const before =
    item.context === undefined || item.context === null || item.context === ''
      ? [{ role: other(item.role), text: OPENING[item.role] }]
      : typeof item.context === 'string'
        ? [{ role: other(item.role), text: item.context }]
        : (Array.isArray(item.context) ? item.context : [item.context]).map((t) =>
            typeof t === 'string' ? { role: other(item.role), text: t } : { role: t.role, text: t.text },
          );
  const turns = [...before, { role: item.role, text: item.text }].map((t, index) => ({ index, role: t.role, speaker: t.role, text: t.text }));
  return { id: String(item.id), source: 'eval', channel: 'chat', turns, meta: {} };
}

/** The categories the catalogue finds on the utterance's own turn. */
export function predict(item, rules = builtinRuleSet()) {
  const t = conversation(item);
  const last = t.turns.length - 1;
  const found = rules.run(t, t.turns.map((turn) => ({ turn, features: textFeatures(turn.text) })));
  return new Set(found.filter((f) => f.turn === last).map((f) => f.category));
}

