// The token-pattern language that built-in and user rules share.
import { describe, expect, it } from 'vitest';
import { compilePattern, matchAt, toMatchTokens, PatternError } from '../../src/rules/pattern.js';
import { tokenize, isWordLike } from '../../src/nlp/tokenize.js';

/** The matched words when the pattern matches at the start of `text`. */
function match(pattern: string, text: string): string | undefined {
  const tokens = tokenize(text).filter(isWordLike);
  const end = matchAt(compilePattern(pattern), toMatchTokens(tokens), 0, tokens.length);
  return end < 0 ? undefined : tokens.slice(0, end).map((t) => t.text).join(' ');
}

describe('token patterns', () => {
  it.each([
    ['sorry to hear [that|this]', 'Sorry to hear that', 'Sorry to hear that'],
    ['sorry to hear [that|this]', 'sorry to hear.', 'sorry to hear'],
    ["(i'll|i will) ~call you", 'I will calling you', 'I will calling you'],
    ["(i'll|i will) ~call you", 'I’ll called you', 'I’ll called you'],
    ['within {number} days', 'within 5 days', 'within 5 days'],
    ['can * help', 'can I help', 'can I help'],
    ['let me ** check', 'let me just quickly check', 'let me just quickly check'],
  ])('%s on "%s"', (pattern, text, expected) => {
    expect(match(pattern, text)).toBe(expected);
  });

  it.each([
    ['can * help', 'can help'],
    ['let me ** check', 'let me go and then maybe check'],
    ['within {number} days', 'within five days'],
  ])('%s does not match "%s"', (pattern, text) => {
    expect(match(pattern, text)).toBeUndefined();
  });

  it.each([
    ['(sorry|apologies', /is not closed/],
    ['[maybe]', /can match nothing at all/],
    ["you('re|are) welcome", /a contraction is one word/],
    ['{colour}', /unknown token class/],
    ['a | | b', /empty alternative/],
  ])('rejects %s', (pattern, why) => {
    expect(() => compilePattern(pattern)).toThrow(PatternError);
    expect(() => compilePattern(pattern)).toThrow(why);
  });

  it('stays fast on long text with a pathological pattern (no backtracking)', () => {
    const p = compilePattern('** ** ** ** a [b] [c] ** ** z');
    const tokens = toMatchTokens(tokenize('a '.repeat(20000)).filter(isWordLike));
    const t0 = performance.now();
    for (let i = 0; i < tokens.length; i += 1) matchAt(p, tokens, i, Math.min(tokens.length, i + 40));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
