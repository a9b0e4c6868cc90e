// What a trust phrase does in its sentence: a task taken on only as the purpose of a request, a
// follow-up that is a place name or a thank-you, a step with no sequence around it. The code of the
// conditions named in conditions.ts, moved here from the trust rules' checks unchanged; the words
// they look for are phrase sets (src/rules/data/phrases/trust.yaml).
import type { TextFeatures } from '../../nlp/features.js';
import type { RuleMatch } from '../types.js';
import { featuresOf } from '../../nlp/features.js';
import { turnSentiment } from '../../nlp/sentiment.js';
import { isQuestion, noWordsIn, sentenceTokens, sentenceTokensAfter, sentenceTokensBefore, tokensAfter, tokensBefore } from '../context.js';
import { phrases } from '../rule-patterns.js';

const AGENT_ACTS = phrases('agent-acts');
const PURPOSE = phrases('purpose');

/** "DM us so I can look into it" asks the customer to act; the looking is only its purpose. */
export const purposeClause = (m: RuleMatch): boolean => AGENT_ACTS.in(m.features, ...m.tokens, 'start') && PURPOSE.in(m.features, ...sentenceTokensBefore(m), 'end');

const WRITES_IN = phrases('writes-in');
const AND = phrases('and');
const CONTINUE = phrases('we-continue');
const THERE = phrases('there-in-dm');

/**
 * "DM us and we'll be in touch", "Send us a note and our team will follow up", "…in DM. We'll
 * continue from there": what happens once the customer writes in, said as part of the redirect.
 * The customer has to act first; nothing is yet owed to them.
 */
export const afterTheCustomerWrites = (m: RuleMatch): boolean => {
  const f = m.features;
  const before = sentenceTokensBefore(m);
  // The sentence opens by asking the customer to write in, and the match follows its "and".
  if (WRITES_IN.in(f, ...before, 'word') && AND.in(f, ...before, 'end')) return true;
  return CONTINUE.in(f, ...m.tokens, 'start') && THERE.in(f, ...sentenceTokensAfter(m), 'start');
};

/** "the check-in desk" is a place, not checking in with the customer (the hyphen, which matching skips, tells them apart). */
export const checkInPlace = (m: RuleMatch): boolean => m.turn.text.slice(m.span[0], m.span[1]).toLowerCase().includes('check-in');

const AS_OR_LIKE = phrases('as-or-like');
const DONE_BEFORE = phrases('done-before');

/** "as requested earlier", "as mentioned before": the defensive repeat, not a return to an open matter. */
export const defensiveRepeat = (m: RuleMatch): boolean => AS_OR_LIKE.in(m.features, ...sentenceTokensBefore(m), 'end') && DONE_BEFORE.in(m.features, ...m.tokens, 'start');

const FOR = phrases('for');

/** "Thanks for checking in" thanks the customer; it is not the agent coming back. */
export const thanksForIt = (m: RuleMatch): boolean => FOR.in(m.features, ...sentenceTokensBefore(m), 'end');

const SAID_I_WOULD = phrases('said-i-would');

/** A bare "I said I would." answers thanks for a promise kept; it does not come back about anything. */
export const answersThanks = (m: RuleMatch): boolean => SAID_I_WOULD.in(m.features, ...m.tokens, 'whole') && noWordsIn(m.features, ...sentenceTokensAfter(m));

/** A word ending in "'ll" ("I'll", "it'll") in tokens [from, to). */
function sayWill(f: TextFeatures, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (f.tokens.norm(k).endsWith("'ll")) return true;
  return false;
}

const THEN = phrases('then');
const SEQUENCE_BEFORE = phrases('sequence-before');
const AND_THEN = phrases('and-then');
const INSTRUCTION = phrases('instruction');

/**
 * A step only counts as "next" when there is a sequence: "then …" with nothing said before it, or
 * "and then …" that follows no instruction or condition.
 */
export function noStepBefore(m: RuleMatch): boolean {
  const f = m.features;
  if (THEN.in(f, ...m.tokens, 'start') && !SEQUENCE_BEFORE.in(f, ...tokensBefore(m)) && !sayWill(f, ...tokensBefore(m))) return true;
  // "…, then upload them", "…, and they'll print the card": a step after an instruction or a condition.
  return AND_THEN.in(f, ...m.tokens, 'start') && !INSTRUCTION.in(f, ...sentenceTokensBefore(m), 'start');
}

const FIRST = phrases('first');
const SEQUENCE_AFTER = phrases('sequence-after');
const ONCE = phrases('once');
const CONSEQUENCE = phrases('consequence');

/** Whether the first comma in tokens [from, to) is followed by a word ("once it's in, pop it…"). */
function commaThenWord(f: TextFeatures, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (f.tokens.text(k) === ',') return k + 1 < to && !noWordsIn(f, k + 1, k + 2);
  return false;
}

/** "first …" with nothing after it, or "once …" with no consequence ("once …, you'll …"). */
export function noStepAfter(m: RuleMatch): boolean {
  const f = m.features;
  if (FIRST.in(f, ...m.tokens, 'start') && !SEQUENCE_AFTER.in(f, ...tokensAfter(m))) return true;
  // "once … , you'll …" or "once … , pop it in and you're done": a step, then what follows it.
  const [from, to] = [m.tokens[0], sentenceTokens(f, m.tokens[0])[1]];
  return ONCE.in(f, ...m.tokens, 'start') && !CONSEQUENCE.in(f, from, to) && !sayWill(f, from, to) && !commaThenWord(f, from, to);
}

/** "First, are you safe?" asks; it does not lay out a step. */
export const firstAsks = (m: RuleMatch): boolean => FIRST.in(m.features, ...m.tokens, 'start') && m.turn.text.slice(m.sentence[0], m.sentence[1]).trimEnd().endsWith('?');

const PAST = phrases('past');

/** "once it was sent": a condition in the past is history, not a next step. */
export const onceInThePast = (m: RuleMatch): boolean => ONCE.in(m.features, ...m.tokens, 'start') && PAST.in(m.features, ...m.tokens);

// ---- a check-back needs something to check back on ----------------------------------------------

/**
 * "Are you still having the issue?" asked in the speaker's first turn, straight after the other
 * side's report of a problem: a question about what was just reported, not a return to an earlier
 * one. (After a turn that reports nothing, "Hi, I need some help", it checks back.)
 */
export function askedInFirstReply(m: RuleMatch): boolean {
  if (!isQuestion(m.features, m.tokens[0])) return false;
  const at = m.turns.indexOf(m.turn);
  const before = m.turns[at - 1];
  if (at < 1 || before!.role === m.turn.role) return false;
  for (let i = 0; i < at; i++) if (m.turns[i]!.role === m.turn.role) return false;
  return turnSentiment(featuresOf(before!.text)).label === 'negative';
}
