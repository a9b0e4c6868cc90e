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
  extract(m: RuleMatch): false | void | Record<string, unknown>;
}

export const EXTRACTORS = {
  'commitment-details': {
    description:
      'who promised (owner: agent, company or third-party), what (action: the verb phrase, up to six words) and by when (due, where a time is said); rejects offers ("shall I call you?"), hedged, conditional or vague promises, gifts, and work put on the customer',
    extract: commitmentDetails,
  },
  'kept-promise': {
    description:
      'the action reported done (action) and the turn whose promise it keeps (promisedIn), when an earlier agent turn promised the same action; keeps an action announced as promised or asked after by the customer; rejects an action reported as not done',
    extract: keepsAPromise,
  },
  'honoured-choice': {
    description:
      'the turn of the customer\'s pick (choiceTurn) that the agent acts on, after the agent offered ways or the customer named one; {} for "as you asked"; the pick named back as settled ("Thursday it is") as named; rejects an action no pick asked for',
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
