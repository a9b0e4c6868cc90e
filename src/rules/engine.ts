// Runs a catalogue of rules over a conversation: one pass over each turn's tokens, every pattern of
// the speaker's rules matched at once by one automaton, context checks shared by every rule.
import type { PhraseRule } from '../nlp/lexicon/phrase-rule.js';
import { dimensionOf, type Category, type Dimension, type Finding, type FindingKind, type Severity, type Transcript, type Turn } from '../model/types.js';
import { lexemesOf, type TextFeatures } from '../nlp/features.js';
import { compilePattern, type CompiledPattern } from '../nlp/phrase/pattern.js';
import { PatternAutomaton, spanReader } from '../nlp/phrase/automaton.js';
import { clausesOf, isNegated, isQuestion, isQuoted, sentenceSpan, withTurnIndex, type HeardRules } from './context.js';
import { linkCommitments } from './commitments.js';
import { IgnoreList } from './ignore.js';
import { messageIdOf, ruleUrl } from './ids.js';
import type { RuleDef, RuleMatch } from './types.js';
import { checkRuleSetArguments } from './rule-arguments.js';

/** Hesitations that speech-to-text keeps; phrases match across them. */
const FILLERS = new Set(['um', 'uh', 'umm', 'uhm', 'uhh', 'er', 'erm', 'hmm', 'hm', 'mm', 'mhm', 'ah']);

/** One conversation's text, prepared once and shared by every stage after nlp. */
export interface PreparedTurn {
  turn: Turn;
  features: TextFeatures;
}

/** Tokens (and clauses) of the longest turn whose working arrays are kept for the next turn. */
const KEPT_TOKENS = 1 << 16;
const KEPT_CLAUSES = 1 << 12;

/** Working arrays for matching one turn, grown as turns need. */
class Scratch {
  busy = false;
  /** Per stream token of the window being matched: its index in the turn's tokens, and its symbol. */
  at = new Int32Array(256);
  syms = new Int32Array(256);
  /** Per rule. */
  lastEnd = new Int32Array(0);
  doneIn = new Int32Array(0);
  bestEnd = new Int32Array(0);
  bestOrder = new Int32Array(0);
  seenAt = new Int32Array(0);
  picked = new Int32Array(0);
  /** Per clause rule, the sentence of its last finding in this turn, or -1. */
  clauseDoneIn = new Int32Array(0);
  /** How many candidates of each phrase rule this turn has judged, or findings of each clause rule it has made (see CHECKS_PER_TURN). */
  judged = new Int32Array(0);
  /** heardAt[r] === stamp of the turn: rule r's phrases were found in it. */
  heardAt = new Int32Array(0);
  stamp = 0;
  /** The clauses of the turn, or of the window of a long one being matched, as triples (see clausesOf). */
  clauses: number[] = [];

  /**
   * Lets go of buffers grown for a long turn: kept, they stayed for the rest of the batch (the
   * stream's 8 bytes a token of a long sentence, as a turn with no full stop is, and the clauses'
   * triples).
   */
  shrink(): void {
    if (this.at.length > KEPT_TOKENS) {
      this.at = new Int32Array(256);
      this.syms = new Int32Array(256);
    }
    if (this.clauses.length > 3 * KEPT_CLAUSES) this.clauses = [];
  }

  /** Room in `at` and `syms` for a window of this many tokens (see streamWindowEnd). */
  fitStream(tokens: number): void {
    if (this.at.length < tokens) {
      const size = Math.max(tokens, this.at.length * 2);
      this.at = new Int32Array(size);
      this.syms = new Int32Array(size);
    }
  }

  fit(rules: number): void {
    if (this.lastEnd.length !== rules) {
      this.lastEnd = new Int32Array(rules);
      this.doneIn = new Int32Array(rules);
      this.bestEnd = new Int32Array(rules);
      this.bestOrder = new Int32Array(rules);
      this.seenAt = new Int32Array(rules);
      this.picked = new Int32Array(rules);
      this.judged = new Int32Array(rules);
      this.clauseDoneIn = new Int32Array(rules);
      this.heardAt = new Int32Array(rules);
    }
    if (this.stamp >= 0x7fffffff) {
      this.seenAt.fill(0);
      this.heardAt.fill(0);
      this.stamp = 0;
    }
  }
}

/** One speaker's rules as one automaton. */
interface Machine {
  automaton: PatternAutomaton;
  /** For each of the automaton's patterns, the index of its rule in `rules`. */
  ruleOf: Int32Array;
  /**
   * For each pattern, its place in the order a token's matches are accepted in: catalogue order,
   * patterns that can start with any token after those that start with a given word.
   */
  order: Int32Array;
  /** The speaker's rules that judge whole clauses (`unit: 'clause'`), by index in `rules`. */
  clauseRules: number[];
}

export interface RuleSetOptions {
  /** Phrases (token patterns) whose words no finding may overlap, whatever rule found it. */
  ignore?: readonly string[];
  /** A user's sentiment phrases, read beside the built-in ones by every analysis these rules run in. */
  sentiment?: readonly PhraseRule[];
}

/**
 * What the engine reads of a rule at every match, in one shape for every rule. A rule as given has
 * the shape of its data (a field is there only when it is set), and read through so many shapes the
 * property loads of the hottest functions (`accept`, `matchTurn`, `resolve`) went megamorphic:
 * V8's log of inline caches (--log-ic) named every one of these fields.
 */
interface EngineRule {
  readonly id: string;
  readonly messageId: string;
  readonly url: string | undefined;
  readonly category: Category;
  readonly dimension: Dimension;
  readonly kind: FindingKind;
  readonly severity: Severity;
  readonly message: string;
  readonly suggestion: string | undefined;
  readonly unit: RuleDef['unit'];
  readonly once: RuleDef['once'];
  readonly allowNegated: boolean;
  readonly allowQuestion: boolean;
  readonly allowQuoted: boolean;
  readonly check: RuleDef['check'];
  readonly suppressedBy: readonly Category[] | undefined;
  readonly yieldsTo: readonly Category[] | undefined;
}

/** What resolving a turn's findings reads of their rules. */
type Resolving = Partial<Pick<EngineRule, 'suppressedBy' | 'yieldsTo' | 'unit'>>;

function engineRule(rule: RuleDef): EngineRule {
  return {
    id: rule.id,
    messageId: messageIdOf(rule),
    url: ruleUrl(rule.id),
    category: rule.category,
    dimension: dimensionOf(rule.category),
    kind: rule.kind,
    severity: rule.severity,
    message: rule.message,
    suggestion: rule.suggestion || undefined,
    unit: rule.unit,
    once: rule.once,
    allowNegated: rule.allowNegated === true,
    allowQuestion: rule.allowQuestion === true,
    allowQuoted: rule.allowQuoted === true,
    check: rule.check && ((m) => rule.check!(m)), // called on its rule, as a method
    suppressedBy: rule.suppressedBy,
    yieldsTo: rule.yieldsTo,
  };
}

/** No sentiment phrases of a user's: one list for every rule set, so a run that has none changes nothing. */
const NO_PHRASES: readonly PhraseRule[] = [];

export class RuleSet {
  /**
   * Set by the constructor only, so `RuleSet.is` knows a rule set from an object that only looks
   * like one: made by Object.create(RuleSet.prototype), a copy through JSON, a plain object with
   * the same keys (instanceof is fooled by the first; none of them has the compiled state).
   */
  readonly #made = true;

  /** Whether `value` is a RuleSet this class constructed (a brand check, not a duck type). */
  static is(value: unknown): value is RuleSet {
    return typeof value === 'object' && value !== null && #made in value;
  }

  readonly rules: readonly RuleDef[];
  /** The ignored phrases, when there are any. */
  readonly ignored: IgnoreList | undefined;
  /** A user's sentiment phrases (none by default): analyze() has the customer's sentiment read with them. */
  readonly sentimentPhrases: readonly PhraseRule[];
  /** `rules` as the engine reads them (EngineRule), by index and by id. */
  private readonly engine: readonly EngineRule[];
  private readonly byId = new Map<string, EngineRule>();
  /** Built on a speaker's first turn: constructing a rule set compiles nothing. */
  private readonly machines = new Map<string, Machine>();
  private readonly scratch = new Scratch();
  /** Each rule's index by id, for checks that ask which rules' phrases a turn holds. */
  private readonly indexOf: ReadonlyMap<string, number>;
  /** While `run` matches a conversation: per turn, the rules whose phrases it holds. */
  private heard: HeardRules | undefined;

  constructor(rules: readonly RuleDef[], options: RuleSetOptions = {}) {
    checkRuleSetArguments(rules, options); // exported by the library: a caller's mistake is named here
    // Whose words a rule reads decides whose finding it is: what a customer says is a signal about
    // the customer, whatever kind a user's rule declared, and never a risk of the agent's.
    const own = rules.map((rule) => (rule.speaker === 'customer' && rule.kind !== 'signal' ? { ...rule, kind: 'signal' as const } : rule));
    this.engine = own.map((rule) => {
      if (this.byId.has(rule.id)) throw new Error(`duplicate rule id "${rule.id}"`);
      if (rule.kind === 'signal' && rule.speaker !== 'customer') throw new Error(`rule "${rule.id}": only a customer rule gives signals`);
      const read = engineRule(rule);
      this.byId.set(rule.id, read);
      return read;
    });
    this.rules = own;
    this.indexOf = new Map(own.map((r, i) => [r.id, i]));
    this.ignored = options.ignore?.length ? new IgnoreList(options.ignore, FILLERS) : undefined;
    this.sentimentPhrases = options.sentiment?.length ? options.sentiment : NO_PHRASES;
  }

  private machine(role: 'agent' | 'customer'): Machine {
    let m = this.machines.get(role);
    if (m) return m;
    const patterns: CompiledPattern[] = [];
    const rules: number[] = [];
    const clauseRules: number[] = [];
    this.rules.forEach((rule, r) => {
      if (rule.speaker !== role) return;
      if (rule.unit === 'clause') clauseRules.push(r);
      for (const source of rule.patterns) {
        patterns.push(compilePattern(source));
        rules.push(r);
      }
    });
    const order = new Int32Array(patterns.length);
    patterns.forEach((p, k) => (order[k] = (p.firstWords ? 0 : patterns.length) + k));
    m = { automaton: new PatternAutomaton(patterns, FILLERS), ruleOf: Int32Array.from(rules), order, clauseRules };
    this.machines.set(role, m);
    return m;
  }

  /** Findings for every turn, in turn order and then text order. */
  run(transcript: Transcript, prepared: readonly PreparedTurn[]): Finding[] {
    const heard: HeardRules = { byTurn: new Map(), indexOf: this.indexOf };
    const outer = this.heard;
    this.heard = heard;
    try {
      return withTurnIndex(
        transcript.turns,
        () => {
          const findings: Finding[] = [];
          for (const p of prepared) {
            const found = this.runTurn(p, transcript.turns);
            for (let k = 0; k < found.length; k++) findings.push(found[k]!);
          }
          return linkCommitments(findings, transcript.turns);
        },
        heard,
      );
    } finally {
      this.heard = outer;
    }
  }

  runTurn({ turn, features }: PreparedTurn, turns: readonly Turn[]): Finding[] {
    if (turn.role !== 'agent' && turn.role !== 'customer') return [];
    const { automaton, ruleOf, order, clauseRules } = this.machine(turn.role);
    automaton.prepare();
    // Buffers reused from turn to turn: allocating them per turn cost more than the matching.
    // A check that ran rules itself would find them in use and get its own.
    const scratch = this.scratch.busy ? new Scratch() : this.scratch;
    scratch.busy = true;
    try {
      return this.matchTurn(turn, turns, features, automaton, ruleOf, order, clauseRules, scratch);
    } finally {
      scratch.busy = false;
      scratch.shrink();
    }
  }

  private matchTurn(turn: Turn, turns: readonly Turn[], features: TextFeatures, automaton: PatternAutomaton, ruleOf: Int32Array, order: Int32Array, clauseRules: readonly number[], scratch: Scratch): Finding[] {
    // The stream phrases are matched on: words, numbers, times and emoji, fillers left out, each
    // read as its symbol.
    const tokens = features.tokens;
    const ids = lexemesOf(features);
    scratch.fit(this.rules.length);
    const { lastEnd, doneIn, bestEnd, bestOrder, seenAt, picked, judged } = scratch;
    const sentenceOf = features.sentenceOf;
    lastEnd.fill(0); // stream index (in the whole turn's stream) each rule's last match ended at
    doneIn.fill(-1); // sentence of a `once` rule's last finding
    judged.fill(0);
    const heard = this.heard;
    const turnStamp = ++scratch.stamp; // heardAt[r] === turnStamp: rule r's phrases are in this turn
    const heardHere: number[] = [];

    let found: Finding[] | undefined;
    // The stream is made a window of whole sentences at a time (a whole short turn in one): a phrase
    // never runs across a sentence end, so a window's matches are those of the whole stream, and a
    // long turn's stream takes a window's room, not the turn's (issue 18).
    // `passed`: stream positions in the windows before this one.
    for (let from = 0, passed = 0; from < tokens.length; ) {
      const to = tokens.length - from <= STREAM_WINDOW ? tokens.length : streamWindowEnd(features, from);
      scratch.fitStream(to - from);
      const { at, syms } = scratch;
      const n = automaton.lexemeStream(ids, from, to, at, syms);
      const spans = automaton.hasSpans ? spanReader(tokens, at) : undefined;
      // One past the stream's last token of position i's sentence: a phrase never runs across a sentence end.
      let limit = 0;
      for (let i = 0; i < n; i++) {
        if (i >= limit) for (limit = i + 1; limit < n && sentenceOf[at[limit]!] === sentenceOf[at[i]!]; ) limit++;
        const hits = automaton.walk(syms, i, limit, spans);
        if (hits === 0) continue;
        const sentence = sentenceOf[at[i]!]!;
        const stamp = ++scratch.stamp; // seenAt[r] === stamp: rule r already collected at this start
        let count = 0;
        // Per rule, the longest end of any of its patterns; rules already found up to here, or
        // found once in this unit, sit out.
        for (let h = 0; h < hits; h++) {
          const k = automaton.hitPattern[h]!;
          const r = ruleOf[k]!;
          const end = automaton.hitEnd[h]!;
          if (scratch.heardAt[r] !== turnStamp) {
            scratch.heardAt[r] = turnStamp;
            heardHere.push(r);
          }
          if (seenAt[r] === stamp) {
            if (end > bestEnd[r]!) bestEnd[r] = end;
            if (order[k]! < bestOrder[r]!) bestOrder[r] = order[k]!;
            continue;
          }
          const rule = this.engine[r]!;
          if (lastEnd[r]! > passed + i || judged[r]! >= CHECKS_PER_TURN) continue;
          if (foundOnce(rule.once, doneIn[r]!, sentence)) continue;
          seenAt[r] = stamp;
          bestEnd[r] = end;
          bestOrder[r] = order[k]!;
          picked[count++] = r;
        }
        // Accepted in the order the rules' patterns stand in the catalogue.
        for (let x = 1; x < count; x++) {
          const r = picked[x]!;
          let y = x - 1;
          for (; y >= 0 && bestOrder[picked[y]!]! > bestOrder[r]!; y--) picked[y + 1] = picked[y]!;
          picked[y + 1] = r;
        }
        for (let x = 0; x < count; x++) {
          const r = picked[x]!;
          const end = bestEnd[r]!;
          judged[r] = judged[r]! + 1;
          const finding = this.accept(r, turn, turns, features, at[i]!, at[end - 1]! + 1);
          if (finding) {
            (found ??= []).push(finding);
            lastEnd[r] = passed + end;
            doneIn[r] = sentence; // read only for a `once` rule
          }
        }
      }
      passed += n;
      from = to;
    }
    heard?.byTurn.set(turn, heardHere);
    // The rules that judge whole clauses. A long turn's clauses are read a window at a time, as its
    // stream is, not all at once (three numbers a clause): findings come in another order than rule
    // by rule over the whole turn, but two that overlap are of one clause, so in the same order,
    // and `resolve` orders them by place. In an array, not a callback: a closure here would hold
    // `found` in a context object for the whole of this function, which is the engine's hottest.
    const clauseDoneIn = scratch.clauseDoneIn; // per rule, the sentence of its last finding, or -1
    for (const r of clauseRules) clauseDoneIn[r] = -1;
    for (let start = 0; start < tokens.length && clauseRules.length > 0; ) {
      const end = tokens.length - start <= STREAM_WINDOW ? tokens.length : streamWindowEnd(features, start);
      const clauses = clausesOf(features, scratch.clauses, start, end);
      for (const r of clauseRules) {
        const once = this.engine[r]!.once;
        for (let c = 0; c < clauses.length && judged[r]! < CHECKS_PER_TURN; c += 3) {
          const from = clauses[c]!;
          const to = clauses[c + 1]!;
          const sentence = clauses[c + 2]!;
          if (foundOnce(once, clauseDoneIn[r]!, sentence)) continue;
          // "Thanks!", "Hi Sam,": a clause of under three tokens says nothing a clause rule judges.
          if (to - from < MIN_CLAUSE_TOKENS) continue;
          const finding = this.accept(r, turn, turns, features, from, to);
          if (!finding) continue;
          (found ??= []).push(finding);
          judged[r] = judged[r]! + 1;
          clauseDoneIn[r] = sentence;
        }
      }
      start = end;
    }
    if (found && this.ignored) found = this.ignored.keep(found, features);
    // Ignored words are as if never found: a finding they hid cannot crowd out or suppress another.
    return found && found.length > 0 ? resolve(found, this.byId) : [];
  }

  private accept(r: number, turn: Turn, turns: readonly Turn[], f: TextFeatures, from: number, to: number): Finding | undefined {
    const rule = this.engine[r]!;
    if (!rule.allowNegated && isNegated(f, from)) return undefined;
    if (!rule.allowQuestion && isQuestion(f, from)) return undefined;
    if (!rule.allowQuoted && isQuoted(f, from, to)) return undefined;
    const matchSpan: [number, number] = [f.tokens.start(from), f.tokens.end(to - 1)];
    const data = rule.check?.(new Match(turn, turns, f, from, to, matchSpan));
    if (data === false) return undefined;
    const span = rule.unit === 'clause' ? trimmed(turn.text, matchSpan) : matchSpan;
    // Every field in one order, those a finding may lack undefined (JSON leaves them out): findings
    // of one shape keep the stages that read them from megamorphic loads as rules of one shape do.
    const finding: Finding = {
      rule: rule.id,
      messageId: rule.messageId,
      category: rule.category,
      dimension: rule.dimension,
      kind: rule.kind,
      severity: rule.severity,
      turn: turn.index,
      role: turn.role,
      span,
      text: turn.text.slice(span[0], span[1]),
      message: rule.message,
      suggestion: rule.suggestion,
      url: rule.url,
      data: data || undefined,
    };
    return finding;
  }
}

/**
 * How many matches of one phrase rule are judged in one turn, and how many findings a clause rule
 * makes in one. A phrase rule's check may read the rest of the turn, so a turn made of one phrase
 * repeated (300,000 "no"s) would cost its length squared; a clause rule's reads its clause, but
 * found in every clause of a 4 MB turn it made 33,510 findings: 12 MB of them held until the
 * conversation was written, and 12.7 MB of output (issue 18). No real turn comes near this many of
 * one rule, and past it the findings would only repeat.
 */
export const CHECKS_PER_TURN = 100;

/** Tokens of a long turn whose stream and clauses are read at a time (see matchTurn): at least this many, to the end of a sentence. */
const STREAM_WINDOW = 4096;

/**
 * One past the last token of the window of a long turn's stream that starts at token `from`, more
 * than STREAM_WINDOW tokens before the turn's end: the end of the sentence that holds the window's
 * last token. (The caller takes the rest of the turn where it is shorter: most turns are one
 * window, and the matcher's hottest function is not made bigger by this one.)
 */
function streamWindowEnd(f: TextFeatures, from: number): number {
  const n = f.tokens.length;
  const sentenceOf = f.sentenceOf;
  const last = from + STREAM_WINDOW - 1;
  let end = last + 1;
  while (end < n && sentenceOf[end] === sentenceOf[last]) end++;
  return end;
}

/** Whether a rule found `once` in a turn or sentence has found it there: `done` is the sentence of its last finding in the turn, or -1. */
function foundOnce(once: EngineRule['once'], done: number, sentence: number): boolean {
  return once !== undefined && done !== -1 && (once === 'turn' || done === sentence);
}

/** The fewest tokens a clause needs before a clause rule reads it. */
const MIN_CLAUSE_TOKENS = 3;

/** A character range without the white space at its ends. */
function trimmed(text: string, [a, b]: [number, number]): [number, number] {
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return [a, b];
}

/**
 * A match as checks see it. Its token range and sentence are made when a check first asks: most
 * checks read neither, and a rule without a check needs no match at all.
 */
class Match implements RuleMatch {
  private range: [number, number] | undefined;
  private sentenceRange: [number, number] | undefined;
  constructor(
    readonly turn: Turn,
    readonly turns: readonly Turn[],
    readonly features: TextFeatures,
    private readonly from: number,
    private readonly to: number,
    readonly span: [number, number],
  ) {}

  get tokens(): [number, number] {
    return (this.range ??= [this.from, this.to]);
  }

  get sentence(): [number, number] {
    return (this.sentenceRange ??= sentenceSpan(this.features, this.from));
  }
}

/**
 * Within one turn: of overlapping findings of one category keep the longest (the first on a tie),
 * and drop findings whose rule gives way to another category in the turn (sympathy beside empathy).
 */
function resolve(found: Finding[], rules: ReadonlyMap<string, Resolving>): Finding[] {
  if (found.length === 1) {
    // The common case: nothing to overlap, only its own category to give way to.
    const f = found[0]!;
    return rules.get(f.rule)?.suppressedBy?.includes(f.category) ? [] : found;
  }
  return oneVerdict(found.length <= FEW_FINDINGS ? resolveFew(found, rules) : resolveMany(found, rules), rules);
}

/**
 * One span gets one verdict: the same words are not a risk and a strength at once, nor two kinds of
 * fault. Of two that overlap, the longer, more specific reading stands ("I'm sorry you've had to
 * wait, let me fix it" is an apology that acts, not a stock "sorry"; "sorry you feel that way" is a
 * non-apology, not a stock one); on a tie between a risk and a strength the risk does. A strength
 * that quotes its clause gives way to any risk inside it. Two strengths may share words: "I've
 * checked" takes the task on and starts a sentence of information.
 */
function oneVerdict(kept: Finding[], rules: ReadonlyMap<string, Resolving>): Finding[] {
  let contested = false;
  for (let i = 0; i < kept.length && !contested; i++) contested = kept[i]!.kind === 'risk' || rules.get(kept[i]!.rule)?.yieldsTo !== undefined;
  if (!contested) return kept;
  // `kept` is in order of start: each finding meets only those starting before it ends.
  let lost: Uint8Array | undefined;
  for (let i = 0; i < kept.length; i++) {
    for (let j = i + 1; j < kept.length && kept[j]!.span[0] < kept[i]!.span[1]; j++) {
      if (loses(kept[i]!, kept[j]!, rules)) (lost ??= new Uint8Array(kept.length))[i] = 1;
      else if (loses(kept[j]!, kept[i]!, rules)) (lost ??= new Uint8Array(kept.length))[j] = 1;
    }
  }
  return lost ? kept.filter((_, i) => lost[i] === 0) : kept;
}

const spanLength = (f: Finding): number => f.span[1] - f.span[0];

/** Whether finding `f` gives way to `g` (see oneVerdict). */
function loses(f: Finding, g: Finding, rules: ReadonlyMap<string, Resolving>): boolean {
  if (!(g.span[0] < f.span[1] && f.span[0] < g.span[1])) return false;
  if (rules.get(f.rule)?.yieldsTo?.includes(g.category)) return true;
  if (rules.get(g.rule)?.yieldsTo?.includes(f.category)) return false;
  if (f.kind === 'risk' && g.kind === 'risk') return f.category !== g.category && spanLength(g) > spanLength(f);
  if (f.kind === g.kind) return false;
  const strength = f.kind === 'strength' ? f : g;
  if (rules.get(strength.rule)?.unit) return f === strength;
  return spanLength(g) > spanLength(f) || (spanLength(g) === spanLength(f) && g.kind === 'risk');
}

/** `resolve` for any number of findings. */
export function resolveMany(found: Finding[], rules: ReadonlyMap<string, Resolving>): Finding[] {
  const length = (f: Finding) => f.span[1] - f.span[0];
  const overlap = (f: Finding, g: Finding) => g.span[0] < f.span[1] && f.span[0] < g.span[1];
  const beats = (j: number, i: number) => length(found[j]!) > length(found[i]!) || (length(found[j]!) === length(found[i]!) && j < i);
  // Compared only with neighbours that can overlap (sorted by start, per category): comparing
  // every pair was quadratic in a long turn's findings.
  const dropped = new Uint8Array(found.length);
  const byCategory = new Map<string, number[]>();
  found.forEach((f, i) => {
    const list = byCategory.get(f.category);
    if (list) list.push(i);
    else byCategory.set(f.category, [i]);
  });
  for (const order of byCategory.values()) {
    order.sort((a, b) => found[a]!.span[0] - found[b]!.span[0] || a - b);
    const maxEnd: number[] = [];
    order.forEach((i, k) => maxEnd.push(Math.max(k > 0 ? maxEnd[k - 1]! : -Infinity, found[i]!.span[1])));
    order.forEach((i, k) => {
      const f = found[i]!;
      for (let q = k + 1; q < order.length && found[order[q]!]!.span[0] < f.span[1]; q++) {
        if (overlap(f, found[order[q]!]!) && beats(order[q]!, i)) return void (dropped[i] = 1);
      }
      for (let q = k - 1; q >= 0 && maxEnd[q]! > f.span[0]; q--) {
        if (overlap(f, found[order[q]!]!) && beats(order[q]!, i)) return void (dropped[i] = 1);
      }
    });
  }
  const kept = found.filter((_, i) => dropped[i] === 0);
  const present = new Set(kept.map((f) => f.category));
  return kept
    .filter((f) => !(rules.get(f.rule)?.suppressedBy ?? []).some((c) => present.has(c)))
    .sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
}

/** Up to this many findings in a turn, every pair is compared: no index to build, nothing to sort. */
const FEW_FINDINGS = 16;

/** `resolve` for a turn of few findings: the same outcome, without allocating more than the result. */
export function resolveFew(found: Finding[], rules: ReadonlyMap<string, Resolving>): Finding[] {
  const length = (f: Finding) => f.span[1] - f.span[0];
  let dropped = 0; // bit i: found[i] loses to an overlapping finding of its category
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    for (let j = 0; j < found.length; j++) {
      const g = found[j]!;
      if (j === i || g.category !== f.category || !(g.span[0] < f.span[1] && f.span[0] < g.span[1])) continue;
      if (length(g) > length(f) || (length(g) === length(f) && j < i)) {
        dropped |= 1 << i;
        break;
      }
    }
  }
  const out: Finding[] = [];
  for (let i = 0; i < found.length; i++) {
    if (dropped & (1 << i)) continue;
    const f = found[i]!;
    const by = rules.get(f.rule)?.suppressedBy;
    let suppressed = false;
    if (by)
      for (let j = 0; j < found.length && !suppressed; j++) suppressed = (dropped & (1 << j)) === 0 && by.includes(found[j]!.category);
    if (suppressed) continue;
    // Insertion by (start, end), after equals: the order a stable sort gives.
    let k = out.length;
    out.push(f);
    while (k > 0 && (out[k - 1]!.span[0] > f.span[0] || (out[k - 1]!.span[0] === f.span[0] && out[k - 1]!.span[1] > f.span[1]))) {
      out[k] = out[k - 1]!;
      k--;
    }
    out[k] = f;
  }
  return out;
}
