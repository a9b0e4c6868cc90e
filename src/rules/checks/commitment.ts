// Who promised what and by when, and whether an action reported done keeps an earlier promise: the
// code of the extractors named in extractors.ts (and a condition or two), moved here from the trust
// rules' checks unchanged. The promise and gift phrases are the rules' own, read by id; the words
// around them are phrase sets (src/rules/data/phrases/trust.yaml).
import type { RuleMatch } from '../types.js';
import { dueFrom } from '../extract/due.js';
import { featuresOf } from '../../nlp/features.js';
import { findEarlierTurnSharingAction, matched, plain, previousTurn, sentenceTokens, sentenceTokensAfter, sentenceTokensBefore } from '../context.js';
import { phrases, phrasesOfRule } from '../rule-patterns.js';

const OFFER_BEFORE = phrases('offer-before');
const HABITUAL = phrases('habitual');
const AN_OPTION = phrases('an-option');
const CONDITION_OR_HOPE = phrases('condition-or-hope');
const THIRD_PERSON_WILL = phrases('third-person-will');

/** Words that end the clause before a promise's verb ("…, and the refund will…"): its subject is after them. */
const CLAUSE_JOINER = phrases('clause-joiner');
/** Words an aside opens with ("The €134, which is £116.40, will…"): the subject is before it. */
const ASIDE = phrases('aside');
/** Words a subject noun phrase opens with: "the refund", "your new card", "someone from billing" (or a number or an amount). */
const SUBJECT_START = phrases('subject-start');
/** A definite subject ("the credit", "your card"): a present-tense arrival ("goes", "lands") is promised only of one. */
const DEFINITE_SUBJECT = phrases('definite-subject');
/** A subject that is the company's ("the refund", "your card"); "the driver", "the bank" and the rest of third-party-subject are not. */
const COMPANY_SUBJECT = phrases('company-subject');
const THIRD_PARTY_SUBJECT = phrases('third-party-subject');

/** Marks that end a clause: the subject of the verb after them is after them. */
const CLAUSE_MARKS = new Set([',', ';', ':', '\u2014', '\u2013']);
const CURRENCY = new Set(['£', '$', '€']);

/** The clause of the lead [from, to) that holds the promise's subject, as a token range: the last one, an aside passed over. */
function subjectClause(f: RuleMatch['features'], from: number, to: number): [number, number] {
  const pieces: Array<[number, number]> = [];
  let start = from;
  for (let k = from; k < to; k++) {
    if ((f.tokens.isPunct(k) && CLAUSE_MARKS.has(f.tokens.text(k))) || CLAUSE_JOINER.in(f, k, k + 1, 'whole')) {
      pieces.push([start, k]);
      start = k + 1;
    }
  }
  pieces.push([start, to]);
  const empty = ([a, b]: [number, number]) => a >= b;
  const isAside = ([a, b]: [number, number]) => !empty([a, b]) && ASIDE.in(f, a, b, 'start');
  let clause = pieces.pop()!;
  // "The €134, which is £116.40, will be back…": the subject is before the aside.
  if (empty(clause) && pieces.length > 0 && isAside(pieces[pieces.length - 1]!)) clause = pieces.pop()!;
  while (isAside(clause) && pieces.length > 0) clause = pieces.pop()!;
  return clause;
}

/** Words of the token range as written, split at white space ("£116.40" is one). */
function wordsIn(m: RuleMatch, [a, b]: [number, number]): number {
  if (a >= b) return 0;
  return m.turn.text.slice(m.features.tokens.start(a), m.features.tokens.end(b - 1)).split(/\s+/).filter(Boolean).length;
}

/** The range opens with a number or an amount ("£40", "3 parcels"): a subject as definite as "the". */
function opensWithFigure(f: RuleMatch['features'], [a, b]: [number, number]): boolean {
  return a < b && a < f.tokens.length && (f.tokens.kind(a) === 'number' || CURRENCY.has(f.tokens.text(a)));
}

/**
 * A promise whose subject is not "I" or "we": a thing or a third party, named by a noun phrase or
 * a pronoun, with a time ("your refund will be back in your account within 3 days", "the driver will
 * text you by 6pm", "it'll arrive tomorrow"). The subject decides the owner; without a time, or said
 * as a general rule, an option or a condition, it is information, not a promise.
 */
function subjectLedPromise(m: RuleMatch): false | { owner: string } {
  const f = m.features;
  const inSentence = sentenceTokens(f, m.tokens[0]);
  const clause = subjectClause(f, inSentence[0], m.tokens[0]);
  if (!dueOf(m)) return false;
  if (HABITUAL.in(f, ...inSentence) || AN_OPTION.in(f, ...inSentence)) return false;
  if (CONDITION_OR_HOPE.in(f, ...sentenceTokensBefore(m))) return false;
  const words = wordsIn(m, clause);
  if (THIRD_PERSON_WILL.in(f, ...m.tokens, 'start')) return words <= 3 ? { owner: firstWord(m) === "they'll" ? 'third-party' : 'company' } : false;
  const figure = opensWithFigure(f, clause);
  if (words === 0 || words > 7 || !(figure || SUBJECT_START.in(f, ...clause, 'start'))) return false;
  // A present-tense arrival is a promise only about a definite thing ("the credit goes…", not "refunds go…").
  if (firstWord(m) !== 'will' && !(figure || DEFINITE_SUBJECT.in(f, ...clause, 'start'))) return false;
  const company = (figure || COMPANY_SUBJECT.in(f, ...clause, 'start')) && !THIRD_PARTY_SUBJECT.in(f, ...clause, 'start');
  return { owner: company ? 'company' : 'third-party' };
}

const YOU_WILL_HEAR = phrases('you-will-hear');
const SUBJECT_BEFORE = phrases('subject-before');
const WORK_ON_THE_CUSTOMER = phrases('work-on-the-customer');
const AGENT_FIRST = phrases('agent-first-word');
const COMPANY_FIRST = phrases('company-first-word');
const MODAL = phrases('modal');
const ADVERB = phrases('adverb');
const ACTION_ENDS = phrases('action-ends');

/** An offer ("shall I call you?") earlier in the sentence, with no sentence mark between it and the match. */
function offeredBefore(m: RuleMatch): boolean {
  const f = m.features;
  return OFFER_BEFORE.in(f, ...sentenceTokensBefore(m), (_, end) => {
    for (let k = end; k < m.tokens[0]; k++) if (f.tokens.kind(k) === 'punct' && /[.?!]/.test(f.tokens.text(k))) return false;
    return true;
  });
}

/** Whether whitespace follows token `k` (the words after a modal start only after a space). */
const spaceAfter = (m: RuleMatch, k: number) => /\s/.test(m.turn.text.charAt(m.features.tokens.end(k)));

/**
 * The first token of the promised action: after the first modal from the match on ("will", "'ll",
 * "going to", "promise to"), or the match's own first token when there is none, and after one
 * adverb ("I'll personally call").
 */
function actionStart(m: RuleMatch, end: number): number {
  const f = m.features;
  // The earliest modal with a space after it, and the longest there ("promise to", else "promise").
  let at = -1;
  let after = -1;
  MODAL.in(f, m.tokens[0], end, (s, e) => {
    if (spaceAfter(m, e - 1) && (at < 0 || s < at || (s === at && e > after))) [at, after] = [s, e];
    return false;
  });
  // "'ll" ends a word ("I'll", "it'll"): the earlier one wins.
  for (let k = m.tokens[0]; k < end && (at < 0 || k < at); k++) {
    if (f.tokens.norm(k).endsWith("'ll") && spaceAfter(m, k)) {
      after = k + 1;
      break;
    }
  }
  let start = after < 0 ? m.tokens[0] : after;
  if (start < end && ADVERB.in(f, start, start + 1, 'whole') && spaceAfter(m, start)) start++;
  return start;
}

/**
 * The verb phrase of the promise, as said: from actionStart up to a time expression or a new
 * clause (a word of action-ends after a space) or a punctuation mark, and at most six words.
 */
function actionOf(m: RuleMatch): string {
  const f = m.features;
  const end = sentenceTokens(f, m.tokens[0])[1];
  const start = actionStart(m, end);
  if (start >= end) return '';
  let stop = m.sentence[1];
  // The first word of action-ends after a space (matches come in order of their start).
  ACTION_ENDS.in(f, start + 1, end, (s) => /\s/.test(m.turn.text.charAt(f.tokens.start(s) - 1)) && ((stop = f.tokens.end(s - 1)), true));
  const words = m.turn.text.slice(f.tokens.start(start), stop).replace(/[\u2019]/g, "'");
  // Punctuation ends the phrase wherever it stands, inside a token too ("£4.50").
  return words.split(/[,.;:!?]/)[0]!.split(/\s+/).slice(0, 6).join(' ');
}

/** When the promise is due, read from its first word to the end of its sentence (asked up to three times a match). */
// Keyed by the turn, not its features: kept after the conversation, features would hold a long turn's tokens.
let dueAsked: { turn: RuleMatch['turn']; at: number; due: string | undefined } | undefined;
function dueOf(m: RuleMatch): string | undefined {
  if (dueAsked?.turn !== m.turn || dueAsked.at !== m.tokens[0]) {
    dueAsked = { turn: m.turn, at: m.tokens[0], due: dueFrom(m.features, m.turn.text, m.tokens[0], sentenceTokens(m.features, m.tokens[0])[1]) };
  }
  return dueAsked.due;
}

/** The match's first word, as matching reads it. */
const firstWord = (m: RuleMatch) => m.features.tokens.norm(m.tokens[0]);

/**
 * Who owns a promise that opens with its owner: "I…" the agent; "we…", "you'll…", "your…" the
 * company; a third party named as subject-led promises name one ("the courier will collect it by
 * 6pm") that third party, though it opens with "the"; anyone else ("they", "someone") a third party.
 */
function ownerByFirstWords(m: RuleMatch): 'agent' | 'company' | 'third-party' {
  const f = m.features;
  const first: [number, number] = [m.tokens[0], m.tokens[0] + 1];
  if (AGENT_FIRST.in(f, ...first, 'whole')) return 'agent';
  if (THIRD_PARTY_SUBJECT.in(f, ...m.tokens, 'start')) return 'third-party';
  return COMPANY_FIRST.in(f, ...first, 'whole') ? 'company' : 'third-party';
}

/** Who promised what, and by when; offers ("shall I call you?") are not commitments. */
export function commitmentDetails(m: RuleMatch): false | Record<string, unknown> {
  const f = m.features;
  if (offeredBefore(m)) return false;
  let subjectOwner: string | undefined;
  // "You'll hear from us" holds no one to anything without a time.
  if (YOU_WILL_HEAR.in(f, ...m.tokens, 'start') && !dueOf(m)) return false;
  if (SUBJECT_BEFORE.in(f, ...m.tokens, 'start')) {
    const led = subjectLedPromise(m);
    if (!led) return false;
    subjectOwner = led.owner;
  }
  // "You'll have to email them" puts the work on the customer: that is no promise.
  if (WORK_ON_THE_CUSTOMER.in(f, m.tokens[0], f.tokens.length, 'start')) return false;
  const owner = subjectOwner ?? ownerByFirstWords(m);
  const action = actionOf(m);
  const due = dueOf(m);
  if (!isFirmPromise(m, action, due)) return false;
  return due ? { owner, action, due } : { owner, action };
}

const HEDGE = phrases('hedge');
/**
 * Without a time, taking a task on ("I'll look into it", "I'll help you there") is ownership, not a
 * promise of an outcome; handing the call on is a transfer. Passing feedback on, getting back, being
 * in touch or following up are promises a customer can hold the company to, timed or not.
 */
const VAGUE = phrases('vague-action');
const AND_COMES_BACK = phrases('and-comes-back');
const CONDITION_AFTER = phrases('condition-after');
const A_STEP = phrases('a-step');
const PROMISE_WORD = phrases('promise-word');
const WORD_GIVEN = phrases('word-given');
const ACTION_AFTER_PROMISE = phrases('action-after-promise');
const REASSURANCE = phrases('reassurance');
const SHOULD_HAVE = phrases('should-have');
const SHOULD_HAVE_HAD = phrases('should-have-had');

/** Endings of a past participle ("cancelled", "taken", "shown", "sent"). */
const PARTICIPLE_ENDINGS = ['ed', 'en', 'wn', 't'];
/** Whether a word, by its norm, is shaped as a past participle. */
const isParticiple = (norm: string) => !norm.includes("'") && PARTICIPLE_ENDINGS.some((e) => norm.length > e.length && norm.endsWith(e));

/** "You should have cancelled it" looks back at what the customer did (but "should have had" is owed to them). */
function looksBack(m: RuleMatch): boolean {
  const f = m.features;
  const [from, to] = [m.tokens[0], sentenceTokens(f, m.tokens[0])[1]];
  const said = SHOULD_HAVE.in(f, from, to, (_, end) => end < to && f.tokens.isWord(end) && isParticiple(f.tokens.norm(end)));
  return said && !SHOULD_HAVE_HAD.in(f, from, to);
}

/** A gift is goodwill, not a promise to be kept ("we'll cover the taxi"). */
const GIFT = phrasesOfRule('goodwill-gesture');

/**
 * A commitment the customer can hold the speaker to: not hedged, not conditional on an unknown,
 * concrete or timed, not a gift, not a bare "I promise you" of reassurance, not a process described
 * step by step with no time (that is next steps).
 */
function isFirmPromise(m: RuleMatch, action: string, due: string | undefined): boolean {
  const f = m.features;
  const before = sentenceTokensBefore(m);
  const after = sentenceTokensAfter(m);
  if (HEDGE.in(f, ...before) || HEDGE.in(f, ...m.tokens)) return false;
  // "You should have cancelled it" looks back at what the customer did: no promise at all.
  if (looksBack(m)) return false;
  const promises = PROMISE_WORD.in(f, ...m.tokens);
  if ((promises || WORD_GIVEN.in(f, ...m.tokens)) && !(due || ACTION_AFTER_PROMISE.in(f, ...after))) return false;
  if (promises && REASSURANCE.in(f, ...after, 'word')) return false;
  if (GIFT.in(f, ...sentenceTokens(f, m.tokens[0]))) return false;
  if (due) return true;
  if (VAGUE.in(featuresOf(action), 0, undefined, 'start') && !AND_COMES_BACK.in(f, ...after)) return false;
  if (CONDITION_AFTER.in(f, ...after)) return false;
  if (A_STEP.in(f, ...before) || A_STEP.in(f, ...after)) return false;
  return true;
}

/** Words in the customer's previous turn that show they are chasing something promised. */
const CHASING = phrases('chasing');
/** Words in the agent's turn that announce an action as promised. */
const ANNOUNCED = phrases('announced-as-promised');
const NOT_DONE = phrases('not-done');
const SAID_I_WOULD = phrases('said-i-would');
const THANKS = phrases('thanks');
const FOR_OR_BACK = phrases('for-or-back');
/** The promise phrases of the commitment rule, looked for in the agent's earlier turns. */
const earlierPromise = phrasesOfRule('commitment-made');

/** Thanks, then "for" or "back" after it ("thanks for ringing back"). */
function thanksFor(text: string): boolean {
  const f = featuresOf(text);
  return THANKS.in(f, 0, f.tokens.length, (_, end) => FOR_OR_BACK.in(f, end));
}

/** An action reported done keeps a promise only if one was made: earlier, announced, or chased. */
export function keepsAPromise(m: RuleMatch): false | Record<string, unknown> {
  const sentence = plain(m.turn.text.slice(m.sentence[0], m.sentence[1]));
  // "The credit my colleague promised wasn't applied" reports the opposite.
  if (NOT_DONE.in(m.features, ...sentenceTokens(m.features, m.tokens[0]))) return false;
  const promise = findEarlierTurnSharingAction(m, 'agent', earlierPromise, sentence);
  if (promise) return { action: matched(m), promisedIn: promise.index };
  const customer = previousTurn(m, 'customer', 2);
  if (ANNOUNCED.in(m.features) || (customer && CHASING.test(customer.text))) return { action: matched(m) };
  // "Thanks for ringing back." "I said I would.": the customer has just named the promise kept.
  if (SAID_I_WOULD.in(m.features, ...m.tokens, 'whole') && customer && thanksFor(customer.text)) return { action: matched(m) };
  return false;
}

