// Features of a text repeated across turns (canned replies, "Okay.") are made once and shared.
import { describe, expect, it } from 'vitest';
import { lexemesOf, sharedFeatures, textFeatures } from '../../src/nlp/features.js';
import { turnSentiment } from '../../src/nlp/sentiment.js';
import { PhraseSet } from '../../src/rules/context.js';

describe('sharedFeatures', () => {
  it('gives the features textFeatures gives, the same object for the same text', () => {
    const text = "Thanks for waiting. I can't see the refund yet, but I'll chase it today.";
    const a = sharedFeatures(text);
    expect(a).toEqual(textFeatures(text));
    expect(sharedFeatures(text)).toBe(a);
  });

  it('does not keep long texts', () => {
    const text = 'word '.repeat(400);
    expect(sharedFeatures(text)).not.toBe(sharedFeatures(text));
    expect(sharedFeatures(text)).toEqual(textFeatures(text));
  });

  it('stays bounded on many distinct texts and still answers right', () => {
    for (let i = 0; i < 10_000; i++) sharedFeatures(`call ${i}`);
    expect(sharedFeatures('call 42')).toEqual(textFeatures('call 42'));
  });
});

describe('sentences', () => {
  const sentences = (text: string) => {
    const f = textFeatures(text);
    const out: string[][] = [];
    f.tokens.toArray().forEach((t, i) => (out[f.sentenceOf[i]!] ??= []).push(t.text));
    return out.map((s) => s.join(' '));
  };

  it('end after a link followed by a capitalised word, as posts write them', () => {
    expect(sentences('Try these steps: https://help.example.com/reset If that fails, call us')).toEqual([
      'Try these steps : https://help.example.com/reset',
      'If that fails , call us',
    ]);
  });

  it('go on after a link followed by a word in lower case', () => {
    expect(sentences('Go to https://help.example.com/reset and pick a new password')).toHaveLength(1);
  });
});

describe('lexemes kept with the features', () => {
  it('are read on first use, once, and the features keep the fields they were made with', () => {
    const f = textFeatures("I've refunded £20, it'll show in 3-5 days.");
    const keys = Object.keys(f);
    const ids = lexemesOf(f);
    expect(ids).toHaveLength(f.tokens.length);
    expect(lexemesOf(f)).toBe(ids);
    // Filled in place, not added: every features object has one shape for the code that reads it.
    expect(Object.keys(f)).toEqual(keys);
    // Equal words are one lexeme wherever they stand.
    const g = textFeatures('it will show in 3-5 days');
    const show = (x: typeof f) => lexemesOf(x)[x.tokens.toArray().findIndex((t) => t.norm === 'show')];
    expect(show(g)).toBe(show(f));
  });
});

describe('long numbers as lexemes', () => {
  const idOf = (text: string, norm: string) => {
    const f = textFeatures(text);
    return lexemesOf(f)[f.tokens.toArray().findIndex((t) => t.norm === norm)];
  };

  it('share one id per token class when no pattern names them: an order number is not a word of its own', () => {
    expect(idOf('order 58213907 is on its way', '58213907')).toBe(idOf('order 77120456 is on its way', '77120456'));
    // "1000" counts, "1000th" is an ordinal: other classes, other ids.
    expect(idOf('the 1000th caller', '1000th')).not.toBe(idOf('1000 callers', '1000'));
    // Short numbers, which patterns name ("2", "24"), keep their own.
    expect(idOf('in 24 hours', '24')).not.toBe(idOf('in 48 hours', '48'));
  });

  it('are read as themselves once a pattern names one, also in texts read before it was made', () => {
    const seen = textFeatures('Your reference is 44556677, and 12345678 is the old one.');
    lexemesOf(seen); // read while no pattern names either number
    const named = new PhraseSet(['reference is 44556677']);
    expect(named.in(seen)).toBe(true);
    expect(named.in(textFeatures('Your reference is 12345678.'))).toBe(false);
    expect(new PhraseSet(['reference is {number}']).in(textFeatures('Your reference is 12345678.'))).toBe(true);
  });
});

describe('sentiment kept with the features', () => {
  it('is read once per features and leaves their shape as it was', () => {
    const f = textFeatures('This is the third time I have called and nobody has fixed it.');
    const keys = Object.keys(f);
    const first = turnSentiment(f);
    expect(turnSentiment(f)).toBe(first);
    expect(first.score).toBeLessThan(0);
    expect(Object.keys(f)).toEqual(keys);
  });
});
