import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, catalogueFor, loadConfig, parseConfig, ruleSetFor, rulesInEffect } from '../../src/cli/config.js';
import { BUILTIN_RULES, RuleSet, builtinRuleSet } from '../../src/rules/index.js';
import { textFeatures } from '../../src/nlp/features.js';
import { analyze } from '../../src/score/analyze.js';
import type { Transcript } from '../../src/model/types.js';

const analyzeWith = (t: Transcript, rules: RuleSet) => analyze(t, { rules });
import { runCli } from '../helpers/cli.js';

const samples = path.resolve(import.meta.dirname, '../../fixtures/samples');
const WALL = readFileSync(path.join(samples, 'call-0001-airline-minor-policy-wall.txt'), 'utf8');

const rule = (over: Record<string, unknown> = {}) => ({
  id: 'no-unfortunately',
  category: 'sympathy',
  patterns: ['unfortunately [for you]'],
  message: '"Unfortunately" on its own sounds like a shrug.',
  ...over,
});
const config = (doc: unknown) => JSON.stringify(doc);
const PSEUDO_APOLOGY = BUILTIN_RULES.find((r) => r.id === 'pseudo-apology')!.patterns[0]!;

describe('parseConfig: a wrong JSON config names the file, the line, the key and why', () => {
  it.each([
    ['not JSON', '{ rules: [', /^my\.json:1: not valid JSON \(/],
    ['an unknown top-level key', config({ rulez: [] }), /^my\.json:1: rulez: unknown key \(one of rules, disable, extend, ignore\)/],
    ['an unknown category', config({ rules: [rule(), rule({ id: 'b' }), rule({ id: 'c', category: 'anger' })] }), /^my\.json:1: rules\[2\]\.category: "anger" is not a category \(one of empathy, sympathy,/],
    ['a regular expression', config({ rules: [rule({ patterns: ['sorry.*inconvenience'] })] }), /^my\.json:1: rules\[0\]\.patterns\[0\]: "sorry\.\*inconvenience" looks like a regular expression/],
    ['a broken token pattern', config({ rules: [rule({ patterns: ['(sorry|apologies'] })] }), /^my\.json:1: rules\[0\]\.patterns\[0\]: pattern "\(sorry\|apologies": "\(" is not closed/],
    ['a bad kind', config({ rules: [rule({ kind: 'bad' })] }), /^my\.json:1: rules\[0\]\.kind: "bad" is not kind \(one of strength, risk, signal\)/],
    ['a bad speaker', config({ rules: [rule({ speaker: 'bot' })] }), /rules\[0\]\.speaker: "bot" is not speaker/],
    ['no message', config({ rules: [rule({ message: '' })] }), /rules\[0\]\.message: must be a non-empty string/],
    ['a bad id', config({ rules: [rule({ id: 'No Spaces' })] }), /rules\[0\]\.id: "No Spaces" must be lower-case/],
    ['a duplicate id', config({ rules: [rule(), rule()] }), /rules\[1\]\.id: "no-unfortunately" is used twice/],
    ['an example its patterns miss', config({ rules: [rule({ examples: ['Sadly the shop is shut.'] })] }), /rules\[0\]\.examples\[0\]: "Sadly the shop is shut\." is not found/],
    ['a near-miss its patterns find', config({ rules: [rule({ examples: { match: ['Unfortunately not.'], noMatch: ['Unfortunately for you, no.'] } })] }), /rules\[0\]\.examples\.noMatch\[0\]: .* is found by this rule/],
    ['disabling a rule that does not exist', config({ disable: ['sympathy-from-outside', 'nope'] }), /^my\.json:1: disable\[1\]: "nope" is not a rule id/],
    ['an unknown rule key', config({ rules: [rule({ regex: 'x' })] }), /rules\[0\]\.regex: unknown key/],
    ['extending a rule that does not exist', config({ extend: { 'policy-hiding': ['company rules'] } }), /^my\.json:1: extend\.policy-hiding: "policy-hiding" is not a built-in rule id/],
    ['extending a user rule', config({ rules: [rule()], extend: { 'user/no-unfortunately': ['sadly'] } }), /extend\.user\/no-unfortunately: "user\/no-unfortunately" is not a built-in rule id \(only built-in rules are extended/],
    ['an extend pattern that does not compile', config({ extend: { 'dead-end': ['nothing (more|'] } }), /^my\.json:1: extend\.dead-end\[0\]: pattern "nothing \(more\|": /],
    ['an extend pattern the rule already has', config({ extend: { 'pseudo-apology': ['sorry you were upset', PSEUDO_APOLOGY.toUpperCase()] } }), /^my\.json:1: extend\.pseudo-apology\[1\]: .* is already one of this rule's patterns/],
    ['extend that is not a mapping', config({ extend: ['dead-end'] }), /^my\.json:1: extend: must be a mapping of built-in rule ids to lists of patterns/],
    ['an ignore phrase that is a regular expression', config({ ignore: ['as i said', '^as i'] }), /^my\.json:1: ignore\[1\]: "\^as i" looks like a regular expression/],
    ['an empty ignore list', config({ ignore: [] }), /^my\.json:1: ignore: must list at least one token pattern/],
    ['a pattern written twice in a rule (spacing and case aside)', config({ rules: [rule({ patterns: ['unfortunately [for you]', 'Unfortunately  [ for you ]'] })] }), /^my\.json:1: rules\[0\]\.patterns\[1\]: .* is written twice: it is the same pattern as \[0\]/],
    ['a pattern that finds none of its rule\'s examples', config({ rules: [rule({ patterns: ['unfortunately [for you]', 'sadly'], examples: ['Unfortunately not.'] })] }), /^my\.json:1: rules\[0\]\.patterns\[1\]: "sadly" finds none of this rule's examples/],
    ['an extend pattern written twice', config({ extend: { 'dead-end': ['no way round it', 'no way round  it'] } }), /^my\.json:1: extend\.dead-end\[1\]: .* is written twice/],
    ['an extend pattern the rule has, spaced and cased otherwise', config({ extend: { 'policy-as-wall': ['Rules  are rules'] } }), /extend\.policy-as-wall\[0\]: .* is already one of this rule's patterns/],
    ['an ignore phrase written twice, once with a curly apostrophe', config({ ignore: ["it's fine", 'it\u2019s fine'] }), /^my\.json:1: ignore\[1\]: .* is written twice/],
    ['extending a rule that reads whole clauses', config({ extend: { 'information-given': ['the parcel is lost'] } }), /^my\.json:1: extend\.information-given: "information-given" reads every clause whole, with no patterns, so it has none to extend; write your own rule of category information/],
    ['JSON with a trailing comma, on its line', '{\n  "disable": [\n    "dead-end",\n  ]\n}\n', /^my\.json:3: not valid JSON \(/],
  ])('%s', (_, text, message) => {
    expect(() => parseConfig(text, 'my.json')).toThrow(ConfigError);
    expect(() => parseConfig(text, 'my.json')).toThrow(message);
  });

  it('accepts a good config, prefixes user ids, and disables built-in rules', () => {
    const c = parseConfig(config({ rules: [rule({ examples: ['Unfortunately that is the case.'] })], disable: ['sympathy-from-outside'] }), 'my.json');
    expect(c.rules[0]).toMatchObject({ id: 'user/no-unfortunately', kind: 'risk', severity: 'warning', speaker: 'agent', declaredIn: 'my.json' });
    const ids = ruleSetFor(c)!.rules.map((r) => r.id);
    expect(ids).toContain('user/no-unfortunately');
    expect(ids).not.toContain('sympathy-from-outside');
  });

  it("gives a customer's rule the kind its findings have: signal", () => {
    const c = parseConfig(config({ rules: [rule({ speaker: 'customer', category: 'customer-distress', kind: 'risk' })] }), 'my.json');
    expect(c.rules[0]).toMatchObject({ speaker: 'customer', kind: 'signal' });
    expect(catalogueFor(c).find((r) => r.id === 'user/no-unfortunately')?.kind).toBe('signal');
  });

  it("lets a user's pattern name a built-in word list", () => {
    const c = parseConfig(config({ rules: [rule({ patterns: ["(you're|you are) {feeling} with us"], examples: ["I know you're fed up with us."] })] }), 'my.json');
    expect(c.rules[0]!.patterns).toEqual(["(you're|you are) {feeling} with us"]);
  });
});

describe('parseConfig: a user rule names the built-in rules\' conditions', () => {
  const finds = (conditions: unknown, text: string) => {
    const c = parseConfig(config({ rules: [rule({ patterns: ['sorry'], conditions })] }), 'my.json');
    const turn = { index: 0, role: 'agent' as const, speaker: 'agent', text };
    // The user's rule alone: a built-in finding of the same words would take the span's one verdict.
    return new RuleSet(c.rules).run({ id: 'x', source: 'x', channel: 'call', turns: [turn], meta: {} }, [{ turn, features: textFeatures(text) }]).some((f) => f.rule === 'user/no-unfortunately');
  };

  it('drops a match an `unless` condition holds for, as a built-in rule does', () => {
    expect(finds(undefined, 'Sorry for any inconvenience.')).toBe(true);
    expect(finds({ unless: ['hedged'] }, 'Sorry for any inconvenience.')).toBe(false);
    expect(finds({ unless: ['hedged'] }, 'Sorry about the broken part.')).toBe(true);
  });

  it('keeps questions only when allowed, and keeps only what `when` asks for', () => {
    expect(finds(undefined, 'Sorry?')).toBe(false);
    expect(finds({ allow: ['question'] }, 'Sorry?')).toBe(true);
    expect(finds({ when: ['acts-or-owns'] }, 'Sorry about that.')).toBe(false);
    expect(finds({ when: ['acts-or-owns'] }, "Sorry about that, I'll fix it now.")).toBe(true);
  });

  it('keeps "suggestion" and takes "suggestions", a list whose first is the finding\'s', () => {
    const one = parseConfig(config({ rules: [rule({ suggestion: 'Say what happens next.' })] }), 'my.json').rules[0]!;
    expect(one.suggestion).toBe('Say what happens next.');
    const two = parseConfig(config({ rules: [rule({ suggestions: ['First.', 'Second.'] })] }), 'my.json').rules[0]!;
    expect([two.suggestion, two.suggestions]).toEqual(['First.', ['First.', 'Second.']]);
    expect(() => parseConfig(config({ rules: [rule({ suggestion: 'A.', suggestions: ['B.'] })] }), 'my.json')).toThrow(/rules\[0\]\.suggestions: give better wordings either/);
  });
});

describe("parseConfig: a user's rule is written in the built-in rules' schema", () => {
  // A QA analyst tunes a built-in rule by copying its entry from src/rules/data/*.yaml: it must read
  // as it does there (docs, several wordings, named conditions, examples with earlier turns).
  const dataDir = path.resolve(import.meta.dirname, '../../src/rules/data');
  const builtinData = readdirSync(dataDir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => (parseYaml(readFileSync(path.join(dataDir, f), 'utf8')) as Array<Record<string, unknown>>).map((r) => [f, r] as const));

  it.each(builtinData.map(([f, r]) => [`${r.id} (${f})`, r]))('%s, copied under a new id, loads and finds what its examples say', (_, data) => {
    const copy = { ...(data as Record<string, unknown>), id: `my-${String((data as { id: string }).id)}` };
    const c = parseConfig(stringifyYaml({ rules: [copy] }), 'team.yaml');
    const mine = c.rules[0]!;
    const builtin = BUILTIN_RULES.find((r) => r.id === (data as { id: string }).id)!;
    expect(mine).toMatchObject({ title: builtin.title, why: builtin.why, source: builtin.source, category: builtin.category, speaker: builtin.speaker, kind: builtin.kind });
    expect(mine.patterns).toEqual(builtin.patterns);
    expect(mine.suggestions).toEqual(builtin.suggestions);
  });

  it.each([
    ['a doc field that is not text', 'rules:\n  - id: x\n    category: sympathy\n    patterns: [oh dear]\n    message: m\n    why: [a]\n', /^team\.yaml:6: rules\[0\]\.why: must be a non-empty string/],
    ['an unknown extractor', 'rules:\n  - id: x\n    category: commitment\n    kind: strength\n    patterns: [i will]\n    message: m\n    extract: owners\n', /^team\.yaml:7: rules\[0\]\.extract: unknown extractor "owners"/],
    ['once that is neither sentence nor turn', 'rules:\n  - id: x\n    category: sympathy\n    patterns: [oh dear]\n    message: m\n    conditions:\n      once: call\n', /^team\.yaml:7: rules\[0\]\.conditions\.once: "call" is not once \(one of sentence, turn\)/],
    ['yieldsTo a word that is not a category', 'rules:\n  - id: x\n    category: sympathy\n    patterns: [oh dear]\n    message: m\n    conditions:\n      yieldsTo: [apology]\n', /^team\.yaml:7: rules\[0\]\.conditions\.yieldsTo\[0\]: "apology" is not a category/],
    ['patternsFrom beside patterns', 'rules:\n  - id: x\n    category: sympathy\n    patternsFrom: dead-end\n    patterns: [oh dear]\n    message: m\n', /^team\.yaml:5: rules\[0\]\.patterns: a rule with "patternsFrom" reads that rule's patterns/],
    ['an agent rule of kind signal', 'rules:\n  - id: x\n    category: sympathy\n    kind: signal\n    patterns: [oh dear]\n    message: m\n', /^team\.yaml:4: rules\[0\]\.kind: "signal" is for a customer's rule/],
    ['an example with earlier turns that the rule misses', 'rules:\n  - id: x\n    category: sympathy\n    patterns: [oh dear]\n    message: m\n    examples:\n      match:\n        - context: [{ role: customer, text: It broke. }]\n          text: Right.\n', /^team\.yaml:8: rules\[0\]\.examples\.match\[0\]: "Right\." is not found/],
  ])('names the line of %s', (_, text, message) => {
    expect(() => parseConfig(text, 'team.yaml')).toThrow(message);
  });
});

describe('parseConfig: YAML', () => {
  const yamlErrors: Array<[string, string, RegExp]> = [
    ['a bad category, on its own line', 'rules:\n  - id: x\n    category: anger\n    patterns: [a b]\n    message: hi\n', /^team\.yaml:3: rules\[0\]\.category: "anger" is not a category/],
    ['an unknown rule id to disable', '# ours\ndisable:\n  - pseudo-apology\n  - nope\n', /^team\.yaml:4: disable\[1\]: "nope" is not a rule id/],
    ['an unknown rule id to extend', 'extend:\n  dead-end:\n    - nothing more\n  nope-rule:\n    - a b\n', /^team\.yaml:4: extend\.nope-rule: "nope-rule" is not a built-in rule id/],
    ['a broken ignore phrase', 'ignore:\n  - as i said\n  - (a|\n', /^team\.yaml:3: ignore\[1\]: pattern "\(a\|": /],
    ['an unknown condition, on its line', 'rules:\n  - id: x\n    category: sympathy\n    patterns: [a b]\n    message: hi\n    conditions:\n      unless:\n        - hedged\n        - politeness\n', /^team\.yaml:9: rules\[0\]\.conditions\.unless\[1\]: unknown condition "politeness" \(one of negated, question, quoted, /],
    ['allowing context that is never dropped', 'rules:\n  - id: x\n    category: sympathy\n    patterns: [a b]\n    message: hi\n    conditions:\n      allow: [hedged]\n', /^team\.yaml:7: rules\[0\]\.conditions\.allow\[0\]: "hedged" is not dropped by default/],
    ['an unknown key in conditions', 'rules:\n  - id: x\n    category: sympathy\n    patterns: [a b]\n    message: hi\n    conditions:\n      except: [hedged]\n', /^team\.yaml:7: rules\[0\]\.conditions\.except: unknown key \(one of allow, when, unless, once, suppressedBy, yieldsTo\)/],
    ['broken YAML', 'rules: [\n  - id: x\n', /^team\.yaml:\d+: not valid YAML \(/],
    ['a key written twice', 'disable: [pseudo-apology]\ndisable: [dead-end]\n', /^team\.yaml:2: not valid YAML \(Map keys must be unique/],
    ['a list where a mapping belongs', '- rules\n', /^team\.yaml:1: must be a mapping with any of rules, disable, extend, ignore/],
    // Aliases that expand a few lines into millions of values ("billion laughs").
    [
      'aliases that expand without end',
      'a: &a [x, x, x, x, x, x, x, x, x]\n' + 'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`).join('\n') + '\nignore: [*h]\n',
      /^team\.yaml: not valid YAML \(Excessive alias count/,
    ],
  ];
  it.each(yamlErrors)('%s', (_, text, message) => {
    expect(() => parseConfig(text, 'team.yaml')).toThrow(message);
  });

  it('gives the line of a key in pretty-printed JSON too', () => {
    const text = JSON.stringify({ disable: ['pseudo-apology'], rules: [rule({ kind: 'bad' })] }, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"kind"')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(() => parseConfig(text, 'my.json')).toThrow(new RegExp(`^my\\.json:${line}: rules\\[0\\]\\.kind: "bad"`));
  });

  it('reads YAML 1.2: `no` is a word, not false; an empty file configures nothing', () => {
    const c = parseConfig('ignore:\n  - no\n  - "no problem"\n', 'team.yml');
    expect(c.ignore).toEqual(['no', 'no problem']);
    expect(parseConfig('# nothing yet\n', 'team.yaml')).toMatchObject({ rules: [], disable: [], extend: {}, ignore: [] });
  });

  it('extends a built-in rule without changing the catalogue for other runs', () => {
    const c = parseConfig('extend:\n  dead-end:\n    - (they|you) won\'t be allowed to board\n', 'team.yaml');
    const extended = catalogueFor(c).find((r) => r.id === 'dead-end')!;
    const builtin = builtinRuleSet().rules.find((r) => r.id === 'dead-end')!;
    expect(extended.patterns).toEqual([...builtin.patterns, "(they|you) won't be allowed to board"]);
    expect(extended.extendedIn).toBe('team.yaml');
    expect(builtin.extendedIn).toBeUndefined();
  });
});

describe('the config in effect', () => {
  /** A project folder with a config at its top and a working folder two levels down. */
  function project(files: Record<string, string>): { root: string; deep: string } {
    const root = mkdtempSync(path.join(tmpdir(), 'etcscore-lookup-'));
    const deep = path.join(root, 'calls', 'week-47');
    mkdirSync(deep, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
    return { root, deep };
  }

  it('is found in a parent folder, and named relative to the working folder', () => {
    const { deep } = project({ '.etcscorerc.yaml': 'disable: [pseudo-apology]\n' });
    expect(loadConfig(deep)).toMatchObject({ file: path.join('..', '..', '.etcscorerc.yaml'), disable: ['pseudo-apology'] });
  });

  it('is the nearest one: a folder below beats a folder above', () => {
    const { root, deep } = project({ '.etcscorerc.yaml': 'disable: [pseudo-apology]\n' });
    writeFileSync(path.join(root, 'calls', '.etcscorerc.json'), config({ disable: ['dead-end'] }));
    expect(loadConfig(deep)?.disable).toEqual(['dead-end']);
  });

  it('within one folder: .etcscorerc.yaml, then .yml, then .json', () => {
    const all = project({ '.etcscorerc.json': config({ disable: ['dead-end'] }), '.etcscorerc.yml': 'disable: [blame-customer]\n', '.etcscorerc.yaml': 'disable: [pseudo-apology]\n' });
    expect(loadConfig(all.root)?.file).toBe('.etcscorerc.yaml');
    const two = project({ '.etcscorerc.json': config({ disable: ['dead-end'] }), '.etcscorerc.yml': 'disable: [blame-customer]\n' });
    expect(loadConfig(two.root)?.file).toBe('.etcscorerc.yml');
  });

  it('is the --config file when one is given, wherever the others are', () => {
    const { root } = project({ '.etcscorerc.yaml': 'disable: [pseudo-apology]\n', 'strict.json': config({ disable: ['dead-end'] }) });
    expect(loadConfig(root, 'strict.json')).toMatchObject({ file: 'strict.json', disable: ['dead-end'] });
    expect(() => loadConfig(root, 'nope.yaml')).toThrow('nope.yaml: cannot read: no such file');
  });

  it('is the built-in catalogue when there is none, compiled once per process', () => {
    const { root } = project({});
    expect(rulesInEffect({ cwd: root }).config).toBeUndefined();
    expect(rulesInEffect({ cwd: root }).rules).toBe(builtinRuleSet());
    // Told that the main thread found none, a worker does not look again.
    const later = project({ '.etcscorerc.yaml': 'disable: [pseudo-apology]\n' });
    expect(rulesInEffect({ cwd: later.root, lookup: false }).config).toBeUndefined();
  });
});

describe('etcscore with a config', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-config-'));
  writeFileSync(path.join(dir, 'call.txt'), 'Customer: My parcel is late.\nAgent: Unfortunately the courier is late again.\n');

  it('reads .etcscorerc.json from the current directory and reports user/ findings', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'etcscore-rc-'));
    writeFileSync(path.join(cwd, 'call.txt'), 'Customer: My parcel is late.\nAgent: Unfortunately the courier is late again.\n');
    writeFileSync(path.join(cwd, '.etcscorerc.json'), config({ rules: [rule()] }));
    const r = await runCli(['score', 'call.txt', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const found = JSON.parse(r.stdout).results[0].findings.find((f: { rule: string }) => f.rule === 'user/no-unfortunately');
    expect(found).toMatchObject({ messageId: 'user/no-unfortunately', text: 'Unfortunately' });
    expect(found.url).toBeUndefined();
  });

  it('takes --config FILE, and a wrong one exits 2 naming the file, line and key', async () => {
    writeFileSync(path.join(dir, 'bad.json'), config({ rules: [rule({ category: 'anger' })] }));
    const r = await runCli(['score', 'call.txt', '--config', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json:1: rules\[0\]\.category: "anger" is not a category/);
    expect(r.stdout).toBe('');
    const missing = await runCli(['score', 'call.txt', '--config', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: cannot read: no such file');
    const coach = await runCli(['coach', 'call.txt', '--config', 'bad.json'], { cwd: dir });
    expect(coach.code).toBe(2);
    expect(coach.stderr).toMatch(/bad\.json:1: rules\[0\]\.category/);
  });

  it('lists user rules in `etcscore rules --config`', async () => {
    writeFileSync(path.join(dir, 'good.json'), config({ rules: [rule()] }));
    const r = await runCli(['rules', '--format', 'json', '--config', 'good.json'], { cwd: dir });
    const mine = JSON.parse(r.stdout).rules.find((x: { id: string }) => x.id === 'user/no-unfortunately');
    expect(mine).toMatchObject({ declaredIn: 'good.json', messageId: 'user/no-unfortunately' });
  });

  it('`rules --config-path` prints the file in effect, or none', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'etcscore-path-'));
    const deep = path.join(root, 'calls');
    mkdirSync(deep);
    const none = await runCli(['rules', '--config-path'], { cwd: deep });
    expect(none).toMatchObject({ code: 0, stdout: 'none\n' });
    expect(none.stderr).toContain(`no .etcscorerc.yaml, .etcscorerc.yml, .etcscorerc.json in ${deep} or a folder above it`);
    writeFileSync(path.join(root, '.etcscorerc.yml'), 'disable: [dead-end]\n');
    expect(await runCli(['rules', '--config-path'], { cwd: deep })).toMatchObject({ code: 0, stdout: `${path.join(root, '.etcscorerc.yml')}\n` });
    writeFileSync(path.join(deep, 'mine.json'), config({ disable: ['blame-customer'] }));
    expect((await runCli(['rules', '--config-path', '--config', 'mine.json'], { cwd: deep })).stdout).toBe(`${path.join(deep, 'mine.json')}\n`);
    // A file that would stop every run is not in effect: its mistake is reported instead.
    writeFileSync(path.join(root, '.etcscorerc.yml'), 'disable: [nope]\n');
    const bad = await runCli(['rules', '--config-path'], { cwd: deep });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${path.join('..', '.etcscorerc.yml')}:1: disable[0]: "nope" is not a rule id`);
  });

  it('--verbose notes the config file on stderr, for score and coach, and leaves stdout alone', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'etcscore-verbose-'));
    writeFileSync(path.join(root, 'call.txt'), WALL);
    const plain = await runCli(['score', 'call.txt', '--format', 'json'], { cwd: root });
    const none = await runCli(['score', 'call.txt', '--format', 'json', '--verbose'], { cwd: root });
    expect(none.stderr).toContain('config: none (no .etcscorerc.yaml, .etcscorerc.yml, .etcscorerc.json in');
    expect(none.stdout).toBe(plain.stdout);
    writeFileSync(path.join(root, '.etcscorerc.yaml'), 'disable: [pseudo-apology]\n');
    for (const command of ['score', 'coach']) {
      const r = await runCli([command, 'call.txt', '--verbose'], { cwd: root });
      expect(r.code, command).toBe(0);
      expect(r.stderr, command).toContain('config: .etcscorerc.yaml\n');
      expect(r.stdout, command).not.toContain('config:');
    }
    expect((await runCli(['score', 'call.txt'], { cwd: root })).stderr).not.toContain('config:');
  });
});

describe('score and coach: one configuration, one analysis', () => {
  // The QA team's tuning of call-0001 (fixtures/samples): a rule off, a phrase added, a phrase let go.
  const TEAM_CONFIG = [
    'disable:',
    '  - pseudo-apology',
    'extend:',
    '  dead-end:',
    "    - (they|you) won't be allowed to board",
    'ignore:',
    '  - as i said',
    '',
  ].join('\n');

  interface F {
    rule: string;
    messageId: string;
    turn: number;
    text: string;
  }
  const scoreFindings = async (cwd: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<F[]> => {
    const r = await runCli(['score', 'call.txt', '--format', 'json', ...extra], { cwd, env });
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout).results[0].findings;
  };
  /** The findings coach shows: "(rule) “text”" under each turn. */
  const coachFindings = async (cwd: string): Promise<string[]> => {
    const r = await runCli(['coach', 'call.txt'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    return [...r.stdout.matchAll(/^ {6}\S [a-z-]+ \(([a-z/-]+)\) “(.*)”$/gmu)].map((m) => `${m[1]} ${m[2]}`);
  };

  it('a disabled rule, an extended phrase and an ignored phrase act the same in score and coach', async () => {
    const plainDir = mkdtempSync(path.join(tmpdir(), 'etcscore-same-plain-'));
    writeFileSync(path.join(plainDir, 'call.txt'), WALL);
    const teamDir = mkdtempSync(path.join(tmpdir(), 'etcscore-same-team-'));
    writeFileSync(path.join(teamDir, 'call.txt'), WALL);
    writeFileSync(path.join(teamDir, '.etcscorerc.yaml'), TEAM_CONFIG);

    const before = await scoreFindings(plainDir);
    const after = await scoreFindings(teamDir);
    const key = (f: F) => `${f.rule} ${f.text}`;
    // Without the config: the pseudo-apology and the blame are found, the boarding warning is not.
    expect(before.map(key)).toEqual(expect.arrayContaining(['pseudo-apology sorry you feel that way', 'blame-customer As I said']));
    expect(before.map(key)).not.toContain("dead-end they won't be allowed to board");
    // With it: the rule is off, the ignored words are let go, the new phrase is the built-in rule's.
    expect(after.map(key)).not.toContain('pseudo-apology sorry you feel that way');
    expect(after.map(key)).not.toContain('blame-customer As I said');
    expect(after.find((f) => f.text === "they won't be allowed to board")).toMatchObject({ rule: 'dead-end', messageId: 'dead-end/default', turn: 16 });
    // Everything else is untouched.
    // The boarding warning's sentence, a risk now, is no longer also credited as information.
    const changed = new Set([
      'pseudo-apology sorry you feel that way',
      'blame-customer As I said',
      "dead-end they won't be allowed to board",
      "information-given Just so you're aware, if there's no escort booked and no adult travelling, they won't be allowed to board at the airport.",
    ]);
    expect(after.map(key).filter((k) => !changed.has(k))).toEqual(before.map(key).filter((k) => !changed.has(k)));

    // coach shows exactly the findings score reports, with and without the config.
    expect(await coachFindings(plainDir)).toEqual(before.map(key));
    expect(await coachFindings(teamDir)).toEqual(after.map(key));
  });

  it('workers apply the same config as the main thread', async () => {
    const teamDir = mkdtempSync(path.join(tmpdir(), 'etcscore-same-jobs-'));
    writeFileSync(path.join(teamDir, 'call.txt'), WALL);
    writeFileSync(path.join(teamDir, 'team.yaml'), TEAM_CONFIG);
    const one = await scoreFindings(teamDir, ['--config', 'team.yaml', '--jobs', '1']);
    const two = await scoreFindings(teamDir, ['--config', 'team.yaml', '--jobs', '2'], { ETCSCORE_WORKERS_FROM_MB: '0' });
    expect(two).toEqual(one);
    expect(one.map((f) => f.rule)).not.toContain('pseudo-apology');
  });
});

describe('extend.sentiment: a team adds sentiment phrases in the phrase language', () => {
  const PHRASE = 'extend:\n  sentiment:\n    - category: failure\n      weight: -3\n      why: the customer had to redo the fix themselves\n      patterns:\n        - (had|have|having) to (reinstall|reboot|restart|reset) [the|my] *\n';

  it.each([
    ['a category off the list', 'extend:\n  sentiment:\n    - category: anger\n      weight: -3\n      why: w\n      patterns: [so cross]\n', /^team\.yaml:3: extend\.sentiment\[0\]\.category: "anger" is not category \(one of sarcasm, waiting,/],
    ['a weight off the AFINN scale', 'extend:\n  sentiment:\n    - category: failure\n      weight: -9\n      why: w\n      patterns: [so cross]\n', /^team\.yaml:4: extend\.sentiment\[0\]\.weight: must be a number from -5 to 5/],
    ['no why', 'extend:\n  sentiment:\n    - category: failure\n      weight: -2\n      patterns: [so cross]\n', /^team\.yaml:3: extend\.sentiment\[0\]\.why: must be a non-empty string/],
    ['no category', 'extend:\n  sentiment:\n    - weight: -2\n      why: w\n      patterns: [so cross]\n', /^team\.yaml:3: extend\.sentiment\[0\]: missing category/],
    ['an unknown key', 'extend:\n  sentiment:\n    - category: failure\n      weight: -2\n      why: w\n      note: x\n      patterns: [so cross]\n', /^team\.yaml:6: extend\.sentiment\[0\]\.note: unknown key \(one of category, weight, why, patterns\)/],
    ['a phrase that may start with any word', 'extend:\n  sentiment:\n    - category: failure\n      weight: -2\n      why: w\n      patterns: ["* ruined my day"]\n', /^team\.yaml:6: extend\.sentiment\[0\]\.patterns\[0\]: "\* ruined my day" may start with any word/],
    ['a regular expression', 'extend:\n  sentiment:\n    - category: failure\n      weight: -2\n      why: w\n      patterns: [ruined.*day]\n', /^team\.yaml:6: extend\.sentiment\[0\]\.patterns\[0\]: "ruined\.\*day" looks like a regular expression/],
    ['a phrase written twice, in two entries', 'extend:\n  sentiment:\n    - category: failure\n      weight: -2\n      why: w\n      patterns: [ruined my day]\n    - category: distress\n      weight: -3\n      why: w\n      patterns: [Ruined  my day]\n', /^team\.yaml:10: extend\.sentiment\[1\]\.patterns\[0\]: "Ruined  my day" is already a phrase at extend\.sentiment\[0\]\.patterns\[0\]/],
    ['entries that are plain patterns', 'extend:\n  sentiment:\n    - ruined my day\n', /^team\.yaml:3: extend\.sentiment\[0\]: must be a phrase: \{ category, weight, why, patterns \}/],
  ])('names the file and line of %s', (_, text, message) => {
    expect(() => parseConfig(text, 'team.yaml')).toThrow(ConfigError);
    expect(() => parseConfig(text, 'team.yaml')).toThrow(message);
  });

  it('is no rule id: extend keeps its rules apart from the sentiment phrases', () => {
    expect(BUILTIN_RULES.map((r) => r.id)).not.toContain('sentiment');
    const c = parseConfig(`${PHRASE}  dead-end:\n    - no way round it\n`, 'team.yaml');
    expect(c.extend).toEqual({ 'dead-end': ['no way round it'] });
    expect(c.sentiment).toEqual([{ pattern: '(had|have|having) to (reinstall|reboot|restart|reset) [the|my] *', weight: -3, why: 'the customer had to redo the fix themselves', category: 'failure' }]);
  });

  const CALL = 'Customer: I had to reinstall the app four times.\nAgent: Thanks for letting us know, I will look into it.\nCustomer: Fine.\n';
  const firstPoint = async (cwd: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) => {
    const r = await runCli(['score', 'call.txt', '--format', 'json', ...extra], { cwd, env });
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout).results[0].emotion.trajectory[0] as { raw: number; label: string; cues?: string[] };
  };

  it('moves the emotion curve in score (one job or two) and in coach, and nothing without it', async () => {
    const plain = mkdtempSync(path.join(tmpdir(), 'etcscore-senti-plain-'));
    writeFileSync(path.join(plain, 'call.txt'), CALL);
    const team = mkdtempSync(path.join(tmpdir(), 'etcscore-senti-team-'));
    writeFileSync(path.join(team, 'call.txt'), CALL);
    writeFileSync(path.join(team, '.etcscorerc.yaml'), PHRASE);
    expect(await firstPoint(plain)).toMatchObject({ raw: 0, label: 'neutral' });
    const tuned = await firstPoint(team);
    expect(tuned).toMatchObject({ label: 'negative', cues: ['had to reinstall the app'] });
    expect(await firstPoint(team, ['--jobs', '2'], { ETCSCORE_WORKERS_FROM_MB: '0' })).toEqual(tuned);
    const coach = await runCli(['coach', 'call.txt'], { cwd: team });
    expect(coach.stdout).toMatch(/steady-negative: start -0\.61/);
  });

  it('in the library: rules from the config read the phrase, the built-in rules again do not', () => {
    const config = parseConfig(PHRASE, 'team.yaml');
    const t = { id: 't', source: 't', channel: 'chat' as const, meta: {}, turns: [{ index: 0, role: 'customer' as const, speaker: 'c', text: 'I had to reinstall the app four times.' }] };
    expect(analyzeWith(t, ruleSetFor(config)!).emotion.trajectory[0]!.label).toBe('negative');
    expect(analyzeWith(t, builtinRuleSet()).emotion.trajectory[0]!.label).toBe('neutral');
    expect(analyzeWith(t, ruleSetFor(config)!).emotion.trajectory[0]!.label).toBe('negative');
  });
});
