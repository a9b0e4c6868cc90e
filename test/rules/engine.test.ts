// The engine's findings: one shape for all of them (every field there, in one order, the unset ones
// undefined), which JSON writes as if the unset ones were never there.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, parse, BUILTIN_RULES, RuleSet, type RuleDef } from '../../src/index.js';
import { CHECKS_PER_TURN } from '../../src/rules/engine.js';
import type { Finding } from '../../src/model/types.js';

const samples = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'samples');

function findingsOfSamples(): Finding[] {
  return readdirSync(samples)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => parse(readFileSync(path.join(samples, name), 'utf8'), { source: name }))
    .flatMap((t) => analyze(t).findings);
}

describe('findings', () => {
  const findings = findingsOfSamples();

  it('all have the same fields in the same order, whatever their rule sets', () => {
    const risks = findings.filter((f) => f.suggestion !== undefined);
    const withData = findings.filter((f) => f.data !== undefined);
    expect(risks.length).toBeGreaterThan(0);
    expect(withData.length).toBeGreaterThan(0);
    expect(findings.length).toBeGreaterThan(risks.length + withData.length);
    const fields = new Set(findings.map((f) => Object.keys(f).join(',')));
    expect([...fields]).toEqual(['rule,messageId,category,dimension,kind,severity,turn,role,span,text,message,suggestion,url,data']);
  });

  it('are written without the fields their rule leaves unset', () => {
    const plain = findings.find((f) => f.suggestion === undefined && f.data === undefined)!;
    expect(Object.keys(JSON.parse(JSON.stringify(plain)))).toEqual(['rule', 'messageId', 'category', 'dimension', 'kind', 'severity', 'turn', 'role', 'span', 'text', 'message', 'url']);
  });
});

describe('a rule\'s check', () => {
  it('is called on its rule, as a method is, though the engine reads the rule through a record of its own', () => {
    const deadEnd = BUILTIN_RULES.find((r) => r.id === 'dead-end')!;
    const seen: unknown[] = [];
    const rule: RuleDef = {
      ...deadEnd,
      check(this: RuleDef) {
        seen.push(this);
        return { checkedBy: this.id };
      },
    };
    const [t] = parse('Customer: Can you refund me?\nAgent: There is nothing I can do about that.', { source: 'x.txt' });
    const [finding] = analyze(t!, { rules: new RuleSet([rule]) }).findings;
    expect(seen).toEqual([rule]);
    expect(finding?.data).toEqual({ checkedBy: 'dead-end' });
  });
});

describe('a clause rule in a long turn', () => {
  // The rule's own examples, each a clause that gives information, as one agent turn.
  const informationGiven = BUILTIN_RULES.find((r) => r.id === 'information-given')!;
  const informing = (sentences: number) => Array.from({ length: sentences }, (_, i) => informationGiven.examples.match[i % informationGiven.examples.match.length]!).join(' ');
  const found = (text: string) => {
    const [t] = parse(`Customer: Where is my refund?\nAgent: ${text}`, { source: 'x.txt' });
    return analyze(t!).findings.filter((f) => f.rule === 'information-given');
  };

  it('finds every clause below its limit, and the first CHECKS_PER_TURN of them past it', () => {
    const some = found(informing(CHECKS_PER_TURN / 2));
    expect(some.length).toBeGreaterThan(CHECKS_PER_TURN / 4);
    expect(some.length).toBeLessThan(CHECKS_PER_TURN);

    const text = informing(CHECKS_PER_TURN * 4);
    const many = found(text);
    expect(many).toHaveLength(CHECKS_PER_TURN);
    // The first ones, in the order of the text: none from its last three quarters.
    expect(many.map((f) => f.span[0])).toEqual([...many.map((f) => f.span[0])].sort((a, b) => a - b));
    expect(many.at(-1)!.span[1]).toBeLessThan(text.length / 2);
  });
});
