// Named conditions: what a token pattern cannot say about a match (is it negated, does the turn
// explain itself), written once here and named by rule data (`conditions: { unless: [...] }`).
// A condition is named for what it tests, never for a rule, so any rule (a user's rule too)
// can reuse it. Each answers one yes/no question about a match; rules decide what the answer means.
// This file is the registry (names and descriptions); the code of the conditions beyond context is
// in src/rules/checks/, by subject, and a user's rules in .etcscorerc.* may name them too.
import type { RuleMatch } from './types.js';
import type { TextFeatures } from '../nlp/features.js';
import { isNegated, isQuestion, isQuoted, sentenceTokensAfter, sentenceTokensBefore, tokensAfter } from './context.js';
import { INFORMATION_SETS } from './facts.js';
import { phrases } from './rule-patterns.js';
import * as customer from './checks/customer.js';
import * as steps from './checks/steps.js';
import * as control from './checks/control.js';
import { notAsPromised, promiseNotKept } from './checks/promises.js';
import { actsOrOwns, hardToDo, hedged, namesAProblem, notSorry, ownSlip, recallsOwnPromise, whyLeavesCustomerOut } from './checks/apology.js';

export interface Condition {
  /** What the condition tests, in a sentence: docs/rules.md and src/rules/data/README.md show it. */
  description: string;
  /**
   * The phrase sets (src/rules/data/phrases/*.yaml) the test reads, by name: every phrase that can
   * make it hold. `etcscore rules` and docs/rules.md list them under the condition, and
   * test/rules/condition-phrases.test.ts holds this list to the sets the code really searches.
   */
  phrases: readonly string[];
  test(m: RuleMatch): boolean;
}

// The words the hold and transfer conditions look for are phrase sets
// (src/rules/data/phrases/handoffs.yaml); what is left here is where they look.
const REASON_OR_DURATION = phrases('reason-or-duration');
const DESTINATION_OR_REASON = phrases('destination-or-reason');
const NOT_A_DESTINATION = phrases('not-a-destination');
const BARE_WAIT = phrases('bare-wait');
const POLITE_BEFORE = phrases('polite-before');
const REQUEST_AFTER = phrases('request-after');
const REASON_AFTER = phrases('reason-after');

/** A hold explained in the sentence before it or the rest of the turn ("while I check", "for two minutes"). */
const reasonOrDuration = (m: RuleMatch): boolean => REASON_OR_DURATION.in(m.features, ...sentenceTokensBefore(m)) || REASON_OR_DURATION.in(m.features, ...tokensAfter(m));

/** A hand-off explained by where it goes ("to our billing team", not "to the right team") or why. */
const destinationOrReason = (m: RuleMatch): boolean =>
  DESTINATION_OR_REASON.in(m.features, ...tokensAfter(m), (start, end) => !NOT_A_DESTINATION.in(m.features, start, end, 'whole'));

/** Only ".", "!" and "," in tokens [from, to), or nothing: a request to wait that stands alone. */
function onlyStops(f: TextFeatures, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!/^[.!,]+$/.test(f.tokens.text(k))) return false;
  return true;
}

function interjection(m: RuleMatch): boolean {
  const f = m.features;
  if (!BARE_WAIT.in(f, ...m.tokens, 'whole')) return false;
  // Said after other words in its sentence, and not after a polite word ("please hold"): an interruption.
  const [sentenceStart] = sentenceTokensBefore(m);
  let last = m.tokens[0] - 1;
  while (last >= sentenceStart && f.tokens.kind(last) !== 'word') last--;
  if (m.span[0] > m.sentence[0] && !(last >= sentenceStart && POLITE_BEFORE.in(f, last, last + 1, 'whole'))) return true;
  const [from, to] = sentenceTokensAfter(m);
  // What may follow a request: nothing, "please", "a moment", or its reason straight after a comma ("hold on, transferring you now").
  const reasonAfterComma = from < f.tokens.length && f.tokens.text(from) === ',' && f.tokens.start(from) === m.span[1] && REASON_AFTER.in(f, from + 1, to, 'start');
  return !onlyStops(f, from, to) && !REQUEST_AFTER.in(f, from, to, 'start') && !reasonAfterComma;
}

/**
 * The registry. `negated`, `question` and `quoted` are the context every rule drops by default
 * (the engine tests them before any other condition); rule data lists them under `allow` to keep
 * such matches, or under `when` to keep only those.
 */
export const CONDITIONS = {
  negated: {
    description: 'a negation outside the match governs its first word ("I can\'t promise a callback")',
    phrases: [],
    test: (m) => isNegated(m.features, m.tokens[0]),
  },
  question: {
    description: 'the match is in a question: its sentence ends in "?" with no clause break between',
    phrases: [],
    test: (m) => isQuestion(m.features, m.tokens[0]),
  },
  quoted: {
    description: 'the match quotes or reports someone else\'s words (in double quotes, after "you said", after "as you said")',
    phrases: [],
    test: (m) => isQuoted(m.features, m.tokens[0], m.tokens[1]),
  },
  interjection: {
    description: 'a bare "hold on", "wait" or "hang on" that interrupts a sentence ("hold on, that\'s not right") instead of standing alone as a request to wait',
    phrases: ['bare-wait', 'polite-before', 'reason-after', 'request-after'],
    test: interjection,
  },
  'reason-or-duration': {
    description: 'the sentence before the match or the rest of the turn gives a reason ("while I check", "because") or a duration ("about two minutes")',
    phrases: ['reason-or-duration'],
    test: reasonOrDuration,
  },
  'destination-or-reason': {
    description: 'the rest of the turn says where the customer is going ("to our billing team", "to my supervisor") or why ("who can", "because")',
    phrases: ['destination-or-reason', 'not-a-destination'],
    test: destinationOrReason,
  },
  // Apologies and acknowledgements (src/rules/checks/apology.ts).
  'own-slip': {
    description: 'the apology is for the agent\'s own slip or late reply ("sorry, I misread", "sorry for my late reply"), or for the line or asking again ("sorry, can you repeat that")',
    phrases: ['manners', 'own-slip'],
    test: ownSlip,
  },
  hedged: {
    description: 'what follows the apology hedges it into a non-apology ("for any inconvenience", "if you felt", "that you feel that way")',
    phrases: ['hedged'],
    test: hedged,
  },
  'not-sorry': {
    description: 'the sentence says "not sorry"',
    phrases: ['not-sorry'],
    test: notSorry,
  },
  'acts-or-owns': {
    description: 'the rest of the turn acts on the problem ("let me", "I\'ll", "right now") or owns the failure ("that shouldn\'t have happened", "our mistake")',
    phrases: ['acting', 'owns-failure'],
    test: actsOrOwns,
  },
  'hard-to-do': {
    description: 'the match ends on how hard something is and "to" a task follows ("it\'s very difficult to stop spam"): the task, not the customer\'s feeling',
    phrases: ['hard-word', 'to'],
    test: hardToDo,
  },
  'why-leaves-customer-out': {
    description: '"I can see why" or "I understand why" is about a fault, not the customer: the rest of the sentence does not say "you" ("I can see why the payment failed")',
    phrases: ['see-why', 'you'],
    test: whyLeavesCustomerOut,
  },
  'names-a-problem': {
    description: '"that\'s the … problem" names a fault without putting it on anyone: not "your", not someone\'s ("that\'s the delivery issue")',
    phrases: ['names-a-problem'],
    test: namesAProblem,
  },
  'recalls-own-promise': {
    description: 'the rest of the sentence recalls the agent\'s own promise ("as I said I would", "like I said, I\'ll call you")',
    phrases: ['recalls-own-promise'],
    test: recallsOwnPromise,
  },
  // What the customer's words mean beyond the phrase (src/rules/checks/customer.ts).
  'praise-or-hesitation': {
    description: 'the match is only "incredible" (praise) or "still not" (hesitation), which alone is no complaint',
    phrases: ['praise-or-hesitation'],
    test: customer.praiseOrHesitation,
  },
  'come-on-continues': {
    description: '"come on" goes on into the sentence ("come on Monday") instead of standing alone as exasperation',
    phrases: ['come-on'],
    test: customer.comeOnContinues,
  },
  'loyalty-without-force': {
    description: '"I\'ve been with you for years" said without force ("!!", "?!") and without a complaint after it ("and now", "yet", "still")',
    phrases: ['been-with-you', 'force-after'],
    test: customer.loyaltyWithoutForce,
  },
  concedes: {
    description: 'the rest of the sentence concedes after "but" ("but okay", "but that\'s fair", "but I understand")',
    phrases: ['concedes'],
    test: customer.concedes,
  },
  'corrects-a-figure': {
    description: '"wrong" is followed by what is wrong ("it\'s wrong on the bill"): a correction, not a verdict',
    phrases: ['wrong'],
    test: customer.correctsAFigure,
  },
  'feeling-over': {
    description: '"I was worried, but you\'ve sorted it": a feeling reported in the past, as over',
    phrases: ['but-until', 'i-was', 'put-right-since'],
    test: customer.feelingOver,
  },
  'going-somewhere': {
    description: '"leaving" or "off" means going somewhere ("I\'m leaving for the airport", "I\'m off to work")',
    phrases: ['going-to', 'leaving'],
    test: customer.goingSomewhere,
  },
  'about-a-booking': {
    description: 'the turn is about an appointment, a booking or an order, and not about an account, contract or provider',
    phrases: ['a-booking', 'an-account'],
    test: customer.aboutABooking,
  },
  ironic: {
    description: 'the praise or thanks means its opposite: said as irony on its own ("thanks for nothing", "great, just great"), read as sarcasm by the turn\'s sentiment, marked by an eye-roll, an ironic frame beside waiting or refusal, or bare praise in answer to bad news',
    phrases: ['as-always', 'bad-news', 'bare-praise', 'benign', 'emphasis', 'flat-really', 'for-nothing', 'great-news', 'ironic-frame', 'negative-context', 'sarcastic-alone', 'service', 'thanks-or-help', 'thanks-so-much-for', 'thanks-words', 'way-out', 'what-am-i'],
    test: customer.ironic,
  },
  'complaint-after-but': {
    description: 'a complaint follows "but" or "however" in the sentence ("thanks, but it still isn\'t fixed")',
    phrases: ['but-however', 'complaint'],
    test: customer.complaintAfterBut,
  },
  'asks-a-favour': {
    description: '"I\'d appreciate it if…" asks for something rather than thanking',
    phrases: ['appreciate', 'if', 'would'],
    test: customer.asksAFavour,
  },
  'declines-politely': {
    description: '"thanks though", "thanks anyway": courtesy while turning something down',
    phrases: ['though'],
    test: customer.declinesPolitely,
  },
  'irony-marks': {
    description: 'the turn carries marks of irony: an eye-roll or slow-clap emoji, emphasis in capitals before thanks or help, a flat "Really." at the end',
    phrases: ['emphasis', 'flat-really', 'thanks-or-help'],
    test: customer.ironyMarks,
  },
  'relays-thanks': {
    description: 'the thanks are passed on, not given ("can you say thank you to her")',
    phrases: ['passing-on-thanks'],
    test: customer.relaysThanks,
  },
  'remembered-fondly': {
    description: 'an earlier contact is remembered as fine or helpful, with no "but", "still" or "again"',
    phrases: ['fond', 'not-fond'],
    test: customer.rememberedFondly,
  },
  'first-contact': {
    description: 'the match speaks of a first contact ("the first time", "my first call")',
    phrases: ['first-contact'],
    test: customer.firstContact,
  },
  'ordinal-without-contact': {
    description: '"a second time" in a turn that speaks of no contact (no calling, chasing, telling or explaining)',
    phrases: ['contact-words', 'ordinal-time'],
    test: customer.ordinalWithoutContact,
  },
  // Promises reported broken or kept (src/rules/checks/promises.ts).
  'promise-not-kept': {
    description: 'a reported promise was not kept: the match or the turn says nobody, never, didn\'t, still waiting, or "… ago"; not put right since ("but it\'s arrived now"); from the agent, only about something promised, booked or arranged',
    phrases: ['a-promise-made', 'broken', 'but', 'nobody', 'over-and-over', 'promised-or-told', 'put-right', 'time-ago'],
    test: promiseNotKept,
  },
  'not-as-promised': {
    description: 'what arrived is not what was promised: the turn says it was not, or the sentence goes on "but", "broken", "wrong", "late"',
    phrases: ['broken', 'not-as-promised', 'pleasant-surprise'],
    test: notAsPromised,
  },
  // Promises, ownership, follow-ups and next steps in their sentence (src/rules/checks/steps.ts).
  'purpose-clause': {
    description: 'the agent\'s task is only the purpose of a request to the customer ("DM us so I can look into it")',
    phrases: ['agent-acts', 'purpose'],
    test: steps.purposeClause,
  },
  'after-the-customer-writes': {
    description: 'a promise made only as what follows once the customer writes in ("DM us and we\'ll be in touch", "we\'ll continue from there")',
    phrases: ['and', 'there-in-dm', 'we-continue', 'writes-in'],
    test: steps.afterTheCustomerWrites,
  },
  'asked-in-first-reply': {
    description: 'a question in the speaker\'s first turn, right after the other side reported a problem ("are you still having the issue?" asks about what was just reported; a check-back needs something earlier)',
    phrases: [],
    test: steps.askedInFirstReply,
  },
  'check-in-place': {
    description: 'the match is "check-in" as a place ("the check-in desk"), not checking in with the customer',
    phrases: [],
    test: steps.checkInPlace,
  },
  'defensive-repeat': {
    description: '"as requested earlier", "as mentioned before": pointing back defensively, not returning to an open matter',
    phrases: ['as-or-like', 'done-before'],
    test: steps.defensiveRepeat,
  },
  'thanks-for-it': {
    description: 'the match follows "for" ("thanks for checking in"): the agent thanks the customer for doing it',
    phrases: ['for'],
    test: steps.thanksForIt,
  },
  'answers-thanks': {
    description: 'a bare "I said I would." that answers thanks, with nothing after it in the sentence',
    phrases: ['said-i-would'],
    test: steps.answersThanks,
  },
  'no-step-before': {
    description: '"then …" with nothing said before it in the turn, or "and then …" after no instruction or condition: no sequence',
    phrases: ['and-then', 'instruction', 'sequence-before', 'then'],
    test: steps.noStepBefore,
  },
  'no-step-after': {
    description: '"first …" with no "then", "next" or "and" after it in the turn, or "once …" with no consequence ("once …, you\'ll …")',
    phrases: ['consequence', 'first', 'once', 'sequence-after'],
    test: steps.noStepAfter,
  },
  'first-asks': {
    description: '"first …" in a sentence that ends in "?": it asks, it lays out no step',
    phrases: ['first'],
    test: steps.firstAsks,
  },
  'once-in-the-past': {
    description: '"once it was sent": a condition in the past tense, which is history, not a next step',
    phrases: ['once', 'past'],
    test: steps.onceInThePast,
  },
  // Refusals, policies, dead ends, options, information and reasons (src/rules/checks/control.ts).
  'other-way-open': {
    description: 'the rest of the turn leaves the customer another way ("you can…", "instead", "what I can do", "would you like…") or another of our channels ("please call…")',
    phrases: ['only-passes-it-on', 'other-channel', 'other-way', 'other-way-opening', 'you-may', 'you-may-need'],
    test: control.otherWayOpen,
  },
  'limit-on-what-is-known': {
    description: 'a limit on what is known, not a no: "we can\'t make any promises", "we can\'t share a date yet"',
    phrases: ['no-promises', 'telling-verbs', 'timing-words'],
    test: control.limitOnWhatIsKnown,
  },
  'promises-to-pass-on': {
    description: 'the rest of the turn promises to pass the wish on or to come back ("we\'ll pass that on", "I\'ll call you")',
    phrases: ['passing-on', 'will'],
    test: control.promisesToPassOn,
  },
  conditional: {
    description: 'the match is inside a condition ("if the kitchen can\'t be used, …"): if, when, unless, whether or once before it in its clause',
    phrases: ['opens-a-condition'],
    test: control.conditional,
  },
  'protects-with-a-way': {
    description: 'the turn protects the customer ("for your security") and also opens another way',
    phrases: ['for-your-security', 'only-passes-it-on', 'other-way', 'other-way-opening', 'you-may', 'you-may-need'],
    test: control.protectsWithAWay,
  },
  'reading-the-policy': {
    description: 'the agent is reading the policy, not hiding behind it ("let me check what our policy says")',
    phrases: ['reading'],
    test: control.readingThePolicy,
  },
  'protects-the-customer': {
    description: 'the rest of the turn says the limit protects the customer ("for your security", "deliberate", "to protect you"), and not "can\'t help"',
    phrases: ['cannot-help', 'protects-the-customer'],
    test: control.protectsTheCustomer,
  },
  'reason-and-alternative': {
    description: 'a reason ("because", "for your security", "by law") before or after the match, and another way after it ("what I can do", "instead", "you can")',
    phrases: ['alternative', 'reason'],
    test: control.reasonAndAlternative,
  },
  'stays-with-us': {
    description: 'what the customer is asked to do keeps them with us ("call us back", "call me when…"): no hand-off elsewhere',
    phrases: ['stays-with-us'],
    test: control.staysWithUs,
  },
  'bare-no-unasked': {
    description: 'a bare "No." that is not the whole answer (three words at most) to "is there really nothing you can do?" in the customer\'s turn before',
    phrases: ['asks-for-a-way', 'bare-no'],
    test: control.bareNoUnasked,
  },
  'alternative-after': {
    description: 'the rest of the turn opens another way ("but what I can do", "instead", "let me"); a bare "no" is judged by bare-no-unasked alone',
    phrases: ['alternative', 'bare-no'],
    test: control.alternativeAfter,
  },
  'nothing-to-worry': {
    description: '"nothing … to worry about", "nothing … wrong": reassurance, not a dead end (a bare "no" is judged by bare-no-unasked alone)',
    phrases: ['bare-no', 'nothing-to-worry'],
    test: control.nothingToWorry,
  },
  'routine-redirect': {
    description: 'the sentence redirects routinely ("DM us", "contact us", "if you would like to discuss it", "anything else"): no choice about the fix',
    phrases: ['routine-redirect'],
    test: control.routineRedirect,
  },
  'no-other-way-after-but': {
    description: '"but we could use more info", "but we can certainly forward it": a "but" that offers no other way',
    phrases: ['no-other-way-after-but'],
    test: control.noOtherWayAfterBut,
  },
  'detail-after-yes': {
    description: 'asked right after the customer said yes or was pleased, in a turn that reports no problem (no "not", "sorry", "sold out"): the next detail of the task, not a way round a problem',
    phrases: ['reports-a-problem'],
    test: control.detailAfterYes,
  },
  'one-way-only': {
    description: '"you can X" or "would you like to X" with no "or" after it, or a verb of seeing, telling or checking: one way, not a choice',
    phrases: ['either', 'fallback', 'not-a-course-of-action', 'offers-a-way', 'or', 'or-not-a-choice', 'work', 'would-it'],
    test: control.oneWayOnly,
  },
  'states-a-fact': {
    description: 'the clause states a fact, a timeline, a reason or an instruction (src/rules/facts.ts), not a courtesy, a question or what the customer did themselves',
    phrases: ['told-back', ...INFORMATION_SETS],
    test: control.statesAFact,
  },
  'circular-reason': {
    description: 'the reason is circular: "because that\'s the process", "those are the rules"',
    phrases: ['circular-reason'],
    test: control.circularReason,
  },
  'reason-for-asking': {
    description: '"the reason I\'m asking": a reason for a question, not for what happened',
    phrases: ['asking', 'the-reason'],
    test: control.reasonForAsking,
  },
  'boilerplate-cause': {
    description: '"any inconvenience caused by…": boilerplate, not a reason given',
    phrases: ['boilerplate-cause'],
    test: control.boilerplateCause,
  },
  'so-opens-sentence': {
    description: '"So" opening a sentence ("So the next step is…") gives no reason',
    phrases: [],
    test: control.soOpensSentence,
  },
  'as-things-are': {
    description: '"as it is", "as things stand": leaving things alone, not a reason',
    phrases: ['as-things-are'],
    test: control.asThingsAre,
  },
  'since-a-time': {
    description: '"since the 3rd", "since Monday": a time, not a reason (a reason has a verb)',
    phrases: ['finite-verbs'],
    test: control.sinceATime,
  },
  comparison: {
    description: '"as soon as", "as well as", "such as": a comparison or a time, not a reason',
    phrases: ['comparison'],
    test: control.comparison,
  },
} as const satisfies Record<string, Condition>;

export type ConditionName = keyof typeof CONDITIONS;

/** The context the engine drops unless a rule allows it. */
export const DEFAULT_DROPPED = ['negated', 'question', 'quoted'] as const satisfies readonly ConditionName[];
export type DroppedContext = (typeof DEFAULT_DROPPED)[number];

export const CONDITION_NAMES = Object.keys(CONDITIONS) as ConditionName[];

export function isConditionName(name: string): name is ConditionName {
  return Object.hasOwn(CONDITIONS, name);
}

/**
 * Why `name` is not a condition, or undefined when it is one: for validators of rule data, which
 * add the file and line.
 */
export function unknownCondition(name: string): string | undefined {
  if (isConditionName(name)) return undefined;
  return `unknown condition "${name}" (one of ${CONDITION_NAMES.join(', ')}; conditions are written in src/rules/conditions.ts)`;
}
