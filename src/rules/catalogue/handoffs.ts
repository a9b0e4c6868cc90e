// Holds and transfers: waiting and hand-offs the customer is not told about (seeds 001, 002, 004).
import type { RuleDef } from '../types.js';
import { matched, plain, sentenceAfter, turnAfter } from '../context.js';

/** A hold or transfer is explained by a reason, a duration or a destination. */
const HOLD_EXPLAINED =
  /\b(i'm (reading|checking|looking|pulling|going through|speaking|asking|finding|getting)|let me (check|look|see|find|ask|speak|confirm|pull)|i'll (check|look|see|find|ask|speak|confirm|pull)|while|so (that )?i can|so we can|to (check|look|find|speak|talk|confirm|get|see|pull|review|verify|ask)|because|as i need|i need to (check|speak|confirm|look)|for (about|around|roughly|just|up to)?\s*(a|one|two|three|four|five|\d+|a couple of|a few) (minutes?|mins?|seconds?|moments?)|(a|one|two|three|four|five|\d+|a couple of|a few) (minutes?|mins?)|minute or two)\b/;
const TRANSFER_EXPLAINED =
  /\b(to (the|our|a|my|your) (?!relevant|right|other|correct|appropriate|next)\w+\s+(team|department|desk|specialists?|unit|line)|to (my|our|the) (manager|supervisor|team leader)|to (billing|sales|retentions?|returns|technical|tech support|claims|complaints|accounts|collections|fraud|repairs|bookings)|who (can|will|handles?|deals?)|they (can|will|'ll|handle|deal)|they're (the|able)|because|so (that )?(they|someone)|as (they|this|that)|since (they|this|that))\b/;


export const handoffRules: RuleDef[] = [
  {
    id: 'unexplained-hold',
    // A hold on the way to a transfer is part of the transfer.
    suppressedBy: ['unexplained-transfer'],
    category: 'unexplained-hold',
    kind: 'risk',
    severity: 'warning',
    speaker: 'agent',
    title: 'Puts the customer on hold without saying why or how long',
    description: 'The agent puts the customer on hold with no reason and no idea of how long.',
    why: 'Waiting without knowing why or for how long is where customers lose control and patience; a reason and a duration make the same wait feel shorter.',
    source: 'seed 001: cognitive control, information about what is happening; seed 004: the hotline that left the flyer angry',
    message: 'A hold with no reason and no duration: the customer waits in the dark.',
    suggestion: 'Can I put you on hold for about two minutes while I check this with billing?',
    allowQuestion: true,
    patterns: [
      `(let me|i'll|i will|i'm going to|i am going to|i need to|i have to|i'm gonna|going to|can i|may i|could i|i'm just going to|just going to) (put|place|pop) you on hold`,
      `(please|kindly) (hold|hold on|hold the line|stay on the line|wait on the line)`,
      `(hold|hold on|hold the line) [please]`,
      `(one|just a|give me a|bear with me a|bear with me one|wait a|hang on a|hold on a) (moment|second|sec|mo|minute|min|tick)`,
      `(bear with me)`,
      `(hang|hold) on`,
      `(hold|hang on) (pls|plz|please)`,
      `[just] wait there`,
      `(wait|stay on the line|stay on|stay there)`,
      `(one|1|two|2) (sec|secs|mo|min)`,
    ],
    examples: {
      match: [
        'Let me put you on hold.',
        'Please hold.',
        'Bear with me one moment.',
      ],
      noMatch: [
        'Can I put you on hold for about two minutes while I check with billing?',
        "I'll put you on hold so I can speak to the warehouse, it will take a couple of minutes.",
        "I won't put you on hold, I'll stay on the line.",
      ],
    },
    check(m) {
      const words = matched(m);
      // "hold on, that's not right", "wait, I see it": a hesitation, not a hold; a hold stands alone.
      if (/^(hold|hold on|hang on|wait|stay on the line|stay on|stay there)$/.test(words)) {
        if (m.span[0] > m.sentence[0] && !/^(please|pls|just|kindly|ok|okay)\b/.test(plain(m.turn.text.slice(m.sentence[0], m.span[0])).trim().replace(/[^a-z ]/g, '').trim().split(' ').pop() ?? '')) return false;
        if (!/^[\s.!,]*$|^\s*(please|pls|a (moment|second|minute|sec))/.test(sentenceAfter(m)) && !/^,\s*(transferring|putting|i'll|i'm)/.test(sentenceAfter(m))) return false;
      }
      if (HOLD_EXPLAINED.test(`${plain(m.turn.text.slice(m.sentence[0], m.span[0]))} ${turnAfter(m)}`)) return false;
    },
  },
  {
    id: 'unexplained-transfer',
    category: 'unexplained-transfer',
    kind: 'risk',
    severity: 'warning',
    speaker: 'agent',
    title: 'Transfers the customer without saying where or why',
    description: 'The agent transfers the customer with no destination and no reason.',
    why: 'A blind transfer is a hand-off of the problem: the customer does not know who they will reach or whether they will have to start again.',
    source: 'seed 002: escalation and hand-offs as root causes of failure; seed 001: cognitive control',
    message: 'A transfer with no destination and no reason: the customer starts again in the dark.',
    suggestion: 'I’m transferring you to our billing team, who can reverse the charge; I’ve passed them your details so you won’t need to repeat them.',
    allowQuestion: true,
    patterns: [
      `(i'm|i am|i'll|i will|let me|i'm going to|i am going to|i need to|i have to|i'm just going to|going to|gonna) (transfer you|transfer u|transferring you|transferring u|put you through|putting you through|connect you|connecting you|put you across|put you over|transfer your call|transfer your chat) [now]`,
      `(i'm|i am|i'll|i will|let me|going to|gonna) (pass|passing|hand|handing) you (over|across|through|on)`,
      `(you're|you are|you'll be|you will be) (being) (transferred|put through|connected|passed)`,
      `(you'll|you will) (be|now be) (transferred|put through|connected|passed)`,
      `(transferring|transfer) (you|your call|u|your chat) [now|over|through]`,
      `(i'll|i will|let me|i'm going to|i'm|i am) (send|sending|move|moving|pop|popping|put|putting) (you|u|your chat|your call) (over|through|across|to another|to a|to someone|to the)`,
      `(let me|i'll|i will) (get|find|grab) (someone|somebody|a colleague|another) [else] [for you]`,
      `(someone else|somebody else|a colleague|another agent|another team|another department) (will|can|is going to) (pick|take|deal|handle) (this|it|you|your)`,
      `transferring`,
    ],
    examples: {
      match: [
        "I'm transferring you now.",
        "I'll put you through, hold on.",
        'You will be transferred.',
      ],
      noMatch: [
        "I'm transferring you to our billing team, who can reverse the charge.",
        "I'll put you through to my supervisor because she can approve the refund.",
        "I won't transfer you, I'll sort it myself.",
      ],
    },
    check(m) {
      if (TRANSFER_EXPLAINED.test(`${sentenceAfter(m)} ${turnAfter(m)}`)) return false;
    },
  },
];
