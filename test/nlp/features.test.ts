// Features of a text repeated across turns (canned replies, "Okay.") are made once and shared.
import { describe, expect, it } from 'vitest';
import { sharedFeatures, textFeatures } from '../../src/nlp/features.js';

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
