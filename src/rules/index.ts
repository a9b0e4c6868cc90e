import { emotionRules } from './catalogue/emotion.js';
import { customerRules } from './catalogue/customer.js';
import { trustRules } from './catalogue/trust.js';
import { controlRules } from './catalogue/control.js';
import { handoffRules } from './catalogue/handoffs.js';
import { recoveryRules } from './catalogue/recovery.js';
import { RuleSet } from './engine.js';
import type { RuleDef } from './types.js';

export { exampleText, type Example, type RuleDef, type RuleMatch } from './types.js';
export { RuleSet, type PreparedTurn } from './engine.js';
export { compilePattern, PatternError } from './pattern.js';

/** The built-in catalogue, in the order `etcscore rules` lists it. */
export const BUILTIN_RULES: readonly RuleDef[] = [...emotionRules, ...customerRules, ...trustRules, ...controlRules, ...handoffRules, ...recoveryRules];

let builtin: RuleSet | undefined;
/** The built-in rules, compiled once per process. */
export function builtinRuleSet(): RuleSet {
  return (builtin ??= new RuleSet(BUILTIN_RULES));
}
