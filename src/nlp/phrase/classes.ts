// The classes a pattern names in braces besides token kinds and word lists: what a token is
// ({quantity}, {ordinal}, {negator}, {ing}, {plain}, {ed}, {s}, {day}, {time-unit}) and one class that spans tokens,
// {duration} ("for 3 weeks", "over an hour", "since Monday"). Written once here, in code, because
// they test a token's shape ("3rd", "can't", "-ing") or read several tokens with look-ahead.
import { isNegator, NEGATORS } from '../negation.js';
import type { TokenKind, Tokens } from '../tokenize.js';

export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'hundred', 'few', 'several', 'couple', 'many', 'multiple',
  'numerous', 'countless', 'dozen', 'dozens', 'half', 'umpteen', 'loads', 'lots',
]);
const ORDINAL_WORDS: ReadonlySet<string> = new Set([
  'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'twentieth', 'hundredth', 'millionth', 'nth', 'umpteenth', 'fifteenth',
]);
const DURATION_UNITS: ReadonlySet<string> = new Set([
  'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'month', 'months',
  'year', 'years', 'fortnight', 'fortnights', 'ages', 'forever', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'decade',
]);
const DAY_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'christmas',
  'easter', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Letters, digits and "_" only: no apostrophe ("it's" is no word in "-s"). */
const PLAIN = /^\w+$/;
const PLAIN_OR_HYPHEN = /^[\w-]+$/;

/** "3rd", "21st" (but "1st" is neither first nor a count: "1st class"). */
const isOrdinalNumber = (n: string): boolean => n.length > 2 && n !== '1st' && /^\d+(?:st|nd|rd|th)$/.test(n);
const isCount = (n: string): boolean => !(n.length > 2 && /^\d+(?:st|nd|rd|th)$/.test(n));

export interface TokenClass {
  /** For the docs: what the class matches. */
  describe: string;
  test(norm: string, kind: TokenKind): boolean;
  /** The words it names, where it is a set of words (for finding where a phrase may start). */
  words?: ReadonlySet<string>;
}

export const TOKEN_CLASSES: Readonly<Record<string, TokenClass>> = {
  quantity: {
    describe: 'a number that counts ("3", "10,000") or a word that does ("two", "a", "several", "lots"); not an ordinal',
    test: (n, kind) => (kind === 'word' ? NUMBER_WORDS.has(n) : kind === 'number' && isCount(n)),
    words: NUMBER_WORDS,
  },
  ordinal: {
    describe: 'an ordinal: "second", "third", "umpteenth", "3rd", "21st" (not "1st")',
    test: (n, kind) => (kind === 'word' ? ORDINAL_WORDS.has(n) : kind === 'number' && isOrdinalNumber(n)),
    words: ORDINAL_WORDS,
  },
  negator: {
    describe: 'a negation: "not", "no", "never", "nobody", "without", any word ending in "n\'t"',
    test: (n, kind) => kind === 'word' && isNegator(n),
    words: NEGATORS,
  },
  ing: {
    describe: 'a word of five letters or more ending in "-ing" ("crashing", "loading")',
    test: (n, kind) => kind === 'word' && n.length > 4 && n.endsWith('ing'),
  },
  plain: {
    describe: 'a word or number of letters, digits, "_" and "-" only: no apostrophe or dot ("order", "4G", "ORD-31036"; not "mum\'s", "4.5")',
    test: (n, kind) => kind !== 'emoji' && PLAIN_OR_HYPHEN.test(n),
  },
  ed: {
    describe: 'a word of three letters or more ending in "-ed" ("crashed", "shipped")',
    test: (n, kind) => kind === 'word' && n.length > 2 && n.endsWith('ed') && PLAIN.test(n),
  },
  s: {
    describe: 'a word of two letters or more ending in "-s" ("orders", "refunds"; the ending alone decides, so "this" and "was" too)',
    test: (n, kind) => kind === 'word' && n.length > 1 && n.endsWith('s') && PLAIN.test(n),
  },
  day: {
    describe: 'a day or month: "Monday", "yesterday", "March", "Christmas", "Fri"',
    test: (n, kind) => kind === 'word' && DAY_WORDS.has(n),
    words: DAY_WORDS,
  },
  'time-unit': {
    describe: 'a unit of time: "minutes", "hours", "days", "weeks", "ages", "forever", "morning"',
    test: (n, kind) => kind === 'word' && DURATION_UNITS.has(n),
    words: DURATION_UNITS,
  },
};

/**
 * A class that spans tokens: given the stream (`words[k]` is the index of its k-th token in
 * `tokens`, none at or past `limit`, the sentence's end), the position one past the span starting
 * at `j`, or -1. `first` says the span begins the pattern (see duration).
 */
export type SpanReader = (tokens: Tokens, words: ArrayLike<number>, j: number, limit: number, first: boolean) => number;

export interface SpanClass {
  describe: string;
  read: SpanReader;
  /** Words a span may begin with when it begins a pattern (numbers aside). */
  firstWords: ReadonlySet<string>;
  /** Whether a span that begins a pattern may begin with this token. */
  mayBegin(norm: string, kind: TokenKind): boolean;
}

const DURATION_LEAD = new Set([
  'for', 'over', 'nearly', 'almost', 'about', 'around', 'approximately', 'roughly', 'like', 'the', 'past', 'last',
  'more', 'than', 'at', 'least', 'well', 'upwards', 'of', 'all', 'whole', 'entire', 'literally', 'close', 'to', 'a', 'good',
  'next', 'another', 'up',
]);
const SPAN_LEAD = new Set(['all', 'whole', 'entire', 'past', 'last']);
/**
 * Where a pattern *begins* with a duration ("three weeks later", "two hours of my life"), the
 * duration starts with a quantity or a span word, never with "for", "the", "of"…
 */
const FIRST_DURATION_START: ReadonlySet<string> = new Set(['since', 'ages', 'forever', 'over', 'nearly', 'almost', 'about', 'around', 'all', 'whole', 'literally', ...NUMBER_WORDS]);
const DURATION_QUANTITY_JOIN = new Set(['and', 'or', 'of', 'plus', 'half', 'to']);
const DURATION_TAIL = new Set(['now', 'already', 'straight', 'plus', 'solid']);
const DURATION_NOT_AFTER = new Set(['ago', 'before', 'earlier', 'from', 'time', 'notice', 'delivery', 'later']);

/**
 * A duration expression starting at word j: "for 3 weeks", "over an hour", "two and a half
 * hours", "since Monday", "all day", "ages". Greedy, no backtracking: one end or none.
 */
const readDuration: SpanReader = (tokens, words, j, limit, first) => {
  // `t`, `u`, `v`: token indices, -1 past the stream's end.
  let k = j;
  let t = at(words, limit, k);
  if (t < 0) return -1;
  if (first && !SPAN_CLASSES.duration!.mayBegin(tokens.norm(t), tokens.kind(t))) return -1;
  if (tokens.norm(t) === 'since') {
    const u = at(words, limit, k + 1);
    if (u < 0) return -1;
    if (tokens.kind(u) === 'number' || tokens.kind(u) === 'time' || DAY_WORDS.has(tokens.norm(u))) return k + 2;
    const v = at(words, limit, k + 2);
    const un = tokens.norm(u);
    if ((un === 'last' || un === 'this' || un === 'early' || un === 'the') && v >= 0) {
      if (DURATION_UNITS.has(tokens.norm(v)) || DAY_WORDS.has(tokens.norm(v)) || tokens.kind(v) === 'number') return k + 3;
    }
    return -1;
  }
  let lead = 0;
  let span = false; // "all day", "the past week", "the whole morning"
  while (t >= 0 && lead < 4 && DURATION_LEAD.has(tokens.norm(t)) && !(tokens.norm(t) === 'a' && DURATION_UNITS.has(normAt(tokens, words, limit, k + 1)))) {
    if (SPAN_LEAD.has(tokens.norm(t))) span = true;
    k++;
    lead++;
    t = at(words, limit, k);
  }
  let qty = 0;
  while (t >= 0 && qty < 5 && (tokens.kind(t) === 'number' || NUMBER_WORDS.has(tokens.norm(t)) || (qty > 0 && DURATION_QUANTITY_JOIN.has(tokens.norm(t))))) {
    k++;
    qty++;
    t = at(words, limit, k);
  }
  if (t < 0 || !DURATION_UNITS.has(tokens.norm(t))) return -1;
  const unit = tokens.norm(t);
  const open = unit === 'ages' || unit === 'forever';
  if (lead === 0 && qty === 0 && !open) return -1;
  if (qty === 0 && !span && !open) return -1;
  k++;
  const after = normAt(tokens, words, limit, k);
  if (DURATION_NOT_AFTER.has(after)) return -1;
  // "an hour and a half"
  if (after === 'and' && normAt(tokens, words, limit, k + 1) === 'a' && normAt(tokens, words, limit, k + 2) === 'half') k += 3;
  else if (DURATION_TAIL.has(after)) k++;
  return k;
};

/** The index of the stream's k-th token, or -1 at or past `limit` (functions of their own: a closure per call cost an allocation). */
function at(words: ArrayLike<number>, limit: number, k: number): number {
  return k < limit ? words[k]! : -1;
}

/** The norm of the stream's k-th token, or '' at or past `limit`. */
function normAt(tokens: Tokens, words: ArrayLike<number>, limit: number, k: number): string {
  return k < limit ? tokens.norm(words[k]!) : '';
}

export const SPAN_CLASSES: Readonly<Record<string, SpanClass>> = {
  duration: {
    describe:
      'a duration, over several words: "for 3 weeks", "over an hour", "two and a half hours", "since Monday", "all day", "ages"; ' +
      'not one followed by "ago", "later" or "before". At the start of a pattern it begins with its quantity or "since", "over", "about", "all"…, never with "for" or "the"',
    read: readDuration,
    firstWords: FIRST_DURATION_START,
    mayBegin: (norm, kind) => kind === 'number' || FIRST_DURATION_START.has(norm),
  },
};
