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

export { messageIdOf, ruleUrl, DERIVED_FINDINGS, RULES_DOC, USER_PREFIX } from './ids.js';

/** Records which file declares each rule, for `etcscore rules --format json` (where to tune it). */
function declaredIn(file: string, rules: RuleDef[]): RuleDef[] {
  for (const r of rules) r.declaredIn ??= `src/rules/catalogue/${file}`;
  return rules;
}

/** The built-in catalogue, in the order `etcscore rules` lists it. */
export const BUILTIN_RULES: readonly RuleDef[] = [
  ...declaredIn('emotion.ts', emotionRules),
  ...declaredIn('customer.ts', customerRules),
  ...declaredIn('trust.ts', trustRules),
  ...declaredIn('control.ts', controlRules),
  ...declaredIn('handoffs.ts', handoffRules),
  ...declaredIn('recovery.ts', recoveryRules),
];

let builtin: RuleSet | undefined;
/** The built-in rules, compiled once per process. */
export function builtinRuleSet(): RuleSet {
  return (builtin ??= new RuleSet(BUILTIN_RULES));
}
