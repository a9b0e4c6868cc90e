// The combined automaton finds, for every pattern and start, exactly the longest match that
// matching the pattern alone (matchAt) finds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compiles } from '../../helpers/patterns.js';
import { PatternAutomaton, SKIP, spanReader } from '../../../src/nlp/phrase/automaton.js';
import { tokenize, isWordLike } from '../../../src/nlp/tokenize.js';
import { compilePattern, matchAt, type MatchToken } from '../../../src/nlp/phrase/pattern.js';

const WORDS = ['a', 'b', 'c', 'calls', 'called', 'calling', 'call', 'two', 'second', "don't"];

/** Patterns over a small vocabulary, so that they often match and overlap. */
const atom = fc.oneof(
  fc.constantFrom(...WORDS, '24', '~call', '{number}', '{word}', '{time}', '*', '**', '{quantity}', '{ordinal}', '{negator}', '{ing}'),
  fc.constantFrom('a', 'b', 'c'),
);
const group: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('(', '['), fc.array(fc.array(atom, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }))
  .map(([open, options]) => `${open}${options.map((o) => o.join(' ')).join('|')}${open === '(' ? ')' : ']'}`);
const patternSource = fc
  .array(fc.oneof(atom, group), { minLength: 1, maxLength: 5 })
  .map((items) => items.join(' '))
  .filter(compiles);

const token: fc.Arbitrary<MatchToken> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'c').map((norm) => ({ norm, kind: 'word' as const })) },
  fc.constantFrom(...WORDS).map((norm) => ({ norm, kind: 'word' as const })),
  // Numbers no pattern names share a symbol only with numbers of the same classes ("3rd" is an ordinal, "7" a quantity).
  fc.constantFrom('1', '24', '7', '3rd', '21st', '1st').map((norm) => ({ norm, kind: 'number' as const })),
  fc.constant({ norm: '3pm', kind: 'time' as const }),
);

/** For each start, pattern index → longest end, by each pattern alone. */
function alone(patterns: string[], tokens: MatchToken[], limit: number): Array<Map<number, number>> {
  const compiled = patterns.map((p) => compilePattern(p));
  return tokens.map((_, i) => {
    const ends = new Map<number, number>();
    compiled.forEach((p, k) => {
      const end = matchAt(p, tokens, i, limit);
      if (end >= 0) ends.set(k, end);
    });
    return ends;
  });
}

/** The same, by the automaton over all of them. */
function together(patterns: string[] | PatternAutomaton, tokens: MatchToken[], limit: number): Array<Map<number, number>> {
  const automaton = patterns instanceof PatternAutomaton ? patterns : new PatternAutomaton(patterns.map((p) => compilePattern(p)));
  automaton.prepare();
  const syms = tokens.map((t) => automaton.symbol(t));
  return tokens.map((_, i) => {
    const ends = new Map<number, number>();
    const hits = automaton.walk(syms, i, limit);
    for (let h = 0; h < hits; h++) {
      const k = automaton.hitPattern[h]!;
      ends.set(k, Math.max(ends.get(k) ?? -1, automaton.hitEnd[h]!));
    }
    return ends;
  });
}

describe('PatternAutomaton', () => {
  it('matches as each pattern alone does, at every start', () => {
    fc.assert(
      fc.property(
        fc.array(patternSource, { minLength: 1, maxLength: 8 }),
        fc.array(token, { maxLength: 14 }),
        fc.nat(),
        (patterns, tokens, cut) => {
          const limit = tokens.length === 0 ? 0 : cut % (tokens.length + 1);
          expect(together(patterns, tokens, limit)).toEqual(alone(patterns, tokens, limit));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('matches the same after its caches start afresh', () => {
    const patterns = ['a ** b', '(a|b) [c] ~call', '{number} *', 'c *'];
    const automaton = new PatternAutomaton(patterns.map((p) => compilePattern(p)), [], { symbols: 3, states: 4, transitions: 5 });
    fc.assert(
      fc.property(fc.array(token, { maxLength: 14 }), (tokens) => {
        expect(together(automaton, tokens, tokens.length)).toEqual(alone(patterns, tokens, tokens.length));
      }),
      { numRuns: 300 },
    );
  });

  it('matches the same while its transitions grow into the thousands (the table grows under them)', () => {
    // Many distinct words after a live state: each (state, word) is a transition of its own.
    const vocabulary = Array.from({ length: 400 }, (_, k) => ({ norm: `w${k}`, kind: 'word' as const }));
    const patterns = ['a *', 'a * *', 'b ** c', '(a|b) w7 *', 'w3 [w5] *'];
    const automaton = new PatternAutomaton(patterns.map((p) => compilePattern(p)));
    const words = fc.oneof(token, fc.constantFrom(...vocabulary));
    fc.assert(
      fc.property(fc.array(words, { maxLength: 30 }), (tokens) => {
        expect(together(automaton, tokens, tokens.length)).toEqual(alone(patterns, tokens, tokens.length));
      }),
      { numRuns: 600 },
    );
    // Walked once more over every word after "a" and "b": no transition is lost when the table grows.
    const all = vocabulary.flatMap((w) => [{ norm: 'a', kind: 'word' as const }, w, { norm: 'b', kind: 'word' as const }, w]);
    expect(together(automaton, all, all.length)).toEqual(alone(patterns, all, all.length));
  });

  it('gives tokens of one kind and norm one symbol, and other kinds another', () => {
    const a = new PatternAutomaton([compilePattern('a')]);
    a.prepare();
    expect(a.symbol({ norm: '24', kind: 'number' })).toBe(a.symbol({ norm: '24', kind: 'number' }));
    expect(a.symbol({ norm: '24', kind: 'number' })).not.toBe(a.symbol({ norm: '24', kind: 'word' }));
    const skipping = new PatternAutomaton([compilePattern('a')], ['um']);
    skipping.prepare();
    expect(skipping.symbol({ norm: 'um', kind: 'word' })).toBe(SKIP);
    expect(skipping.symbol({ norm: 'a', kind: 'word' })).not.toBe(SKIP);
  });

  it('reuses states: walking the same text twice finds the same ends', () => {
    const patterns = ['a ** b', '(a|b) [c] ~call', '{number} *'];
    const tokens: MatchToken[] = ['a', 'c', 'calling', 'b', '7', 'x'].map((norm) => ({ norm, kind: /\d/.test(norm) ? 'number' : 'word' }));
    const automaton = new PatternAutomaton(patterns.map((p) => compilePattern(p)));
    const first = together(automaton, tokens, tokens.length);
    expect(first[0]).toEqual(new Map([[0, 4], [1, 3]]));
    expect(first[4]).toEqual(new Map([[2, 6]]));
    expect(together(automaton, tokens, tokens.length)).toEqual(first);
    expect(first).toEqual(alone(patterns, tokens, tokens.length));
  });

  it('reads a span where what comes before it ends, then what comes after it', () => {
    const patterns = ['waited {duration}', '{duration} of nothing', 'waited', '{ordinal} time'];
    const automaton = new PatternAutomaton(patterns.map((p) => compilePattern(p)));
    const ends = (text: string, from = 0): Map<string, string> => {
      const tokens = tokenize(text);
      const at = tokens.toArray().map((t, i) => (isWordLike(t) ? i : -1)).filter((i) => i >= 0);
      automaton.prepare();
      const syms = at.map((i) => automaton.symbolAt(tokens, i));
      const hits = automaton.walk(syms, from, at.length, spanReader(tokens, at));
      const out = new Map<string, string>();
      for (let h = 0; h < hits; h++) {
        const end = tokens.end(at[automaton.hitEnd[h]! - 1]!);
        const k = patterns[automaton.hitPattern[h]!]!;
        if ((out.get(k)?.length ?? 0) < end) out.set(k, text.slice(tokens.start(at[from]!), end));
      }
      return out;
    };
    expect(ends('I waited for 3 weeks now', 1)).toEqual(new Map([['waited', 'waited'], ['waited {duration}', 'waited for 3 weeks now']]));
    expect(ends('waited since Monday')).toEqual(new Map([['waited', 'waited'], ['waited {duration}', 'waited since Monday']]));
    // Not a duration: "ago" after it, or no unit.
    expect(ends('waited 3 weeks ago')).toEqual(new Map([['waited', 'waited']]));
    expect(ends('waited for the engineer')).toEqual(new Map([['waited', 'waited']]));
    // A pattern that begins with its span starts at the quantity, never at "for".
    expect(ends('two hours of nothing')).toEqual(new Map([['{duration} of nothing', 'two hours of nothing']]));
    expect(ends('for two hours of nothing').size).toBe(0);
    expect(ends('for two hours of nothing', 1)).toEqual(new Map([['{duration} of nothing', 'two hours of nothing']]));
    expect(ends('two hours of something').size).toBe(0);
    // Without a span reader, a walk finds no match through a span.
    automaton.prepare();
    const tokens = tokenize('waited for 3 weeks');
    expect(automaton.walk(tokens.toArray().map((t) => automaton.symbol(t)), 0, tokens.length)).toBe(1);
    expect(ends('the 3rd time')).toEqual(new Map());
    expect(ends('3rd time')).toEqual(new Map([['{ordinal} time', '3rd time']]));
    expect(ends('1st time')).toEqual(new Map());
  });
});
