// The token-pattern language that built-in and user rules share.
import { describe, expect, it } from 'vitest';
import { compileFromSource, compilePattern, defineWordLists, definedWordLists, hasStoredPattern, matchAt, storePattern, toMatchTokens, useStoredPatterns, PatternError } from '../../../src/nlp/phrase/pattern.js';
import { tokenize, isWordLike } from '../../../src/nlp/tokenize.js';
import { BUILTIN_RULES } from '../../../src/rules/index.js';

/** The matched words when the pattern matches at the start of `text`. */
function match(pattern: string, text: string): string | undefined {
  const tokens = tokenize(text).toArray().filter(isWordLike);
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
    ['the {ordinal} time', 'the 3rd time', 'the 3rd time'],
    ['the {ordinal} time', 'the umpteenth time', 'the umpteenth time'],
    ['{quantity} times', 'five times', 'five times'],
    ['{quantity} times', '10 times', '10 times'],
    ['it {negator} work', "it doesn't work", "it doesn't work"],
    ['it {negator} work', 'it never work', 'it never work'],
    ['keeps {ing}', 'keeps crashing', 'keeps crashing'],
    ['since {day}', 'since Tuesday', 'since Tuesday'],
    ['all {time-unit}', 'all morning', 'all morning'],
    ['since it {ed}', 'since it crashed', 'since it crashed'],
    ['{s} are', 'Orders are', 'Orders are'],
    ['{s} are', 'this are', 'this are'],
    ['your {plain} is', 'your order is', 'your order is'],
    ['your {plain} is', 'your ORD-31036 is', 'your ORD-31036 is'],
    ['your {plain} is', 'your 4G is', 'your 4G is'],
  ])('%s on "%s"', (pattern, text, expected) => {
    expect(match(pattern, text)).toBe(expected);
  });

  it.each([
    ['can * help', 'can help'],
    ['let me ** check', 'let me go and then maybe check'],
    ['within {number} days', 'within five days'],
    ['the {ordinal} time', 'the 1st time'],
    ['{quantity} times', '3rd times'],
    ['keeps {ing}', 'keeps king'],
    ['it {negator} work', 'it does work'],
    ['since it {ed}', 'since it ed'],
    ['since it {ed}', "since it crash'ed"],
    ['{s} are', 's are'],
    ["{s} are", "it's are"],
    ['{s} are', '3s are'],
    ['your {plain} is', "your mum's is"],
    ['your {plain} is', 'your 4.5 is'],
    ['your {plain} is', 'your 😀 is'],
  ])('%s does not match "%s"', (pattern, text) => {
    expect(match(pattern, text)).toBeUndefined();
  });

  it.each([
    ['(sorry|apologies', /is not closed/],
    ['[maybe]', /can match nothing at all/],
    ["you('re|are) welcome", /a contraction is one word/],
    ['{colour}', /unknown token class/],
    ['a | | b', /empty alternative/],
    ['waited [{duration}]', /\{duration\} may stand once in a pattern, outside \( \) and \[ \]/],
    ['{duration} or {duration}', /may stand once/],
    ['[i] {duration}', /what stands before \{duration\} must read a word, or be left out/],
  ])('rejects %s', (pattern, why) => {
    expect(() => compilePattern(pattern)).toThrow(PatternError);
    expect(() => compilePattern(pattern)).toThrow(why);
  });

  it('stays fast on long text with a pathological pattern (no backtracking)', () => {
    const p = compilePattern('** ** ** ** a [b] [c] ** ** z');
    const tokens = toMatchTokens(tokenize('a '.repeat(20000)).toArray().filter(isWordLike));
    const t0 = performance.now();
    for (let i = 0; i < tokens.length; i += 1) matchAt(p, tokens, i, Math.min(tokens.length, i + 40));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

// Start-up revives the built-in patterns the build compiled (scripts/rules-data.js) instead of
// compiling them: they must be all of them, and the same as compiling them now.
describe('the built-in patterns compiled by the build', () => {
  it('are every pattern of the built-in rules, each as compiling its source gives it', () => {
    for (const rule of BUILTIN_RULES) {
      for (const p of rule.patterns) {
        expect(hasStoredPattern(p), p).toBe(true);
        expect(compilePattern(p), p).toEqual(compileFromSource(p));
      }
    }
  });

  it('are revived afresh for each use, as matching keeps its scratch space in the pattern', () => {
    const source = BUILTIN_RULES[0]!.patterns[0]!;
    expect(compilePattern(source)).not.toBe(compilePattern(source));
  });
});

// Hundreds of compiled patterns live in every process and worker.
describe('the compiled form of the built-in patterns stays compact', () => {
  const compiled = BUILTIN_RULES.flatMap((rule) => rule.patterns.map((p) => compilePattern(p)));

  it('holds typed arrays, words and word sets: no closure or object per state', () => {
    for (const p of compiled) {
      expect(p.op).toBeInstanceOf(Uint8Array);
      expect(p.follow).toBeInstanceOf(Int32Array);
      expect(Object.values(p).some((v) => typeof v === 'function')).toBe(false);
      expect(p.arg).toHaveLength(p.op.length);
      for (const a of p.arg) expect(a === undefined || typeof a === 'string' || a instanceof Set).toBe(true);
    }
  });

  it('keeps only states a match can be in (no splits or jumps)', () => {
    for (const p of compiled) {
      const entered = new Set(p.follow.subarray(p.follow[0]));
      for (let s = 1; s < p.op.length; s++) expect(entered.has(s)).toBe(true);
    }
  });

  it('takes a few hundred bytes of typed arrays per pattern', () => {
    const bytes = compiled.reduce((sum, p) => sum + p.op.byteLength + p.follow.byteLength, 0);
    // About 270 now; keeping the splits and jumps among the states would take over 550.
    expect(bytes / compiled.length).toBeLessThan(400);
  });
});

describe('a pattern with a span', () => {
  it('is stored by the build and revived as compiling it gives it', () => {
    for (const source of ['waited {duration}', '{duration} of nothing', '(took|takes) {duration} to {ing}']) {
      const p = compileFromSource(source);
      expect(p.span?.name).toBe('duration');
      const revived = compilePattern(source);
      expect(storePattern(revived)).toEqual(storePattern(p));
      useStoredPatterns({ [source]: storePattern(p) });
      expect(storePattern(compilePattern(source))).toEqual(storePattern(p));
    }
    expect(compileFromSource('{duration} of nothing').span?.rest).toBeDefined();
    expect(compileFromSource('waited {duration}').span?.rest).toBeUndefined();
  });
});

describe('named word lists', () => {
  it('reads {name} as any entry of the list, phrases of several words included', () => {
    defineWordLists({ 'test-moods': ['cross', 'fed up', 'at the end of my tether'] });
    expect(match("you're {test-moods}", "You're fed up")).toBe("You're fed up");
    expect(match("you're {test-moods} now", "you're at the end of my tether now")).toBe("you're at the end of my tether now");
    expect(match("you're {test-moods}", "You're happy")).toBeUndefined();
  });

  it('has the built-in lists defined once the catalogue is loaded, and a rule of it names them', () => {
    expect(BUILTIN_RULES.length).toBeGreaterThan(0);
    expect(definedWordLists().get('feeling')).toContain('fed up');
    expect(BUILTIN_RULES.some((r) => r.patterns.some((p) => p.includes('{feeling}')))).toBe(true);
    expect(match('i can hear how {feeling} you are', 'I can hear how worried sick you are')).toBe('I can hear how worried sick you are');
  });

  it('names the lists there are when a pattern names one that is not', () => {
    expect(() => compilePattern('so {nonexistent-list}')).toThrow(/unknown token class or word list \{nonexistent-list\}.*\{feeling\}/);
  });

  it('refuses a list that is not plain words or takes a class name', () => {
    expect(() => defineWordLists({ 'test-bad': ['(a|b)'] })).toThrow(PatternError);
    expect(() => defineWordLists({ number: ['one'] })).toThrow(/token class/);
    expect(() => defineWordLists({ ordinal: ['first'] })).toThrow(/token class/);
    expect(() => defineWordLists({ duration: ['a week'] })).toThrow(/token class/);
  });
});
