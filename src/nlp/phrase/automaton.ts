// Many token patterns matched at once: a DFA over all their NFAs, built lazily, one state per set of
// NFA states the text has actually led to. Walking it from a start position gives, for every
// pattern, the same ends `matchAt` would find, at the cost of one table look-up per token instead
// of one NFA simulation per pattern.
//
// Tokens are read as symbols: each distinct (kind, norm) gets a small integer once (numbers, times
// and emoji that no pattern names share one per kind and token class), and every test a pattern
// can make (literal word, word set, stem, kind, class, wildcard) gives the same answer for tokens
// with the same symbol, so a transition computed once holds for every later token alike.
//
// A pattern with a span ({duration}) is matched in three steps: the automaton matches what comes
// before the span, the caller's span reader reads the span from where that ended, and what comes
// after it is matched from there.
import { TOKEN_KINDS as KINDS, type Tokens, type TokenKind } from '../tokenize.js';
import { SPAN_CLASSES, TOKEN_CLASSES, type SpanClass } from './classes.js';
import { lexemeGeneration, lexemeToken, nameNumbers, UNMATCHED, type Lexemes } from './lexemes.js';
import { ACCEPT, beginsWithSpan, literals, matchAt, tests, testsClasses, type CompiledPattern, type MatchToken } from './pattern.js';

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

/**
 * Reads a span class at a position of the walked stream: the position one past the span, or -1.
 * `first`: the span begins its pattern.
 */
export type SpanAt = (name: string, pos: number, limit: number, first: boolean) => number;

/** The span reader for a stream of `tokens` (`at[k]`: the k-th's index), for walks that have spans to read. */
export function spanReader(tokens: Tokens, at: ArrayLike<number>): SpanAt {
  return (name, pos, limit, first) => SPAN_CLASSES[name]!.read(tokens, at, pos, limit, first);
}

/** What `symbolAt` hands to `symbol`, which reads it and keeps nothing of it. */
const PROBE: { norm: string; kind: TokenKind } = { norm: '', kind: 'word' };

/** A position of the stream whose symbol is not read yet: `readSymbol` reads it when a walk needs it. */
export const UNREAD = -2;

/** Reads (and stores) the symbol of stream position i, for a stream read only where walked. */
export type ReadSymbol = (i: number) => number;

/** Live NFA states of a DFA state as global ids (pattern offset + state), ascending. */
type DState = Int32Array;

/**
 * The automaton's transitions out of every state but START (which has an array of its own), as
 * (state, symbol) → state in one open-addressing table: a walk's step reads three typed arrays in
 * one place, where a map per state had it chase a state object, its map and the map's table.
 */
class Transitions {
  /** From-state of each slot; 0 (START, never stored) marks an empty slot. */
  private from: Int32Array;
  private sym: Int32Array;
  private to: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 16) {
    this.from = new Int32Array(capacity);
    this.sym = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The state `from` leads to on `sym`, or -1 when not computed yet. */
  get(from: number, sym: number): number {
    const mask = this.mask;
    for (let h = slotOf(from, sym) & mask; ; h = (h + 1) & mask) {
      const f = this.from[h]!;
      if (f === 0) return -1;
      if (f === from && this.sym[h] === sym) return this.to[h]!;
    }
  }

  set(from: number, sym: number, to: number): void {
    if (2 * (this.count + 1) > this.from.length) this.grow();
    this.put(from, sym, to);
    this.count++;
  }

  private put(from: number, sym: number, to: number): void {
    const mask = this.mask;
    let h = slotOf(from, sym) & mask;
    while (this.from[h] !== 0) h = (h + 1) & mask;
    this.from[h] = from;
    this.sym[h] = sym;
    this.to[h] = to;
  }

  private grow(): void {
    const { from, sym, to } = this;
    const size = 2 * from.length;
    this.from = new Int32Array(size);
    this.sym = new Int32Array(size);
    this.to = new Int32Array(size);
    this.mask = size - 1;
    for (let h = 0; h < from.length; h++) if (from[h] !== 0) this.put(from[h]!, sym[h]!, to[h]!);
  }
}

/** A slot for (state, symbol): both mixed by multiplication, so neighbouring states spread out. */
const slotOf = (from: number, sym: number): number => Math.imul(from, 0x9e3779b1) ^ Math.imul(sym, 0x85ebca77);

export class PatternAutomaton {
  readonly patterns: readonly CompiledPattern[];
  /** Global id of each pattern's state 0. */
  private readonly offset: Int32Array;
  /** For each global id, the pattern it belongs to. */
  private readonly owner: Int32Array;
  /** Patterns by the words they can start with, and those that can start with any token. */
  private readonly byFirstWord = new Map<string, number[]>();
  private readonly anyStart: number[] = [];
  /** Patterns that begin with a span, and whether any pattern has one. */
  private readonly spanFirst: number[] = [];
  private readonly spanFirstClass: SpanClass[] = [];
  /** Per symbol, whether a pattern's first span may begin with it: 0 not known yet, 1 no, 2 yes. */
  private spanBegins = new Uint8Array(64);
  readonly hasSpans: boolean;
  /** Whether a token class tells numbers, times or emoji apart (then their symbols follow it). */
  private readonly classes: boolean;

  /** Symbols by norm, one map per token kind. */
  private symbols: Array<Map<string, number>> = [];
  private symbolTokens: MatchToken[] = [];
  private states: DState[] = [];
  private next = new Transitions();
  /**
   * What a walk reads of the state it steps to, in arrays indexed by state: the patterns that
   * accepted on the token that led there (acceptPool[acceptAt[s]…acceptEnd[s]), ascending), and
   * whether any pattern is still alive in it. Read from state objects, these loads were half the
   * walk's time: each state and its arrays lay apart in the heap.
   */
  private acceptAt = new Int32Array(16);
  private acceptEnd = new Int32Array(16);
  private alive = new Uint8Array(16);
  private acceptPool = new Int32Array(64);
  private stateIds = new Map<string, number>();
  /**
   * Per lexeme (lexemes.ts), its symbol + 2 (0: not read yet), and whether a match may start with
   * it (0: not known yet, 1: no, 2: yes); for the lexeme generation `lexemesOf`.
   */
  private symbolsByLexeme = new Int32Array(0);
  private startsWithLexeme = new Uint8Array(0);
  private lexemesOf = -1;
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
  /** Counts the times the caches started afresh: symbols read before a change are stale after it. */
  generation = 0;

  /** Scratch for reading spans: pattern and end of what comes before its span (-1: it begins with it). */
  private headPattern = new Int32Array(16);
  private headEnd = new Int32Array(16);

  /**
   * The last walk's accepts: pattern index and end (one past the last token), in order of end
   * (matches through a span last).
   */
  hitPattern = new Int32Array(16);
  hitEnd = new Int32Array(16);

  /** Every word some pattern names. */
  private readonly literals = new Set<string>();
  /** Per kind (and token classes, when patterns test any), the symbol of its tokens that no pattern names. */
  private otherOfKind = new Map<string, number>();
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
      if (beginsWithSpan(p)) {
        this.spanFirst.push(k);
        this.spanFirstClass.push(SPAN_CLASSES[p.span!.name]!);
      } else if (!p.firstWords) this.anyStart.push(k);
      else
        for (const w of p.firstWords) {
          const list = this.byFirstWord.get(w);
          if (list) list.push(k);
          else this.byFirstWord.set(w, [k]);
        }
    });
    for (const p of patterns) for (const w of literals(p)) this.literals.add(w);
    for (const p of patterns) if (p.span?.rest) for (const w of literals(p.span.rest)) this.literals.add(w);
    nameNumbers(this.literals);
    this.hasSpans = patterns.some((p) => p.span);
    this.classes = patterns.some(testsClasses);
    this.owner = new Int32Array(total);
    patterns.forEach((p, k) => this.owner.fill(k, this.offset[k]!, this.offset[k]! + p.op.length));
    this.seenState = new Uint32Array(total);
    this.seenPattern = new Uint32Array(patterns.length);
    this.liveBuf = new Int32Array(total);
    this.acceptBuf = new Int32Array(patterns.length);
    this.reset();
  }

  private reset(): void {
    this.generation++;
    this.symbols = KINDS.map(() => new Map());
    this.otherOfKind = new Map();
    for (const w of this.skip) this.symbols[0]!.set(w, SKIP);
    this.symbolTokens = [];
    this.stateIds = new Map();
    this.startNext = new Int32Array(64);
    this.spanBegins = new Uint8Array(64);
    this.symbolsByLexeme = new Int32Array(0);
    this.states = [new Int32Array(0)]; // START, never stepped from directly, nor to
    this.next = new Transitions();
    this.acceptAt = new Int32Array(16);
    this.acceptEnd = new Int32Array(16);
    this.alive = new Uint8Array(16);
    this.acceptPool = new Int32Array(64);
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
  mayStartIn(tokens: Tokens, from = 0, to = tokens.length): boolean {
    if (this.anyStart.length > 0 || this.spanFirst.length > 0) return true;
    for (let i = from; i < to; i++) if (this.byFirstWord.has(tokens.norm(i))) return true;
    return false;
  }

  /**
   * `mayStartIn` for tokens read as lexemes (`ids`, see lexemes.ts), remembered per lexeme: the
   * first of tokens [from, to) where a match may start, or -1 where none can.
   */
  firstStartInLexemes(ids: Lexemes, from: number, to: number): number {
    if (this.anyStart.length > 0 || this.spanFirst.length > 0) return from;
    this.syncLexemes();
    let starts = this.startsWithLexeme;
    for (let i = from; i < to; i++) {
      const id = ids[i]!;
      if (id === UNMATCHED) continue;
      if (id >= starts.length) starts = this.startsWithLexeme = grown(starts.length === 0 ? new Uint8Array(64) : starts, id);
      let known = starts[id]!;
      if (known === 0) known = starts[id] = this.byFirstWord.has(lexemeToken(id).norm) ? 2 : 1;
      if (known === 2) return i;
    }
    return -1;
  }

  /**
   * `symbolStream` for tokens read as lexemes, over tokens [from, to): writes each matchable
   * token's index to `at` and its symbol to `syms`, and returns how many there are. Call after
   * `prepare`.
   */
  lexemeStream(ids: Lexemes, from: number, to: number, at: Int32Array, syms: Int32Array): number {
    this.syncLexemes();
    let n = 0;
    for (let i = from; i < to; i++) {
      const id = ids[i]!;
      if (id === UNMATCHED) continue;
      const sym = this.lexemeSymbol(id);
      if (sym === SKIP) continue;
      at[n] = i;
      syms[n++] = sym;
    }
    return n;
  }

  /**
   * The symbol of lexeme `id` (see lexemes.ts), remembered per lexeme: a token's symbol without a
   * lookup by its words. Call after `prepare` and `syncLexemes`.
   */
  private lexemeSymbol(id: number): number {
    let known = this.symbolsByLexeme;
    if (id >= known.length) known = this.symbolsByLexeme = grown(known.length === 0 ? new Int32Array(64) : known, id);
    const sym = known[id]! - 2;
    if (sym !== -2) return sym;
    const fresh = this.symbol(lexemeToken(id));
    known[id] = fresh + 2;
    return fresh;
  }

  /** `lexemeSymbol` for one token read as lexeme `id` by a caller that reads its own stream. Call after `prepare`. */
  symbolOfLexeme(id: number): number {
    this.syncLexemes();
    return this.lexemeSymbol(id);
  }

  /** Forgets what was remembered per lexeme when the lexeme table has started afresh. */
  private syncLexemes(): void {
    const generation = lexemeGeneration();
    if (this.lexemesOf === generation) return;
    this.lexemesOf = generation;
    this.symbolsByLexeme = new Int32Array(0);
    this.startsWithLexeme = new Uint8Array(0);
  }

  /** `symbol` of token `i` of `tokens`. */
  symbolAt(tokens: Tokens, i: number): number {
    PROBE.norm = tokens.norm(i);
    PROBE.kind = tokens.kind(i);
    return this.symbol(PROBE);
  }

  /** The token's symbol: equal for tokens of one kind and norm; SKIP for the words to skip. */
  symbol(t: MatchToken): number {
    let map = this.symbols[0]!;
    if (t.kind !== 'word') {
      const slot = KINDS.indexOf(t.kind);
      // No pattern names this number, time or emoji, and only words have stems: every test reads
      // it as any other token of its kind and classes (ids and amounts would otherwise each be a
      // symbol). The first such token stands for them all.
      if (!this.literals.has(t.norm)) {
        const key = this.classes ? `${slot}${classKey(t)}` : String(slot);
        let sym = this.otherOfKind.get(key);
        if (sym === undefined) this.otherOfKind.set(key, (sym = this.newSymbol(t.norm, t.kind)));
        return sym;
      }
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
  walk(syms: ArrayLike<number>, from: number, limit: number, spanAt?: SpanAt, readSymbol?: ReadSymbol): number {
    let hits = 0;
    let state = START;
    for (let i = from; i < limit; i++) {
      let sym = syms[i]!;
      if (sym === UNREAD) sym = readSymbol!(i);
      let to: number;
      if (state === START) {
        if (sym >= this.startNext.length) this.growStart(sym);
        to = this.startNext[sym]!;
        if (to === 0) to = this.startNext[sym] = this.transition(START, sym);
      } else {
        to = this.next.get(state, sym);
        if (to < 0) to = this.transition(state, sym);
      }
      const first = this.acceptAt[to]!;
      const end = this.acceptEnd[to]!;
      if (end > first) {
        if (hits + end - first > this.hitPattern.length) this.growHits(hits + end - first);
        for (let k = first; k < end; k++) {
          this.hitPattern[hits] = this.acceptPool[k]!;
          this.hitEnd[hits++] = i + 1;
        }
      }
      if (this.alive[to] === 0) break;
      state = to;
    }
    return this.hasSpans ? this.spans(syms, from, limit, hits, spanAt, readSymbol) : hits;
  }

  /**
   * The walk's hits with spans read: a hit of what comes before a span is not a match yet; the
   * span is read where it ends, then what follows it. Matches through a span are recorded last.
   */
  private spans(syms: ArrayLike<number>, from: number, limit: number, walked: number, spanAt: SpanAt | undefined, readSymbol: ReadSymbol | undefined): number {
    let hits = 0;
    let heads = 0;
    if (this.headPattern.length < walked + this.spanFirst.length) {
      this.headPattern = new Int32Array(2 * (walked + this.spanFirst.length));
      this.headEnd = new Int32Array(this.headPattern.length);
    }
    for (let h = 0; h < walked; h++) {
      const k = this.hitPattern[h]!;
      if (this.patterns[k]!.span) {
        this.headPattern[heads] = k;
        this.headEnd[heads++] = this.hitEnd[h]!;
      } else {
        this.hitPattern[hits] = k;
        this.hitEnd[hits++] = this.hitEnd[h]!;
      }
    }
    if (!spanAt) return hits;
    if (this.spanFirst.length > 0 && from < limit) {
      let sym = syms[from]!;
      if (sym === UNREAD) sym = readSymbol!(from);
      if (sym >= this.spanBegins.length) this.spanBegins = grown(this.spanBegins, sym);
      const t = this.symbolTokens[sym]!;
      // Most tokens begin no span: remembered per symbol (1: none may, 2: some may).
      if (this.spanBegins[sym] === 0) this.spanBegins[sym] = this.spanFirstClass.some((c) => c.mayBegin(t.norm, t.kind)) ? 2 : 1;
      for (let x = 0; x < this.spanFirst.length && this.spanBegins[sym] === 2; x++) {
        const k = this.spanFirst[x]!;
        if (!this.spanFirstClass[x]!.mayBegin(t.norm, t.kind)) continue;
        this.headPattern[heads] = k;
        this.headEnd[heads++] = -1;
      }
    }
    for (let x = 0; x < heads; x++) {
      const k = this.headPattern[x]!;
      const first = this.headEnd[x]! < 0;
      const { name, rest } = this.patterns[k]!.span!;
      const at = first ? from : this.headEnd[x]!;
      const after = spanAt(name, at, limit, first);
      if (after <= at) continue;
      const end = rest ? this.matchRest(rest, syms, after, limit, readSymbol) : after;
      if (end < 0) continue;
      if (hits + 1 > this.hitPattern.length) this.growHits(hits + 1);
      this.hitPattern[hits] = k;
      this.hitEnd[hits++] = end;
    }
    return hits;
  }

  /** What follows a span, matched on the symbols' tokens (each stands for every token of its symbol). */
  private matchRest(rest: CompiledPattern, syms: ArrayLike<number>, from: number, limit: number, readSymbol: ReadSymbol | undefined): number {
    const tokens: MatchToken[] = [];
    for (let i = from; i < limit; i++) {
      const sym = syms[i]!;
      tokens.push(this.symbolTokens[sym === UNREAD ? readSymbol!(i) : sym]!);
    }
    const end = matchAt(rest, tokens, 0, tokens.length);
    return end < 0 ? -1 : from + end;
  }

  private growStart(sym: number): void {
    this.startNext = grown(this.startNext, sym);
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
      for (const g of this.states[from]!) {
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
    if (from !== START) this.next.set(from, sym, id);
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
    this.states.push(live);
    if (id >= this.alive.length) {
      this.acceptAt = grown(this.acceptAt, id);
      this.acceptEnd = grown(this.acceptEnd, id);
      this.alive = grown(this.alive, id);
    }
    const at = this.acceptEnd[id - 1]!;
    if (at + accepts.length > this.acceptPool.length) this.acceptPool = grown(this.acceptPool, at + accepts.length);
    this.acceptPool.set(accepts, at);
    this.acceptAt[id] = at;
    this.acceptEnd[id] = at + accepts.length;
    this.alive[id] = live.length > 0 ? 1 : 0;
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


const CLASSES = Object.values(TOKEN_CLASSES);

/** A copy of `a` doubled until index `at` fits. */
function grown<T extends Int32Array | Uint8Array>(a: T, at: number): T {
  let size = a.length;
  while (size <= at) size *= 2;
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}

/** Which token classes a token is in, as a string of 0s and 1s. */
function classKey(t: MatchToken): string {
  let key = '';
  for (const c of CLASSES) key += c.test(t.norm, t.kind) ? '1' : '0';
  return key;
}

/**
 * The stream a text is matched on: its words, numbers, times and emoji, fillers and other skipped
 * words left out, each read as its symbol. Writes each one's token index to `at` and its symbol to
 * `syms`, and returns how many there are.
 */
export function symbolStream(automaton: PatternAutomaton, tokens: Tokens, at: Int32Array, syms: Int32Array): number {
  let n = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens.isWordLike(i)) continue;
    const sym = automaton.symbolAt(tokens, i);
    if (sym === SKIP) continue;
    at[n] = i;
    syms[n++] = sym;
  }
  return n;
}
