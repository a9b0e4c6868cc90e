// Many token patterns matched at once: a DFA over all their NFAs, built lazily, one state per set of
// NFA states the text has actually led to. Walking it from a start position gives, for every
// pattern, the same ends `matchAt` would find, at the cost of one table look-up per token instead
// of one NFA simulation per pattern.
//
// Tokens are read as symbols: each distinct (kind, norm) gets a small integer once (numbers, times
// and emoji that no pattern names share one per kind), and every test a pattern can make (literal
// word, word set, stem, kind, wildcard) gives the same answer for tokens with the same symbol, so a
// transition computed once holds for every later token alike.
import { isWordLike, type Token, type TokenKind } from '../tokenize.js';
import { ACCEPT, literals, tests, type CompiledPattern, type MatchToken } from './pattern.js';

/** Bounds on what the caches may hold before they start afresh: bounded memory on any text. */
export interface AutomatonLimits {
  symbols: number;
  states: number;
  transitions: number;
}
const LIMITS: AutomatonLimits = { symbols: 100_000, states: 20_000, transitions: 200_000 };

const START = 0;
/** The symbol of a word to skip. */
export const SKIP = -1;

interface DState {
  /** Live NFA states as global ids (pattern offset + state), ascending. */
  live: Int32Array;
  /** Patterns (by index) that accepted on the token that led here, ascending. */
  accepts: Int32Array;
  /** Symbol → state index, filled as symbols are met. */
  next: Map<number, number>;
}

export class PatternAutomaton {
  readonly patterns: readonly CompiledPattern[];
  /** Global id of each pattern's state 0. */
  private readonly offset: Int32Array;
  /** For each global id, the pattern it belongs to. */
  private readonly owner: Int32Array;
  /** Patterns by the words they can start with, and those that can start with any token. */
  private readonly byFirstWord = new Map<string, number[]>();
  private readonly anyStart: number[] = [];

  /** Symbols by norm, one map per token kind. */
  private symbols: Array<Map<string, number>> = [];
  private symbolTokens: MatchToken[] = [];
  private states: DState[] = [];
  private stateIds = new Map<string, number>();
  /** Transitions out of the start state, by symbol (0: not computed yet; no transition leads back to START). */
  private startNext = new Int32Array(64);

  // Scratch for computing a transition.
  private readonly seenState: Uint32Array;
  private readonly seenPattern: Uint32Array;
  private stamp = 0;
  private liveBuf: Int32Array;
  private acceptBuf: Int32Array;
  /** Live and accepting counts in liveBuf / acceptBuf while a transition is computed. */
  private live = 0;
  private accepted = 0;
  /** The state no pattern is alive in, once made. */
  private deadState = -1;
  /** Transitions remembered since the last reset. */
  private transitions = 0;

  /** The last walk's accepts: pattern index and end (one past the last token), in order of end. */
  hitPattern = new Int32Array(16);
  hitEnd = new Int32Array(16);

  /** Every word some pattern names. */
  private readonly literals = new Set<string>();
  /** Per kind, the symbol of its tokens that no pattern names. */
  private otherOfKind: number[] = [];
  /** Words read as SKIP: the caller leaves them out of the text it walks. */
  private readonly skip: readonly string[];

  private readonly limits: AutomatonLimits;

  constructor(patterns: readonly CompiledPattern[], skip: Iterable<string> = [], limits: AutomatonLimits = LIMITS) {
    this.patterns = patterns;
    this.limits = limits;
    this.skip = [...skip];
    this.offset = new Int32Array(patterns.length);
    let total = 0;
    patterns.forEach((p, k) => {
      this.offset[k] = total;
      total += p.op.length;
      if (!p.firstWords) this.anyStart.push(k);
      else
        for (const w of p.firstWords) {
          const list = this.byFirstWord.get(w);
          if (list) list.push(k);
          else this.byFirstWord.set(w, [k]);
        }
    });
    for (const p of patterns) for (const w of literals(p)) this.literals.add(w);
    this.owner = new Int32Array(total);
    patterns.forEach((p, k) => this.owner.fill(k, this.offset[k]!, this.offset[k]! + p.op.length));
    this.seenState = new Uint32Array(total);
    this.seenPattern = new Uint32Array(patterns.length);
    this.liveBuf = new Int32Array(total);
    this.acceptBuf = new Int32Array(patterns.length);
    this.reset();
  }

  private reset(): void {
    this.symbols = KINDS.map(() => new Map());
    this.otherOfKind = [];
    for (const w of this.skip) this.symbols[0]!.set(w, SKIP);
    this.symbolTokens = [];
    this.stateIds = new Map();
    this.startNext = new Int32Array(64);
    this.states = [{ live: new Int32Array(0), accepts: new Int32Array(0), next: new Map() }]; // START, never stepped from directly
    this.deadState = -1;
    this.transitions = 0;
  }

  /**
   * Call before reading a text's symbols: when the caches have grown past their bounds they start
   * afresh, so symbols from before the call must not be used after it.
   */
  prepare(): void {
    const l = this.limits;
    if (this.symbolTokens.length > l.symbols || this.states.length > l.states || this.transitions > l.transitions) this.reset();
  }

  /** Whether a match could start at any of `tokens`: most texts hold none of a small set's first words. */
  mayStartIn(tokens: readonly MatchToken[]): boolean {
    if (this.anyStart.length > 0) return true;
    for (let i = 0; i < tokens.length; i++) if (this.byFirstWord.has(tokens[i]!.norm)) return true;
    return false;
  }

  /** The token's symbol: equal for tokens of one kind and norm; SKIP for the words to skip. */
  symbol(t: MatchToken): number {
    let map = this.symbols[0]!;
    if (t.kind !== 'word') {
      const slot = KINDS.indexOf(t.kind);
      // No pattern names this number, time or emoji, and only words have stems: every test reads
      // it as any other token of its kind (ids and amounts would otherwise each be a symbol).
      if (!this.literals.has(t.norm)) return (this.otherOfKind[slot] ??= this.newSymbol('', t.kind));
      map = this.symbols[slot]!;
    }
    let s = map.get(t.norm);
    if (s === undefined) map.set(t.norm, (s = this.newSymbol(t.norm, t.kind)));
    return s;
  }

  private newSymbol(norm: string, kind: TokenKind): number {
    this.symbolTokens.push({ norm, kind });
    return this.symbolTokens.length - 1;
  }

  /**
   * Walks from token `from` (symbols `syms`, no further than `limit`) and records in hitPattern /
   * hitEnd every pattern that accepts on the way, with the end; a pattern may be recorded again
   * with a longer end. Returns how many were recorded.
   */
  walk(syms: ArrayLike<number>, from: number, limit: number): number {
    let hits = 0;
    let state = START;
    for (let i = from; i < limit; i++) {
      const sym = syms[i]!;
      let to: number;
      if (state === START) {
        if (sym >= this.startNext.length) this.growStart(sym);
        to = this.startNext[sym]!;
        if (to === 0) to = this.startNext[sym] = this.transition(START, sym);
      } else {
        const known = this.states[state]!.next.get(sym);
        to = known === undefined ? this.transition(state, sym) : known;
      }
      const s = this.states[to]!;
      const accepts = s.accepts;
      if (accepts.length > 0) {
        if (hits + accepts.length > this.hitPattern.length) this.growHits(hits + accepts.length);
        for (let k = 0; k < accepts.length; k++) {
          this.hitPattern[hits] = accepts[k]!;
          this.hitEnd[hits++] = i + 1;
        }
      }
      if (s.live.length === 0) break;
      state = to;
    }
    return hits;
  }

  private growStart(sym: number): void {
    let size = this.startNext.length;
    while (size <= sym) size *= 2;
    const grown = new Int32Array(size);
    grown.set(this.startNext);
    this.startNext = grown;
  }

  private growHits(size: number): void {
    const n = Math.max(size, this.hitPattern.length * 2);
    const p = new Int32Array(n);
    const e = new Int32Array(n);
    p.set(this.hitPattern);
    e.set(this.hitEnd);
    this.hitPattern = p;
    this.hitEnd = e;
  }

  /** The state reached from `from` on symbol `sym`, computed from the NFAs and remembered. */
  private transition(from: number, sym: number): number {
    const token = this.symbolTokens[sym]!;
    if (this.stamp === 0xffffffff) {
      this.seenState.fill(0);
      this.seenPattern.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
    this.live = 0;
    this.accepted = 0;
    if (from === START) {
      const starting = this.byFirstWord.get(token.norm);
      if (starting) for (const k of starting) this.readStart(k, token);
      for (const k of this.anyStart) this.readStart(k, token);
    } else {
      for (const g of this.states[from]!.live) {
        const k = this.owner[g]!;
        this.read(k, g - this.offset[k]!, token);
      }
    }
    let id: number;
    if (this.live === 0 && this.accepted === 0) id = this.dead();
    else {
      const liveSet = this.liveBuf.slice(0, this.live).sort();
      const acceptSet = this.acceptBuf.slice(0, this.accepted).sort();
      const key = `${liveSet.join(',')}|${acceptSet.join(',')}`;
      id = this.stateIds.get(key) ?? this.addState(key, liveSet, acceptSet);
    }
    if (from !== START) this.states[from]!.next.set(sym, id);
    this.transitions++;
    return id;
  }


  /** The state no pattern is alive in. */
  private dead(): number {
    if (this.deadState < 0) this.deadState = this.addState('|', new Int32Array(0), new Int32Array(0));
    return this.deadState;
  }

  private addState(key: string, live: Int32Array, accepts: Int32Array): number {
    const id = this.states.length;
    this.states.push({ live, accepts, next: new Map() });
    this.stateIds.set(key, id);
    return id;
  }

  private readStart(k: number, token: MatchToken): void {
    const follow = this.patterns[k]!.follow;
    for (let q = follow[0]!; q < follow[1]!; q++) this.read(k, follow[q]!, token);
  }

  /** Pattern k's state s reads `token`: the states it leads to join the transition's. */
  private read(k: number, s: number, token: MatchToken): void {
    const p = this.patterns[k]!;
    if (!tests(p, s, token)) return;
    const base = this.offset[k]!;
    const stamp = this.stamp;
    const follow = p.follow;
    for (let q = follow[s]!; q < follow[s + 1]!; q++) {
      const to = follow[q]!;
      if (p.op[to] === ACCEPT) {
        if (this.seenPattern[k] !== stamp) {
          this.seenPattern[k] = stamp;
          this.acceptBuf[this.accepted++] = k;
        }
      } else if (this.seenState[base + to] !== stamp) {
        this.seenState[base + to] = stamp;
        this.liveBuf[this.live++] = base + to;
      }
    }
  }
}

const KINDS: readonly TokenKind[] = ['word', 'number', 'time', 'emoji', 'punct', 'symbol'];

/**
 * The stream a text is matched on: its words, numbers, times and emoji, fillers and other skipped
 * words left out, each read as its symbol. Writes each one's token index to `at` and its symbol to
 * `syms`, and returns how many there are.
 */
export function symbolStream(automaton: PatternAutomaton, tokens: readonly Token[], at: Int32Array, syms: Int32Array): number {
  let n = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isWordLike(t)) continue;
    const sym = automaton.symbol(t);
    if (sym === SKIP) continue;
    at[n] = i;
    syms[n++] = sym;
  }
  return n;
}
