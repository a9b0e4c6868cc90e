// `ignore` phrases (src/rules/ignore.ts, applied by RuleSet): a finding whose words overlap a match
// in the same turn is dropped, whichever rule found it, as if it had never been found.
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, RuleSet, builtinRuleSet } from '../../src/rules/index.js';
import { textFeatures } from '../../src/nlp/features.js';
import type { Transcript, Turn } from '../../src/model/types.js';

function run(rules: RuleSet, lines: Array<[Turn['role'], string]>) {
  const turns: Turn[] = lines.map(([role, text], index) => ({ index, role, speaker: role, text }));
  const t: Transcript = { id: 'x', source: 'x', channel: 'call', turns, meta: {} };
  return rules.run(t, turns.map((turn) => ({ turn, features: textFeatures(turn.text) }))).map((f) => `${f.turn} ${f.rule}: ${f.text}`);
}
const ignoring = (...phrases: string[]) => new RuleSet(BUILTIN_RULES, { ignore: phrases });

const WALL: Array<[Turn['role'], string]> = [
  ['customer', 'Can you add the escort service to a business booking?'],
  ['agent', "As I said, it's company policy. The system won't let me add it to a business booking."],
  ['customer', "This is ridiculous. It's company policy to strand children?"],
];

describe('ignore', () => {
  it('drops the findings an ignored phrase overlaps, of any rule, and nothing else', () => {
    const all = run(builtinRuleSet(), WALL);
    expect(all).toEqual(expect.arrayContaining(['1 blame-customer: As I said', "1 policy-as-wall: it's company policy"]));
    const kept = run(ignoring('as i said'), WALL);
    expect(kept).toEqual(all.filter((f) => f !== '1 blame-customer: As I said'));
  });

  it('drops a finding that the phrase only partly overlaps', () => {
    // "company policy" is inside "it's company policy"; "won't let me" inside "The system won't let".
    const kept = run(ignoring('company policy', "won't let me"), WALL);
    expect(kept.filter((f) => f.startsWith('1 policy-as-wall'))).toEqual([]);
    expect(kept).toContain('1 blame-customer: As I said');
  });

  it('reads the turn the finding is in: the phrase in another turn changes nothing', () => {
    const lines: Array<[Turn['role'], string]> = [
      ['customer', 'As I said on the phone, nobody called me back.'],
      ['agent', "As I said, there's nothing more I can do."],
    ];
    const all = run(builtinRuleSet(), lines);
    expect(all).toContain('1 blame-customer: As I said');
    // The customer's turn has the phrase at the same characters as the agent's finding: only the
    // customer's own finding there ("as I said", said again) goes.
    expect(all).toContain('0 customer-distress: As I said');
    expect(run(ignoring('as i said on the phone'), lines)).toEqual(all.filter((f) => f !== '0 customer-distress: As I said'));
  });

  it('matches ignored phrases the way rules match: case, curly apostrophes, fillers, questions, negations', () => {
    const lines: Array<[Turn['role'], string]> = [['agent', 'Um, as, uh, I SAID — it’s company policy.']];
    expect(run(builtinRuleSet(), lines).some((f) => f.includes('policy-as-wall'))).toBe(true);
    expect(run(ignoring("it's company policy"), lines).some((f) => f.includes('policy-as-wall'))).toBe(false);
  });

  it('lets a finding the ignored one was hiding come back (a rule that gives way to another category)', () => {
    // Two small rules: the second gives way to the first's category in the same turn.
    const owns = { ...BUILTIN_RULES.find((r) => r.id === 'ownership-taken')!, id: 'owns', patterns: ['let me sort it'], examples: { match: ['Let me sort it.'], noMatch: ['Sort it.'] } };
    const sorry = { ...BUILTIN_RULES.find((r) => r.id === 'sympathy-from-outside')!, id: 'sorry', patterns: ['sorry to hear that'], suppressedBy: ['ownership' as const], check: undefined };
    const lines: Array<[Turn['role'], string]> = [
      ['customer', "My flight was cancelled and I'm stuck in Lisbon."],
      ['agent', "I'm sorry to hear that. Let me sort it."],
    ];
    expect(run(new RuleSet([owns, sorry]), lines)).toEqual(['1 owns: Let me sort it']);
    expect(run(new RuleSet([owns, sorry], { ignore: ['let me sort it'] }), lines)).toEqual(['1 sorry: sorry to hear that']);
  });

  it('reads the one phrase language, spans included, in rules and ignored phrases', () => {
    const waits = { ...BUILTIN_RULES.find((r) => r.id === 'ownership-taken')!, id: 'waits', patterns: ['(held|waited) {duration}'], check: undefined, examples: { match: [], noMatch: [] } };
    const lines: Array<[Turn['role'], string]> = [
      ['customer', 'Hello?'],
      ['agent', 'You waited for three weeks now. Someone held 2 hours ago.'],
    ];
    expect(run(new RuleSet([waits]), lines)).toEqual(['1 waits: waited for three weeks now']);
    expect(run(new RuleSet([waits], { ignore: ['{duration}'] }), lines)).toEqual([]);
    expect(run(new RuleSet([waits], { ignore: ['{duration} ago'] }), lines)).toEqual(['1 waits: waited for three weeks now']);
  });
});
