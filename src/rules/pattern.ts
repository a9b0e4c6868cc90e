// Token patterns: the one language for our phrase rules and for users' own rules.
//
//   sorry to hear [that|this]        words; [..] optional; (a|b c) alternatives; | inside either
//   i'll ~call you back              ~word: any word with the same Porter stem (calls, called)
//   within {number} (day|days)       {number} {time} {emoji} {word}: a token of that kind
//   can * help                       *: exactly one word;  **: up to three words
//
// Patterns compile to a small NFA simulated token by token (no backtracking), and no construct
// repeats without bound, so matching time is linear in the text whatever a user writes.
import { createRequire } from 'node:module';
import { tokenize, isWordLike, type Token, type TokenKind } from '../nlp/tokenize.js';

const require = createRequire(import.meta.url);
// A deep import: the package root loads storage back-ends and a .env file (see STYLE.md).
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(w: string): string };

export function stem(word: string): string {
  return porter.stem(word.replace(/'.*$/, ''));
}

/** A token as matching sees it. */
export interface MatchToken {
  norm: string;
  kind: TokenKind;
  /** Filled lazily: most tokens are never compared by stem. */
  stem?: string;
}

type Test = (t: MatchToken) => boolean;

type Instr =
  | { op: 'tok'; test: Test; literal?: string }
  | { op: 'split'; a: number; b: number }
  | { op: 'jmp'; to: number }
  | { op: 'accept' };

export interface CompiledPattern {
  source: string;
  program: Instr[];
  /** Words a match can start with; undefined when it can start with any token. */
  firstWords: Set<string> | undefined;
}

export class PatternError extends Error {}

/** Longest gap that `**` may skip. */
export const GAP = 3;

// ---- parsing -------------------------------------------------------------

type Node =
  | { type: 'word'; word: string }
  | { type: 'stem'; stem: string }
  | { type: 'kind'; kind: TokenKind }
  | { type: 'any' }
  | { type: 'gap' }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; options: Node[]; optional: boolean };

const KINDS: Record<string, TokenKind> = { number: 'number', time: 'time', emoji: 'emoji', word: 'word' };

function parse(source: string): Node {
  const lexemes = source.match(/\[|\]|\(|\)|\||[^\s[\]()|]+/g) ?? [];
  let pos = 0;
  const fail = (why: string): never => {
    throw new PatternError(`pattern "${source}": ${why}`);
  };

  function parseAlts(close: string | undefined): Node[] {
    const options: Node[] = [parseSeq(close)];
    while (lexemes[pos] === '|') {
      pos++;
      options.push(parseSeq(close));
    }
    return options;
  }

  function parseSeq(close: string | undefined): Node {
    const items: Node[] = [];
    while (pos < lexemes.length && lexemes[pos] !== '|' && lexemes[pos] !== close) {
      const lx = lexemes[pos++]!;
      if (lx === '[' || lx === '(') {
        const end = lx === '[' ? ']' : ')';
        const options = parseAlts(end);
        if (lexemes[pos] !== end) fail(`"${lx}" is not closed`);
        pos++;
        items.push({ type: 'alt', options, optional: lx === '[' });
      } else if (lx === ']' || lx === ')') {
        fail(`unexpected "${lx}"`);
      } else {
        items.push(...parseAtom(lx));
      }
    }
    if (items.length === 0) fail('empty alternative');
    return { type: 'seq', items };
  }

  function parseAtom(lx: string): Node[] {
    if (lx === '*') return [{ type: 'any' }];
    if (lx === '**') return [{ type: 'gap' }];
    const kind = /^\{(\w+)\}$/.exec(lx);
    if (kind) {
      const k = KINDS[kind[1]!];
      if (!k) fail(`unknown token class ${lx} (use {number}, {time}, {emoji} or {word})`);
      return [{ type: 'kind', kind: k! }];
    }
    const isStem = lx.startsWith('~');
    const words = tokenize(isStem ? lx.slice(1) : lx).filter(isWordLike);
    if (words.length === 0) fail(`"${lx}" has no word in it`);
    if (/[*{}~]/.test(isStem ? lx.slice(1) : lx)) fail(`"${lx}": wildcards and classes stand alone`);
    return words.map((t) => (isStem ? { type: 'stem' as const, stem: stem(t.norm) } : { type: 'word' as const, word: t.norm }));
  }

  const options = parseAlts(undefined);
  if (pos < lexemes.length) fail(`unexpected "${lexemes[pos]}"`);
  return options.length === 1 ? options[0]! : { type: 'alt', options, optional: false };
}

// ---- compiling -----------------------------------------------------------

function compileNode(node: Node, prog: Instr[]): void {
  switch (node.type) {
    case 'word':
      prog.push({ op: 'tok', test: (t) => t.norm === node.word, literal: node.word });
      return;
    case 'stem':
      prog.push({ op: 'tok', test: (t) => t.kind === 'word' && (t.stem ??= stem(t.norm)) === node.stem });
      return;
    case 'kind':
      prog.push({ op: 'tok', test: (t) => t.kind === node.kind });
      return;
    case 'any':
      prog.push({ op: 'tok', test: () => true });
      return;
    case 'gap': {
      // Up to GAP optional any-tokens: split → tok → split → tok ... each may be skipped to the end.
      const splits: number[] = [];
      for (let i = 0; i < GAP; i++) {
        splits.push(prog.length);
        prog.push({ op: 'split', a: prog.length + 1, b: -1 });
        prog.push({ op: 'tok', test: () => true });
      }
      for (const s of splits) (prog[s] as { b: number }).b = prog.length;
      return;
    }
    case 'seq':
      for (const item of node.items) compileNode(item, prog);
      return;
    case 'alt': {
      const jumps: number[] = [];
      const options = node.optional ? [...node.options, null] : node.options;
      options.forEach((opt, i) => {
        const last = i === options.length - 1;
        let split = -1;
        if (!last) {
          split = prog.length;
          prog.push({ op: 'split', a: prog.length + 1, b: -1 });
        }
        if (opt) compileNode(opt, prog);
        if (!last) {
          jumps.push(prog.length);
          prog.push({ op: 'jmp', to: -1 });
          (prog[split] as { b: number }).b = prog.length;
        }
      });
      for (const j of jumps) (prog[j] as { to: number }).to = prog.length;
      return;
    }
  }
}

function closure(prog: Instr[], pcs: Iterable<number>): Set<number> {
  const out = new Set<number>();
  const stack = [...pcs];
  while (stack.length) {
    const pc = stack.pop()!;
    if (out.has(pc)) continue;
    out.add(pc);
    const ins = prog[pc]!;
    if (ins.op === 'split') stack.push(ins.a, ins.b);
    else if (ins.op === 'jmp') stack.push(ins.to);
  }
  return out;
}

export function compilePattern(source: string): CompiledPattern {
  const prog: Instr[] = [];
  compileNode(parse(source.trim().toLowerCase()), prog);
  prog.push({ op: 'accept' });
  const start = closure(prog, [0]);
  if ([...start].some((pc) => prog[pc]!.op === 'accept')) {
    throw new PatternError(`pattern "${source}": can match nothing at all`);
  }
  let firstWords: Set<string> | undefined = new Set();
  for (const pc of start) {
    const ins = prog[pc]!;
    if (ins.op !== 'tok') continue;
    if (ins.literal === undefined) {
      firstWords = undefined;
      break;
    }
    firstWords.add(ins.literal);
  }
  return { source, program: prog, firstWords };
}

/**
 * The longest match starting at `from`, as the index one past its last token, or -1.
 * `limit` is one past the last token the match may use (the end of the sentence).
 */
export function matchAt(p: CompiledPattern, tokens: readonly MatchToken[], from: number, limit: number): number {
  const { program: prog, reach, seen, secondWords } = simulation(p);
  // Most candidates fail at their second word: check it before simulating anything.
  if (secondWords && (from + 1 >= limit || !secondWords.has(tokens[from + 1]!.norm))) return -1;
  // The states are the token tests reachable now; each step follows the ones that pass.
  let states = reach[0] ?? reachFrom(prog, reach, 0);
  let best = -1;
  for (let i = from; i < limit && states.length > 0; i++) {
    const next: number[] = [];
    if (seen.generation === 0x3fffffff) seen.at.fill((seen.generation = 0));
    const mark = ++seen.generation;
    let accepted = false;
    for (const pc of states) {
      const ins = prog[pc] as Extract<Instr, { op: 'tok' }>;
      if (!ins.test(tokens[i]!)) continue;
      for (const to of reach[pc + 1] ?? reachFrom(prog, reach, pc + 1)) {
        if (seen.at[to] === mark) continue;
        seen.at[to] = mark;
        if (prog[to]!.op === 'accept') accepted = true;
        else next.push(to);
      }
    }
    if (accepted) best = i + 1;
    states = next;
  }
  return best;
}

interface Simulation {
  program: Instr[];
  /** For each pc, the 'tok' and 'accept' instructions its epsilon closure holds; filled as needed. */
  reach: Array<number[] | undefined>;
  /** Marks for de-duplicating states within one step (a generation counter). */
  seen: { at: Int32Array; generation: number };
  /**
   * The words a match can have second, when every match is at least two tokens long and its second
   * token is always a literal word; otherwise undefined.
   */
  secondWords: Set<string> | undefined;
}

/**
 * The words a match of `p` can have second; undefined when a match may be one token long or its
 * second token need not be a given word. Lets an index skip patterns that cannot match here.
 */
export function secondWords(p: CompiledPattern): ReadonlySet<string> | undefined {
  return simulation(p).secondWords;
}

/** The closure of one pc, computed the first time a match gets there (most never do). */
function reachFrom(prog: Instr[], reach: Array<number[] | undefined>, pc: number): number[] {
  return (reach[pc] = [...closure(prog, [pc])].filter((q) => prog[q]!.op === 'tok' || prog[q]!.op === 'accept'));
}

function secondWordsOf(prog: Instr[], reach: Array<number[] | undefined>): Set<string> | undefined {
  const words = new Set<string>();
  for (const first of reach[0] ?? reachFrom(prog, reach, 0)) {
    for (const pc of reach[first + 1] ?? reachFrom(prog, reach, first + 1)) {
      const ins = prog[pc]!;
      if (ins.op !== 'tok' || ins.literal === undefined) return undefined; // could end, or any token may follow
      words.add(ins.literal);
    }
  }
  return words;
}

// Closures depend on the program only: computed once per pattern rather than at every token.
const simulations = new WeakMap<CompiledPattern, Simulation>();

function simulation(p: CompiledPattern): Simulation {
  let sim = simulations.get(p);
  if (!sim) {
    const prog = p.program;
    const reach: Array<number[] | undefined> = new Array(prog.length);
    sim = { program: prog, reach, seen: { at: new Int32Array(prog.length), generation: 0 }, secondWords: secondWordsOf(prog, reach) };
    simulations.set(p, sim);
  }
  return sim;
}

/** Tokens as matching sees them, from the tokeniser's output. */
export function toMatchTokens(tokens: readonly Token[]): MatchToken[] {
  return tokens.map((t) => ({ norm: t.norm, kind: t.kind }));
}
