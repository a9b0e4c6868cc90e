// The NDJSON record is JSON.stringify's text, byte for byte, though findings are written from
// their rules' text serialised once (src/report/ndjson.ts): on real analyses, on text that needs
// escapes, and on findings and analyses that are not as the engine makes them.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from '../../src/index.js';
import type { Analysis, Finding, Role, Transcript } from '../../src/model/types.js';
import { ndjsonFormatter } from '../../src/report/ndjson.js';
import { BUILTIN_RULES } from '../../src/rules/index.js';
import { analyze } from '../../src/score/analyze.js';
import { ANGRY_MET_WELL_TEXT, GOOD_TEXT, ONE_SIDED_TEXT, WALL_TEXT, load } from './fixtures.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const O = { color: false, findings: false, tool: { name: 'etcscore', version: '0' } };

/** Every conversation of the bundled samples and of the readers' fixtures, analysed. */
function fixtureAnalyses(): Analysis[] {
  const out: Analysis[] = [];
  for (const dir of ['fixtures/samples', 'fixtures/formats']) {
    for (const name of readdirSync(path.join(root, dir))) {
      let transcripts: Transcript[];
      try {
        transcripts = parse(readFileSync(path.join(root, dir, name), 'utf8'), { source: name });
      } catch {
        continue; // the readers' bad fixtures
      }
      for (const t of transcripts) out.push(analyze(t));
    }
  }
  return out;
}

/** Text JSON.stringify escapes, or writes as it is though it looks as if it might not. */
const AWKWARD = ['"quoted"', 'back\\slash', 'tab\there', 'nul\u0000', '\u001f', 'line\u2028sep\u2029', 'lone \ud800 high', 'lone \udfff low', 'pair 😡', 'é ü ß', '\ud83d', '</script>', '\u007f', ''];

/** A conversation whose findings quote text with escapes: given as a transcript, as the readers would make it. */
const EDGE: Transcript = {
  id: 'edge-"case"\\',
  source: 'edge.json',
  channel: 'call',
  meta: {},
  turns: [
    `Thanks for calling, this is Dana. I'm sorry to hear "that" \\ it's our policy\u2028 and there is nothing I can do.`,
    `This is ridiculous\u0001, I want to speak to a manager \ud800 and I'm cancelling my account 😡.`,
    `I'll call you back by 5pm tomorrow\t"promise"\\, you can either have a refund or store credit.`,
    `Thank you \udfff that's brilliant\u2029.`,
  ].map((text, index) => ({ index, role: index % 2 ? 'customer' : 'agent', speaker: '', text })),
};

describe('ndjson formatter', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes JSON.stringify of every fixture analysis, commitments and escapes included', () => {
    const analyses = [
      ...fixtureAnalyses(),
      ...[GOOD_TEXT, WALL_TEXT, ANGRY_MET_WELL_TEXT, ONE_SIDED_TEXT].map((t, i) => load(t, `t${i}.txt`).analysis),
      analyze(EDGE),
    ];
    const findings = analyses.flatMap((a) => a.findings);
    // What the test must reach: findings with data, with a suggestion, text with escapes, an unscored conversation.
    expect(findings.some((f) => f.data !== undefined && f.category === 'commitment')).toBe(true);
    expect(findings.some((f) => f.suggestion !== undefined)).toBe(true);
    expect(findings.some((f) => /["\\\u2028\ud800\udfff\u0001]/.test(f.text))).toBe(true);
    expect(analyses.some((a) => a.unscored !== undefined)).toBe(true);
    const f = ndjsonFormatter();
    for (const a of analyses) expect(f.result(a, O)).toBe(JSON.stringify(a) + '\n');
  });

  it('serialises no finding the engine makes whole once its rule is known', () => {
    const analyses = fixtureAnalyses();
    const f = ndjsonFormatter();
    for (const a of analyses) f.result(a, O); // each message's text made once
    const stringify = vi.spyOn(JSON, 'stringify');
    for (const a of analyses) f.result(a, O);
    const whole = stringify.mock.calls.filter(([v]) => typeof v === 'object' && v !== null && 'messageId' in v && 'text' in v);
    expect(whole).toEqual([]);
  });

  it('writes JSON.stringify of any finding, as the engine makes it or not', () => {
    const base = load(ANGRY_MET_WELL_TEXT, 'a.txt').analysis;
    const json = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom(...AWKWARD), fc.double(), fc.integer(), fc.constant(undefined), fc.constant(null), fc.boolean());
    const value = fc.oneof(json, fc.array(json, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 3 }), json, { maxKeys: 3 }), fc.constant({ toJSON: (k: string) => `key ${k}` }));
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...AWKWARD));
    // A change to one finding: a value of the engine's type (the fast path), of any other, or its keys.
    const change = fc.oneof(
      fc.record({ key: fc.constantFrom('text', 'role', 'message', 'suggestion', 'url', 'rule', 'category'), v: text }),
      fc.record({ key: fc.constantFrom(...Object.keys(base.findings[0]!)), v: value }),
      fc.record({ key: fc.constantFrom('turn', 'span'), v: fc.oneof(fc.nat(), fc.tuple(fc.nat(), fc.nat()), fc.tuple(fc.double(), fc.double())) }),
      fc.record({ key: fc.constant('data'), v: fc.dictionary(fc.string({ unit: 'binary', maxLength: 4 }), value, { maxKeys: 3 }) }),
      fc.record({ key: fc.constantFrom('extra', 'toJSON', '0', 'delete rule', 'delete suggestion', 'delete data'), v: value }),
    );
    const f = ndjsonFormatter(); // one formatter throughout: what it remembers must not leak from one finding to another
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), change), { maxLength: 4 }), (changes) => {
        const a: Analysis = { ...base, findings: base.findings.map((x) => ({ ...x })) };
        for (const [i, { key, v }] of changes) {
          const finding = a.findings[i % a.findings.length]! as unknown as Record<string, unknown>;
          if (key.startsWith('delete ')) delete finding[key.slice(7)];
          else finding[key] = v;
        }
        expect(f.result(a, O)).toBe(JSON.stringify(a) + '\n');
      }),
      { numRuns: 2000 },
    );
  });

  it('writes JSON.stringify of any analysis of conversations with awkward text', () => {
    const phrases = BUILTIN_RULES.flatMap((r) => r.examples.match);
    const fragment = fc.oneof(fc.constantFrom(...phrases), fc.constantFrom(...phrases), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(...AWKWARD));
    const roles: Role[] = ['agent', 'customer', 'unknown'];
    const transcript = fc.array(fc.tuple(fc.constantFrom(...roles), fc.array(fragment, { minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 6 }).map(
      (turns): Transcript => ({ id: 'gen', source: 'gen.json', channel: 'chat', meta: {}, turns: turns.map(([role, parts], index) => ({ index, role, speaker: '', text: parts.join(' ') })) }),
    );
    const f = ndjsonFormatter();
    fc.assert(
      fc.property(transcript, (t) => {
        const a = analyze(t);
        expect(f.result(a, O)).toBe(JSON.stringify(a) + '\n');
      }),
      { numRuns: 300 },
    );
  });

  it('writes an analysis whose findings are not last, or not an array, or that has a toJSON, as JSON.stringify does', () => {
    const { analysis } = load(GOOD_TEXT, 'g.txt');
    const { findings, ...rest } = analysis;
    const f = ndjsonFormatter();
    const cases: unknown[] = [
      { findings, ...rest },
      { ...analysis, extra: 1 },
      { ...analysis, findings: { 0: findings[0] } },
      { ...analysis, findings: [findings[0], undefined, 3, 'x', null] },
      { ...analysis, findings: [] },
      { findings },
      { ...analysis, toJSON: () => 'mine' },
      Object.assign(Object.create({ inherited: 1 }), analysis),
      { ...analysis, findings: [{ ...findings[0], toJSON: (k: string) => k }] },
    ];
    for (const a of cases) expect(f.result(a as Analysis, O)).toBe(JSON.stringify(a) + '\n');
  });

  it('tells a finding of a known message with other text from the one it learnt', () => {
    const { analysis } = load(WALL_TEXT, 'w.txt');
    const f = ndjsonFormatter();
    f.result(analysis, O);
    const other = (x: Finding): Finding => ({ ...x, message: x.message + '!', suggestion: undefined, url: 'elsewhere' });
    const changed = { ...analysis, findings: analysis.findings.map(other) };
    expect(f.result(changed, O)).toBe(JSON.stringify(changed) + '\n');
  });

  it('gives a long result in pieces of a few hundred findings that join to the same text', () => {
    // A long agent turn: thousands of findings, the result a long turn's is (issue 18).
    const { analysis } = load(WALL_TEXT, 'w.txt');
    const many: Analysis = { ...analysis, findings: Array.from({ length: 1000 }, (_, i) => ({ ...analysis.findings[i % analysis.findings.length]!, turn: i })) };
    const f = ndjsonFormatter();
    const pieces = [...f.resultPieces!(many, O)];
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(f.result(many, O).length / 3);
    // ~32,000 characters and a finding: under 128 kB flat at two bytes a character, never one of
    // V8's large objects.
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(1 << 16);
    expect(pieces.join('')).toBe(JSON.stringify(many) + '\n');
    // Each piece is made when it is asked for: a writer holds one at a time, never the whole text.
    const lazy = f.resultPieces!(many, O)[Symbol.iterator]();
    const first = lazy.next().value as string;
    many.findings[999] = { ...many.findings[999]!, turn: 123_456 };
    const rest = [...{ [Symbol.iterator]: () => lazy }];
    expect(first + rest.join('')).toBe(JSON.stringify(many) + '\n');
    expect(rest.join('')).toContain('"turn":123456');
    // A short one is one piece; an odd one is JSON.stringify's whole.
    expect([...f.resultPieces!(analysis, O)]).toEqual([JSON.stringify(analysis) + '\n']);
    const odd = { ...many, findings: [...many.findings.slice(0, 600), { ...many.findings[0]!, toJSON: () => 'x' }, ...many.findings.slice(600)] };
    expect([...f.resultPieces!(odd as Analysis, O)].join('')).toBe(JSON.stringify(odd) + '\n');
  });
});
