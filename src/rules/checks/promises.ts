// Promises reported as broken or as kept, by either side: "you said you'd call, nobody did"
// (customer), "I can see the callback was booked but never made" (agent). The code of the
// conditions named in conditions.ts, moved here from the rules' checks unchanged; the words they
// look for are phrase sets (src/rules/data/phrases/trust.yaml).
import type { RuleMatch } from '../types.js';
import { sentenceTokens, sentenceTokensAfter, tokensAfter, tokensBefore } from '../context.js';
import { phrases } from '../rule-patterns.js';

/** What makes a reported promise a broken one. */
const BROKEN = phrases('broken');
const BUT = phrases('but');
const PUT_RIGHT = phrases('put-right');
const NOBODY = phrases('nobody');
const A_PROMISE_MADE = phrases('a-promise-made');
const PROMISED_OR_TOLD = phrases('promised-or-told');
const OVER_AND_OVER = phrases('over-and-over');
const TIME_AGO = phrases('time-ago');

/** A report of a promise ("you said you'd call") is a broken one only beside "nobody/never/didn't/…ago". */
export function promiseNotKept(m: RuleMatch): boolean {
  const f = m.features;
  const after = sentenceTokensAfter(m);
  // "…didn't come, but it's arrived now": put right already.
  if (BUT.in(f, ...after, (_, end) => PUT_RIGHT.in(f, end, after[1]))) return false;
  // An agent reporting a delay ("your parcel hasn't arrived") is not reporting a broken promise.
  if (m.turn.role === 'agent' && !NOBODY.in(f, ...m.tokens, 'start') && !A_PROMISE_MADE.in(f)) return false;
  if (BROKEN.in(f, ...m.tokens)) return true;
  // A promise made over and over ("I've been promised a callback three times now") was broken each time.
  if (m.turn.role === 'customer' && PROMISED_OR_TOLD.in(f, ...m.tokens) && OVER_AND_OVER.in(f, ...after)) return true;
  if (!BROKEN.in(f, ...tokensBefore(m)) && !BROKEN.in(f, ...tokensAfter(m)) && !TIME_AGO.in(f, ...tokensAfter(m))) return false;
  return true;
}

const SURPRISE = phrases('pleasant-surprise');
const NOT_AS_PROMISED = phrases('not-as-promised');

/**
 * "I got the email but it's wrong", "it came broken": delivered, but not what was promised. ("I
 * didn't expect you to" is pleasant surprise, not a failure: the rest of its sentence is not read.)
 */
export function notAsPromised(m: RuleMatch): boolean {
  const f = m.features;
  const surprised: Array<[number, number]> = [];
  SURPRISE.in(f, 0, f.tokens.length, (start) => (surprised.push([start, sentenceTokens(f, start)[1]]), false));
  const broken = BROKEN.in(f, 0, f.tokens.length, (start) => !surprised.some(([from, to]) => start >= from && start < to));
  return broken || NOT_AS_PROMISED.in(f, ...sentenceTokensAfter(m));
}
