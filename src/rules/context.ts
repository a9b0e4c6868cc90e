// Context that decides whether a phrase is really the speaker's own statement, and helpers that
// rules' `check` functions share to look around a match (the rest of the sentence, earlier turns).
import type { Role, Turn } from '../model/types.js';
import type { TextFeatures } from '../nlp/features.js';
import { featuresOf, isKnownText, lexemesOf, tokensOf } from '../nlp/features.js';
import { compilePattern, stem } from '../nlp/phrase/pattern.js';
import { PatternAutomaton, spanReader, type SpanAt } from '../nlp/phrase/automaton.js';
import { UNMATCHED, type Lexemes } from '../nlp/phrase/lexemes.js';
import { RecentMemo } from '../nlp/memo.js';
import { layoutOf, QUESTION, REPORTED } from '../nlp/layout.js';
import type { RuleMatch } from './types.js';
import { table } from '../model/records.js';

/**
 * Whether the tokens [from, to) quote or report another person's words: inside double quotes, or
 * after "you said" / "you were told" in the same clause ("You said nobody called, and I'm sorry"
 * reports the first part only), or anywhere after a recap in the sentence ("As you said, the fault
 * started on Monday").
 */
export function isQuoted(f: TextFeatures, from: number, to: number): boolean {
  const l = layoutOf(f);
  // Ranges are disjoint and in order: only the last one opening before `from` can hold the match.
  let lo = 0;
  let hi = l.quoted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (l.quoted[mid]![0] < from) lo = mid + 1;
    else hi = mid;
  }
  const range = l.quoted[lo - 1];
  if (range && to <= range[1] + 1) return true;
  return (l.flags[from]! & REPORTED) !== 0;
}

/** Whether a negator outside the match governs its first word ("I can't promise a callback"). */
export function isNegated(f: TextFeatures, from: number): boolean {
  const back = f.negatorBack[from]!; // how far before `from` its negator stands, or 0
  return back > 0 && back <= from;
}

/**
 * Whether token `i` is in a question: its sentence ends in "?" and no clause break stands between
 * them ("Sorry to hear that, can I take your number?" states the first clause and asks the second).
 */
export function isQuestion(f: TextFeatures, i: number): boolean {
  return (layoutOf(f).flags[i]! & QUESTION) !== 0;
}

/** Character range of the sentence holding token `i`. */
export function sentenceSpan(f: TextFeatures, i: number): [number, number] {
  const bounds = layoutOf(f).sentenceBounds;
  const s = f.sentenceOf[i]!;
  return [f.tokens.start(bounds[2 * s]!), f.tokens.end(bounds[2 * s + 1]! - 1)];
}

/** Words and marks that open a new clause of a sentence. */
// Not ":", which introduces what the clause is about ("here: <link>", "the times: 9 to 5").
const CLAUSE_OPENERS = new Set(['but', 'however', 'although', 'though', ';', '\u2014', '\u2013']);
/** An opener this short before a comma ("Sorry,", "Okay, so,") is a clause of its own. */
const OPENER_WORDS = 3;

/**
 * The clauses of the text, in order, as triples in `out` (emptied first, and returned): each
 * clause's first token, one past its last, and its sentence. A sentence splits after "but", "however", ";", ":" or a dash, and after a short opener and its
 * comma ("Sorry, the film is not showing there" is "Sorry," and "the film is not showing there").
 * Only those of tokens [from, n), which start and end with a sentence: a long text's, a window at a time.
 */
export function clausesOf(f: TextFeatures, out: number[], from = 0, n = f.tokens.length): number[] {
  out.length = 0;
  const sentenceOf = f.sentenceOf;
  // Sentences from the tokens' sentence numbers: no layout (cues, quotes) is needed to split clauses.
  for (let first = from; first < n; ) {
    const s = sentenceOf[first]!;
    let end = first + 1;
    while (end < n && sentenceOf[end] === s) end++;
    let from = first;
    for (let k = first; k < end; k++) {
      const norm = f.tokens.norm(k);
      const opens = CLAUSE_OPENERS.has(norm) || (norm === ',' && from === first && k - first <= OPENER_WORDS);
      if (opens && k > from) {
        out.push(from, CLAUSE_OPENERS.has(norm) ? k : k + 1, s);
        from = k + 1;
      } else if (opens) from = k + 1;
    }
    if (from < end) out.push(from, end, s);
    first = end;
  }
  return out;
}

// ---- helpers for checks --------------------------------------------------

/**
 * For each of the first `n` matchable tokens (their indices in features.tokens given by `at`), one
 * past the last matchable token of its sentence, written to `limit`: a phrase never runs across a
 * sentence end.
 */
export function fillSentenceLimits(f: TextFeatures, at: ArrayLike<number>, n: number, limit: Int32Array): void {
  const sentenceOf = f.sentenceOf;
  for (let j = n - 1; j >= 0; j--) limit[j] = j + 1 < n && sentenceOf[at[j]!] === sentenceOf[at[j + 1]!] ? limit[j + 1]! : j + 1;
}

/** Lower case with typographic apostrophes straightened, for checks that compare words. */
export function plain(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02BC`\u00B4]/g, "'");
}

// The pieces below, made plain once per match: a rule's conditions and extractor ask for the same
// piece again and again (a match is judged whole before the next one starts).
let memoMatch: RuleMatch | undefined;
let memo: { matched?: string; sentenceAfter?: string; turnAfter?: string; turnBefore?: string } = {};
function memoOf(m: RuleMatch): typeof memo {
  if (m !== memoMatch) {
    memoMatch = m;
    memo = {};
  }
  return memo;
}

/** The matched words' sentence after the match. */
export const sentenceAfter = (m: RuleMatch): string => (memoOf(m).sentenceAfter ??= plain(m.turn.text.slice(m.span[1], m.sentence[1])));
/** Everything the speaker says after the match in this turn. */
export const turnAfter = (m: RuleMatch): string => (memoOf(m).turnAfter ??= plain(m.turn.text.slice(m.span[1])));
/** Everything the speaker says before the match in this turn. */
export const turnBefore = (m: RuleMatch): string => (memoOf(m).turnBefore ??= plain(m.turn.text.slice(0, m.span[0])));
/** The matched text itself. */
export const matched = (m: RuleMatch): string => (memoOf(m).matched ??= plain(m.turn.text.slice(m.span[0], m.span[1])));

/** Where the match's turn is in `turns`: at its index in a canonical transcript, found without a scan. */
function positionOf(m: RuleMatch): number {
  const i = m.turn.index;
  return m.turns[i] === m.turn ? i : m.turns.findIndex((t) => t.index === i);
}

/** The closest earlier turn by `role`, not looking further back than `within` turns. */
export function previousTurn(m: RuleMatch, role: Role, within = 4): Turn | undefined {
  const at = positionOf(m);
  for (let i = at - 1; i >= 0 && at - i <= within; i--) if (m.turns[i]!.role === role) return m.turns[i];
  return undefined;
}

/**
 * The nearest earlier turn by `role` that `phrases` finds something in and that speaks of the same
 * action as `text` (sharesAction). Inside `withTurnIndex` those turns are indexed once per
 * conversation by their action stems, so a check that looks back from every match of a 2,000-turn
 * call neither rescans the turns before it nor compares it with every earlier one.
 */
export function findEarlierTurnSharingAction(m: RuleMatch, role: Role, phrases: PhraseSet, text: string): Turn | undefined {
  const at = positionOf(m);
  const wanted = actionStems(text);
  if (index?.turns !== m.turns) {
    for (let i = at - 1; i >= 0; i--) {
      const t = m.turns[i]!;
      if (t.role === role && phrases.test(t.text) && sharesStem(actionStems(t.text), wanted)) return t;
    }
    return undefined;
  }
  const key = `${role} ${phrases.id}`;
  let found = index.found.get(key);
  if (!found) index.found.set(key, (found = { scanned: 0, byStem: new Map() }));
  // A rule's own phrases were looked for in each turn when the engine matched it: ask it, not the text again.
  const heard = index.heard;
  const rule = phrases.ruleId === undefined ? undefined : heard?.indexOf.get(phrases.ruleId);
  for (; found.scanned < at; found.scanned++) {
    const t = m.turns[found.scanned]!;
    if (t.role !== role) continue;
    const said = rule === undefined ? undefined : heard!.byTurn.get(t)?.includes(rule);
    if (!(said ?? phrases.test(t.text))) continue;
    for (const s of actionStems(t.text)) {
      const list = found.byStem.get(s);
      if (list) list.push(found.scanned);
      else found.byStem.set(s, [found.scanned]);
    }
  }
  // Per stem, the last turn before `at` that holds it (turns are pushed in order); the nearest wins.
  let best = -1;
  for (const s of wanted) {
    const list = found.byStem.get(s);
    if (!list) continue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && list[lo - 1]! > best) best = list[lo - 1]!;
  }
  return best >= 0 ? m.turns[best] : undefined;
}

/**
 * The rules whose phrases the engine found somewhere in each turn it has matched (before any
 * condition), by rule index, and the index of each rule id: what a rule's phrase set would find.
 */
export interface HeardRules {
  byTurn: Map<Turn, readonly number[]>;
  indexOf: ReadonlyMap<string, number>;
}

/** The conversation being matched, and per role and phrase set the turns found so far, by action stem. */
let index: { turns: readonly Turn[]; found: Map<string, { scanned: number; byStem: Map<string, number[]> }>; heard: HeardRules | undefined } | undefined;

/** Runs `fn` with findEarlierTurnSharingAction indexing `turns` (and reading `heard`); the index is dropped after. */
export function withTurnIndex<T>(turns: readonly Turn[], fn: () => T, heard?: HeardRules): T {
  if (index) return fn(); // nested: the outer conversation keeps its index
  index = { turns, found: new Map(), heard };
  try {
    return fn();
  } finally {
    index = undefined;
    forgetLongTexts();
  }
}

/**
 * Where in a range of tokens a phrase must stand: `start` from its first token (a pattern anchored
 * at the start of the text after a match), `word` from its first word (punctuation may come
 * first), `end` ending on its last token (nothing, not even a comma, between it and the match
 * after), `whole` all of it.
 */
export type Anchor = 'start' | 'word' | 'end' | 'whole';

/** The token range [first, end) of the sentence holding token `i`. */
export function sentenceTokens(f: TextFeatures, i: number): [number, number] {
  const bounds = layoutOf(f).sentenceBounds;
  const s = f.sentenceOf[i]!;
  return [bounds[2 * s]!, bounds[2 * s + 1]!];
}

// Token ranges around a match, for PhraseSet.in: the rest of the turn after it, the turn before
// it, and the same within its sentence.
export const tokensAfter = (m: RuleMatch): [number, number] => [m.tokens[1], m.features.tokens.length];
export const tokensBefore = (m: RuleMatch): [number, number] => [0, m.tokens[0]];
export const sentenceTokensAfter = (m: RuleMatch): [number, number] => [m.tokens[1], sentenceTokens(m.features, m.tokens[0])[1]];
export const sentenceTokensBefore = (m: RuleMatch): [number, number] => [sentenceTokens(m.features, m.tokens[0])[0], m.tokens[0]];

/** No word, number or time in tokens [from, to) of `f`: only punctuation or emoji, or nothing ("\W*"). */
export function noWordsIn(f: TextFeatures, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const kind = f.tokens.kind(k);
    if (kind === 'word' || kind === 'number' || kind === 'time') return false;
  }
  return true;
}

/** One past the last token of token k's sentence, no further than `to`. */
function sentenceEndWithin(f: TextFeatures, k: number, to: number): number {
  const s = f.sentenceOf[k];
  let end = k + 1;
  while (end < to && f.sentenceOf[end] === s) end++;
  return end;
}

/** The first token of token k's sentence, no earlier than `from`. */
function sentenceStartWithin(f: TextFeatures, k: number, from: number): number {
  const s = f.sentenceOf[k];
  let first = k;
  while (first > from && f.sentenceOf[first - 1] === s) first--;
  return first;
}

/** From this many tokens on, a range is searched through the set's matches in the whole text (someIndexed). */
const LONG_RANGE = 1024;
const ANY_MATCH = (): boolean => true;
/** Never written: `in` without `accept` returns at the first match. */
const NO_MATCHES: number[] = [];

/** Where a phrase set matches in one text: each match's first token and one past its last, in order of start. */
interface HitIndex {
  f: TextFeatures;
  starts: Int32Array;
  ends: Int32Array;
}
/** The phrase sets holding a hit index: they let it go when the conversation has been matched. */
const indexed = new Set<PhraseSet>();

let phraseSets = 0;
let searchAt = new Int32Array(256);
let searchSyms = new Int32Array(256);
let searchLimit = new Int32Array(256);
/** How the walks of the current search read a span class ("for 3 weeks"): set with the symbols. */
let searchSpans: SpanAt | undefined;

/**
 * A set of token patterns compiled once that can be looked for in any text: how a rule's check
 * asks "did the agent offer options in the turn before?" in the same language rules are written in.
 */
export class PhraseSet {
  /** Tells phrase sets apart in indexes. */
  readonly id = phraseSets++;
  /** The rule whose patterns these are, when they are all of one rule's (phrasesOfRule). */
  ruleId: string | undefined;
  private readonly patterns: () => readonly string[];
  private compiled: PatternAutomaton | undefined;
  /** Every match in the last long text searched (someIndexed). */
  private hits: HitIndex | undefined;
  /** Compiled on first use: a command that never runs the check (`rules`, `report`) never pays for it. */
  private get automaton(): PatternAutomaton {
    return (this.compiled ??= new PatternAutomaton(this.patterns().map((p) => compilePattern(p))));
  }
  /**
   * `patterns`, or a function giving them on first use: a rule's patterns that code reads by id
   * (rule-patterns.ts) are known only once the rule data is loaded.
   */
  constructor(patterns: readonly string[] | (() => readonly string[])) {
    if (typeof patterns === 'function') this.patterns = patterns;
    else {
      const copy = [...patterns];
      this.patterns = () => copy;
    }
  }

  /**
   * Answers for texts seen recently: checks ask about the same earlier turns again and again. Keyed
   * by the text itself (with and without ignoreNegated), whose hash the string keeps once computed.
   */
  private readonly recent = [new TextMemo<boolean>(MEMO_SIZE / 2), new TextMemo<boolean>(MEMO_SIZE / 2)] as const;

  /** Whether any pattern matches somewhere in `text`, within one sentence. */
  test(text: string, opts: { ignoreNegated?: boolean } = {}): boolean {
    const memo = this.recent[opts.ignoreNegated ? 1 : 0];
    let answer = memo.get(text);
    if (answer === undefined) {
      answer = this.search(text, opts.ignoreNegated === true);
      memo.set(text, answer);
    }
    return answer;
  }

  /**
   * Whether a pattern matches inside the tokens [from, to) of `f`, within one sentence, and, when
   * `accept` is given, where it stands: an Anchor, or a test of the match's token range (end
   * exclusive) for a condition that asks more (first in its sentence, followed by another set).
   * Reads the features a turn already has: nothing is copied or tokenised again.
   */
  in(f: TextFeatures, from = 0, to = f.tokens.length, accept?: Anchor | ((start: number, end: number) => boolean)): boolean {
    // Made before the text is read: the numbers its patterns name are then read as themselves.
    const automaton = this.automaton;
    const ids = lexemesOf(f);
    if (typeof accept === 'string') return this.anchored(f, ids, from, to, accept);
    // Every match first, then `accept`: it may search again, which reuses the buffers.
    const found: number[] = accept === undefined ? NO_MATCHES : [];
    if (to - from >= LONG_RANGE) {
      if (accept === undefined) return this.someIndexed(f, ids, from, to, ANY_MATCH);
      this.someIndexed(f, ids, from, to, (start, end) => (found.push(start, end), false));
    } else {
      // The common case, a short range, walked here: no callback per match.
      const n = this.streamFromFirstStart(f, ids, from, to);
      for (let i = 0; i < n; i++) {
        const hits = automaton.walk(searchSyms, i, searchLimit[i]!, searchSpans);
        if (hits > 0 && accept === undefined) return true;
        for (let k = 0; k < hits; k++) found.push(searchAt[i]!, searchAt[automaton.hitEnd[k]! - 1]! + 1);
      }
    }
    for (let k = 0; k < found.length; k += 2) if (accept!(found[k]!, found[k + 1]!)) return true;
    return false;
  }

  /**
   * A match anchored at the start reads only the first word's sentence, one at the end only the
   * last word's: the rest of a long turn is not read for them.
   */
  private anchored(f: TextFeatures, ids: Lexemes, from: number, to: number, accept: Anchor): boolean {
    const automaton = this.automaton;
    let first = from;
    let end = to;
    if (accept === 'end') {
      if (to <= from || ids[to - 1] === UNMATCHED) return false;
      first = sentenceStartWithin(f, to - 1, from);
    } else {
      // From the first word, which must be the first token but for `word`.
      while (first < to && ids[first] === UNMATCHED) first++;
      if (first === to || (accept !== 'word' && first !== from)) return false;
      end = sentenceEndWithin(f, first, to);
    }
    // Most sets start with a few words: none of them where a match may start, nothing to walk
    // (anchored at its start, a match starts at the first word only).
    const start = automaton.firstStartInLexemes(ids, first, accept === 'end' ? end : first + 1);
    if (start < 0) return false;
    const n = this.symbols(f, ids, start, end);
    const at = searchAt;
    const limit = searchLimit;
    if (accept !== 'end') {
      if (n === 0) return false;
      const hits = automaton.walk(searchSyms, 0, limit[0]!, searchSpans);
      if (accept !== 'whole') return hits > 0;
      for (let k = 0; k < hits; k++) if (at[automaton.hitEnd[k]! - 1]! + 1 === to) return true;
      return false;
    }
    for (let i = 0; i < n; i++) {
      const hits = automaton.walk(searchSyms, i, limit[i]!, searchSpans);
      for (let k = 0; k < hits; k++) if (at[automaton.hitEnd[k]! - 1]! + 1 === to) return true;
    }
    return false;
  }

  /**
   * Calls `each(start, end)` with the token range of every match in tokens [from, to) of `f`, in
   * order of start, until it returns true; returns whether it did. `each` must not search.
   */
  private some(f: TextFeatures, ids: Lexemes, from: number, to: number, each: (start: number, end: number) => boolean): boolean {
    return to - from >= LONG_RANGE ? this.someIndexed(f, ids, from, to, each) : this.someWalked(f, ids, from, to, each);
  }

  private someWalked(f: TextFeatures, ids: Lexemes, from: number, to: number, each: (start: number, end: number) => boolean): boolean {
    const automaton = this.automaton;
    const n = this.streamFromFirstStart(f, ids, from, to);
    for (let i = 0; i < n; i++) {
      const hits = automaton.walk(searchSyms, i, searchLimit[i]!, searchSpans);
      for (let k = 0; k < hits; k++) if (each(searchAt[i]!, searchAt[automaton.hitEnd[k]! - 1]! + 1)) return true;
    }
    return false;
  }

  /**
   * `some` over a long range (the rest of a long turn, asked about after each match in it): the
   * matches of the whole text are found once and read from there. A match starting in a sentence
   * that ends inside the range is the same whatever the range; only a sentence the range cuts is
   * walked afresh.
   */
  private someIndexed(f: TextFeatures, ids: Lexemes, from: number, to: number, each: (start: number, end: number) => boolean): boolean {
    let last = to - 1;
    while (last >= from && ids[last] === UNMATCHED) last--;
    if (last < from) return false;
    let cut = to;
    const sentence = f.sentenceOf[last];
    for (let k = to; k < f.tokens.length && f.sentenceOf[k] === sentence; k++) {
      if (ids[k] === UNMATCHED) continue;
      cut = sentenceStartWithin(f, last, from);
      break;
    }
    const hits = this.hitsIn(f, ids);
    let lo = 0;
    let hi = hits.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits.starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    for (let h = lo; h < hits.starts.length && hits.starts[h]! < cut; h++) if (each(hits.starts[h]!, hits.ends[h]!)) return true;
    return cut < to && this.someWalked(f, ids, cut, to, each);
  }

  /** Every match of the set in `f` (see someIndexed), found on first use and kept until the conversation is matched. */
  private hitsIn(f: TextFeatures, ids: Lexemes): HitIndex {
    if (this.hits?.f === f) return this.hits;
    const starts: number[] = [];
    const ends: number[] = [];
    const found = (start: number, end: number) => (starts.push(start), ends.push(end), false);
    // A piece at a time, each ending with a sentence: the search buffers stay the size of a piece.
    const n = f.tokens.length;
    for (let from = 0; from < n; ) {
      const to = from + LONG_RANGE >= n ? n : sentenceEndWithin(f, from + LONG_RANGE - 1, n);
      this.someWalked(f, ids, from, to, found);
      from = to;
    }
    this.hits = { f, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
    indexed.add(this);
    return this.hits;
  }

  /** Lets the text of the hit index go. */
  forgetHits(): void {
    this.hits = undefined;
  }

  /**
   * `symbols` from the first token of [from, to) where one of the set's matches may start; 0 when
   * none can. Most sets start with a few words: often none is in the range, and no match starts
   * before the first of them, so the words before it are not read.
   */
  private streamFromFirstStart(f: TextFeatures, ids: Lexemes, from: number, to: number): number {
    const first = this.automaton.firstStartInLexemes(ids, from, to);
    return first < 0 ? 0 : this.symbols(f, ids, first, to);
  }

  /**
   * The symbols of the word-like tokens of f in [from, to) in the shared buffers, with each one's
   * token index and sentence limit; returns how many.
   */
  private symbols(f: TextFeatures, ids: Lexemes, from: number, to: number): number {
    const automaton = this.automaton;
    automaton.prepare();
    const size = to - from;
    // Buffers shared by every search (one runs at a time: a walk calls nothing back).
    if (searchAt.length < size) {
      const grown = Math.max(size, 2 * searchAt.length);
      searchAt = new Int32Array(grown);
      searchSyms = new Int32Array(grown);
      searchLimit = new Int32Array(grown);
    }
    const n = automaton.lexemeStream(ids, from, to, searchAt, searchSyms);
    fillSentenceLimits(f, searchAt, n, searchLimit);
    searchSpans = automaton.hasSpans ? spanReader(f.tokens, searchAt) : undefined;
    return n;
  }

  private search(text: string, ignoreNegated: boolean): boolean {
    const f = featuresOf(text);
    void this.automaton; // made before the text is read, as in `in`
    return this.some(f, lexemesOf(f), 0, f.tokens.length, ignoreNegated ? (start) => !isNegated(f, start) : ANY_MATCH);
  }
}

/** Past forms Porter does not bring back to their verb. */
const IRREGULAR = table<string>({
  sent: 'send', rang: 'ring', rung: 'ring', gave: 'give', given: 'give', made: 'make', got: 'get', gotten: 'get',
  done: 'do', did: 'do', put: 'put', paid: 'pai', told: 'tell', spoke: 'speak', spoken: 'speak', wrote: 'write',
  written: 'write', came: 'come', went: 'go', gone: 'go', rebooked: 'rebook', phoned: 'phone', sorted: 'sort',
});

/** Words that say nothing about which action is meant. */
const NOT_CONTENT = new Set([
  'i', 'you', 'we', 'it', 'the', 'a', 'an', 'to', 'your', 'my', 'our', 'me', 'us', 'back', 'for', 'of', 'on', 'in',
  'that', 'this', 'be', 'been', 'have', 'has', 'will', "i'll", "we'll", "i've", "we've", 'just', 'now', 'all',
  'and', 'up', 'out', 'with', 'by', 'so', 'get', 'do', 'make', 'sure', 'over', 'through', 'them', 'they',
  'is', 'was', 'are', 'were', 'someone', 'nobody', 'never', 'no', 'one', 'did', "didn't", 'today', 'tomorrow',
]);

/** How many recent answers a memo keeps before starting afresh: bounded memory on any batch. */
const MEMO_SIZE = 2000;
/** The longest text a memo keeps among its many when it is not a turn's own text (see TextMemo). */
const MEMO_LENGTH = 1000;

/** Long texts the memos keep between them (see TextMemo), and whose memo each answer is. */
const LONG_KEPT = 8;
const longOwners: Array<TextMemo<unknown> | undefined> = new Array(LONG_KEPT).fill(undefined);
const longTexts: Array<string | undefined> = new Array(LONG_KEPT).fill(undefined);
const longAnswers: unknown[] = new Array(LONG_KEPT).fill(undefined);
let nextLong = 0;

/** Lets the long texts go: once a conversation is matched, no check asks about them again. */
function forgetLongTexts(): void {
  for (const set of indexed) set.forgetHits();
  indexed.clear();
  memoMatch = undefined; // the last match would keep its turn's tokens until the next one
  memo = {};
  longOwners.fill(undefined);
  longTexts.fill(undefined);
  longAnswers.fill(undefined);
}

/**
 * Answers about texts: up to `size` short ones or turns' own texts (asked about again and again, and
 * in memory anyway), and, among the last few long texts any memo was asked about, its own. A long
 * text made for one match ("the rest of the turn after it") is asked about a few times, by the
 * checks of the rules matched there, then never again: kept with the others, each would hold its
 * own copy of the turn (in a 1-million-character turn, the memos held hundreds of megabytes of them).
 */
class TextMemo<V> {
  private readonly answers: RecentMemo<string, V>;

  constructor(size: number) {
    this.answers = new RecentMemo(size);
  }

  get(text: string): V | undefined {
    if (text.length > MEMO_LENGTH) {
      for (let k = 0; k < LONG_KEPT; k++) if (longOwners[k] === this && longTexts[k] === text) return longAnswers[k] as V;
    }
    return this.answers.get(text);
  }

  set(text: string, answer: V): void {
    if (text.length > MEMO_LENGTH && !isKnownText(text)) {
      longOwners[nextLong] = this;
      longTexts[nextLong] = text;
      longAnswers[nextLong] = answer;
      nextLong = (nextLong + 1) % LONG_KEPT;
      return;
    }
    this.answers.set(text, answer);
  }
}

const stemsOf = new TextMemo<Set<string>>(MEMO_SIZE);

/** Stems of the content words of a phrase, for telling whether two phrases speak of one action. */
export function actionStems(text: string): Set<string> {
  const known = stemsOf.get(text);
  if (known) return known;
  const out = new Set<string>();
  stemsOf.set(text, out);
  const tokens = tokensOf(text);
  for (let k = 0; k < tokens.length; k++) {
    const norm = tokens.norm(k);
    if (!tokens.isWord(k) || NOT_CONTENT.has(norm)) continue;
    out.add(IRREGULAR[norm] ? stem(IRREGULAR[norm]!) : stem(norm));
  }
  return out;
}

export function sharesAction(a: string, b: string): boolean {
  return sharesStem(actionStems(a), actionStems(b));
}

function sharesStem(a: Set<string>, b: Set<string>): boolean {
  for (const s of b) if (a.has(s)) return true;
  return false;
}
