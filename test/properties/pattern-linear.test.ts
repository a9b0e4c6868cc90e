// Token patterns (built-in rules and users' own) match in time linear in the text, whatever the
// pattern: the NFA never backtracks and nothing repeats without bound. Worst cases are measured
// by counting token tests (exact, not timing) at n and 4n words.
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../src/model/types.js';
import { textFeatures } from '../../src/nlp/features.js';
import { compilePattern, matchAt, tests, type MatchToken, type TokenTest } from '../../src/nlp/phrase/pattern.js';
import { RuleSet, type RuleDef } from '../../src/rules/index.js';

/**
 * NFA steps (token tests) for matching `pattern` at every start the engine would try while it
 * scans a text: matchAt is given a token test that counts its calls.
 */
function operations(pattern: string, words: readonly string[]): number {
  const p = compilePattern(pattern);
  let steps = 0;
  const counted: TokenTest = (compiled, pc, t) => (steps++, tests(compiled, pc, t));
  const tokens: MatchToken[] = words.map((w) => ({ norm: w, kind: /^\d+$/.test(w) ? 'number' : 'word' }));
  for (let i = 0; i < words.length; i++) {
    if (p.firstWords && !p.firstWords.has(words[i]!)) continue;
    matchAt(p, tokens, i, words.length, counted); // one sentence: no sentence end to stop a match early
  }
  return steps;
}

const repeat = (unit: readonly string[], n: number) => Array.from({ length: n }, (_, i) => unit[i % unit.length]!);
const WORDS = Array.from({ length: 200 }, (_, i) => `w${i}`);

// Patterns that make backtracking matchers explode, and inputs that keep every state alive.
const WORST: Array<[string, string, readonly string[]]> = [
  ['many ** gaps', Array(12).fill('**').join(' ') + ' a **', ['a']],
  ['gaps that never finish', 'a ' + Array(12).fill('**').join(' ') + ' b', ['a']],
  ['optional chain (a?ⁿaⁿ)', Array(16).fill('[a]').join(' ') + ' ' + Array(16).fill('a').join(' '), ['a']],
  ['long alternation', `(${WORDS.join('|')}) * (${WORDS.join('|')}) ** (${WORDS.join('|')})`, WORDS],
  ['nested alternatives', '((a|a a)|(a a a|[a] a)) ((a|a a)|[a a a]) ** (a|b)', ['a']],
  ['wildcards only', '* * * * * * * * * *', ['x', 'y']],
  ['stems and classes', '~call ** {number} ** (back|{word})', ['calling', '12', 'called', 'back']],
];

describe('pattern matching is linear in the text', () => {
  it.each(WORST)('%s', (_name, pattern, unit) => {
    const n = 4_000;
    const small = operations(pattern, repeat(unit, n));
    const large = operations(pattern, repeat(unit, 4 * n));
    expect(small).toBeGreaterThan(n); // it really looked at the text
    // Linear: four times the words costs about four times the work (quadratic would be sixteen).
    expect(large / small).toBeGreaterThan(3.5);
    expect(large / small).toBeLessThan(4.5);
    // And a bounded amount per word, set by the pattern's size only (states alive × steps a match lasts).
    expect(large / (4 * n)).toBeLessThanOrEqual(compilePattern(pattern).op.length ** 2);
  });
});

describe('the rule engine is linear in a turn, whatever its rules', () => {
  // Users' rules (config) are RuleDefs like these: the same engine runs them.
  const rule = (id: string, patterns: string[]): RuleDef => ({
    id,
    category: 'policy-hiding',
    kind: 'risk',
    severity: 'warning',
    speaker: 'agent',
    title: id,
    description: id,
    why: id,
    source: 'test',
    message: id,
    patterns,
    examples: { match: [], noMatch: [] },
  });
  // Smaller cousins of the worst cases above, so 100,000 words stay quick to run.
  const rules = new RuleSet([
    rule('gaps', ['** ** a', 'a ** ** b']),
    rule('optional-chain', ['[a] [a] [a] [a] a a a a']),
    rule('alternation', [`(${WORDS.slice(0, 50).join('|')}) * (${WORDS.slice(0, 50).join('|')})`]),
    rule('stems', ['~call ** {number} ** (back|{word})']),
    rule('wildcards', ['* * *']),
  ]);

  /**
   * One run of the rules over a turn of `n` words, in microseconds of this process's CPU time: on a
   * shared machine a busy neighbour stretches the wall clock of a long run more than a short one's.
   */
  function once(n: number, unit: readonly string[]): number {
    const text = repeat(unit, n).join(' ');
    const t: Transcript = { id: 't', source: 't', channel: 'chat', meta: {}, turns: [{ index: 0, role: 'agent', speaker: 'A', text }] };
    const prepared = [{ turn: t.turns[0]!, features: textFeatures(text) }];
    const start = process.cpuUsage();
    rules.run(t, prepared);
    const used = process.cpuUsage(start);
    return used.user + used.system;
  }

  it.each([
    ['one word repeated', ['a']],
    ['a sentence of matching words', ['a', 'calling', '12', 'back', 'w1', 'x']],
    ['short sentences', ['a', 'a.', 'calling', '12?', 'back', '"w1"']],
  ])('100,000 words: %s', (_name, unit) => {
    once(2_000, unit); // warm up the JIT
    // The two sizes take turns, and each keeps its best of five: a burst of load on this shared
    // machine then cannot fall on one size only. The ratio of sizes is asserted, never a time.
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < 5; i++) {
      small.push(once(25_000, unit));
      large.push(once(100_000, unit));
    }
    const ratio = Math.min(...large) / Math.min(...small);
    // Generous: linear is ~4, quadratic ~16.
    expect(ratio).toBeLessThan(9);
  }, 60_000);
});
