// What the customer shows (signals) kept apart from what the agent did (strengths and risks):
// which signals are good news, and the tallies every output counts the same way.
import type { Category, Counts, Finding } from '../model/types.js';

/**
 * The customer's signals that are good news. Every other signal (distress, sarcasm, churn,
 * escalation, a repeat contact, a broken promise) is trouble the agent has to meet. Decided by
 * category because categories are the stable vocabulary, and a user's customer rule names one.
 */
const GOOD_NEWS: ReadonlySet<Category> = new Set<Category>(['gratitude', 'commitment-kept']);

/** A signal of trouble: it caps the customer's emotion in its turn and is something to meet. */
export function isNegativeSignal(f: Pick<Finding, 'kind' | 'category'>): boolean {
  return f.kind === 'signal' && !GOOD_NEWS.has(f.category);
}

export type FindingTally = Required<Pick<Counts, 'categories' | 'risks' | 'strengths' | 'signals'>>;

/** Findings per category and per kind, in one pass. */
export function tallyFindings(findings: readonly Finding[]): FindingTally {
  // Counted in a map, made an object at the end (in the order categories were first found): an
  // object filled key by key takes a shape per order, and its loads went megamorphic.
  const byCategory = new Map<Category, number>();
  let risks = 0;
  let strengths = 0;
  let signals = 0;
  for (const f of findings) {
    byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
    if (f.kind === 'risk') risks++;
    else if (f.kind === 'strength') strengths++;
    else signals++;
  }
  const categories: Partial<Record<Category, number>> = Object.fromEntries(byCategory);
  return { categories, risks, strengths, signals };
}
