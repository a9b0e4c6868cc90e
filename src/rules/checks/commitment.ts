// Who promised what and by when, and whether an action reported done keeps an earlier promise: the
// code of the extractors named in extractors.ts (and a condition or two), moved here from the trust
// rules' checks unchanged. The promise and gift phrases are the rules' own, read by id.
import type { RuleMatch } from '../types.js';
import { dueFrom } from '../extract/due.js';
import { findEarlierTurnSharingAction, matched, plain, previousTurn, sentenceAfter } from '../context.js';
import { phrasesOfRule } from '../rule-patterns.js';

const ASKING = /\b(shall|should|can|could|may) (i|we)\b[^.?!]*$|\b(would|do) you (like|want) (me|us) to\b[^.?!]*$|\bif you('d| would)? (like|want)\b[^.?!]*$/;

/** Words a subject noun phrase opens with: "the refund", "your new card", "someone from billing", "£40". */
const NP_START = /^(the|your|a|an|my|our|this|that|these|those|someone|somebody|one|each|every|both|all|[£$€]|\d)/;
/** Words that make a statement general, not a promise about this case. */
const HABITUAL = /\b(usually|normally|typically|generally|always|often|sometimes|most|every time|tends? to)\b/;

/**
 * A promise whose subject is not "I" or "we": a thing or a third party, named by a noun phrase or
 * a pronoun, with a time ("your refund will be back in your account within 3 days", "the driver will
 * text you by 6pm", "it'll arrive tomorrow"). The subject decides the owner; without a time, or said
 * as a general rule, an option or a condition, it is information, not a promise.
 */
function subjectLedPromise(m: RuleMatch): false | { owner: string } {
  const text = plain(m.turn.text);
  const lead = text.slice(m.sentence[0], m.span[0]);
  const pieces = lead.split(/[,;:\u2014\u2013]|\b(?:and|but|so|then|or|because)\b/).map((p) => p.trim());
  let clause = pieces.pop() ?? '';
  // "The €134, which is £116.40, will be back…": the subject is before the aside.
  if (clause === '' && pieces.length > 0 && /^(which|who|that is|i\.e\.)\b/.test(pieces[pieces.length - 1]!)) clause = pieces.pop()!;
  while (/^(which|who|that is|i\.e\.)\b/.test(clause) && pieces.length > 0) clause = pieces.pop()!;
  const words = matched(m);
  const sentence = text.slice(m.sentence[0], m.sentence[1]);
  if (!dueFrom(text.slice(m.span[0], m.sentence[1]))) return false;
  if (HABITUAL.test(sentence) || /\beither\b|\b(you|we|i) (can|could)\b/.test(sentence)) return false;
  if (/\b(if|unless|in case|whether|hopefully|maybe|might|may)\b/.test(lead)) return false;
  if (/^(it'll|they'll|he'll|she'll)\b/.test(words)) return clause.split(/\s+/).filter(Boolean).length <= 3 ? { owner: /^they/.test(words) ? 'third-party' : 'company' } : false;
  const subject = clause.split(/\s+/).filter(Boolean);
  if (subject.length === 0 || subject.length > 7 || !NP_START.test(subject[0]!)) return false;
  // A present-tense arrival is a promise only about a definite thing ("the credit goes…", not "refunds go…").
  if (!/^will\b/.test(words) && !/^(the|your|that|this|[£$€]|\d)/.test(subject[0]!)) return false;
  return { owner: /^(the|your|this|that|these|those|[£$€]|\d)/.test(subject[0]!) && !/^(the|that|this) (driver|courier|engineer|technician|team|bank|manufacturer|shop|store)/.test(clause) ? 'company' : 'third-party' };
}

/** Who promised what, and by when; offers ("shall I call you?") are not commitments. */
export function commitmentDetails(m: RuleMatch): false | Record<string, unknown> {
  const text = m.turn.text;
  const lead = text.slice(m.sentence[0], m.span[0]).toLowerCase();
  if (ASKING.test(lead)) return false;
  let subjectOwner: string | undefined;
  // "You'll hear from us" holds no one to anything without a time.
  if (/^you('ll| will) (hear|be hearing)\b/.test(matched(m)) && !dueFrom(text.slice(m.span[0], m.sentence[1]))) return false;
  if (/^(will|it'll|they'll|he'll|she'll|goes|lands|arrives|reaches|clears|comes|drops)\b/.test(matched(m))) {
    const led = subjectLedPromise(m);
    if (!led) return false;
    subjectOwner = led.owner;
  }
  // "You'll have to email them" puts the work on the customer: that is no promise.
  if (/^you('ll| will| should) (have|need) to\b/i.test(text.slice(m.span[0], m.span[1] + 8).replace(/\u2019/g, "'"))) return false;
  const first = text.slice(m.span[0], m.span[1]).toLowerCase().replace(/[\u2019]/g, "'").split(/\s+/)[0] ?? '';
  const owner = subjectOwner ?? (/^(i|i'll|i'm|i've|im)$/.test(first)
    ? 'agent'
    : /^(we|we'll|we're|you|you'll|your|the)$/.test(first)
      ? 'company'
      : 'third-party');
  // The verb phrase: after the modal, up to a time expression, a new clause or punctuation.
  const action = text
    .slice(m.span[0], m.sentence[1])
    .replace(/[\u2019]/g, "'")
    .replace(/^.*?\b(will|'ll|going to|shall|should|promise(?: to| that)?)\s+/i, '')
    .replace(/^(personally|definitely|also|then|now|just|actually|immediately|first)\s+/i, '')
    .split(/\s+(?:by|within|in|at|on|before|until|tomorrow|today|tonight|this|next|as soon as|once|when|so|and|but|because|if)\b|[,.;:!?]/i)[0]!
    .split(/\s+/)
    .slice(0, 6)
    .join(' ');
  const due = dueFrom(text.slice(m.span[0], m.sentence[1]));
  if (!isFirmPromise(m, action, due)) return false;
  return due ? { owner, action, due } : { owner, action };
}

/** Hedges that turn a promise into a maybe. */
const HEDGE = /\b(possible|possibly|may|might|maybe|perhaps|hopefully|i think|i'm sure|i am sure|probably|should be able|i hope|not sure|i'd imagine|i guess)\b/;
/**
 * Without a time, taking a task on ("I'll look into it", "I'll help you there") is ownership, not a
 * promise of an outcome; handing the call on is a transfer. Passing feedback on, getting back, being
 * in touch or following up are promises a customer can hold the company to, timed or not.
 */
const VAGUE = /^(transfer you|transfer your call|move you|look into|check|see|help|assist|sort|deal with|take a look|have a look|take care)\b/;
/** A gift is goodwill, not a promise to be kept ("we'll cover the taxi"). */
const GIFT = phrasesOfRule('goodwill-gesture');

/**
 * A commitment the customer can hold the speaker to: not hedged, not conditional on an unknown,
 * concrete or timed, not a gift, not a bare "I promise you" of reassurance, not a process described
 * step by step with no time (that is next steps).
 */
function isFirmPromise(m: RuleMatch, action: string, due: string | undefined): boolean {
  const lead = plain(m.turn.text.slice(m.sentence[0], m.span[0]));
  const words = matched(m);
  const after = sentenceAfter(m);
  if (HEDGE.test(lead) || HEDGE.test(words)) return false;
  // "You should have cancelled it" looks back at what the customer did: no promise at all.
  if (/\b(should have|should've)\s+\w+(ed|en|wn|t)\b/.test(`${words}${after}`) && !/\b(should have|should've) (had|got|received|seen|heard)\b/.test(`${words}${after}`)) return false;
  if (/(promise|guarantee|give you my word)/.test(words) && !(due || /\b(i'll|we'll|i will|we will|to)\s+\w+/.test(after)) ) return false;
  if (/(promise|guarantee)/.test(words) && /^\W*(nobody|no one|nothing|that|this is)\b/.test(after)) return false;
  if (GIFT.test(m.turn.text.slice(m.sentence[0], m.sentence[1]))) return false;
  if (due) return true;
  if (VAGUE.test(action.toLowerCase())) return false;
  if (/\b(if|unless|in case)\b/.test(after)) return false;
  if (/\b(then|once|after that)\b/.test(`${lead} ${after}`)) return false;
  return true;
}

/** Words in the customer's previous turn that show they are chasing something promised. */
const CHASING = /\b(promised|said (you|you'd|you would|you'll|someone)|were going to|was going to|supposed to|meant to|did you|have you|has it|has the|any (news|update))\b/;
const ANNOUNCED = /\b(as (promised|agreed|discussed)|as (i|we) (promised|agreed)|as (i|we) (said|promised) (i|we|i'd|we'd)|like (i|we) (said|promised)|like i told you i would|(i|we) said (i|we) would,? and (i|we) (have|did)|the \w+ (i|we|my colleague) (promised|mentioned|agreed|said))\b/;
/** The promise phrases of the commitment rule, looked for in the agent's earlier turns. */
const earlierPromise = phrasesOfRule('commitment-made');

/** An action reported done keeps a promise only if one was made: earlier, announced, or chased. */
export function keepsAPromise(m: RuleMatch): false | Record<string, unknown> {
  const sentence = plain(m.turn.text.slice(m.sentence[0], m.sentence[1]));
  // "The credit my colleague promised wasn't applied" reports the opposite.
  if (/\b(wasn't|wasnt|was not|weren't|hasn't|has not|haven't|have not|never|didn't|did not|not yet)\b/.test(sentence)) return false;
  const promise = findEarlierTurnSharingAction(m, 'agent', earlierPromise, sentence);
  if (promise) return { action: matched(m), promisedIn: promise.index };
  const customer = previousTurn(m, 'customer', 2);
  if (ANNOUNCED.test(plain(m.turn.text)) || (customer && CHASING.test(plain(customer.text)))) return { action: matched(m) };
  // "Thanks for ringing back." "I said I would.": the customer has just named the promise kept.
  if (/^(i|we) (said|promised) (i|we) would$/.test(matched(m)) && customer && /\b(thank|thanks|cheers)\b.*\b(for|back)\b/.test(plain(customer.text))) return { action: matched(m) };
  return false;
}

