// A user's own phrase rules and switched-off rules, from .etcscorerc.json in the current directory
// or --config FILE. Patterns are token patterns (src/rules/pattern.ts), never regular expressions,
// so matching stays linear whatever is written. Every mistake is reported as "file: key: why".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_CATEGORIES, type Category, type FindingKind, type Severity, type Transcript } from '../model/types.js';
import { textFeatures } from '../nlp/features.js';
import { BUILTIN_RULES, RuleSet, compilePattern, type RuleDef } from '../rules/index.js';
import { UsageError } from './exit.js';

export const CONFIG_FILE = '.etcscorerc.json';
/** Findings of a user's rule carry this before its id, so they never pass for built-in ones. */
export const USER_PREFIX = 'user/';

export class ConfigError extends UsageError {}

export interface UserConfig {
  /** The file as the user named it (or CONFIG_FILE), for messages. */
  file: string;
  rules: RuleDef[];
  disable: string[];
}

const TOP_KEYS = ['rules', 'disable'];
const RULE_KEYS = ['id', 'category', 'kind', 'severity', 'speaker', 'patterns', 'message', 'suggestion', 'examples'];
const KINDS: FindingKind[] = ['strength', 'risk'];
const SEVERITIES: Severity[] = ['info', 'warning', 'error'];
const SPEAKERS = ['agent', 'customer'] as const;
/** Characters that only make sense in a regular expression. */
const REGEX_LIKE = /\\|\^|\$|\+|\?|\.\*|\.\+|\{\d/;

const show = (v: unknown) => JSON.stringify(v);

/**
 * The configuration in effect: the --config file when given (it must exist), else .etcscorerc.json
 * in `cwd` when there is one, else none.
 */
export function loadConfig(cwd: string, explicit?: string): UserConfig | undefined {
  const file = explicit ?? CONFIG_FILE;
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') return undefined;
    throw new ConfigError(`${file}: cannot read: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  return parseConfig(text, file);
}

export function parseConfig(text: string, file: string): UserConfig {
  const fail = (key: string, why: string): never => {
    throw new ConfigError(`${file}: ${key ? `${key}: ` : ''}${why}`);
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return fail('', `not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(doc)) return fail('', 'must be a JSON object with "rules" and/or "disable"');
  for (const key of Object.keys(doc)) if (!TOP_KEYS.includes(key)) fail(key, `unknown key (one of ${TOP_KEYS.join(', ')})`);

  const rules = doc.rules === undefined ? [] : Array.isArray(doc.rules) ? doc.rules.map((r, i) => userRule(r, `rules[${i}]`, file, fail)) : fail('rules', 'must be an array of rules');
  const ids = new Set<string>();
  rules.forEach((r, i) => {
    if (ids.has(r.id)) fail(`rules[${i}].id`, `${show(r.id.slice(USER_PREFIX.length))} is used twice`);
    ids.add(r.id);
  });

  const known = new Set(BUILTIN_RULES.map((r) => r.id));
  const disable = doc.disable === undefined ? [] : Array.isArray(doc.disable) ? doc.disable : fail('disable', 'must be an array of rule ids');
  const off = disable.map((id, i) => {
    if (typeof id !== 'string') return fail(`disable[${i}]`, 'must be a rule id string');
    if (known.has(id)) return id;
    const mine = id.startsWith(USER_PREFIX) ? id : USER_PREFIX + id;
    return ids.has(mine) ? mine : fail(`disable[${i}]`, `${show(id)} is not a rule id (see \`etcscore rules\`)`);
  });
  return { file, rules, disable: off };
}

type Fail = (key: string, why: string) => never;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], key: string, fail: Fail, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) fail(key, `${show(value)} is not ${key.split('.').pop()} (one of ${allowed.join(', ')})`);
  return value as T;
}

function text(value: unknown, key: string, fail: Fail, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '') fail(key, 'must be a non-empty string');
  return value as string;
}

function strings(value: unknown, key: string, fail: Fail): string[] {
  if (!Array.isArray(value)) return fail(key, 'must be an array of strings');
  value.forEach((v, i) => {
    if (typeof v !== 'string' || v.trim() === '') fail(`${key}[${i}]`, 'must be a non-empty string');
  });
  return value as string[];
}

function userRule(raw: unknown, at: string, file: string, fail: Fail): RuleDef {
  if (!isObject(raw)) return fail(at, 'must be an object');
  for (const key of Object.keys(raw)) if (!RULE_KEYS.includes(key)) fail(`${at}.${key}`, `unknown key (one of ${RULE_KEYS.join(', ')})`);
  const id = text(raw.id, `${at}.id`, fail, true)!;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail(`${at}.id`, `${show(id)} must be lower-case letters, digits and hyphens`);
  const category = raw.category as Category;
  if (typeof raw.category !== 'string' || !ALL_CATEGORIES.includes(category)) {
    fail(`${at}.category`, `${show(raw.category)} is not a category (one of ${ALL_CATEGORIES.join(', ')})`);
  }
  const patterns = strings(raw.patterns, `${at}.patterns`, fail);
  if (patterns.length === 0) fail(`${at}.patterns`, 'must list at least one token pattern');
  patterns.forEach((p, i) => {
    if (REGEX_LIKE.test(p)) fail(`${at}.patterns[${i}]`, `${show(p)} looks like a regular expression; use token patterns: words, [optional], (a|b), *, **, ~stem, {number}`);
    try {
      compilePattern(p);
    } catch (err) {
      fail(`${at}.patterns[${i}]`, (err as Error).message);
    }
  });
  const message = text(raw.message, `${at}.message`, fail, true)!;
  const suggestion = text(raw.suggestion, `${at}.suggestion`, fail, false);
  const rule: RuleDef = {
    id: USER_PREFIX + id,
    category,
    kind: oneOf(raw.kind, KINDS, `${at}.kind`, fail, 'risk'),
    severity: oneOf(raw.severity, SEVERITIES, `${at}.severity`, fail, 'warning'),
    speaker: oneOf(raw.speaker, SPEAKERS, `${at}.speaker`, fail, 'agent'),
    title: id,
    description: message,
    why: message,
    source: file,
    message,
    ...(suggestion ? { suggestion } : {}),
    patterns,
    examples: examples(raw.examples, `${at}.examples`, fail),
  };
  const listOnly = Array.isArray(raw.examples);
  checkExamples(rule, listOnly ? `${at}.examples` : `${at}.examples.match`, `${at}.examples.noMatch`, fail);
  return rule;
}

/** Examples as a list of utterances the rule must find, or { match, noMatch }. */
function examples(raw: unknown, key: string, fail: Fail): RuleDef['examples'] {
  if (raw === undefined) return { match: [], noMatch: [] };
  if (Array.isArray(raw)) return { match: strings(raw, key, fail), noMatch: [] };
  if (!isObject(raw)) return fail(key, 'must be an array of utterances or { "match": [...], "noMatch": [...] }');
  for (const k of Object.keys(raw)) if (k !== 'match' && k !== 'noMatch') fail(`${key}.${k}`, 'unknown key (one of match, noMatch)');
  return {
    match: raw.match === undefined ? [] : strings(raw.match, `${key}.match`, fail),
    noMatch: raw.noMatch === undefined ? [] : strings(raw.noMatch, `${key}.noMatch`, fail),
  };
}

/** A user's examples are tests: a rule that misses its own example is reported now, not in a QA report. */
function checkExamples(rule: RuleDef, matchKey: string, noMatchKey: string, fail: Fail): void {
  const set = new RuleSet([rule]);
  const finds = (utterance: string) => {
    const turn = { index: 0, role: rule.speaker, speaker: rule.speaker, text: utterance };
    const t: Transcript = { id: 'example', source: 'example', channel: 'unknown', turns: [turn], meta: {} };
    return set.run(t, [{ turn, features: textFeatures(utterance) }]).length > 0;
  };
  rule.examples.match.forEach((e, i) => {
    if (typeof e === 'string' && !finds(e)) fail(`${matchKey}[${i}]`, `${show(e)} is not found by this rule's patterns`);
  });
  rule.examples.noMatch.forEach((e, i) => {
    if (typeof e === 'string' && finds(e)) fail(`${noMatchKey}[${i}]`, `${show(e)} is found by this rule, but is listed as a near-miss`);
  });
}

/** The rules to run: the built-in catalogue less what is disabled, plus the user's rules. */
export function ruleSetFor(config: UserConfig | undefined): RuleSet | undefined {
  if (!config) return undefined;
  const off = new Set(config.disable);
  return new RuleSet([...BUILTIN_RULES.filter((r) => !off.has(r.id)), ...config.rules.filter((r) => !off.has(r.id))]);
}

/** The catalogue a reader sees with this configuration: what will actually run. */
export function catalogueFor(config: UserConfig | undefined): readonly RuleDef[] {
  return ruleSetFor(config)?.rules ?? BUILTIN_RULES;
}
