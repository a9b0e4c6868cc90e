// Promises reported as broken or as kept, by either side: "you said you'd call, nobody did"
// (customer), "I can see the callback was booked but never made" (agent). The code of the
// conditions named in conditions.ts, moved here from the rules' checks unchanged.
import type { RuleMatch } from '../types.js';
import { matched, plain, sentenceAfter, turnAfter, turnBefore } from '../context.js';

/** What makes a reported promise a broken one. */
export const BROKEN =
  /\b(nobody|no one|noone|never|didn't|didnt|did not|hasn't|hasnt|has not|haven't|havent|have not|wasn't|wasnt|was not|weren't|still (not|no|waiting|nothing)|nothing|no (call|email|refund|reply|one|sign)|not (once|a word|received))\b/;

/** A report of a promise ("you said you'd call") is a broken one only beside "nobody/never/didn't/…ago". */
export function promiseNotKept(m: RuleMatch): boolean {
  // "…didn't come, but it's arrived now": put right already.
  if (/\bbut\b.*\b(now|arrived|came|sorted|fixed|turned up|got it)\b/.test(sentenceAfter(m))) return false;
  // An agent reporting a delay ("your parcel hasn't arrived") is not reporting a broken promise.
  if (m.turn.role === 'agent' && !/^(nobody|no one)/.test(matched(m)) && !/\b(promis\w*|booked|arranged|agreed|said|told|meant|supposed|due|scheduled)\b/.test(plain(m.turn.text))) return false;
  if (BROKEN.test(matched(m))) return true;
  // A promise made over and over ("I've been promised a callback three times now") was broken each time.
  if (m.turn.role === 'customer' && /\b(promised|told)\b/.test(matched(m)) && /\b(twice|three times|four times|several times|so many times|\d+ times|again and again)\b/.test(sentenceAfter(m))) return true;
  if (!BROKEN.test(`${turnBefore(m)} ${turnAfter(m)}`) && !/\b(days|weeks|hours|months) ago\b/.test(turnAfter(m))) return false;
  return true;
}

/**
 * "I got the email but it's wrong", "it came broken": delivered, but not what was promised. ("I
 * didn't expect you to" is pleasant surprise, not a failure.)
 */
export function notAsPromised(m: RuleMatch): boolean {
  const turn = plain(m.turn.text).replace(/\b(didn't|did not|never|wouldn't have) (expect|expected|thought|think|believe|believed)\b[^.?!]*/g, ' ');
  return BROKEN.test(turn) || /\b(but|broken|wrong|damaged|late)\b/.test(sentenceAfter(m));
}
