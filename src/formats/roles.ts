// Role inference for speakers known only by name, channel or diarization label. Roles are
// assigned only when the text clearly tells the agent apart; otherwise they stay 'unknown',
// and every decision is recorded in meta.roleInference so it is never silent.
import type { Role, RoleInference, Transcript, Turn } from '../model/types.js';
import { emptyRecord, own } from '../model/records.js';

interface Cue {
  pattern: RegExp;
  weight: number;
  says: string;
}

// Strong cues (weight 2) are service openings that customers practically never say.
const AGENT_CUES: Cue[] = [
  { pattern: /\bthanks?(?: you)? (?:so much )?for (?:calling|contacting|reaching|choosing)\b/i, weight: 2, says: 'thanks the other side for calling/contacting' },
  { pattern: /\bhow (?:can|may|might|could) (?:I|we) (?:help|assist)\b/i, weight: 2, says: 'asks "how can I help"' },
  { pattern: /\bthis is \S+(?: \S+)? speaking\b|\byou(?:'re| are) (?:speaking|talking|chatting) (?:to|with)\b/i, weight: 2, says: 'introduces themself ("this is … speaking")' },
  { pattern: /\b(?:is there )?anything else (?:I|we) can (?:help|do|assist)\b/i, weight: 2, says: 'asks "anything else I can help with"' },
  {
    pattern: /\b(?:can|could|may) I (?:please )?(?:have|get|take|confirm|verify|ask for) (?:your|the) (?:\w+ ){0,3}?(?:account|order|policy|reference|membership|member|case|ticket|claim|card|phone|zip|post ?code|date of birth|birth ?date|first and last name|full name|name|e-?mail|address)\b/i,
    weight: 1,
    says: 'asks for the account/order details',
  },
  {
    pattern: /\b(?:what(?:'s| is)|confirm|verify|provide(?: me with)?) (?:your|the) (?:\w+ ){0,2}?(?:account|order|policy|reference|member|phone|zip|post ?code|date of birth|e-?mail|address)(?: (?:number|id|code))?\b/i,
    weight: 1,
    says: 'asks for the account/order details',
  },
  { pattern: /\blet me (?:just )?(?:check|look|see|pull|find|verify|transfer|get that|take a look|go ahead)\b/i, weight: 1, says: 'says "let me check"' },
  { pattern: /\b(?:bear with me|(?:place|put) you on (?:a (?:brief |short )?)?hold|one moment(?:,)? please)\b/i, weight: 1, says: 'puts the other side on hold' },
  { pattern: /\b(?:sorry|apologi[sz]e) for (?:the|any) (?:inconvenience|wait|trouble|delay|experience)\b/i, weight: 1, says: 'apologises on behalf of the company' },
];

const CUSTOMER_CUES: Cue[] = [
  { pattern: /\bI(?:'m| am) (?:calling|contacting|writing|reaching out|ringing)\b/i, weight: 2, says: 'says "I\'m calling about…"' },
  { pattern: /\bI (?:want|would like|'d like|need|wanna) to (?:cancel|return|complain|close|dispute|report|get a refund|speak to a manager)\b/i, weight: 2, says: 'asks to cancel/return/complain' },
  { pattern: /\bI(?:'ve| have) been (?:waiting|trying|charged|on hold)\b/i, weight: 2, says: 'says "I\'ve been waiting"' },
  { pattern: /\bmy (?:order|account|bill|card|credit card|package|parcel|refund|claim|subscription|payment|delivery|reservation|booking|policy|phone|internet|copier|printer)\b/i, weight: 1, says: 'speaks of "my order/account"' },
  { pattern: /\b(?:still (?:waiting|not working|haven't)|third time|yet again)\b/i, weight: 1, says: 'complains of repeated trouble' },
  { pattern: /\b(?:can|could) you (?:please )?(?:help me|tell me|check|look into)\b/i, weight: 1, says: 'asks to be helped' },
];

interface SpeakerEvidence {
  speaker: string;
  agent: number;
  customer: number;
  reasons: string[];
}

function collect(turns: readonly Turn[]): Map<string, SpeakerEvidence> {
  const bySpeaker = new Map<string, SpeakerEvidence>();
  const seen = new Set<string>();
  for (const turn of turns) {
    if (!turn.speaker) continue;
    let ev = bySpeaker.get(turn.speaker);
    if (!ev) bySpeaker.set(turn.speaker, (ev = { speaker: turn.speaker, agent: 0, customer: 0, reasons: [] }));
    for (const [side, cues] of [['agent', AGENT_CUES], ['customer', CUSTOMER_CUES]] as const) {
      for (const cue of cues) {
        // Each cue counts once per speaker: repetition is not extra evidence.
        const key = `${turn.speaker}\u0000${cue.says}`;
        if (seen.has(key)) continue;
        const m = cue.pattern.exec(turn.text);
        if (!m) continue;
        seen.add(key);
        ev[side] += cue.weight;
        ev.reasons.push(`${turn.speaker} ${cue.says} (turn ${turn.index}: "${m[0]}")`);
      }
    }
  }
  return bySpeaker;
}

/**
 * Infers agent/customer from what the speakers say. Assigns only when one speaker's agent
 * evidence clearly beats everyone else's; with two speakers the other becomes the customer,
 * with more only speakers showing customer evidence do.
 */
export function inferRoles(turns: readonly Turn[]): RoleInference {
  const evidence = [...collect(turns).values()];
  const none = (why: string): RoleInference => ({
    method: 'none',
    confidence: 0,
    assignments: Object.fromEntries(evidence.map((e) => [e.speaker, 'unknown' as Role])),
    evidence: [why, ...evidence.flatMap((e) => e.reasons)],
  });
  if (evidence.length < 2) return none(evidence.length ? 'only one speaker: nothing to tell apart' : 'no speaker labels');
  const ranked = [...evidence].sort((a, b) => b.agent - b.customer - (a.agent - a.customer));
  const top = ranked[0]!;
  const next = ranked[1]!;
  const margin = top.agent - top.customer - (next.agent - next.customer);
  if (top.agent < 2 || margin < 2) return none('no speaker clearly speaks as the agent');
  const assignments = emptyRecord<Role>();
  for (const e of evidence) {
    if (e === top) assignments[e.speaker] = 'agent';
    else if (evidence.length === 2 || (e.customer > 0 && e.agent === 0)) assignments[e.speaker] = 'customer';
    else assignments[e.speaker] = 'unknown';
  }
  return {
    method: 'inferred',
    confidence: Math.min(0.95, Math.round((0.5 + 0.1 * margin) * 100) / 100),
    assignments,
    evidence: ranked.flatMap((e) => e.reasons),
  };
}

/** Case-insensitive match of an agent's name (from --agent, or a file header) against the speaker labels. */
export function agentOverride(turns: readonly Turn[], agent: string, from = '--agent'): RoleInference | undefined {
  const wanted = agent.trim().toLowerCase();
  const speakers = [...new Set(turns.map((t) => t.speaker).filter((s) => s !== ''))];
  const match = speakers.find((s) => s.trim().toLowerCase() === wanted);
  if (!match) return undefined;
  const assignments = emptyRecord<Role>();
  for (const s of speakers) {
    const given = turns.find((t) => t.speaker === s)?.role;
    // Bots and system messages stay what the file says; every other speaker is the customer side.
    assignments[s] = s === match ? 'agent' : given === 'bot' || given === 'system' ? given : 'customer';
  }
  return { method: 'option', confidence: 1, assignments, evidence: [`${from} ${agent} matches speaker "${match}"`] };
}

export interface RoleOptions {
  agent?: string;
  /** Where `agent` came from, for the evidence: "--agent" (default) or a file's header. */
  agentFrom?: string;
  /** Roles the file itself states for speaker labels (e.g. a SpeakerLabels table). */
  fileAssignments?: Record<string, Role>;
  /** A decision the reader made itself (e.g. MultiWOZ's alternation); --agent still wins. */
  preset?: RoleInference;
}

/**
 * Settles every turn's role and records how in meta.roleInference. Turns that already carry a
 * role from the file keep it (method 'labels') unless --agent overrides.
 */
export function settleRoles(transcript: Transcript, options: RoleOptions = {}): void {
  const { turns } = transcript;
  let decision: RoleInference | undefined;
  const evidence: string[] = [];
  if (options.agent) {
    const from = options.agentFrom ?? '--agent';
    decision = agentOverride(turns, options.agent, from);
    if (!decision) evidence.push(`${from} ${options.agent}: no speaker has that name`);
  }
  if (!decision && options.preset) decision = { ...options.preset, evidence: [...options.preset.evidence] };
  if (!decision && options.fileAssignments) decision = reconcile(turns, options.fileAssignments);
  if (!decision) {
    const unlabelled = turns.filter((t) => t.role === 'unknown');
    if (unlabelled.length === 0) {
      decision = { method: 'labels', confidence: 1, assignments: labelAssignments(turns), evidence: ['roles given by the file'] };
    } else {
      const inferred = inferRoles(turns.filter((t) => t.role === 'unknown'));
      decision = { ...inferred, assignments: { ...labelAssignments(turns), ...inferred.assignments } };
    }
  }
  decision.evidence = [...evidence, ...decision.evidence];
  for (const turn of turns) {
    const role = own(decision.assignments, turn.speaker);
    if (role && (decision.method !== 'labels' && decision.method !== 'none' ? true : turn.role === 'unknown')) turn.role = role;
  }
  transcript.meta.roleInference = decision;
}

function labelAssignments(turns: readonly Turn[]): Record<string, Role> {
  const out = emptyRecord<Role>();
  for (const t of turns) if (t.speaker && t.role !== 'unknown' && !(t.speaker in out)) out[t.speaker] = t.role;
  return out;
}

/**
 * The file names roles for its speaker labels, but files can be wrong (PCA's test file says
 * spk_0 is the agent while spk_1 greets the caller). Clear text evidence wins, and the conflict
 * is written into the evidence; without clear evidence the file's mapping stands.
 */
function reconcile(turns: readonly Turn[], given: Record<string, Role>): RoleInference {
  const inferred = inferRoles(turns);
  const fileSays = Object.entries(given).map(([s, r]) => `${s} = ${r}`).join(', ');
  if (inferred.method !== 'inferred') {
    return { method: 'labels', confidence: 1, assignments: { ...given }, evidence: [`roles from the file's speaker labels (${fileSays})`] };
  }
  const conflicts = Object.entries(inferred.assignments).filter(([s, r]) => r !== 'unknown' && own(given, s) && own(given, s) !== r);
  if (conflicts.length === 0) {
    return { method: 'labels', confidence: 1, assignments: { ...given, ...pickKnown(inferred.assignments) }, evidence: [`roles from the file's speaker labels (${fileSays}), confirmed by the text`, ...inferred.evidence] };
  }
  return {
    ...inferred,
    evidence: [
      `conflict: the file's speaker labels say ${fileSays}, but the text says ${conflicts.map(([s, r]) => `${s} = ${r}`).join(', ')}; using the text`,
      ...inferred.evidence,
    ],
  };
}

function pickKnown(a: Record<string, Role>): Record<string, Role> {
  return Object.fromEntries(Object.entries(a).filter(([, r]) => r !== 'unknown'));
}

/** One line for stderr saying how roles were decided, or undefined when the file stated them. */
export function describeRoleInference(transcript: Transcript): string | undefined {
  const ri = transcript.meta.roleInference;
  if (!ri || ri.method === 'labels') return undefined;
  const who = Object.entries(ri.assignments).map(([s, r]) => `${s} → ${r}`).join(', ');
  const head =
    ri.method === 'option'
      ? 'roles set by name'
      : ri.method === 'inferred'
        ? `roles inferred (confidence ${ri.confidence.toFixed(2)})`
        : 'roles not inferred (left unknown)';
  const why = ri.evidence.slice(0, 3).join('; ');
  return `${transcript.source}: ${head}${who ? `: ${who}` : ''}${why ? ` — ${why}` : ''}`;
}
