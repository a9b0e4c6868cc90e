// Rules written as data become the RuleDefs the engine runs, and take their place in the catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../src/rules/index.js';
import { readRuleFile } from '../../src/rules/load.js';
import { ruleFromData, type RuleData } from '../../src/rules/rule-data.js';
import { RuleSet } from '../../src/rules/engine.js';
import { findingsOn } from '../../src/rules/hygiene.js';

const dataDir = path.resolve(import.meta.dirname, '../../src/rules/data');

const base: RuleData = {
  id: 'r', category: 'information', kind: 'risk', severity: 'warning', speaker: 'agent', title: 't', description: 'd', why: 'w', source: 's', message: 'm',
  patterns: ['a b'], examples: { match: ['a b'], noMatch: ['c'] },
};

describe('ruleFromData', () => {
  it('keeps the first suggestion as the finding\'s and all of them for the docs', () => {
    const rule = ruleFromData({ ...base, suggestions: ['first', 'second'] });
    expect(rule.suggestion).toBe('first');
    expect(rule.suggestions).toEqual(['first', 'second']);
  });

  it('turns allowed context, once and suppressedBy into the engine\'s flags', () => {
    const rule = ruleFromData({ ...base, conditions: { allow: ['negated', 'quoted'], once: 'turn', suppressedBy: ['empathy'] } });
    expect([rule.allowNegated, rule.allowQuestion, rule.allowQuoted, rule.once, rule.suppressedBy]).toEqual([true, undefined, true, 'turn', ['empathy']]);
    expect(rule.check).toBeUndefined();
  });

  it('drops a finding that shares its words with a finding of a category it yields to, and only then', () => {
    const info = ruleFromData({ ...base, id: 'info', category: 'information', kind: 'strength', patterns: ['the parcel left'], conditions: { yieldsTo: ['empathy'] } });
    const feel = ruleFromData({ ...base, id: 'feel', category: 'empathy', kind: 'strength', patterns: ['upset you the parcel'] });
    const set = new RuleSet([info, feel]);
    expect(findingsOn(set, 'info', 'agent', 'I know it upset you the parcel left late.')).toHaveLength(0);
    expect(findingsOn(set, 'info', 'agent', 'I know it upset you. Sadly the parcel left late.')).toHaveLength(1);
  });

  it('keeps questions for a rule that wants only them', () => {
    expect(ruleFromData({ ...base, conditions: { when: ['question'] } }).allowQuestion).toBe(true);
  });

  it('finds a match only when no `unless` holds and every `when` does', () => {
    const rule = ruleFromData({ ...base, patterns: ['(hold on|wait)'], conditions: { unless: ['interjection'], when: ['reason-or-duration'] } });
    const finds = (text: string) => findingsOn(new RuleSet([rule]), 'r', 'agent', text).length > 0;
    expect(finds("Hold on, I'm checking.")).toBe(true);
    expect(finds('Hold on.')).toBe(false); // no reason: `when` fails
    expect(finds('I see, wait, while I check that is wrong.')).toBe(false); // an interjection: `unless` holds
  });
});

describe('the built-in rules written as data', () => {
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.yaml')).sort();

  it('are in the catalogue, each file in one run, in file order', () => {
    for (const f of files) {
      const { rules, problems } = readRuleFile(readFileSync(path.join(dataDir, f), 'utf8'), f);
      expect(problems).toEqual([]);
      const ids = rules.map((r) => r.data.id);
      const start = BUILTIN_RULES.findIndex((r) => r.id === ids[0]);
      expect(BUILTIN_RULES.slice(start, start + ids.length).map((r) => r.id)).toEqual(ids);
    }
  });

  it('stand where the hand-off rules stood: after control, before recovery', () => {
    const ids = BUILTIN_RULES.map((r) => r.id);
    expect(ids.slice(ids.indexOf('explains-why'), ids.indexOf('explains-why') + 4)).toEqual(['explains-why', 'unexplained-hold', 'unexplained-transfer', 'goodwill-gesture']);
  });

  it('are compiled as they are written (the build is not stale)', () => {
    for (const f of files) {
      const { rules } = readRuleFile(readFileSync(path.join(dataDir, f), 'utf8'), f);
      for (const { data } of rules) {
        const built = BUILTIN_RULES.find((r) => r.id === data.id)!;
        // A rule that reads another rule's patterns gets them in the build, which this file alone does not.
        const patterns = data.patternsFrom ? BUILTIN_RULES.find((r) => r.id === data.patternsFrom)!.patterns : data.patterns;
        expect({ patterns: built.patterns, examples: built.examples, suggestions: built.suggestions, conditions: built.conditions, extract: built.extract, why: built.why }).toEqual({
          patterns, examples: data.examples, suggestions: data.suggestions, conditions: data.conditions, extract: data.extract, why: data.why,
        });
      }
    }
  });
});
