// Whether a no, a policy or a hand-off leaves the customer a way forward, whether a choice is
// offered and honoured, whether a clause informs or explains: the code of the conditions and the
// extractor named in conditions.ts and extractors.ts, moved here from the control rules' checks
// unchanged (each old check is the conditions its rule names, in the order they stood).
import type { Turn } from '../../model/types.js';
import type { RuleMatch } from '../types.js';
import type { TextFeatures } from '../../nlp/features.js';
import { PhraseSet, isQuestion, matched, plain, previousTurn, sentenceTokens, sentenceTokensAfter, sentenceTokensBefore, sharesAction, tokensAfter, tokensBefore, turnAfter } from '../context.js';
import { informs } from '../facts.js';
import { featuresOf } from '../../nlp/features.js';
import { isNegator } from '../../nlp/negation.js';
import { turnSentiment } from '../../nlp/sentiment.js';
import { RecentMemo } from '../../nlp/memo.js';
import { phrases, phrasesOfRule } from '../rule-patterns.js';

const REASON = phrases('reason');
const ALTERNATIVE = phrases('alternative');
const OTHER_WAY = phrases('other-way');
const OTHER_WAY_OPENING = phrases('other-way-opening');
const YOU_MAY = phrases('you-may');
const YOU_MAY_NEED = phrases('you-may-need');
const OTHER_CHANNEL = phrases('other-channel');
const ONLY_PASSES_IT_ON = phrases('only-passes-it-on');

/** The token before `i` is a "." or "!" (not a "?": "Is that all? Visit…" asks on). */
const afterFullStop = (f: TextFeatures, i: number) => i > 0 && f.tokens.kind(i - 1) === 'punct' && (f.tokens.text(i - 1)[0] === '.' || f.tokens.text(i - 1)[0] === '!');

/** Another way forward in tokens [from, to), as a reader of the guide counts one (passing feedback on is not). */
function otherWay(f: TextFeatures, from: number, to: number): boolean {
  return (
    OTHER_WAY.in(f, from, to, (_, end) => !ONLY_PASSES_IT_ON.in(f, end, to, 'start')) ||
    OTHER_WAY_OPENING.in(f, from, to, (start) => afterFullStop(f, start)) ||
    // "you may", but not "you may need" (a demand, not a way).
    YOU_MAY.in(f, from, to, (start) => !YOU_MAY_NEED.in(f, start, to, 'start'))
  );
}

// ---- refusals and policies: is a way left open? --------------------------------

/** Readers do not count a refusal that leaves a way open, with or without its reason. */
export const otherWayOpen = (m: RuleMatch): boolean => otherWay(m.features, ...tokensAfter(m)) || OTHER_CHANNEL.in(m.features, ...tokensAfter(m));

const NO_PROMISES = phrases('no-promises');
const TELLING = phrases('telling-verbs');
const TIMING = phrases('timing-words');

/** Whether `second` matches after a match of `first` in tokens [from, to), in the same sentence. */
function followedBy(f: TextFeatures, first: PhraseSet, second: PhraseSet, from: number, to: number): boolean {
  return first.in(f, from, to, (_, end) => second.in(f, end, Math.min(to, sentenceTokens(f, end - 1)[1])));
}

/** "We can't make any promises, but…", "we can't share a date yet": a limit on what is known, not a no. */
export const limitOnWhatIsKnown = (m: RuleMatch): boolean => {
  const [from, to] = [m.tokens[0], m.features.tokens.length];
  // A verb of telling after the match's first word, then a word of timing in its sentence.
  const f = m.features;
  return NO_PROMISES.in(f, from, to) || TELLING.in(f, from, to, (start, end) => start > from && TIMING.in(f, end, sentenceTokens(f, end - 1)[1]));
};

const WILL = phrases('will');
const PASSING_ON = phrases('passing-on');

/** Saying no, then promising to pass the wish on or to come back: readers read the promise, not a wall. */
export const promisesToPassOn = (m: RuleMatch): boolean => followedBy(m.features, WILL, PASSING_ON, ...tokensAfter(m));

const OPENS_A_CONDITION = phrases('opens-a-condition');

/** "If the kitchen can't be used, …": a condition, not a refusal (no "," or ";" between the "if" and the match). */
export const conditional = (m: RuleMatch): boolean => {
  const f = m.features;
  let from = sentenceTokens(f, m.tokens[0])[0];
  for (let k = m.tokens[0] - 1; k >= from; k--) {
    if (f.tokens.isPunct(k) && (f.tokens.text(k) === ',' || f.tokens.text(k) === ';')) from = k + 1;
  }
  return OPENS_A_CONDITION.in(f, from, m.tokens[0]);
};

const FOR_YOUR_SECURITY = phrases('for-your-security');

/** A protection of the customer's own account ("for your security") that also opens another way: it blocks nothing they need. */
export const protectsWithAWay = (m: RuleMatch): boolean => FOR_YOUR_SECURITY.in(m.features) && otherWay(m.features, 0, m.features.tokens.length);

const READING = phrases('reading');

/** "Let me check what our policy says": reading the policy, not hiding behind it. */
export const readingThePolicy = (m: RuleMatch): boolean => READING.in(m.features, ...tokensBefore(m), 'end');

const PROTECTS_THE_CUSTOMER = phrases('protects-the-customer');
const CANNOT_HELP = phrases('cannot-help');

/** A system limit that protects the customer ("…, for your security") blocks nothing they need. */
export const protectsTheCustomer = (m: RuleMatch): boolean => PROTECTS_THE_CUSTOMER.in(m.features, ...tokensAfter(m)) && !CANNOT_HELP.in(m.features, ...tokensAfter(m));

/** A policy stated with its reason (before or after it) and another way forward after it. */
export const reasonAndAlternative = (m: RuleMatch): boolean =>
  (REASON.in(m.features, ...tokensAfter(m)) || REASON.in(m.features, ...tokensBefore(m))) && ALTERNATIVE.in(m.features, ...tokensAfter(m));

const STAYS_WITH_US = phrases('stays-with-us');

/** "You'll need to call us back tomorrow" keeps the customer with us; only a hand-off elsewhere is a wall. */
export const staysWithUs = (m: RuleMatch): boolean => STAYS_WITH_US.in(m.features, m.tokens[0], m.tokens[1], (start, end) => start > m.tokens[0] && end === m.tokens[1]);

// ---- dead ends --------------------------------------------------------------

const BARE_NO = phrases('bare-no');
/** The match is a bare "no". */
const isBareNo = (m: RuleMatch) => BARE_NO.in(m.features, m.tokens[0], m.tokens[1], 'whole');
const ASKS_FOR_A_WAY = phrases('asks-for-a-way');

/** Turns of three words or fewer, judged once per turn: a turn of many "no"s asks for each. */
const shortAnswers = new WeakMap<Turn, boolean>();

const SHORT_ANSWER_PREFIX = 256;

/** How many words `text` says, counting no further than four. */
function wordsUpToFour(text: string): number {
  return plain(text).replace(/[^a-z' ]/g, ' ').trim().split(/\s+/, 4).length;
}

function isShortAnswer(turn: Turn): boolean {
  let short = shortAnswers.get(turn);
  if (short === undefined) {
    // Four words are enough to tell, and most turns say them early: a long turn is not copied whole
    // three times over to learn so (issue 18). A prefix never says more words than the whole.
    short = wordsUpToFour(turn.text.length > SHORT_ANSWER_PREFIX ? turn.text.slice(0, SHORT_ANSWER_PREFIX) : turn.text) <= 3;
    if (short && turn.text.length > SHORT_ANSWER_PREFIX) short = wordsUpToFour(turn.text) <= 3;
    shortAnswers.set(turn, short);
  }
  return short;
}

/** A bare "No." is a dead end only as the whole answer to "is there really nothing you can do?". */
export function bareNoUnasked(m: RuleMatch): boolean {
  if (!isBareNo(m)) return false;
  const asked = previousTurn(m, 'customer', 1);
  return !isShortAnswer(m.turn) || !asked || !ASKS_FOR_A_WAY.test(asked.text);
}

/** "…but here is what I can do" turns the limit into information, not a wall. (A bare "no" is judged by `bareNoUnasked` alone.) */
export const alternativeAfter = (m: RuleMatch): boolean => !isBareNo(m) && ALTERNATIVE.in(m.features, ...tokensAfter(m));

const NOTHING_TO_WORRY = phrases('nothing-to-worry');

/** "nothing I can do" about a charge that is not there: "there's no charge", "nothing to worry about". */
export const nothingToWorry = (m: RuleMatch): boolean => !isBareNo(m) && NOTHING_TO_WORRY.in(m.features, ...sentenceTokensAfter(m), 'start');

// ---- options ------------------------------------------------------------------

/** "DM us or call us", "if you'd like to reach us by phone": a routine redirect, not a choice about the fix. */
const ROUTINE_REDIRECT = phrases('routine-redirect');
export const routineRedirect = (m: RuleMatch): boolean => ROUTINE_REDIRECT.in(m.features, ...sentenceTokens(m.features, m.tokens[0]));

const NO_OTHER_WAY_AFTER_BUT = phrases('no-other-way-after-but');
/** "but we could use more info", "but we can certainly forward it": no other way offered. */
export const noOtherWayAfterBut = (m: RuleMatch): boolean => NO_OTHER_WAY_AFTER_BUT.in(m.features, m.tokens[0], m.tokens[1], 'whole');

/**
 * "You can X" or "do you want to X" offers a choice only with an "or" after it (not "or not", "or
 * so"), and only of a course of action: seeing, telling and checking are not ones to pick from.
 */
const WOULD_IT = phrases('would-it');
const WORK = phrases('work');
const OFFERS_A_WAY = phrases('offers-a-way');
const OR = phrases('or');
const OR_NOT_A_CHOICE = phrases('or-not-a-choice');
const NOT_A_COURSE = phrases('not-a-course-of-action');
const EITHER = phrases('either');
const FALLBACK = phrases('fallback');

export function oneWayOnly(m: RuleMatch): boolean {
  const f = m.features;
  const [from, to] = m.tokens;
  // "Would Tuesday work?" asks; "some cards will not work", "you will want to work with them" tell.
  if (WOULD_IT.in(f, from, to, 'start') && WORK.in(f, from, to, (start, end) => start > from && end === to)) return !isQuestion(f, from);
  if (!OFFERS_A_WAY.in(f, from, to, 'whole')) return false;
  if (FALLBACK.in(f, from, to, 'whole')) return false;
  const [, sentenceEnd] = sentenceTokensAfter(m);
  if (!OR.in(f, to, sentenceEnd, (start) => !OR_NOT_A_CHOICE.in(f, start, sentenceEnd, 'start'))) return true;
  // "You can either check in from home or update the area": "either … or" names a choice, whatever its verbs.
  return !EITHER.in(f, from, to) && NOT_A_COURSE.in(f, from, to, (start, end) => start > from && end === to);
}

const PROBLEM_WORDS = phrases('reports-a-problem');

/**
 * "That would be perfect!" → "Which screening would you prefer?": a preference asked right after the
 * customer said yes is the next detail of the task, not a way round a problem, unless the agent's
 * own turn reports one ("sorry, it's sold out; would 8pm work?").
 */
export function detailAfterYes(m: RuleMatch): boolean {
  const customer = previousTurn(m, 'customer', 1);
  if (customer === undefined || turnSentiment(featuresOf(customer.text)).label !== 'positive') return false;
  const f = m.features;
  for (let k = 0; k < f.tokens.length; k++) if (isNegator(f.tokens.norm(k))) return false;
  return !PROBLEM_WORDS.in(f, 0, f.tokens.length);
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
const ACTS = phrases('acts');
const ACTS_ITSELF = phrases('acts-itself');
const ACKNOWLEDGEMENT = phrases('acknowledgement');
const SETTLED_BY_ACTING = phrases('settled-by-acting');
const ANSWER_WORDS = phrases('answer-words');
const AS_YOU_ASKED = phrases('as-you-asked');
const AS_YOU_SAID = phrases('as-you-said');

/** Where the words after the acknowledgements opening tokens [from, to) start ("Great, sure, Thursday"). */
function afterAcknowledgements(f: TextFeatures, from: number, to: number): number {
  for (let pos = from; ; ) {
    let end = -1;
    ACKNOWLEDGEMENT.in(f, pos, to, (start, e) => (start === pos && e > end && (end = e), false));
    if (end < 0) return pos;
    pos = end;
    while (pos < to && f.tokens.text(pos) === ',') pos++;
  }
}

/** Said as settled: the sentence ends or breaks after the match, or goes on to act ("refund it is, processing now"). */
function settledAfter(m: RuleMatch): boolean {
  const tokens = m.features.tokens;
  const next = m.tokens[1];
  if (next >= tokens.length) return true;
  if (tokens.isPunct(next)) return tokens.text(next) === ',' || tokens.text(next)[0] === '.' || tokens.text(next)[0] === '!';
  return SETTLED_BY_ACTING.in(m.features, m.tokens[1], m.features.tokens.length, 'start');
}

/** The agent acts on what the customer chose among the ways the agent offered. */
export function honoursChoice(m: RuleMatch): false | Record<string, unknown> {
  const words = matched(m);
  // "Thursday it is": the customer's pick named back as settled.
  const f = m.features;
  if (words === 'it is') {
    const [sentenceStart] = sentenceTokens(f, m.tokens[0]);
    const first = afterAcknowledgements(f, sentenceStart, m.tokens[0]);
    const lead = first < m.tokens[0] ? plain(m.turn.text.slice(f.tokens.start(first), m.span[0])) : '';
    // "Yes it is", "that's right, it is": an answer, not a choice named back.
    const answer = ANSWER_WORDS.in(f, first, m.tokens[0]);
    return lead.trim() !== '' && lead.trim().split(/\s+/).length <= 3 && !answer && settledAfter(m) ? { named: lead.trim() } : false;
  }
  if (AS_YOU_ASKED.in(f, m.tokens[0], m.tokens[1], 'start')) return AS_YOU_SAID.in(f, m.tokens[0], m.tokens[1], 'whole') && !ACTS.in(f) ? false : {};
  // The agent's own words first: they rule out half the matches without reading earlier turns.
  if (!ACTS.in(f, m.tokens[0])) return false;
  const customer = previousTurn(m, 'customer', 1);
  if (!customer) return false;
  const picked = PICKS.test(customer.text, { ignoreNegated: true });
  const offered = previousTurn({ ...m, turn: customer }, 'agent', 2);
  // A customer's question after the offer is not yet a choice.
  const wasOffered = offered !== undefined && OFFERS.test(offered.text) && !customer.text.includes('?');
  if (!picked && !wasOffered) return false;
  // "Perfect, I've reserved it at the store": the finding is the action that honours the pick, found
  // on its own. (The rest of the turn is read in the turn's own tokens: a copy of it per match,
  // tokenised afresh, cost a long turn its length squared.)
  if (!ACTS_ITSELF.in(f, m.tokens[0], m.tokens[1], 'start') && CHOSEN_ACTIONS.in(f, m.tokens[1])) return false;
  // The action has to be the one chosen: it names the same thing, or the pick was explicit.
  if (!picked && !sharesAction(customer.text, `${words} ${turnAfter(m)}`)) return false;
  return { choiceTurn: customer.index };
}

/** What the customer did themselves ("I can see you've called three times") is not news to them. */
const TOLD_BACK = phrases('told-back');

// ---- information and explanations ---------------------------------------------

/** The clause states a fact, a timeline, a reason or an instruction (facts.ts), and not what the customer did themselves. */
export function statesAFact(m: RuleMatch): boolean {
  const clause = m.turn.text.slice(m.span[0], m.span[1]);
  let verdict = judged.get(clause);
  if (verdict === undefined) judged.set(clause, (verdict = informs(m.features, m.tokens[0], m.tokens[1]) && !TOLD_BACK.in(m.features, m.tokens[0], m.tokens[1])));
  return verdict;
}

/**
 * Clauses already judged, by their words: agents say the same stock sentences all day, so a batch
 * judges each once. Bounded, and keyed by the text alone, so a verdict never depends on history.
 */
const judged = new RecentMemo<string, boolean>(4096);

const CIRCULAR = phrases('circular-reason');
const THE_REASON = phrases('the-reason');
const ASKING = phrases('asking');
const BOILERPLATE = phrases('boilerplate-cause');
const AS_THINGS_ARE = phrases('as-things-are');
const FINITE_VERBS = phrases('finite-verbs');
const COMPARISON = phrases('comparison');

/** Circular ("because that's the process") reasons explain nothing. */
export const circularReason = (m: RuleMatch): boolean => CIRCULAR.in(m.features, ...sentenceTokensAfter(m), 'word');

/** "The reason I'm asking": a reason for the question, not for what happened. */
export const reasonForAsking = (m: RuleMatch): boolean => THE_REASON.in(m.features, ...m.tokens, 'whole') && ASKING.in(m.features, ...sentenceTokensAfter(m), 'start');

/** "any inconvenience caused by the outage" is boilerplate, not a reason given. */
export const boilerplateCause = (m: RuleMatch): boolean => BOILERPLATE.in(m.features, ...sentenceTokensBefore(m), 'end');

/** The match opens with this word. */
const opensWith = (m: RuleMatch, word: string) => m.features.tokens.norm(m.tokens[0]) === word;

/** "So the next step is…" opens a sentence: "so" there gives no reason. */
export const soOpensSentence = (m: RuleMatch): boolean => opensWith(m, 'so') && sentenceTokensBefore(m)[0] === m.tokens[0];

/** "as it is", "as things stand": leaving things alone, not a reason. */
export const asThingsAre = (m: RuleMatch): boolean => AS_THINGS_ARE.in(m.features, m.tokens[0], sentenceTokensAfter(m)[1], 'start');

/** "since the 3rd", "since Monday": a time, not a reason; a reason has a verb ("since the rate ended", or one of finite-verbs). */
export const sinceATime = (m: RuleMatch): boolean => {
  if (!opensWith(m, 'since')) return false;
  const f = m.features;
  const [, end] = sentenceTokensAfter(m);
  for (let k = m.tokens[0] + 1; k < end; k++) if (f.tokens.kind(k) === 'word' && f.tokens.norm(k).length > 2 && f.tokens.norm(k).endsWith('ed')) return false;
  return !FINITE_VERBS.in(f, m.tokens[0] + 1, end);
};

/** "as soon as", "as well as", "such as": comparisons and times, not reasons. */
export const comparison = (m: RuleMatch): boolean => COMPARISON.in(m.features, ...sentenceTokensBefore(m), 'end');
