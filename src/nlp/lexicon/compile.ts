// Compiles phrase rules (phrases.ts) into one token trie keyed on token norms, and matches it.
// Matching builds the trie a first word at a time and does Map look-ups only, no regular expressions.
import type { Token } from '../tokenize.js';
import { isNegator } from '../negation.js';
import { type PhraseRule, PHRASES } from './phrases.js';

export interface TrieNode {
  /** Children by atom; leaves, most nodes, share one empty map. */
  next: ReadonlyMap<string, TrieNode>;
  /** Any class or wildcard edge leaves this node (so plain nodes skip class look-ups). */
  hasSpecial: boolean;
  rule: PhraseRule | undefined;
}

const CLASS_NAMES = ['<num>', '<ord>', '<neg>', '<dur>', '<day>', '<ving>', '<durx>', '*'] as const;
const CLASS_SET: ReadonlySet<string> = new Set(CLASS_NAMES);

const NUMBER_WORDS = new Set([
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'hundred', 'few', 'several', 'couple', 'many', 'multiple',
  'numerous', 'countless', 'dozen', 'dozens', 'half', 'umpteen', 'loads', 'lots',
]);
const ORDINAL_WORDS = new Set([
  'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'twentieth', 'hundredth', 'millionth', 'nth', 'umpteenth', 'fifteenth',
]);
const DURATION_UNITS = new Set([
  'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'month', 'months',
  'year', 'years', 'fortnight', 'fortnights', 'ages', 'forever', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'decade',
]);
const DAY_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'christmas',
  'easter', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
const DURATION_LEAD = new Set([
  'for', 'over', 'nearly', 'almost', 'about', 'around', 'approximately', 'roughly', 'like', 'the', 'past', 'last',
  'more', 'than', 'at', 'least', 'well', 'upwards', 'of', 'all', 'whole', 'entire', 'literally', 'close', 'to', 'a', 'good',
  'next', 'another', 'up',
]);
const SPAN_LEAD = new Set(['all', 'whole', 'entire', 'past', 'last']);
/** Words a duration expression can start with (numbers are checked by kind). */
const DURATION_START: ReadonlySet<string> = new Set(['since', 'ages', 'forever', ...DURATION_LEAD, ...NUMBER_WORDS]);
/**
 * Where a phrase may *begin* with a duration ("three weeks later", "two hours of my life"), the
 * duration starts with a quantity or a span word, never with "for", "the", "of"…
 */
const ROOT_DURATION_START: ReadonlySet<string> = new Set(['since', 'ages', 'forever', 'over', 'nearly', 'almost', 'about', 'around', 'all', 'whole', 'literally', ...NUMBER_WORDS]);
const DURATION_QUANTITY_JOIN = new Set(['and', 'or', 'of', 'plus', 'half', 'to']);
const DURATION_TAIL = new Set(['now', 'already', 'straight', 'plus', 'solid']);
const DURATION_NOT_AFTER = new Set(['ago', 'before', 'earlier', 'from', 'time', 'notice', 'delivery', 'later']);

/** Single-token classes of a token (not '<durx>', which spans tokens). */
const NO_CLASSES: string[] = [];
const classCache = new Map<string, string[]>();

export function tokenClasses(t: Token): string[] {
  if (t.kind === 'word') {
    let c = classCache.get(t.norm);
    if (!c) {
      c = computeClasses(t);
      if (c.length === 0) c = NO_CLASSES;
      if (classCache.size > 50_000) classCache.clear();
      classCache.set(t.norm, c);
    }
    return c;
  }
  return t.kind === 'number' ? numberClasses(t.norm) : NO_CLASSES;
}

/** A number has one class or none: shared lists, not a new one per look-up (callers only read them). */
const ORD_CLASS = ['<ord>'];
const NUM_CLASS = ['<num>'];

function numberClasses(n: string): string[] {
  const ord = n.length > 2 && /^\d+(?:st|nd|rd|th)$/.test(n);
  return !ord ? NUM_CLASS : n !== '1st' ? ORD_CLASS : NO_CLASSES;
}

function computeClasses(t: Token): string[] {
  const out: string[] = [];
  const n = t.norm;
  if (t.kind === 'word') {
    if (NUMBER_WORDS.has(n)) out.push('<num>');
    if (ORDINAL_WORDS.has(n)) out.push('<ord>');
    if (DURATION_UNITS.has(n)) out.push('<dur>');
    if (DAY_WORDS.has(n)) out.push('<day>');
    if (n.length > 4 && n.endsWith('ing')) out.push('<ving>');
    if (isNegator(n)) out.push('<neg>');
  }
  return out;
}

// ---- compile ---------------------------------------------------------------------------------

/** One element of a pattern: its alternatives (each a token sequence) and whether it may be absent. */
interface Element {
  alts: string[][];
  optional: boolean;
}

function parsePattern(pattern: string): Element[] {
  return pattern.trim().split(/\s+/).map((raw) => {
    const optional = raw.endsWith('?') && raw.length > 1;
    const body = optional ? raw.slice(0, -1) : raw;
    const alts = [...new Set(body.split('|'))].map((a) => a.split('_'));
    return { alts, optional };
  });
}

const MAX_EXPANSIONS = 5000;

/**
 * Calls `visit` with every token sequence the elements expand to, in order (each element's
 * absence first when optional, then its alternatives in order), without building them all: a
 * rule can expand to thousands. With `first`, only the sequences that start with that atom, in
 * the same order. `visit` must not keep the array it is given.
 */
function expand(elements: Element[], visit: (seq: readonly string[]) => void, first?: string): void {
  let count = 1;
  for (const el of elements) {
    count *= el.alts.length + (el.optional ? 1 : 0);
    if (count > MAX_EXPANSIONS) throw new Error(`phrase pattern expands to too many sequences`);
  }
  const path: string[] = [];
  const walk = (k: number): void => {
    if (k === elements.length) {
      if (path.length > 0) visit(path);
      return;
    }
    const el = elements[k]!;
    if (el.optional) walk(k + 1);
    for (const alt of el.alts) {
      if (first !== undefined && path.length === 0 && alt[0] !== first) continue;
      const depth = path.length;
      for (const a of alt) path.push(a);
      walk(k + 1);
      path.length = depth;
    }
  };
  walk(0);
}

/** The atoms a pattern's sequences can start with: its elements' first tokens, up to the first required one. */
function firstAtoms(elements: readonly Element[]): Set<string> {
  const out = new Set<string>();
  for (const el of elements) {
    for (const alt of el.alts) out.add(alt[0]!);
    if (!el.optional) break;
  }
  return out;
}

const ATOM = /^(?:<[a-z]+>|\*|[a-z0-9]+(?:['-][a-z0-9]+)*'?)$/;

export interface CompiledPhrases {
  root: TrieNode;
  /** Data-hygiene problems: bad atoms, conflicting duplicates, a pattern that starts with a gap. */
  readonly problems: string[];
  readonly sequences: number;
}

const atomValidity = new Map<string, boolean>();
function validAtom(atom: string): boolean {
  let ok = atomValidity.get(atom);
  if (ok === undefined) {
    ok = ATOM.test(atom) && !(atom.startsWith('<') && !CLASS_SET.has(atom));
    atomValidity.set(atom, ok);
  }
  return ok;
}

/** An empty map costs some 200 bytes of heap, and a call's words build thousands of leaves. */
const NO_CHILDREN: ReadonlyMap<string, TrieNode> = new Map();

function node(): TrieNode {
  return { next: NO_CHILDREN, hasSpecial: false, rule: undefined };
}

/** Inserts rules' sequences into a trie (all of them, or those starting with `first`); counts and reports as it goes. */
class TrieBuilder {
  readonly problems: string[] = [];
  sequences = 0;
  constructor(readonly root: TrieNode) {}

  add(rule: PhraseRule, elements: Element[] | Error, first?: string): void {
    if (elements instanceof Error) {
      this.problems.push(`"${rule.pattern}": ${elements.message}`);
      return;
    }
    try {
      expand(elements, (seq) => this.insert(rule, seq), first);
    } catch (e) {
      this.problems.push(`"${rule.pattern}": ${(e as Error).message}`);
    }
  }

  private insert(rule: PhraseRule, seq: readonly string[]): void {
    if (seq[0] === '*' || seq[seq.length - 1] === '*') {
      this.problems.push(`"${rule.pattern}": a sequence starts or ends with "*" (${seq.join(' ')})`);
      return;
    }
    let cur = this.root;
    for (const atom of seq) {
      if (!validAtom(atom)) {
        this.problems.push(`"${rule.pattern}": bad token "${atom}" (lower case, straight apostrophes, known class)`);
        return;
      }
      let child = cur.next.get(atom);
      if (!child) {
        child = node();
        if (cur.next === NO_CHILDREN) cur.next = new Map();
        (cur.next as Map<string, TrieNode>).set(atom, child);
        if (CLASS_SET.has(atom)) cur.hasSpecial = true;
      }
      cur = child;
    }
    this.sequences++;
    const prev = cur.rule;
    if (prev && prev !== rule && (prev.weight !== rule.weight || prev.why !== rule.why)) {
      this.problems.push(`"${seq.join(' ')}" is matched by "${prev.pattern}" and "${rule.pattern}"`);
      return;
    }
    if (!prev) cur.rule = rule;
  }
}

function parseOrError(pattern: string): Element[] | Error {
  try {
    return parsePattern(pattern);
  } catch (e) {
    return e as Error;
  }
}

/** The whole trie at once, with every data problem: for checking the lexicon. */
export function compilePhrases(rules: readonly PhraseRule[]): CompiledPhrases {
  const b = new TrieBuilder(node());
  for (const rule of rules) {
    if (rule.why.trim() === '') b.problems.push(`"${rule.pattern}": missing why`);
    b.add(rule, parseOrError(rule.pattern));
  }
  return { root: b.root, problems: [...new Set(b.problems)], sequences: b.sequences };
}

/**
 * The phrase trie for matching, its root's children built the first time a word looks them up:
 * the whole trie has some 16,000 nodes and one call's words reach a few of its branches, so
 * building it all at start-up cost more than short runs spend matching (issue 7). Each branch is
 * built from the same rules in the same order as compilePhrases builds it, so the tries are equal.
 */
export class PhraseTrie {
  readonly root: TrieNode = node();
  /** Every atom a sequence can start with. */
  readonly starts: ReadonlySet<string>;
  /** First atom → the parsed rules with a sequence starting with it, in rule order; built ones leave. */
  private readonly pending = new Map<string, Array<[PhraseRule, Element[]]>>();

  constructor(rules: readonly PhraseRule[]) {
    for (const rule of rules) {
      const elements = parseOrError(rule.pattern);
      if (elements instanceof Error) continue; // inserts nothing; compilePhrases reports it
      for (const atom of firstAtoms(elements)) {
        const list = this.pending.get(atom);
        if (list) list.push([rule, elements]);
        else this.pending.set(atom, [[rule, elements]]);
      }
    }
    this.starts = new Set(this.pending.keys());
  }

  /** The branch for sequences starting with `atom`, or undefined when none does. */
  child(atom: string): TrieNode | undefined {
    const built = this.root.next.get(atom);
    if (built || !this.pending.has(atom)) return built;
    const builder = new TrieBuilder(this.root);
    for (const [rule, elements] of this.pending.get(atom)!) builder.add(rule, elements, atom);
    this.pending.delete(atom);
    return this.root.next.get(atom);
  }
}

/** The built-in phrase lexicon, as matching uses it. */
export const PHRASE_TRIE = new PhraseTrie(PHRASES);

/**
 * Every word norm a phrase can start with, literally or through a word class (negators aside:
 * check those with isNegator). A word outside this set cannot start a phrase.
 */
export function phraseStartWords(trie: PhraseTrie = PHRASE_TRIE): Set<string> {
  const out = new Set<string>();
  for (const k of trie.starts) if (!CLASS_SET.has(k)) out.add(k);
  for (const set of [NUMBER_WORDS, ORDINAL_WORDS, DURATION_UNITS, DAY_WORDS, ROOT_DURATION_START]) for (const w of set) out.add(w);
  return out;
}

// ---- match -----------------------------------------------------------------------------------

export interface PhraseMatch {
  rule: PhraseRule;
  /** Position in the word list of the last matched word. */
  lastWord: number;
}

/**
 * The longest phrase starting at word `w`. `words` are token indices of word-like tokens;
 * a match never crosses a sentence.
 */
export function matchPhrase(
  tokens: readonly Token[],
  words: readonly number[],
  sentenceOf: Int32Array,
  w: number,
  trie: PhraseTrie = PHRASE_TRIE,
): PhraseMatch | undefined {
  const t0 = tokens[words[w]!]!;
  const first = trie.child(t0.norm);
  const classes = tokenClasses(t0);
  const durx = ROOT_DURATION_START.has(t0.norm) || t0.kind === 'number' ? trie.child('<durx>') : undefined;
  if (!first && classes.length === 0 && !durx) return undefined;
  // One state for every match (a walk calls nothing that matches again), let go of after.
  const m = state;
  m.tokens = tokens;
  m.words = words;
  m.sentenceOf = sentenceOf;
  m.sentence = sentenceOf[words[w]!]!;
  m.start = w;
  m.bestRule = undefined;
  m.bestLast = -1;
  if (first) visit(m, first, w + 1);
  for (const c of classes) {
    const child = trie.child(c);
    if (child) visit(m, child, w + 1);
  }
  if (durx) {
    const end = matchDuration(tokens, words, sentenceOf, w);
    if (end > w) visit(m, durx, end);
  }
  const found = m.bestRule ? { rule: m.bestRule, lastWord: m.bestLast } : undefined;
  m.tokens = m.words = NOTHING;
  m.sentenceOf = NO_SENTENCES;
  m.bestRule = undefined;
  return found;
}

interface MatchState {
  tokens: readonly Token[];
  words: readonly number[];
  sentenceOf: Int32Array;
  sentence: number;
  start: number;
  bestRule: PhraseRule | undefined;
  bestLast: number;
}

const NOTHING: readonly never[] = [];
const NO_SENTENCES = new Int32Array(0);
const state: MatchState = { tokens: NOTHING, words: NOTHING, sentenceOf: NO_SENTENCES, sentence: 0, start: 0, bestRule: undefined, bestLast: -1 };

/** Depth-first walk; `n` has consumed words[start..j-1]. Longest match wins. */
function visit(m: MatchState, n: TrieNode, j: number): void {
  if (n.rule && j - 1 > m.bestLast) {
    m.bestRule = n.rule;
    m.bestLast = j - 1;
  }
  if (j >= m.words.length || n.next.size === 0) return;
  const ti = m.words[j]!;
  if (m.sentenceOf[ti] !== m.sentence) return;
  const t = m.tokens[ti]!;
  const lit = n.next.get(t.norm);
  if (lit) visit(m, lit, j + 1);
  if (!n.hasSpecial) return;
  for (const c of tokenClasses(t)) {
    const child = n.next.get(c);
    if (child) visit(m, child, j + 1);
  }
  const any = n.next.get('*');
  if (any) visit(m, any, j + 1);
  const durx = n.next.get('<durx>');
  if (durx) {
    const end = matchDuration(m.tokens, m.words, m.sentenceOf, j);
    if (end > j) visit(m, durx, end);
  }
}

/** Word k, if it is in `sentence` (a function of its own: a closure per call cost an allocation). */
function at(tokens: readonly Token[], words: readonly number[], sentenceOf: Int32Array, sentence: number, k: number): Token | undefined {
  if (k >= words.length) return undefined;
  const ti = words[k]!;
  return sentenceOf[ti] === sentence ? tokens[ti] : undefined;
}

/**
 * A duration expression starting at word j: "for 3 weeks", "over an hour", "two and a half
 * hours", "since Monday", "all day", "ages". Returns the word position after it, or -1.
 */
export function matchDuration(tokens: readonly Token[], words: readonly number[], sentenceOf: Int32Array, j: number): number {
  const sentence = sentenceOf[words[j]!]!;
  let k = j;
  let t = at(tokens, words, sentenceOf, sentence, k);
  if (!t) return -1;
  if (t.norm === 'since') {
    const u = at(tokens, words, sentenceOf, sentence, k + 1);
    if (!u) return -1;
    if (u.kind === 'number' || u.kind === 'time' || DAY_WORDS.has(u.norm)) return k + 2;
    if ((u.norm === 'last' || u.norm === 'this' || u.norm === 'early' || u.norm === 'the') && at(tokens, words, sentenceOf, sentence, k + 2)) {
      const v = at(tokens, words, sentenceOf, sentence, k + 2)!;
      if (DURATION_UNITS.has(v.norm) || DAY_WORDS.has(v.norm) || v.kind === 'number') return k + 3;
    }
    return -1;
  }
  let lead = 0;
  let span = false; // "all day", "the past week", "the whole morning"
  while (t && lead < 4 && DURATION_LEAD.has(t.norm) && !(t.norm === 'a' && at(tokens, words, sentenceOf, sentence, k + 1) && DURATION_UNITS.has(at(tokens, words, sentenceOf, sentence, k + 1)!.norm))) {
    if (SPAN_LEAD.has(t.norm)) span = true;
    k++;
    lead++;
    t = at(tokens, words, sentenceOf, sentence, k);
  }
  let qty = 0;
  while (t && qty < 5 && (t.kind === 'number' || NUMBER_WORDS.has(t.norm) || (qty > 0 && DURATION_QUANTITY_JOIN.has(t.norm)))) {
    k++;
    qty++;
    t = at(tokens, words, sentenceOf, sentence, k);
  }
  if (!t || !DURATION_UNITS.has(t.norm)) return -1;
  const unit = t.norm;
  if (lead === 0 && qty === 0 && unit !== 'ages' && unit !== 'forever') return -1;
  if (qty === 0 && !span && unit !== 'ages' && unit !== 'forever') return -1;
  k++;
  const after = at(tokens, words, sentenceOf, sentence, k);
  if (after && DURATION_NOT_AFTER.has(after.norm)) return -1;
  // "an hour and a half"
  if (after && after.norm === 'and' && at(tokens, words, sentenceOf, sentence, k + 1)?.norm === 'a' && at(tokens, words, sentenceOf, sentence, k + 2)?.norm === 'half') k += 3;
  else if (after && DURATION_TAIL.has(after.norm)) k++;
  return k;
}

