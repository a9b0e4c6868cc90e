// A phrase set asked about a long range (the rest of a long turn, once per match in it) reads the
// set's matches in the whole text, found once: the answers must be those of a search of the range
// itself, which a search split at its sentence ends gives too (a phrase never runs across one).
import { describe, expect, it } from 'vitest';
import '../../src/rules/index.js';
import { PhraseSet } from '../../src/rules/context.js';
import { textFeatures, type TextFeatures } from '../../src/nlp/features.js';
import { readLexemes, lexemeToken, UNMATCHED } from '../../src/nlp/phrase/lexemes.js';
import { tokenize } from '../../src/nlp/tokenize.js';

const SENTENCES = [
  "I'll refund the £20 within 3 days.",
  'We can either send a new one or refund you, which would you prefer?',
  'Sorry for the wait, the parcel was sent on Monday',
  'It should arrive by 5 pm tomorrow!',
  'Let me check that for you, one moment',
  "I don't think we can refund that.",
  'the refund',
  'because the courier lost it we will send another',
];

/** A long text of the sentences above in a seeded order, some run together without a full stop. */
function longText(sentences: number, seed: number): string {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31), x / 2 ** 31);
  let text = '';
  for (let k = 0; k < sentences; k++) text += SENTENCES[Math.floor(next() * SENTENCES.length)]! + (next() < 0.2 ? ' and ' : ' ');
  return text;
}

/** [from, to) split where a sentence ends, into ranges short enough to be searched directly. */
function pieces(f: TextFeatures, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  for (let k = from + 1; k < to; k++) {
    if (k - start >= 200 && f.sentenceOf[k] !== f.sentenceOf[k - 1]) {
      out.push([start, k]);
      start = k;
    }
  }
  out.push([start, to]);
  return out;
}

const SETS = [
  new PhraseSet(['refund', 'we will send']),
  new PhraseSet(['(i|we) (can|will) *', 'which would you prefer']),
  new PhraseSet(['within {duration}', 'by {time}', 'for you']),
  new PhraseSet(['nothing here matches']),
];

describe('a phrase set over a long range', () => {
  const f = textFeatures(longText(900, 7));

  it('is long enough to be searched through its matches', () => expect(f.tokens.length).toBeGreaterThan(5000));

  it('finds what a search of the range split at its sentences finds, for any range', () => {
    let matches = 0;
    let x = 3;
    const next = (n: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), Math.floor((x / 2 ** 31) * n));
    for (let trial = 0; trial < 60; trial++) {
      const from = next(f.tokens.length - 1500);
      const to = Math.min(f.tokens.length, from + 1100 + next(3000));
      for (const set of SETS) {
        const split = pieces(f, from, to);
        expect(set.in(f, from, to), `${from}-${to}`).toBe(split.some(([a, b]) => set.in(f, a, b)));
        const found: number[] = [];
        set.in(f, from, to, (s, e) => (found.push(s, e), false));
        const expected: number[] = [];
        for (const [a, b] of split) set.in(f, a, b, (s, e) => (expected.push(s, e), false));
        expect(found).toEqual(expected);
        matches += found.length;
      }
    }
    expect(matches).toBeGreaterThan(1000);
  });

  it('answers the same after another long text was searched in between', () => {
    const g = textFeatures(longText(900, 11));
    const before = SETS.map((set) => set.in(f, 2000, f.tokens.length));
    for (const set of SETS) set.in(g, 0, g.tokens.length);
    expect(SETS.map((set) => set.in(f, 2000, f.tokens.length))).toEqual(before);
  });
});

describe('lexemes', () => {
  it('give one id to each kind and norm, and none to punctuation', () => {
    const tokens = tokenize('Refund, refund REFUND 42 42!');
    const ids = readLexemes(tokens);
    expect(ids[0]).toBe(ids[2]);
    expect(ids[2]).toBe(ids[3]);
    expect(ids[4]).toBe(ids[5]);
    expect(ids[0]).not.toBe(ids[4]);
    expect(ids[1]).toBe(UNMATCHED);
    expect(ids[6]).toBe(UNMATCHED);
    expect(lexemeToken(ids[0]!)).toEqual({ norm: 'refund', kind: 'word' });
    expect(lexemeToken(ids[4]!)).toEqual({ norm: '42', kind: 'number' });
  });
});
