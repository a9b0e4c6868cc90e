// Every distinct token the phrase matchers read (kind and norm), as one small integer shared by
// every automaton. A turn is read into these ids once; each automaton then finds a token's symbol
// in an array indexed by the id, where it looked the norm up in a map of its own at every search
// of every phrase set (the checks of one turn search it hundreds of times).
import { roomIn, smallPerToken, widened32, TOKEN_KINDS as KINDS, type PerToken, type Tokens, type TokenKind } from '../tokenize.js';
import { TOKEN_CLASSES } from './classes.js';
import type { MatchToken } from './pattern.js';

/**
 * The id of a token that matching does not read (punctuation, symbols). Ids start at 1, so that a
 * long text's ids are whole numbers that fit in 16 bits until the table has 65,536 (smallPerToken).
 */
export const UNMATCHED = 0;

/** A text's tokens as lexeme ids: a plain array of small integers, typed for a long text (PerToken). */
export type Lexemes = PerToken;

/** How many ids there may be before the table starts afresh: bounded memory on any batch. */
const MAX_LEXEMES = 100_000;
/**
 * Numbers this long or shorter are ids of their own. A longer one (an order number, an amount, a
 * phone number) that no pattern names is read by its token classes alone, which is all a pattern
 * can ask of it: ids and amounts are most of a batch's distinct tokens, and one id each grew the
 * table, and every automaton's array indexed by it, by tens of thousands of entries.
 */
const OWN_ID_DIGITS = 3;

let ids: Array<Map<string, number>> = KINDS.map(() => new Map());
/** The token of each id; UNMATCHED's stands for none. */
const NO_TOKEN: MatchToken = { norm: '', kind: 'punct' };
let tokens: MatchToken[] = [NO_TOKEN];
let generation = 0;
/** Long numbers some pattern names: read by their own id. */
const namedNumbers = new Set<string>();
/** A pattern named a long number that may have been read by its classes: start afresh before the next read. */
let stale = false;

/** Counts the times the table started afresh: ids read before a change mean nothing after it. */
export function lexemeGeneration(): number {
  return generation;
}

/** Whether ids read in `readIn` (a lexemeGeneration) may still be used: the table has not started afresh since, and will not at the next read. */
export function lexemesHold(readIn: number): boolean {
  return readIn === generation && !stale;
}

/** The token an id stands for. */
export function lexemeToken(id: number): MatchToken {
  return tokens[id]!;
}

/**
 * Tells the table which words `patterns` name literally (an automaton calls this when it is made):
 * a long number among them gets an id of its own from the next read on.
 */
export function nameNumbers(words: Iterable<string>): void {
  for (const w of words) {
    if (w.length <= OWN_ID_DIGITS || namedNumbers.has(w) || !/\d/.test(w)) continue;
    namedNumbers.add(w);
    stale = true;
  }
}

const CLASSES = Object.values(TOKEN_CLASSES);

/** The key of a token's own id, or, for a long number no pattern names, of its token classes. */
function keyOf(norm: string, kind: TokenKind): string {
  if (kind !== 'number' || norm.length <= OWN_ID_DIGITS || namedNumbers.has(norm)) return norm;
  let key = '#';
  for (const c of CLASSES) key += c.test(norm, kind) ? '1' : '0';
  return key;
}

function lexemeOf(norm: string, kind: TokenKind): number {
  const map = kind === 'word' ? ids[0]! : ids[KINDS.indexOf(kind)]!;
  const key = keyOf(norm, kind);
  let id = map.get(key);
  if (id === undefined) {
    id = tokens.length;
    map.set(key, id);
    // A number read by its classes stands for them with the first of them: automata test its
    // norm for exactly those classes, and it is no pattern's word.
    tokens.push({ norm, kind });
  }
  return id;
}

/**
 * The id of each of `list`, UNMATCHED for those matching does not read. Call `lexemeGeneration`
 * before and after: a text read when the table was full starts it afresh.
 */
export function readLexemes(list: Tokens): Lexemes {
  if (stale || tokens.length > MAX_LEXEMES) {
    ids = KINDS.map(() => new Map());
    tokens = [NO_TOKEN];
    generation++;
    stale = false;
  }
  let out = smallPerToken(list.length, 16); // each UNMATCHED
  let room = roomIn(out);
  for (let i = 0; i < list.length; i++) {
    if (!list.isWordLike(i)) continue;
    const id = lexemeOf(list.norm(i), list.kind(i));
    if (id > room) {
      out = widened32(out);
      room = Infinity;
    }
    out[i] = id;
  }
  return out;
}
