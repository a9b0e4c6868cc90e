import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/nlp/tokenize.js';
import { negationScopes } from '../../src/nlp/negation.js';

function negated(text: string): string[] {
  const toks = tokenize(text);
  const by = negationScopes(toks);
  return toks.toArray().filter((_, i) => by[i]! > 0).map((t) => t.norm);
}

describe('negationScopes', () => {
  it('reaches past an intensifier: "not very happy"', () => {
    expect(negated('I am not very happy')).toEqual(['very', 'happy']);
  });
  it('covers contractions and "never"', () => {
    expect(negated("I've never been happy with you")).toEqual(['been', 'happy', 'with']);
    expect(negated("it doesn't work at all")).toEqual(['work', 'at', 'all']);
  });
  it('reads "unable to" as a negation of the verb it governs', () => {
    expect(negated("we're unable to refund the fee")).toEqual(['to', 'refund', 'the']);
  });
  it('stops at a clause break', () => {
    expect(negated("it's not the price, it's the service")).toEqual(['the', 'price']);
    expect(negated('not bad but slow')).toEqual(['bad']);
  });
});

describe('negation and "that"', () => {
  it('reaches through "not that bad"', () => {
    expect(negated("honestly it's not that bad")).toEqual(['that', 'bad']);
  });
});
