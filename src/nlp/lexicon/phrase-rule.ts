// A sentiment phrase as data/phrases.yaml declares it. A module of its own: matching reads it
// without loading the YAML reader (phrase-data.ts), which only the build needs.
export const PHRASE_CATEGORIES = [
  'sarcasm', 'waiting', 'repeat-contact', 'broken-promise', 'churn', 'escalation', 'contempt', 'distress', 'fault',
  'failure', 'billing', 'runaround', 'resolution', 'gratitude', 'praise', 'neutral', 'acknowledgement',
] as const;

export type PhraseCategory = (typeof PHRASE_CATEGORIES)[number];

export interface PhraseRule {
  pattern: string;
  /** On the AFINN scale, −5..5; 0 keeps the words from being scored one by one. */
  weight: number;
  why: string;
  category: PhraseCategory;
}
