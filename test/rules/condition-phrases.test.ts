// What each named condition and extractor declares it reads (`phrases`, and an extractor's
// `rulePatterns`) is what its code really searches: every rule's examples, the sample calls, our
// evaluation sentences and a few sentences of our own are run with each phrase set traced, and
// the sets searched while a condition decides must be the ones it declares, none more, none fewer.
// The catalogue (`etcscore rules`, docs/rules.md) lists a condition's phrases from its declaration.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_RULES, CONDITIONS, EXTRACTORS, RuleSet, withConditions, type ExtractorName, type RuleMatch } from '../../src/rules/index.js';
import { phraseSetsMade, type PhraseSource } from '../../src/rules/rule-patterns.js';
import { findingsOn } from '../../src/rules/hygiene.js';
import type { Example } from '../../src/rules/types.js';
import { INFORMATION_SETS } from '../../src/rules/facts.js';
import { parse } from '../../src/index.js';
import { analyze } from '../../src/score/analyze.js';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Sentences for branches the corpus below does not reach (a set searched only after another matched). */
const MORE: Array<[speaker: 'agent' | 'customer', Example]> = [
  ['agent', 'Send us a DM with your order number. We will continue from there.'],
  ['agent', "I can't refund that, but you may need to visit a branch."],
  ['agent', "You may need your ID at the branch. For your security, I can't share that over the phone."],
  ['agent', "It's very difficult to stop spam calls."],
  ['agent', "You can visit a branch with your ID. For your security, I can't share that over the phone."],
  ['customer', { context: [{ role: 'agent', text: 'Unfortunately your flight has been cancelled.' }], text: 'Brilliant.' }],
  ['agent', { context: [{ role: 'agent', text: 'Would you prefer a refund or a replacement?' }, { role: 'customer', text: 'A refund please.' }], text: "Refund it is I'll process that now." }],
  ['agent', { context: [{ role: 'agent', text: "I'll email you the receipt tonight." }, { role: 'customer', text: 'Great.' }], text: "I've emailed you the receipt." }],
  // Emphasis in capitals before thanks or help: a mark of irony (irony-marks, ironic).
  ['customer', 'Thanks SO much for your help with the parcel.'],
];

/** Per condition (or "extract:<name>"), what it searched: "set" names and "rule:<id>" sources. */
const searched = new Map<string, Set<string>>();
const running: string[] = [];
const label = (s: PhraseSource) => ('set' in s ? s.set : `rule:${s.rule}`);
const restore: Array<() => void> = [];

/** Replaces `holder[key]` with `wrap(original)` until the tests end. */
function patch<T extends object, K extends keyof T>(holder: T, key: K, wrap: (original: T[K]) => T[K]): void {
  const original = holder[key];
  (holder as Record<K, T[K]>)[key] = wrap(original);
  restore.push(() => ((holder as Record<K, T[K]>)[key] = original));
}

function heard(source: PhraseSource): void {
  for (const name of running) {
    const set = searched.get(name) ?? new Set<string>();
    set.add(label(source));
    searched.set(name, set);
  }
}

/** Runs `fn` with `name` as the condition being decided (nested ones are credited to each). */
const within =
  <A extends unknown[], R>(name: string, fn: (...a: A) => R) =>
  (...a: A): R => {
    running.push(name);
    try {
      return fn(...a);
    } finally {
      running.pop();
    }
  };

beforeAll(() => {
  for (const { phrases, source } of phraseSetsMade()) {
    patch(phrases, 'in', (original) => ((...a: Parameters<typeof original>) => (heard(source), original.apply(phrases, a))) as typeof original);
    patch(phrases, 'test', (original) => ((...a: Parameters<typeof original>) => (heard(source), original.apply(phrases, a))) as typeof original);
    // The engine answers "did this turn hold the rule's phrases?" from the rule's own matches, by its id.
    if ('rule' in source && phrases.ruleId !== undefined) {
      const id = phrases.ruleId;
      Object.defineProperty(phrases, 'ruleId', { configurable: true, get: () => (heard(source), id) });
      restore.push(() => Object.defineProperty(phrases, 'ruleId', { configurable: true, writable: true, value: id }));
    }
  }
  for (const [name, c] of Object.entries(CONDITIONS)) patch(c as { test: (m: RuleMatch) => boolean }, 'test', (t) => within(name, t));
  for (const [name, e] of Object.entries(EXTRACTORS)) patch(e as { extract: (m: RuleMatch) => unknown }, 'extract', (x) => within(`extract:${name}`, x));
  // The rules again, so their checks call the traced conditions.
  const rules = new RuleSet(BUILTIN_RULES.map((r) => withConditions({ ...r, check: undefined }, r.conditions, r.extract as ExtractorName | undefined)));
  for (const r of BUILTIN_RULES) for (const e of [...r.examples.match, ...r.examples.noMatch]) findingsOn(rules, r.id, r.speaker, e);
  for (const [speaker, e] of MORE) findingsOn(rules, '', speaker, e);
  const samples = path.join(root, 'fixtures', 'samples');
  for (const file of readdirSync(samples)) for (const t of parse(readFileSync(path.join(samples, file)), { source: file })) analyze(t, { rules });
  const opening = { role: 'customer' as const, text: 'Hi, my order never arrived and I am really annoyed.' };
  for (const file of readdirSync(path.join(root, 'fixtures', 'eval')).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(path.join(root, 'fixtures', 'eval', file), 'utf8').split('\n').filter(Boolean)) {
      const row = JSON.parse(line) as { role: 'agent' | 'customer'; text: string };
      findingsOn(rules, '', row.role, row.text);
      findingsOn(rules, '', row.role, { context: [opening], text: row.text });
    }
  }
});
afterAll(() => restore.reverse().forEach((undo) => undo()));

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('the phrases a condition declares', () => {
  // The information judgement reads its sets in one automaton of its own (facts.ts), which this
  // trace of PhraseSet does not see: they are declared from the list facts.ts compiles.
  const ownAutomaton = new Set(INFORMATION_SETS);
  it.each(Object.keys(CONDITIONS))('%s: are the phrase sets its code searches', (name) => {
    const declared = CONDITIONS[name as keyof typeof CONDITIONS].phrases.filter((set) => !ownAutomaton.has(set));
    expect(sorted(declared)).toEqual(sorted(searched.get(name) ?? []));
  });

  it('states-a-fact: declares every set of the information judgement', () => {
    expect(CONDITIONS['states-a-fact'].phrases).toEqual(expect.arrayContaining([...INFORMATION_SETS]));
  });

  it.each(Object.keys(EXTRACTORS))('extractor %s: are the phrase sets and rule patterns its code searches', (name) => {
    const e = EXTRACTORS[name as keyof typeof EXTRACTORS];
    expect(sorted([...e.phrases, ...e.rulePatterns.map((r) => `rule:${r}`)])).toEqual(sorted(searched.get(`extract:${name}`) ?? []));
  });
});
