// What an apology or an acknowledgement does, beyond its words: is it for the agent's own slip, is
// it hedged into a non-apology, does the agent act after it. The code of the conditions named in
// conditions.ts, moved here from the emotion rules' checks unchanged; the words they look for are
// phrase sets (src/rules/data/phrases/emotion.yaml).
import type { TextFeatures } from '../../nlp/features.js';
import type { RuleMatch } from '../types.js';
import { sentenceTokens, sentenceTokensAfter, tokensAfter } from '../context.js';
import { phrases } from '../rule-patterns.js';

const ACTING = phrases('acting');
const OWNS_FAILURE = phrases('owns-failure');
const OWN_SLIP = phrases('own-slip');
const HEDGED = phrases('hedged');
const MANNERS = phrases('manners');
const NOT_SORRY = phrases('not-sorry');

/** An apology for the agent's own slip or late reply, or for the line or asking again. */
export function ownSlip(m: RuleMatch): boolean {
  return OWN_SLIP.in(m.features, ...sentenceTokensAfter(m), 'word') || MANNERS.in(m.features, ...sentenceTokens(m.features, m.tokens[0]));
}

/** An apology hedged into a non-apology by what follows it ("for any inconvenience", "if you felt"). */
export function hedged(m: RuleMatch): boolean {
  return HEDGED.in(m.features, ...sentenceTokensAfter(m), 'word');
}

/** The sentence says "not sorry". */
export function notSorry(m: RuleMatch): boolean {
  return NOT_SORRY.in(m.features, ...sentenceTokens(m.features, m.tokens[0]));
}

/** The rest of the turn acts on the problem or owns the failure ("let me fix it", "that shouldn't have happened"). */
export function actsOrOwns(m: RuleMatch): boolean {
  return ACTING.in(m.features, ...tokensAfter(m)) || OWNS_FAILURE.in(m.features, ...tokensAfter(m));
}

const SEE_WHY = phrases('see-why');
const YOU = phrases('you');

/** Nothing follows in tokens [from, to) but at most one ".", "!" or ",". */
function nothingFollows(f: TextFeatures, from: number, to: number): boolean {
  return to === from || (to === from + 1 && ['.', '!', ','].includes(f.tokens.text(from)));
}

/** "I can see why the payment failed": an "I see / understand / get why" whose sentence leaves the customer out. */
export function whyLeavesCustomerOut(m: RuleMatch): boolean {
  const f = m.features;
  const after = sentenceTokensAfter(m);
  return SEE_WHY.in(f, ...m.tokens, 'whole') && !YOU.in(f, ...after) && !nothingFollows(f, ...after);
}

const HARD_WORD = phrases('hard-word');
const TO = phrases('to');

/** "It's very difficult to stop spam once it starts": the match ends on how hard a task is, and the task follows. */
export function hardToDo(m: RuleMatch): boolean {
  const f = m.features;
  const [, end] = m.tokens;
  return HARD_WORD.in(f, end - 1, end, 'whole') && TO.in(f, end, end + 1, 'whole');
}

const NAMES_A_PROBLEM = phrases('names-a-problem');

/** Whether the word before token `noun` is a possessive ("the courier's problem", "the couriers' problem"). */
function possessiveBefore(f: TextFeatures, noun: number): boolean {
  const before = f.tokens.norm(noun - 1);
  if (f.tokens.isWord(noun - 1)) return before.endsWith("'s");
  return before === "'" && noun >= 2 && f.tokens.norm(noun - 2).endsWith('s');
}

/**
 * "That's the delivery issue": a problem named without putting it on anyone (no "your", no
 * "the courier's"), which describes the fault rather than assigning it.
 */
export function namesAProblem(m: RuleMatch): boolean {
  const f = m.features;
  return NAMES_A_PROBLEM.in(f, ...m.tokens, (start, end) => start === m.tokens[0] && !possessiveBefore(f, end - 1));
}

const RECALLS_OWN_PROMISE = phrases('recalls-own-promise');

/** "As I said I would", "like I said, I'll call you": the rest of the sentence recalls the agent's own promise. */
export function recallsOwnPromise(m: RuleMatch): boolean {
  return RECALLS_OWN_PROMISE.in(m.features, ...sentenceTokensAfter(m));
}
