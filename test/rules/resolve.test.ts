// Overlap resolution takes a short way for turns with few findings: it must decide as the general one does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Category, Finding } from '../../src/model/types.js';
import type { RuleDef } from '../../src/rules/types.js';
import { resolveFew, resolveMany } from '../../src/rules/engine.js';

const CATEGORIES: Category[] = ['empathy', 'sympathy', 'commitment'];
const RULES = new Map<string, RuleDef>(
  CATEGORIES.map((category) => [
    category,
    { id: category, category, suppressedBy: category === 'sympathy' ? ['empathy'] : undefined } as RuleDef,
  ]),
);

const finding = fc
  .tuple(fc.constantFrom(...CATEGORIES), fc.nat(30), fc.integer({ min: 1, max: 12 }))
  .map(([category, start, length]) => ({ rule: category, category, span: [start, start + length] }) as Finding);

describe('resolve', () => {
  it('keeps and orders the same findings for few as for many', () => {
    fc.assert(
      fc.property(fc.array(finding, { minLength: 2, maxLength: 16 }), (found) => {
        const few = resolveFew([...found], RULES);
        const many = resolveMany([...found], RULES);
        expect(few.length).toBe(many.length);
        few.forEach((f, i) => expect(f).toBe(many[i]));
      }),
      { numRuns: 2000 },
    );
  });
});
