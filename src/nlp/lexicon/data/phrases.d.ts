// The sentiment phrases written as data, as the build compiles them (scripts/rules-data.js writes
// dist/nlp/lexicon/data/phrases.js from phrases.yaml here): the phrases in file order, and each
// one's pattern compiled, by its source. Only this declaration lives in src; tests read the
// compiled module (see vitest.config.ts).
import type { PhraseRule } from '../phrase-rule.js';
import type { StoredPattern } from '../../phrase/pattern.js';

export declare const phrases: readonly PhraseRule[];
export declare const patterns: Readonly<Record<string, StoredPattern>>;
