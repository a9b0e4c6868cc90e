// The data form of a rule: what src/rules/data/*.yaml holds (and a user's rule will), and how it
// becomes a RuleDef the engine runs. This module reads no YAML: the build has already turned the
// files into this form (scripts/rules-data.js), so start-up only maps objects.
import type { Category } from '../model/types.js';
import { CONDITIONS, DEFAULT_DROPPED, type ConditionName, type DroppedContext } from './conditions.js';
import { EXTRACTORS, type ExtractorName } from './extractors.js';
import { registerRulePatterns } from './rule-patterns.js';
import type { RuleDef, RuleMatch } from './types.js';

/** What a rule says about context: see src/rules/data/README.md. */
export interface RuleConditions {
  /** Context dropped by default that this rule keeps. */
  allow?: DroppedContext[];
  /** Keep a match only when every one of these holds. */
  when?: ConditionName[];
  /** Drop a match when any of these holds. */
  unless?: ConditionName[];
  /** At most one finding per sentence or per turn. */
  once?: 'sentence' | 'turn';
  /** Drop the finding when its turn has a finding of one of these categories. */
  suppressedBy?: Category[];
  /** Drop the finding when a finding of one of these categories shares its words. */
  yieldsTo?: Category[];
}

/** The documented fields a rule's data shares with the RuleDef it becomes (see types.ts for each). */
type SharedFields = 'id' | 'category' | 'kind' | 'severity' | 'speaker' | 'title' | 'description' | 'why' | 'source' | 'message' | 'unit' | 'examples';

export interface RuleData extends Pick<RuleDef, SharedFields> {
  /** Better wordings, best first; a finding carries the first. */
  suggestions?: string[];
  /** Token patterns; for a rule with `patternsFrom`, the other rule's, filled in by the build. */
  patterns: string[];
  /** Patterns that code reads too, by name: the name and the pattern's index in `patterns`. */
  patternNames?: Record<string, number>;
  /** The id of the rule whose patterns this rule reads too (one list, written once). */
  patternsFrom?: string;
  conditions?: RuleConditions;
  /** The named extractor (src/rules/extractors.ts) that attaches data to each finding, or rejects a match. */
  extract?: ExtractorName;
}

/** The rule the engine runs for `data`. */
export function ruleFromData(data: RuleData): RuleDef {
  const { conditions, suggestions, patternNames, extract, ...rest } = data;
  registerRulePatterns(data.id, data.patterns, patternNames);
  const rule: RuleDef = { ...rest };
  if (suggestions?.length) {
    rule.suggestion = suggestions[0];
    rule.suggestions = suggestions;
  }
  return withConditions(rule, conditions, extract);
}

/**
 * `rule` reading its matches under `conditions` (and attaching what `extract` gives): the engine's
 * flags for the context it keeps, and a check for the rest. For a built-in rule's data and for a
 * user's rule alike, so both mean the same by the same names. Returns `rule`.
 */
export function withConditions(rule: RuleDef, conditions: RuleConditions | undefined, extract?: ExtractorName): RuleDef {
  const c = conditions ?? {};
  if (conditions) rule.conditions = conditions;
  if (extract) rule.extract = extract;
  // The engine drops negated, questioned and quoted matches before anything else; a rule that
  // keeps them, or wants only them, switches that off.
  const kept = new Set<ConditionName>([...(c.allow ?? []), ...(c.when ?? [])]);
  for (const name of DEFAULT_DROPPED) {
    if (!kept.has(name)) continue;
    if (name === 'negated') rule.allowNegated = true;
    if (name === 'question') rule.allowQuestion = true;
    if (name === 'quoted') rule.allowQuoted = true;
  }
  if (c.once) rule.once = c.once;
  if (c.suppressedBy?.length) rule.suppressedBy = c.suppressedBy;
  if (c.yieldsTo?.length) rule.yieldsTo = c.yieldsTo;
  const unless = (c.unless ?? []).map((name) => CONDITIONS[name].test);
  const when = (c.when ?? []).map((name) => CONDITIONS[name].test);
  const extractor = extract ? EXTRACTORS[extract].extract : undefined;
  if (unless.length + when.length > 0 || extractor) {
    // Conditions first, then the extractor: it reads only matches that stand.
    rule.check = (m: RuleMatch) => {
      for (const test of unless) if (test(m)) return false;
      for (const test of when) if (!test(m)) return false;
      return extractor?.(m);
    };
  }
  return rule;
}
