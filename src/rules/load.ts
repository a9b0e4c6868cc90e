// Reads rules written as YAML (src/rules/data/*.yaml; a user's rules later) into RuleData, checking
// every key and value as it goes, and keeps the line of each part of a rule so that the checks run
// after reading (hygiene.ts) can name it too. Every problem names its file and line. Only the
// build and the tests load this module: start-up reads rules the build already compiled.
import { LineCounter, Scalar, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { ALL_CATEGORIES, type Category } from '../model/types.js';
import { DEFAULT_DROPPED, unknownCondition, type ConditionName, type DroppedContext } from './conditions.js';
import { unknownExtractor, type ExtractorName } from './extractors.js';
import { CLASS_NAMES, compilePattern, PatternError } from '../nlp/phrase/pattern.js';
import type { RuleConditions, RuleData } from './rule-data.js';
import type { Example } from './types.js';

export interface RuleProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** The rule's id, when the problem is in a rule that has one. */
  rule?: string;
  message: string;
}

export const formatProblem = (p: RuleProblem): string => `${p.file}:${p.line}: ${p.rule ? `${p.rule}: ` : ''}${p.message}`;

export class RuleDataError extends Error {
  constructor(readonly problems: readonly RuleProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** Where the parts of a rule stand in its file. */
export interface RuleLines {
  rule: number;
  patterns: number[];
  match: number[];
  noMatch: number[];
}

export interface LoadedRule {
  data: RuleData;
  file: string;
  lines: RuleLines;
}

const RULE_KEYS = ['id', 'category', 'kind', 'severity', 'speaker', 'title', 'description', 'why', 'source', 'message', 'suggestions', 'patterns', 'patternsFrom', 'conditions', 'unit', 'extract', 'examples'];
/** Without these a rule cannot be documented (docs/rules.md, `etcscore rules`). */
const DOC_KEYS = ['title', 'description', 'why', 'source', 'message'] as const;
const CONDITION_KEYS = ['allow', 'when', 'unless', 'once', 'suppressedBy', 'yieldsTo'];
const EXAMPLE_KEYS = ['match', 'noMatch'];
/** `signal`: what a customer shows (a customer rule's findings are signals whatever it declares). */
const KINDS = ['strength', 'risk', 'signal'] as const;
/** `clause`: the rule judges every clause whole, with no patterns (src/rules/types.ts). */
const UNITS = ['clause'] as const;
const SEVERITIES = ['info', 'warning', 'error'] as const;
const SPEAKERS = ['agent', 'customer'] as const;
const ONCE = ['sentence', 'turn'] as const;

/** Typographic apostrophes and the characters mistaken for them. */
const CURLY = /[\u2018\u2019\u02BC`\u00B4]/;
/** What only a regular expression would contain: patterns are token patterns (src/nlp/phrase/pattern.ts). */
const REGEX_LIKE = /\\|\^|\$|\.\*|\.\+|\+|\?|\{\d/;

/** Named word lists (or phrase sets) as a file declares them, and the line each name stands on. */
export interface WordListFile {
  lists: Record<string, string[]>;
  lines: Record<string, number>;
  /** The line of each entry, by list name. */
  entryLines: Record<string, number[]>;
}

/** What a named list holds: plain words (src/rules/data/lists/) or token patterns (src/rules/data/phrases/). */
export type ListEntries = 'words' | 'patterns';

/**
 * Reads one YAML file of named lists (`name: [entry, ...]`), adding what is wrong to the problems:
 * a name that is not kebab-case, an empty list, an entry twice in one list, a curly apostrophe, and
 * an entry that is not plain words (word lists, src/rules/data/lists/) or not a token pattern
 * (phrase sets, src/rules/data/phrases/; their patterns may name word lists, defined before).
 */
export function readWordListFile(text: string, file: string, holds: ListEntries = 'words'): WordListFile & { problems: RuleProblem[] } {
  const what = holds === 'words' ? 'word list' : 'phrase set';
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const out: WordListFile & { problems: RuleProblem[] } = { lists: {}, lines: {}, entryLines: {}, problems: [] };
  const problem = (pos: number | undefined, message: string) => out.problems.push({ file, line: lineOf(pos), message });
  const lineOf = (pos: number | undefined) => (pos === undefined ? 1 : lineCounter.linePos(pos).line);
  const err = doc.errors[0];
  if (err) return problem(err.pos[0], `not valid YAML: ${err.message.split('\n')[0]}`), out;
  if (!isMap(doc.contents)) return problem(0, `a ${what.replace(' ', '-')} file is a map of ${what === 'word list' ? 'list' : 'set'} names to lists of ${holds === 'words' ? 'words' : 'token patterns'}`), out;
  for (const item of doc.contents.items) {
    const name = isScalar(item.key) ? String(item.key.value) : '';
    const at = (item.key as Node | null)?.range?.[0];
    if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(name)) {
      problem(at, holds === 'words' ? `word list "${name}": a name is kebab-case, as patterns write it in braces ("{feeling}")` : `phrase set "${name}": a name is kebab-case, as code names it`);
      continue;
    }
    if (holds === 'words' && CLASS_NAMES.includes(name)) {
      problem(at, `word list "${name}": the name of a token class ({${name}} is a class, not a list)`);
      continue;
    }
    if (!isSeq(item.value) || item.value.items.length === 0) {
      problem(at, `${what} "${name}": give a non-empty list of ${holds === 'words' ? 'words or phrases' : 'token patterns'}`);
      continue;
    }
    const seen = new Set<string>();
    const entries: string[] = [];
    const lines: number[] = [];
    for (const e of item.value.items) {
      const pos = (e as Node).range?.[0];
      const entry = isScalar(e) ? String(e.value).trim().toLowerCase() : '';
      const wrong = CURLY.test(entry) ? `"${entry}" has a curly apostrophe: write the straight '` : holds === 'words' ? notPlainWords(entry) : notAPattern(entry);
      if (wrong) problem(pos, `${what} "${name}": ${wrong}`);
      else if (seen.has(entry)) problem(pos, `${what} "${name}": "${entry}" is in the list twice`);
      else {
        seen.add(entry);
        entries.push(entry);
        lines.push(lineOf(pos));
      }
    }
    out.lists[name] = entries;
    out.lines[name] = lineOf(at);
    out.entryLines[name] = lines;
  }
  return out;
}

const notPlainWords = (entry: string): string | undefined =>
  /^[a-z0-9'&-]+(?: [a-z0-9'&-]+)*$/.test(entry) ? undefined : `"${entry}" is not plain words (no brackets, bars or wildcards)`;

function notAPattern(entry: string): string | undefined {
  if (REGEX_LIKE.test(entry)) return `"${entry}" looks like a regular expression: write a token pattern (words, [optional], (a|b), *, **, ~stem, {list})`;
  try {
    compilePattern(entry);
    return undefined;
  } catch (err) {
    if (!(err instanceof PatternError)) throw err;
    return err.message;
  }
}

/** Reads one YAML file holding a list of rules. */
export function readRuleFile(text: string, file: string): { rules: LoadedRule[]; problems: RuleProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: RuleProblem[] = [];
  // The first error only: the ones after it are mostly the parser losing its way.
  const err = doc.errors[0];
  if (err) return { rules: [], problems: [{ file, line: lineCounter.linePos(err.pos[0]).line, message: `not valid YAML: ${err.message.split('\n')[0]}` }] };
  return { rules: readRules(doc.contents, file, lineCounter, problems), problems };
}

/**
 * Reads a list of rules from a node of a YAML document parsed with `lineCounter`, adding what is
 * wrong to `problems`: for a file that holds rules under a key (a user's configuration).
 */
export function readRules(node: Node | null, file: string, lineCounter: LineCounter, problems: RuleProblem[]): LoadedRule[] {
  return new Reader(file, lineCounter, problems).ruleList(node);
}

/** A key of a YAML map and its value, as written (for their lines). */
interface Entry {
  key: Node;
  value: Node | null;
}

class Reader {
  /** The id of the rule being read, for messages. */
  private rule: string | undefined;

  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
    private readonly problems: RuleProblem[],
  ) {}

  line(node: Node | null | undefined, fallback = 1): number {
    const offset = node?.range?.[0];
    return offset === undefined ? fallback : this.lines.linePos(offset).line;
  }

  problem(line: number, message: string): void {
    this.problems.push({ file: this.file, line, ...(this.rule ? { rule: this.rule } : {}), message });
  }

  ruleList(node: Node | null): LoadedRule[] {
    if (!isSeq(node)) {
      this.problem(this.line(node), 'expected a list of rules ("- id: …")');
      return [];
    }
    const rules: LoadedRule[] = [];
    for (const item of node.items as Array<Node | null>) {
      const rule = this.ruleOf(item);
      if (rule) rules.push(rule);
    }
    return rules;
  }

  /** A map's entries by key, reporting keys outside `allowed`. */
  private entries(map: YAMLMap, allowed: readonly string[], what: string): Map<string, Entry> {
    const out = new Map<string, Entry>();
    for (const pair of map.items) {
      const key = pair.key as Node;
      const name = isScalar(key) ? String(key.value) : '';
      if (!allowed.includes(name)) {
        const hint = name === 'suggestion' ? '; write better wordings as a list under "suggestions"' : '';
        this.problem(this.line(key), `unknown key "${name}" in ${what} (one of ${allowed.join(', ')})${hint}`);
        continue;
      }
      out.set(name, { key, value: pair.value as Node | null });
    }
    return out;
  }

  private ruleOf(node: Node | null): LoadedRule | undefined {
    this.rule = undefined;
    const at = this.line(node);
    if (!isMap(node)) {
      this.problem(at, 'expected a rule: a map of id, category, kind, …');
      return undefined;
    }
    const idNode = node.get('id', true) as Node | undefined;
    if (isScalar(idNode) && typeof idNode.value === 'string') this.rule = idNode.value;
    const before = this.problems.length;
    const e = this.entries(node, RULE_KEYS, 'a rule');
    const str = (key: string) => this.string(e.get(key), key, at);

    const id = str('id');
    if (id !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) this.problem(this.line(e.get('id')?.value), `id "${id}" must be kebab-case: lower-case letters and digits joined by hyphens`);
    const category = this.oneOf(e.get('category'), 'category', ALL_CATEGORIES, at);
    const kind = this.oneOf(e.get('kind'), 'kind', KINDS, at);
    const severity = this.oneOf(e.get('severity'), 'severity', SEVERITIES, at);
    const speaker = this.oneOf(e.get('speaker'), 'speaker', SPEAKERS, at);
    const docs = Object.fromEntries(DOC_KEYS.map((k) => [k, str(k)])) as Record<(typeof DOC_KEYS)[number], string | undefined>;
    const suggestions = e.has('suggestions') ? this.strings(e.get('suggestions')!, 'suggestions') : undefined;
    // Several, as retext-equality gives: one wording, copied word for word, becomes the new stock phrase.
    if (kind === 'risk' && (suggestions?.items.length ?? 0) < 2) this.problem(suggestions ? this.line(e.get('suggestions')!.key) : at, 'a risk needs "suggestions": at least two better wordings, best first');
    if (kind === 'signal' && speaker !== undefined && speaker !== 'customer') this.problem(this.line(e.get('kind')?.value), 'kind "signal" is for customer rules: an agent\'s words are a strength or a risk');
    // A rule that reads another rule's patterns writes none of its own: the build copies them.
    const patternsFrom = e.has('patternsFrom') ? str('patternsFrom') : undefined;
    if (patternsFrom !== undefined && e.has('patterns')) this.problem(this.line(e.get('patterns')!.key), 'a rule with "patternsFrom" reads that rule\'s patterns and lists none of its own');
    const unit = e.has('unit') ? this.oneOf(e.get('unit'), 'unit', UNITS, at) : undefined;
    const patterns = patternsFrom !== undefined ? { items: [] as string[], lines: [] as number[], names: {} } : this.patterns(e.get('patterns'), at, unit === 'clause');
    const extract = e.has('extract') ? str('extract') : undefined;
    if (extract !== undefined) {
      const why = unknownExtractor(extract);
      if (why) this.problem(this.line(e.get('extract')!.value), `extract: ${why}`);
    }
    const conditions = e.has('conditions') ? this.conditions(e.get('conditions')!) : undefined;
    const examples = this.examples(e.get('examples'), at);
    if (this.problems.length > before) return undefined;

    const data: RuleData = {
      id: id!,
      category: category!,
      kind: kind!,
      severity: severity!,
      speaker: speaker!,
      title: docs.title!,
      description: docs.description!,
      why: docs.why!,
      source: docs.source!,
      message: docs.message!,
      ...(suggestions ? { suggestions: suggestions.items } : {}),
      patterns: patterns.items,
      ...(Object.keys(patterns.names).length ? { patternNames: patterns.names } : {}),
      ...(patternsFrom !== undefined ? { patternsFrom } : {}),
      ...(conditions ? { conditions } : {}),
      ...(unit ? { unit } : {}),
      ...(extract !== undefined ? { extract: extract as ExtractorName } : {}),
      examples: { match: examples.match.items, noMatch: examples.noMatch.items },
    };
    return { data, file: this.file, lines: { rule: at, patterns: patterns.lines, match: examples.match.lines, noMatch: examples.noMatch.lines } };
  }

  /** A required non-empty string; `at` is the line to blame when it is missing. */
  private string(entry: Entry | undefined, key: string, at: number): string | undefined {
    if (!entry) {
      this.problem(at, `missing "${key}"${(DOC_KEYS as readonly string[]).includes(key) ? ': every rule is documented (title, description, why, source, message)' : ''}`);
      return undefined;
    }
    const v = entry.value;
    if (!isScalar(v) || typeof v.value !== 'string' || v.value.trim() === '') {
      this.problem(this.line(v, this.line(entry.key)), `"${key}" must be a non-empty string`);
      return undefined;
    }
    return v.value;
  }

  private oneOf<T extends string>(entry: Entry | undefined, key: string, allowed: readonly T[], at: number): T | undefined {
    const value = this.string(entry, key, at);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problem(this.line(entry!.value), `${key} "${value}" is not one of ${allowed.join(', ')}`);
      return undefined;
    }
    return value as T;
  }

  /** A list of non-empty strings, with each one's line. */
  private strings(entry: Entry, key: string): { items: string[]; lines: number[] } {
    const out = { items: [] as string[], lines: [] as number[] };
    const v = entry.value;
    if (!isSeq(v)) {
      this.problem(this.line(v, this.line(entry.key)), `"${key}" must be a list`);
      return out;
    }
    for (const item of v.items as Array<Node | null>) {
      const line = this.line(item, this.line(entry.key));
      if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') this.problem(line, `each of "${key}" must be a non-empty string`);
      else {
        out.items.push(item.value);
        out.lines.push(line);
      }
    }
    return out;
  }

  /** A rule's patterns; a clause rule (`wholeClauses`) has none, and writes `patterns: []`. */
  private patterns(entry: Entry | undefined, at: number, wholeClauses = false): { items: string[]; lines: number[]; names: Record<string, number> } {
    const names: Record<string, number> = {};
    if (!entry) {
      this.problem(at, 'missing "patterns": token patterns (src/nlp/phrase/pattern.ts)');
      return { items: [], lines: [], names };
    }
    // A pattern that code reads too is written `{ name: …, pattern: … }`, once, in its rule.
    if (isSeq(entry.value)) {
      entry.value.items.forEach((item, i) => {
        if (!isMap(item)) return;
        const e = this.entries(item, ['name', 'pattern'], 'a named pattern');
        const name = this.string(e.get('name'), 'name', this.line(item));
        const pattern = e.get('pattern')?.value;
        if (name !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) this.problem(this.line(item), `pattern name "${name}" must be kebab-case`);
        else if (name !== undefined && Object.hasOwn(names, name)) this.problem(this.line(item), `pattern name "${name}" is used twice in this rule`);
        else if (name !== undefined) names[name] = i;
        // The pattern stands in the list in place of its map (an empty one, where it is missing, is
        // reported by the list's own check, on this line).
        const blank = new Scalar('');
        blank.range = item.range;
        (entry.value as YAMLSeq).items[i] = pattern ?? blank;
      });
    }
    const list = { ...this.strings(entry, 'patterns'), names };
    if (isSeq(entry.value) && list.items.length === 0 && !wholeClauses) this.problem(this.line(entry.key), '"patterns" must list at least one token pattern');
    if (wholeClauses && list.items.length > 0) this.problem(this.line(entry.key), 'a rule with "unit: clause" reads whole clauses and lists no patterns ("patterns: []")');
    list.items.forEach((p, i) => {
      const line = list.lines[i]!;
      if (CURLY.test(p)) {
        // Matching straightens apostrophes in the text, so a curly one matches all the same; but a
        // pattern spelt two ways hides duplicates from the hygiene check and from grep.
        this.problem(line, `pattern "${p}" has a curly or look-alike apostrophe: write the straight ' (text is straightened before matching, so both spellings match the same words and one spelling keeps duplicates visible)`);
      } else if (REGEX_LIKE.test(p)) {
        this.problem(line, `pattern "${p}" looks like a regular expression: write a token pattern (words, [optional], (a|b), *, **, ~stem, {number})`);
      } else if (p !== p.trim()) {
        this.problem(line, `pattern "${p}" has spaces at its ends`);
      } else {
        try {
          compilePattern(p);
        } catch (err) {
          if (!(err instanceof PatternError)) throw err;
          this.problem(line, err.message);
        }
      }
    });
    return list;
  }

  private names<T extends string>(entry: Entry, key: string, check: (name: string) => string | undefined): T[] {
    const list = this.strings(entry, key);
    const out: T[] = [];
    list.items.forEach((name, i) => {
      const why = check(name);
      if (why) this.problem(list.lines[i]!, `${key}: ${why}`);
      else out.push(name as T);
    });
    return out;
  }

  private conditions(entry: Entry): RuleConditions | undefined {
    const v = entry.value;
    if (!isMap(v)) {
      this.problem(this.line(v, this.line(entry.key)), `"conditions" must be a map of ${CONDITION_KEYS.join(', ')}`);
      return undefined;
    }
    const e = this.entries(v, CONDITION_KEYS, 'conditions');
    const out: RuleConditions = {};
    const dropped = DEFAULT_DROPPED as readonly string[];
    const allow = e.get('allow');
    if (allow) {
      out.allow = this.names<DroppedContext>(allow, 'allow', (n) =>
        unknownCondition(n) ?? (dropped.includes(n) ? undefined : `"${n}" is not dropped by default, so there is nothing to allow (allow lists ${dropped.join(', ')})`),
      );
    }
    for (const key of ['when', 'unless'] as const) {
      const list = e.get(key);
      if (!list) continue;
      out[key] = this.names<ConditionName>(list, key, (n) =>
        unknownCondition(n) ?? (key === 'unless' && dropped.includes(n) ? `"${n}" matches are dropped already; list it under "allow" to keep them` : undefined),
      );
    }
    const once = e.get('once');
    if (once) {
      const value = isScalar(once.value) ? once.value.value : undefined;
      if (value === 'sentence' || value === 'turn') out.once = value;
      else this.problem(this.line(once.value, this.line(once.key)), `once must be one of ${ONCE.join(', ')}`);
    }
    const notACategory = (n: string) => (ALL_CATEGORIES.includes(n as Category) ? undefined : `"${n}" is not a category (one of ${ALL_CATEGORIES.join(', ')})`);
    for (const key of ['suppressedBy', 'yieldsTo'] as const) {
      const list = e.get(key);
      if (list) out[key] = this.names<Category>(list, key, notACategory);
    }
    return out;
  }

  private examples(entry: Entry | undefined, at: number) {
    const out = { match: { items: [] as Example[], lines: [] as number[] }, noMatch: { items: [] as Example[], lines: [] as number[] } };
    if (!entry) {
      this.problem(at, 'missing "examples": { match: [...], noMatch: [...] }');
      return out;
    }
    if (!isMap(entry.value)) {
      this.problem(this.line(entry.value, this.line(entry.key)), '"examples" must be a map of match and noMatch');
      return out;
    }
    const e = this.entries(entry.value, EXAMPLE_KEYS, 'examples');
    for (const key of ['match', 'noMatch'] as const) {
      const list = e.get(key);
      if (!list || !isSeq(list.value) || list.value.items.length === 0) {
        this.problem(this.line(list?.key, this.line(entry.key)), `examples.${key} must list at least one utterance that ${key === 'match' ? 'must produce' : 'must not produce'} the finding`);
        continue;
      }
      for (const item of list.value.items as Array<Node | null>) {
        const example = this.example(item, this.line(list.key));
        if (example === undefined) continue;
        out[key].items.push(example);
        out[key].lines.push(this.line(item));
      }
    }
    return out;
  }

  /** An utterance, or `{ context: [{ role, text }], text }` for a rule that reads earlier turns. */
  private example(node: Node | null, fallback: number): Example | undefined {
    const line = this.line(node, fallback);
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value;
    if (!isMap(node)) {
      this.problem(line, 'an example is a non-empty string, or { context: [{ role, text }], text }');
      return undefined;
    }
    const e = this.entries(node, ['context', 'text'], 'an example');
    const text = this.string(e.get('text'), 'text', line);
    const context: Array<{ role: 'agent' | 'customer'; text: string }> = [];
    const turns = e.get('context');
    if (!turns || !isSeq(turns.value)) this.problem(this.line(turns?.key, line), 'an example with "text" needs "context": the turns said before it');
    else {
      for (const turn of turns.value.items as Array<Node | null>) {
        const at = this.line(turn, line);
        if (!isMap(turn)) {
          this.problem(at, 'a context turn is { role, text }');
          continue;
        }
        const t = this.entries(turn, ['role', 'text'], 'a context turn');
        const role = this.oneOf(t.get('role'), 'role', SPEAKERS, at);
        const said = this.string(t.get('text'), 'text', at);
        if (role && said !== undefined) context.push({ role, text: said });
      }
    }
    return text === undefined ? undefined : { context, text };
  }
}
