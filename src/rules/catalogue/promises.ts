// Promises reported as broken, by either side: "you said you'd call, nobody did" (customer),
// "I can see the callback was booked but never made" (agent). Shared by both rules.
import type { RuleMatch } from '../types.js';
import { matched, plain, sentenceAfter, turnAfter, turnBefore } from '../context.js';

/** What makes a reported promise a broken one. */
export const BROKEN =
  /\b(nobody|no one|noone|never|didn't|didnt|did not|hasn't|hasnt|has not|haven't|havent|have not|wasn't|wasnt|was not|weren't|still (not|no|waiting|nothing)|nothing|no (call|email|refund|reply|one|sign)|not (once|a word|received))\b/;

/** Ways of reporting a promise: "you said you'd…", "I was promised…", "nobody called". */
export const BROKEN_PROMISE_PATTERNS = [
  `(you|you guys|someone|somebody|they|your colleague|the agent|the last person|he|she|the engineer|the manager|your company|the shop|the website|my colleague|we|the team) (said|told me|told us|told you|promised|assured me|swore|agreed)`,
  `(i|we|you|i've|we've|you've) (was|were|have been|been|had been) (told|promised|assured|supposed to get|meant to get|meant to receive|supposed to receive|supposed to hear)`,
  `(was|were) (meant|supposed|due|booked|scheduled|arranged|promised) (to|for)`,
  `(nobody|no one|noone|nobody ever|no one ever) (called|rang|phoned|came|turned up|showed up|got back|contacted|emailed|replied|responded|bothered)`,
  `(never|still haven't|still have not|still not|still no|haven't|have not|didn't|did not|never ever|still hasn't|still hasnt|hasn't|hasnt|has not) (got|get|received|receive|had) [a|the|my|any|that] (call|callback|call back|refund|email|reply|response|text|letter|replacement|credit|confirmation|update|visit)`,
  `(never|still haven't|still have not|haven't|have not|didn't|did not) (heard back|heard anything|called me back|rang me back|got back to me|gotten back to me|come back to me)`,
  `(never|didn't|did not|hasn't|has not|still hasn't|still hasnt|hasnt|wasn't|was not|never got) (came|come|arrived|arrive|showed|show|turned up|turn up|happened|happen|materialised|materialized|hit|landed|gone through|went through|been made|made|applied|submitted|dispatched|sent|processed)`,
  `(the|my|that) (callback|call back|call|refund|engineer|replacement|email|credit|visit|delivery) (never) (came|happened|arrived|turned up|showed up|materialised|materialized)`,
];

/** A report of a promise ("you said you'd call") is a broken one only beside "nobody/never/didn't/…ago". */
export function reportsBrokenPromise(m: RuleMatch): false | void {
  // "…didn't come, but it's arrived now": put right already.
  if (/\bbut\b.*\b(now|arrived|came|sorted|fixed|turned up|got it)\b/.test(sentenceAfter(m))) return false;
  // An agent reporting a delay ("your parcel hasn't arrived") is not reporting a broken promise.
  if (m.turn.role === 'agent' && !/^(nobody|no one)/.test(matched(m)) && !/\b(promis\w*|booked|arranged|agreed|said|told|meant|supposed|due|scheduled)\b/.test(plain(m.turn.text))) return false;
  if (BROKEN.test(matched(m))) return;
  // A promise made over and over ("I've been promised a callback three times now") was broken each time.
  if (m.turn.role === 'customer' && /\b(promised|told)\b/.test(matched(m)) && /\b(twice|three times|four times|several times|so many times|\d+ times|again and again)\b/.test(sentenceAfter(m))) return;
  if (!BROKEN.test(`${turnBefore(m)} ${turnAfter(m)}`) && !/\b(days|weeks|hours|months) ago\b/.test(turnAfter(m))) return false;
}
