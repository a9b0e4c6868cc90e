// A configuration document → what it asks for, checked key by key. Patterns are token patterns
// (src/nlp/phrase/pattern.ts), never regular expressions, so matching stays linear whatever is written;
// a pattern that does not compile, or a rule that misses its own example, is reported here, when
// the file is read, not as a surprise in a QA report.
import { ALL_CATEGORIES, type Category, type FindingKind, type Severity } from '../../model/types.js';
import {
  BUILTIN_RULES, DEFAULT_DROPPED, RuleSet, USER_PREFIX, compilePattern, findingsOn, patternKey, unknownCondition, unknownExtractor, withConditions,
  type ConditionName, type DroppedContext, type Example, type ExtractorName, type RuleConditions, type RuleDef,
} from '../../rules/index.js';
import { PHRASE_CATEGORIES, type PhraseRule } from '../../nlp/lexicon/phrases.js';
import { startWords } from '../../nlp/phrase/pattern.js';
import { showPath, type Fail, type KeyPath } from './error.js';

export interface UserConfig {
  /** The file as messages name it: as given to --config, or relative to the working directory. */
  file: string;
  /** The user's own rules, ids prefixed with "user/". */
  rules: RuleDef[];
  /** Rule ids switched off (built-in ids, or the user's with their prefix). */
  disable: string[];
  /** More phrases for built-in rules, by rule id: found under that rule's id, message and category. */
  extend: Record<string, string[]>;
  /** Phrases no finding may overlap, whatever rule found it. */
  ignore: string[];
  /** More sentiment phrases (`extend.sentiment`): read with the built-in ones of src/nlp/lexicon/data/phrases.yaml. */
  sentiment: PhraseRule[];
}

/** The key of `extend` that adds sentiment phrases rather than a rule's: no rule has this id (a test holds it so). */
export const SENTIMENT_KEY = 'sentiment';
/** What a sentiment phrase entry has: the keys of src/nlp/lexicon/data/phrases.yaml. */
export const SENTIMENT_KEYS = ['category', 'weight', 'why', 'patterns'] as const;

/** The keys a config may have; schema/etcscorerc.schema.json lists the same (a test holds them together). */
export const TOP_KEYS = ['rules', 'disable', 'extend', 'ignore'] as const;
/**
 * A user's rule is written in the built-in rules' schema (src/rules/data/README.md), so a rule copied
 * from src/rules/data/*.yaml reads the same in a config; only `suggestion` (one wording) is a user's
 * shorthand, and what the built-in rules must give (docs, several wordings, examples) is optional.
 */
export const RULE_KEYS = [
  'id', 'category', 'kind', 'severity', 'speaker', 'title', 'description', 'why', 'source', 'message', 'suggestion', 'suggestions',
  'patterns', 'patternsFrom', 'conditions', 'unit', 'extract', 'examples',
] as const;
/** What a user's rule may say about context: the named conditions of src/rules/conditions.ts, and the engine's limits. */
export const CONDITION_KEYS = ['allow', 'when', 'unless', 'once', 'suppressedBy', 'yieldsTo'] as const;
/** `signal` only for a customer's rule (what a customer says is a signal whatever is written). */
const KINDS: FindingKind[] = ['strength', 'risk', 'signal'];
const ONCE = ['sentence', 'turn'] as const;
/** The documentation fields of a built-in rule, optional in a user's: shown by `etcscore rules` and `coach`. */
const DOC_KEYS = ['title', 'description', 'why', 'source'] as const;
const SEVERITIES: Severity[] = ['info', 'warning', 'error'];
const SPEAKERS = ['agent', 'customer'] as const;
/** Characters that only make sense in a regular expression. */
const REGEX_LIKE = /\\|\^|\$|\+|\?|\.\*|\.\+|\{\d/;

const show = (v: unknown) => JSON.stringify(v);
const BUILTIN_BY_ID = new Map(BUILTIN_RULES.map((r) => [r.id, r]));

export function validateConfig(doc: unknown, file: string, fail: Fail): UserConfig {
  if (doc === null || doc === undefined) doc = {}; // an empty YAML file: nothing configured
  if (!isObject(doc)) return fail([], `must be a mapping with any of ${TOP_KEYS.join(', ')}`);
  for (const key of Object.keys(doc)) if (!(TOP_KEYS as readonly string[]).includes(key)) fail([key], `unknown key (one of ${TOP_KEYS.join(', ')})`);

  const rules = doc.rules === undefined ? [] : Array.isArray(doc.rules) ? doc.rules.map((r, i) => userRule(r, ['rules', i], file, fail)) : fail(['rules'], 'must be a list of rules');
  const ids = new Set<string>();
  rules.forEach((r, i) => {
    if (ids.has(r.id)) fail(['rules', i, 'id'], `${show(r.id.slice(USER_PREFIX.length))} is used twice`);
    ids.add(r.id);
  });

  const disable = doc.disable === undefined ? [] : Array.isArray(doc.disable) ? doc.disable : fail(['disable'], 'must be a list of rule ids');
  const off = disable.map((id, i) => {
    if (typeof id !== 'string') return fail(['disable', i], 'must be a rule id');
    if (BUILTIN_BY_ID.has(id)) return id;
    const mine = id.startsWith(USER_PREFIX) ? id : USER_PREFIX + id;
    return ids.has(mine) ? mine : fail(['disable', i], `${show(id)} is not a rule id (see \`etcscore rules\`)`);
  });

  const { [SENTIMENT_KEY]: sentiment, ...extend } = isObject(doc.extend) ? doc.extend : {};
  return {
    file,
    rules,
    disable: off,
    extend: extensions(doc.extend === undefined || isObject(doc.extend) ? extend : doc.extend, fail),
    ignore: doc.ignore === undefined ? [] : patternList(doc.ignore, ['ignore'], fail),
    sentiment: sentiment === undefined ? [] : sentimentPhrases(sentiment, ['extend', SENTIMENT_KEY], fail),
  };
}

/**
 * `extend.sentiment`: entries as src/nlp/lexicon/data/phrases.yaml writes them (category, weight on
 * the AFINN scale, why, patterns), checked as the build checks those: a category of the list, a
 * weight from -5 to 5, a why, and patterns that compile, start with a word and are written once in
 * the list.
 */
function sentimentPhrases(raw: unknown, at: KeyPath, fail: Fail): PhraseRule[] {
  if (!Array.isArray(raw)) return fail(at, `must be a list of phrases, each { ${SENTIMENT_KEYS.join(', ')} }`);
  // Not against the built-in phrases: a phrase written as one of them is read with the user's weight instead.
  const seen = new Map<string, string>();
  return raw.flatMap((entry, i) => {
    const here = [...at, i];
    if (!isObject(entry)) return fail(here, `must be a phrase: { ${SENTIMENT_KEYS.join(', ')} }`);
    for (const key of Object.keys(entry)) if (!(SENTIMENT_KEYS as readonly string[]).includes(key)) fail([...here, key], `unknown key (one of ${SENTIMENT_KEYS.join(', ')})`);
    const category = oneOf(entry.category, PHRASE_CATEGORIES, [...here, 'category'], fail, 'neutral');
    if (entry.category === undefined) fail(here, `missing category (one of ${PHRASE_CATEGORIES.join(', ')})`);
    const weight = entry.weight;
    if (typeof weight !== 'number' || !(weight >= -5 && weight <= 5)) fail([...here, 'weight'], 'must be a number from -5 to 5 (the AFINN scale: -5 very negative, 0 neutral, 5 very positive)');
    const why = text(entry.why, [...here, 'why'], fail, true)!;
    const patterns = patternList(entry.patterns, [...here, 'patterns'], fail);
    patterns.forEach((p, k) => {
      const before = seen.get(patternKey(p));
      if (before !== undefined) fail([...here, 'patterns', k], `${show(p)} is already ${before}`);
      seen.set(patternKey(p), `a phrase at ${showPath([...here, 'patterns', k])}`);
      // Sentiment tries a phrase only at a word one may start with.
      if (!startWords(compilePattern(p))) fail([...here, 'patterns', k], `${show(p)} may start with any word: begin with words, a word list, or {quantity}, {ordinal}, {negator}, {day}, {time-unit}, {duration}`);
    });
    return patterns.map((pattern) => ({ pattern, weight: weight as number, why, category }));
  });
}

/** `extend: { <built-in rule id>: [patterns] }`: each id must be a built-in rule, each pattern new to it. */
function extensions(raw: unknown, fail: Fail): Record<string, string[]> {
  if (raw === undefined) return {};
  if (!isObject(raw)) return fail(['extend'], `must be a mapping of built-in rule ids to lists of patterns (and "${SENTIMENT_KEY}" to sentiment phrases)`);
  const out: Record<string, string[]> = {};
  for (const [id, value] of Object.entries(raw)) {
    const rule = BUILTIN_BY_ID.get(id);
    if (!rule) {
      const why = id.startsWith(USER_PREFIX) ? "only built-in rules are extended; add the patterns to your rule's own list" : 'see `etcscore rules`';
      fail(['extend', id], `${show(id)} is not a built-in rule id (${why})`);
    }
    // A rule that judges whole clauses has no phrases: more of them would be read by nothing.
    if (rule!.unit === 'clause') fail(['extend', id], `${show(id)} reads every clause whole, with no patterns, so it has none to extend; write your own rule of category ${rule!.category} instead`);
    const patterns = patternList(value, ['extend', id], fail);
    const known = new Set(rule!.patterns.map(patternKey));
    patterns.forEach((p, i) => {
      if (known.has(patternKey(p))) fail(['extend', id, i], `${show(p)} is already one of this rule's patterns`);
    });
    out[id] = patterns;
  }
  return out;
}

/**
 * A non-empty list of token patterns that each compile, none written twice (however it is spaced,
 * cased or apostrophed), as the build requires of the built-in rules.
 */
function patternList(raw: unknown, at: KeyPath, fail: Fail): string[] {
  const patterns = strings(raw, at, fail);
  if (patterns.length === 0) fail(at, 'must list at least one token pattern');
  const seen = new Map<string, number>();
  patterns.forEach((p, i) => {
    checkPattern(p, [...at, i], fail);
    const first = seen.get(patternKey(p));
    if (first !== undefined) fail([...at, i], `${show(p)} is written twice: it is the same pattern as [${first}]`);
    seen.set(patternKey(p), i);
  });
  return patterns;
}

function checkPattern(p: string, at: KeyPath, fail: Fail): void {
  if (REGEX_LIKE.test(p)) fail(at, `${show(p)} looks like a regular expression; use token patterns: words, [optional], (a|b), *, **, ~stem, {number}`);
  try {
    compilePattern(p);
  } catch (err) {
    fail(at, (err as Error).message);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], at: KeyPath, fail: Fail, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) fail(at, `${show(value)} is not ${String(at[at.length - 1])} (one of ${allowed.join(', ')})`);
  return value as T;
}

function text(value: unknown, at: KeyPath, fail: Fail, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '') fail(at, 'must be a non-empty string');
  return value as string;
}

function strings(value: unknown, at: KeyPath, fail: Fail): string[] {
  if (!Array.isArray(value)) return fail(at, 'must be a list of strings');
  value.forEach((v, i) => {
    if (typeof v !== 'string' || v.trim() === '') fail([...at, i], 'must be a non-empty string');
  });
  return value as string[];
}

function userRule(raw: unknown, at: KeyPath, file: string, fail: Fail): RuleDef {
  if (!isObject(raw)) return fail(at, 'must be a mapping');
  for (const key of Object.keys(raw)) if (!(RULE_KEYS as readonly string[]).includes(key)) fail([...at, key], `unknown key (one of ${RULE_KEYS.join(', ')})`);
  const id = text(raw.id, [...at, 'id'], fail, true)!;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail([...at, 'id'], `${show(id)} must be lower-case letters, digits and hyphens`);
  const category = raw.category as Category;
  if (typeof raw.category !== 'string' || !ALL_CATEGORIES.includes(category)) {
    fail([...at, 'category'], `${show(raw.category)} is not a category (one of ${ALL_CATEGORIES.join(', ')})`);
  }
  const patterns = rulePatterns(raw, at, fail);
  const message = text(raw.message, [...at, 'message'], fail, true)!;
  const docs: Partial<Record<(typeof DOC_KEYS)[number], string>> = {};
  for (const key of DOC_KEYS) {
    const value = text(raw[key], [...at, key], fail, false);
    if (value !== undefined) docs[key] = value;
  }
  const suggestion = text(raw.suggestion, [...at, 'suggestion'], fail, false);
  // `suggestions` (a list, best first) as built-in rules write it; `suggestion` alone still works.
  const suggestions = raw.suggestions === undefined ? undefined : strings(raw.suggestions, [...at, 'suggestions'], fail);
  if (suggestion !== undefined && suggestions !== undefined) fail([...at, 'suggestions'], 'give better wordings either as "suggestion" or as the list "suggestions", not both');
  const better = suggestions ?? (suggestion !== undefined ? [suggestion] : []);
  const speaker = oneOf(raw.speaker, SPEAKERS, [...at, 'speaker'], fail, 'agent');
  const kind = oneOf(raw.kind, KINDS, [...at, 'kind'], fail, 'risk');
  if (kind === 'signal' && speaker !== 'customer') fail([...at, 'kind'], '"signal" is for a customer\'s rule (speaker: customer): an agent\'s words are a strength or a risk');
  const extract = raw.extract === undefined ? undefined : extractorOf(raw.extract, [...at, 'extract'], fail);
  const rule: RuleDef = {
    id: USER_PREFIX + id,
    category,
    // What a customer says is a signal, whatever kind is written: the catalogue shows what the findings are.
    kind: speaker === 'customer' ? 'signal' : kind,
    severity: oneOf(raw.severity, SEVERITIES, [...at, 'severity'], fail, 'warning'),
    speaker,
    title: docs.title ?? id,
    description: docs.description ?? message,
    why: docs.why ?? message,
    source: docs.source ?? file,
    declaredIn: file,
    message,
    ...(better.length ? { suggestion: better[0] } : {}),
    ...(suggestions?.length ? { suggestions } : {}),
    patterns,
    ...(raw.unit === 'clause' ? { unit: 'clause' as const } : {}),
    examples: examples(raw.examples, [...at, 'examples'], fail),
  };
  const conditions = raw.conditions === undefined ? undefined : conditionsOf(raw.conditions, [...at, 'conditions'], fail);
  if (conditions !== undefined || extract !== undefined) withConditions(rule, conditions, extract);
  const listOnly = Array.isArray(raw.examples);
  // Patterns read from another rule are exercised by that rule's examples, as the build checks them.
  const patternsAt = raw.patternsFrom === undefined ? [...at, 'patterns'] : undefined;
  checkExamples(rule, listOnly ? [...at, 'examples'] : [...at, 'examples', 'match'], [...at, 'examples', 'noMatch'], patternsAt, fail);
  return rule;
}

/**
 * A rule's patterns, as the built-in rules write them: a list (an entry may be `{ name, pattern }`,
 * as a built-in rule names a pattern its code reads), or `patternsFrom: <built-in rule id>` to read
 * that rule's, or none with `unit: clause` (the rule judges every clause whole).
 */
function rulePatterns(raw: Record<string, unknown>, at: KeyPath, fail: Fail): string[] {
  if (raw.unit !== undefined && raw.unit !== 'clause') fail([...at, 'unit'], `${show(raw.unit)} is not unit (the one unit is "clause")`);
  if (raw.patternsFrom !== undefined) {
    if (raw.patterns !== undefined) fail([...at, 'patterns'], 'a rule with "patternsFrom" reads that rule\'s patterns and lists none of its own');
    const from = BUILTIN_BY_ID.get(typeof raw.patternsFrom === 'string' ? raw.patternsFrom : '');
    if (!from || from.unit === 'clause') fail([...at, 'patternsFrom'], `${show(raw.patternsFrom)} is not a built-in rule with patterns (see \`etcscore rules\`)`);
    return [...from!.patterns];
  }
  if (raw.unit === 'clause') {
    if (raw.patterns !== undefined && !(Array.isArray(raw.patterns) && raw.patterns.length === 0)) fail([...at, 'patterns'], 'a rule with "unit: clause" reads whole clauses and lists no patterns ("patterns: []")');
    return [];
  }
  const list = Array.isArray(raw.patterns) ? raw.patterns.map((p) => (isObject(p) && 'pattern' in p ? p.pattern : p)) : raw.patterns;
  return patternList(list, [...at, 'patterns'], fail);
}

function extractorOf(raw: unknown, at: KeyPath, fail: Fail): ExtractorName {
  const why = typeof raw === 'string' ? unknownExtractor(raw) : 'must be the name of an extractor';
  if (why) fail(at, why);
  return raw as ExtractorName;
}

/**
 * `conditions: { allow, when, unless }`, each a list of condition names: the same names, and the same
 * meaning, as the built-in rules' (src/rules/data/README.md). An unknown name is reported on its line.
 */
function conditionsOf(raw: unknown, at: KeyPath, fail: Fail): RuleConditions {
  if (!isObject(raw)) return fail(at, `must be a mapping of ${CONDITION_KEYS.join(', ')}`);
  for (const key of Object.keys(raw)) if (!(CONDITION_KEYS as readonly string[]).includes(key)) fail([...at, key], `unknown key (one of ${CONDITION_KEYS.join(', ')})`);
  const dropped = DEFAULT_DROPPED as readonly string[];
  const out: RuleConditions = {};
  for (const key of ['allow', 'when', 'unless'] as const) {
    if (raw[key] === undefined) continue;
    const names = strings(raw[key], [...at, key], fail);
    names.forEach((name, i) => {
      const why =
        unknownCondition(name) ??
        (key === 'allow' && !dropped.includes(name) ? `${show(name)} is not dropped by default, so there is nothing to allow (allow lists ${dropped.join(', ')})` : undefined) ??
        (key === 'unless' && dropped.includes(name) ? `${show(name)} matches are dropped already; list it under "allow" to keep them` : undefined);
      if (why) fail([...at, key, i], why);
    });
    if (key === 'allow') out.allow = names as DroppedContext[];
    else out[key] = names as ConditionName[];
  }
  if (raw.once !== undefined) out.once = oneOf(raw.once, ONCE, [...at, 'once'], fail, 'turn');
  for (const key of ['suppressedBy', 'yieldsTo'] as const) {
    if (raw[key] === undefined) continue;
    const names = strings(raw[key], [...at, key], fail);
    names.forEach((name, i) => {
      if (!ALL_CATEGORIES.includes(name as Category)) fail([...at, key, i], `${show(name)} is not a category (one of ${ALL_CATEGORIES.join(', ')})`);
    });
    out[key] = names as Category[];
  }
  return out;
}

/** Examples as a list of utterances the rule must find, or { match, noMatch }; an utterance may be `{ context, text }` as the built-in rules write one. */
function examples(raw: unknown, at: KeyPath, fail: Fail): RuleDef['examples'] {
  if (raw === undefined) return { match: [], noMatch: [] };
  if (Array.isArray(raw)) return { match: exampleList(raw, at, fail), noMatch: [] };
  if (!isObject(raw)) return fail(at, 'must be a list of utterances or { match: [...], noMatch: [...] }');
  for (const k of Object.keys(raw)) if (k !== 'match' && k !== 'noMatch') fail([...at, k], 'unknown key (one of match, noMatch)');
  return {
    match: raw.match === undefined ? [] : exampleList(raw.match, [...at, 'match'], fail),
    noMatch: raw.noMatch === undefined ? [] : exampleList(raw.noMatch, [...at, 'noMatch'], fail),
  };
}

/** Utterances, or `{ context: [{ role, text }], text }` for a rule that reads earlier turns. */
function exampleList(raw: unknown, at: KeyPath, fail: Fail): Example[] {
  if (!Array.isArray(raw)) return fail(at, 'must be a list of utterances');
  return raw.map((e, i): Example => {
    if (typeof e === 'string' && e.trim() !== '') return e;
    if (!isObject(e)) return fail([...at, i], 'must be a non-empty string, or { context: [{ role, text }], text }');
    for (const k of Object.keys(e)) if (k !== 'context' && k !== 'text') fail([...at, i, k], 'unknown key (one of context, text)');
    const said = text(e.text, [...at, i, 'text'], fail, true)!;
    if (!Array.isArray(e.context)) return fail([...at, i, 'context'], 'must be a list of the turns said before: { role, text }');
    const context = e.context.map((t, k) => {
      if (!isObject(t)) return fail([...at, i, 'context', k], 'must be a turn: { role, text }');
      if (t.role === undefined) fail([...at, i, 'context', k], `must say whose turn it is: role (one of ${SPEAKERS.join(', ')})`);
      return { role: oneOf(t.role, SPEAKERS, [...at, i, 'context', k, 'role'], fail, 'agent'), text: text(t.text, [...at, i, 'context', k, 'text'], fail, true)! };
    });
    return { context, text: said };
  });
}

/**
 * A user's examples are tests: a rule that misses its own example is reported now, not in a QA
 * report. Checked as the rule runs alone, or, when it yields to other findings (suppressedBy,
 * yieldsTo), beside the built-in rules of the categories it yields to.
 */
function checkExamples(rule: RuleDef, matchAt: KeyPath, noMatchAt: KeyPath, patternsAt: KeyPath | undefined, fail: Fail): void {
  const read = new Set([...(rule.suppressedBy ?? []), ...(rule.yieldsTo ?? [])]);
  const others = read.size > 0 ? BUILTIN_RULES.filter((r) => read.has(r.category)) : [];
  const set = new RuleSet([...others, rule]);
  const finds = (e: Example, rules = set) => findingsOn(rules, rule.id, rule.speaker, e).length > 0;
  const quote = (e: Example) => show(typeof e === 'string' ? e : e.text);
  rule.examples.match.forEach((e, i) => {
    if (!finds(e)) fail([...matchAt, i], `${quote(e)} is not found by this rule's patterns`);
  });
  rule.examples.noMatch.forEach((e, i) => {
    if (finds(e)) fail([...noMatchAt, i], `${quote(e)} is found by this rule, but is listed as a near-miss`);
  });
  // Each pattern alone, as the build checks the built-in rules: one that finds none of the examples is untested.
  const match = rule.examples.match;
  if (match.length === 0 || patternsAt === undefined) return;
  rule.patterns.forEach((p, i) => {
    const alone = new RuleSet([...others, { ...rule, patterns: [p] }]);
    if (!match.some((e) => finds(e, alone))) fail([...patternsAt, i], `${show(p)} finds none of this rule's examples: add an example it finds, or drop it`);
  });
}
