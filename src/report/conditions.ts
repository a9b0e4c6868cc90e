// The named conditions and extractors as the catalogue shows them: what each tests, which rules
// name it and how, and every phrase it hears (each phrase set with its patterns, file and line),
// so an analyst sees every phrase that can silence or enable a rule. `etcscore rules` (every
// format), docs/rules.md and src/rules/data/README.md are made from this.
import { CONDITIONS, CONDITION_NAMES } from '../rules/conditions.js';
import { EXTRACTORS, EXTRACTOR_NAMES } from '../rules/extractors.js';
import { phraseSetPatterns, phraseSetPlace } from '../rules/rule-patterns.js';
import type { RuleConditions } from '../rules/rule-data.js';
import type { RuleDef } from '../rules/types.js';

export interface PhraseSetEntry {
  name: string;
  /** The file that declares it, relative to the project, and its line there. */
  declaredIn?: string;
  line?: number;
  patterns: readonly string[];
}

/** How a rule names a condition: `unless` drops its matches, `when` keeps only them, `allow` keeps them where they would be dropped. */
export type Use = 'allow' | 'when' | 'unless' | 'extract';

export interface ConditionEntry {
  name: string;
  description: string;
  /** The rules in the catalogue that name it, and under which key. */
  usedBy: Array<{ rule: string; as: Use }>;
  phraseSets: PhraseSetEntry[];
}

export interface ExtractorEntry extends ConditionEntry {
  /** Built-in rules whose patterns it reads too. */
  rulePatterns: readonly string[];
}

export function phraseSetEntry(name: string): PhraseSetEntry {
  const at = phraseSetPlace(name);
  return { name, ...(at ? { declaredIn: at.file, line: at.line } : {}), patterns: phraseSetPatterns(name) };
}

const KEYS = ['allow', 'when', 'unless'] as const satisfies ReadonlyArray<keyof RuleConditions>;

/** Every condition and extractor, with the rules of `rules` that name each. */
export function conditionCatalogue(rules: readonly RuleDef[]): { conditions: ConditionEntry[]; extractors: ExtractorEntry[] } {
  const usedBy = (name: string) =>
    rules.flatMap((r) => {
      const uses: Use[] = KEYS.filter((k) => (r.conditions?.[k] as readonly string[] | undefined)?.includes(name));
      if (r.extract === name) uses.push('extract');
      return uses.map((as) => ({ rule: r.id, as }));
    });
  return {
    conditions: CONDITION_NAMES.map((name) => ({
      name,
      description: CONDITIONS[name].description,
      usedBy: usedBy(name),
      phraseSets: CONDITIONS[name].phrases.map(phraseSetEntry),
    })),
    extractors: EXTRACTOR_NAMES.map((name) => ({
      name,
      description: EXTRACTORS[name].description,
      usedBy: usedBy(name),
      phraseSets: EXTRACTORS[name].phrases.map(phraseSetEntry),
      rulePatterns: EXTRACTORS[name].rulePatterns,
    })),
  };
}

/** Which conditions and extractors hear each phrase set, by set name. */
export function readersOfPhraseSets(): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  const add = (set: string, who: string) => readers.set(set, [...(readers.get(set) ?? []), who]);
  for (const name of CONDITION_NAMES) for (const set of CONDITIONS[name].phrases) add(set, name);
  for (const name of EXTRACTOR_NAMES) for (const set of EXTRACTORS[name].phrases) add(set, name);
  return readers;
}

/** A table cell: a pipe would end it. */
const cell = (text: string) => text.replace(/\|/g, '\\|');
const codes = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ') || '\u2014';

/**
 * The tables of src/rules/data/README.md, where rule authors look: each condition and extractor,
 * what it tests or gives, and the phrase sets it hears. scripts/docs.js writes them between the
 * README's markers, so they cannot drift from the registries.
 */
export function conditionTables(): { conditions: string; extractors: string } {
  const { conditions, extractors } = conditionCatalogue([]);
  return {
    conditions: [
      '| condition | holds when | hears the phrase sets |',
      '| --- | --- | --- |',
      ...conditions.map((c) => `| \`${c.name}\` | ${cell(c.description)} | ${codes(c.phraseSets.map((s) => s.name))} |`),
    ].join('\n'),
    extractors: [
      '| extractor | gives | hears the phrase sets (and rules\u2019 patterns) |',
      '| --- | --- | --- |',
      ...extractors.map((e) => `| \`${e.name}\` | ${cell(e.description)} | ${codes(e.phraseSets.map((s) => s.name))}${e.rulePatterns.length ? `; the patterns of ${codes(e.rulePatterns)}` : ''} |`),
    ].join('\n'),
  };
}

/**
 * `readme` (src/rules/data/README.md) with its generated tables written afresh, each between
 * `<!-- generated: NAME -->` and `<!-- end: NAME -->`; throws when a marker is missing.
 */
export function withConditionTables(readme: string): string {
  let out = readme;
  for (const [name, table] of Object.entries(conditionTables())) {
    const start = `<!-- generated: ${name} (npm run docs) -->`;
    const end = `<!-- end: ${name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end, from);
    if (from < 0 || to < 0) throw new Error(`src/rules/data/README.md has no "${start}" … "${end}" markers for the ${name} table`);
    out = `${out.slice(0, from + start.length)}\n${table}\n${out.slice(to)}`;
  }
  return out;
}
