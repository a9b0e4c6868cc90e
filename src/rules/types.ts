import type { Category, FindingKind, Severity, Turn } from '../model/types.js';
import type { TextFeatures } from '../nlp/features.js';
import type { RuleConditions } from './rule-data.js';

/**
 * An utterance said by the rule's speaker; where the rule reads the conversation around it
 * (a choice honoured needs the offer and the pick), the turns said before it.
 */
export type Example = string | { context: Array<{ role: 'agent' | 'customer'; text: string }>; text: string };

/** The words of an example, without its context. */
export function exampleText(e: Example): string {
  return typeof e === 'string' ? e : e.text;
}

/** A rule as the engine runs it: its data (src/rules/data/*.yaml, or a user's config) and, from its named conditions and extractor, a `check`. */
export interface RuleDef {
  /** Stable kebab-case id, unique in the catalogue. */
  id: string;
  /** The findings' messageId, when it is not "<id>/default" (a renamed rule keeps its old one); see ids.ts. */
  messageId?: string;
  /** The source file that declares the rule, e.g. "src/rules/data/emotion.yaml"; a user's config file for theirs. */
  declaredIn?: string;
  /** The user's config file, when it added patterns to this built-in rule (`extend`). */
  extendedIn?: string;
  category: Category;
  kind: FindingKind;
  severity: Severity;
  /** Whose words the rule reads. */
  speaker: 'agent' | 'customer';
  /** A few words for lists. */
  title: string;
  /** What the rule detects. */
  description: string;
  /** Why it matters: the principle, in one or two sentences. */
  why: string;
  /** The seed article and principle it comes from, e.g. "seed 003: empathy, not sympathy". */
  source: string;
  /** The finding's message (what this phrase does to the customer). */
  message: string;
  /** A better wording, for risks. */
  suggestion?: string;
  /** For rules written as data: every better wording, `suggestion` first. */
  suggestions?: string[];
  /** For rules written as data: the named extractor, for the docs (`check` runs it). */
  extract?: string;
  /** For rules written as data: the conditions as written, for the docs (the flags below and `check` do the work). */
  conditions?: RuleConditions;
  /** Token patterns (see src/nlp/phrase/pattern.ts). */
  patterns: string[];
  /** For rules written as data: the rule whose patterns these are too. */
  patternsFrom?: string;
  /** Utterances by `speaker` that must produce this rule's finding, and near-misses that must not. */
  examples: { match: Example[]; noMatch: Example[] };
  /** Keep matches under a negation ("not", "can't") or in a question; dropped by default. */
  allowNegated?: boolean;
  allowQuestion?: boolean;
  /** Keep matches in reported speech ("you said you'd call…"): for rules about what others said. */
  allowQuoted?: boolean;
  /** Report at most one finding per sentence or per turn: a sentence of figures is one piece of information. */
  once?: 'sentence' | 'turn';
  /**
   * `clause`: the rule judges each clause of its speaker's sentences whole (a sentence, or its part
   * after a "but", ";" or a short opener such as "Sorry,"), with no patterns: its check decides, and
   * a finding quotes the clause. For rules about what a sentence does, not what words it holds.
   */
  unit?: 'clause';
  /** Drop this finding when the same turn has a finding of one of these categories. */
  suppressedBy?: Category[];
  /** Drop this finding when a finding of one of these categories shares its words: they say what those words do. */
  yieldsTo?: Category[];
  /** Points this finding moves its dimension's score; by default from kind and severity. */
  weight?: number;
  /** Reject a match (return false) or attach extracted data to it. */
  check?(m: RuleMatch): false | void | Record<string, unknown>;
}

/** What a rule's `check` can see of a match. */
export interface RuleMatch {
  turn: Turn;
  /** All turns of the conversation, for rules that look back or ahead. */
  turns: readonly Turn[];
  features: TextFeatures;
  /** Token range of the match in features.tokens, end exclusive. */
  tokens: [number, number];
  /** Character range of the match in turn.text. */
  span: [number, number];
  /** Character range of the sentence that holds the match. */
  sentence: [number, number];
}
