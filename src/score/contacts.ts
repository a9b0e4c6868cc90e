// Across contacts: a promise made in one call is kept or broken in a later one of the same case
// or customer ("as promised, I'm calling back"; "you said someone would call, nobody did").
// The linker sees each Analysis once, in input order, and remembers only the promises still open
// per case, so a batch streams through it without being held.
import type { Analysis, Category, Commitment, Finding, Turn } from '../model/types.js';
import { sharesAction } from '../rules/context.js';
import { messageIdOf, ruleUrl } from '../rules/ids.js';
import { computeScores } from './scores.js';
import { tallyFindings } from './signals.js';

export interface ContactLinkerOptions {
  /** Open promises remembered per case or customer; the oldest are forgotten first. */
  maxOpenPerKey?: number;
  /** Cases and customers remembered; the least recently seen are forgotten first. */
  maxKeys?: number;
}

interface OpenPromise {
  contact: string;
  source: string;
  date?: string;
  commitment: Commitment;
}

/** What an earlier promise came to, as told by a finding in a later contact. */
type Outcome = 'kept' | 'broken';

/** Promises a bare follow-up keeps even when it does not repeat the words: calling back is the promise. */
const CALLBACK = /\b(call|ring|phone|get back|be in touch|contact|update|let you know)\w*/i;

/** The case and customer a contact names, from its meta (a transcript's, or its analysis's: the same, masked or not). */
function keysOf(a: Pick<Analysis, 'meta'>): string[] {
  const keys: string[] = [];
  if (typeof a.meta.caseId === 'string' && a.meta.caseId) keys.push(`case:${a.meta.caseId}`);
  if (typeof a.meta.customerId === 'string' && a.meta.customerId) keys.push(`customer:${a.meta.customerId}`);
  return keys;
}

/** Whether a contact names a case or customer, so that the linker has anything to do with it. */
export const isLinkable = (a: Pick<Analysis, 'meta'>): boolean => keysOf(a).length > 0;

const dateOf = (a: Analysis): string | undefined => (typeof a.meta.date === 'string' && a.meta.date ? a.meta.date : undefined);

/** Whether a promise made on `made` can be settled by a contact on `now` (undated contacts follow input order). */
function isEarlier(made: string | undefined, now: string | undefined): boolean {
  if (!made || !now) return true;
  return Date.parse(made) <= Date.parse(now) || made <= now;
}

export class ContactLinker {
  private readonly open = new Map<string, OpenPromise[]>();
  private readonly maxOpenPerKey: number;
  private readonly maxKeys: number;

  constructor(options: ContactLinkerOptions = {}) {
    this.maxOpenPerKey = options.maxOpenPerKey ?? 20;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  /** How many open promises are remembered in all: what the linker costs in memory. */
  get remembered(): number {
    let n = 0;
    for (const list of this.open.values()) n += list.length;
    return n;
  }

  /**
   * Settles earlier open promises of the same case or customer from this contact's findings, adds
   * the outcome to this contact as findings (and rescores it), then remembers this contact's own
   * open promises. `turns` (the transcript's) lets it compare whole turns, not only the findings'
   * words. Returns the same Analysis object.
   */
  link(a: Analysis, turns?: readonly Turn[]): Analysis {
    const keys = keysOf(a);
    if (keys.length === 0) return a;
    const now = dateOf(a);
    const candidates = [...new Set(keys.flatMap((k) => this.open.get(k) ?? []))].filter((p) => p.contact !== a.id && isEarlier(p.date, now));
    const added: Finding[] = [];
    const settled = new Set<OpenPromise>();
    // A kept or broken finding first: it can carry the outcome itself; a follow-up needs a new finding.
    const evidences = a.findings.filter((f) => outcomeOf(f)).sort((x, y) => Number(x.category === 'follow-up') - Number(y.category === 'follow-up'));
    for (const evidence of evidences) {
      const outcome = outcomeOf(evidence);
      if (!outcome) continue;
      const said = turns?.find((t) => t.index === evidence.turn)?.text ?? wordsFound(a, evidence.turn);
      const promise = pick(candidates.filter((p) => !settled.has(p)), evidence, said);
      if (!promise) continue;
      settled.add(promise);
      added.push(...record(evidence, promise, outcome));
    }
    for (const k of keys) {
      const rest = (this.open.get(k) ?? []).filter((p) => !settled.has(p));
      this.remember(k, rest);
    }
    if (added.length) settle(a, added);
    const mine = a.trust.commitments
      .filter((c) => c.status === 'open')
      .map((commitment) => ({ contact: a.id, source: a.source, commitment, ...(now ? { date: now } : {}) }));
    for (const k of keys) this.remember(k, [...(this.open.get(k) ?? []), ...mine]);
    return a;
  }

  private remember(key: string, list: OpenPromise[]): void {
    this.open.delete(key); // re-inserted last: the Map's order is least recently seen first
    if (list.length === 0) return;
    this.open.set(key, list.slice(-this.maxOpenPerKey));
    while (this.open.size > this.maxKeys) this.open.delete(this.open.keys().next().value!);
  }
}

/** Which findings in a later contact settle an earlier promise, and how. */
function outcomeOf(f: Finding): Outcome | undefined {
  if (f.category === 'commitment-broken') return 'broken';
  if (f.category === 'commitment-kept' || (f.category === 'follow-up' && f.role === 'agent')) return 'kept';
  return undefined;
}

/** The promise a finding speaks of: one that shares its action, else the latest callback promise. */
function pick(candidates: OpenPromise[], evidence: Finding, turnText: string): OpenPromise | undefined {
  if (candidates.length === 0) return undefined;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]!.commitment;
    if (sharesAction(`${c.action} ${c.text}`, turnText)) return candidates[i];
  }
  for (let i = candidates.length - 1; i >= 0; i--) {
    if (CALLBACK.test(candidates[i]!.commitment.action) && (evidence.category !== 'commitment-broken' || CALLBACK.test(turnText))) return candidates[i];
  }
  return undefined;
}

/** The words found in a turn, when the transcript itself is not at hand. */
function wordsFound(a: Analysis, turn: number): string {
  return a.findings
    .filter((g) => g.turn === turn)
    .map((g) => g.text)
    .join(' ');
}

function record(evidence: Finding, p: OpenPromise, outcome: Outcome): Finding[] {
  const earlier = {
    contact: p.contact,
    source: p.source,
    turn: p.commitment.turn,
    action: p.commitment.action,
    text: p.commitment.text,
    ...(p.commitment.due ? { due: p.commitment.due } : {}),
    ...(p.date ? { date: p.date } : {}),
    status: outcome,
  };
  const category: Category = outcome === 'kept' ? 'commitment-kept' : 'commitment-broken';
  if (evidence.category === category) {
    // The finding already says kept/broken: tell it which earlier promise it was.
    evidence.data = { ...evidence.data, earlier };
    return [];
  }
  const rule = outcome === 'kept' ? 'earlier-promise-kept' : 'earlier-promise-broken';
  return [
    {
      rule,
      messageId: messageIdOf({ id: rule }),
      category,
      dimension: 'trust',
      // Told by the customer it is their signal; said by the agent it is the agent's strength or risk.
      kind: evidence.role === 'customer' ? 'signal' : outcome === 'kept' ? 'strength' : 'risk',
      severity: outcome === 'kept' ? 'info' : 'error',
      turn: evidence.turn,
      role: evidence.role,
      span: evidence.span,
      text: evidence.text,
      message:
        outcome === 'kept'
          ? `Keeps the promise made in contact ${p.contact}: "${p.commitment.text}".`
          : `The promise made in contact ${p.contact} was not kept: "${p.commitment.text}".`,
      ...(outcome === 'broken' ? { suggestion: 'Own the broken promise, put it right now, and give a time you will keep.' } : {}),
      url: ruleUrl(rule)!,
      data: { earlier },
    },
  ];
}

/** Adds the outcome findings and brings counts and scores up to date with them. */
function settle(a: Analysis, added: Finding[]): void {
  a.findings = [...a.findings, ...added].sort((x, y) => x.turn - y.turn || x.span[0] - y.span[0] || x.span[1] - y.span[1]);
  a.counts = { ...a.counts, ...tallyFindings(a.findings) };
  // A conversation that could not be judged stays unjudged: the new findings do not add an agent.
  if (a.scores === null) return;
  const { scores, explanation } = computeScores(a.findings, a.emotion);
  a.scores = scores;
  a.explanation = explanation;
}
