// Code that reads a rule's phrases by its id gets the phrases written in the rule's YAML, and a
// clear error for a rule that is not loaded, never an empty list that would silently match nothing.
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../src/rules/index.js';
import { phrasesOfRule, registerRulePatterns, rulePatterns } from '../../src/rules/rule-patterns.js';

describe('rule patterns by id', () => {
  it('are the patterns of the built-in rule of that id', () => {
    const goodwill = BUILTIN_RULES.find((r) => r.id === 'goodwill-gesture')!;
    expect(rulePatterns('goodwill-gesture')).toEqual(goodwill.patterns);
  });

  it('make a phrase set that finds what the rule finds', () => {
    const gift = phrasesOfRule('goodwill-gesture');
    expect(gift.test('The replacement is on the house.')).toBe(true);
    expect(gift.test('The replacement ships on Monday.')).toBe(false);
  });

  it('give a named pattern alone', () => {
    registerRulePatterns('test-named', ['a b', 'c d'], { second: 1 });
    expect([rulePatterns('test-named'), rulePatterns('test-named', 'second')]).toEqual([['a b', 'c d'], ['c d']]);
    expect(() => rulePatterns('test-named', 'third')).toThrow(/named "third"/);
  });

  it('name the missing rule when no rule of that id is loaded', () => {
    expect(() => rulePatterns('no-such-rule')).toThrow(/no such rule is loaded/);
    // A phrase set asks only when first used.
    const later = phrasesOfRule('no-such-rule');
    expect(() => later.test('anything')).toThrow(/no-such-rule/);
  });
});
