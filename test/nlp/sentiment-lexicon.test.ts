import { describe, expect, it } from 'vitest';
import { textFeatures } from '../../src/nlp/features.js';
import { turnSentiment } from '../../src/nlp/sentiment.js';

describe('the AFINN lexicon lookup', () => {
  it('knows words, and takes names of object properties for plain words', () => {
    expect(turnSentiment(textFeatures('this is great')).score).toBeGreaterThan(0);
    for (const text of ['the constructor called', 'toString valueOf hasOwnProperty __proto__']) {
      const s = turnSentiment(textFeatures(text));
      expect(s.score).toBe(0);
      expect(s.terms).toEqual([]);
    }
  });
});
