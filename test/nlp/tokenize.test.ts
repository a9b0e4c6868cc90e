import { describe, expect, it } from 'vitest';
import { tokenize as tokenStore } from '../../src/nlp/tokenize.js';

/** The tokens as objects, to compare whole. */
const tokenize = (s: string) => tokenStore(s).toArray();
const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('keeps contractions whole, with straight or curly apostrophes', () => {
    expect(texts("I don't think it’s fixed")).toEqual(['I', "don't", 'think', 'it’s', 'fixed']);
    expect(tokenize('it’s')[0]!.norm).toBe("it's");
  });

  it('keeps clock times whole, so "3 p.m." does not end a sentence', () => {
    const text = 'I will call you at 3 p.m. tomorrow or at 10:30am.';
    const toks = tokenize(text);
    expect(toks.filter((t) => t.kind === 'time').map((t) => t.norm)).toEqual(['3pm', '10:30am']);
    const store = tokenStore(text);
    expect(Array.from({ length: store.length }, (_, i) => store.endsSentence(i)).filter(Boolean)).toHaveLength(1);
  });

  it('keeps order numbers, amounts and dates whole', () => {
    const toks = tokenize('Order ORD-58213 and #4451 cost $5.99 on 12/03/2026');
    expect(toks.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual([
      'ORD-58213',
      '#4451',
      '5.99',
      '12/03/2026',
    ]);
  });

  it('keeps emoji sequences and emoticons', () => {
    const toks = tokenize('thanks 👍🏽 but 😡😡 :( ');
    expect(toks.filter((t) => t.kind === 'emoji').map((t) => t.text)).toEqual(['👍🏽', '😡', '😡', ':(']);
  });

  it('keeps a link whole, so the words of its path are not read, and leaves closing punctuation out', () => {
    expect(texts('See https://help.example.com/how-do-i-report-a-fault. Thanks')).toEqual(['See', 'https://help.example.com/how-do-i-report-a-fault', '.', 'Thanks']);
    expect(tokenize('(www.example.com/a)').map((t) => [t.kind, t.text])).toEqual([['punct', '('], ['symbol', 'www.example.com/a'], ['punct', ')']]);
    expect(texts('http is fine, www is a word')).toEqual(['http', 'is', 'fine', ',', 'www', 'is', 'a', 'word']);
  });

  it('gives offsets that slice back to the token', () => {
    const s = 'Hi — I’m “really” upset!!! Ref: AB-12 at 9 a.m.';
    for (const t of tokenize(s)) expect(s.slice(t.start, t.end)).toBe(t.text);
  });

  it('splits hyphenated words so "follow-up" matches "follow up"', () => {
    expect(tokenize('a follow-up call').filter((t) => t.kind === 'word').map((t) => t.norm)).toEqual([
      'a',
      'follow',
      'up',
      'call',
    ]);
  });
});
