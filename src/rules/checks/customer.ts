// What the customer's words mean beyond the phrase: a complaint conceded, a feeling that is over,
// praise that means its opposite, thanks that turn something down. The code of the conditions named
// in conditions.ts, moved here from the customer rules' checks unchanged; the words they look for
// are phrase sets (src/rules/data/phrases/customer.yaml). Capitals, emoji, punctuation and counts,
// which phrases do not say, are read here; no regex here matches a word.
import type { TextFeatures } from '../../nlp/features.js';
import type { RuleMatch } from '../types.js';
import { noWordsIn, previousTurn, sentenceTokensAfter, sentenceTokensBefore, tokensBefore, type PhraseSet } from '../context.js';
import { phrases } from '../rule-patterns.js';
import { featuresOf } from '../../nlp/features.js';
import { turnSentiment } from '../../nlp/sentiment.js';

/** Whether `second` matches after a match of `first` in tokens [from, to) ("but … sorted"). */
const followedBy = (f: TextFeatures, first: PhraseSet, second: PhraseSet, from: number, to: number) => first.in(f, from, to, (_, end) => second.in(f, end, to));
/** Whether a match of `set` ends where the match ends ("… come on"). */
const endsTheMatch = (set: PhraseSet, m: RuleMatch) => set.in(m.features, ...m.tokens, (_, end) => end === m.tokens[1]);

// ---- distress ---------------------------------------------------------------

const PRAISE_OR_HESITATION = phrases('praise-or-hesitation');
const COME_ON = phrases('come-on');

/** "incredible" praises and "still not" hesitates unless the turn also complains. */
export const praiseOrHesitation = (m: RuleMatch): boolean => PRAISE_OR_HESITATION.in(m.features, ...m.tokens, 'whole');

/** "come on" is exasperation only said on its own ("Twenty-three days? Come on."), not "come on Monday". */
export const comeOnContinues = (m: RuleMatch): boolean => endsTheMatch(COME_ON, m) && !noWordsIn(m.features, ...sentenceTokensAfter(m));

const BEEN_WITH_YOU = phrases('been-with-you');
const FORCE_AFTER = phrases('force-after');
/** "!!", "?!", "!?": said with force. A regex because it reads punctuation, which phrases do not match. */
const FORCE = /!!|\?!|!\?/;

/** Years of custom are a grievance only said with force or beside a complaint. */
export const loyaltyWithoutForce = (m: RuleMatch): boolean =>
  BEEN_WITH_YOU.in(m.features, ...m.tokens, 'start') && !FORCE.test(m.turn.text) && !FORCE_AFTER.in(m.features, ...sentenceTokensAfter(m));

const CONCEDES = phrases('concedes');

/** "It seems a bit much, but okay": the clause after "but" concedes. */
export const concedes = (m: RuleMatch): boolean => CONCEDES.in(m.features, ...sentenceTokensAfter(m));

const WRONG = phrases('wrong');

/** "It's wrong" about a figure is a correction; "that's wrong" as a verdict stays. */
export const correctsAFigure = (m: RuleMatch): boolean => endsTheMatch(WRONG, m) && !noWordsIn(m.features, ...sentenceTokensAfter(m));

const I_WAS = phrases('i-was');
const BUT_UNTIL = phrases('but-until');
const PUT_RIGHT_SINCE = phrases('put-right-since');

/** "I was worried, but you've sorted it": a feeling the customer reports as over. */
export const feelingOver = (m: RuleMatch): boolean => I_WAS.in(m.features, ...m.tokens, 'start') && followedBy(m.features, BUT_UNTIL, PUT_RIGHT_SINCE, ...sentenceTokensAfter(m));

// ---- leaving ----------------------------------------------------------------

const LEAVING = phrases('leaving');
const GOING_TO = phrases('going-to');

/** "I'm leaving for the airport", "I'm off to work": going somewhere, not leaving the company. */
export const goingSomewhere = (m: RuleMatch): boolean => endsTheMatch(LEAVING, m) && GOING_TO.in(m.features, ...sentenceTokensAfter(m), 'start');

const A_BOOKING = phrases('a-booking');
const AN_ACCOUNT = phrases('an-account');

/** Cancelling or moving an appointment, a booking or an order is not leaving the company. */
export const aboutABooking = (m: RuleMatch): boolean => A_BOOKING.in(m.features) && !AN_ACCOUNT.in(m.features);

// ---- sarcasm ----------------------------------------------------------------

/**
 * Ironic frames that carry no praise word ("I'll just wait then", "of course, it's always the
 * system", "just what I needed"): sarcastic beside words of waiting, absence or refusal. (Praise
 * words are left to the turn's sentiment, which weighs what the praise is about.)
 */
const IRONIC_FRAME = phrases('ironic-frame');
const NEGATIVE_CONTEXT = phrases('negative-context');
/** Negative words in friendly set phrases: "great, no problem", "brilliant, can't wait". */
const BENIGN = phrases('benign');
/** What an agent says when the news is bad: the turn a customer's "great" answers. */
const BAD_NEWS = phrases('bad-news');
/** Praise that, said bare after bad news, means its opposite. */
const BARE_PRAISE = phrases('bare-praise');
const THANKS_WORDS = phrases('thanks-words');
const WAY_OUT = phrases('way-out');
const GREAT_NEWS = phrases('great-news');
/** Eye-roll, slow clap, upside-down face, unamused, raised eyebrow: a regex because emoji are not words, which is all phrases name. */
const IRONY_EMOJI = /🙄|👏|🙃|😒|🤨/;
const EMPHASIS = phrases('emphasis');
const THANKS_OR_HELP = phrases('thanks-or-help');
const FLAT_REALLY = phrases('flat-really');

/** Whether a word is written in capitals ("SO", not "So"): matching reads words case-blind. */
const inCapitals = (text: string) => text !== text.toLowerCase() && text === text.toUpperCase();

/** "Thanks SO much for the help": a word of emphasis in capitals, with thanks or help after it in the turn. */
const emphasisInCapitals = (f: TextFeatures): boolean =>
  EMPHASIS.in(f, 0, f.tokens.length, (start, end) => inCapitals(f.tokens.text(start)) && THANKS_OR_HELP.in(f, end, f.tokens.length));

/** The turn ends on a flat "Really." (the word, then a full stop written on to it, and nothing after). */
function endsOnFlatReally(f: TextFeatures): boolean {
  const n = f.tokens.length;
  return n >= 2 && f.tokens.text(n - 1) === '.' && f.tokens.touchesPrevious(n - 1) && FLAT_REALLY.in(f, n - 2, n - 1, 'whole');
}

/** The marks of irony that hold in a turn of praise too: eye-roll, slow clap, a flat "Really." after thanks. */
const ironyAsides = (m: RuleMatch): boolean => IRONY_EMOJI.test(m.turn.text) || endsOnFlatReally(m.features);
/** Marks of irony in the customer's own turn: the asides, or emphasis in capitals before thanks or help. */
const ironyMarked = (m: RuleMatch): boolean => ironyAsides(m) || emphasisInCapitals(m.features);

/** A word of waiting, absence or refusal in `f` outside its friendly set phrases ("no problem"). */
function negativeIn(f: TextFeatures): boolean {
  const benign: Array<[number, number]> = [];
  BENIGN.in(f, 0, f.tokens.length, (start, end) => (benign.push([start, end]), false));
  return NEGATIVE_CONTEXT.in(f, 0, f.tokens.length, (start, end) => !benign.some(([a, b]) => start < b && end > a));
}

/** A regex because it counts the gaps between words, matching none. */
const SPACES = /\s+/g;
/** Whether a text split at spaces makes six pieces or fewer: a short reply. Counts no further. */
function isShortReply(text: string): boolean {
  SPACES.lastIndex = 0;
  let pieces = 1;
  while (pieces <= 6 && SPACES.test(text)) pieces++;
  return pieces <= 6;
}

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
  const agentSaid = agent && featuresOf(agent.text);
  // Searched only for a short reply: the agent's turn may be long, and a long reply needs no answer from it.
  const short = isShortReply(m.turn.text);
  const offersAWayOut = short && agentSaid !== undefined && WAY_OUT.in(agentSaid);
  // A short answer to good news means what it says, whatever its words.
  if (offersAWayOut) return false;
  if (sentimentReadsSarcasm(m) || ironyAsides(m)) return;
  // An ironic frame beside waiting, absence or refusal, in this turn or the agent's before it.
  if (IRONIC_FRAME.in(m.features, ...m.tokens, 'start') && (negativeIn(m.features) || (agentSaid !== undefined && negativeIn(agentSaid)))) return;
  // Bare praise ("Great, just great.") in answer to bad news; a longer reply says what it means itself.
  const bare = short && !THANKS_WORDS.in(m.features);
  if (agentSaid && bare && BARE_PRAISE.in(m.features, ...m.tokens, 'start') && BAD_NEWS.in(agentSaid)) return;
  return false;
}

const SARCASTIC_ALONE = phrases('sarcastic-alone');
const SERVICE = phrases('service');
const AS_ALWAYS = phrases('as-always');
const WHAT_AM_I = phrases('what-am-i');
const THANKS_SO_MUCH_FOR = phrases('thanks-so-much-for');
const FOR_NOTHING = phrases('for-nothing');

/** "great, just great": the match is one word, "just", and the same word again. */
function saidTwice(m: RuleMatch): boolean {
  const tokens = m.features.tokens;
  const words: string[] = [];
  for (let k = m.tokens[0]; k < m.tokens[1]; k++) if (!tokens.isPunct(k)) words.push(tokens.norm(k));
  return words.length === 3 && words[0] === words[2] && words[1] === 'just';
}

/** Praise or thanks that means its opposite (the sarcasm rule's whole judgement, in one place). */
function sarcastic(m: RuleMatch): false | void {
  const f = m.features;
  // These are sarcastic on their own; the rest need a complaint beside them.
  if (SARCASTIC_ALONE.in(f, ...m.tokens, 'start')) return;
  // Praise of the service "as always", "as usual", "again" is irony on its own.
  if (SERVICE.in(f, ...m.tokens, (_, end) => AS_ALWAYS.in(f, end, m.tokens[1], 'end'))) return;
  // Praise said twice over ("great, just great") is flat irony on its own.
  if (saidTwice(m)) {
    const agent = previousTurn(m, 'agent', 1);
    if (!agent || !(WAY_OUT.test(agent.text) || GREAT_NEWS.test(agent.text))) return;
    return false; // an answer to good news means what it says
  }
  // A rhetorical "what am I meant to do, …?" answers the agent rather than asking them.
  if (WHAT_AM_I.in(f, ...m.tokens, 'start')) return m.tokens[1] < f.tokens.length && f.tokens.text(m.tokens[1]) === ',' ? undefined : false;
  if (THANKS_SO_MUCH_FOR.in(f, ...m.tokens, 'whole') && !ironyMarked(m)) {
    if (!FOR_NOTHING.in(f, ...sentenceTokensAfter(m), 'start')) return false;
    return;
  }
  return praiseBesideComplaint(m);
}

export const ironic = (m: RuleMatch): boolean => sarcastic(m) !== false;

// ---- thanks -----------------------------------------------------------------

const BUT_HOWEVER = phrases('but-however');
const COMPLAINT = phrases('complaint');

/** "Thanks, but it still isn't fixed": politeness before a complaint, not gratitude. */
export const complaintAfterBut = (m: RuleMatch): boolean => followedBy(m.features, BUT_HOWEVER, COMPLAINT, ...sentenceTokensAfter(m));

const WOULD = phrases('would');
const APPRECIATE = phrases('appreciate');
const IF = phrases('if');

/** "I'd appreciate it if you…" asks for something; it thanks no one yet. */
export const asksAFavour = (m: RuleMatch): boolean =>
  WOULD.in(m.features, ...sentenceTokensBefore(m), 'end') || (APPRECIATE.in(m.features, ...m.tokens, 'start') && IF.in(m.features, ...sentenceTokensAfter(m), 'word'));

const THOUGH = phrases('though');

/** "Thanks though", "thanks anyway": courtesy while turning an offer down. */
export const declinesPolitely = (m: RuleMatch): boolean => THOUGH.in(m.features, ...sentenceTokensAfter(m), 'word');

/** A turn marked as ironic ("Thanks SO much. Really.", an eye-roll): its thanks are sarcasm's. */
export const ironyMarks = (m: RuleMatch): boolean => ironyMarked(m);

const PASSING_ON_THANKS = phrases('passing-on-thanks');

/** "thank you" repeated back in a request ("can you say thank you to her") is not the customer's thanks. */
export const relaysThanks = (m: RuleMatch): boolean => PASSING_ON_THANKS.in(m.features, ...tokensBefore(m), 'end');

// ---- contacting again -------------------------------------------------------

const FOND = phrases('fond');
const NOT_FOND = phrases('not-fond');

/** An earlier contact remembered fondly is not a failure to resolve. */
export const rememberedFondly = (m: RuleMatch): boolean => FOND.in(m.features, ...sentenceTokensAfter(m)) && !NOT_FOND.in(m.features, ...sentenceTokensAfter(m));

const FIRST_CONTACT = phrases('first-contact');

/** "the first", "my first": a first contact, not a repeat. */
export const firstContact = (m: RuleMatch): boolean => FIRST_CONTACT.in(m.features, ...m.tokens, 'start');

const ORDINAL_TIME = phrases('ordinal-time');
const CONTACT_WORDS = phrases('contact-words');

/** "a second time" in a turn that speaks of no contact (no telling, calling, chasing…). */
export const ordinalWithoutContact = (m: RuleMatch): boolean => ORDINAL_TIME.in(m.features, ...m.tokens, 'whole') && !CONTACT_WORDS.in(m.features);
