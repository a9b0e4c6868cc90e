// The canonical model: the contract between pipeline stages (see DESIGN.md "Canonical model").

export type Role = 'agent' | 'customer' | 'bot' | 'system' | 'unknown';
export type Channel = 'call' | 'chat' | 'email' | 'unknown';
export type Dimension = 'emotion' | 'trust' | 'control';
/**
 * `strength` and `risk` judge what the agent did; `signal` is what the customer shows (distress,
 * sarcasm, churn, escalation, gratitude, a promise reported kept or broken). Signals shape the
 * emotion curve and tell the coach what to meet; they are never counted as the agent's risks.
 */
export type FindingKind = 'strength' | 'risk' | 'signal';
export type Severity = 'info' | 'warning' | 'error';

export interface Turn {
  /** Position in the transcript, 0-based; findings refer to it. */
  index: number;
  role: Role;
  /** The label as the input wrote it (a name, "Agent", "spk_0"); empty when the input has none. */
  speaker: string;
  text: string;
  /** Seconds from the start of the conversation. */
  start?: number;
  end?: number;
  /** 1-based line in the source file where this turn begins, when the format has lines. */
  line?: number;
}

/** How roles were decided when the input labelled speakers only by name or channel. */
export interface RoleInference {
  method: 'labels' | 'inferred' | 'option' | 'none';
  /** 0..1; 1 when the roles were given by the input or by --agent. */
  confidence: number;
  /** speaker label → role */
  assignments: Record<string, Role>;
  /** Human-readable reasons, e.g. 'spk_0 greets "thank you for calling"'. */
  evidence: string[];
}

export interface TranscriptMeta {
  agentId?: string;
  agentName?: string;
  team?: string;
  queue?: string;
  customerId?: string;
  caseId?: string;
  /** ISO 8601 date or date-time. */
  date?: string;
  language?: string;
  roleInference?: RoleInference;
  /** Anything else the input carried that is worth keeping (format name, vendor ids). */
  [key: string]: unknown;
}

export interface Transcript {
  id: string;
  /** Where it came from: a file path, "<stdin>", or "path#n" for the n-th conversation in a file. */
  source: string;
  channel: Channel;
  turns: Turn[];
  meta: TranscriptMeta;
}

export interface Finding {
  /** Rule id, e.g. "sympathy-sorry-to-hear". May change between versions; category does not. */
  rule: string;
  /**
   * Which message this is, stable across versions (tests and dashboards key on it, not on prose):
   * "<rule id>/<key>" for the catalogue's rules, "user/<id>" for a user's rule.
   */
  messageId: string;
  category: Category;
  dimension: Dimension;
  kind: FindingKind;
  severity: Severity;
  /** Turn index. */
  turn: number;
  role: Role;
  /** Character range in the turn's text; text === turn.text.slice(span[0], span[1]). */
  span: [number, number];
  text: string;
  /** Why this matters, in a sentence. */
  message: string;
  /** A better wording, for risks. */
  suggestion?: string;
  /** The rule's section in the docs, relative to the package root: "docs/rules.md#<rule id>". */
  url?: string;
  /** Extracted details (commitment owner/action/due, option list...). */
  data?: Record<string, unknown>;
}

export type EmotionLabel = 'negative' | 'neutral' | 'positive';
export type EmotionShape =
  | 'recovered'
  | 'declined'
  | 'steady-positive'
  | 'steady-negative'
  | 'volatile'
  | 'flat';

export interface TrajectoryPoint {
  turn: number;
  raw: number;
  smoothed: number;
  label: EmotionLabel;
  /** The words that moved this turn's score most, e.g. "still waiting". */
  cues?: string[];
}

export interface Counts {
  turns: number;
  agentTurns: number;
  customerTurns: number;
  words: number;
  durationSec?: number;
  talkSec?: { agent: number; customer: number };
  silenceSec?: number;
  overlaps?: number;
  /** Findings per category. */
  categories?: Partial<Record<Category, number>>;
  /** The agent's risks: what `--max-risk` counts. */
  risks?: number;
  strengths?: number;
  /** What the customer showed: counted apart from the agent's risks. */
  signals?: number;
}

/** One contribution to a score: what moved it and by how much. */
export interface ScoreReason {
  points: number;
  reason: string;
  /** Turns that the reason comes from. */
  turns?: number[];
  category?: Category;
}

export interface Scores {
  etc: number;
  emotion: number;
  trust: number;
  control: number;
}

export interface Commitment {
  turn: number;
  owner: 'agent' | 'customer' | 'company' | 'third-party';
  action: string;
  due?: string;
  text: string;
  status: 'open' | 'kept' | 'broken';
}

export interface Analysis {
  schemaVersion: string;
  id: string;
  source: string;
  channel: Channel;
  meta: TranscriptMeta;
  counts: Counts;
  /** null when the conversation cannot be judged (no agent turn, no roles found): see `unscored`. */
  scores: Scores | null;
  /** Why there are no scores, e.g. "no agent turn"; present exactly when `scores` is null. */
  unscored?: string;
  /** What made each score: the base and every adjustment (empty lists when unscored). */
  explanation: Record<keyof Scores, ScoreReason[]>;
  emotion: {
    trajectory: TrajectoryPoint[];
    start: number;
    end: number;
    min: number;
    max: number;
    delta: number;
    shape: EmotionShape;
  };
  trust: { commitments: Commitment[]; followUps: number[] };
  control: { options: number[]; information: number[] };
  findings: Finding[];
}

/** A file, line and reason for input that could not be read. */
export interface InputErrorRecord {
  source: string;
  line: number;
  message: string;
}

export const CATEGORIES = {
  emotion: [
    'empathy',
    'sympathy',
    'pseudo-apology',
    'blame',
    'customer-distress',
    'escalation-request',
    'churn-risk',
    'sarcasm',
    'gratitude',
  ],
  trust: [
    'commitment',
    'follow-up',
    'commitment-kept',
    'commitment-broken',
    'ownership',
    'next-steps',
    'repeat-contact',
  ],
  control: [
    'option-offered',
    'choice-honoured',
    'information',
    'explanation',
    'policy-hiding',
    'dead-end',
    'unexplained-hold',
    'unexplained-transfer',
    'goodwill',
  ],
} as const;

export type Category =
  | (typeof CATEGORIES)['emotion'][number]
  | (typeof CATEGORIES)['trust'][number]
  | (typeof CATEGORIES)['control'][number];

export const ALL_CATEGORIES: readonly Category[] = [
  ...CATEGORIES.emotion,
  ...CATEGORIES.trust,
  ...CATEGORIES.control,
];

export function dimensionOf(category: Category): Dimension {
  if ((CATEGORIES.emotion as readonly string[]).includes(category)) return 'emotion';
  if ((CATEGORIES.trust as readonly string[]).includes(category)) return 'trust';
  return 'control';
}

/**
 * 2.0.0: customer-side findings are `kind: "signal"`, `counts.risks` counts only the agent's risks
 * (with `counts.signals` beside it), `scores` is null with `unscored` when a conversation cannot be
 * judged, and findings carry `messageId` and, for documented rules, `url`. Migration:
 * docs/schema-versions.md.
 */
export const SCHEMA_VERSION = '2.0.0';
