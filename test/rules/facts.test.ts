// What counts as telling the customer something (GUIDE "information"): facts, timelines, reasons and
// instructions, judged on the clause's shape. Sentences are ours: this tests the mechanism, not accuracy.
import { describe, expect, it } from 'vitest';
import '../../src/rules/index.js';
import { textFeatures } from '../../src/nlp/features.js';
import { informs as informsIn } from '../../src/rules/facts.js';
import { analyze } from '../../src/score/analyze.js';
import type { Transcript } from '../../src/model/types.js';

/** The judgement of a whole text as one clause. */
const informs = (s: string): boolean => {
  const f = textFeatures(s);
  return informsIn(f, 0, f.tokens.length);
};

describe('informs', () => {
  it.each([
    'Orders placed after 2pm ship the next working day.',
    'The outage was caused by a damaged cable near the exchange.',
    'Tap Settings > Billing > Cancel subscription.',
    'Your refund will reach the card within 3-5 business days.',
    "The lounge isn't open to day passes on weekends.",
    'It looks like the router lost its settings after the update.',
    'You can change the delivery address from the order page until it ships.',
    'We are working on a fix with the payment provider.',
    'Restart the app and sign in again.',
    'I can see the parcel was scanned at the depot this morning.',
    'Our team will call you back by 6pm today.',
    'Could you try signing out and back in on the tablet?',
    'Have you tried resetting the router to its factory settings?',
    'The power switch is located under the rear panel.',
    "We're not aware of any outage in your area right now.",
    'We still offer free returns on damaged goods.',
    'Hi there, version 4.2 came out last night, please update the app.',
  ])('a fact, a timeline, a reason or an instruction: %s', (s) => expect(informs(s)).toBe(true));

  it.each([
    'Please DM us your account number.',
    'Check out our help page here: https://help.example.com/billing',
    'You can find our status page here: https://status.example.com',
    'Thanks for reaching out, we are here to help!',
    'Is the card still blocked?',
    "That's a lovely photo of the crew!",
    "I'll look into it for you.",
    'I can check whether there is an earlier appointment.',
    'Our team will be in touch with you shortly.',
    "We don't have any information on that yet.",
    "Hi, it's Sam from Northwind.",
    'This is Priya.',
    'Keep us posted, Dave!',
    '@example 12345',
    'Have you tried calling the number on the back of the card?',
    'Can you send us your order number?',
    "That doesn't look right.",
    "That's quite the costume!",
    'Kindly send us the details so our team can assist.',
    'If there is anything else we can help with, please DM us.',
    'We have some documentation that may help: https://docs.example.com',
    'Please give this a try: https://help.example.com/reset',
    'If you submit it as an idea, our product team will be able to review it.',
    'For now we recommend: https://help.example.com/playback Keep us posted!',
    'Not a problem, take your time.',
    "It's just too bad.",
  ])('courtesy, a request, a question, praise, a promise or a bare link: %s', (s) => expect(informs(s)).toBe(false));

  // A hold notice asks for a moment of the customer's time; holding a button is a step to take.
  it.each([
    ['Hang on a moment while I pull up your account.', false],
    ['Okay, hold on for a while.', false],
    ['Please bear with me.', false],
    ['Hold the power button for 10 seconds.', true],
    ['Wait 30 seconds, then plug it back in.', true],
  ])('a hold notice is no instruction: %s', (s, expected) => expect(informs(s)).toBe(expected));

  it('a number or a handle alone is no fact', () => {
    expect(informs('Ref 48213 @helpdesk https://t.co/abc123')).toBe(false);
  });
});

describe('a turn said again word for word', () => {
  it('gets the same information findings as the first time (verdicts are kept per turn and clause)', () => {
    const agent = 'Your refund went out on Monday. It takes 3 to 5 working days to reach your card, so thanks for bearing with us.';
    const t: Transcript = {
      id: 'again', source: 'test', channel: 'chat', meta: {},
      turns: [
        { index: 0, role: 'agent', speaker: 'A', text: agent },
        { index: 1, role: 'customer', speaker: 'C', text: 'Has it been sent?' },
        { index: 2, role: 'agent', speaker: 'A', text: agent },
      ],
    };
    const info = analyze(t).findings.filter((f) => f.category === 'information');
    const of = (turn: number) => info.filter((f) => f.turn === turn).map((f) => [f.rule, f.span, f.text]);
    expect(of(0).length).toBeGreaterThan(0);
    expect(of(2)).toEqual(of(0));
  });
});
