// When a promise is due (src/rules/extract/due.ts): the words are phrase sets
// (src/rules/data/phrases/due.yaml), the form each time is written in is code.
import { describe, expect, it } from 'vitest';
import '../../../src/rules/index.js';
import { dueFrom } from '../../../src/rules/extract/due.js';
import { textFeatures } from '../../../src/nlp/features.js';

const due = (text: string) => {
  const f = textFeatures(text);
  return dueFrom(f, text, 0, f.tokens.length);
};

describe('dueFrom', () => {
  it.each([
    // A clock time, in one form, with the day said beside it.
    ['call you back by 3pm', '15:00'],
    ['ring you at 3 p.m.', '15:00'],
    ['send it before 10:30', '10:30'],
    ['call you around 12am', '00:00'],
    ['call you back by 3pm tomorrow', 'tomorrow 15:00'],
    ['call you on Friday at 10:30', 'friday 10:30'],
    ['call you at 25:00', undefined],
    // A span of time, as said: one space apart, a plain hyphen.
    ['refund it within 5-7 working days', '5-7 working days'],
    ['refund it in 3–5 days', '3-5 days'],
    ['refund it within 5 to 7 days', '5 to 7 days'],
    ['be with you in the next 48 hours', '48 hours'],
    ['be with you in about two weeks', 'about two weeks'],
    ['be with you in twenty-four hours', 'twenty-four hours'],
    ['be with you within a couple of   days', 'a couple of days'],
    ['be with you Within 3 Business Days', '3 Business Days'],
    ['be with you in 3.5 days', undefined],
    ['be with you in 3 5 days', undefined],
    ['be with you in three or four days', 'three or four days'],
    ['be with you in, 3 days', undefined],
    // A day, a named time, a date.
    ['send it by Fri.', 'fri'],
    ['send it no later than Thursday', 'thursday'],
    ['send it by end of the day', 'end of the day'],
    ['send it by EOD', 'eod'],
    ['send it tomorrow morning', 'tomorrow morning'],
    ['send it first thing tomorrow', 'first thing tomorrow'],
    ['send it by 3rd of March', '3rd of march'],
    ['send it on 14 June', '14 june'],
    ['send it by 12/05/2024', '12/05/2024'],
    ['send it by the 3rd of March', undefined],
    ['send it by 123 March', undefined],
    // The earliest said wins.
    ['send it today and call you within 2 days', 'today'],
    ['call you within 2 days, by Friday', '2 days'],
    ['nothing about when', undefined],
  ])('%j → %j', (text, expected) => {
    expect(due(text)).toBe(expected);
  });

  it('joins a day to a clock time only when they are said together', () => {
    expect(due('by 3pm and then the engineer will come on Friday')).toBe('15:00');
  });

  it('reads only the tokens it is given: the words after the promise', () => {
    const text = 'Tomorrow is busy. I will call you back.';
    const f = textFeatures(text);
    const after = f.tokens.toArray().findIndex((t) => t.norm === 'i');
    expect(dueFrom(f, text, after, f.tokens.length)).toBeUndefined();
    expect(dueFrom(f, text, 0, f.tokens.length)).toBe('tomorrow');
  });
});
