import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, ruleSetFor, ConfigError } from '../../src/cli/config.js';
import { runCli } from '../helpers/cli.js';

const rule = (over: Record<string, unknown> = {}) => ({
  id: 'no-unfortunately',
  category: 'sympathy',
  patterns: ['unfortunately [for you]'],
  message: '"Unfortunately" on its own sounds like a shrug.',
  ...over,
});
const config = (doc: unknown) => JSON.stringify(doc);

describe('parseConfig: a wrong config names the file and the key', () => {
  it.each([
    ['not JSON', '{ rules: [', /^my\.json: not valid JSON/],
    ['an unknown top-level key', config({ rulez: [] }), /^my\.json: rulez: unknown key \(one of rules, disable\)/],
    ['an unknown category', config({ rules: [rule(), rule({ id: 'b' }), rule({ id: 'c', category: 'anger' })] }), /^my\.json: rules\[2\]\.category: "anger" is not a category \(one of empathy, sympathy,/],
    ['a regular expression', config({ rules: [rule({ patterns: ['sorry.*inconvenience'] })] }), /^my\.json: rules\[0\]\.patterns\[0\]: "sorry\.\*inconvenience" looks like a regular expression/],
    ['a broken token pattern', config({ rules: [rule({ patterns: ['(sorry|apologies'] })] }), /^my\.json: rules\[0\]\.patterns\[0\]: pattern "\(sorry\|apologies": "\(" is not closed/],
    ['a bad kind', config({ rules: [rule({ kind: 'bad' })] }), /^my\.json: rules\[0\]\.kind: "bad" is not kind \(one of strength, risk\)/],
    ['a bad speaker', config({ rules: [rule({ speaker: 'bot' })] }), /rules\[0\]\.speaker: "bot" is not speaker/],
    ['no message', config({ rules: [rule({ message: '' })] }), /rules\[0\]\.message: must be a non-empty string/],
    ['a bad id', config({ rules: [rule({ id: 'No Spaces' })] }), /rules\[0\]\.id: "No Spaces" must be lower-case/],
    ['a duplicate id', config({ rules: [rule(), rule()] }), /rules\[1\]\.id: "no-unfortunately" is used twice/],
    ['an example its patterns miss', config({ rules: [rule({ examples: ['Sadly the shop is shut.'] })] }), /rules\[0\]\.examples\[0\]: "Sadly the shop is shut\." is not found/],
    ['a near-miss its patterns find', config({ rules: [rule({ examples: { match: ['Unfortunately not.'], noMatch: ['Unfortunately for you, no.'] } })] }), /rules\[0\]\.examples\.noMatch\[0\]: .* is found by this rule/],
    ['disabling a rule that does not exist', config({ disable: ['sympathy-from-outside', 'nope'] }), /^my\.json: disable\[1\]: "nope" is not a rule id/],
    ['an unknown rule key', config({ rules: [rule({ regex: 'x' })] }), /rules\[0\]\.regex: unknown key/],
  ])('%s', (_, text, message) => {
    expect(() => parseConfig(text, 'my.json')).toThrow(ConfigError);
    expect(() => parseConfig(text, 'my.json')).toThrow(message);
  });

  it('accepts a good config, prefixes user ids, and disables built-in rules', () => {
    const c = parseConfig(config({ rules: [rule({ examples: ['Unfortunately that is the case.'] })], disable: ['sympathy-from-outside'] }), 'my.json');
    expect(c.rules[0]).toMatchObject({ id: 'user/no-unfortunately', kind: 'risk', severity: 'warning', speaker: 'agent' });
    const ids = ruleSetFor(c)!.rules.map((r) => r.id);
    expect(ids).toContain('user/no-unfortunately');
    expect(ids).not.toContain('sympathy-from-outside');
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
    const rules = JSON.parse(r.stdout).results[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('user/no-unfortunately');
  });

  it('takes --config FILE, and a wrong one exits 2 naming the file and key', async () => {
    writeFileSync(path.join(dir, 'bad.json'), config({ rules: [rule({ category: 'anger' })] }));
    const r = await runCli(['score', 'call.txt', '--config', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: rules\[0\]\.category: "anger" is not a category/);
    const missing = await runCli(['score', 'call.txt', '--config', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: cannot read: no such file');
  });

  it('lists user rules in `etcscore rules --config`', async () => {
    writeFileSync(path.join(dir, 'good.json'), config({ rules: [rule()] }));
    const r = await runCli(['rules', '--format', 'json', '--config', 'good.json'], { cwd: dir });
    expect(JSON.parse(r.stdout).rules.map((x: { id: string }) => x.id)).toContain('user/no-unfortunately');
  });
});
