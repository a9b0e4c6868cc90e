// The general mechanisms that read a customer's support language as careful readers do
// (../shared/labels/GUIDE.md), on sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { textFeatures } from '../../src/nlp/features.js';
import { turnSentiment } from '../../src/nlp/sentiment.js';

const read = (text: string) => turnSentiment(textFeatures(text));
const label = (text: string) => read(text).label;
const sarcastic = (text: string) => read(text).terms.some((t) => t.sarcasm === true);

describe('a question or request vs a complaint', () => {
  it.each([
    ["I'm having trouble logging in to the app, can you help?", 'neutral'],
    ['There is an error when I pay by card, what should I do?', 'neutral'],
    ['My parcel is late, any idea when it will arrive?', 'neutral'],
    ['Why is my order still not here?', 'negative'],
    ["I've had trouble logging in for three days and nobody has helped!!", 'negative'],
    ['Why does the app keep crashing every time I open it?', 'negative'],
    ['Why do you charge a fee to change the delivery date?', 'negative'],
    ["I'd like to know why the price changed.", 'neutral'],
    // A fault supposed in an "if" clause is asked about, not suffered.
    ["If my parcel doesn't arrive, can I get a refund?", 'neutral'],
    ["If it doesn't arrive by Friday I'm cancelling.", 'negative'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('courtesy vs gratitude', () => {
  it.each([
    ['Can you tell me when the store opens? Thanks!', 'neutral'],
    ['Please could you resend the invoice, thanks in advance', 'neutral'],
    ["OK, I'll try the shop instead. Thanks anyway.", 'neutral'],
    ['Any news on my refund? It would be greatly appreciated.', 'neutral'],
    ['Can you add the film to your catalogue? Thank you 🙏 😊', 'neutral'],
    ['ok thx', 'neutral'],
    ['Done now. Thanks', 'neutral'],
    ["Just leaving work, I'll let you know tomorrow. Thanks.", 'neutral'],
    ['Ok thank you so much!!', 'positive'],
    ['Thanks so much, that fixed it!', 'positive'],
    ['Thank you for sorting my refund so quickly', 'positive'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('negation scope', () => {
  it.each([
    ['Not after you lost my luggage twice.', 'negative'],
    ["I didn't expect such awful service from you.", 'negative'],
    ["I can't believe how rude the driver was.", 'negative'],
    ['The app is not good at all.', 'negative'],
    ["I'm not unhappy with the outcome.", 'positive'],
    ["No, it didn't crash. I was watching the second episode.", 'neutral'],
    ['There was no error message this time.', 'neutral'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('contrast and time', () => {
  it('the clause after "but" decides, and praise before it is no sarcasm', () => {
    expect(label('I love you guys, but the app keeps crashing on my tablet.')).toBe('negative');
    expect(sarcastic('I love you guys, but the app keeps crashing on my tablet.')).toBe(false);
  });
  it('praise of how things used to be is a loss', () => {
    expect(label('This app used to be great.')).toBe('negative');
    expect(label('The old version was much better.')).toBe('negative');
  });
  it('a link is not a skeptical emoticon', () => {
    expect(read('Here is the screenshot https://example.com/a.png').terms).toEqual([]);
  });
});

describe('sarcasm vs praise', () => {
  it.each([
    'So thrilled to be sitting on hold for two hours.',
    "Thanks to your AMAZING support I've lost a whole day of work.",
    'Another brilliant morning of no internet.',
    'Really first class service. Not.',
    'My "helpful" agent hung up on me.',
    'Cut off twice and still no refund. Brilliant.',
    'Such wonderful service today 🤨',
  ])('reads sarcasm in: %s', (text) => {
    expect(sarcastic(text)).toBe(true);
    expect(label(text)).toBe('negative');
  });

  it.each([
    "I'm thrilled the replacement arrived today!",
    'The new app is AMAZING, thank you.',
    'Brilliant, the problem is solved, have a lovely evening!',
    'Thank you so much for your help.',
    'Glad the problem is finally fixed.',
    'The engineer fixed it this morning. Brilliant.',
  ])('reads praise in: %s', (text) => {
    expect(sarcastic(text)).toBe(false);
    expect(label(text)).toBe('positive');
  });
});

describe('exclamations', () => {
  it.each([
    ['No, no, no.', 'negative'],
    ['Really? Two weeks for a letter?', 'negative'],
    ['Yes! That is the one.', 'positive'],
    ['Help! My account has been locked since this morning.', 'negative'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
  it('a camel-case hashtag is read as words', () => {
    expect(label('Waited in for the engineer all day #NeverAgain')).toBe('negative');
  });
});

describe('stretched words', () => {
  it('reads a word stretched for feeling as the word it stretches', () => {
    const score = (text: string) => turnSentiment(textFeatures(text)).score;
    expect(score('the service was awfulllll')).toBeLessThan(0);
    expect(score('the service was awfulllll')).toBeCloseTo(score('the service was awful'), 5);
    expect(score('goooood job, thank you')).toBeGreaterThan(0);
  });
});

describe('what the customer did themselves', () => {
  it.each([
    // An attempt is not an outcome; the customer's own slip is no complaint.
    ["I've tried restoring my licences and restarting, and the games still don't load.", 'negative'],
    ['Sent you another message, the order number I gave was wrong.', 'neutral'],
    ['I typed the wrong date, can you change it to the 14th?', 'neutral'],
    ['You sent me the wrong size.', 'negative'],
    // A correction of what was misheard is mild irritation.
    ['No, I said two adult tickets, not one.', 'negative'],
    // Silence and a rhetorical "is it really necessary?" are complaints without a complaint word.
    ['Two weeks and still no action from the branch.', 'negative'],
    ['Is all this packaging really necessary?', 'negative'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});
