// Whether a no, a policy or a hand-off leaves the customer a way forward, whether a choice is
// offered and honoured, whether a clause informs or explains: the code of the conditions and the
// extractor named in conditions.ts and extractors.ts, moved here from the control rules' checks
// unchanged (each old check is the conditions its rule names, in the order they stood).
import type { Turn } from '../../model/types.js';
import type { RuleMatch } from '../types.js';
import { PhraseSet, isQuestion, matched, plain, previousTurn, sentenceAfter, sharesAction, turnAfter } from '../context.js';
import { informs } from '../facts.js';
import { phrasesOfRule } from '../rule-patterns.js';

/** Words after a policy that show its reason. */
const REASON = /\b(because|since|so that|in order to|the reason|due to|for (your|their|the) (security|safety|protection|privacy)|to (protect|keep|prevent|stop|make sure)|by law|legally|regulat\w+|required by|fraud)\b/;
/** Words after a policy that open another way. */
const ALTERNATIVE = /\b(what (i|we) can do|(i|we) can(?!'t)|(i|we) could|instead|alternatively|another (option|way)|other option|either|would you like|if you('d| would) (like|prefer)|you can(?!'t)|you could|let me|what i'll do|i'll)\b/;

const lower = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'");

/** Another way forward for the customer, as a reader of the guide counts one (passing feedback on is not). */
const OTHER_WAY = /(?:^|[.!]\s+)(?:visit|try|head (?:over )?to|go to)\b|\b(?:however|but),? if you\b|\b(you can(?!'t)|you could|you may(?! need)|you might|instead|alternatively|another (option|way)|other options?|(however|but),? (we|i|you) can(?!'t)|what (i|we) can do|(we|i) (can|could) (offer|send|arrange|refund|replace|book|give|credit|set up|put you|add you)|would you like|if you('d| would) (like|prefer|wish)|the closest|is available (at|in|on|from|via)|either|sign up|join|(we'd|we would|i'd|i would) (recommend|suggest)|try|(but|however),? (we|i) do|(i've|i have|we've|we have) (raised|arranged|booked|sent|passed|escalated|asked|requested|put in))\b/;

/** Another of our own channels offered in place of this one: "for that, please call 1-800…". */
const CHANNEL = /\b(please|kindly|you can|feel free to)\s+(call|phone|ring|chat|submit|send us|use|visit|message|email|dm)\b/;

// ---- refusals and policies: is a way left open? --------------------------------

/** The rest of the turn after the match, lower-cased with straight apostrophes. */
const restOf = (m: RuleMatch) => lower(m.turn.text.slice(m.span[1]));

/** Readers do not count a refusal that leaves a way open, with or without its reason. */
export const otherWayOpen = (m: RuleMatch): boolean => OTHER_WAY.test(restOf(m)) || CHANNEL.test(restOf(m));

/** "We can't make any promises, but…", "we can't share a date yet": a limit on what is known, not a no. */
export const limitOnWhatIsKnown = (m: RuleMatch): boolean =>
  /\b(make|give|offer) (any )?(promises?|guarantees?)|^\S+( \S+)* (confirm|share|give|provide|tell)\b[^.!?]*\b(yet|timelines?|dates?|when|eta|times?)\b/.test(`${lower(matched(m))}${restOf(m)}`);

/** Saying no, then promising to pass the wish on or to come back: readers read the promise, not a wall. */
export const promisesToPassOn = (m: RuleMatch): boolean =>
  /\b(we'll|we will|i'll|i will|will)\b[^.!?]*\b(pass|share|forward|let|relay|feed|get back|be in touch|reach out|contact you|notify|call you|ring you|email you|text you)/.test(restOf(m));

/** "If the kitchen can't be used, …": a condition, not a refusal. */
export const conditional = (m: RuleMatch): boolean => /\b(if|when|unless|whether|once)\b[^,;]*$/.test(lower(m.turn.text).slice(m.sentence[0], m.span[0]));

/** A protection of the customer's own account ("for your security") that also opens another way: it blocks nothing they need. */
export const protectsWithAWay = (m: RuleMatch): boolean => {
  const text = lower(m.turn.text);
  return /\bfor your (security|safety|protection)\b/.test(text) && OTHER_WAY.test(text);
};

/** "Let me check what our policy says": reading the policy, not hiding behind it. */
export const readingThePolicy = (m: RuleMatch): boolean => /\b(what|check|checking|look at|read|see)\s+(our|the)?\s*$/.test(lower(m.turn.text.slice(0, m.span[0])));

/** A system limit that protects the customer ("…, for your security") blocks nothing they need. */
export const protectsTheCustomer = (m: RuleMatch): boolean => /\b(deliberate|for your (security|safety|protection)|to protect you)\b/.test(restOf(m)) && !/\bcan't help\b/.test(restOf(m));

/** A policy stated with its reason (before or after it) and another way forward after it. */
export const reasonAndAlternative = (m: RuleMatch): boolean => {
  const rest = restOf(m);
  const before = lower(m.turn.text.slice(0, m.span[0]));
  return (REASON.test(rest) && ALTERNATIVE.test(rest)) || (REASON.test(before) && ALTERNATIVE.test(rest));
};

/** "You'll need to call us back tomorrow" keeps the customer with us; only a hand-off elsewhere is a wall. */
export const staysWithUs = (m: RuleMatch): boolean => / (us|me|back|our|the number i|when)$/.test(matched(m));

// ---- dead ends --------------------------------------------------------------

const BARE_NO = /^(no|nope|no sorry|sorry no)$/;

/** Turns of three words or fewer, judged once per turn: a turn of many "no"s asks for each. */
const shortAnswers = new WeakMap<Turn, boolean>();

function isShortAnswer(turn: Turn): boolean {
  let short = shortAnswers.get(turn);
  if (short === undefined) {
    short = plain(turn.text).replace(/[^a-z' ]/g, ' ').trim().split(/\s+/).length <= 3;
    shortAnswers.set(turn, short);
  }
  return short;
}

/** A bare "No." is a dead end only as the whole answer to "is there really nothing you can do?". */
export function bareNoUnasked(m: RuleMatch): boolean {
  if (!BARE_NO.test(matched(m))) return false;
  const asked = previousTurn(m, 'customer', 1);
  return !isShortAnswer(m.turn) || !asked || !/\b(nothing|anything|any way|anyone|someone|another way|no way|can't you|isn't there|is there)\b/.test(plain(asked.text));
}

/** "…but here is what I can do" turns the limit into information, not a wall. (A bare "no" is judged by `bareNoUnasked` alone.) */
export const alternativeAfter = (m: RuleMatch): boolean => !BARE_NO.test(matched(m)) && ALTERNATIVE.test(restOf(m));

/** "nothing I can do" about a charge that is not there: "there's no charge", "nothing to worry about". */
export const nothingToWorry = (m: RuleMatch): boolean => !BARE_NO.test(matched(m)) && /^\s*(to worry|wrong)\b/.test(sentenceAfter(m));

// ---- options ------------------------------------------------------------------

/** "DM us or call us", "if you'd like to reach us by phone": a routine redirect, not a choice about the fix. */
export const routineRedirect = (m: RuleMatch): boolean =>
  /\b(dm|direct message|reach (us|out)|contact us|call us|phone or chat|by phone|dial|further assistance|my assistance|any other questions|anything else|to discuss|to talk|to speak|continue (our|the) conversation)\b/.test(plain(m.turn.text.slice(m.sentence[0], m.sentence[1])));

/** "but we could use more info", "but we can certainly forward it": no other way offered. */
export const noOtherWayAfterBut = (m: RuleMatch): boolean => /^(but|however) (i|we) (can|could) (use|help|assist|forward|pass|share|certainly|definitely)$/.test(matched(m));

/**
 * "You can X" or "do you want to X" offers a choice only with an "or" after it (not "or not", "or
 * so"), and only of a course of action: seeing, telling and checking are not ones to pick from.
 */
export function oneWayOnly(m: RuleMatch): boolean {
  const words = matched(m);
  // "Would Tuesday work?" asks; "some cards will not work", "you will want to work with them" tell.
  if (/^(would|will|does|could) .*\bwork( for you)?$/.test(words)) return !isQuestion(m.features, m.tokens[0]);
  if (!/^((you|we|i) (could|can) (also |either |just )?[\w']+|(do|would) you (want|like) to)$/.test(words)) return false;
  if (!/\bor\b(?! (not|so|more|less|two|three)\b)/.test(sentenceAfter(m))) return true;
  return / (see|hear|tell|confirm|understand|imagine|assure|only|not|check|ask|say|help|try|guarantee|promise|find)$/.test(words);
}

// ---- choices honoured ---------------------------------------------------------------

/** Words in a customer's turn that pick one of several ways. */
const PICKS = new PhraseSet([
  `(i'd|i would|i'll|we'd|we'll|let's|lets) (prefer|rather|go with|take|choose|pick|opt for|go for)`,
  `(i|we) (prefer|choose|pick) (the|option|a|to)`,
  `(the) (first|second|third|last|other|earlier|later|morning|afternoon|evening) (one|option|please|slot)`,
  `(first|second|the refund|refund|a refund|replacement|the replacement|the credit|the voucher|the morning|the afternoon) [one] please`,
  `(yes|yeah|yep|ok|okay) (please|let's|do that|the)`,
  `(that|the) (one|option) (please|sounds good|works)`,
  `(option) {number}`,
  `(go|going) (with|for) (the|option|that|a)`,
  // "The branch, please.": a thing named and asked for.
  `(the|a|an) * [one|option|way] please`,
]);
/** Ways an agent offers a choice, looked for in the agent's turn before the customer's pick. */
const OFFERS = new PhraseSet([
  `(you|we|i) can either`,
  `(would|do) you (prefer|rather)`,
  `(which|what) (would|do) you prefer`,
  `(which|what) (one|option|day|time|date|way) (works|suits|would work)`,
  `(two|three|a few|several|a couple of) (options|choices|ways)`,
  `alternatively`,
  `or (would|do) you`,
  `(would|do) you (like|want) (me|us) to`,
  `(which|what) (would|will|does|do) (work|suit) [better|best]`,
  `(which|what) (suits|works) [you|for you] [better|best]`,
]);
/** The agent doing what was picked ("I've reserved it", "I'll book the Thursday slot"): the choice-honoured rule's own phrases. */
const CHOSEN_ACTIONS = phrasesOfRule('choice-honoured', 'chosen-action');
const ACTS = /\b(i'll|i will|i've|i have|we'll|we will|we've|let me|i'm|i am going|going to|booking|processing|arranging|sending|done|that's booked|that's done|i can do that)\b/;

/** The agent acts on what the customer chose among the ways the agent offered. */
export function honoursChoice(m: RuleMatch): false | Record<string, unknown> {
  const words = matched(m);
  // "Thursday it is": the customer's pick named back as settled.
  if (words === 'it is') {
    const lead = plain(m.turn.text.slice(m.sentence[0], m.span[0])).replace(/^(\s*(right you are|sure thing|no problem|got it|ok|okay|great|right|sure|fine|perfect|lovely|brilliant|done|understood)\b[,\s]*)+/, '');
    // Said as settled: the sentence ends, or goes on to act ("refund it is, processing now").
    const settled = /^\s*([.!]|$|,|\s+(i've|i have|i'll|that's|it'll|it's|we'll)\b)/.test(plain(m.turn.text.slice(m.span[1])));
    // "Yes it is", "that's right, it is": an answer, not a choice named back.
    const answer = /\b(what|how|that|there|if|so|as|yes|yeah|yep|no|nope|well|oh|and|but|it|this|he|she|they|which|who|i|you|we)\b/.test(lead);
    return lead.trim() !== '' && lead.trim().split(/\s+/).length <= 3 && !answer && settled ? { named: lead.trim() } : false;
  }
  if (/^(as|like) you|^you said|^(i've|i have) noted/.test(words)) return /^(as|like) you said$/.test(words) && !ACTS.test(plain(m.turn.text)) ? false : {};
  const customer = previousTurn(m, 'customer', 1);
  if (!customer) return false;
  const picked = PICKS.test(customer.text, { ignoreNegated: true });
  const offered = previousTurn({ ...m, turn: customer }, 'agent', 2);
  // A customer's question after the offer is not yet a choice.
  const wasOffered = offered !== undefined && OFFERS.test(offered.text) && !customer.text.includes('?');
  if (!picked && !wasOffered) return false;
  const rest = `${words} ${turnAfter(m)}`;
  if (!ACTS.test(rest)) return false;
  // "Perfect, I've reserved it at the store": the finding is the action that honours the pick, found on its own.
  // (Read last: the rest of the turn is new text for every match, so its phrases are looked for afresh.)
  if (!/^(i've|i have|i'll|i will|we've|we have|we'll|we will|let me|i'm|i am)\b/.test(words) && CHOSEN_ACTIONS.test(m.turn.text.slice(m.span[1]))) return false;
  // The action has to be the one chosen: it names the same thing, or the pick was explicit.
  if (!picked && !sharesAction(customer.text, rest)) return false;
  return { choiceTurn: customer.index };
}


/**
 * Words one of which every statement, instruction, reason or timeline holds (a verb of being or
 * having, a modal, a reason, an imperative, "you"), or a number or time. A clause without any is
 * courtesy or a request, and is passed over before its text is copied and read.
 */
const FACT_MARKERS = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', "can't", 'cannot', 'could', 'should', 'must', 'may', 'might',
  'does', 'do', 'did', "doesn't", "don't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "couldn't", "hasn't", "haven't",
  "it's", "there's", "they're", "it'll", "that's", "we're", "you're", "i'm", "we've", "i've", "you'll", "we'll", "i'll", "you've",
  'looks', 'appears', 'seems', 'shows', 'takes', 'includes', 'requires', 'means', 'because', 'due', 'since', 'cause', 'caused',
  'go', 'tap', 'click', 'select', 'open', 'turn', 'restart', 'reboot', 'reset', 'update', 'try', 'enter', 'press', 'use', 'find', 'wait', 'allow',
  'you', 'only', 'currently', 'still', 'now', 'take', 'usually', 'normally', 'typically', 'generally', 'always', 'never',
  'minutes', 'hours', 'days', 'weeks', 'months', 'today', 'tomorrow', 'tonight',
]);
function hasFactMarker(m: RuleMatch): boolean {
  const tokens = m.features.tokens;
  for (let k = m.tokens[0]; k < m.tokens[1]; k++) {
    const t = tokens[k]!;
    if (t.kind === 'number' || t.kind === 'time' || FACT_MARKERS.has(t.norm) || t.norm.endsWith('ed') || t.norm.endsWith("n't")) return true;
  }
  return false;
}

/** What the customer did themselves ("I can see you've called three times") is not news to them. */
const TOLD_BACK = /\byou('ve| have) (called|contacted|rung|rang|phoned|been in touch|chased|written|emailed)\b/;

// ---- information and explanations ---------------------------------------------

/** The clause states a fact, a timeline, a reason or an instruction (facts.ts), and not what the customer did themselves. */
export function statesAFact(m: RuleMatch): boolean {
  if (!hasFactMarker(m)) return false;
  const clause = m.turn.text.slice(m.span[0], m.span[1]);
  let verdict = judged.get(clause);
  if (verdict === undefined) {
    if (judged.size >= JUDGED_KEPT) judged.clear();
    judged.set(clause, (verdict = informs(clause) && !TOLD_BACK.test(plain(clause))));
  }
  return verdict;
}
/**
 * Clauses already judged, by their words: agents say the same stock sentences all day, so a batch
 * judges each once. Bounded, and keyed by the text alone, so a verdict never depends on history.
 */
const judged = new Map<string, boolean>();
const JUDGED_KEPT = 4096;

/** The sentence before the match, as plain text. */
const lead = (m: RuleMatch) => plain(m.turn.text.slice(m.sentence[0], m.span[0]));

/** Circular ("because that's the process") reasons explain nothing. */
export const circularReason = (m: RuleMatch): boolean => /^\W*(that's|that is|it's|it is) (the|our) (process|policy|procedure|rules?|system)\b|^\W*(those are|these are) the rules/.test(sentenceAfter(m));

/** "The reason I'm asking": a reason for the question, not for what happened. */
export const reasonForAsking = (m: RuleMatch): boolean => /^the reason$/.test(matched(m)) && /^\s*(i'm|i am|we're|we are) (asking|calling)/.test(sentenceAfter(m));

/** "any inconvenience caused by the outage" is boilerplate, not a reason given. */
export const boilerplateCause = (m: RuleMatch): boolean => /\b(inconvenience|disruption|trouble)\s*$/.test(lead(m));

/** "So the next step is…" opens a sentence: "so" there gives no reason. */
export const soOpensSentence = (m: RuleMatch): boolean => /^so\b/.test(matched(m)) && lead(m).trim() === '';

/** "as it is", "as things stand": leaving things alone, not a reason. */
export const asThingsAre = (m: RuleMatch): boolean => /^(as|since) (it|they|things) (is|are|stand|were)\b/.test(`${matched(m)}${sentenceAfter(m)}`.trim());

/** "since the 3rd", "since Monday": a time, not a reason; a reason has a verb ("since the rate ended"). */
export const sinceATime = (m: RuleMatch): boolean =>
  /^since\b/.test(matched(m)) && !/\b(\w+ed|was|were|is|are|has|had|did|does|didn't|doesn't|isn't|wasn't|can't|won't)\b/.test(`${matched(m)} ${sentenceAfter(m)}`.replace(/^since/, ''));

/** "as soon as", "as well as", "such as": comparisons and times, not reasons. */
export const comparison = (m: RuleMatch): boolean => /\b(soon|well|long|such|same|far|much|just)\s*$/.test(lead(m));
