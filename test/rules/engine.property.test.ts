// The engine matches all of a speaker's patterns at once; this is the rule-by-rule, pattern-by-
// pattern loop it replaced, written out plainly. Both must find the same things in the same order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compiles } from '../helpers/patterns.js';
import type { Category, Finding, Transcript } from '../../src/model/types.js';
import { textFeatures } from '../../src/nlp/features.js';
import { isWordLike } from '../../src/nlp/tokenize.js';
import { CHECKS_PER_TURN, RuleSet, resolveMany } from '../../src/rules/engine.js';
import { compilePattern, matchAt } from '../../src/nlp/phrase/pattern.js';
import type { RuleDef } from '../../src/rules/types.js';

const FILLERS = new Set(['um', 'uh', 'umm', 'uhm', 'uhh', 'er', 'erm', 'hmm', 'hm', 'mm', 'mhm', 'ah']);
const CATEGORIES: Category[] = ['empathy', 'sympathy', 'pseudo-apology'];

const atom = fc.constantFrom('a', 'b', 'c', 'calls', 'called', '~call', '{number}', '{word}', '*', '**', '[a]', '(b|c)', '[c|a b]');
const pattern = fc
  .array(atom, { minLength: 1, maxLength: 4 })
  .map((items) => items.join(' '))
  .filter(compiles);
const rules = fc
  .array(
    fc.record({
      patterns: fc.array(pattern, { minLength: 1, maxLength: 3 }),
      once: fc.constantFrom(undefined, 'sentence' as const, 'turn' as const),
      category: fc.constantFrom(...CATEGORIES),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((specs) =>
    specs.map(
      ({ patterns, once, category }, i): RuleDef => ({
        id: `r${i}`,
        category,
        kind: 'strength',
        severity: 'info',
        speaker: 'agent',
        title: `r${i}`,
        description: '',
        why: '',
        source: 'test',
        message: '',
        patterns,
        examples: { match: [], noMatch: [] },
        allowNegated: true,
        allowQuestion: true,
        allowQuoted: true,
        ...(once ? { once } : {}),
        ...(category === 'sympathy' ? { suppressedBy: ['empathy' as Category] } : {}),
      }),
    ),
  );
const text = fc.array(fc.constantFrom('a', 'b', 'c', 'calls', 'called', 'um', '12', 'x', '.'), { maxLength: 16 }).map((w) => w.join(' '));

/** Rule by rule and pattern by pattern, as the engine did before it had an automaton. */
function reference(defs: RuleDef[], utterance: string): Finding[] {
  const f = textFeatures(utterance);
  const at: number[] = [];
  f.tokens.toArray().forEach((t, i) => {
    if (isWordLike(t) && !FILLERS.has(t.norm)) at.push(i);
  });
  const stream = at.map((i) => f.tokens.at(i)!);
  const limit = at.map((_, j) => {
    let k = j;
    while (k + 1 < at.length && f.sentenceOf[at[k + 1]!] === f.sentenceOf[at[j]!]) k++;
    return k + 1;
  });
  const entries = defs.flatMap((rule) => rule.patterns.map((p) => ({ rule, pattern: compilePattern(p) })));
  // Patterns that start with given words first, then those that start with any token.
  const ordered = [...entries.filter((e) => e.pattern.firstWords), ...entries.filter((e) => !e.pattern.firstWords)];
  const lastEnd = new Map<string, number>();
  const judged = new Map<string, number>();
  const done = new Set<string>();
  const unit = (rule: RuleDef, i: number) => (rule.once === 'turn' ? rule.id : `${rule.id}:${f.sentenceOf[at[i]!]}`);
  const found: Finding[] = [];
  for (let i = 0; i < stream.length; i++) {
    const best = new Map<RuleDef, number>();
    for (const { rule, pattern: p } of ordered) {
      if ((lastEnd.get(rule.id) ?? 0) > i || (judged.get(rule.id) ?? 0) >= CHECKS_PER_TURN || (rule.once && done.has(unit(rule, i)))) continue;
      const end = matchAt(p, stream, i, limit[i]!);
      if (end >= 0 && end > (best.get(rule) ?? -1)) best.set(rule, end);
    }
    for (const [rule, end] of best) {
      const span: [number, number] = [f.tokens.start(at[i]!), f.tokens.end(at[end - 1]!)];
      found.push({ rule: rule.id, category: rule.category, span } as Finding);
      judged.set(rule.id, (judged.get(rule.id) ?? 0) + 1);
      lastEnd.set(rule.id, end);
      if (rule.once) done.add(unit(rule, i));
    }
  }
  return found.length === 0 ? [] : resolveMany(found, new Map(defs.map((r) => [r.id, r])));
}

describe('RuleSet', () => {
  it('finds what matching each pattern of each rule in turn finds', () => {
    fc.assert(
      fc.property(rules, text, (defs, utterance) => {
        const turn = { index: 0, role: 'agent' as const, speaker: 'A', text: utterance };
        const t: Transcript = { id: 't', source: 't', channel: 'chat', meta: {}, turns: [turn] };
        const got = new RuleSet(defs).run(t, [{ turn, features: textFeatures(utterance) }]);
        expect(got.map((g) => [g.rule, g.span])).toEqual(reference(defs, utterance).map((g) => [g.rule, g.span]));
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same in a long turn, whose stream it makes a few thousand tokens at a time', () => {
    // Over 4,096 tokens the stream is made a window of whole sentences at a time: the sentences
    // here begin after ~4,000 tokens of x's (which only wildcards match, each up to its cap), so
    // that one runs across the first window's 4,096th token and rules found before it go on
    // being found, once a sentence or a turn, after it.
    const word = fc.constantFrom('a', 'b', 'c', 'calls', 'called', 'um', '12', 'x', '.');
    const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => `${w.join(' ')} .`);
    const long = fc
      .tuple(fc.integer({ min: 395, max: 409 }), fc.array(sentence, { minLength: 80, maxLength: 120 }))
      .map(([pad, s]) => `${'x x x x x x x x x . '.repeat(pad)}${s.join(' ')}`);
    fc.assert(
      fc.property(rules, long, (defs, utterance) => {
        const turn = { index: 0, role: 'agent' as const, speaker: 'A', text: utterance };
        const t: Transcript = { id: 't', source: 't', channel: 'chat', meta: {}, turns: [turn] };
        const features = textFeatures(utterance);
        expect(features.tokens.length).toBeGreaterThan(4096);
        const got = new RuleSet(defs).run(t, [{ turn, features }]);
        expect(got.map((g) => [g.rule, g.span])).toEqual(reference(defs, utterance).map((g) => [g.rule, g.span]));
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
