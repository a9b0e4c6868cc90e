// The phrase sets of the information judgement (src/rules/data/phrases/information.yaml): each set,
// read as facts.ts reads a clause, matches the sentences it is written for and not their near
// misses. The sentences are ours; every set declared in the file has both kinds.
import { describe, expect, it } from 'vitest';
import '../../src/rules/index.js';
import { textFeatures } from '../../src/nlp/features.js';
import { setsFoundIn } from '../../src/rules/facts.js';
import { definedPhraseSets } from '../../src/rules/rule-patterns.js';

const found = (text: string): Set<string> => {
  const f = textFeatures(text);
  return setsFoundIn(f, 0, f.tokens.length);
};

/** Per set: sentences it must match somewhere, and near misses it must not. */
const EXAMPLES: Record<string, { match: string[]; noMatch: string[] }> = {
  'info-timeline': {
    match: ['It takes 3-5 business days.', 'Allow 2 to 4 weeks for the card.', 'About 24hrs from now.', 'The 40-minute limit is gone.', 'It lands on Friday.', "Tomorrow's slots are open.", 'We restock next week.', 'Speeds of 300 mbps.'],
    noMatch: ['It takes a few days.', 'Order 12345 is here.', 'We may restock.', 'Next time, ask us.'],
  },
  'info-explanation': {
    match: ['It failed because the card expired.', 'It was caused by a storm.', 'Since the update was released, it crashes.', 'Since we have changed the plan, it costs more.'],
    noMatch: ['Since Monday, nothing.', 'Since it was down, sorry.', 'We are reasonably sure.'],
  },
  'info-please': {
    match: ['Pls restart the router.', 'Kindly update the app.'],
    noMatch: ['Plus restart the router.'],
  },
  'info-instruction-lead': {
    match: ['Please restart it.', 'Then open the app.'],
    noMatch: ['Thanks for waiting.'],
  },
  'info-instruction': {
    match: ['Restart the router.', 'Go to your settings.', 'Check your spam folder.', 'Try clearing the cache.', 'Use the side door.', 'Click the blue button.', 'We suggest backing up the phone first.', "I'd recommend resetting it."],
    noMatch: ['Restarting helped.', 'Try again later.', 'Check that for me.', 'We suggest a refund.', 'We recommend contacting your bank.'],
  },
  'info-not-an-instruction': {
    match: ['Click here for help.'],
    noMatch: ['Click the button.'],
  },
  'info-you-can': {
    match: ['You can change it online.', "You'll need to reset it.", 'You should see a code.'],
    noMatch: ['You could.', 'I can change it.'],
  },
  'info-you-can-not': {
    match: ['Reach us any time.', 'Contact us by phone.', 'Get in touch with us.', 'Follow the steps below.'],
    noMatch: ['Reset it now.', 'Follow me.'],
  },
  'info-step-question': {
    match: ['Could you try restarting it?', 'Can you please reboot it?', 'Does unplugging it help?'],
    noMatch: ['Could you send your address?', 'Does it help?'],
  },
  'info-tried-a-step': {
    match: ['Have you tried reinstalling it?', 'Did you already tried updating it?'],
    noMatch: ['Have you tried it?', 'Have you seen it?'],
  },
  'info-reaching': {
    match: ['Calling them helps.', 'Try emailing us.'],
    noMatch: ['Call them.'],
  },
  'info-statement': {
    match: ["The lounge isn't open on Sundays.", 'Refunds take a while.', 'It only works on Wi-Fi.', "There's a fee for that.", 'We no longer sell it.', 'Your check-in is ready.', 'This theater does not have any seats at six.'],
    noMatch: ["Your mum's doctor would know.", 'Amazing work.', 'You know best.'],
  },
  'info-greeting': {
    match: ['Hi there.', 'Good morning!', 'Thank you.', 'No problem.'],
    noMatch: ['Goodbye.', 'Morning shift.'],
  },
  'info-courtesy': {
    match: ['Thanks for waiting.', "We're here to help.", 'Please DM us.', 'Keep us posted.', 'This is Ana from the help desk.', 'If you need anything else, shout.'],
    noMatch: ['The desk opens at nine.', 'Please restart it.'],
  },
  'info-introduction': {
    match: ['This is Ana.', 'My name is Jo Price.'],
    noMatch: ["It's Ana's.", 'Here is Ana.'],
  },
  'info-evaluative': {
    match: ["That's so lovely!", 'It is really not ideal.', "That's a pity.", "I'd be upset too."],
    noMatch: ['That is the plan.', 'It is open.'],
  },
  'info-reaction': {
    match: ["That doesn't look right.", "This shouldn't be happening."],
    noMatch: ["That doesn't work.", 'This should be fine.'],
  },
  'info-exclamation': {
    match: ["That's quite the hat!", 'What a day!', 'How kind!'],
    noMatch: ['Those are great!', 'Which hat?'],
  },
  'info-pointer': {
    match: ['Check out our guide.', 'Take a look at this page.', 'Head over to our site.', 'Our help centre has it.', 'Give this a try.', 'This article may help.', "I've found an article on it."],
    noMatch: ['Check your router.', 'The help was great.', 'Give it back.'],
  },
  'info-before-link': {
    match: ['Details here.', 'Find us at the shop.', 'I recommend it.'],
    noMatch: ['Details follow.'],
  },
  'info-no-news': {
    match: ["We don't have any update yet.", 'There is no further news.', 'It does not have more details.'],
    noMatch: ['We have news.', 'There is no charge.'],
  },
  'info-own-side': {
    match: ["I'll look into it.", 'Our billing team will call.', 'We can certainly check.', 'A member of our support team will reply.', "They can't see it."],
    noMatch: ['You will get it.', 'The parcel will come.'],
  },
  'info-own-side-not': {
    match: ['Not today.', 'Never again.', 'Only once.', 'Just need a minute.'],
    noMatch: ['Now and then.'],
  },
  'info-condition': {
    match: ['If so, fine.'],
    noMatch: ['Unless so, fine.'],
  },
};

describe('the information phrase sets', () => {
  const declared = [...definedPhraseSets().keys()].filter((name) => name.startsWith('info-'));

  it('are declared, each with sentences it matches and near misses', () => {
    expect(declared.length).toBeGreaterThan(20);
    expect(declared.filter((name) => !EXAMPLES[name]?.match.length || !EXAMPLES[name]?.noMatch.length)).toEqual([]);
    expect(Object.keys(EXAMPLES).filter((name) => !declared.includes(name))).toEqual([]);
  });

  const cases = (kind: 'match' | 'noMatch') => Object.entries(EXAMPLES).flatMap(([name, e]) => e[kind].map((text) => [name, text] as const));

  it.each(cases('match').filter(([name]) => name !== 'info-please'))('%s matches "%s"', (name, text) => {
    expect(found(text).has(name)).toBe(true);
  });
  it.each(cases('noMatch').filter(([name]) => name !== 'info-please'))('%s does not match "%s"', (name, text) => {
    expect(found(text).has(name)).toBe(false);
  });

  // The shorthand is no set of its own in a clause: its words are read as "please".
  it.each(cases('match').filter(([name]) => name === 'info-please'))('info-please: "%s" reads as please', (_, text) => {
    expect(found(text).has('info-instruction-lead')).toBe(true);
  });
  it.each(cases('noMatch').filter(([name]) => name === 'info-please'))('info-please: "%s" does not', (_, text) => {
    expect(found(text).has('info-instruction-lead')).toBe(false);
  });
});
