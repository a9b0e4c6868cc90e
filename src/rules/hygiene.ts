// Data hygiene for rules written as YAML, after each file has been read (load.ts): what needs all
// the files at once (a phrase twice in a category, an id twice) or the engine (examples that do not
// hold, a pattern no example exercises). The build runs it (scripts/rules-data.js) and fails on
// any problem, naming the file and line.
import { readFileSync } from 'node:fs';
import { RuleSet } from './engine.js';
import { readRuleFile, readWordListFile, type ListEntries, type LoadedRule, type RuleProblem } from './load.js';
import { defineWordLists, PatternError, patternKey } from '../nlp/phrase/pattern.js';
import { ruleFromData } from './rule-data.js';
import { definePhraseSets, phraseSetsNamedByCode } from './rule-patterns.js';
import { exampleText, type Example, type RuleDef } from './types.js';
import { findingsOn } from './examples.js';

export { findingsOn } from './examples.js';

/** Reads and checks rule files; `name` turns a path into what messages call it. */
export function checkRuleFiles(paths: readonly string[], name: (path: string) => string = (p) => p): { rules: LoadedRule[]; problems: RuleProblem[] } {
  const rules: LoadedRule[] = [];
  const problems: RuleProblem[] = [];
  for (const path of paths) {
    const read = readRuleFile(readFileSync(path, 'utf8'), name(path));
    rules.push(...read.rules);
    problems.push(...read.problems);
  }
  // Examples are run only when every rule loaded: another rule's condition may read a missing one's phrases.
  problems.push(...checkRules(rules, problems.length === 0));
  return { rules, problems };
}

/** Where each named word list (or phrase set) is declared. */
export type WordListPlaces = Map<string, { file: string; line: number }>;

/** Named lists read from several files: each name declared once, with where it was. */
function readNamedLists(paths: readonly string[], name: (path: string) => string, holds: ListEntries) {
  const lists: Record<string, string[]> = {};
  const places: WordListPlaces = new Map();
  const entryLines: Record<string, number[]> = {};
  const problems: RuleProblem[] = [];
  for (const path of paths) {
    const file = name(path);
    const read = readWordListFile(readFileSync(path, 'utf8'), file, holds);
    problems.push(...read.problems);
    for (const [list, entries] of Object.entries(read.lists)) {
      const first = places.get(list);
      if (first) problems.push({ file, line: read.lines[list]!, message: `${holds === 'words' ? 'word list' : 'phrase set'} "${list}" is already declared at ${first.file}:${first.line}` });
      else {
        places.set(list, { file, line: read.lines[list]! });
        lists[list] = entries;
        entryLines[list] = read.entryLines[list]!;
      }
    }
  }
  return { lists, places, entryLines, problems };
}

/**
 * Reads and checks word-list files (src/rules/data/lists/) and defines their lists for the patterns
 * compiled after them: a name declared twice is a problem.
 */
export function checkWordListFiles(paths: readonly string[], name: (path: string) => string = (p) => p): { lists: Record<string, string[]>; places: WordListPlaces; problems: RuleProblem[] } {
  const { lists, places, problems } = readNamedLists(paths, name, 'words');
  try {
    defineWordLists(lists);
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
    problems.push({ file: name(paths[0] ?? 'lists'), line: 1, message: e.message });
  }
  return { lists, places, problems };
}

/**
 * Reads and checks phrase-set files (src/rules/data/phrases/), after the word lists their patterns
 * may name, and defines the sets for the conditions that read them: a name declared twice, a
 * pattern twice in one set, and a set no code reads are problems.
 */
export function checkPhraseSetFiles(paths: readonly string[], name: (path: string) => string = (p) => p): { sets: Record<string, string[]>; places: WordListPlaces; problems: RuleProblem[] } {
  const { lists: sets, places, entryLines, problems } = readNamedLists(paths, name, 'patterns');
  // The same pattern however it is spaced: the reader compared the entries as written.
  for (const [set, patterns] of Object.entries(sets)) {
    const seen = new Map<string, number>();
    patterns.forEach((p, i) => {
      const line = entryLines[set]![i]!;
      const first = seen.get(patternKey(p));
      if (first === undefined) seen.set(patternKey(p), line);
      else problems.push({ file: places.get(set)!.file, line, message: `phrase set "${set}": duplicate pattern "${p}", already at line ${first}` });
    });
  }
  definePhraseSets(sets);
  return { sets, places, problems };
}

/**
 * The phrase sets the conditions' code reads that no file declares: the rules' examples cannot be
 * run without them, so the build stops here, naming the folder the sets belong in.
 */
export function undeclaredPhraseSets(sets: Readonly<Record<string, unknown>>, folder: string, read: ReadonlySet<string> = phraseSetsNamedByCode()): RuleProblem[] {
  return [...read].filter((set) => !(set in sets)).map((set) => ({ file: folder, line: 1, message: `phrase set "${set}" is read by the conditions' code but declared in no file here` }));
}

/** A phrase set no condition's code reads (phrases('name') in src/rules/) is a vocabulary kept for its own sake. */
export function unusedPhraseSets(places: WordListPlaces, read: ReadonlySet<string> = phraseSetsNamedByCode()): RuleProblem[] {
  return [...places].filter(([set]) => !read.has(set)).map(([set, at]) => ({ ...at, message: `phrase set "${set}" is read by no condition's code` }));
}

/**
 * A list no pattern names is a vocabulary kept for its own sake: the catalogue's lists are its own.
 * The patterns are the rules' and `others` (the phrase sets' and the sentiment phrases').
 */
export function unusedWordLists(places: WordListPlaces, rules: readonly LoadedRule[], others: readonly string[] = []): RuleProblem[] {
  const patterns = [...rules.flatMap((r) => r.data.patterns), ...others];
  const named = new Set(patterns.flatMap((p) => [...p.matchAll(/\{([\w-]+)\}/g)].map((m) => m[1]!)));
  return [...places].filter(([list]) => !named.has(list)).map(([list, at]) => ({ ...at, message: `word list "${list}" is named by no pattern of a rule, a phrase set or a sentiment phrase` }));
}

/** Problems that need every rule, or the engine, to see. */
export function checkRules(loaded: readonly LoadedRule[], runExamples = true): RuleProblem[] {
  const borrowed = borrowPatterns(loaded);
  return [...borrowed, ...duplicates(loaded), ...(borrowed.length || !runExamples ? [] : examplesThatDoNotHold(loaded))];
}

/**
 * Fills in the patterns of each rule that reads another rule's (`patternsFrom`), so that the
 * compiled data and the engine see them as the rule's own: one list, written once.
 */
function borrowPatterns(loaded: readonly LoadedRule[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const byId = new Map(loaded.map((r) => [r.data.id, r]));
  for (const r of loaded) {
    const from = r.data.patternsFrom;
    if (from === undefined) continue;
    const owner = byId.get(from);
    if (!owner) problems.push(at(r, r.lines.rule, `patternsFrom: no rule "${from}" in the rule files`));
    else if (owner.data.patternsFrom !== undefined) problems.push(at(r, r.lines.rule, `patternsFrom: rule "${from}" reads its patterns from another rule; name that one`));
    else r.data.patterns = [...owner.data.patterns];
  }
  return problems;
}

const at = (r: LoadedRule, line: number, message: string): RuleProblem => ({ file: r.file, line, rule: r.data.id, message });
const where = (r: LoadedRule, line: number) => `${r.file}:${line}`;


function duplicates(loaded: readonly LoadedRule[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const ids = new Map<string, LoadedRule>();
  // Per speaker and category: a phrase in two rules of one category would report one thing under two
  // ids. A customer's rule and an agent's may share one: they read different turns.
  const phrases = new Map<string, { rule: LoadedRule; line: number }>();
  for (const r of loaded) {
    const first = ids.get(r.data.id);
    if (first) problems.push(at(r, r.lines.rule, `id "${r.data.id}" is already used at ${where(first, first.lines.rule)}`));
    else ids.set(r.data.id, r);
    // Patterns read from another rule are checked there.
    if (r.data.patternsFrom !== undefined) continue;
    r.data.patterns.forEach((p, i) => {
      const key = `${r.data.speaker}\u0000${r.data.category}\u0000${patternKey(p)}`;
      const line = r.lines.patterns[i]!;
      const seen = phrases.get(key);
      if (!seen) return void phrases.set(key, { rule: r, line });
      const place = seen.rule === r ? 'this rule' : `rule "${seen.rule.data.id}" of the same speaker and category`;
      problems.push(at(r, line, `duplicate pattern "${p}": already in ${place} at ${where(seen.rule, seen.line)}`));
    });
  }
  return problems;
}

const quote = (e: Example) => JSON.stringify(exampleText(e));

function examplesThatDoNotHold(loaded: readonly LoadedRule[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const defs = loaded.map((r) => ruleFromData(r.data));
  let all: RuleSet;
  try {
    all = new RuleSet(defs);
  } catch {
    return problems; // duplicate ids, reported above
  }
  loaded.forEach((r, k) => {
    const { id, speaker, examples } = r.data;
    examples.match.forEach((e, i) => {
      if (findingsOn(all, id, speaker, e).length === 0) problems.push(at(r, r.lines.match[i]!, `match example ${quote(e)} is not found by the rule`));
    });
    examples.noMatch.forEach((e, i) => {
      const found = findingsOn(all, id, speaker, e);
      if (found.length > 0) problems.push(at(r, r.lines.noMatch[i]!, `noMatch example ${quote(e)} is found by the rule (at "${found[0]!.text}")`));
    });
    // Each pattern alone, with the rule's conditions: one that finds none of the match examples is
    // untested, and may be dead.
    if (r.data.patternsFrom !== undefined) return; // exercised by the rule that writes them
    r.data.patterns.forEach((p, i) => {
      const alone = new RuleSet([{ ...defs[k]!, patterns: [p] } satisfies RuleDef]);
      if (!examples.match.some((e) => findingsOn(alone, id, speaker, e).length > 0)) {
        problems.push(at(r, r.lines.patterns[i]!, `pattern "${p}" finds none of the rule's match examples: add an example it finds, or drop it`));
      }
    });
  });
  return problems;
}
