// One tokeniser for every later stage. It keeps what general tokenisers break and
// customer-service text is full of: contractions ("don't"), emoji, clock times ("3 p.m."),
// order and account numbers ("ORD-58213"), emoticons (":(").

export type TokenKind = 'word' | 'number' | 'time' | 'emoji' | 'punct' | 'symbol';

export interface Token {
  /** Exactly as in the text: text.slice(start, end). */
  text: string;
  /** Lower case, typographic apostrophes straightened; what rules and lexicons match. */
  norm: string;
  start: number;
  end: number;
  kind: TokenKind;
}

const APOSTROPHES = /[\u2019\u2018\u02BC`\u00B4]/g;

// Order matters: the first alternative that matches at a position wins.
const PATTERNS: Array<[TokenKind, string]> = [
  // A link is one symbol: the words of its path ("how-do-i-report-a-fault") are nobody's words.
  // Closing punctuation after it is the sentence's.
  ['symbol', String.raw`(?:[Hh][Tt][Tt][Pp][Ss]?:\/\/|[Ww][Ww][Ww]\.)[^\s]*[^\s.,!?;:)\]"'’”]`],
  // 3 p.m., 10:30am, 9 a.m, 15:00, 3pm
  ['time', String.raw`\d{1,2}(?::\d{2}){0,2}\s?(?:[ap]\.m\.?|[ap]m\b)|\d{1,2}:\d{2}(?::\d{2})?(?![\d:])`],
  // Order / account / case numbers, money amounts, dates: anything with a digit in it.
  ['number', String.raw`#?(?:\p{L}+-)?[\p{L}\d]*\d[\p{L}\d]*(?:[-/.,][\p{L}\d]*\d[\p{L}\d]*|[-/][\p{L}]+\d*)*%?`],
  // Words, with contractions and possessives kept whole.
  ['word', String.raw`[\p{L}\p{M}]+(?:['\u2019\u2018\u02BC][\p{L}\p{M}]+)*`],
  // Emoji sequences (skin tones, ZWJ families, variation selectors) and text emoticons. An
  // emoticon is never followed by a slash, so the "://" of a link is not a skeptical ":/".
  ['emoji', String.raw`\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*|[:;=]['\u2019]?-?[()DPp\/\\|]+(?![\w\/])`],
  ['punct', String.raw`[.!?]+|\u2026|[,;:\-\u2013\u2014"'\u201C\u201D\u2018\u2019()\[\]{}]`],
  ['symbol', String.raw`\S`],
];

/**
 * One sticky expression per kind, tried in order: the first to match wins, as in an alternation of
 * them all, but `test` builds no match array (`exec` of the alternation built one per token).
 */
const KINDS = PATTERNS.map(([kind]) => kind);
const SCANNERS = PATTERNS.map(([, p]) => new RegExp(p, 'uy'));
const WHITESPACE = /\s+/y;

export function normalizeWord(text: string): string {
  return text.toLowerCase().replace(APOSTROPHES, "'");
}

/**
 * Tokens are collected here and copied out at their exact count: an array grown by push
 * allocates about three times its final size on the way.
 */
let found: Token[] = [];
/** A longer collection is not kept between texts (a 100,000-word message would stay in memory). */
const FOUND_KEPT = 4096;

/**
 * From this length on, a text's tokens share one string per distinct word: a long message says the
 * same few thousand words again and again, and a string of its own for each of them was a quarter
 * of what its tokens held (a 1-million-character turn: 236,000 tokens). Shorter texts skip the look-up.
 */
const SHARE_WORDS_FROM = 1 << 16;

export function tokenize(text: string): Token[] {
  const tokens = found;
  const words = text.length >= SHARE_WORDS_FROM ? new Map<string, string>() : undefined;
  let n = 0;
  let pos = 0;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === 32 || (c >= 9 && c <= 13)) {
      pos++; // ASCII white space: the common case, without a regular expression
      continue;
    }
    const word = isAsciiLetter(c) && !mayStartLink(text, pos, c) ? asciiWordEnd(text, pos) : -1;
    const token = word > 0 ? plainWord(text, pos, word, words) : (plainPunctuation(text, pos, c) ?? scanToken(text, pos));
    if (!token) {
      WHITESPACE.lastIndex = pos;
      if (!WHITESPACE.test(text)) break; // unreachable: scanToken found no token, so this is space
      pos = WHITESPACE.lastIndex;
      continue;
    }
    tokens[n++] = token;
    pos = token.end;
  }
  const out = tokens.slice(0, n);
  if (tokens.length > FOUND_KEPT) found = [];
  else tokens.fill(undefined as unknown as Token, 0, n); // let the tokens go with their text
  return out;
}

/**
 * The token at `pos` by the full patterns, or undefined where `pos` is white space. `tokenize`
 * gives the same tokens; it only takes a shorter way over plain ASCII words and spaces.
 */
export function scanToken(text: string, pos: number): Token | undefined {
  WHITESPACE.lastIndex = pos;
  if (WHITESPACE.test(text)) return undefined;
  for (let k = 0; k < SCANNERS.length; k++) {
    const re = SCANNERS[k]!;
    re.lastIndex = pos;
    if (!re.test(text)) continue;
    const kind = KINDS[k]!;
    const raw = text.slice(pos, re.lastIndex);
    let norm = normalizeWord(raw);
    if (kind === 'time') norm = norm.replace(/[\s.]/g, '');
    return { text: raw, norm, start: pos, end: re.lastIndex, kind };
  }
  return undefined; // unreachable: the symbol pattern matches any non-space
}

/** "http…" or "www…": the full patterns decide whether a link starts here. */
function mayStartLink(text: string, pos: number, c: number): boolean {
  if (c !== 104 && c !== 72 && c !== 119 && c !== 87) return false;
  LINK_START.lastIndex = pos;
  return LINK_START.test(text);
}
const LINK_START = /https?:\/\/|www\./iy;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Where a word of ASCII letters (with straight-apostrophe contractions) starting at `pos` ends, when
 * the patterns could make nothing else of it; -1 when the next character (a digit, "-", anything
 * beyond ASCII) might make it a number, an id or a longer word, and the full patterns must decide.
 */
function asciiWordEnd(text: string, pos: number): number {
  let end = pos;
  for (;;) {
    while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
    const next = end < text.length ? text.charCodeAt(end) : -1;
    if (next === 39) {
      const after = end + 1 < text.length ? text.charCodeAt(end + 1) : -1;
      if (isAsciiLetter(after)) {
        end += 2; // "don't": the contraction goes on
        continue;
      }
      if (after >= 128) return -1;
      return end; // "customers' ": the word ends before the apostrophe
    }
    if ((next >= 48 && next <= 57) || next === 45 || next >= 128) return -1;
    return end;
  }
}

/** `.`, `!` and `?` run together; these stand alone. (`:`, `;` and `=` may start an emoticon.) */
const SINGLE_PUNCTUATION = new Set([44, 34, 39, 40, 41, 45, 91, 93, 123, 125]); // , " ' ( ) - [ ] { }

/** ASCII punctuation, which no other pattern can start with; undefined for anything else. */
function plainPunctuation(text: string, start: number, c: number): Token | undefined {
  let end = start;
  if (c === 46 || c === 33 || c === 63) {
    do end++;
    while (end < text.length && [46, 33, 63].includes(text.charCodeAt(end)));
  } else if (SINGLE_PUNCTUATION.has(c)) end++;
  else return undefined;
  const raw = text.slice(start, end);
  return { text: raw, norm: raw, start, end, kind: 'punct' };
}

function plainWord(text: string, start: number, end: number, words: Map<string, string> | undefined): Token {
  const raw = shared(text.slice(start, end), words);
  // Most words are lower case already: share the string (V8's toLowerCase copies words of 8+ letters).
  return { text: raw, norm: hasAsciiUpper(text, start, end) ? shared(raw.toLowerCase(), words) : raw, start, end, kind: 'word' };
}

/** The string equal to `s` seen first in this text, when its words are shared. */
function shared(s: string, words: Map<string, string> | undefined): string {
  if (words === undefined) return s;
  const first = words.get(s);
  if (first !== undefined) return first;
  words.set(s, s);
  return s;
}

function hasAsciiUpper(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/** Tokens that carry meaning for phrase matching and sentiment (no punctuation). */
export function isWordLike(t: Token): boolean {
  return t.kind === 'word' || t.kind === 'number' || t.kind === 'time' || t.kind === 'emoji';
}

/** A token that ends a sentence: ".", "!!", "?", "…" (punctuation with one of those in it). */
export function endsSentence(t: Token): boolean {
  if (t.kind !== 'punct') return false;
  const text = t.text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 0x2026) return true;
  }
  return false;
}
