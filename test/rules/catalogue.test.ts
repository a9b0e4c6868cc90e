// Walks the registry: every rule must be documented, carry examples both ways, and its examples
// must behave as declared, so a rule cannot be added without its docs and tests.
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, builtinRuleSet, exampleText, type Example } from '../../src/rules/index.js';
import { ALL_CATEGORIES, type Role, type Transcript, type Turn } from '../../src/model/types.js';
import { textFeatures } from '../../src/nlp/features.js';

/** Findings of one rule on the example's last turn, said by `role` after the example's context. */
function fire(ruleId: string, role: Role, example: Example) {
  const context = typeof example === 'string' ? [] : example.context;
  const turns: Turn[] = [...context, { role, text: exampleText(example) }].map((t, index) => ({ index, speaker: t.role, ...t }));
  const t: Transcript = { id: 'x', source: 'x', channel: 'call', turns, meta: {} };
  const last = turns.length - 1;
  return builtinRuleSet()
    .run(t, turns.map((turn) => ({ turn, features: textFeatures(turn.text) })))
    .filter((f) => f.rule === ruleId && f.turn === last);
}

const label = (e: Example) => exampleText(e);

describe('the rule catalogue', () => {
  it('has unique ids and only categories from the design vocabulary', () => {
    const ids = BUILTIN_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of BUILTIN_RULES) expect(ALL_CATEGORIES).toContain(r.category);
  });

  it('covers every category of the design', () => {
    const covered = new Set(BUILTIN_RULES.map((r) => r.category));
    expect(ALL_CATEGORIES.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('gives every rule its documentation and at least two examples each way', () => {
    for (const r of BUILTIN_RULES) {
      expect(r.title && r.description && r.why && r.source && r.message, r.id).toBeTruthy();
      // A clause rule reads whole clauses and has no patterns; every other rule has some.
      expect(r.patterns.length > 0, `${r.id} patterns`).toBe(r.unit !== 'clause');
      expect(r.examples.match.length, `${r.id} match examples`).toBeGreaterThanOrEqual(2);
      expect(r.examples.noMatch.length, `${r.id} noMatch examples`).toBeGreaterThanOrEqual(2);
      if (r.kind === 'risk') expect(r.suggestion, `${r.id} suggestion`).toBeTruthy();
    }
  });

  it('has no pattern twice, within a rule or across rules of one speaker and category', () => {
    const seen = new Map<string, string>();
    for (const r of BUILTIN_RULES) {
      for (const p of r.patterns) {
        const key = `${r.speaker} ${r.category} ${p.trim().toLowerCase()}`;
        expect(seen.get(key), `"${p}" in ${r.id}`).toBeUndefined();
        seen.set(key, r.id);
        expect(p, `${r.id}: stray spaces`).toBe(p.trim());
      }
    }
  });

  for (const rule of BUILTIN_RULES) {
    describe(rule.id, () => {
      it.each(rule.examples.match.map((e) => [label(e), e] as const))('finds: %s', (_, example) => {
        const found = fire(rule.id, rule.speaker, example);
        expect(found.length).toBeGreaterThan(0);
        for (const f of found) expect(exampleText(example).slice(...f.span)).toBe(f.text);
      });
      it.each(rule.examples.noMatch.map((e) => [label(e), e] as const))('does not find: %s', (_, example) => {
        expect(fire(rule.id, rule.speaker, example)).toEqual([]);
      });
      it('reads only its own speaker', () => {
        const other: Role = rule.speaker === 'agent' ? 'customer' : 'agent';
        const first = rule.examples.match[0]!;
        const flipped: Example = typeof first === 'string' ? first : { text: first.text, context: first.context.map((t) => ({ ...t, role: t.role === 'agent' ? 'customer' : 'agent' })) };
        expect(fire(rule.id, other, flipped)).toEqual([]);
      });
    });
  }
});
