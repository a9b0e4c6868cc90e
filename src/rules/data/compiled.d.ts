// The built-in rules written as data, as the build compiles them (scripts/rules-data.js writes
// dist/rules/data/compiled.js from the YAML files here): per file name without .yaml, its rules,
// the named word lists and phrase sets, and every pattern of those rules compiled, by its source.
// Only this declaration lives in src; tests read the compiled module (see vitest.config.ts).
import type { RuleData } from '../rule-data.js';
import type { StoredPattern } from '../../nlp/phrase/pattern.js';

declare const compiled: Readonly<Record<string, readonly RuleData[]>>;
export default compiled;
export declare const patterns: Readonly<Record<string, StoredPattern>>;
/** The named word lists of src/rules/data/lists/, which patterns name in braces. */
export declare const wordLists: Readonly<Record<string, readonly string[]>>;
/** The named phrase sets of src/rules/data/phrases/, which the conditions' code reads by name. */
export declare const phraseSets: Readonly<Record<string, readonly string[]>>;
/** Where each phrase set is declared: its file (relative to the project) and line. */
export declare const phraseSetPlaces: Readonly<Record<string, { file: string; line: number }>>;
