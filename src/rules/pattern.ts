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

const stems = new Map<string, string>();

export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = porter.stem(word.replace(/'.*$/, ''));
    if (stems.size >= 50_000) stems.clear(); // bounded on any vocabulary
    stems.set(word, s);
  }
  return s;
}

/** A lexeme that tokenises to exactly itself as one plain word ("sorry", "don't"). */
const PLAIN_WORD = /^[a-z]+(?:'[a-z]+)*$/;

/** A token as matching sees it (a Token will do: stems are looked up by norm, in a cache). */
export interface MatchToken {
  readonly norm: string;
  readonly kind: TokenKind;
}

type Test = (t: MatchToken) => boolean;

type Instr =
  | { op: 'tok'; test: Test; literal?: string; literals?: ReadonlySet<string> }
  | { op: 'split'; a: number; b: number }
  | { op: 'jmp'; to: number }
  | { op: 'accept' };

export interface CompiledPattern {
  source: string;
  program: Instr[];
  /** Words a match can start with; undefined when it can start with any token. */
  firstWords: Set<string> | undefined;
  /** For each instruction, the token-reading or accepting instructions reached from it without reading. */
  follow: number[][];
  /** Scratch space for matching, reused so a match allocates nothing: the step each state was last added in, */
  seen: Uint32Array | undefined;
  /** the current step's number, */
  step: number;
  /** and two state lists that take turns. */
  states: [Int32Array, Int32Array] | undefined;
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
    if (PLAIN_WORD.test(lx)) return [{ type: 'word', word: lx }];
    const isStem = lx.startsWith('~');
    // Tokens keep contractions whole ("you're", "can't"), so a lone "'re" could never match.
    if (/^~?['\u2019]/.test(lx)) fail(`"${lx}": a contraction is one word, write it whole ("you're", "I've")`);
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
      prog.push({ op: 'tok', test: (t) => t.kind === 'word' && stem(t.norm) === node.stem });
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
      const words = singleWords(node.options);
      if (words && words.size > 1) {
        // (a|b|c) of single words: one test against a set, not a chain of splits, one per word.
        const split = prog.length;
        if (node.optional) prog.push({ op: 'split', a: split + 1, b: -1 });
        prog.push({ op: 'tok', test: (t) => words.has(t.norm), literals: words });
        if (node.optional) (prog[split] as { b: number }).b = prog.length;
        return;
      }
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

/** The words of alternatives that are each one literal word, or undefined. */
function singleWords(options: readonly Node[]): Set<string> | undefined {
  const words = new Set<string>();
  for (const o of options) {
    const only = o.type === 'seq' && o.items.length === 1 ? o.items[0]! : o;
    if (only.type !== 'word') return undefined;
    words.add(only.word);
  }
  return words;
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

/**
 * Closures computed once per pattern, so matching only steps through token tests. Jumps and
 * splits only lead forward, so each closure is its successors' closures merged, computed backwards.
 */
function follows(prog: Instr[]): number[][] {
  const out: number[][] = new Array(prog.length);
  for (let pc = prog.length - 1; pc >= 0; pc--) {
    const ins = prog[pc]!;
    if (ins.op === 'split') out[pc] = mergeSorted(out[ins.a]!, out[ins.b]!);
    else if (ins.op === 'jmp') out[pc] = out[ins.to]!;
    else out[pc] = [pc];
  }
  return out;
}

/** The union of two ascending arrays without repeats, ascending. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) i++;
    if (y <= x) j++;
    out[n++] = x <= y ? x : y;
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
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
    if (ins.literals) for (const w of ins.literals) firstWords.add(w);
    else if (ins.literal === undefined) {
      firstWords = undefined;
      break;
    } else firstWords.add(ins.literal);
  }
  const follow = follows(prog);
  return { source, program: prog, firstWords, follow, seen: undefined, step: 0, states: undefined };
}

/**
 * The longest match starting at `from`, as the index one past its last token, or -1.
 * `limit` is one past the last token the match may use (the end of the sentence).
 */
export function matchAt(p: CompiledPattern, tokens: readonly MatchToken[], from: number, limit: number): number {
  const prog = p.program;
  const follow = p.follow;
  // Scratch made on the first match: patterns matched only through an automaton never need it.
  const seen = (p.seen ??= new Uint32Array(prog.length));
  p.states ??= [new Int32Array(prog.length), new Int32Array(prog.length)];
  let states: ArrayLike<number> = follow[0]!;
  let count = states.length;
  let next = p.states[0];
  let spare = p.states[1];
  let best = -1;
  for (let i = from; i < limit && count > 0; i++) {
    const token = tokens[i]!;
    if (p.step === 0xffffffff) {
      seen.fill(0);
      p.step = 0;
    }
    const step = ++p.step;
    let n = 0;
    let accepted = false;
    for (let k = 0; k < count; k++) {
      const pc = states[k]!;
      const ins = prog[pc]!;
      if (ins.op !== 'tok' || !ins.test(token)) continue;
      const after = follow[pc + 1]!;
      for (let q = 0; q < after.length; q++) {
        const to = after[q]!;
        if (seen[to] === step) continue;
        seen[to] = step;
        if (prog[to]!.op === 'accept') accepted = true;
        else next[n++] = to;
      }
    }
    if (accepted) best = i + 1;
    states = next;
    count = n;
    next = spare;
    spare = states as Int32Array;
  }
  return best;
}

/** Tokens as matching sees them, from the tokeniser's output. */
export function toMatchTokens(tokens: readonly Token[]): MatchToken[] {
  return tokens.map((t) => ({ norm: t.norm, kind: t.kind }));
}
