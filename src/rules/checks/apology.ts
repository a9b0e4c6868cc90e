// What an apology or an acknowledgement does, beyond its words: is it for the agent's own slip, is
// it hedged into a non-apology, does the agent act after it. The code of the conditions named in
// conditions.ts, moved here from the emotion rules' checks unchanged.
import type { RuleMatch } from '../types.js';
import { matched, plain, sentenceAfter, turnAfter } from '../context.js';

/** Words an agent uses to act on the problem, after an apology or an acknowledgement. */
const ACTING = /\b(let me|let's|i'll|i will|i'm going to|i am going to|i've|i have|we'll|we will|i can|right now|straight away)\b/;
/** Words that own what went wrong, said after an apology. */
const OWNS_FAILURE = /\b(shouldn't|should not|should never) have (happened|been|had to)|\b(that's|that is|it's|it is) (not okay|not ok|not on|not acceptable|not good enough|not right)\b|\b(our|my) (mistake|fault|error)\b|\b(we|i) (can|could) (either|do)\b/;
/** What an apology is for when it is the agent's own slip or late reply, not the customer's trouble. */
const OWN_SLIP = /^\W*(for )?(my|our)? ?(late|slow|delayed)? ?(reply|response|delay in (replying|responding|getting back)|the late|the slow|the delayed)\b|^\W*(for )?my (delay|mistake|error|typo|confusion)|^\W*(i|we) (missed|misread|misheard|misunderstood)|^\W*(for )?(the )?(typo|interruption|echo|bad line)|^\W*(to|for) (interrupt|ask|bother|keep asking|keep(ing)? you (waiting|holding|on hold))|^\W*,? ?(can|could|would) you (repeat|say)|^\W*,? ?(i|we) (didn't|did not) (catch|hear|get)|^\W*,? ?just to (check|confirm|clarify)/;
/** An apology hedged into a non-apology: "for any inconvenience", "if you felt", "you feel that way". */
const HEDGED = /^\W*(((for|about) )?any\b|if\b|that you feel|you feel|you're feeling|you are feeling|you felt|for (your|the) frustration)/;
/** Sorry for a bad line or for asking again is good manners, not sympathy for the customer's problem. */
const MANNERS = /\b(line|connection|cut out|hear you|repeat|echo|background|typo|misread|misheard|interrupt\w*)\b/;

/** The rest of the match's sentence, and the whole sentence: made once per match, read by each condition. */
const read = new WeakMap<RuleMatch, readonly [string, string]>();
function afterAndSentence(m: RuleMatch): readonly [string, string] {
  let both = read.get(m);
  if (both === undefined) {
    both = [plain(m.turn.text.slice(m.span[1], m.sentence[1])), plain(m.turn.text.slice(m.sentence[0], m.sentence[1]))];
    read.set(m, both);
  }
  return both;
}

/** An apology for the agent's own slip or late reply, or for the line or asking again. */
export function ownSlip(m: RuleMatch): boolean {
  const [after, sentence] = afterAndSentence(m);
  return OWN_SLIP.test(after) || MANNERS.test(sentence);
}

/** An apology hedged into a non-apology by what follows it ("for any inconvenience", "if you felt"). */
export function hedged(m: RuleMatch): boolean {
  return HEDGED.test(afterAndSentence(m)[0]);
}

/** The sentence says "not sorry". */
export function notSorry(m: RuleMatch): boolean {
  return /\bnot sorry\b/.test(afterAndSentence(m)[1]);
}

/** The rest of the turn acts on the problem or owns the failure ("let me fix it", "that shouldn't have happened"). */
export function actsOrOwns(m: RuleMatch): boolean {
  const after = turnAfter(m);
  return ACTING.test(after) || OWNS_FAILURE.test(after);
}

/** "I can see why the payment failed": an "I see / understand / get why" whose sentence leaves the customer out. */
export function whyLeavesCustomerOut(m: RuleMatch): boolean {
  return /^i (can see|understand|get) why$/.test(matched(m)) && !/\byou\b|\byou'|^\s*[.!,]?\s*$/.test(sentenceAfter(m));
}

/**
 * "That's the delivery issue": a problem named without putting it on anyone (no "your", no
 * "the courier's"), which describes the fault rather than assigning it.
 */
export function namesAProblem(m: RuleMatch): boolean {
  const words = matched(m);
  return /^(that's|that is|it's|it is) (the|your) (\S+) (problem|fault|responsibility|issue|lookout)/.test(words) && !/('s|s')\s+(problem|fault|responsibility|issue|lookout)/.test(words) && !/^(that's|that is|it's|it is) your/.test(words);
}

/** "As I said I would", "like I said, I'll call you": the rest of the sentence recalls the agent's own promise. */
export function recallsOwnPromise(m: RuleMatch): boolean {
  return /\b(i|we) (would|will|promised)\b|\b(i'll|we'll|i'd|we'd)\b/.test(sentenceAfter(m));
}
