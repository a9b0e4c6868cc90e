// The role cues written as data, as the build compiles them (scripts/rules-data.js writes
// dist/nlp/lexicon/data/role-cues.js from role-cues.yaml here): the cues in file order, and each
// pattern compiled, by its source. Only this declaration lives in src; tests read the compiled
// module (see vitest.config.ts).
import type { RoleCue } from '../role-cue.js';
import type { StoredPattern } from '../../phrase/pattern.js';

export declare const cues: readonly RoleCue[];
export declare const patterns: Readonly<Record<string, StoredPattern>>;
