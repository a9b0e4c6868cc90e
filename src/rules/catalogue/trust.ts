// Trust rules: promises made, owned and followed up (seeds 001, 003).
import type { RuleDef, RuleMatch } from '../types.js';
import { dueFrom } from '../extract/due.js';
import { promiseNotKept } from '../checks/promises.js';
import { phrasesOfRule, rulePatterns } from '../rule-patterns.js';
import { PhraseSet, findEarlierTurn, matched, plain, previousTurn, sentenceAfter, sharesAction, turnAfter, turnBefore } from '../context.js';

const ACTION =
  '(~pass|~share|~forward|~relay|feed back|~notify|~respond|~reply|~work|~place|let (our|the|my|them|him|her) [right|relevant|dev|development|support|product|content] [team|teams|devs|developers|folks|people|manager|colleagues|engineers] know|have you (on your way|sorted|back|moving|up and running)|~find|~address|~add|~continue|be (responding|following up|replying|reaching out|sharing|passing|in contact|assisting|working|reviewing|keeping|looking into)|~move|~transfer|~call|~ring|~phone|~email|~text|~send|~refund|~credit|~process|~arrange|~book|~update|~check|~escalate|~follow|~contact|~raise|~log|~cancel|~reschedule|~ship|~replace|~waive|~reset|~review|~investigate|~monitor|~chase|~confirm|~post|~dispatch|~issue|~order|~apply|~fix|~sort|~repair|~upgrade|~reimburse|~cover|~honour|~honor|~activate|~reconnect|~restore|~unblock|~reverse|get back|be in touch|reach out|let you know|keep you (updated|posted|informed)|look into|put (through|in) a|make sure|ensure)';
const ADVERB = '[personally|definitely|certainly|happily|gladly|also|then|now|just|actually|immediately|right away|straight away|first|be sure to|make sure to|make sure we|continue to]';
/** What a subject-led promise says will happen: arrive, be back, call, meet, be posted. */
const OUTCOME =
  '(arrive|reach|land|go|come|call|ring|phone|text|email|contact|meet|visit|deliver|collect|clear|send|post|drop|be (back|with|there|in|on|ready|round|over|posted|sent|dispatched|delivered|refunded|credited|returned|paid|collected|fixed|repaired|replaced|reconnected|restored|connected|installed|unblocked|reactivated))';
const ASKING = /\b(shall|should|can|could|may) (i|we)\b[^.?!]*$|\b(would|do) you (like|want) (me|us) to\b[^.?!]*$|\bif you('d| would)? (like|want)\b[^.?!]*$/;

const COMMITMENT_PATTERNS = [
  `(i'll|i will|i'm going to|i am going to|i shall|i'm gonna) ${ADVERB} ${ACTION}`,
  `(we'll|we will|we're going to|we are going to|we're gonna) ${ADVERB} ${ACTION}`,
  `(you'll|you will|you should) (receive|get|see|have|hear) ** (email|text|letter|call|confirmation|refund|credit|replacement|reply|response|update|parcel|card|engineer|technician|voucher|code|link|back|money|payment|cheque|check)`,
  `(someone|an engineer|a technician|a specialist|a manager|my manager|my supervisor|the team|our team|a colleague|the courier|my colleague|the specialist team|they) will (~call|~ring|~contact|be in touch|get back|~visit|come|~email|reach out|~deliver|~collect)`,
  `(your|the) (refund|replacement|credit|money|payment|parcel|order|new card|card|engineer|technician|cheque|voucher) (will|should) (be|arrive|reach|show|appear|come|go|land|clear) ** (within|by|in|on|tomorrow|today|before|next)`,
  `(i|we) promise [you] [to|that|i'll|we'll]`,
  `(i|we) (guarantee|give you my word)`,
  // Work under way that will reach the customer: "rest assured we're working to restore it".
  `(we're|we are|our team is|the team is|our engineers are|they're|they are|i'm|i am) [currently|actively|still|already] working (on|to|towards|hard)`,
  `(we'll|we will|i'll|i will) get (this|that|it|these|your feedback|your comments|the issue) (passed|reported|sorted|fixed|escalated|sent|forwarded|fed|logged|raised|shared|added|looked)`,
  `(feedback|comments|thoughts|request|requests|suggestion|suggestions|concern|concerns|complaint|issue|case) (will|shall) be (passed|shared|forwarded|addressed|resolved|reviewed|looked|escalated|fixed|added|investigated|raised|logged|handled|sent|considered|taken)`,
  `(someone|somebody|a member|a colleague|an agent|a representative|one of our) [of|from] ** will (be with you|be in touch|get back|reach out|respond|reply|follow up|contact|call|be responding|be following up|look into|review|issue|assist)`,
  `(our|the|my|your) [*] (team|teams|employees|staff|engineers|specialists|experts|devs|developers|agents|crew|folks|people|colleagues|manager|supervisor|department|technician|engineer|case manager) will (~work|~do|be|~get|~reach|~respond|~reply|~follow|~contact|~call|~review|~look|~issue|~send|~assist|~escalate|~investigate|~update)`,  `(you|you'll|you will) (should|will) (hear back|receive|get|see)`,
  `(will|should) (hear|be hearing) back`,
  `(someone|a member of (our|the) team|an agent|the next available agent|our team|the team|a specialist|they|our (specialists|experts|engineers)) will (be with you|be in touch|get back|reach out|respond|reply|follow up|contact|call|be responding|be following up|look into|review|issue|assist)`,
  `ill ${ADVERB} ${ACTION}`,
  `expect (a|an|the|your) (call|email|text|letter|visit|refund|engineer|reply|update|callback|delivery) (from|by|within|tomorrow|today|on|in|this|next)`,
  `(the|your|an|our|my) (engineer|technician|courier|driver|prescription|order|parcel|refund|replacement|card|claims handler|specialist|nurse|doctor|new card|new router|router|money|credit) will (be|arrive|reach|show|come|land|go) (with you|there|ready|in touch|round|delivered|dispatched|sent|processed|back|available|in|on|by|within|tomorrow|today|out)`,
  `(i'll|i will|we'll|we will|i'm going to|we're going to) ${ADVERB} (give you|drop you) (a|an) [quick] (call|ring|text|email|line|bell|message)`,
  `(you'll|you will) (hear|be hearing) (from us|from them|from me|from the team|from someone|back|from the engineer|from our)`,
  // Subject-led: whoever or whatever the subject is ("the £1,240 will be back…", "someone from scheduling
  // will call you…", "it'll arrive tomorrow", "the credit goes onto your account within three days");
  // \`subjectLedPromise\` checks the subject and asks for a time.
  `will ${ADVERB} ${OUTCOME}`,
  `(it'll|they'll|he'll|she'll) ${ADVERB} ${OUTCOME}`,
  `(goes|lands|arrives|reaches|clears|comes|drops) [back] (onto|into|in|on|to|back|through|with|by|within|tomorrow|today)`,
];

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
function commitmentDetails(m: RuleMatch): false | Record<string, unknown> {
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
const earlierPromise = new PhraseSet(COMMITMENT_PATTERNS);

/** An action reported done keeps a promise only if one was made: earlier, announced, or chased. */
function keepsAPromise(m: RuleMatch): false | Record<string, unknown> {
  const sentence = plain(m.turn.text.slice(m.sentence[0], m.sentence[1]));
  // "The credit my colleague promised wasn't applied" reports the opposite.
  if (/\b(wasn't|wasnt|was not|weren't|hasn't|has not|haven't|have not|never|didn't|did not|not yet)\b/.test(sentence)) return false;
  const promise = findEarlierTurn(m, 'agent', earlierPromise, (t) => sharesAction(t.text, sentence));
  if (promise) return { action: matched(m), promisedIn: promise.index };
  const customer = previousTurn(m, 'customer', 2);
  if (ANNOUNCED.test(plain(m.turn.text)) || (customer && CHASING.test(plain(customer.text)))) return { action: matched(m) };
  // "Thanks for ringing back." "I said I would.": the customer has just named the promise kept.
  if (/^(i|we) (said|promised) (i|we) would$/.test(matched(m)) && customer && /\b(thank|thanks|cheers)\b.*\b(for|back)\b/.test(plain(customer.text))) return { action: matched(m) };
  return false;
}

const DONE =
  '(sent|processed|refunded|issued|booked|arranged|emailed|called|rung|cancelled|canceled|credited|escalated|raised|updated|applied|reset|fixed|waived|posted|dispatched|ordered|reversed|restored|reconnected|activated|logged|added|scheduled|submitted|corrected|removed|changed|replaced|sorted|completed|approved|rebooked|returned|paid|unblocked|upgraded|organised|organized|chased)';

export const trustRules: RuleDef[] = [
  {
    id: 'commitment-made',
    category: 'commitment',
    kind: 'strength',
    severity: 'info',
    speaker: 'agent',
    title: 'Makes a concrete commitment',
    description: 'The agent commits to an action, by the agent, the company or a named team, with a time where one is given.',
    why: 'Saying what you will do and when is what lets the customer stop worrying; trust is built by consistent performance and follow-up on such promises.',
    source: 'seed 003: communicate time lines and actions, under-promise and over-deliver; seed 001: trust',
    message: 'A concrete commitment: the customer knows who will do what.',
    allowQuestion: true,
    patterns: COMMITMENT_PATTERNS,
    examples: {
      match: [
        "I'll call you back by 3pm today with the result.",
        "We'll refund the second charge within 5-7 working days.",
        "You'll get a confirmation email in the next ten minutes.",
        'An engineer will call you tomorrow morning to book the visit.',
        'Your refund will be back in your account within 3 working days.',
        "I'll give you a call back tomorrow morning with the result.",
        "You'll hear from us within 48 hours.",
        'Someone from our billing team will ring you tomorrow before noon.',
        'The £60, which is the full fare, will be back on your card by Friday.',
        'Once the parcel reaches us, the credit goes onto your account within five working days.',
        "It's booked, so it'll arrive tomorrow before 6pm.",
      ],
      noMatch: [
        'Refunds usually go back to the card within five working days.',
        'The new price will show on your next bill.',
        'If the parcel arrives tomorrow, just let me know.',
        "You can either collect it, it'll be ready by 2pm, or we can post it.",
        "They'll get back to you.",
        "You'll hear from us.",
        "I can't promise a callback today, I'm afraid.",
        'Shall I call you back later?',
        "You said you'd call me back, and nobody did.",
        "I'll transfer you now.",
        "You'll have to email the returns team yourself.",
      ],
    },
    check: commitmentDetails,
    // "I'll send you over to someone else" announces a transfer, not a promise.
    suppressedBy: ['unexplained-transfer'],
  },
  {
    id: 'ownership-taken',
    category: 'ownership',
    kind: 'strength',
    severity: 'info',
    speaker: 'agent',
    title: 'Owns the problem',
    description: 'The agent takes the problem on personally, or owns the company’s mistake.',
    why: 'Becoming the customer’s champion and owning the problem is what turns a failure into loyalty; it is the opposite of pointing at policy or another department.',
    source: 'seed 000: become your customer’s champion and own the problem; seed 002: staff should own the customer’s pain',
    message: 'Takes ownership: the customer no longer carries the problem alone.',
    // "I can look into this for you, can you DM me your account?" takes the task inside a question.
    allowQuestion: true,
    check(m) {
      // "DM us so I can look into it" asks the customer to act; the looking is only its purpose.
      if (/^(i|let)\b/.test(matched(m)) && /\b(so|so that|in order to|for me to|if|once|when|then)\s*(i|we)?\s*(can|could|may)?\s*$/.test(plain(m.turn.text.slice(m.sentence[0], m.span[0])))) return false;
    },
    patterns: [
      `let me (sort|fix|take care of|look into|handle|deal with|sort out|get to the bottom of|put|dig into|chase) (this|that|it|everything) [out|right|properly|myself|personally]`,
      `(leave|leaving) (it|this|that) with me`,
      `(i'll|i will|i'm going to|i am going to) [personally] (take care of|handle|sort out|deal with|own|look after) (this|that|it|everything|your case)`,
      `(i'll|i will) personally`,
      `(i|i'll|i will) (take|taking) (full|personal) (ownership|responsibility)`,
      `(that's|that is|this is|it's|it was|that was) (our|my|entirely our|completely our) (mistake|fault|error|doing|failure|failing)`,
      `(that's|that is|this is|it's|it was|that was) (a|our) (failure|mistake|error|fault) on (our|my) (side|part|end)`,
      `(we|i) (got|made) (that|this|it) wrong`,
      `(we|i) (messed|screwed) (that|this|it) up`,
      `(i'm|i am) (going to|gonna) (make|put) (this|it|that|things) right`,
      `(i'm|i am) on (it|this|the case)`,
      `(i'll|i will|let me) (take|own) (it|this|that) from here`,
      `(we|i) (dropped|have dropped) the ball`,
      `(we've|i've) dropped the ball`,
      `(we|i) should have (caught|done|sent|called|checked|told|spotted|fixed|noticed)`,
      `(that one's|this one's|that one is|this one is) on (us|me)`,
      `(that's|that is|this is) on (us|me)`,
      `(i|we) take (full|complete) (responsibility|ownership)`,
      `(i'll|i will) make (sure|certain) (this|it|that|everything) (gets|is|will be) (sorted|fixed|resolved|done|put right|taken care of)`,
      `let me see what (i|we) can do`,
      // First person taking the task: "let me check", "I'd be glad to look into this", "I can look into the charges".
      `(let me|allow me to|let us|let's|lets) [just|quickly|personally|definitely|now] (~look|~check|~investigate|~research|~review|~dig|~dive|~sort|~fix|~handle|~chase|~report|~take|~find|~issue|~log|~escalate|~contact|~raise|~query|~replicate|~capture)`,
      `(i|i'll|i will|i can|i'd|i would|i am|i'm|ill) [definitely|certainly|personally|gladly|happily|also|still|absolutely] [be] [happy|glad|more than happy|love|like|want|able|going] [to] (~look|~check|~investigate|~research|~review|~dig|~dive|~sort|~fix|~handle|~chase|~report|~take|~find|~issue|~log|~escalate|~contact|~raise|~query|~replicate|~capture)`,
      `(i'll|i will|ill|let me) [just|quickly] see (what|if|whether|how|where)`,
      `(want|going|like) to make (this|it|that|things) right`,
      `(i|we) can have (a|our|one of our|someone) ** (look|review|check|call|contact|investigate)`,
      // Work done or under way for the customer: "I've passed this on", "I just checked your modem", "I'm looking into it".
      `(i've|i have|i|i've just|i have just|i just|i already|i've already|i have already|i personally) [just|already|now|also|gone ahead and|went ahead and|personally] (issued|sent|passed|forwarded|fed|logged|log|noted|reported|contacted|called|spoke|spoken|checked|pinged|made|booked|reserved|raised|escalated|refunded|credited|added|shared|looped|let|processed|submitted|emailed|cancelled|arranged|ordered|requested|updated|reissued|placed|investigated|reviewed)`,
      `i [still|already|just] got you`,
      `let me try`,
      `(feedback|comments|concerns|concern|complaint|details|case|request|experience) (has|have) been (passed|forwarded|shared|logged|raised|escalated|sent|fed|noted|reported)`,
      `(i'm|i am|we're|we are) [now|currently|just|already|actively] (looking into|checking|reviewing|investigating|researching|working on|replying to|chasing)`,
      `(there's|there is) nothing (i|we) (wouldn't|would not) do`,
      `(i'll|i will|i'm going to|ill) ** myself`,
      `(i'll|i will) be the one`,
      `ask for me`,
      `(i'm|i am|i) (not going to|won't|will not|am not going to) let (this|it|you) (drop|go|slip|fall)`,
      `leave (it|this|that) (w|with) me`,
      `(keeping|keep|i'll keep) (your case|this|it|your claim|your complaint) with me`,
      `(our|my) (update|change|system|error|mistake|fault|engineer|team|side|software|website) (caused|broke|created|made|did)`,
      `(it was|that was|this was) (our|my) ** that (caused|broke|created|did|made)`,
      `let me (take|have) a [proper|good|closer|close|full|quick|personal] look`,
      `(let's|let us) (get|sort|fix|work) (this|it|that) ** (together|sorted|done|fixed|out)`,
      `(i'll|i will|i'm going to|i am going to|i'm gonna) stay (with you|on the line|on the call) (until|till|while)`,
      // Reassurance that the customer will not carry it again: "you won't have to chase this", "you won't be on your own".
      `you (won't|will not|shouldn't|should not) (have|need) to (chase|call|ring|phone|contact|come back|call back|go through) [this|it|us|anyone|again|anything]`,
      `you (won't|will not) be (on your own|alone|left on your own|left to)`,
      // Owning the agent's own slip in this conversation.
      `(that|it) came out wrong`,
      `(i|we) went straight to the (rules|policy|script|process)`,
      `(i|i really) (shouldn't|should not) have (said|assumed|put it|jumped)`,
      `(that|it) (wasn't|was not) fair (of me|on you)`,
      // Acting for the customer without being asked: "I've flagged it to our digital team", "I've raised the request".
      `(i've|i have) [also|already|now|just|personally] (flagged|raised|reported) (it|this|that|the|your|a)`,
      `(i'll|i'm going to|i will|ill) (get|have) (it|this|that|everything) (sorted|fixed|done|resolved)`,
    ],
    examples: {
      match: [
        'Leave it with me, I will sort it before the end of the day.',
        "That's our mistake, not yours.",
        "You were promised a call on Friday and it didn't happen; I'm sorry, that's our failure.",
        'Let me take care of this for you right now.',
        "I'm going to stay with you until this is sorted.",
        "We'll contact the consulate with you, so you won't be on your own with that.",
        "You're right, sorry, that came out wrong.",
        "I've also flagged the wording to our web team so it doesn't catch anyone else out.",
        'Let me dig into it properly now.',
      ],
      noMatch: [
        "You don't have to do anything else.",
        "You won't need to do anything until the letter arrives.",
        'It came out of your account on Monday.',
        "That's not my department.",
        'Let me transfer you to billing.',
      ],
    },
  },
  {
    id: 'follow-up-made',
    category: 'follow-up',
    kind: 'strength',
    severity: 'info',
    speaker: 'agent',
    title: 'Follows up as promised',
    description: 'The agent comes back to the customer on an earlier promise or checks the fix worked.',
    why: 'Following up on what you said you would do is what makes a promise count; customers expect you to act and to tell them.',
    source: 'seed 003: follow up, make it happen; seed 001: engagement and follow-up build trust',
    message: 'Follows up: the promise made earlier is being kept.',
    patterns: [
      `as (promised|agreed|discussed) [earlier|yesterday|last time|on the phone]`,
      `as i (said|promised|told you) i would`,
      `(i'm|i am) (calling|ringing|phoning|getting) back [to you] (about|regarding|on|as|with|to)`,
      `(just|i'm|i am|i'm just) (following up|checking in|checking back) [on|about|regarding|to see]`,
      `following up (on|about|regarding) (your|our|the|my)`,
      `(i|we) (said|promised) (i|we|we'd|i'd) (would|call|get back|update)`,
      `(has|did|have) (that|this|it|the fix|everything) (worked|sorted|fixed|resolved|helped) [it|things]`,
      `(i'm|i am) (calling|ringing|phoning|getting in touch|reaching out|writing) (to|with) (let you know|update you|check|see|give you an update|an update|follow up)`,
      `(i|we) (said|promised|told you) (i'd|we'd|i would|we would) (call|ring|get back|update|let you know|email|be in touch)`,
      `(calling|ringing|getting) back (as|like) (promised|agreed)`,
      `(is|was) (everything|it|the) ** (working|ok|okay|fine|sorted) (now|since)`,
      `just (checking|check) in`,
      `(checking|check) in (on|about|to see|with you|with)`,
      `touching base`,
      `(quick|just a|a quick) follow up (on|about|regarding|to)`,
      `(i|i just|just) (wanted|want|wanted to) to (check in|follow up|see how|see whether|see if|touch base|let you know|update you|make sure)`,
      `(this is|it's|here's) the (callback|call|call back|update) (i|we|my colleague) (promised|arranged|booked|mentioned|said)`,
      `as (i|we) (promised|agreed)`,
      `again (checking|calling|ringing|following up|getting back)`,
      `(i|we) (said|promised|told you) (i'd|we'd|i would|we would) (check|look|find out|chase|confirm|come back|follow up|ring|phone|contact)`,
      `(checking|calling|ringing) (to see|whether|if) (the|your|it|everything|that)`,
      // Back on an earlier contact: "we've replied to your DM", "we see your DM", "the link provided earlier".
      `(i've|i have|we've|we have|i|we) [just|already|now|also|since] (replied|responded|respond|reached out|followed up|folllwed up|been in touch|written back|answered|got back|sent you a reply)`,
      `(i|we) [can] (see|saw|received|have received|got|have got|just got|read|have read|had an opportunity to read|am reviewing|are reviewing|are currently reviewing|is reviewing|reviewed) (your|the|you sent a|you've sent a|you sent us a|you've sent us a) (dm|dms|direct message|direct messages|message|messages|email|e-mail|emails|details|reply|response|request|form|note|post|forum post|thread|tweet|complaint|query|info|information)`,
      `(i've|we've) (got|received|seen|read) your (dm|dms|direct message|direct messages|message|messages|email|e-mail|emails|details|reply|response|request|form|note|post|forum post|thread|tweet|complaint|query|info|information)`,
      `(reviewing|reviewed) your (dm|dms|direct message|direct messages|message|messages|email|e-mail|emails|details|reply|response|request|form|note|post|forum post|thread|tweet|complaint|query|info|information)`,
      `(meet|see) (me|us|you) back (in|there|via)`,
      `(check|see) (your|the|our) (dm|dms|direct message|direct messages|inbox) (for|where|with)`,
      `(provided|sent|posted|given|shared|mentioned|referred to|requested|suggested|offered) (earlier|previously|before|above|last time|yesterday)`,
      `(previously|earlier|already) (requested|provided|mentioned|sent|given|shared|suggested|advised)`,
      `(the|that) (link|links|info|information|details|steps) [*] (posted|provided|sent|shared|gave|given) (for|to) you`,
      `(were|was) (you|it|everything) able to`,
      `(did|have) you (had|have|get|got|manage|managed|been able) (a chance|the chance|to)`,
      `(is|are|was) (everything|it|all|things|that|the issue) [now|still] (running|working|resolved|sorted|fixed|ok|okay|fine|better) [smoothly|now|again|ok|okay|fine|properly]`,
      `(are|is) you still (experiencing|seeing|having|facing|in need|wanting|waiting|getting|unable)`,
      `(i|we) (have not|haven't|did not|didn't|never|have yet to|are yet to) (heard|hear|received|receive) (back|from you|your)`,
      `(since|as) (we|i) (haven't|have not|didn't|did not) (heard|hear|received)`,
      `(awaiting|waiting for|awaiting for) your (response|reply|details|confirmation|dm)`,
      `as per our (recent|last|previous|earlier) (call|conversation|chat|telecon|discussion|email|exchange)`,
      `(we|i) last (spoke|talked|chatted)`,
      `when you (spoke|talked|chatted|were in touch) (with|to) (us|our|me)`,
      `(have you|had you|you've) been in (contact|touch) with us`,
      `(i|we) (tried|made another try|attempted|were not able|weren't able|was not able|wasn't able) to (call|reach|contact|get hold of) you`,
      `(i|we) (called|rang|phoned) and left`,
      `missed your call`,
      `your (concern|request|complaint|case|issue|query|ticket) (is|has been|was) [now|already|currently] (in progress|being|under|discussed|escalated|reviewed|raised|addressed|resolved|looked)`,
      `(following|followed) up (via|with you via|with you in|within|in) (dm|dms|your|direct|email|our)`,
    ],
    examples: {
      match: [
        "Hi Mrs Patel, as promised I'm calling about the refund.",
        'Just following up on the engineer visit yesterday.',
        'I said I would call you back once the fraud team replied.',
        "I'm calling to let you know the engineer has fixed the line.",
      ],
      noMatch: ['I said I would. Enjoy the new flat.', 'I will follow up tomorrow.', "You said you'd call me and you never did.", 'Please go to the check-in desk at gate 4.'],
    },
    allowQuestion: true,
    check(m) {
      // "the check-in desk" is a place, not checking in with the customer.
      if (/check-in/i.test(m.turn.text.slice(m.span[0], m.span[1]))) return false;
      // "as requested earlier", "as mentioned before": the defensive repeat, not a return to an open matter.
      if (/\b(as|like)\s*$/.test(plain(m.turn.text.slice(m.sentence[0], m.span[0]))) && /^(provided|sent|posted|given|shared|mentioned|referred|requested|suggested|offered|previously|earlier|already)\b/.test(matched(m))) return false;
      // "Thanks for checking in" thanks the customer; it is not the agent coming back.
      if (/\bfor\s*$/.test(plain(m.turn.text.slice(m.sentence[0], m.span[0])))) return false;
      // A bare "I said I would." answers thanks for a promise kept; it does not come back about anything.
      if (/^(i|we) (said|promised) (i|we|i'd|we'd) would$/.test(matched(m)) && /^\W*$/.test(sentenceAfter(m))) return false;
    },
  },
  {
    id: 'commitment-done',
    category: 'commitment-kept',
    kind: 'strength',
    severity: 'info',
    speaker: 'agent',
    title: 'Reports a promise kept',
    description: 'The agent reports done what was promised: earlier in the conversation, announced as promised, or asked after by the customer.',
    why: 'Saying what you will do and then doing it is what trust is made of; telling the customer it is done closes the loop they were waiting on.',
    source: 'seed 003: follow up, make it happen, be better than your commitment; seed 001: consistent performance',
    message: 'A promise kept, and the customer is told so.',
    patterns: [
      `(i've|i have|we've|we have|i|we) [now|just|already|gone ahead and|personally|also|successfully] ${DONE}`,
      `(the|your|that|this) (refund|email|replacement|credit|payment|order|booking|request|case|ticket|parcel|engineer|callback|fee|fix|change|cancellation|complaint|letter|form|card|voucher|code|link) (has been|have been|is now|was|is|has) [now|just|already|successfully|finally|all] ${DONE}`,
      `(that's|that is|it's|it is|this is|all|everything is|everything's) [now|all] (done|sorted|taken care of|been done|been sorted|been processed|gone through|through)`,
      `(done|all done)`,
      `(as|like) (promised|agreed)`,
      `as (i|we) (promised|agreed)`,
      `(as|like) (i|we) (said|promised|told you) (i|we|i'd|we'd) (would|do)`,
      `(i|we) said (i|we) would [and] (i|we) (have|did)`,
      `(i|we) (said|promised) (i|we) would`,
      `(the|this is the|that's the) * (i|we|my colleague|your colleague) (promised|mentioned|agreed|said)`,
    ],
    examples: {
      match: [
        "As promised, I've sent the email with the new dates.",
        {
          context: [{ role: 'customer', text: 'Did the refund you promised go through?' }],
          text: 'Done, the refund is processed and you will see it on Friday.',
        },
        {
          context: [
            { role: 'agent', text: "I'll email you the new contract in the next few minutes." },
            { role: 'customer', text: 'Okay, I will wait.' },
          ],
          text: "Right, I've emailed it to you now.",
        },
        {
          context: [{ role: 'customer', text: 'Thank you for actually ringing back.' }],
          text: 'I said I would. Enjoy the new flat.',
        },
      ],
      noMatch: [
        "I've sent a lot of these, they usually arrive in a day.",
        'Have you sent the form yet?',
        "I haven't processed it yet, I'm waiting for the warehouse.",
        {
          context: [
            { role: 'agent', text: "I'll call the warehouse this afternoon." },
            { role: 'customer', text: 'Okay.' },
          ],
          text: "I've emailed you the returns label.",
        },
      ],
    },
    check: keepsAPromise,
  },
  {
    id: 'broken-promise-admitted',
    category: 'commitment-broken',
    kind: 'risk',
    severity: 'warning',
    speaker: 'agent',
    title: 'Admits a promise was not kept',
    description: 'The agent says a callback, email or action that was promised did not happen.',
    why: 'A broken promise costs trust whoever reports it; admitting it honestly is the start of the recovery, and the finding keeps the failure visible.',
    source: 'seed 003: apologise honestly, then follow up and make it happen',
    message: 'A promise was broken: own it, put it right, and give a time you will keep.',
    suggestion: 'You’re right, we didn’t call you back as promised and I’m sorry. I’ll call you myself by 4pm today.',
    allowQuoted: true,
    allowNegated: true,
    // The customer's rule writes these phrases (src/rules/data/customer.yaml); read when first needed.
    get patterns() {
      return [...rulePatterns('customer-reports-broken-promise')];
    },
    examples: {
      match: [
        "I'm so sorry, I can see we promised to call you back and we didn't.",
        'I can see nobody called you on Tuesday, I’m sorry about that.',
        'You were told the engineer would ring you, and he didn’t.',
        'I can see the callback was booked but never made.',
      ],
      noMatch: [
        'Has nobody called you yet?',
        'You were told Thursday and the engineer is booked for Thursday.',
      ],
    },
    check: (m) => (promiseNotKept(m) ? undefined : false),
  },
  {
    id: 'next-steps-explained',
    category: 'next-steps',
    kind: 'strength',
    severity: 'info',
    speaker: 'agent',
    title: 'Says what happens next',
    description: 'The agent lays out what will happen next and in what order, or what the customer needs to do.',
    why: 'A customer who knows what happens next has cognitive control: they can stop worrying and plan, instead of calling back to ask.',
    source: 'seed 003: over-communicate time lines and actions; seed 001: cognitive control',
    message: 'Clear next steps: the customer knows what will happen, and in what order.',
    patterns: [
      `what (happens|will happen|is going to happen) (next|now|from here) [is]`,
      `(the|your|our) next step[s] (is|are|will be|would be)`,
      `(here's|here is) (what|how) (happens|will happen|it works|we'll do|i'll do|i'm going to do|we're going to do)`,
      `(here's|here is) the plan`,
      `(once|as soon as|when|after) (that|this|it|the|your|we|you|i|they) ** (you'll|you will|we'll|we will|i'll|i will|it'll|it will|they'll|they will|the)`,
      `(then|after that|afterwards|from there|from here|next|going forward) (you'll|you will|we'll|we will|i'll|i will|it'll|it will|they'll|they will|the|your)`,
      `(once|when|after|as soon as) (u|you've|you have|they've|we've|it's|its|the|you|your) ** (get|gets|got|receive|receives|received|done|reset|signed|sent|returned|back|arrived|arrives|comes|lands|is|are)`,
      `(then|and then|and) (upload|send|call|bring|pop|put|take|return|post|drop|check|restart|reset|wait|quote|log|sign|fill|complete|click|tap|go|ring|email|reply|keep)`,
      `(and|then) (they'll|you'll|we'll|it'll|they will|you will|we will|it will)`,
      `(two|three|a few|some|the) (steps|things) (left|to do|remaining|you need|we need)`,
      `(so you know|just so you know) what to expect`,
      `what to expect`,
      `(all|the only thing) you (need|have) to do (is|now is)`,
      `(in the meantime|meanwhile)`,
      `(first|firstly|step one|to start) [i'll|we'll|you'll|i will|we will|you will]`,
    ],
    examples: {
      match: [
        "What happens next is the courier collects the old unit tomorrow, then we send the new one.",
        "You'll get a text with a slot. After that the engineer will call you before he arrives.",
        "Once the refund is processed, you'll get a confirmation email.",
        'The next step is a short form, which I will email you now.',
        'Unplug the router for a minute, then plug it back in and check the lights.',
      ],
      noMatch: [
        'What happens next?',
        'Then again, it might be the router.',
        "I'll refund it and you'll get an email.",
        'First, are you and the children safe right now? And is anyone with you?',
      ],
    },
    check(m) {
      const words = matched(m);
      // A step only counts as "next" when there is a sequence: something before it, or after it.
      if (/^(then|after that|afterwards)\b/.test(words) && !/\b(will|'ll|first|once|going to|you|we)\b/.test(turnBefore(m))) return false;
      // "…, then upload them", "…, and they'll print the card": a step after an instruction or a condition.
      if (/^(then|and then|and)\b/.test(words) && !/^(bring|keep|put|pop|send|take|upload|call|ring|quote|restart|reset|unplug|plug|fill|sign|return|post|drop|log|open|go|click|tap|wait|check|once|when|if|after|as soon as|first)\b/.test(plain(m.turn.text.slice(m.sentence[0], m.span[0])).trim())) return false;
      if (/^(first|firstly|step one|to start)\b/.test(words) && !/\b(then|after that|next|once|and)\b/.test(turnAfter(m))) return false;
      // "First, are you safe?" asks; it does not lay out a step.
      if (/^(first|firstly|step one|to start)\b/.test(words) && /\?\s*$/.test(m.turn.text.slice(m.sentence[0], m.sentence[1]))) return false;
      // "once … , you'll …" or "once … , pop it in and you're done": a step, then what follows it.
      if (/^(once|as soon as|when|after)\b/.test(words) && !/\b(will|'ll|then|you're done|you can|you need|just|and)\b|^[^,]*,\s*\w+/.test(`${words} ${sentenceAfter(m)}`)) return false;
      if (/^(once|as soon as|when|after)\b/.test(words) && /\b(was|were|did|had)\b/.test(words)) return false;
    },
  },
];

