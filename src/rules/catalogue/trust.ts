// Trust rules: promises made, owned and followed up (seeds 001, 003).
import type { RuleDef, RuleMatch } from '../types.js';
import { dueFrom } from '../extract/due.js';

const ACTION =
  '(~call|~ring|~phone|~email|~text|~send|~refund|~credit|~process|~arrange|~book|~update|~check|~escalate|~follow|~contact|~raise|~log|~cancel|~reschedule|~ship|~replace|~waive|~reset|~review|~investigate|~monitor|~chase|~confirm|~post|~dispatch|~issue|~order|~apply|~fix|~sort|~repair|~upgrade|~reimburse|~cover|~honour|~honor|~activate|~reconnect|~restore|~unblock|~reverse|get back|be in touch|reach out|let you know|keep you (updated|posted|informed)|look into|put (through|in) a|make sure|ensure)';
const ADVERB = '[personally|definitely|also|then|now|just|actually|immediately|right away|straight away|first]';
const ASKING = /\b(shall|should|can|could|may) (i|we)\b[^.?!]*$|\b(would|do) you (like|want) (me|us) to\b[^.?!]*$|\bif you('d| would)? (like|want)\b[^.?!]*$/;

/** Who promised what, and by when; offers ("shall I call you?") are not commitments. */
function commitmentDetails(m: RuleMatch): false | Record<string, unknown> {
  const text = m.turn.text;
  const lead = text.slice(m.sentence[0], m.span[0]).toLowerCase();
  if (ASKING.test(lead)) return false;
  // "You'll have to email them" puts the work on the customer: that is no promise.
  if (/^you('ll| will| should) (have|need) to\b/i.test(text.slice(m.span[0], m.span[1] + 8).replace(/\u2019/g, "'"))) return false;
  const first = text.slice(m.span[0], m.span[1]).toLowerCase().replace(/[\u2019]/g, "'").split(/\s+/)[0] ?? '';
  const owner = /^(i|i'll|i'm|i've|im)$/.test(first)
    ? 'agent'
    : /^(we|we'll|we're)$/.test(first) || /^(you|you'll)$/.test(first)
      ? 'company'
      : 'third-party';
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
  return due ? { owner, action, due } : { owner, action };
}

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
    patterns: [
      `(i'll|i will|i'm going to|i am going to|i shall) ${ADVERB} ${ACTION}`,
      `(we'll|we will|we're going to|we are going to) ${ADVERB} ${ACTION}`,
      `(you'll|you will|you should) (receive|get|see|have|hear) ** (email|text|letter|call|confirmation|refund|credit|replacement|reply|response|update|parcel|card|engineer|technician|voucher|code|link|back)`,
      `(someone|an engineer|a technician|a specialist|a manager|my manager|my supervisor|the team|our team|a colleague|the courier) will (~call|~contact|be in touch|get back|~visit|come|~email|reach out|~deliver|~collect)`,
      `(i|we) promise [you] [to|that|i'll|we'll]`,
    ],
    examples: {
      match: [
        "I'll call you back by 3pm today with the result.",
        "We'll refund the second charge within 5-7 working days.",
        "You'll get a confirmation email in the next ten minutes.",
        'An engineer will call you tomorrow morning to book the visit.',
      ],
      noMatch: [
        "I can't promise a callback today, I'm afraid.",
        'Shall I call you back later?',
        "You said you'd call me back, and nobody did.",
        "I'll transfer you now.",
        "You'll have to email the returns team yourself.",
      ],
    },
    check: commitmentDetails,
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
    patterns: [
      `let me (sort|fix|take care of|look into|handle|deal with|sort out|get to the bottom of|put) (this|that|it|everything) [out|right]`,
      `(leave|leaving) (it|this|that) with me`,
      `(i'll|i will|i'm going to|i am going to) [personally] (take care of|handle|sort out|deal with|own|look after) (this|that|it|everything|your case)`,
      `(i'll|i will) personally`,
      `(i|i'll|i will) (take|taking) (full|personal) (ownership|responsibility)`,
      `(that's|that is|this is|it's|it was|that was) (our|my|entirely our|completely our) (mistake|fault|error|doing)`,
      `(we|i) (got|made) (that|this|it) wrong`,
      `(we|i) (messed|screwed) (that|this|it) up`,
      `(i'm|i am) (going to|gonna) (make|put) (this|it|that|things) right`,
    ],
    examples: {
      match: [
        'Leave it with me, I will sort it before the end of the day.',
        "That's our mistake, not yours.",
        'Let me take care of this for you right now.',
      ],
      noMatch: [
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
    ],
    examples: {
      match: [
        "Hi Mrs Patel, as promised I'm calling about the refund.",
        'Just following up on the engineer visit yesterday.',
        'I said I would call you back once the fraud team replied.',
      ],
      noMatch: ['I will follow up tomorrow.', "You said you'd call me and you never did."],
    },
    allowQuestion: true,
  },
];
