// Runs a catalogue of rules over a conversation: one pass over each turn's tokens, candidate
// patterns looked up by the token's word, context checks shared by every rule.
import { dimensionOf, type Finding, type Transcript, type Turn } from '../model/types.js';
import { isWordLike } from '../nlp/tokenize.js';
import type { TextFeatures } from '../nlp/features.js';
import { compilePattern, matchAt, secondWords, type CompiledPattern, type MatchToken } from './pattern.js';
import { isNegated, isQuestion, isQuoted, sentenceSpan } from './context.js';
import type { RuleDef, RuleMatch } from './types.js';

/** Hesitations that speech-to-text keeps; phrases match across them. */
const FILLERS = new Set(['um', 'uh', 'umm', 'uhm', 'er', 'erm', 'hmm', 'mm', 'ah']);

interface Entry {
  rule: RuleDef;
  pattern: CompiledPattern;
}

/** One conversation's text, prepared once and shared by every stage after nlp. */
export interface PreparedTurn {
  turn: Turn;
  features: TextFeatures;
}

/**
 * The patterns starting with one word, narrowed by the word after it: `bySecond.get(w)` and
 * `anySecond` keep the catalogue's order, so findings come out exactly as with the full list.
 */
interface FirstWordEntries {
  all: Entry[];
  /** Patterns that can match with this second word (including those that take any second token). */
  bySecond: Map<string, Entry[]>;
  /** Patterns whose second token is not one given word (or that can end after one token). */
  anySecond: Entry[];
}

/** The patterns one speaker's turns are matched against, by the words a match starts with. */
interface Index {
  byFirstWord: Map<string, FirstWordEntries>;
  anyStart: Entry[];
}

function narrowBySecondWord(all: Entry[]): FirstWordEntries {
  const seconds = all.map((e) => secondWords(e.pattern));
  const bySecond = new Map<string, Entry[]>();
  for (const words of seconds) for (const w of words ?? []) bySecond.set(w, []);
  for (const [w, list] of bySecond) all.forEach((e, k) => (seconds[k] === undefined || seconds[k]!.has(w)) && list.push(e));
  return { all, bySecond, anySecond: all.filter((_, k) => seconds[k] === undefined) };
}

export class RuleSet {
  readonly rules: readonly RuleDef[];
  // One index per speaker: a turn only ever looks at its own speaker's rules.
  private readonly index: Record<RuleDef['speaker'], Index> = {
    agent: { byFirstWord: new Map(), anyStart: [] },
    customer: { byFirstWord: new Map(), anyStart: [] },
  };
  private readonly byId = new Map<string, RuleDef>();

  constructor(rules: readonly RuleDef[]) {
    for (const rule of rules) {
      if (this.byId.has(rule.id)) throw new Error(`duplicate rule id "${rule.id}"`);
      this.byId.set(rule.id, rule);
      const index = this.index[rule.speaker];
      for (const source of rule.patterns) {
        const entry = { rule, pattern: compilePattern(source) };
        if (!entry.pattern.firstWords) index.anyStart.push(entry);
        else
          for (const w of entry.pattern.firstWords) {
            const list = index.byFirstWord.get(w)?.all ?? [];
            list.push(entry);
            index.byFirstWord.set(w, { all: list, bySecond: new Map(), anySecond: [] });
          }
      }
    }
    for (const { byFirstWord } of Object.values(this.index)) {
      for (const [w, entries] of byFirstWord) byFirstWord.set(w, narrowBySecondWord(entries.all));
    }
    this.rules = rules;
  }

  /** Findings for every turn, in turn order and then text order. */
  run(transcript: Transcript, prepared: readonly PreparedTurn[]): Finding[] {
    const findings: Finding[] = [];
    for (const p of prepared) findings.push(...this.runTurn(p, transcript.turns));
    return findings;
  }

  runTurn({ turn, features }: PreparedTurn, turns: readonly Turn[]): Finding[] {
    if (turn.role !== 'agent' && turn.role !== 'customer') return [];
    const { byFirstWord, anyStart } = this.index[turn.role];
    if (byFirstWord.size === 0 && anyStart.length === 0) return []; // no rule reads this speaker
    // The stream phrases are matched on: words, numbers, times and emoji, fillers left out.
    const at: number[] = [];
    const stream: MatchToken[] = [];
    features.tokens.forEach((t, i) => {
      if (isWordLike(t) && !FILLERS.has(t.norm)) {
        at.push(i);
        stream.push({ norm: t.norm, kind: t.kind });
      }
    });
    // A phrase never runs across a sentence end.
    const limit = new Int32Array(stream.length);
    for (let i = stream.length - 1; i >= 0; i--) {
      const sameAsNext = i + 1 < stream.length && features.sentenceOf[at[i]!] === features.sentenceOf[at[i + 1]!];
      limit[i] = sameAsNext ? limit[i + 1]! : i + 1;
    }

    const found: Finding[] = [];
    const lastEnd = new Map<string, number>(); // rule id → stream index its last match ended at
    // The longest match of each rule at a position, in the order the rules first matched there
    // (the first `matched` entries; the arrays are reused from one position to the next).
    const bestRules: RuleDef[] = [];
    const bestEnds: number[] = [];
    let matched = 0;
    for (let i = 0; i < stream.length; i++) {
      const first = byFirstWord.get(stream[i]!.norm);
      if (!first && anyStart.length === 0) continue; // most words start no phrase
      // Only the patterns that can go on with the next word (a phrase stops at the sentence end).
      const candidates = first && (i + 1 < limit[i]! ? (first.bySecond.get(stream[i + 1]!.norm) ?? first.anySecond) : first.anySecond);
      matched = 0;
      for (const list of candidates ? [candidates, anyStart] : [anyStart]) {
        for (const { rule, pattern } of list) {
          if ((lastEnd.get(rule.id) ?? 0) > i) continue;
          const end = matchAt(pattern, stream, i, limit[i]!);
          if (end < 0) continue;
          let k = 0;
          while (k < matched && bestRules[k] !== rule) k++;
          if (k === matched) {
            bestRules[matched] = rule;
            bestEnds[matched++] = end;
          } else if (end > bestEnds[k]!) bestEnds[k] = end;
        }
      }
      for (let k = 0; k < matched; k++) {
        const rule = bestRules[k]!;
        const end = bestEnds[k]!;
        const finding = this.accept(rule, turn, turns, features, at[i]!, at[end - 1]! + 1);
        if (finding) {
          found.push(finding);
          lastEnd.set(rule.id, end);
        }
      }
    }
    return resolve(found, this.byId);
  }

  private accept(rule: RuleDef, turn: Turn, turns: readonly Turn[], f: TextFeatures, from: number, to: number): Finding | undefined {
    if (!rule.allowNegated && isNegated(f, from)) return undefined;
    if (!rule.allowQuestion && isQuestion(f, from)) return undefined;
    if (isQuoted(f, from, to)) return undefined;
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

/**
 * Within one turn: of overlapping findings of one category keep the longest (the first on a tie),
 * and drop findings whose rule gives way to another category in the turn (sympathy beside empathy).
 */
function resolve(found: Finding[], rules: ReadonlyMap<string, RuleDef>): Finding[] {
  const length = (f: Finding) => f.span[1] - f.span[0];
  const kept = found.filter((f, i) =>
    !found.some(
      (g, j) =>
        j !== i &&
        g.category === f.category &&
        g.span[0] < f.span[1] &&
        f.span[0] < g.span[1] &&
        (length(g) > length(f) || (length(g) === length(f) && j < i)),
    ),
  );
  const present = new Set(kept.map((f) => f.category));
  return kept
    .filter((f) => !(rules.get(f.rule)?.suppressedBy ?? []).some((c) => present.has(c)))
    .sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
}
