// Control rules: whether the customer is given information and choices, or a wall (seeds 001, 002, 003).
import type { RuleDef, RuleMatch } from '../types.js';
import { PhraseSet, matched, plain, previousTurn, sentenceAfter, sharesAction, turnAfter } from '../context.js';
import { informs } from '../facts.js';

/** Words after a policy that show its reason. */
const REASON = /\b(because|since|so that|in order to|the reason|due to|for (your|their|the) (security|safety|protection|privacy)|to (protect|keep|prevent|stop|make sure)|by law|legally|regulat\w+|required by|fraud)\b/;
/** Words after a policy that open another way. */
const ALTERNATIVE = /\b(what (i|we) can do|(i|we) can(?!'t)|(i|we) could|instead|alternatively|another (option|way)|other option|either|would you like|if you('d| would) (like|prefer)|you can(?!'t)|you could|let me|what i'll do|i'll)\b/;

const lower = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'");

/** Another way forward for the customer, as a reader of the guide counts one (passing feedback on is not). */
const OTHER_WAY = /\b(you can(?!'t)|you could|you may(?! need)|you might|instead|alternatively|another (option|way)|other options?|(however|but),? (we|i|you) can(?!'t)|what (i|we) can do|(we|i) (can|could) (offer|send|arrange|refund|replace|book|give|credit|set up|put you|add you)|would you like|if you('d| would) (like|prefer|wish)|the closest|is available (at|in|on|from|via)|either|sign up|join|(we'd|we would|i'd|i would) (recommend|suggest)|try|(but|however),? (we|i) do|(i've|i have|we've|we have) (raised|arranged|booked|sent|passed|escalated|asked|requested|put in))\b/;

/** Another of our own channels offered in place of this one: "for that, please call 1-800…". */
const CHANNEL = /\b(please|kindly|you can|feel free to)\s+(call|phone|ring|chat|submit|send us|use|visit|message|email|dm)\b/;

/**
 * A refusal or inability is a wall unless the customer is told both why and what else they can do;
 * with a reason alone readers still count it (the guide's borderline case).
 */
function closesTheDoor(m: RuleMatch): false | void {
  const text = lower(m.turn.text);
  const rest = text.slice(m.span[1]);
  // Readers do not count a refusal that leaves a way open, with or without its reason.
  if (OTHER_WAY.test(rest) || CHANNEL.test(rest)) return false;
  // "We can't make any promises, but…", "we can't share a date yet": a limit on what is known, not a no.
  const said = `${lower(matched(m))}${rest}`;
  if (/\b(make|give|offer) (any )?(promises?|guarantees?)|^\S+( \S+)* (confirm|share|give|provide|tell)\b[^.!?]*\b(yet|timelines?|dates?|when|eta|times?)\b/.test(said)) return false;
  // Saying no, then promising to pass the wish on or to come back: readers read the promise, not a wall.
  if (/\b(we'll|we will|i'll|i will|will)\b[^.!?]*\b(pass|share|forward|let|relay|feed|get back|be in touch|reach out|contact you|notify|call you|ring you|email you|text you)/.test(rest)) return false;
  // "If the kitchen can't be used, …": a condition, not a refusal.
  if (/\b(if|when|unless|whether|once)\b[^,;]*$/.test(text.slice(m.sentence[0], m.span[0]))) return false;
  // A protection of the customer's own account ("for your security") blocks nothing they need.
  if (/\bfor your (security|safety|protection)\b/.test(text) && OTHER_WAY.test(text)) return false;
}

/** A policy used as a wall, not one stated with its reason and another way forward. */
function isWall(m: RuleMatch): false | void {
  const rest = lower(m.turn.text.slice(m.span[1]));
  const before = lower(m.turn.text.slice(0, m.span[0]));
  // "Let me check what our policy says": reading the policy, not hiding behind it.
  if (/\b(what|check|checking|look at|read|see)\s+(our|the)?\s*$/.test(before)) return false;
  // A system limit that protects the customer ("…, for your security") blocks nothing they need.
  if (/\b(deliberate|for your (security|safety|protection)|to protect you)\b/.test(rest) && !/\bcan't help\b/.test(rest)) return false;
  if (REASON.test(rest) && ALTERNATIVE.test(rest)) return false;
  if (REASON.test(before) && ALTERNATIVE.test(rest)) return false;
}

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
/** The agent doing what was picked: "I've reserved it", "I'll book the Thursday slot", "let me order it". */
const CHOSEN_ACTION =
  `(i've|i have|i'll|i will|we've|we have|we'll|we will|let me|i'm going to|i am going to) [just|now|also|gone ahead and|already|go ahead and] (reserved|reserve|booked|book|ordered|order|arranged|arrange|scheduled|schedule|sent|send|cancelled|canceled|cancel|processed|process|switched|switch|moved|move|changed|change|put|added|add|refunded|refund|issued|issue|posted|post|dispatched|dispatch|applied|apply|paused|pause|set up|set|logged|log|registered|register)`;
const CHOSEN_ACTIONS = new PhraseSet([CHOSEN_ACTION]);
const ACTS = /\b(i'll|i will|i've|i have|we'll|we will|we've|let me|i'm|i am going|going to|booking|processing|arranging|sending|done|that's booked|that's done|i can do that)\b/;

/** The agent acts on what the customer chose among the ways the agent offered. */
function honoursChoice(m: RuleMatch): false | Record<string, unknown> {
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
  // "Perfect, I've reserved it at the store": the finding is the action that honours the pick, found on its own.
  if (!/^(i've|i have|i'll|i will|we've|we have|we'll|we will|let me|i'm|i am)\b/.test(words) && CHOSEN_ACTIONS.test(m.turn.text.slice(m.span[1]))) return false;
  const picked = PICKS.test(customer.text, { ignoreNegated: true });
  const offered = previousTurn({ ...m, turn: customer }, 'agent', 2);
  // A customer's question after the offer is not yet a choice.
  const wasOffered = offered !== undefined && OFFERS.test(offered.text) && !customer.text.includes('?');
  if (!picked && !wasOffered) return false;
  const rest = `${words} ${turnAfter(m)}`;
  if (!ACTS.test(rest)) return false;
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


export const controlRules: RuleDef[] = [
  {
    id: 'policy-as-wall',
    category: 'policy-hiding',
    kind: 'risk',
    severity: 'error',
    speaker: 'agent',
    title: 'Hides behind policy or the system',
    description: 'Policy, the system or the rules are given as the answer, with no reason and no other way forward.',
    why: '"Computer says no" takes away the customer’s control and pushes them to escalate. A policy stated with its reason and an alternative keeps them in control; a policy used as a wall does not.',
    source: 'seed 002: "Computer says no"; seed 001: cognitive and behavioural control',
    message: 'Policy used as a wall: no reason, no alternative. The customer loses control and will escalate.',
    suggestion: 'The policy is there because…, but here is what I can do: … or …. Which would you prefer?',
    allowNegated: true,
    patterns: [
      `(it's|it is|that's|that is|this is) [just|simply] [our|the|company|a] [company] policy`,
      `(company|our|the) policy (is|says|states|doesn't|does not|won't|will not|only)`,
      `(it's|it is|that's|that is) (against|not in line with) [our|the|company] [company] (policy|rules|procedure)`,
      `(the|our|my) (system|computer) (won't|doesn't|does not|will not|can't|cannot) (let|allow|accept|take)`,
      `(computer|system) says no`,
      `(i'm|i am|we're|we are) not (allowed|authorised|authorized|permitted|able) to ** (override|change|do that|make exceptions|make an exception)`,
      `(i'm|i am|we're|we are) not (allowed|authorised|authorized|permitted) to`,
      `(those are|these are|it's|that's) (the rules|the procedure|our procedure|how it works)`,
      `(my|our) hands are tied`,
      `i (don't|do not) make the (rules|policy|policies)`,
      `(that's|that is|it's|it is) not my (department|job|responsibility|area|call|decision)`,
      `(you'll|you will|you'd|you would) (have|need) to (write|submit|file|make|send|raise|put) [in] a [formal|written] complaint`,
      `if (you're|you are) (unhappy|not happy|dissatisfied) [you can] (write|submit|file|make|send|raise) [in] a complaint`,
      `(that's|that is|it's|it is) [just] how (the policy|the system|it|things|the process|our process|we) (works|work|is|do it|does it)`,
      `rules are rules`,
      `(policy|the rules|procedure|the process) (is|are) (policy|the rules|procedure|the process)`,
      `(i|we) (can't|cannot|cant|am not able to|are not able to) (override|bypass|get round|get around) (the|our|this|that) (system|policy|rules|decision|procedure)`,
      `(i'm|we're) not able to (override|bypass|get round|get around) (the|our|this|that) (system|policy|rules|decision|procedure)`,
      `(our|the|company) (procedures|procedure|policies|policy|rules|guidelines|terms|system) (don't|doesn't|do not|does not|won't|will not) (allow|permit|let)`,
      `(i'm|i am) (only|just) (following|doing) (the|our|my) (guidelines|rules|policy|procedure|process|orders)`,
      `(the|our) (terms|terms and conditions|t&cs|policy|rules|contract) (are|is) [very|quite|perfectly|pretty] clear`,
      `because (that's|that is|it's|it is) (the|our) (process|policy|procedure|rule|rules|system)`,
      `(take|taking) (that|it|this) up with (head office|them|your bank|the|another|customer services)`,
      `(head office|management|the system) (decides|decided|won't|doesn't)`,
    ],
    examples: {
      match: [
        "Sorry, it's our company policy. If you want the service you need to buy economy tickets.",
        "The system won't let me change the date once it's issued.",
        "I'm not allowed to make exceptions, sir.",
        "If you are unhappy you can write a complaint via the website.",
      ],
      noMatch: [
        "It's our policy to verify your identity because of fraud on these accounts, but what I can do is text you a code instead.",
        'Our policy changed last month, so you are now covered for accidental damage.',
        "There's nothing in the policy that stops me doing that.",
      ],
    },
    check: isWall,
  },
  {
    id: 'refuses-without-a-way',
    category: 'policy-hiding',
    kind: 'risk',
    severity: 'warning',
    speaker: 'agent',
    title: 'Says no without why or what else',
    description: 'The agent says what cannot be done ("we\u2019re unable to", "we don\u2019t offer", "that isn\u2019t possible", "it has to go through the X team") and gives neither a reason nor another way.',
    why: 'A bare no takes away the customer’s control as surely as "computer says no": a reason makes it understandable, and another way forward gives back a choice.',
    source: 'seed 002: "Computer says no"; seed 001: behavioural control',
    message: 'A closed door: no reason and no other way. Say why, and what the customer can do instead.',
    suggestion: 'We can’t … because … , but what I can do is … or … . Which would suit you?',
    allowNegated: true,
    patterns: [
      `(we're|we are|i'm|i am|we were|i was) [afraid] [currently|still|just|simply] (unable|not able) to`,
      `(we|i) (can't|cannot|cant|can not|won't be able to|will not be able to|couldn't|could not|aren't able to|am not able to) [currently|really|simply] (offer|provide|make|give|assist|help|refund|transfer|comment|guarantee|change|access|share|confirm|extend|honour|honor|issue|accept|process|exchange|return|ship|deliver|add|remove|waive|cover|pay|compensate|double|override|discuss|disclose|release|reverse|book|reinstate|unlock|take|pay|allow|approve)`,
      `(we|i) (don't|do not|wouldn't|would not|no longer|do no longer) [currently] (offer|provide|allow|ship|accept|support|sell|stock|carry|issue|refund|extend|cover|make exceptions|price match|deliver|permit|give out|share)`,
      `(we|i) (don't|do not|wouldn't|would not) have (access|the permissions|permission|the ability|the authority)`,
      `(isn't|is not|aren't|are not|not) [currently|yet|really|always] (possible|supported|permitted|allowed)`,
      `(is|are) [currently|now] only (available|offered|valid|possible|open) (to|for|in|at|with|on|through)`,
      `no longer (supported|available|accepting|accept|offered|offer|support|carry|sell|valid)`,
      `(can't|cannot|can not|can only) be (transferred|refunded|changed|sold|used|done|returned|exchanged|combined|applied|extended|cancelled|canceled|booked|moved|reissued|redeemed|accepted|processed|shipped|delivered)`,
      `(does|do|did) not support`,
      `(doesn't|don't|didn't) support`,
      `(we're|we are) not [currently] (extending|offering|accepting|refunding|issuing|honouring|honoring|providing)`,
      `(must|have to|had to|need to) [unfortunately] (retire|discontinue|end|stop) (support|selling|offering|the)`,
      `(isn't|is not|not) something (we|i) (can|are able|am able|do|offer)`,
      `(we|i) (can't|cannot|cant|can not|don't|do not) make (an|any) exception`,
      `the best (we|i) can (offer|do)`,
      `(has|needs|must|will need|have|need) to (go through|be done|be handled|be raised|be made|be submitted|be dealt with) (at|in|by|through|via|with)`,
      `(has|needs|must|will need|have|need) to go through (the|our|a|your)`,
      `(must|has to|needs to|can only) be done (at|in|by|through|via|with)`,
      `(is|are) (a|the) decision (of|for|made by)`,
      `(you'll|you will|you would|you'd) (have|need) to (file|submit|make|raise|write|lodge) (a|an) [formal|written] (complaint|claim)`,
      `(you|you'd|you would) only be able to`,
      `(i'm|we're|i am|we are) afraid (not|that's not|that isn't|that is not)`,
      `(our|this) (department|team|channel) (does not|doesn't|can't|cannot|is unable|isn't able|has no|doesn't have|does not have)`,
    ],
    examples: {
      match: [
        'The voucher cannot be transferred to another name.',
        "We don't offer delivery to that area.",
        "Sorry, that isn't possible on this plan.",
        'That has to go through the claims team.',
        'The upgrade is only available to gold members.',
      ],
      noMatch: [
        "We can't refund the fare because it was a saver ticket, but you can move it to another date for free.",
        'We are able to refund it today.',
        "It's possible to change the date online.",
      ],
    },
    check: closesTheDoor,
    // "There's nothing I can do. Sorry I can't help": the dead end already says it.
    suppressedBy: ['dead-end'],
  },
  {
    id: 'passes-work-back',
    category: 'policy-hiding',
    kind: 'risk',
    severity: 'warning',
    speaker: 'agent',
    title: 'Sends the customer elsewhere',
    description: 'The agent tells the customer to take the problem somewhere else themselves ("you have to call the manufacturer"), with no reason and no help to do it.',
    why: '"You have to" and "not my department" hand the problem back to the customer; owning it or making the hand-off yourself keeps them in control.',
    source: 'seed 002: customers give up because of red tape; seed 000: own the problem',
    message: 'The problem is handed back to the customer: make the contact for them, or say why and how.',
    suggestion: 'That sits with … , so let me contact them for you and come back to you by … .',
    patterns: [
      `(you'll|you will|you'd|you would|you) (have|need) to (call|contact|ring|email|phone|speak to|talk to|go to|write to|visit|get in touch with) (them|the manufacturer|another|a different|your bank|head office|the other|the store|the shop|the retailer|the courier|the seller|customer services|a branch)`,
      `(you need to|you have to|you must) (go through|take it up with|deal with) (them|the manufacturer|your bank|the retailer|the courier|the seller)`,
      `(that's|that is|it's|it is) (not|nothing to do with) (us|our problem|something we deal with|something we handle)`,
      `(that's|that is|it's|it is) for (the|your) * to (sort|deal|handle|fix|look|sort out|decide)`,
      // Sent to an address or a number with no help: "You'll have to email accounts@… They'll get back to you."
      `(you'll|you will|you'd|you would) (have|need) to (email|call|ring|phone|contact|write to|get in touch with) {word}`,
    ],
    examples: {
      match: [
        "You'll have to contact the manufacturer about that.",
        "That's not something we deal with, you need to take it up with the courier.",
        "You'll have to email accounts@ledgerly.io. They'll get back to you.",
      ],
      noMatch: [
        "You'll have to contact the manufacturer because they hold the warranty, but I can give you their direct line and email them now.",
        'I will contact the courier for you now.',
        "You'll need to call us back once the letter arrives.",
      ],
    },
    check(m) {
      // "You'll need to call us back tomorrow" keeps the customer with us; only a hand-off elsewhere is a wall.
      if (/ (us|me|back|our|the number i|when)$/.test(matched(m))) return false;
      return isWall(m);
    },
  },
  {
    id: 'dead-end',
    category: 'dead-end',
    kind: 'risk',
    severity: 'error',
    speaker: 'agent',
    title: 'Leaves the customer at a dead end',
    description: 'The agent says nothing can be done and offers no way forward.',
    why: 'A dead end removes every choice the customer had; the seed stories show such calls are only rescued by escalation, when the front line could have owned them.',
    source: 'seed 002: escalation as a root cause of service failures; seed 001: behavioural control',
    message: 'A dead end: the customer is told nothing can be done and given no next step.',
    suggestion: 'I can’t do X, but here is what I can do: …',
    allowNegated: true,
    patterns: [
      `(there's|there is|there isn't|there is not) (nothing|anything) (more|else|further) (i|we) can do`,
      `(there's|there is) nothing (i|we) can do`,
      `there isn't anything (i|we) can do`,
      `(i|we) (can't|cannot|can not) do anything [more|else] [about it|about that|for you]`,
      `(i|we) (can't|cannot) help you [with that|any further|anymore]`,
      `nothing (i|we) can do (about|for)`,
      `(it's|it is|that's|that is) out of (my|our) hands`,
      `(there's|there is) no (other) (way|option|alternative)`,
      `(there's|there is|there isn't|there is not) (nothing|anything) (else|more) (i|we) can (do|offer)`,
      `(that's|that is) (just) (the way it is|how it is)`,
      `it is what it is`,
      `(you'll|you will) (just) have to (wait|accept|live with)`,
      `(i|we) (can't|cannot|can not) (do|change|offer) (anything|that|it) [i'm afraid|sorry]`,
      `(that's|that is|it's|it is) (not possible|impossible)`,
      `(there's|there is) no way (i|we|to)`,
      `nothing [more|else|further] (i|we) can do`,
      `(that's|that is) all (the information|i have|i know|i can tell you|there is|i can do)`,
      `(i|i just) (don't|do not|dont) know what [else] to (tell|say)`,
      `no way (round|around) (it|this|that)`,
      `(it'll|it will|they'll|they will|that'll|it) (arrive|get there|come|be done|happen|turn up|be ready|be fixed) when (it|they) (arrives|arrive|gets there|get there|comes|come|is done|are done|happens|turns up|is ready|is fixed)`,
      `(there's|there is) no (one|body|one else|where else) [else] (you|i) can (speak|talk|go)`,
      `no one else (you|i) can (speak|talk) (to|with)`,
      `(there's|there is) no point (me|us|in|you)`,
      `nothing (more|else|further) to (say|discuss|add|be done)`,
      `(no|nope|no sorry|sorry no)`,
      // A bare inability about the customer's own request: "Then I can't take them back", "I'm unable to see readings…".
      `(i|we) (can't|cannot|can not) (take|accept|refund|return|replace|exchange|reverse) (it|them|that|this|those|these|your|the|any)`,
      `(i'm|i am|we're|we are) (unable|not able) to (help|do|see|access|change|refund|accept|take|find|offer|locate|process|honour|honor|reverse)`,
    ],
    examples: {
      match: [
        "I'm afraid there's nothing I can do about that.",
        "Sorry sir, I can't do anything, your warranty is over.",
        "It's out of my hands now.",
        'Then I can’t take them back.',
        "Unfortunately I'm unable to see readings that haven't reached our system.",
      ],
      noMatch: [
        "There's nothing I wouldn't do to get you on that flight.",
        "I can't do anything about the fee, but I can move your booking for free. Would that help?",
        "That's not possible online, but I can do it for you over the phone now.",
        "I can't take them back as a refund, but what I can do is offer an exchange.",
        "I'm unable to see the payment yet, so let me call the bank for you.",
      ],
    },
    check(m) {
      // A bare "No." is a dead end only as the whole answer to "is there really nothing you can do?".
      if (/^(no|nope|no sorry|sorry no)$/.test(matched(m))) {
        const asked = previousTurn(m, 'customer', 1);
        const whole = plain(m.turn.text).replace(/[^a-z' ]/g, ' ').trim().split(/\s+/).length <= 3;
        if (!whole || !asked || !/\b(nothing|anything|any way|anyone|someone|another way|no way|can't you|isn't there|is there)\b/.test(plain(asked.text))) return false;
        return;
      }
      // "…but here is what I can do" turns the limit into information, not a wall.
      if (ALTERNATIVE.test(lower(m.turn.text.slice(m.span[1])))) return false;
      // "nothing I can do" about a charge that is not there: "there's no charge", "nothing to worry about".
      if (/^\s*(to worry|wrong)\b/.test(sentenceAfter(m))) return false;
    },
  },
  {
    id: 'options-offered',
    category: 'option-offered',
    kind: 'strength',
    severity: 'info',
    speaker: 'agent',
    title: 'Offers the customer a choice',
    description: 'The agent lays out options or asks which way the customer would prefer.',
    why: 'Asking the customer which way to put things right gives them behavioural control and makes them a partner in the fix.',
    source: 'seed 003: ask your customer which way to rectify; seed 001: behavioural control',
    message: 'Offers a choice: the customer decides how it is put right.',
    allowQuestion: true,
    patterns: [
      `(you|we) can either`,
      `(i|we) can either`,
      `(would|do) you (prefer|rather)`,
      `(which|what) (would|do) you prefer`,
      `(which|what) (one|option|day|time|date|way) (works|suits|would work|is|would be) (best|better|easier)`,
      `what (works|suits|would work) (best|better) for you`,
      `(there are|you have|we have|i have|you've got|we've got|i've got|there's) (two|three|four|a few|several|some|a couple of|a couple|a number of) (options|choices|ways|alternatives)`,
      `(one|another|the other|a second|the first|the second) option (is|would be|could be)`,
      `alternatively`,
      `if (you'd|you would) (prefer|rather)`,
      `(it's|it is) [completely|entirely|totally|really|all|absolutely|honestly] (up to you|your choice|your call|your decision)`,
      `(would|do) you (like|want) (me|us) to ** or`,
      `(i|we) (could|can) ** or (i|we) (could|can)`,
      `(or|otherwise) if (you'd|you would) (like|prefer|rather)`,
      `(would|do) you (like|want) (me|us) to ** or (would|do) you`,
      `(you|we) (could|can) (also|either)`,
      `(how|when|where) would you (like|prefer) (me|us|to|it|the)`,
      `(let me know|tell me) (which|what) (you'd|you would) (prefer|like|rather)`,
      `(the choice|the decision) is (yours|up to you)`,
      `(choose|pick) (between|from|whichever|which)`,
      `(which|what) (would|do) you (like|want) (to do|me to do|us to do)`,
      `what (i|we) can do is`,
      `(but|however) [what] (i|we) (can|could) *`,
      `(i|we) can (offer|also offer) you`,
      `while you (decide|think about it|have a think)`,
      `(would it|would that|does that|will that) help if (i|we)`,
      `if * (doesn't|does not|don't|do not|won't) (suit|work) [for you]`,
      `or (you|we|i) (can|could)`,
      `up to (you|u)`,
      `whichever (suits|works|you prefer|you'd prefer|is easier|is better|you like|you'd like)`,
      `(work|works|suit|suits) (better|best) for you`,
      `(which|what) (works|suits|would work|would suit) (you|for you) [better|best]`,
      `(would|will|do|does|could|can) (any|either|one|both) of (those|these|them|the two|the three|the options|them both) (work|suit|help|do|appeal)`,
      `(happy|glad) to do (either|both|whichever)`,
      `(you|we|i) (could|can) [also|either|just] {word}`,
      `(do|would) you (want|like) (to|me to|us to)`,
      // An offer of another way, put as a question: "would you like me to widen the search?", "what about the 8pm?"
      `would you (like|want) (me|us) to`,
      `(would|will|does|could) * [*] [*] work [for you]`,
      `(what|how) about`,
      `(may|can|could) (i|we) (recommend|suggest|offer)`,
      `(is it|would it be) (alright|ok|okay|fine) (if|for) (i|we|me|us)`,
      `(shall|should) (i|we) (go ahead|add|book|send|check|look|put|try|expand|reserve|order)`,
      `(would|do) you (like|want) to (go ahead|be added|proceed|keep|move|switch|change|upgrade)`,
      `(refund|return|returns) (or|and/or|and) (replacement|replacements|exchange|credit|voucher)`,
      `(replacement|exchange) (or|and/or) (refund|return)`,
      `(you|we) can (still|always)`,
      `(you|we) (may|might) [also] opt`,
      `(may|might) also be interested`,
      `if * [*] [*] (isn't|is not) too far`,
      `(i|we) (can|could) (check|look|search) ** (other|another|different|more|nearby)`,
      `(when|what) (is|would be) the best (time|day|way)`,
      `which (you'd|you would|you) (prefer|like)`,
      `if (you'd|you would) like`,
      `if you (wish|prefer)`,
      `(we|i) (may|might|could) be able to (wait list|waitlist|offer|arrange|move|swap|switch|book|add)`,
      `explore (your|the) ** options`,
    ],
    check(m) {
      // "DM us or call us", "if you'd like to reach us by phone": a routine redirect, not a choice about the fix.
      if (/\b(dm|direct message|reach (us|out)|contact us|call us|phone or chat|by phone|dial|further assistance|any other questions|anything else)\b/.test(plain(m.turn.text.slice(m.sentence[0], m.sentence[1])))) return false;
      // "but we could use more info", "but we can certainly forward it": no other way offered.
      if (/^(but|however) (i|we) (can|could) (use|help|assist|forward|pass|share|certainly|definitely)$/.test(matched(m))) return false;
      // "You can X" or "do you want to X" offers a choice only with an "or" after it.
      const words = matched(m);
      if (/^((you|we|i) (could|can) (also |either |just )?[\w']+|(do|would) you (want|like) to)$/.test(words)) {
        // "I can post it, which takes five days, or …": one way, and another after "or" (not "or not", "or so").
        if (!/\bor\b(?! (not|so|more|less|two|three)\b)/.test(sentenceAfter(m))) return false;
        // Seeing, telling and checking are not courses of action for the customer to pick from.
        if (/ (see|hear|tell|confirm|understand|imagine|assure|only|not|check|ask|say|help|try|guarantee|promise|find)$/.test(words)) return false;
      }
    },
    examples: {
      match: [
        'I can either refund you today or send a replacement by Friday, which would you prefer?',
        'Alternatively, we can book her on the morning flight with an escort.',
        'You have two options here.',
        'What time works best for you for the engineer?',
        "I'll mention two things, and then it's completely your call.",
        'I can post a new card, which takes five days, or the branch can print one tomorrow.',
        'Which suits you better?',
        'Would any of those work for you?',
      ],
      noMatch: [
        'I can check whether it was sent or not.',
        'I can see the payment on Monday or Tuesday.',
        'You can pick it up from the store.',
        'You need to buy a new remote.',
        'There is no other option, sorry.',
      ],
    },
  },
  {
    id: 'choice-honoured',
    once: 'turn',
    category: 'choice-honoured',
    kind: 'strength',
    severity: 'info',
    speaker: 'agent',
    title: 'Acts on the customer’s choice',
    description: 'After the customer picks one of the ways the agent offered (or says which they prefer), the agent acts on that choice.',
    why: 'Behavioural control is real only when the choice is honoured: asking which way to put it right and then doing it that way makes the customer a partner.',
    source: 'seed 003: ask your customer which way to rectify; seed 001: behavioural control',
    message: 'The customer’s choice is honoured: they decided how it was put right.',
    allowQuestion: true,
    patterns: [
      `(sure|of course|no problem|certainly|absolutely|great|perfect|okay|ok|right|lovely|brilliant|fine|no worries|not a problem|will do|good choice|done|understood|got it)`,
      `(as|like) you (asked|requested|wanted|prefer|preferred|chose|suggested|said|would prefer|would like|asked for|wanted it)`,
      `(as|like) you'd (prefer|like|rather|asked|wanted)`,
      `it is`,
      `you said ** (so|and) (i've|i have|i'll|we've|we'll)`,
      `(i've|i have) noted (you|that you) (don't|do not|want|prefer|would)`,
      `(i've|i have) noted (you'd|that you'd)`,
      `(i'll|i will|i've|i have|let me|we'll|we will) (go|gone) (ahead|with) ** (that|your|the)`,
      CHOSEN_ACTION,
    ],
    examples: {
      match: [
        {
          context: [
            { role: 'agent', text: 'I can either refund you today or send a replacement by Friday. Which would you prefer?' },
            { role: 'customer', text: 'The replacement, please.' },
          ],
          text: "Of course, I'll send the replacement out today.",
        },
        {
          context: [{ role: 'customer', text: "I'd rather have the engineer come on Saturday morning." }],
          text: "No problem, I've booked the engineer for Saturday morning.",
        },
        {
          context: [{ role: 'customer', text: "I'd prefer a callback to an email." }],
          text: "As you asked, I'll call you instead.",
        },
        {
          context: [
            { role: 'agent', text: 'I can post a new card, or your branch can print one tomorrow. Which would work better for you?' },
            { role: 'customer', text: 'The branch, please.' },
          ],
          text: "Okay, I've ordered it for King Street, ready from 9:30 tomorrow.",
        },
        {
          context: [
            { role: 'agent', text: 'You can either pick it up from the store today or we can courier it. Which suits you better?' },
            { role: 'customer', text: "I'll pick it up today." },
          ],
          text: "Perfect, I've reserved it under your name at the store.",
        },
      ],
      noMatch: [
        'Sure, can I take your postcode first?',
        {
          context: [{ role: 'customer', text: 'Can you check my order?' }],
          text: "I've ordered a new one for you.",
        },
        'Yes it is.',
        'Well, it is, yes.',
        {
          context: [{ role: 'customer', text: 'Can you tell me my balance?' }],
          text: 'Sure, let me check that for you.',
        },
        {
          context: [
            { role: 'agent', text: 'Would you prefer a refund or a replacement?' },
            { role: 'customer', text: 'What is the difference in time?' },
          ],
          text: 'Sure, the refund takes five days.',
        },
      ],
    },
    check: honoursChoice,
  },
  {
    id: 'information-given',
    once: 'sentence',
    // Information is what a clause does, not a word it holds: every clause is judged whole by
    // \`informs\`, and a finding quotes it, leaving out an opener ("Sorry, …", "…, but") that may be
    // a finding of its own.
    unit: 'clause',
    // "It isn't supported on this model" informs as much as "it is"; questions and quotations are
    // read by \`informs\` itself, from the clause's words.
    allowNegated: true,
    allowQuestion: true,
    allowQuoted: true,
    category: 'information',
    kind: 'strength',
    severity: 'info',
    speaker: 'agent',
    title: 'Gives facts and timelines',
    description: 'The agent tells the customer where things stand: a status, an amount, a date or how long something takes.',
    why: 'Information gives the customer cognitive control: knowing what is happening and when takes away the uncertainty that drives anxiety and repeat calls.',
    source: 'seed 001: provide ample information for cognitive control; seed 003: over-communicate time lines',
    message: 'Information given: the customer knows where things stand.',
    patterns: [],
    check(m) {
      if (!hasFactMarker(m)) return false;
      const clause = m.turn.text.slice(m.span[0], m.span[1]);
      return informs(clause) && !TOLD_BACK.test(plain(clause)) ? undefined : false;
    },
    examples: {
      match: [
        'Refunds usually take three to five working days to reach your bank.',
        'Your parcel is out for delivery and should arrive by 6pm.',
        'I can see the payment of £42.50 was taken on the 3rd.',
        'Your contract ends on the 14th of March.',
        "That card is now blocked, so nothing else can go out.",
        "It's frozen now, as of this moment.",
        'Complaints are answered within fourteen working days.',
        'I can see two card payments in Lisbon this morning.',
        'Right, I can see it: the parcel was scanned at our Coventry depot on the 9th.',
      ],
      noMatch: [
        "I can see why you're upset.",
        "I can see you've called us three times about this.",
        "I'll keep your case open until it's closed.",
        'Is the card blocked?',
        'How long does it take?',
        'Your parcel, is it the blue one?',
      ],
    },
  },
  {
    id: 'explains-why',
    category: 'explanation',
    kind: 'strength',
    severity: 'info',
    speaker: 'agent',
    title: 'Explains why',
    description: 'The agent gives the reason behind what happened or what has to happen ("because…", "the reason is…").',
    why: 'A reason turns an outcome the customer cannot influence into one they can understand: cognitive control, and the difference between a policy stated and a policy used as a wall.',
    source: 'seed 001: cognitive control; seed 002: a policy stated with its reason is not a wall',
    message: 'An explanation: the customer understands why, not only what.',
    patterns: [
      `because`,
      `(the|that's the|that is the|this is the|the main|the only) reason [for this|why|is|being]`,
      `(that's|that is|this is|which is) (why|how come)`,
      `(this|that|it) (happened|happens|occurred|is happening|was caused|is caused) (because|when|due|as)`,
      `(due to|owing to|as a result of|caused by)`,
      `(what happened|what's happened|what has happened) (is|was)`,
      `(so that|in order to|in order for)`,
      `(the|that's the) (cause|problem|issue) (is|was|here is)`,
      `(this is|it's|that's) (to|so) (protect|keep|make sure|prevent|stop|ensure)`,
      `(since|as) (the|your|our|it|this|that) ** (was|is|has|had|wasn't|isn't|hasn't|didn't)`,
      `since (the|your|our|it|this|that|you|we) ** {word}`,
      `(bc|cos|coz|cuz)`,
      `(so|which means|that means|which is why) (the|your|it|that|this) ** (didn't|did not|wasn't|was not|couldn't|won't|can't|failed|went|was|is|has|got|stopped|bounced)`,
      `(caused|triggered|created) (it|this|that|the)`,
    ],
    check(m) {
      // Circular ("because that's the process") and trivial ("the reason I'm asking") reasons explain nothing.
      if (/^\W*(that's|that is|it's|it is) (the|our) (process|policy|procedure|rules?|system)\b|^\W*(those are|these are) the rules/.test(sentenceAfter(m))) return false;
      if (/^the reason$/.test(matched(m)) && /^\s*(i'm|i am|we're|we are) (asking|calling)/.test(sentenceAfter(m))) return false;
      // "any inconvenience caused by the outage" is boilerplate, not a reason given.
      if (/\b(inconvenience|disruption|trouble)\s*$/.test(plain(m.turn.text.slice(m.sentence[0], m.span[0])))) return false;
      // "So the next step is…" opens a sentence; "as it is" leaves things alone: neither gives a reason.
      if (/^so\b/.test(matched(m)) && plain(m.turn.text.slice(m.sentence[0], m.span[0])).trim() === '') return false;
      if (/^(as|since) (it|they|things) (is|are|stand|were)\b/.test(`${matched(m)}${sentenceAfter(m)}`.trim())) return false;
      // "since the 3rd", "since Monday": a time, not a reason; a reason has a verb ("since the rate ended").
      if (/^since\b/.test(matched(m)) && !/\b(\w+ed|was|were|is|are|has|had|did|does|didn't|doesn't|isn't|wasn't|can't|won't)\b/.test(`${matched(m)} ${sentenceAfter(m)}`.replace(/^since/, ''))) return false;
      // "as soon as", "as well as", "such as": comparisons and times, not reasons.
      if (/\b(soon|well|long|such|same|far|much|just)\s*$/.test(plain(m.turn.text.slice(m.sentence[0], m.span[0])))) return false;
    },
    examples: {
      match: [
        "The charge went out twice because the payment page timed out and retried.",
        "The reason is that the card on file expired last month.",
        'We verify by text so that nobody else can change your account.',
        "What happened is the courier scanned it at the wrong depot.",
      ],
      noMatch: [
        'Why was I charged twice?',
        'I will call you back tomorrow.',
      ],
    },
  },
];
