// Role inference for speakers known only by name, channel or diarization label. Roles are
// assigned only when the text clearly tells the agent apart; otherwise they stay 'unknown',
// and every decision is recorded in meta.roleInference so it is never silent. What tells them
// apart is data: the role cues of lexicon/data/role-cues.yaml, token patterns in the one phrase
// language, matched by the same automaton as the rules. formats/ reads the transcript and records
// what the file says about roles (model/role-hints.ts); settleRoles decides here.
import type { Role, RoleInference, Transcript, Turn } from '../model/types.js';
import { emptyRecord, own } from '../model/records.js';
import { takeRoleHints, type RoleHints } from '../model/role-hints.js';
import { cues, patterns } from './lexicon/data/role-cues.js';
import type { RoleCue } from './lexicon/role-cue.js';
import { sharedFeatures } from './features.js';
import { PatternAutomaton, symbolStream } from './phrase/automaton.js';
import { compilePattern, useStoredPatterns } from './phrase/pattern.js';

export type { RoleHints } from '../model/role-hints.js';

/** The built-in cues, in the order data/role-cues.yaml declares them. */
export const ROLE_CUES: readonly RoleCue[] = cues;

interface CueMatcher {
  automaton: PatternAutomaton;
  /** The cue (index in ROLE_CUES) of each of the automaton's patterns. */
  cueOf: Int32Array;
}

let matcher: CueMatcher | undefined;

/** Every cue's patterns as one automaton, built on first use. */
function cueMatcher(): CueMatcher {
  if (!matcher) {
    useStoredPatterns(patterns);
    const sources = ROLE_CUES.flatMap((c, k) => c.patterns.map((p) => [p, k] as const));
    matcher = { automaton: new PatternAutomaton(sources.map(([p]) => compilePattern(p))), cueOf: Int32Array.from(sources, ([, k]) => k) };
  }
  return matcher;
}

/**
 * The cues a turn's text says, in cue order, each with the words of its first match (the shortest
 * at the first word where it matches: "what's the email", not "… email address"). A match never
 * crosses a sentence.
 */
export function cuesIn(text: string): Array<{ cue: RoleCue; quote: string }> {
  const { automaton, cueOf } = cueMatcher();
  const f = sharedFeatures(text);
  const tokens = f.tokens;
  if (!automaton.mayStartIn(tokens)) return [];
  automaton.prepare();
  const at = new Int32Array(tokens.length);
  const syms = new Int32Array(tokens.length);
  const n = symbolStream(automaton, tokens, at, syms);
  const found: Array<{ start: number; end: number } | undefined> = [];
  let limit = 0;
  for (let i = 0; i < n; i++) {
    if (i >= limit) {
      limit = i + 1;
      while (limit < n && f.sentenceOf[at[limit]!] === f.sentenceOf[at[i]!]) limit++;
    }
    const hits = automaton.walk(syms, i, limit);
    for (let h = 0; h < hits; h++) {
      const k = cueOf[automaton.hitPattern[h]!]!;
      const end = automaton.hitEnd[h]!;
      const first = found[k];
      if (!first) found[k] = { start: i, end };
      else if (first.start === i && end < first.end) first.end = end;
    }
  }
  const out: Array<{ cue: RoleCue; quote: string }> = [];
  found.forEach((m, k) => {
    if (m) out.push({ cue: ROLE_CUES[k]!, quote: text.slice(tokens.start(at[m.start]!), tokens.end(at[m.end - 1]!)) });
  });
  return out;
}

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
    for (const { cue, quote } of cuesIn(turn.text)) {
      // Each cue counts once per speaker: repetition is not extra evidence.
      const key = `${turn.speaker}\u0000${cue.says}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ev[cue.role] += cue.weight;
      ev.reasons.push(`${turn.speaker} ${cue.says} (turn ${turn.index}: "${quote}")`);
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

/**
 * Settles every turn's role and records how in meta.roleInference, with the hints the reader
 * recorded (or those given). Turns that already carry a role from the file keep it (method
 * 'labels') unless --agent overrides. A transcript is settled once: without hints, it is left as it is.
 */
export function settleRoles(transcript: Transcript, given?: RoleHints): void {
  const carried = takeRoleHints(transcript);
  const options = given ?? carried;
  if (!options) return;
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
