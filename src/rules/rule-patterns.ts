// The patterns of built-in rules by id, for code that looks for a rule's phrases outside the rule
// itself (a commitment's look-back for an earlier promise, a gift told apart from a promise): the
// phrases are written once, in the rule's YAML, and code reads them from here. Filled as rule data
// becomes rules (rule-data.ts), which happens before any text is matched.
import { PhraseSet } from './context.js';

const byId = new Map<string, readonly string[]>();

/** A rule's patterns, and each of its named patterns alone under "<id>#<name>". */
export function registerRulePatterns(id: string, patterns: readonly string[], names: Readonly<Record<string, number>> = {}): void {
  byId.set(id, patterns);
  for (const [name, i] of Object.entries(names)) byId.set(`${id}#${name}`, [patterns[i]!]);
}

/**
 * The patterns of the rule `id`, or only its pattern named `name` (`{ name, pattern }` in the
 * YAML); throws when no rule of that id, or no such name, has been loaded.
 */
export function rulePatterns(id: string, name?: string): readonly string[] {
  const key = name === undefined ? id : `${id}#${name}`;
  const patterns = byId.get(key);
  if (!patterns) throw new Error(`the patterns of rule "${id}"${name === undefined ? '' : ` named "${name}"`} are read by code, but no such rule${name === undefined ? '' : ' or name'} is loaded (src/rules/data/*.yaml)`);
  return patterns;
}

/** A PhraseSet of the patterns of rule `id` (or of its pattern named `name`), compiled when first used. */
export function phrasesOfRule(id: string, name?: string): PhraseSet {
  const set = new PhraseSet(() => rulePatterns(id, name));
  if (name === undefined) set.ruleId = id;
  return set;
}
