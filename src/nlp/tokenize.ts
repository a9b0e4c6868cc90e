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

/** Every kind, in one order: a kind's number in a token store, and the slot of tables kept by kind. */
export const TOKEN_KINDS: readonly TokenKind[] = ['word', 'number', 'time', 'emoji', 'punct', 'symbol'];
const KIND_NUMBER = new Map<TokenKind, number>(TOKEN_KINDS.map((k, i) => [k, i]));
const WORD = 0;
const PUNCT = 4;
/** Word, number, time and emoji: the kinds that carry meaning (isWordLike). */
const WORD_LIKE_BELOW = 4;

/** A number per token: a plain array for most texts, typed for a long one (see COMPACT_TOKENS). */
export type PerToken = ArrayLike<number>;

/**
 * From this many tokens on, the numbers kept per token (its sentence, negation and lexeme) are in
 * Int32Arrays, outside the heap, at half the bytes of a plain array's slot (issue 18: a long turn
 * costs a small multiple of its size; its tokens themselves are CompactTokens). Shorter texts keep
 * plain arrays: a typed array longer than 16 entries takes a store of its own, several times dearer
 * to make and to collect, and most texts are short.
 */
const COMPACT_TOKENS = 1 << 14;

/** An array of `n` numbers per token, each `fill`. */
export function perToken(n: number, fill: number): number[] | Int32Array {
  return n >= COMPACT_TOKENS ? new Int32Array(n).fill(fill) : new Array<number>(n).fill(fill);
}

/** A number per token that is nearly always small: narrower than perToken's for a long text. */
export type SmallPerToken = number[] | Uint8Array | Uint16Array | Int32Array;

/**
 * An array of `n` zeros per token, for numbers that are nearly always small (how far back a
 * negator stands, a lexeme id): plain for most texts, as perToken's; for a long one 8 or 16 bits a
 * number where perToken's take 32. The writer checks each number against `roomIn` and widens the
 * array (`widened32`) in the rare text with a larger one.
 */
export function smallPerToken(n: number, bits: 8 | 16): SmallPerToken {
  if (n < COMPACT_TOKENS) return new Array<number>(n).fill(0);
  return bits === 8 ? new Uint8Array(n) : new Uint16Array(n);
}

/** The largest number `a` can hold. */
export function roomIn(a: SmallPerToken): number {
  return a instanceof Uint8Array ? 0xff : a instanceof Uint16Array ? 0xffff : Infinity;
}

/** `a`'s numbers in 32 bits, for one too large for it. */
export function widened32(a: SmallPerToken): Int32Array {
  return Int32Array.from(a);
}

/**
 * A text's tokens, read by index: `tokens.norm(i)` where a token object had `tokens[i].norm`.
 * Each token is three cells (start, end, kind); its text and norm are strings of their own (a long
 * text's are kept more compactly: CompactTokens).
 */
export class Tokens {
  readonly length: number;

  constructor(
    private readonly cells: readonly number[] | Int32Array,
    private readonly norms: readonly string[],
    private readonly texts: readonly string[],
    length = norms.length,
  ) {
    this.length = length;
  }

  /** Exactly as in the text: text.slice(start(i), end(i)). */
  text(i: number): string {
    return this.texts[i]!;
  }

  /** Lower case, typographic apostrophes straightened; what rules and lexicons match. */
  norm(i: number): string {
    return this.norms[i]!;
  }

  start(i: number): number {
    return this.cells[3 * i]!;
  }

  end(i: number): number {
    return this.cells[3 * i + 1]!;
  }

  kind(i: number): TokenKind {
    return TOKEN_KINDS[this.cells[3 * i + 2]!]!;
  }

  isWord(i: number): boolean {
    return this.cells[3 * i + 2] === WORD;
  }

  isPunct(i: number): boolean {
    return this.cells[3 * i + 2] === PUNCT;
  }

  /** Words, numbers, times and emoji: the tokens that carry meaning for phrases and sentiment. */
  isWordLike(i: number): boolean {
    return this.cells[3 * i + 2]! < WORD_LIKE_BELOW;
  }

  /** A token that ends a sentence: ".", "!!", "?", "…" (punctuation with one of those in it). */
  endsSentence(i: number): boolean {
    return this.isPunct(i) && hasSentenceEnd(this.texts[i]!);
  }

  /** Whether token `i` starts where token `i - 1` ends, with nothing between. */
  touchesPrevious(i: number): boolean {
    return i > 0 && i < this.length && this.cells[3 * i] === this.cells[3 * i - 2];
  }

  /** Token `i` as an object of its own, or undefined past either end: for tests and cold paths. */
  at(i: number): Token | undefined {
    if (i < 0 || i >= this.length) return undefined;
    return { text: this.text(i), norm: this.norm(i), start: this.start(i), end: this.end(i), kind: this.kind(i) };
  }

  toArray(): Token[] {
    const out: Token[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.at(i)!);
    return out;
  }
}

/**
 * What tokenize collects: a chunk of tokens at a time, in arrays made once. A text of one chunk's
 * tokens or fewer (nearly every turn) is copied out at the exact count; a longer one's chunks go
 * straight into a LongStore sized from the text's length. Arrays grown a token at a time
 * allocated about three times their final size on the way, and a long text's grew in the
 * large-object space, where each step stayed resident until a full collection; chunks copied out
 * and joined at the end were garbage of twice the tokens' size (issue 18).
 */
class Collector {
  private readonly cells: number[] = new Array<number>(3 * CHUNK).fill(0);
  private readonly norms: string[] = new Array<string>(CHUNK).fill('');
  private readonly texts: string[] = new Array<string>(CHUNK).fill('');
  /** Tokens in the chunk being filled. */
  private m = 0;
  /** The text being read: what a LongStore is sized from and reads its tokens' texts from. */
  private source = '';
  /** Where the full chunks of a text of more than one went. */
  private long: LongStore | undefined;

  begin(source: string): void {
    this.m = 0;
    this.source = source;
    this.long = undefined;
  }

  add(text: string, norm: string, start: number, end: number, kind: number): void {
    if (this.m === CHUNK) this.flush();
    const m = this.m++;
    this.texts[m] = text;
    this.norms[m] = norm;
    this.cells[3 * m] = start;
    this.cells[3 * m + 1] = end;
    this.cells[3 * m + 2] = kind;
  }

  finish(): Tokens {
    if (this.long === undefined) {
      const out = new Tokens(this.cells.slice(0, 3 * this.m), this.norms.slice(0, this.m), this.texts.slice(0, this.m));
      this.release();
      this.source = '';
      return out;
    }
    this.flush();
    const long = this.long;
    this.long = undefined;
    this.source = '';
    return long.tokens();
  }

  private flush(): void {
    (this.long ??= new LongStore(this.source)).append(this.cells, this.norms, this.texts, this.m);
    this.release();
  }

  /** Lets the chunk's strings go with their text. */
  private release(): void {
    this.norms.fill('', 0, this.m);
    this.texts.fill('', 0, this.m);
    this.m = 0;
  }
}

/**
 * A long text's tokens (more than a chunk of them), read by index like any Tokens: a token's norm is
 * a number into the text's table of distinct norms (a long message says the same few thousand words
 * again and again), its kind one byte, and its text is read from the text itself, where it always
 * is (text.slice(start, end)): the byte marks a token whose text is its norm (four in five: lower
 * case words, punctuation), which is read from the table as it was, so only the others are sliced
 * when asked for. A token's start is kept as 16 bits past the start of its block of 256 tokens
 * (widened to 32 in a text whose block spans more characters than that), its end as its length in a
 * byte (a token of 255 characters or more, a link or a run of letters, has its end in a map). 6 bytes
 * a token in all while the text has under 65,536 distinct norms; Tokens takes 28 (three Int32 cells
 * and two string slots).
 */
class CompactTokens extends Tokens {
  constructor(
    /** The text the tokens were read from. */
    private readonly source: string,
    /** Per block of BLOCK tokens, where its first token starts. */
    private readonly blockStarts: Int32Array,
    /** Each token's start, less its block's. */
    private readonly offsets: Uint16Array | Int32Array,
    /** Each token's length, or LONG for one whose end is in `longEnds`. */
    private readonly lengths: Uint8Array,
    private readonly longEnds: ReadonlyMap<number, number>,
    /** Each token's kind (TOKEN_KINDS), with TEXT_IS_NORM where its text is its norm. */
    private readonly kinds: Uint8Array,
    private readonly normIds: Uint16Array | Int32Array,
    /** The text's distinct norms. */
    private readonly table: readonly string[],
    length: number,
  ) {
    super(NO_CELLS, NO_STRINGS, NO_STRINGS, length);
  }

  override text(i: number): string {
    return (this.kinds[i]! & TEXT_IS_NORM) !== 0 ? this.norm(i) : this.source.slice(this.start(i), this.end(i));
  }

  override norm(i: number): string {
    return this.table[this.normIds[i]!]!;
  }

  override start(i: number): number {
    return this.blockStarts[i >>> BLOCK_BITS]! + this.offsets[i]!;
  }

  override end(i: number): number {
    const length = this.lengths[i]!;
    return length === LONG ? this.longEnds.get(i)! : this.start(i) + length;
  }

  override kind(i: number): TokenKind {
    return TOKEN_KINDS[this.kinds[i]! & KIND_BITS]!;
  }

  override isWord(i: number): boolean {
    return (this.kinds[i]! & KIND_BITS) === WORD;
  }

  override isPunct(i: number): boolean {
    return (this.kinds[i]! & KIND_BITS) === PUNCT;
  }

  override isWordLike(i: number): boolean {
    return (this.kinds[i]! & KIND_BITS) < WORD_LIKE_BELOW;
  }

  override endsSentence(i: number): boolean {
    // Punctuation's text is its norm: read from the table, never sliced.
    return this.isPunct(i) && hasSentenceEnd(this.text(i));
  }

  override touchesPrevious(i: number): boolean {
    return i > 0 && i < this.length && this.start(i) === this.end(i - 1);
  }
}

/** In a CompactTokens kind byte: the kind's number, and the mark of a token whose text is its norm. */
const KIND_BITS = 0x7;
const TEXT_IS_NORM = 0x8;
/** In a CompactTokens length byte: a token of this many characters or more, whose end is kept apart. */
const LONG = 0xff;
/** Tokens in a block of CompactTokens' starts (a block start, and 16 bits past it for each). */
const BLOCK_BITS = 8;
const BLOCK = 1 << BLOCK_BITS;

const NO_CELLS: readonly number[] = [];
const NO_STRINGS: readonly string[] = [];

/**
 * A long text's tokens, stored as they are read into CompactTokens' arrays, sized from the text's
 * length: room for a token every CHARS_PER_TOKEN_GUESS characters, grown by half when a text has
 * shorter tokens than that. Norm ids and start offsets are 16 bits until a text has more distinct
 * norms, or a block of tokens more characters, than that holds; then widened once to 32.
 */
class LongStore {
  private blockStarts: Int32Array;
  private offsets: Uint16Array | Int32Array;
  private lengths: Uint8Array;
  private readonly longEnds = new Map<number, number>();
  private kinds: Uint8Array;
  private normIds: Uint16Array | Int32Array;
  private readonly ids = new Map<string, number>();
  private readonly norms: string[] = [];
  private n = 0;

  constructor(private readonly text: string) {
    const guess = Math.ceil(text.length / CHARS_PER_TOKEN_GUESS);
    this.blockStarts = new Int32Array(Math.ceil(guess / BLOCK));
    this.offsets = new Uint16Array(guess);
    this.lengths = new Uint8Array(guess);
    this.kinds = new Uint8Array(guess);
    this.normIds = new Uint16Array(guess);
  }

  append(cells: readonly number[], norms: readonly string[], texts: readonly string[], m: number): void {
    const n = this.n;
    if (n + m > this.kinds.length) this.grow(n + m);
    const { blockStarts, lengths, kinds } = this;
    for (let k = 0; k < m; k++) {
      const norm = norms[k]!;
      const start = cells[3 * k]!;
      const length = cells[3 * k + 1]! - start;
      const block = (n + k) >>> BLOCK_BITS;
      if (((n + k) & (BLOCK - 1)) === 0) blockStarts[block] = start;
      const offset = start - blockStarts[block]!;
      if (offset > 0xffff && this.offsets instanceof Uint16Array) this.offsets = widened(this.offsets, this.offsets.length, Int32Array);
      this.offsets[n + k] = offset;
      lengths[n + k] = length < LONG ? length : LONG;
      if (length >= LONG) this.longEnds.set(n + k, start + length);
      kinds[n + k] = cells[3 * k + 2]! | (texts[k] === norm ? TEXT_IS_NORM : 0);
      const id = this.idOf(norm);
      if (id > 0xffff && this.normIds instanceof Uint16Array) this.normIds = widened(this.normIds, this.normIds.length, Int32Array);
      this.normIds[n + k] = id;
    }
    this.n = n + m;
  }

  tokens(): Tokens {
    const n = this.n;
    return new CompactTokens(this.text, cut(this.blockStarts, Math.ceil(n / BLOCK)), cut(this.offsets, n), cut(this.lengths, n), this.longEnds, cut(this.kinds, n), cut(this.normIds, n), this.norms, n);
  }

  private idOf(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.norms.length;
      this.norms.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  private grow(tokens: number): void {
    const size = Math.max(tokens, Math.ceil(this.kinds.length * 1.5));
    this.blockStarts = widened(this.blockStarts, Math.ceil(size / BLOCK));
    this.offsets = widened(this.offsets, size);
    this.lengths = widened(this.lengths, size);
    this.kinds = widened(this.kinds, size);
    this.normIds = widened(this.normIds, size);
  }
}

type Numbers = Int32Array | Uint16Array | Uint8Array;

/** `a`'s numbers in a new array of `size` entries, of `a`'s type or `type`. */
function widened<T extends Numbers, U extends Numbers = T>(a: T, size: number, type?: new (n: number) => U): U {
  const out = new (type ?? (a.constructor as new (n: number) => U))(size);
  out.set(a);
  return out;
}

/**
 * The first `n` entries: a view where the guess was near (no second store of the text's size made
 * and collected), a copy where it was far too long.
 */
function cut<T extends Numbers>(a: T, n: number): T {
  return (a.length > (4 * n) / 3 ? a.slice(0, n) : a.subarray(0, n)) as T;
}

/** A guess at the characters per token of a long text, for sizing its store (English prose: 4 to 5 with the spaces). */
const CHARS_PER_TOKEN_GUESS = 4;

/** Tokens collected at a time (see Collector). */
const CHUNK = 4096;
const collector = new Collector();

export function tokenize(text: string): Tokens {
  const found = collector;
  found.begin(text);
  let pos = 0;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === 32 || (c >= 9 && c <= 13)) {
      pos++; // ASCII white space: the common case, without a regular expression
      continue;
    }
    const word = isAsciiLetter(c) && !mayStartLink(text, pos, c) ? asciiWordEnd(text, pos) : -1;
    if (word > 0) {
      const raw = text.slice(pos, word);
      // Most words are lower case already: share the string (V8's toLowerCase copies words of 8+ letters).
      found.add(raw, hasAsciiUpper(text, pos, word) ? raw.toLowerCase() : raw, pos, word, WORD);
      pos = word;
      continue;
    }
    const punct = plainPunctuationEnd(text, pos, c);
    if (punct > 0) {
      const raw = text.slice(pos, punct);
      found.add(raw, raw, pos, punct, PUNCT);
      pos = punct;
      continue;
    }
    const token = scanToken(text, pos);
    if (!token) {
      WHITESPACE.lastIndex = pos;
      if (!WHITESPACE.test(text)) break; // unreachable: scanToken found no token, so this is space
      pos = WHITESPACE.lastIndex;
      continue;
    }
    found.add(token.text, token.norm, token.start, token.end, KIND_NUMBER.get(token.kind)!);
    pos = token.end;
  }
  return found.finish();
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

/** Where ASCII punctuation starting at `start` ends, or -1 for anything else (no other pattern can start with it). */
function plainPunctuationEnd(text: string, start: number, c: number): number {
  let end = start;
  if (c === 46 || c === 33 || c === 63) {
    do end++;
    while (end < text.length && [46, 33, 63].includes(text.charCodeAt(end)));
  } else if (SINGLE_PUNCTUATION.has(c)) end++;
  else return -1;
  return end;
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

function hasSentenceEnd(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 0x2026) return true;
  }
  return false;
}

/** The tokens of no text. */
export const NO_TOKENS: Tokens = tokenize('');
