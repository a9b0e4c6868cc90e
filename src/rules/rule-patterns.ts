// The patterns of built-in rules by id, for code that looks for a rule's phrases outside the rule
// itself (a commitment's look-back for an earlier promise, a gift told apart from a promise): the
// phrases are written once, in the rule's YAML, and code reads them from here. Filled as rule data
// becomes rules (rule-data.ts), which happens before any text is matched.
import { PhraseSet } from './context.js';

const byId = new Map<string, readonly string[]>();

/** A rule's patterns, and each of its named patterns alone under "<id>#<name>". */
export function registerRulePatterns(id: string, patterns: readonly string[], names: Readonly<Record<string, number>> = {}): void {
  byId.set(id, patterns);
  for (const [name, i] of Object.entries(names)) byId.set(`${id}#${name}`, [patterns[i]!]);
}

/**
 * The patterns of the rule `id`, or only its pattern named `name` (`{ name, pattern }` in the
 * YAML); throws when no rule of that id, or no such name, has been loaded.
 */
export function rulePatterns(id: string, name?: string): readonly string[] {
  const key = name === undefined ? id : `${id}#${name}`;
  const patterns = byId.get(key);
  if (!patterns) throw new Error(`the patterns of rule "${id}"${name === undefined ? '' : ` named "${name}"`} are read by code, but no such rule${name === undefined ? '' : ' or name'} is loaded (src/rules/data/*.yaml)`);
  return patterns;
}

/** A PhraseSet of the patterns of rule `id` (or of its pattern named `name`), compiled when first used. */
export function phrasesOfRule(id: string, name?: string): PhraseSet {
  const set = new PhraseSet(() => rulePatterns(id, name));
  if (name === undefined) set.ruleId = id;
  return withSource(set, { rule: name === undefined ? id : `${id}#${name}` });
}

/** What a set made here reads: a named phrase set, or a rule's patterns ("<id>" or "<id>#<name>"). */
export type PhraseSource = { set: string } | { rule: string };
const made: Array<{ phrases: PhraseSet; source: PhraseSource }> = [];
const withSource = (phrases: PhraseSet, source: PhraseSource): PhraseSet => (made.push({ phrases, source }), phrases);

/**
 * Every set code has made here, with what it reads (a few hundred, made as modules load): how a
 * test traces which sets each condition really searches, against what it declares.
 */
export function phraseSetsMade(): ReadonlyArray<{ phrases: PhraseSet; source: PhraseSource }> {
  return made;
}

// Named phrase sets (src/rules/data/phrases/*.yaml): the words and phrases the conditions' code
// looks for around a match ("a reason follows", "another way is left open"), written as data in
// the one phrase language, so an analyst reads and extends them without reading code.
const phraseSets = new Map<string, readonly string[]>();
/** The names code has asked for, whether or not the sets are loaded yet: unused sets are a problem. */
const namedByCode = new Set<string>();

/** Where a phrase set is declared: its file, relative to the project, and line. */
export interface PhraseSetPlace {
  file: string;
  line: number;
}
const places = new Map<string, PhraseSetPlace>();

/** Defines the named phrase sets (the build's compiled data, or the build checking its YAML), and where each is written when known. */
export function definePhraseSets(sets: Readonly<Record<string, readonly string[]>>, where: Readonly<Record<string, PhraseSetPlace>> = {}): void {
  for (const [name, patterns] of Object.entries(sets)) phraseSets.set(name, patterns);
  for (const [name, at] of Object.entries(where)) places.set(name, at);
}

/** Where the phrase set `name` is declared, when the compiled data says. */
export function phraseSetPlace(name: string): PhraseSetPlace | undefined {
  return places.get(name);
}

/** The phrase sets defined so far, by name: for the catalogue's docs. */
export function definedPhraseSets(): ReadonlyMap<string, readonly string[]> {
  return phraseSets;
}

/** The patterns of the phrase set `name`; throws when no such set is declared. */
export function phraseSetPatterns(name: string): readonly string[] {
  const patterns = phraseSets.get(name);
  if (!patterns) throw new Error(`the phrase set "${name}" is read by code, but no such set is declared (src/rules/data/phrases/*.yaml)`);
  return patterns;
}

/** A PhraseSet of the named set, compiled when first used; code names every set it reads this way. */
export function phrases(name: string): PhraseSet {
  namedByCode.add(name);
  return withSource(new PhraseSet(() => phraseSetPatterns(name)), { set: name });
}

/** The names of the phrase sets code reads (every module that reads one has been imported). */
export function phraseSetsNamedByCode(): ReadonlySet<string> {
  return namedByCode;
}
