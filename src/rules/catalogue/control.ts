// Control rules: whether the customer is given information and choices, or a wall (seeds 001, 002, 003).
import type { RuleDef, RuleMatch } from '../types.js';

/** Words after a policy that show its reason. */
const REASON = /\b(because|since|so that|in order to|the reason|due to|for (your|their|the) (security|safety|protection|privacy)|to (protect|keep|prevent|stop|make sure)|by law|legally|regulat\w+|required by|fraud)\b/;
/** Words after a policy that open another way. */
const ALTERNATIVE = /\b(what (i|we) can do|(i|we) can(?!'t)|(i|we) could|instead|alternatively|another (option|way)|other option|either|would you like|if you('d| would) (like|prefer)|you can(?!'t)|you could|let me|what i'll do|i'll)\b/;

const lower = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'");

/** A policy used as a wall, not one stated with its reason and another way forward. */
function isWall(m: RuleMatch): false | void {
  const rest = lower(m.turn.text.slice(m.span[1]));
  const before = lower(m.turn.text.slice(0, m.span[0]));
  if (REASON.test(rest) && ALTERNATIVE.test(rest)) return false;
  if (REASON.test(before) && ALTERNATIVE.test(rest)) return false;
}

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
      `if you('re|are) (unhappy|not happy|dissatisfied) [you can] (write|submit|file|make|send|raise) [in] a complaint`,
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
    ],
    examples: {
      match: [
        "I'm afraid there's nothing I can do about that.",
        "Sorry sir, I can't do anything, your warranty is over.",
        "It's out of my hands now.",
      ],
      noMatch: [
        "There's nothing I wouldn't do to get you on that flight.",
        "I can't do anything about the fee, but I can move your booking for free. Would that help?",
      ],
    },
    check(m) {
      // "…but here is what I can do" turns the limit into information, not a wall.
      if (ALTERNATIVE.test(lower(m.turn.text.slice(m.span[1])))) return false;
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
      `(there are|you have|we have|i have) (two|three|four|a few|several|some|a couple of) (options|choices|ways|alternatives)`,
      `(one|another|the other|a second|the first|the second) option (is|would be|could be)`,
      `alternatively`,
      `if you('d| would) (prefer|rather)`,
      `(it's|it is) (up to you|your choice|your call)`,
      `(would|do) you (like|want) (me|us) to ** or`,
      `(i|we) (could|can) ** or (i|we) (could|can)`,
      `(or|otherwise) if you('d| would) (like|prefer)`,
    ],
    examples: {
      match: [
        'I can either refund you today or send a replacement by Friday, which would you prefer?',
        'Alternatively, we can book her on the morning flight with an escort.',
        'You have two options here.',
        'What time works best for you for the engineer?',
      ],
      noMatch: [
        'You need to buy a new remote.',
        'There is no other option, sorry.',
      ],
    },
  },
];
