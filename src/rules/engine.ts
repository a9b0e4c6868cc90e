// Runs a catalogue of rules over a conversation: one pass over each turn's tokens, candidate
// patterns looked up by the token's word, context checks shared by every rule.
import { dimensionOf, type Finding, type Transcript, type Turn } from '../model/types.js';
import { isWordLike } from '../nlp/tokenize.js';
import type { TextFeatures } from '../nlp/features.js';
import { compilePattern, matchAt, type CompiledPattern, type MatchToken } from './pattern.js';
import { isNegated, isQuestion, isQuoted, sentenceLimits, sentenceSpan } from './context.js';
import { linkCommitments } from './commitments.js';
import type { RuleDef, RuleMatch } from './types.js';

/** Hesitations that speech-to-text keeps; phrases match across them. */
const FILLERS = new Set(['um', 'uh', 'umm', 'uhm', 'uhh', 'er', 'erm', 'hmm', 'hm', 'mm', 'mhm', 'ah']);

interface Entry {
  rule: RuleDef;
  pattern: CompiledPattern;
}

/** One conversation's text, prepared once and shared by every stage after nlp. */
export interface PreparedTurn {
  turn: Turn;
  features: TextFeatures;
}

/** The patterns a word can start for one speaker, narrowed further by the word after it. */
interface Candidates {
  /** In catalogue order, as every narrower list is. */
  all: Entry[];
  /** Those that accept any second word (or none). */
  anySecond: Entry[];
  /** Every word some pattern here requires second. */
  seconds: Set<string>;
  /** Second word → the patterns it lets through; filled as words are met. */
  bySecond: Map<string, Entry[]>;
}

export class RuleSet {
  readonly rules: readonly RuleDef[];
  private readonly byFirstWord = new Map<string, Entry[]>();
  private readonly anyStart: Entry[] = [];
  private readonly byId = new Map<string, RuleDef>();
  /** byFirstWord and anyStart split by speaker: a turn only tries its speaker's rules. */
  private readonly bySpeaker = new Map<string, { first: Map<string, Candidates>; anyStart: Entry[] }>();

  constructor(rules: readonly RuleDef[]) {
    for (const rule of rules) {
      if (this.byId.has(rule.id)) throw new Error(`duplicate rule id "${rule.id}"`);
      this.byId.set(rule.id, rule);
      for (const source of rule.patterns) {
        const entry = { rule, pattern: compilePattern(source) };
        if (!entry.pattern.firstWords) this.anyStart.push(entry);
        else
          for (const w of entry.pattern.firstWords) {
            const list = this.byFirstWord.get(w) ?? [];
            list.push(entry);
            this.byFirstWord.set(w, list);
          }
      }
    }
    this.rules = rules;
    for (const role of ['agent', 'customer']) {
      const first = new Map<string, Candidates>();
      for (const [word, list] of this.byFirstWord) {
        const all = list.filter((e) => e.rule.speaker === role);
        if (all.length === 0) continue;
        const seconds = new Set<string>();
        for (const e of all) for (const w of e.pattern.secondWords ?? []) seconds.add(w);
        first.set(word, { all, anySecond: all.filter((e) => !e.pattern.secondWords), seconds, bySecond: new Map() });
      }
      this.bySpeaker.set(role, { first, anyStart: this.anyStart.filter((e) => e.rule.speaker === role) });
    }
  }

  /**
   * The patterns worth trying at a word: those of the speaker's rules that start with it and allow
   * the word after it (`next`, undefined at the end of a sentence), in catalogue order. The
   * patterns left out are exactly those the matching loop would skip.
   */
  private candidates(first: Map<string, Candidates>, word: string, next: string | undefined): readonly Entry[] {
    const c = first.get(word);
    if (!c) return NONE;
    if (next === undefined || !c.seconds.has(next)) return c.anySecond;
    let list = c.bySecond.get(next);
    if (!list) {
      list = c.all.filter((e) => !e.pattern.secondWords || e.pattern.secondWords.has(next));
      c.bySecond.set(next, list);
    }
    return list;
  }

  /** Findings for every turn, in turn order and then text order. */
  run(transcript: Transcript, prepared: readonly PreparedTurn[]): Finding[] {
    const findings: Finding[] = [];
    for (const p of prepared) findings.push(...this.runTurn(p, transcript.turns));
    return linkCommitments(findings, transcript.turns);
  }

  runTurn({ turn, features }: PreparedTurn, turns: readonly Turn[]): Finding[] {
    if (turn.role !== 'agent' && turn.role !== 'customer') return [];
    // The stream phrases are matched on: words, numbers, times and emoji, fillers left out.
    // The tokens themselves, not copies: a turn of 100,000 words would otherwise allocate as many objects.
    const at: number[] = [];
    const stream: MatchToken[] = [];
    const tokens = features.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (isWordLike(t) && !FILLERS.has(t.norm)) {
        at.push(i);
        stream.push(t);
      }
    }
    const limit = sentenceLimits(features, at);

    const found: Finding[] = [];
    const lastEnd = new Map<string, number>(); // rule id → stream index its last match ended at
    const done = new Set<string>(); // "rule id:sentence" (or ":turn") for rules found once per unit
    const speaker = this.bySpeaker.get(turn.role)!;
    let best: Map<RuleDef, number> | undefined;
    for (let i = 0; i < stream.length; i++) {
      const candidates = this.candidates(speaker.first, stream[i]!.norm, i + 1 < limit[i]! ? stream[i + 1]!.norm : undefined);
      best?.clear();
      for (let l = 0; l < 2; l++) {
        const list = l === 0 ? candidates : speaker.anyStart;
        for (let k = 0; k < list.length; k++) {
          const { rule, pattern } = list[k]!;
          if (rule.speaker !== turn.role || (lastEnd.get(rule.id) ?? 0) > i) continue;
          if (rule.once && done.has(unitKey(rule, features.sentenceOf[at[i]!]!))) continue;
          if (pattern.secondWords && !(i + 1 < limit[i]! && pattern.secondWords.has(stream[i + 1]!.norm))) continue;
          const end = matchAt(pattern, stream, i, limit[i]!);
          if (end < 0) continue;
          best ??= new Map();
          if (end > (best.get(rule) ?? -1)) best.set(rule, end);
        }
      }
      if (!best || best.size === 0) continue;
      for (const [rule, end] of best) {
        const finding = this.accept(rule, turn, turns, features, at[i]!, at[end - 1]! + 1);
        if (finding) {
          found.push(finding);
          lastEnd.set(rule.id, end);
          if (rule.once) done.add(unitKey(rule, features.sentenceOf[at[i]!]!));
        }
      }
    }
    return resolve(found, this.byId);
  }

  private accept(rule: RuleDef, turn: Turn, turns: readonly Turn[], f: TextFeatures, from: number, to: number): Finding | undefined {
    if (!rule.allowNegated && isNegated(f, from)) return undefined;
    if (!rule.allowQuestion && isQuestion(f, from)) return undefined;
    if (!rule.allowQuoted && isQuoted(f, from, to)) return undefined;
    const span: [number, number] = [f.tokens[from]!.start, f.tokens[to - 1]!.end];
    const match: RuleMatch = { turn, turns, features: f, tokens: [from, to], span, sentence: sentenceSpan(f, from) };
    const data = rule.check?.(match);
    if (data === false) return undefined;
    const finding: Finding = {
      rule: rule.id,
      category: rule.category,
      dimension: dimensionOf(rule.category),
      kind: rule.kind,
      severity: rule.severity,
      turn: turn.index,
      role: turn.role,
      span,
      text: turn.text.slice(span[0], span[1]),
      message: rule.message,
    };
    if (rule.suggestion) finding.suggestion = rule.suggestion;
    if (data) finding.data = data;
    return finding;
  }
}

const NONE: readonly Entry[] = [];

/** The unit a rule with `once` is found in at most once: its sentence, or the whole turn. */
function unitKey(rule: RuleDef, sentence: number): string {
  return rule.once === 'turn' ? rule.id : `${rule.id}:${sentence}`;
}

/**
 * Within one turn: of overlapping findings of one category keep the longest (the first on a tie),
 * and drop findings whose rule gives way to another category in the turn (sympathy beside empathy).
 */
function resolve(found: Finding[], rules: ReadonlyMap<string, RuleDef>): Finding[] {
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
