// What the customer's words mean beyond the phrase: a complaint conceded, a feeling that is over,
// praise that means its opposite, thanks that turn something down. The code of the conditions named
// in conditions.ts, moved here from the customer rules' checks unchanged.
import type { RuleMatch } from '../types.js';
import { matched, plain, previousTurn, sentenceAfter } from '../context.js';
import { turnSentiment } from '../../nlp/sentiment.js';

// ---- distress ---------------------------------------------------------------

/** "incredible" praises and "still not" hesitates unless the turn also complains. */
export const praiseOrHesitation = (m: RuleMatch): boolean => /^(incredible|still not)$/.test(matched(m));

/** "come on" is exasperation only said on its own ("Twenty-three days? Come on."), not "come on Monday". */
export const comeOnContinues = (m: RuleMatch): boolean => /come on$/.test(matched(m)) && !/^\W*$/.test(sentenceAfter(m));

/** Years of custom are a grievance only said with force or beside a complaint. */
export const loyaltyWithoutForce = (m: RuleMatch): boolean =>
  /^(i've|i have|we've|we have|ive) been/.test(matched(m)) && !/!!|\?!|!\?/.test(m.turn.text) && !/\b(and (now|this|yet|you|still)|yet|still|how|why|never)\b/.test(sentenceAfter(m));

/** "It seems a bit much, but okay": the clause after "but" concedes. */
export const concedes = (m: RuleMatch): boolean => /\bbut (okay|ok|fine|fair|that's fine|that's fair|i understand|i get it)\b/.test(sentenceAfter(m));

/** "It's wrong" about a figure is a correction; "that's wrong" as a verdict stays. */
export const correctsAFigure = (m: RuleMatch): boolean => /wrong$/.test(matched(m)) && /^\W*\w/.test(sentenceAfter(m));

/** "I was worried, but you've sorted it": a feeling the customer reports as over. */
export const feelingOver = (m: RuleMatch): boolean =>
  /^(i was|we were)\b/.test(matched(m)) && /\b(but|until)\b.*\b(sorted|fixed|resolved|helped|great|thanks|thank you)\b/.test(sentenceAfter(m));

// ---- leaving ----------------------------------------------------------------

/** "I'm leaving for the airport", "I'm off to work": going somewhere, not leaving the company. */
export const goingSomewhere = (m: RuleMatch): boolean => /\b(leaving|off)$/.test(matched(m)) && /^\s*(for|to|at|now|in|on|the|home|work|soon)\b/.test(sentenceAfter(m));

/** Cancelling or moving an appointment, a booking or an order is not leaving the company. */
export const aboutABooking = (m: RuleMatch): boolean =>
  /\b(appointment|booking|order|flight|visit|engineer|date|reservation|delivery|slot)\b/.test(plain(m.turn.text)) && !/\b(account|contract|subscription|membership|provider|elsewhere)\b/.test(plain(m.turn.text));

// ---- sarcasm ----------------------------------------------------------------

/**
 * Ironic frames that carry no praise word ("I'll just wait then", "of course, it's always the
 * system", "just what I needed"): sarcastic beside words of waiting, absence or refusal. (Praise
 * words are left to the turn's sentiment, which weighs what the praise is about.)
 */
const IRONIC_FRAME = /^(i'll|i will|i|just|of course|naturally|typical|how convenient|surprise surprise|it's|it is)\b/;
const NEGATIVE_CONTEXT =
  /\b(another|again|still|waiting|wait|hours?|days?|weeks?|months?|never|nothing|nobody|no one|not|no|lost|cut off|on hold|broken|late|wrong|charged|twice|third|fourth|useless|cancel\w*|mess|lose|losing|without|didn't|doesn't|don't|isn't|wasn't|won't|can't|couldn't|until|till|afraid|unfortunately|unable)\b/;
/** Negative words in friendly set phrases: "great, no problem", "brilliant, can't wait". */
const BENIGN = /\b(can't wait|cannot wait|no problem|no worries|no rush|no bother|no need|not a problem|not bad|not at all|no trouble)\b/g;

/** What an agent says when the news is bad: the turn a customer's "great" answers. */
const BAD_NEWS =
  /\b(afraid|unfortunately|can't|cannot|won't let|unable|not able|no record|next available|resubmit|submit it again|out of stock|not possible|nothing (i|we) can|no one|nobody|delayed|cancelled|canceled)\b/;
/** Praise that, said bare after bad news, means its opposite. */
const BARE_PRAISE = /^(oh |well |just |how |wow )?(great|brilliant|perfect|wonderful|fantastic|lovely|marvellous|marvelous|super|amazing|excellent|terrific|fab|nice|splendid)\b/;
/** Marks of irony in the customer's own turn: eye-roll, slow clap, emphasis. */
const IRONY_MARKS = /🙄|👏|🙃|😒|🤨|\b(SO+|REALLY|VERY|SUCH|TOTALLY)\b.*\b([Tt]hanks|[Hh]elp)|\b[Rr]eally\.\s*$/;
/** The marks of irony that hold in a turn of praise too: eye-roll, slow clap, a flat "Really." after thanks. */
const IRONY_ASIDES = /🙄|👏|🙃|😒|🤨|\b[Rr]eally\.\s*$/;


/**
 * The customer's sentiment read the praise under the match as meaning its opposite (delight at a
 * complaint, praise before one, in scare quotes, in capitals, beside an eye-roll): one judgement of
 * sarcasm for the emotion curve and for the finding.
 */
function sentimentReadsSarcasm(m: RuleMatch): boolean {
  // turnSentiment reads a turn once, however many matches ask (and the emotion curve after them).
  return turnSentiment(m.features).terms.some((t) => t.sarcasm === true && t.span[0] < m.span[1] && t.span[1] > m.span[0]);
}

/** Sarcasm: praise that the turn's sentiment reads as its opposite, or bare praise in answer to bad news. */
function praiseBesideComplaint(m: RuleMatch): false | void {
  const agent = previousTurn(m, 'agent', 1);
  const offersAWayOut = agent !== undefined && /\bbut (i|we) can\b|\binstead\b|\bgood news\b/.test(plain(agent.text));
  // A short answer to good news means what it says, whatever its words.
  if (offersAWayOut && plain(m.turn.text).split(/\s+/).length <= 6) return false;
  if (sentimentReadsSarcasm(m) || IRONY_ASIDES.test(m.turn.text)) return;
  // An ironic frame beside waiting, absence or refusal, in this turn or the agent's before it.
  if (IRONIC_FRAME.test(matched(m))) {
    const around = `${plain(m.turn.text)} ${agent ? plain(agent.text) : ''}`.replace(BENIGN, ' ');
    if (NEGATIVE_CONTEXT.test(around)) return;
  }
  // Bare praise ("Great, just great.") in answer to bad news; a longer reply says what it means itself.
  const bare = plain(m.turn.text).split(/\s+/).length <= 6 && !/\b(thanks|thank you|cheers|appreciate)\b/.test(plain(m.turn.text));
  if (agent && !offersAWayOut && bare && BARE_PRAISE.test(matched(m)) && BAD_NEWS.test(plain(agent.text))) return;
  return false;
}

/** Praise or thanks that means its opposite (the sarcasm rule's whole judgement, in one place). */
function sarcastic(m: RuleMatch): false | void {
  const words = matched(m);
  // These are sarcastic on their own; the rest need a complaint beside them.
  if (/^(thanks for nothing|thanks a \w+ (for nothing|not)|yeah right|as if|like that|because|cos|coz|cause|thanksfornothing|yeahright|thanksalot)/.test(words)) return;
  // Praise of the service "as always", "as usual", "again" is irony on its own.
  if (/\b(service|job|work|help)\b.*\b(as always|as usual|again)\W*$/.test(words)) return;
  // Praise said twice over ("great, just great") is flat irony on its own.
  if (/^(\w+)\W+just\W+\1$/.test(words)) {
    const agent = previousTurn(m, 'agent', 1);
    if (!agent || !/\b(good|great) news\b|\bbut (i|we) can\b|\binstead\b/.test(plain(agent.text))) return;
    return false; // an answer to good news means what it says
  }
  // A rhetorical "what am I meant to do, …?" answers the agent rather than asking them.
  if (/^what (am|are)/.test(words)) return /^\s*,/.test(m.turn.text.slice(m.span[1])) ? undefined : false;
  if (/^(thanks|thank you) (so much|very much) for$/.test(words) && !IRONY_MARKS.test(m.turn.text)) {
    if (!/^\s*(nothing|wasting|making|losing|ignoring|the runaround|keeping me)/.test(sentenceAfter(m))) return false;
    return;
  }
  return praiseBesideComplaint(m);
}

export const ironic = (m: RuleMatch): boolean => sarcastic(m) !== false;

// ---- thanks -----------------------------------------------------------------

/** "Thanks, but it still isn't fixed": politeness before a complaint, not gratitude. */
export const complaintAfterBut = (m: RuleMatch): boolean => /\b(but|however)\b.*\b(still|not|isn't|hasn't|haven't|never|nobody|no one|doesn't|won't|can't)\b/.test(sentenceAfter(m));

/** "I'd appreciate it if you…" asks for something; it thanks no one yet. */
export const asksAFavour = (m: RuleMatch): boolean =>
  /\b(i'd|i would|would)\s*$/.test(plain(m.turn.text.slice(m.sentence[0], m.span[0]))) || (/^appreciate/.test(matched(m)) && /^\W*if\b/.test(sentenceAfter(m)));

/** "Thanks though", "thanks anyway": courtesy while turning an offer down. */
export const declinesPolitely = (m: RuleMatch): boolean => /^\W*(though|anyway|all the same)\b/.test(sentenceAfter(m));

/** A turn marked as ironic ("Thanks SO much. Really.", an eye-roll): its thanks are sarcasm's. */
export const ironyMarks = (m: RuleMatch): boolean => IRONY_MARKS.test(m.turn.text);

/** "thank you" repeated back in a request ("can you say thank you to her") is not the customer's thanks. */
export const relaysThanks = (m: RuleMatch): boolean => /\b(say|tell|pass on)\s*$/.test(plain(m.turn.text.slice(0, m.span[0])));

// ---- contacting again -------------------------------------------------------

/** An earlier contact remembered fondly is not a failure to resolve. */
export const rememberedFondly = (m: RuleMatch): boolean =>
  /\b(fine|great|good|helpful|sorted|perfect|brilliant|lovely)\b/.test(sentenceAfter(m)) && !/\b(but|still|again|not|never)\b/.test(sentenceAfter(m));

/** "the first", "my first": a first contact, not a repeat. */
export const firstContact = (m: RuleMatch): boolean => /^(the first|my first)/.test(matched(m));

/** "a second time" in a turn that speaks of no contact (no telling, calling, chasing…). */
export const ordinalWithoutContact = (m: RuleMatch): boolean =>
  /^(a|the) (second|third|fourth|fifth) time$/.test(matched(m)) && !/\b(tell|explain|call|chase|contact|ring|repeat)\w*/.test(plain(m.turn.text));
