// schema/etcscorerc.schema.json and the loader (src/cli/config) describe one file format: the
// example configs pass both, structural mistakes fail both, and they allow the same keys.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { RULE_KEYS, TOP_KEYS, parseConfig } from '../../src/cli/config.js';
import { SENTIMENT_KEYS } from '../../src/cli/config/validate.js';
import { PHRASE_CATEGORIES } from '../../src/nlp/lexicon/phrase-rule.js';
import { ALL_CATEGORIES } from '../../src/model/types.js';
import { CONDITION_NAMES } from '../../src/rules/conditions.js';
import { EXTRACTOR_NAMES } from '../../src/rules/extractors.js';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default as typeof import('ajv').default;

const root = path.resolve(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(path.join(root, 'schema', 'etcscorerc.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const good = path.join(root, 'fixtures', 'config', 'good');

/** A config file's data, read the way the loader reads that kind of file. */
const dataOf = (file: string, text: string): unknown => (file.endsWith('.json') ? JSON.parse(text) : (parseDocument(text).toJS() ?? {}));

const rule = { id: 'above-my-pay-grade', category: 'policy-hiding', patterns: ["(that's|it's) above my pay grade"], message: 'Passing the decision upward leaves nobody who owns it.' };

describe('schema/etcscorerc.schema.json', () => {
  const files = readdirSync(good).filter((f) => f !== 'README.md');

  it.each(files)('accepts fixtures/config/good/%s, as the loader does', (name) => {
    const text = readFileSync(path.join(good, name), 'utf8');
    expect(() => parseConfig(text, name)).not.toThrow();
    expect(validate(dataOf(name, text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("accepts docs/configuration.md's example .etcscorerc.yaml, as the loader does", () => {
    const doc = readFileSync(path.join(root, 'docs', 'configuration.md'), 'utf8');
    const example = /```yaml\n(# \.etcscorerc\.yaml[\s\S]*?)```/.exec(doc)?.[1];
    expect(example, 'docs/configuration.md has a ```yaml block starting "# .etcscorerc.yaml"').toBeDefined();
    expect(() => parseConfig(example!, '.etcscorerc.yaml')).not.toThrow();
    expect(validate(dataOf('.etcscorerc.yaml', example!)), JSON.stringify(validate.errors)).toBe(true);
  });

  // Mistakes a schema can see: both must reject them. (Unknown rule ids, patterns that do not
  // compile and examples that do not hold are for the loader alone: they need the catalogue.)
  it.each<[string, unknown]>([
    ['an unknown top-level key', { rulez: [] }],
    ['rules that are not a list', { rules: rule }],
    ['a rule without a message', { rules: [{ ...rule, message: undefined }] }],
    ['a rule with a blank message', { rules: [{ ...rule, message: '  ' }] }],
    ['a rule without patterns', { rules: [{ ...rule, patterns: [] }] }],
    ['a category outside the vocabulary', { rules: [{ ...rule, category: 'anger' }] }],
    ['a bad kind', { rules: [{ ...rule, kind: 'worry' }] }],
    ['an agent rule of kind signal', { rules: [{ ...rule, kind: 'signal' }] }],
    ['patterns and patternsFrom both', { rules: [{ ...rule, patternsFrom: 'dead-end' }] }],
    ['a unit other than clause', { rules: [{ ...rule, unit: 'sentence' }] }],
    ['an unknown extractor', { rules: [{ ...rule, extract: 'owners' }] }],
    ['once that is not sentence or turn', { rules: [{ ...rule, conditions: { once: 'call' } }] }],
    ['yieldsTo a word outside the categories', { rules: [{ ...rule, conditions: { yieldsTo: ['apology'] } }] }],
    ['an example turn without its role', { rules: [{ ...rule, examples: { match: [{ context: [{ text: 'Hi' }], text: "It's above my pay grade." }] } }] }],
    ['a bad severity', { rules: [{ ...rule, severity: 'fatal' }] }],
    ['a bad speaker', { rules: [{ ...rule, speaker: 'bot' }] }],
    ['an id with capitals', { rules: [{ ...rule, id: 'Above' }] }],
    ['an unknown rule key', { rules: [{ ...rule, regex: 'x' }] }],
    ['an unknown examples key', { rules: [{ ...rule, examples: { match: [], maybe: [] } }] }],
    ['a regular expression as a pattern', { rules: [{ ...rule, patterns: ['above.*grade'] }] }],
    ['disable that is not a list', { disable: 'pseudo-apology' }],
    ['a disable entry that is not an id', { disable: [42] }],
    ['extend that is a list', { extend: ['dead-end'] }],
    ['extend with a pattern that is not in a list', { extend: { 'dead-end': 'nothing more' } }],
    ['extend with an empty list', { extend: { 'dead-end': [] } }],
    ['a sentiment phrase off the AFINN scale', { extend: { sentiment: [{ category: 'failure', weight: 9, why: 'w', patterns: ['so cross'] }] } }],
    ['a sentiment phrase without why', { extend: { sentiment: [{ category: 'failure', weight: -2, patterns: ['so cross'] }] } }],
    ['a sentiment category off the list', { extend: { sentiment: [{ category: 'anger', weight: -2, why: 'w', patterns: ['so cross'] }] } }],
    ['sentiment phrases written as plain patterns', { extend: { sentiment: ['so cross'] } }],
    ['an ignore list that is a string', { ignore: 'as i said' }],
    ['an ignore phrase that is a regular expression', { ignore: ['^as i said$'] }],
    ['an empty ignore phrase', { ignore: [''] }],
    ['an unknown condition', { rules: [{ ...rule, conditions: { unless: ['because-i-said-so'] } }] }],
    ['a default-dropped context under unless', { rules: [{ ...rule, conditions: { unless: ['question'] } }] }],
  ])('rejects %s, as the loader does', (_, doc) => {
    const data = JSON.parse(JSON.stringify(doc));
    expect(validate(data)).toBe(false);
    expect(() => parseConfig(JSON.stringify(data), 'x.json')).toThrow();
  });

  it('allows the keys the loader allows, and no others', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...TOP_KEYS].sort());
    expect(Object.keys(schema.$defs.rule.properties).sort()).toEqual([...RULE_KEYS].sort());
    expect(schema.$defs.category.enum).toEqual(ALL_CATEGORIES);
    expect(schema.$defs.rule.properties.extract.enum).toEqual(EXTRACTOR_NAMES);
    expect(Object.keys(schema.$defs.sentimentPhrase.properties)).toEqual([...SENTIMENT_KEYS]);
    expect(schema.$defs.sentimentPhrase.properties.category.enum).toEqual(PHRASE_CATEGORIES);
    // An editor offers the condition names the loader knows.
    expect(schema.$defs.condition.enum).toEqual(CONDITION_NAMES);
  });

  it("accepts every built-in rule's entry, copied from src/rules/data, as the loader does", () => {
    const dataDir = path.join(root, 'src', 'rules', 'data');
    for (const f of readdirSync(dataDir).filter((n) => n.endsWith('.yaml'))) {
      const rules = parseDocument(readFileSync(path.join(dataDir, f), 'utf8')).toJS() as Array<{ id: string }>;
      const doc = { rules: rules.map((r) => ({ ...r, id: `my-${r.id}` })) };
      expect(validate(doc), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('requires the rule keys the loader requires', () => {
    // patterns: required unless the rule reads another's (patternsFrom) or whole clauses (unit), which this rule does not.
    const required: string[] = [...schema.$defs.rule.required, 'patterns'];
    for (const key of RULE_KEYS) {
      const { [key]: _, ...without } = { ...rule, kind: 'risk', severity: 'warning', speaker: 'agent', suggestion: 'Say who owns it.', examples: ["It's above my pay grade."] } as Record<string, unknown>;
      const loads = (() => {
        try {
          parseConfig(JSON.stringify({ rules: [without] }), 'x.json');
          return true;
        } catch {
          return false;
        }
      })();
      expect(loads, `${key}: loader`).toBe(!required.includes(key));
      expect(validate({ rules: [without] }), `${key}: schema`).toBe(!required.includes(key));
    }
  });
});
