// How a finding names its message and its documentation. A rule id may be renamed between
// versions; a messageId is what scripts and tests key on, so it is set here, in one place.
import type { RuleDef } from './types.js';

/** Findings of a user's rule carry this before its id, so they never pass for built-in ones. */
export const USER_PREFIX = 'user/';

/** The generated rule catalogue, relative to the package root (scripts/docs.js writes it). */
export const RULES_DOC = 'docs/rules.md';

/** Each catalogue rule has one message today; a rule that gains a second names it by another key. */
const DEFAULT_KEY = 'default';

/**
 * The messageId of a rule's findings: its own `messageId` when set (a renamed rule keeps its old
 * one), `user/<id>` for a user's rule, else "<rule id>/default".
 */
export function messageIdOf(rule: Pick<RuleDef, 'id' | 'messageId'>): string {
  if (rule.messageId) return rule.messageId;
  return rule.id.startsWith(USER_PREFIX) ? rule.id : `${rule.id}/${DEFAULT_KEY}`;
}

/**
 * Where a rule is documented: its heading in docs/rules.md, whose anchor is the id itself (ids are
 * lower-case words and hyphens, which is what a Markdown renderer makes of such a heading). A
 * user's rule is documented in the user's own config, so it has none.
 */
export function ruleUrl(ruleId: string): string | undefined {
  return ruleId.startsWith(USER_PREFIX) ? undefined : `${RULES_DOC}#${ruleId}`;
}

/** Findings no phrase rule makes: score/contacts.ts settles promises across contacts of one case. */
export const DERIVED_FINDINGS: ReadonlyArray<{ id: string; title: string; description: string }> = [
  {
    id: 'earlier-promise-kept',
    title: 'A promise from an earlier contact, kept',
    description: 'A later conversation of the same case or customer, in the same run, keeps a promise made in an earlier one.',
  },
  {
    id: 'earlier-promise-broken',
    title: 'A promise from an earlier contact, broken',
    description: 'A later conversation of the same case or customer, in the same run, shows that a promise made in an earlier one was not kept.',
  },
];
