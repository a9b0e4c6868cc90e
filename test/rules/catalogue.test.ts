import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, builtinRuleSet } from '../../src/rules/index.js';
import { ALL_CATEGORIES, type Role, type Transcript } from '../../src/model/types.js';
import { textFeatures } from '../../src/nlp/features.js';

/** Findings of one rule on one utterance said by `role`. */
function fire(ruleId: string, role: Role, text: string) {
  const turn = { index: 0, role, speaker: role, text };
  const t: Transcript = { id: 'x', source: 'x', channel: 'call', turns: [turn], meta: {} };
  return builtinRuleSet()
    .run(t, [{ turn, features: textFeatures(text) }])
    .filter((f) => f.rule === ruleId);
}

describe('the rule catalogue', () => {
  it('has unique ids and only categories from the design vocabulary', () => {
    const ids = BUILTIN_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of BUILTIN_RULES) expect(ALL_CATEGORIES).toContain(r.category);
  });

  it('gives every rule its documentation and at least two examples each way', () => {
    for (const r of BUILTIN_RULES) {
      expect(r.description && r.why && r.source && r.message, r.id).toBeTruthy();
      expect(r.examples.match.length, `${r.id} match examples`).toBeGreaterThanOrEqual(2);
      expect(r.examples.noMatch.length, `${r.id} noMatch examples`).toBeGreaterThanOrEqual(2);
      if (r.kind === 'risk') expect(r.suggestion, `${r.id} suggestion`).toBeTruthy();
    }
  });

  for (const rule of BUILTIN_RULES) {
    describe(rule.id, () => {
      it.each(rule.examples.match)('finds: %s', (text) => {
        const found = fire(rule.id, rule.speaker, text);
        expect(found.length).toBeGreaterThan(0);
        for (const f of found) expect(text.slice(...f.span)).toBe(f.text);
      });
      it.each(rule.examples.noMatch)('does not find: %s', (text) => {
        expect(fire(rule.id, rule.speaker, text)).toEqual([]);
      });
      it('reads only its own speaker', () => {
        const other: Role = rule.speaker === 'agent' ? 'customer' : 'agent';
        expect(fire(rule.id, other, rule.examples.match[0]!)).toEqual([]);
      });
    });
  }
});
