// One transcript in, one Analysis out: nlp once per turn, rules over the prepared turns, scores.
import {
  SCHEMA_VERSION,
  type Analysis,
  type Category,
  type Commitment,
  type Counts,
  type Finding,
  type Transcript,
  type TranscriptMeta,
} from '../model/types.js';
import { timingCounts } from '../model/timing.js';
import { sharedFeatures, withKnownFeatures } from '../nlp/features.js';
import { turnSentiment, useSentimentPhrases, type SentimentTerm } from '../nlp/sentiment.js';
import { builtinRuleSet, type PreparedTurn, type RuleSet } from '../rules/index.js';
import { trajectory, type EmotionInput } from './trajectory.js';
import { computeScores } from './scores.js';
import { isNegativeSignal, tallyFindings } from './signals.js';
import { unscoredReason } from './unscored.js';
import { plainCopy } from '../model/records.js';

export interface AnalyzeOptions {
  /** The rules to run; the built-in catalogue by default (plus a user's, when configured). */
  rules?: RuleSet;
}

/** Cues shown on a trajectory point: the terms that moved the turn's score most. */
const CUES_PER_TURN = 3;
/**
 * A customer's signal of trouble (distress, churn, escalation, sarcasm, a broken promise) caps that
 * turn's emotion: the phrase rules read complaints that carry no negative word ("I'll think twice
 * before buying from you again"), which a word lexicon scores as neutral.
 */
const CUSTOMER_TROUBLE_CAP = -0.35;
const CLEARLY_WARM = 0.5;
/** A customer turn of this many words or fewer, besides links and handles, with no sentiment term, tells nothing of their mood ("yes", a name, an order number). */
const UNINFORMATIVE_WORDS = 2;
const LINKS_AND_HANDLES = /\bhttps?:\/\/\S+|\bwww\.\S+|@\w+/g;
const MAY_HOLD_LINK = /https?:|www\.|@/;
const WORD = /[\p{L}\p{N}]+/gu;

/** Whether a turn says at most `n` words besides links and handles: counted with `test`, no further than n + 1 (no match arrays). */
function saysAtMost(text: string, n: number): boolean {
  const words = MAY_HOLD_LINK.test(text) ? text.replace(LINKS_AND_HANDLES, ' ') : text;
  WORD.lastIndex = 0;
  let count = 0;
  while (count <= n && WORD.test(words)) count++;
  return count <= n;
}

/**
 * The customer's own signal in the turn (distress, sarcasm…) that holds its lexicon score down to
 * CUSTOMER_TROUBLE_CAP, when one does.
 */
function cappingSignal(lexicon: number, own: readonly Finding[]): Finding | undefined {
  const trouble = own.find(isNegativeSignal);
  // A turn the lexicon reads as clearly warm ("still not working on desktop, but it works on the
  // web so I'm delighted!") already weighed its complaint, after its "but". Thanks lift nothing
  // here: the sentiment already tells heartfelt thanks from the courtesy that closes a request or
  // softens a complaint ("thanks, but…"), which careful readers do not call warm.
  return trouble && lexicon < CLEARLY_WARM && lexicon > CUSTOMER_TROUBLE_CAP ? trouble : undefined;
}

/** No scores and nothing that made them: a conversation that cannot be judged. */
const NO_EXPLANATION = (): Analysis['explanation'] => ({ etc: [], emotion: [], trust: [], control: [] });

export function analyze(transcript: Transcript, options: AnalyzeOptions = {}): Analysis {
  const rules = options.rules ?? builtinRuleSet();
  // Before any text is read: the rules' sentiment phrases (a user's, or none) are those in effect.
  useSentimentPhrases(rules.sentimentPhrases);
  const prepared: PreparedTurn[] = transcript.turns.map((turn) => ({ turn, features: sharedFeatures(turn.text) }));
  const findings = withKnownFeatures(
    prepared.map((p) => p.features),
    () => rules.run(transcript, prepared),
  );

  const emotion = trajectory(emotionPoints(prepared, findings));
  const unscored = unscoredReason(transcript);
  const { scores, explanation } = unscored === undefined ? computeScores(findings, emotion) : { scores: null, explanation: NO_EXPLANATION() };

  return {
    schemaVersion: SCHEMA_VERSION,
    id: transcript.id,
    source: transcript.source,
    channel: transcript.channel,
    // Meta can come from a library caller: a plain copy, so writing the analysis never throws.
    meta: plainMeta(transcript.meta),
    counts: counts(transcript, prepared, findings),
    scores,
    ...(unscored === undefined ? {} : { unscored }),
    explanation,
    emotion,
    trust: {
      commitments: findings.filter((f) => f.category === 'commitment').map(commitmentOf),
      followUps: turnsOf(findings, 'follow-up'),
    },
    control: {
      options: turnsOf(findings, 'option-offered'),
      information: [...new Set([...turnsOf(findings, 'information'), ...turnsOf(findings, 'explanation')])].sort((a, b) => a - b),
    },
    findings,
  };
}

const NO_FINDINGS: readonly Finding[] = [];

/**
 * The customer's emotion turn by turn: the turn's sentiment, held down by the customer's own signal
 * of trouble in it. (A function of its own, as is every loop over the turns: analyze runs once a
 * conversation, and optimised with its loops inlined it was the largest piece V8 compiled, again
 * after each deoptimisation.)
 */
function emotionPoints(prepared: readonly PreparedTurn[], findings: readonly Finding[]): EmotionInput[] {
  const customerFindings = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.role !== 'customer') continue;
    const list = customerFindings.get(f.turn);
    if (list) list.push(f);
    else customerFindings.set(f.turn, [f]);
  }
  const points: EmotionInput[] = [];
  for (const p of prepared) {
    if (p.turn.role !== 'customer') continue;
    const s = turnSentiment(p.features);
    const cap = cappingSignal(s.score, customerFindings.get(p.turn.index) ?? NO_FINDINGS);
    const raw = cap ? CUSTOMER_TROUBLE_CAP : s.score;
    const point: EmotionInput = { turn: p.turn.index, raw, cues: strongestCues(s.terms, cap?.text) };
    if (raw === 0 && saysAtMost(p.turn.text, UNINFORMATIVE_WORDS)) point.uninformative = true;
    points.push(point);
  }
  return points;
}

function plainMeta(meta: TranscriptMeta): TranscriptMeta {
  const copy = plainCopy(meta);
  return copy !== null && typeof copy === 'object' && !Array.isArray(copy) ? (copy as TranscriptMeta) : {};
}

/** Indices and weights of the strongest terms so far, strongest first (one turn at a time). */
const topTerm = new Int32Array(CUES_PER_TURN);
const topWeight = new Float64Array(CUES_PER_TURN);

/**
 * The reason the emotion was corrected, if any, then the texts of the terms that moved the score
 * most, the first of equals first: what a stable sort by weight gives, without a sorted copy.
 */
function strongestCues(terms: readonly SentimentTerm[], because: string | undefined): string[] {
  const cues: string[] = because ? [because] : [];
  const room = CUES_PER_TURN - cues.length;
  let n = 0;
  for (let i = 0; i < terms.length; i++) {
    const w = Math.abs(terms[i]!.weight);
    let k = n;
    while (k > 0 && topWeight[k - 1]! < w) k--;
    if (k >= room) continue;
    for (let j = Math.min(n, room - 1); j > k; j--) {
      topTerm[j] = topTerm[j - 1]!;
      topWeight[j] = topWeight[j - 1]!;
    }
    topTerm[k] = i;
    topWeight[k] = w;
    if (n < room) n++;
  }
  for (let k = 0; k < n; k++) cues.push(terms[topTerm[k]!]!.text);
  return cues;
}

function turnsOf(findings: readonly Finding[], category: Category): number[] {
  return [...new Set(findings.filter((f) => f.category === category).map((f) => f.turn))];
}

function commitmentOf(f: Finding): Commitment {
  const d = f.data ?? {};
  const c: Commitment = {
    turn: f.turn,
    owner: (d.owner as Commitment['owner']) ?? 'agent',
    action: String(d.action ?? f.text),
    text: f.text,
    status: (d.status as Commitment['status']) ?? 'open',
  };
  if (typeof d.due === 'string') c.due = d.due;
  return c;
}

function counts(t: Transcript, prepared: readonly PreparedTurn[], findings: readonly Finding[]): Counts {
  let agentTurns = 0;
  let customerTurns = 0;
  for (const x of t.turns) {
    if (x.role === 'agent') agentTurns++;
    else if (x.role === 'customer') customerTurns++;
  }
  let words = 0;
  for (const p of prepared) words += p.features.wordCount;
  const { categories, risks, strengths, signals } = tallyFindings(findings);
  return {
    turns: t.turns.length,
    agentTurns,
    customerTurns,
    words,
    categories,
    ...timingCounts(t.turns),
    risks,
    strengths,
    signals,
  };
}
