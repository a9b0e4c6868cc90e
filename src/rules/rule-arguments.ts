// `new RuleSet(rules, options)` is exported by the library: a caller's rule list is checked, field
// by field as the engine reads it, and a wrong one is a TypeError naming it
// (`RuleSet: rules[2].severity must be one of info, warning, error (got "fatal")`), instead of an
// error from inside the engine now or, for a field read only at a match, a wrong finding later.
import { ALL_CATEGORIES } from '../model/types.js';
import { PHRASE_CATEGORIES } from '../nlp/lexicon/phrase-rule.js';
import type { RuleSetOptions } from './engine.js';
import type { RuleDef } from './types.js';

const shown = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : typeof v === 'object' ? 'an object' : typeof v;

function fail(name: string, what: string, v: unknown): never {
  throw new TypeError(`RuleSet: ${name} must be ${what} (got ${shown(v)})`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list with no holes: every index read is an own element. */
function list(name: string, v: unknown): readonly unknown[] {
  if (!Array.isArray(v)) fail(name, 'an array', v);
  for (let i = 0; i < v.length; i++) if (!Object.hasOwn(v, i)) fail(`${name}[${i}]`, 'a value (the array has a hole)', undefined);
  return v;
}

function oneOf(name: string, v: unknown, values: readonly string[]): void {
  // includes, not a lookup in an object: "constructor" or "toString" is no severity.
  if (typeof v !== 'string' || !values.includes(v)) fail(name, `one of ${values.join(', ')}`, v);
}

function strings(name: string, v: unknown): void {
  list(name, v).forEach((s, i) => typeof s === 'string' || fail(`${name}[${i}]`, 'a string', s));
}

function optional(rule: Record<string, unknown>, key: string, check: (name: string, v: unknown) => void, name: string): void {
  if (rule[key] !== undefined) check(`${name}.${key}`, rule[key]);
}

const string = (name: string, v: unknown) => typeof v === 'string' || fail(name, 'a string', v);
const flag = (name: string, v: unknown) => typeof v === 'boolean' || fail(name, 'true or false', v);

function checkRule(name: string, rule: unknown): void {
  if (!isRecord(rule)) fail(name, 'a rule object', rule);
  if (typeof rule.id !== 'string' || rule.id === '') fail(`${name}.id`, 'a non-empty string', rule.id);
  oneOf(`${name}.speaker`, rule.speaker, ['agent', 'customer']);
  oneOf(`${name}.kind`, rule.kind, ['strength', 'risk', 'signal']);
  oneOf(`${name}.severity`, rule.severity, ['info', 'warning', 'error']);
  oneOf(`${name}.category`, rule.category, ALL_CATEGORIES);
  string(`${name}.message`, rule.message);
  strings(`${name}.patterns`, rule.patterns);
  optional(rule, 'messageId', string, name);
  optional(rule, 'suggestion', string, name);
  optional(rule, 'allowNegated', flag, name);
  optional(rule, 'allowQuestion', flag, name);
  optional(rule, 'allowQuoted', flag, name);
  optional(rule, 'once', (n, v) => oneOf(n, v, ['sentence', 'turn']), name);
  optional(rule, 'unit', (n, v) => oneOf(n, v, ['clause']), name);
  optional(rule, 'suppressedBy', (n, v) => list(n, v).forEach((c, i) => oneOf(`${n}[${i}]`, c, ALL_CATEGORIES)), name);
  optional(rule, 'yieldsTo', (n, v) => list(n, v).forEach((c, i) => oneOf(`${n}[${i}]`, c, ALL_CATEGORIES)), name);
  optional(rule, 'weight', (n, v) => Number.isFinite(v) || fail(n, 'a finite number', v), name);
  optional(rule, 'check', (n, v) => typeof v === 'function' || fail(n, 'a function', v), name);
}

/** Throws a TypeError naming the first argument, rule or field of `new RuleSet(rules, options)` that is wrong. */
export function checkRuleSetArguments(rules: unknown, options: unknown): asserts rules is readonly RuleDef[] {
  list('rules', rules).forEach((rule, i) => checkRule(`rules[${i}]`, rule));
  if (!isRecord(options)) fail('options', 'an object', options);
  for (const key of Object.keys(options)) if (key !== 'ignore' && key !== 'sentiment') throw new TypeError(`RuleSet: options.${key} is not an option (known: ignore, sentiment)`);
  const o = options as RuleSetOptions & Record<string, unknown>;
  if (o.ignore !== undefined) strings('options.ignore', o.ignore);
  if (o.sentiment !== undefined)
    list('options.sentiment', o.sentiment).forEach((p, i) => {
      const name = `options.sentiment[${i}]`;
      if (!isRecord(p)) fail(name, 'a phrase object', p);
      string(`${name}.pattern`, p.pattern);
      if (!Number.isFinite(p.weight)) fail(`${name}.weight`, 'a finite number', p.weight);
      oneOf(`${name}.category`, p.category, PHRASE_CATEGORIES);
    });
}
