// Named extractors: what a rule attaches to its findings that a pattern cannot say (who promised
// what and by when, which option the customer picked), written once here and named by rule data
// (`extract: commitment-details`). An extractor reads a match that every condition let stand and
// returns the finding's data, or false to reject the match (an offer is not a commitment). A rule
// names at most one; docs/rules.md and src/rules/data/README.md show what each gives.
import type { RuleMatch } from './types.js';
import { commitmentDetails, keepsAPromise } from './checks/commitment.js';
import { honoursChoice } from './checks/control.js';

export interface Extractor {
  /** What the finding gets, and what the extractor rejects, in a sentence. */
  description: string;
  /** The phrase sets it reads, by name, as a condition declares them (conditions.ts). */
  phrases: readonly string[];
  /** The built-in rules whose patterns it reads ("<id>", or "<id>#<name>" for one named pattern). */
  rulePatterns: readonly string[];
  extract(m: RuleMatch): false | void | Record<string, unknown>;
}

export const EXTRACTORS = {
  'commitment-details': {
    description:
      'who promised (owner: agent, company or third-party), what (action: the verb phrase, up to six words) and by when (due, where a time is said); rejects offers ("shall I call you?"), hedged, conditional or vague promises, gifts, and work put on the customer',
    phrases: [
      'a-step', 'action-after-promise', 'action-ends', 'adverb', 'agent-first-word', 'an-option', 'and-comes-back', 'aside', 'clause-joiner', 'company-first-word', 'company-subject',
      'condition-after', 'condition-or-hope', 'definite-subject', 'habitual', 'hedge', 'modal', 'offer-before', 'promise-word', 'reassurance', 'should-have', 'should-have-had',
      'subject-before', 'subject-start', 'third-party-subject', 'third-person-will', 'vague-action', 'word-given', 'work-on-the-customer', 'you-will-hear',
      // When it is due (extract/due.ts).
      'due-clock', 'due-date', 'due-day-word', 'due-named', 'due-span', 'due-weekday', 'due-within',
    ],
    rulePatterns: ['goodwill-gesture'],
    extract: commitmentDetails,
  },
  'kept-promise': {
    description:
      'the action reported done (action) and the turn whose promise it keeps (promisedIn), when an earlier agent turn promised the same action; keeps an action announced as promised or asked after by the customer; rejects an action reported as not done',
    phrases: ['announced-as-promised', 'chasing', 'for-or-back', 'not-done', 'said-i-would', 'thanks'],
    rulePatterns: ['commitment-made'],
    extract: keepsAPromise,
  },
  'honoured-choice': {
    description:
      'the turn of the customer\'s pick (choiceTurn) that the agent acts on, after the agent offered ways or the customer named one; {} for "as you asked"; the pick named back as settled ("Thursday it is") as named; rejects an action no pick asked for',
    phrases: ['acknowledgement', 'acts', 'acts-itself', 'answer-words', 'as-you-asked', 'as-you-said', 'settled-by-acting'],
    rulePatterns: ['choice-honoured#chosen-action'],
    extract: honoursChoice,
  },
} as const satisfies Record<string, Extractor>;

export type ExtractorName = keyof typeof EXTRACTORS;

export const EXTRACTOR_NAMES = Object.keys(EXTRACTORS) as ExtractorName[];

/** Why `name` is not an extractor, or undefined when it is one, for validators that add file and line. */
export function unknownExtractor(name: string): string | undefined {
  if (Object.hasOwn(EXTRACTORS, name)) return undefined;
  return `unknown extractor "${name}" (${EXTRACTOR_NAMES.length ? `one of ${EXTRACTOR_NAMES.join(', ')}` : 'none is defined yet'}; extractors are written in src/rules/extractors.ts)`;
}
