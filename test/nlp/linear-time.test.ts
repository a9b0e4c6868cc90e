// One huge turn costs time linear in its length: the tokenizer, the per-turn features and the whole
// analysis with the built-in rules, on texts built to make backtracking or per-match rescans blow up.
import { describe, expect, it } from 'vitest';
import { textFeatures } from '../../src/nlp/features.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import { analyze } from '../../src/score/analyze.js';
import type { Role, Transcript } from '../../src/model/types.js';
import { growth, LINEAR_RATIO } from '../helpers/growth.js';
import { LIMITS } from '../../src/cli/limits.js';

const TEXTS: Record<string, (size: number) => string> = {
  'one long word': (n) => 'a'.repeat(n),
  'one long non-ASCII word': (n) => 'é'.repeat(n),
  'a word ending in a hyphen': (n) => `${'a'.repeat(n)}-`,
  'digits and letters': (n) => 'a1'.repeat(n / 2),
  'a long id with separators': (n) => `ORD${'-1a'.repeat(n / 3)}`,
  'emoticon-like runs': (n) => `:${'('.repeat(n)}/`,
  emoji: (n) => '😀'.repeat(n / 2),
  'long blanks': (n) => `a${' '.repeat(n)}b`,
  'no full stop': (n) => 'we will call you back tomorrow and '.repeat(n / 35),
  'a bare "no" repeated': (n) => 'no '.repeat(n / 3),
  'refusals repeated': (n) => "no, we can't do that. it's our policy. ".repeat(n / 39),
  'promises repeated': (n) => "I'll call you back by 3pm. ".repeat(n / 27),
  'negations repeated': (n) => 'not never no nothing '.repeat(n / 21),
  'a link of full stops': (n) => `https://a${'.'.repeat(n)}`,
  'links run together': (n) => 'www.a.com/'.repeat(n / 10),
};

const N = 16_384;

const oneTurn = (text: string, role: Role): Transcript => ({
  id: 't',
  source: 't',
  channel: 'chat',
  meta: {},
  turns: [
    { index: 0, role: role === 'agent' ? 'customer' : 'agent', speaker: 'other', text: 'is there really nothing you can do?' },
    { index: 1, role, speaker: 'me', text },
  ],
});

describe('one huge turn costs time linear in its length', () => {
  it('analyses one word as long as a turn may be (4 MB of one letter) without running out of stack', () => {
    const a = analyze(oneTurn('a'.repeat(LIMITS.turnChars), 'customer'));
    expect(a.counts.turns).toBe(2);
  });

  it.each(Object.entries(TEXTS))('tokenize and features: %s', (_name, make) => {
    expect(growth((n) => textFeatures(make(n)), N)).toBeLessThan(LINEAR_RATIO);
    expect(tokenize(make(N)).length).toBeGreaterThan(0);
  });

  it.each(Object.entries(TEXTS))("analysis of an agent's turn: %s", (_name, make) => {
    expect(growth((n) => analyze(oneTurn(make(n), 'agent')), N)).toBeLessThan(LINEAR_RATIO);
  });

  it.each(Object.entries(TEXTS))("analysis of a customer's turn: %s", (_name, make) => {
    expect(growth((n) => analyze(oneTurn(make(n), 'customer')), N)).toBeLessThan(LINEAR_RATIO);
  });
});
