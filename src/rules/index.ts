import { RuleSet } from './engine.js';
import compiled, { patterns, phraseSetPlaces, phraseSets, wordLists } from './data/compiled.js';
import { defineWordLists, useStoredPatterns } from '../nlp/phrase/pattern.js';
import { ruleFromData } from './rule-data.js';
import { definePhraseSets } from './rule-patterns.js';
import type { RuleDef } from './types.js';

export { exampleText, type Example, type RuleDef, type RuleMatch } from './types.js';
export { RuleSet, type PreparedTurn } from './engine.js';
export { compilePattern, PatternError, patternKey } from '../nlp/phrase/pattern.js';
export { CONDITIONS, CONDITION_NAMES, DEFAULT_DROPPED, isConditionName, unknownCondition, type Condition, type ConditionName, type DroppedContext } from './conditions.js';
export { ruleFromData, withConditions, type RuleData, type RuleConditions } from './rule-data.js';
export { EXTRACTORS, EXTRACTOR_NAMES, unknownExtractor, type Extractor, type ExtractorName } from './extractors.js';
export { findingsOn } from './examples.js';

// The word lists before any pattern: built-in and users' patterns name them ("{feeling}").
defineWordLists(wordLists);
useStoredPatterns(patterns);
// The phrase sets the conditions' code reads by name (src/rules/data/phrases/).
definePhraseSets(phraseSets, phraseSetPlaces);

/** The rules of one file of src/rules/data, compiled by the build. */
function dataRules(file: string): RuleDef[] {
  const rules = compiled[file];
  if (!rules) throw new Error(`the built-in rules of src/rules/data/${file}.yaml are not compiled: run \`npm run build\``);
  return rules.map(ruleFromData);
}

export { messageIdOf, ruleUrl, DERIVED_FINDINGS, RULES_DOC, USER_PREFIX } from './ids.js';

/** Records which file declares each rule, for `etcscore rules --format json` (where to tune it). */
function declaredIn(file: string, rules: RuleDef[]): RuleDef[] {
  for (const r of rules) r.declaredIn ??= `src/rules/${file}`;
  return rules;
}

/** The built-in catalogue, in the order `etcscore rules` lists it. */
export const BUILTIN_RULES: readonly RuleDef[] = [
  ...declaredIn('data/emotion.yaml', dataRules('emotion')),
  ...declaredIn('data/customer.yaml', dataRules('customer')),
  ...declaredIn('data/trust.yaml', dataRules('trust')),
  ...declaredIn('data/control.yaml', dataRules('control')),
  ...declaredIn('data/handoffs.yaml', dataRules('handoffs')),
  ...declaredIn('data/recovery.yaml', dataRules('recovery')),
];

let builtin: RuleSet | undefined;
/** The built-in rules, compiled once per process. */
export function builtinRuleSet(): RuleSet {
  return (builtin ??= new RuleSet(BUILTIN_RULES));
}
