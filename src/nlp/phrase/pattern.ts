// Token patterns: the one language for our phrase rules and for users' own rules.
//
//   sorry to hear [that|this]        words; [..] optional; (a|b c) alternatives; | inside either
//   i'll ~call you back              ~word: any word with the same Porter stem (calls, called)
//   within {number} (day|days)       {number} {time} {emoji} {word}: a token of that kind
//   {ordinal} time                   {quantity} {ordinal} {negator} {ing} {day} {time-unit}: a token
//                                    of that class (classes.ts)
//   waited {duration}                {duration}: a span of words ("for 3 weeks", "since Monday"),
//                                    at most one per pattern, outside ( ) and [ ] (classes.ts)
//   i can see why you're {feeling}   {name}: any entry of a named word list (src/rules/data/lists/)
//   can * help                       *: exactly one word;  **: up to three words
//
// Patterns compile to a small NFA simulated token by token (no backtracking), and no construct
// repeats without bound, so matching time is linear in the text whatever a user writes. A span
// splits a pattern in two: the automaton matches what comes before it, reads the span, then
// matches what comes after it.
import { createRequire } from 'node:module';
import { tokenize, isWordLike, type Token, type TokenKind } from '../tokenize.js';
import { table } from '../../model/records.js';
import { SPAN_CLASSES, TOKEN_CLASSES } from './classes.js';

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

/** One string per word patterns name: the same words recur across hundreds of patterns. */
const interned = new Map<string, string>();

function intern(word: string): string {
  let w = interned.get(word);
  if (w === undefined) {
    if (interned.size >= 50_000) interned.clear(); // bounded whatever users' rules name
    interned.set(word, (w = word));
  }
  return w;
}

/** A lexeme that tokenises to exactly itself as one plain word ("sorry", "don't"). */
const PLAIN_WORD = /^[a-z]+(?:'[a-z]+)*$/;

/** A token as matching sees it (a Token will do: stems are looked up by norm, in a cache). */
export interface MatchToken {
  readonly norm: string;
  readonly kind: TokenKind;
}

// What a state of a compiled pattern does. A token-reading state's code says what it tests, so
// matching needs no closure per state: a byte and an argument (`arg`) describe it.
const WORD = 0; // arg: the word
const SET = 1; // arg: a set of words
const STEM = 2; // arg: the Porter stem
const KIND = 3; // arg: a TokenKind
const ANY = 4;
const START = 5; // where a match starts; reads nothing
export const ACCEPT = 6;
// Only while compiling, in the program the states are drawn from:
const SPLIT = 7;
const JMP = 8;
const CLASS = 9; // arg: the name of a token class (classes.ts)

type Arg = string | ReadonlySet<string> | undefined;

/**
 * A pattern as an NFA in typed arrays: hundreds live in every process and worker, so the form
 * is kept compact. The states are the START state, then the pattern's token tests in pattern
 * order, then the ACCEPT state; the splits and jumps the pattern compiles to are only needed to
 * work out where each state leads, so they are not kept.
 */
export interface CompiledPattern {
  source: string;
  /** Each state's code (WORD ... ACCEPT). */
  op: Uint8Array;
  /** Each token test's argument (see the codes); undefined for the others. */
  arg: readonly Arg[];
  /** Words a match can start with; undefined when it can start with any token. */
  firstWords: Set<string> | undefined;
  /**
   * For each state s, the states entered once it has read a token (START: the states a match
   * starts in), ascending, none twice. One array, to keep it small: the bounds of every state's run
   * come first, then the runs; s's run is follow[follow[s]] up to follow[follow[s + 1]].
   */
  follow: Int32Array;
  /** Scratch space for matching, reused so a match allocates nothing: the step each state was last added in, */
  seen: Uint32Array | undefined;
  /** the current step's number, */
  step: number;
  /** and two state lists that take turns. */
  states: [Int32Array, Int32Array] | undefined;
  /**
   * A pattern that names a span class ({duration}): the states above match what comes before it
   * (none at all when the span begins the pattern), `rest` what comes after it, if anything.
   */
  span?: { name: string; rest: CompiledPattern | undefined };
}

/** Whether state `s` of `p`, a token test, passes `t`. */
export function tests(p: CompiledPattern, s: number, t: MatchToken): boolean {
  switch (p.op[s]) {
    case WORD:
      return t.norm === p.arg[s];
    case SET:
      return (p.arg[s] as ReadonlySet<string>).has(t.norm);
    case STEM:
      return t.kind === 'word' && stem(t.norm) === p.arg[s];
    case KIND:
      return t.kind === p.arg[s];
    case ANY:
      return true;
    case CLASS:
      return TOKEN_CLASSES[p.arg[s] as string]!.test(t.norm, t.kind);
    default:
      return false;
  }
}

/** Whether the pattern begins with its span ("{duration} later"): then no state reads a token before it. */
export const beginsWithSpan = (p: CompiledPattern): boolean => p.span !== undefined && p.op.length === 2;

/** Whether any of the pattern's tests is a token class ({quantity}, {ordinal}…). */
export const testsClasses = (p: CompiledPattern): boolean => p.op.includes(CLASS) || (p.span?.rest !== undefined && testsClasses(p.span.rest));

/**
 * The words a match can start with: the literal ones, and those of a word class; undefined when
 * a class of no fixed words ({negator}, {ing}, a kind, a wildcard) can start it too.
 */
export function startWords(p: CompiledPattern): Set<string> | undefined {
  if (beginsWithSpan(p)) return new Set(SPAN_CLASSES[p.span!.name]!.firstWords);
  if (p.firstWords) return new Set(p.firstWords);
  const out = new Set<string>();
  for (let q = p.follow[0]!; q < p.follow[1]!; q++) {
    const s = p.follow[q]!;
    const words = p.op[s] === CLASS ? TOKEN_CLASSES[p.arg[s] as string]!.words : undefined;
    if (p.op[s] === WORD || p.op[s] === SET) for (const w of literalsOf(p, s)) out.add(w);
    else if (words) for (const w of words) out.add(w);
    else return undefined;
  }
  return out;
}

function literalsOf(p: CompiledPattern, s: number): Iterable<string> {
  return p.op[s] === WORD ? [p.arg[s] as string] : (p.arg[s] as ReadonlySet<string>);
}

/** Every word the pattern's tests name literally. */
export function* literals(p: CompiledPattern): Iterable<string> {
  for (let s = 0; s < p.op.length; s++) {
    const arg = p.arg[s];
    if (p.op[s] === WORD) yield arg as string;
    else if (p.op[s] === SET) yield* arg as ReadonlySet<string>;
  }
}

export class PatternError extends Error {}

/**
 * A pattern as the hygiene checks compare it: the same pattern however it is spaced or cased, or
 * whichever apostrophe it is written with (matching reads them all alike).
 */
export const patternKey = (p: string): string =>
  p.toLowerCase().replace(/[\u2018\u2019\u02BC`\u00B4]/g, "'").replace(/\s+/g, ' ').replace(/\s*([[\]()|])\s*/g, '$1').trim();

/** Longest gap that `**` may skip. */
export const GAP = 3;

// ---- parsing -------------------------------------------------------------

type Node =
  | { type: 'word'; word: string }
  | { type: 'stem'; stem: string }
  | { type: 'kind'; kind: TokenKind }
  | { type: 'class'; name: string }
  | { type: 'span'; name: string }
  | { type: 'any' }
  | { type: 'gap' }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; options: Node[]; optional: boolean };

const KINDS = table<TokenKind>({ number: 'number', time: 'time', emoji: 'emoji', word: 'word' });

/** Names in braces that are classes, not word lists: a list may not take one. */
export const CLASS_NAMES: readonly string[] = [...Object.keys(KINDS), ...Object.keys(TOKEN_CLASSES), ...Object.keys(SPAN_CLASSES)];

/**
 * Named word lists, each kept as the alternation it stands for: "{feeling}" in a pattern reads as
 * "(frustrated|annoyed|fed up|…)". One list is written once and read by every pattern that names it,
 * so a team that adds a word to it adds it everywhere.
 */
const wordLists = new Map<string, Node>();
const wordListEntries = new Map<string, readonly string[]>();

/** Defines the named word lists patterns may use (the built-in ones, from src/rules/data/lists/). */
export function defineWordLists(lists: Readonly<Record<string, readonly string[]>>): void {
  for (const [name, entries] of Object.entries(lists)) {
    if (CLASS_NAMES.includes(name)) throw new PatternError(`word list "${name}": the name of a token class`);
    if (entries.length === 0) throw new PatternError(`word list "${name}" is empty`);
    const options = entries.map((entry) => {
      if (/[[\]()|*{}~]/.test(entry)) throw new PatternError(`word list "${name}": "${entry}" is not plain words`);
      return parse(entry);
    });
    wordLists.set(name, { type: 'alt', options, optional: false });
    wordListEntries.set(name, [...entries]);
  }
}

/** The word lists defined so far, by name, as written: for the catalogue's docs. */
export function definedWordLists(): ReadonlyMap<string, readonly string[]> {
  return wordListEntries;
}

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
    const kind = /^\{([\w-]+)\}$/.exec(lx);
    if (kind) {
      const k = KINDS[kind[1]!];
      if (k) return [{ type: 'kind', kind: k }];
      if (Object.hasOwn(TOKEN_CLASSES, kind[1]!)) return [{ type: 'class', name: kind[1]! }];
      if (Object.hasOwn(SPAN_CLASSES, kind[1]!)) return [{ type: 'span', name: kind[1]! }];
      const list = wordLists.get(kind[1]!);
      if (!list) fail(`unknown token class or word list ${lx} (use ${CLASS_NAMES.map((n) => `{${n}}`).join(', ')}${wordLists.size ? ` or a list: ${[...wordLists.keys()].map((n) => `{${n}}`).join(', ')}` : ''})`);
      return [list!];
    }
    if (PLAIN_WORD.test(lx)) return [{ type: 'word', word: intern(lx) }];
    const isStem = lx.startsWith('~');
    // Tokens keep contractions whole ("you're", "can't"), so a lone "'re" could never match.
    if (/^~?['\u2019]/.test(lx)) fail(`"${lx}": a contraction is one word, write it whole ("you're", "I've")`);
    const words = tokenize(isStem ? lx.slice(1) : lx).toArray().filter(isWordLike);
    if (words.length === 0) fail(`"${lx}" has no word in it`);
    if (/[*{}~]/.test(isStem ? lx.slice(1) : lx)) fail(`"${lx}": wildcards and classes stand alone`);
    return words.map((t) => (isStem ? { type: 'stem' as const, stem: stem(t.norm) } : { type: 'word' as const, word: intern(t.norm) }));
  }

  const options = parseAlts(undefined);
  if (pos < lexemes.length) fail(`unexpected "${lexemes[pos]}"`);
  return options.length === 1 ? options[0]! : { type: 'alt', options, optional: false };
}

// ---- compiling -----------------------------------------------------------

/** The program a pattern compiles to first: arrays that grow, one entry per instruction. */
interface Program {
  /** WORD ... ANY, SPLIT, JMP or ACCEPT. */
  op: number[];
  arg: Arg[];
  /** Where a jump goes, or a split's branch other than pc + 1. */
  to: number[];
}

function emit(prog: Program, op: number, arg?: Arg): number {
  prog.op.push(op);
  prog.arg.push(arg);
  prog.to.push(-1);
  return prog.op.length - 1;
}

function compileNode(node: Node, prog: Program): void {
  switch (node.type) {
    case 'word':
      emit(prog, WORD, node.word);
      return;
    case 'stem':
      emit(prog, STEM, node.stem);
      return;
    case 'kind':
      emit(prog, KIND, node.kind);
      return;
    case 'class':
      emit(prog, CLASS, node.name);
      return;
    case 'span':
      throw new PatternError('a span class is compiled by compileFromSource');
    case 'any':
      emit(prog, ANY);
      return;
    case 'gap': {
      // Up to GAP optional any-tokens: split → tok → split → tok ... each may be skipped to the end.
      const splits: number[] = [];
      for (let i = 0; i < GAP; i++) {
        splits.push(emit(prog, SPLIT));
        emit(prog, ANY);
      }
      for (const s of splits) prog.to[s] = prog.op.length;
      return;
    }
    case 'seq':
      for (const item of node.items) compileNode(item, prog);
      return;
    case 'alt': {
      const words = singleWords(node.options);
      if (words && words.size > 1) {
        // (a|b|c) of single words: one test against a set, not a chain of splits, one per word.
        const split = node.optional ? emit(prog, SPLIT) : -1;
        emit(prog, SET, words);
        if (node.optional) prog.to[split] = prog.op.length;
        return;
      }
      const jumps: number[] = [];
      const options = node.optional ? [...node.options, null] : node.options;
      options.forEach((opt, i) => {
        const last = i === options.length - 1;
        const split = last ? -1 : emit(prog, SPLIT);
        if (opt) compileNode(opt, prog);
        if (!last) {
          jumps.push(emit(prog, JMP));
          prog.to[split] = prog.op.length;
        }
      });
      for (const j of jumps) prog.to[j] = prog.op.length;
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

/**
 * Closures computed once per pattern, so matching only steps through token tests. Jumps and
 * splits only lead forward, so each closure is its successors' closures merged, computed backwards.
 */
function follows(prog: Program): number[][] {
  const out: number[][] = new Array(prog.op.length);
  for (let pc = prog.op.length - 1; pc >= 0; pc--) {
    const op = prog.op[pc]!;
    if (op === SPLIT) out[pc] = mergeSorted(out[pc + 1]!, out[prog.to[pc]!]!);
    else if (op === JMP) out[pc] = out[prog.to[pc]!]!;
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

/**
 * A compiled pattern as plain JSON, as the build stores the built-in patterns
 * (scripts/rules-data.js): op, arg (a word set as an array, none as null), the first words (null:
 * any token), follow, and for a pattern with a span, the span's name and what follows it.
 */
export type StoredPattern = [op: number[], arg: Array<string | string[] | null>, firstWords: string[] | null, follow: number[], span?: [name: string, rest: StoredPattern | null]];

export function storePattern(p: CompiledPattern): StoredPattern {
  const stored: StoredPattern = [Array.from(p.op), p.arg.map((a) => (a === undefined ? null : typeof a === 'string' ? a : [...a])), p.firstWords ? [...p.firstWords] : null, Array.from(p.follow)];
  if (p.span) stored.push([p.span.name, p.span.rest ? storePattern(p.span.rest) : null]);
  return stored;
}

function revivePattern(source: string, [op, arg, firstWords, follow, span]: StoredPattern): CompiledPattern {
  return {
    source,
    op: Uint8Array.from(op),
    arg: arg.map((a) => (a === null ? undefined : typeof a === 'string' ? a : new Set(a))),
    firstWords: firstWords ? new Set(firstWords) : undefined,
    follow: Int32Array.from(follow),
    seen: undefined,
    step: 0,
    states: undefined,
    ...(span && { span: { name: span[0], rest: span[1] ? revivePattern(source, span[1]) : undefined } }),
  };
}

/** Patterns the build compiled, by source: start-up revives them, several times faster than compiling. */
const stored = new Map<string, StoredPattern>();

export function useStoredPatterns(patterns: Readonly<Record<string, StoredPattern>>): void {
  for (const [source, p] of Object.entries(patterns)) stored.set(source, p);
}

export const hasStoredPattern = (source: string): boolean => stored.has(source);

/** The pattern compiled: by the build when it is a built-in rule's, else now. */
export function compilePattern(source: string): CompiledPattern {
  const built = stored.get(source);
  return built ? revivePattern(source, built) : compileFromSource(source);
}

/** Where a pattern's span stands, if it has one: in its top sequence, and only once. */
function splitAtSpan(source: string, node: Node): { before: Node[]; name: string; after: Node[] } | undefined {
  const spans = (n: Node): number => (n.type === 'span' ? 1 : n.type === 'seq' ? sum(n.items.map(spans)) : n.type === 'alt' ? sum(n.options.map(spans)) : 0);
  if (spans(node) === 0) return undefined;
  const top = node.type === 'seq' ? node.items : [];
  const at = top.findIndex((n) => n.type === 'span');
  const name = at < 0 ? '' : (top[at] as { name: string }).name;
  if (at < 0 || spans(node) > 1) throw new PatternError(`pattern "${source}": {${name || 'duration'}} may stand once in a pattern, outside ( ) and [ ]`);
  return { before: top.slice(0, at), name, after: top.slice(at + 1) };
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

export function compileFromSource(source: string): CompiledPattern {
  const node = parse(source.trim().toLowerCase());
  const split = splitAtSpan(source, node);
  if (!split) return compileNodes(source, node);
  const part = (items: Node[], where: string): CompiledPattern | undefined => {
    if (items.length === 0) return undefined;
    try {
      return compileNodes(source, { type: 'seq', items });
    } catch {
      throw new PatternError(`pattern "${source}": what stands ${where} {${split.name}} must read a word, or be left out`);
    }
  };
  const head = part(split.before, 'before') ?? spanFirst(source);
  return { ...head, span: { name: split.name, rest: part(split.after, 'after') } };
}

/** A pattern that begins with its span: no state reads a token before it, and no word starts it. */
function spanFirst(source: string): CompiledPattern {
  return { source, op: Uint8Array.of(START, ACCEPT), arg: [undefined, undefined], firstWords: new Set(), follow: Int32Array.of(3, 3, 3), seen: undefined, step: 0, states: undefined };
}

function compileNodes(source: string, node: Node): CompiledPattern {
  const prog: Program = { op: [], arg: [], to: [] };
  compileNode(node, prog);
  emit(prog, ACCEPT);
  const after = follows(prog);
  const start = after[0]!;
  if (start.some((pc) => prog.op[pc] === ACCEPT)) {
    throw new PatternError(`pattern "${source}": can match nothing at all`);
  }
  let firstWords: Set<string> | undefined = new Set();
  for (const pc of start) {
    const arg = prog.arg[pc];
    if (prog.op[pc] === WORD) firstWords.add(arg as string);
    else if (prog.op[pc] === SET) for (const w of arg as ReadonlySet<string>) firstWords.add(w);
    else {
      firstWords = undefined;
      break;
    }
  }

  // The states: START, then the instructions that read a token or accept, numbered in program
  // order (so runs stay ascending); a token test at pc leads to the closure of pc + 1.
  const state = new Int32Array(prog.op.length);
  const op = [START];
  const arg: Arg[] = [undefined];
  const runs = [start];
  prog.op.forEach((code, pc) => {
    if (code === SPLIT || code === JMP) return;
    state[pc] = op.length;
    op.push(code);
    arg.push(prog.arg[pc]);
    runs.push(code === ACCEPT ? [] : after[pc + 1]!);
  });
  const n = op.length;
  const follow = new Int32Array(n + 1 + runs.reduce((sum, run) => sum + run.length, 0));
  let at = n + 1;
  runs.forEach((run, s) => {
    follow[s] = at;
    for (const pc of run) follow[at++] = state[pc]!;
  });
  follow[n] = at;
  // arg.slice(): arrays grown by push keep spare room.
  return { source, op: Uint8Array.from(op), arg: arg.slice(), firstWords, follow, seen: undefined, step: 0, states: undefined };
}

/** A token test, as matchAt makes it: `tests` unless a caller (a test counting them) wraps it. */
export type TokenTest = (p: CompiledPattern, s: number, t: MatchToken) => boolean;

/**
 * The longest match starting at `from`, as the index one past its last token, or -1.
 * `limit` is one past the last token the match may use (the end of the sentence).
 */
export function matchAt(p: CompiledPattern, tokens: readonly MatchToken[], from: number, limit: number, test: TokenTest = tests): number {
  const { op, follow } = p;
  // Scratch made on the first match: patterns matched only through an automaton never need it.
  const seen = (p.seen ??= new Uint32Array(op.length));
  p.states ??= [new Int32Array(op.length), new Int32Array(op.length)];
  let states = p.states[0];
  let next = p.states[1];
  let count = 0;
  for (let q = follow[0]!; q < follow[1]!; q++) states[count++] = follow[q]!;
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
      const s = states[k]!;
      if (!test(p, s, token)) continue;
      for (let q = follow[s]!; q < follow[s + 1]!; q++) {
        const to = follow[q]!;
        if (seen[to] === step) continue;
        seen[to] = step;
        if (op[to] === ACCEPT) accepted = true;
        else next[n++] = to;
      }
    }
    if (accepted) best = i + 1;
    const read = states;
    states = next;
    next = read;
    count = n;
  }
  return best;
}

/** Tokens as matching sees them, from the tokeniser's output. */
export function toMatchTokens(tokens: readonly Token[]): MatchToken[] {
  return tokens.map((t) => ({ norm: t.norm, kind: t.kind }));
}
