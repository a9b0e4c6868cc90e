// The patterns of built-in rules by id, for code that looks for a rule's phrases outside the rule
// itself (a commitment's look-back for an earlier promise, a gift told apart from a promise): the
// phrases are written once, in the rule's YAML, and code reads them from here. Filled as rule data
// becomes rules (rule-data.ts), which happens before any text is matched.
import { PhraseSet } from './context.js';

const byId = new Map<string, readonly string[]>();

export function registerRulePatterns(id: string, patterns: readonly string[]): void {
  byId.set(id, patterns);
}

/** The patterns of the rule `id`; throws when no rule of that id has been loaded. */
export function rulePatterns(id: string): readonly string[] {
  const patterns = byId.get(id);
  if (!patterns) throw new Error(`the patterns of rule "${id}" are read by code, but no rule "${id}" is loaded (src/rules/data/*.yaml)`);
  return patterns;
}

/** A PhraseSet of the patterns of rule `id`, compiled when first used. */
export function phrasesOfRule(id: string): PhraseSet {
  return new PhraseSet(() => rulePatterns(id));
}
