// Every distinct token the phrase matchers read (kind and norm), as one small integer shared by
// every automaton. A turn is read into these ids once; each automaton then finds a token's symbol
// in an array indexed by the id, where it looked the norm up in a map of its own at every search
// of every phrase set (the checks of one turn search it hundreds of times).
import { isWordLike, type Token, type TokenKind } from '../tokenize.js';
import type { MatchToken } from './pattern.js';

/** The id of a token that matching does not read (punctuation, symbols). */
export const UNMATCHED = -1;

const KINDS: readonly TokenKind[] = ['word', 'number', 'time', 'emoji', 'punct', 'symbol'];
/** How many ids there may be before the table starts afresh: bounded memory on any batch (order numbers are ids too). */
const MAX_LEXEMES = 100_000;

let ids: Array<Map<string, number>> = KINDS.map(() => new Map());
let tokens: MatchToken[] = [];
let generation = 0;

/** Counts the times the table started afresh: ids read before a change mean nothing after it. */
export function lexemeGeneration(): number {
  return generation;
}

/** The token an id stands for. */
export function lexemeToken(id: number): MatchToken {
  return tokens[id]!;
}

function lexemeOf(t: Token): number {
  const map = t.kind === 'word' ? ids[0]! : ids[KINDS.indexOf(t.kind)]!;
  let id = map.get(t.norm);
  if (id === undefined) {
    id = tokens.length;
    map.set(t.norm, id);
    tokens.push({ norm: t.norm, kind: t.kind });
  }
  return id;
}

/**
 * The id of each of `list`, UNMATCHED for those matching does not read. Call `lexemeGeneration`
 * before and after: a text read when the table was full starts it afresh.
 */
export function readLexemes(list: readonly Token[]): Int32Array {
  if (tokens.length > MAX_LEXEMES) {
    ids = KINDS.map(() => new Map());
    tokens = [];
    generation++;
  }
  const out = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    out[i] = isWordLike(t) ? lexemeOf(t) : UNMATCHED;
  }
  return out;
}
