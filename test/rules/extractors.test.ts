// Named extractors, each tested through a rule that names it: the data its findings carry, and the
// matches it rejects. Every extractor has cases here and a row in src/rules/data/README.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_NAMES, EXTRACTORS, type ExtractorName } from '../../src/rules/extractors.js';
import { unknownExtractor } from '../../src/rules/extractors.js';
import { RuleSet } from '../../src/rules/engine.js';
import { findingsOn } from '../../src/rules/hygiene.js';
import { ruleFromData } from '../../src/rules/rule-data.js';
import { BUILTIN_RULES, type Example } from '../../src/rules/index.js';

/** The data of the findings of a rule that reads `pattern` and names `extract`, in the example's last turn. */
function extracted(extract: ExtractorName, pattern: string, example: Example) {
  // A kept promise is not itself a commitment, which the engine would mark open.
  const category = extract === 'kept-promise' ? 'commitment-kept' : extract === 'honoured-choice' ? 'choice-honoured' : 'commitment';
  const doc = { title: 't', description: 't', why: 't', source: 't', message: 't' };
  const rule = ruleFromData({ id: 't', category, kind: 'strength', severity: 'info', speaker: 'agent', ...doc, patterns: [pattern], extract, examples: { match: [], noMatch: [] } });
  return findingsOn(new RuleSet([rule]), 't', 'agent', example).map((f) => f.data);
}

const CASES: Array<[ExtractorName, string, Array<[Example, unknown[]]>]> = [
  ['commitment-details', "(i'll|we'll) (call|refund)", [
    ["I'll call you back by 3pm today.", [{ owner: 'agent', action: 'call you back', due: 'today 15:00', status: 'open' }]],
    ["We'll refund the charge.", [{ owner: 'company', action: 'refund the charge', status: 'open' }]],
    ["I'll call you, hopefully.", [{ owner: 'agent', action: 'call you', status: 'open' }]],
    ["Maybe I'll call you back tomorrow.", []], // hedged
    ['Shall I say I\'ll call you back tomorrow?', []], // an offer, not a promise
  ]],
  ['kept-promise', "(i've|i have) (emailed|sent)", [
    [{ context: [{ role: 'agent', text: "I'll email you the contract." }], text: "I've emailed it to you now." }, [{ action: "i've emailed", promisedIn: 0 }]],
    ["As promised, I've sent the form.", [{ action: "i've sent" }]],
    ["I've sent a lot of these.", []], // nothing promised, announced or chased
    ["As promised, I've sent it, but it wasn't delivered.", []], // reported not done
  ]],
  ['honoured-choice', "(i'll|i've) (send|booked)", [
    [{ context: [{ role: 'agent', text: 'Would you prefer a refund or a replacement?' }, { role: 'customer', text: 'The replacement, please.' }], text: "I'll send the replacement today." }, [{ choiceTurn: 1 }]],
    [{ context: [{ role: 'customer', text: "I'd rather have the engineer on Saturday." }], text: "I've booked the engineer for Saturday." }, [{ choiceTurn: 0 }]],
    ["I'll send it today.", []], // no choice before it
  ]],
];

describe('a kept promise', () => {
  it('finds the earlier promise by the promise phrases the rule set runs, a phrase added with extend too', () => {
    const example = { context: [{ role: 'agent' as const, text: 'Right, a courier collects the parcel on Friday.' }], text: "I've booked the courier for you." };
    const extended = BUILTIN_RULES.map((r) => (r.id === 'commitment-made' ? { ...r, patterns: [...r.patterns, 'a courier collects'] } : r));
    expect(findingsOn(new RuleSet(BUILTIN_RULES), 'commitment-done', 'agent', example)).toEqual([]);
    expect(findingsOn(new RuleSet(extended), 'commitment-done', 'agent', example).map((f) => f.data?.promisedIn)).toEqual([0]);
  });
});

describe('named extractors', () => {
  it('are each tested here and listed in src/rules/data/README.md', () => {
    expect(CASES.map(([name]) => name).sort()).toEqual([...EXTRACTOR_NAMES].sort());
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../src/rules/data/README.md'), 'utf8');
    for (const name of EXTRACTOR_NAMES) expect(readme, name).toContain(`| \`${name}\` |`);
  });

  for (const [name, pattern, cases] of CASES) {
    describe(name, () => {
      it.each(cases)('reads %j as %j', (example, data) => {
        expect(extracted(name, pattern, example)).toEqual(data);
      });
    });
  }

  it('are named by the built-in rules that attach data', () => {
    const named = new Map(BUILTIN_RULES.filter((r) => r.extract).map((r) => [r.id, r.extract]));
    expect(named.get('commitment-made')).toBe('commitment-details');
    expect(named.get('commitment-done')).toBe('kept-promise');
  });

  it('say what they give, for the docs, and an unknown name is explained', () => {
    for (const name of EXTRACTOR_NAMES) expect(EXTRACTORS[name].description.length, name).toBeGreaterThan(40);
    expect(unknownExtractor('who-said-it')).toMatch(/unknown extractor "who-said-it" \(one of commitment-details, kept-promise, honoured-choice/);
    expect(unknownExtractor('kept-promise')).toBeUndefined();
  });
});
