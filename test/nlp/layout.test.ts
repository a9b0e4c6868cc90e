// A text's layout: sentences, questions, quotations and reported speech, read once per features.
import { describe, expect, it } from 'vitest';
import { textFeatures } from '../../src/nlp/features.js';
import { layoutOf, QUESTION, REPORTED } from '../../src/nlp/layout.js';

const at = (text: string, word: string) => {
  const f = textFeatures(text);
  const i = f.tokens.toArray().findIndex((t) => t.norm === word);
  return { f, i, flags: layoutOf(f).flags[i]! };
};

describe('layoutOf', () => {
  it('is read once and kept with the features', () => {
    const f = textFeatures('Your refund is on its way. Did it arrive?');
    expect(layoutOf(f)).toBe(layoutOf(f));
    expect(Array.from(layoutOf(f).sentenceBounds)).toEqual([0, 7, 7, 11]);
  });

  it('marks the clause a question mark closes, not the statement before a comma', () => {
    expect(at('Sorry to hear that, can I take your number?', 'number').flags & QUESTION).toBe(QUESTION);
    expect(at('Sorry to hear that, can I take your number?', 'hear').flags & QUESTION).toBe(0);
  });

  it('marks words after a reporting cue in its clause, and after a recap in its sentence', () => {
    expect(at('You said nobody called, and I am sorry', 'nobody').flags & REPORTED).toBe(REPORTED);
    expect(at('You said nobody called, and I am sorry', 'sorry').flags & REPORTED).toBe(0);
    expect(at('As you said, the fault started on Monday', 'fault').flags & REPORTED).toBe(REPORTED);
  });

  it('finds the ranges inside double quotes', () => {
    const f = textFeatures('The screen says "payment failed" again.');
    const [range] = layoutOf(f).quoted;
    expect(f.tokens.toArray().slice(range![0], range![1] + 1).map((t) => t.text).join(' ')).toBe('" payment failed "');
  });
});
