// What a trust phrase does in its sentence: a task taken on only as the purpose of a request, a
// follow-up that is a place name or a thank-you, a step with no sequence around it. The code of the
// conditions named in conditions.ts, moved here from the trust rules' checks unchanged.
import type { RuleMatch } from '../types.js';
import { isQuestion, matched, plain, sentenceAfter, turnAfter, turnBefore } from '../context.js';

/** The sentence before the match, as plain text. */
const lead = (m: RuleMatch) => plain(m.turn.text.slice(m.sentence[0], m.span[0]));

/** "DM us so I can look into it" asks the customer to act; the looking is only its purpose. */
export const purposeClause = (m: RuleMatch): boolean =>
  /^(i|let)\b/.test(matched(m)) && /\b(so|so that|in order to|for me to|if|once|when|then)\s*(i|we)?\s*(can|could|may)?\s*$/.test(lead(m));

/**
 * "DM us and we'll be in touch", "Send us a note and our team will follow up", "…in DM. We'll
 * continue from there": what happens once the customer writes in, said as part of the redirect.
 * The customer has to act first; nothing is yet owed to them.
 */
export const afterTheCustomerWrites = (m: RuleMatch): boolean =>
  /^\W*(?:(?:please|kindly|just|simply),? )?(?:dm|send|contact|message|reach out|meet|let us know|fill|submit|follow|get in touch|drop|shoot|email|tweet|reply)\b.*\band\s*$/.test(lead(m)) ||
  (/^(?:we'll|we will|i'll|i will) continue\b/.test(matched(m)) && /^\s*(?:from )?(?:there|in dm|over dm|via dm)\b/.test(sentenceAfter(m)));

/** "the check-in desk" is a place, not checking in with the customer. */
export const checkInPlace = (m: RuleMatch): boolean => /check-in/i.test(m.turn.text.slice(m.span[0], m.span[1]));

/** "as requested earlier", "as mentioned before": the defensive repeat, not a return to an open matter. */
export const defensiveRepeat = (m: RuleMatch): boolean =>
  /\b(as|like)\s*$/.test(lead(m)) && /^(provided|sent|posted|given|shared|mentioned|referred|requested|suggested|offered|previously|earlier|already)\b/.test(matched(m));

/** "Thanks for checking in" thanks the customer; it is not the agent coming back. */
export const thanksForIt = (m: RuleMatch): boolean => /\bfor\s*$/.test(lead(m));

/** A bare "I said I would." answers thanks for a promise kept; it does not come back about anything. */
export const answersThanks = (m: RuleMatch): boolean => /^(i|we) (said|promised) (i|we|i'd|we'd) would$/.test(matched(m)) && /^\W*$/.test(sentenceAfter(m));

/**
 * A step only counts as "next" when there is a sequence: "then …" with nothing said before it, or
 * "and then …" that follows no instruction or condition.
 */
export function noStepBefore(m: RuleMatch): boolean {
  const words = matched(m);
  if (/^(then|after that|afterwards)\b/.test(words) && !/\b(will|'ll|first|once|going to|you|we)\b/.test(turnBefore(m))) return true;
  // "…, then upload them", "…, and they'll print the card": a step after an instruction or a condition.
  return /^(then|and then|and)\b/.test(words) && !/^(bring|keep|put|pop|send|take|upload|call|ring|quote|restart|reset|unplug|plug|fill|sign|return|post|drop|log|open|go|click|tap|wait|check|once|when|if|after|as soon as|first)\b/.test(lead(m).trim());
}

/** "first …" with nothing after it, or "once …" with no consequence ("once …, you'll …"). */
export function noStepAfter(m: RuleMatch): boolean {
  const words = matched(m);
  if (/^(first|firstly|step one|to start)\b/.test(words) && !/\b(then|after that|next|once|and)\b/.test(turnAfter(m))) return true;
  // "once … , you'll …" or "once … , pop it in and you're done": a step, then what follows it.
  return /^(once|as soon as|when|after)\b/.test(words) && !/\b(will|'ll|then|you're done|you can|you need|just|and)\b|^[^,]*,\s*\w+/.test(`${words} ${sentenceAfter(m)}`);
}

/** "First, are you safe?" asks; it does not lay out a step. */
export const firstAsks = (m: RuleMatch): boolean => /^(first|firstly|step one|to start)\b/.test(matched(m)) && /\?\s*$/.test(m.turn.text.slice(m.sentence[0], m.sentence[1]));

/** "once it was sent": a condition in the past is history, not a next step. */
export const onceInThePast = (m: RuleMatch): boolean => /^(once|as soon as|when|after)\b/.test(matched(m)) && /\b(was|were|did|had)\b/.test(matched(m));

// ---- a check-back needs something to check back on ----------------------------------------------

/**
 * "Are you still having the issue?" asked in the speaker's first turn, straight after the other
 * side's: a question about the problem just reported, not a return to an earlier one.
 */
export function askedInFirstReply(m: RuleMatch): boolean {
  if (!isQuestion(m.features, m.tokens[0])) return false;
  const at = m.turns.indexOf(m.turn);
  if (at < 1 || m.turns[at - 1]!.role === m.turn.role) return false;
  for (let i = 0; i < at; i++) if (m.turns[i]!.role === m.turn.role) return false;
  return true;
}
