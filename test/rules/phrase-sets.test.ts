// Named phrase sets (src/rules/data/phrases/): the words the conditions' code looks for around a
// match, written as data in the one phrase language, checked like rules (file and line), and
// searched in the part of a turn's tokens a condition names.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import '../../src/rules/index.js';
import { PhraseSet } from '../../src/rules/context.js';
import { checkPhraseSetFiles, unusedPhraseSets } from '../../src/rules/hygiene.js';
import { formatProblem, readWordListFile } from '../../src/rules/load.js';
import { definedPhraseSets, phraseSetPatterns, phraseSetsNamedByCode, phrases } from '../../src/rules/rule-patterns.js';
import { textFeatures } from '../../src/nlp/features.js';
import { compilePattern, matchAt } from '../../src/nlp/phrase/pattern.js';
import fc from 'fast-check';

const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-phrases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('phrase-set files', () => {
  const messages = (text: string) => readWordListFile(text, 'phrases.yaml', 'patterns').problems.map(formatProblem);

  it('read token patterns, with the line of each set', () => {
    const read = readWordListFile('# reasons\nreason: [because, "due to (the|a) {number}"]\nother:\n  - you (can|could)\n', 'phrases.yaml', 'patterns');
    expect(read.problems).toEqual([]);
    expect(read.lists).toEqual({ reason: ['because', 'due to (the|a) {number}'], other: ['you (can|could)'] });
    expect(read.lines).toEqual({ reason: 2, other: 3 });
  });

  it.each([
    ['Reason_Words: [because]\n', 'phrases.yaml:1: phrase set "Reason_Words": a name is kebab-case'],
    ['reason: []\n', 'phrases.yaml:1: phrase set "reason": give a non-empty list of token patterns'],
    ['reason:\n  - because\n  - \\bsince\\b\n', 'phrases.yaml:3: phrase set "reason": "\\bsince\\b" looks like a regular expression'],
    ['reason:\n  - because\n  - (due to\n', 'phrases.yaml:3: phrase set "reason": pattern "(due to"'],
    ['reason:\n  - because\n  - "{no-such-list}"\n', 'phrases.yaml:3: phrase set "reason": pattern "{no-such-list}": unknown token class or word list'],
    ['reason:\n  - because\n  - Because\n', 'phrases.yaml:3: phrase set "reason": "because" is in the list twice'],
    ['reason:\n  - it\u2019s policy\n', 'phrases.yaml:2: phrase set "reason": "it\u2019s policy" has a curly apostrophe'],
    ['- because\n', 'phrases.yaml:1: a phrase-set file is a map'],
  ])('name the file, the line and the fault: %j', (text, expected) => {
    expect(messages(text)[0]).toContain(expected);
  });

  it('report a set declared twice and a pattern twice however it is spaced', () => {
    const a = path.join(dir, 'a.yaml');
    const b = path.join(dir, 'b.yaml');
    writeFileSync(a, 'test-reason:\n  - because\n  - due  to ( the | a )\n  - due to (the|a)\n');
    writeFileSync(b, 'test-reason: [since]\n');
    const { problems } = checkPhraseSetFiles([a, b]);
    expect(problems.map(formatProblem)).toEqual([
      `${b}:1: phrase set "test-reason" is already declared at ${a}:1`,
      `${a}:4: phrase set "test-reason": duplicate pattern "due to (the|a)", already at line 3`,
    ]);
  });

  it('report a set no condition reads, and every built-in set is read by some condition', () => {
    const places = new Map([['test-spare', { file: 'spare.yaml', line: 7 }]]);
    expect(unusedPhraseSets(places).map(formatProblem)).toEqual(['spare.yaml:7: phrase set "test-spare" is read by no condition\'s code']);
    const declared = [...definedPhraseSets().keys()].filter((name) => !name.startsWith('test-'));
    expect(declared.length).toBeGreaterThan(0);
    expect(declared.filter((name) => !phraseSetsNamedByCode().has(name))).toEqual([]);
    expect([...phraseSetsNamedByCode()].filter((name) => !name.includes('no-such') && !definedPhraseSets().has(name))).toEqual([]);
  });

  it('name a set code reads that is not declared, when it is first searched', () => {
    expect(() => phraseSetPatterns('no-such-set')).toThrow(/phrase set "no-such-set" is read by code, but no such set is declared/);
    const later = phrases('no-such-set-either');
    expect(() => later.test('anything')).toThrow(/no-such-set-either/);
  });

  it('are the built-in data as written', () => {
    expect(phraseSetPatterns('reason')).toContain('because');
  });
});

describe('a phrase set searched in part of a turn', () => {
  const f = textFeatures('Sorry, we cannot do that. But you could try the shop, since it is open.');
  const norms = f.tokens.toArray().map((t) => t.norm);
  const at = (word: string) => norms.indexOf(word);
  const set = new PhraseSet(['you could', 'since', '(sorry|but)']);

  it('finds a phrase only inside the range, within one sentence', () => {
    expect(set.in(f, at('we'), at('.'))).toBe(false);
    expect(set.in(f, at('.'))).toBe(true);
    expect(new PhraseSet(['do that but']).in(f)).toBe(false);
  });

  it('anchors at the first token, the first word, the last token or the whole range', () => {
    // "But" opens the second sentence, after the full stop: the first token is ".", the first word "but".
    expect(set.in(f, at('.'), f.tokens.length, 'start')).toBe(false);
    expect(set.in(f, at('.'), f.tokens.length, 'word')).toBe(true);
    expect(set.in(f, at('but'), f.tokens.length, 'start')).toBe(true);
    // "since" is the last word before "it"; a comma between breaks an end anchor.
    expect(set.in(f, at('shop'), at('it'), 'end')).toBe(true);
    expect(set.in(f, at('shop'), at('since'), 'end')).toBe(false);
    expect(set.in(f, at('you'), at('try'), 'whole')).toBe(true);
    expect(set.in(f, at('you'), at('the'), 'whole')).toBe(false);
  });

  it('gives each match its token range for a condition that asks more', () => {
    const seen: Array<[number, number]> = [];
    set.in(f, 0, f.tokens.length, (start, end) => (seen.push([start, end]), false));
    expect(seen.map(([s, e]) => norms.slice(s, e).join(' '))).toEqual(['sorry', 'but', 'you could', 'since']);
  });
});

// A search reads a range only from the first word where one of the set's matches may start (and,
// anchored at the start, only that word): the answers must be those of trying every start.
describe('searching a range from the first word a match may start with', () => {
  const SOURCES = ['call you back', 'thanks', 'will call', 'back soon'];
  const set = new PhraseSet(SOURCES);
  const compiled = SOURCES.map((p) => compilePattern(p));
  const VOCABULARY = ['we', 'will', 'call', 'you', 'back', 'soon', 'thanks', 'today'];

  it('finds what trying every start finds, anchored or not', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 14 }), fc.nat(), fc.nat(), (words, a, b) => {
        const f = textFeatures(words.join(' '));
        const n = f.tokens.length;
        const from = a % n;
        const to = from + 1 + (b % (n - from));
        const ends = (s: number) => compiled.map((p) => matchAt(p, f.tokens.toArray(), s, to)).filter((e) => e > from);
        const starts = Array.from({ length: to - from }, (_, k) => from + k);
        expect(set.in(f, from, to)).toBe(starts.some((s) => ends(s).length > 0));
        expect(set.in(f, from, to, 'start')).toBe(ends(from).length > 0);
        expect(set.in(f, from, to, 'end')).toBe(starts.some((s) => ends(s).includes(to)));
        expect(set.in(f, from, to, (s, e) => e === to)).toBe(starts.some((s) => ends(s).includes(to)));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a long turn whose only start word comes last', () => {
    const f = textFeatures(`${'we will today '.repeat(200)}call you back`);
    expect(set.in(f)).toBe(true);
    expect(set.in(f, 0, f.tokens.length - 3)).toBe(false);
    expect(set.in(f, 0, f.tokens.length, 'end')).toBe(true);
  });
});
