// Phone numbers written as bare groups of digits, which no "+", "00", trunk 0 or fixed grouping
// gives away: an international number whose "+" was left out ("44 20 7946 0958") and any number a
// phone cue introduces ("my cell is 555 2671"). Groups of digits are also amounts, dates, times,
// counts, versions and addresses, so a run of groups is judged by what it is made of (a country
// code, how many digits in all, one separator throughout) and by the words before it, in code,
// after one pattern has found the run. Part of --redact (redact.ts); it reads the folded text, in
// which every space is " " and every dash "-".

/** Between groups: a space or two, or a dot or a dash with a space on either side or none. */
export const GROUP_SEP = '(?: ?[.\\-] ?| {1,2})';

/**
 * A run of up to seven groups of digits, taken whole: never inside a longer run, a token ("ORD-58213",
 * "#4471902", "v1.2.3"), an amount ("$1,234.56", "2 499,00 €", "10%") or a time ("10:30"). Each
 * group is taken atomically (`(?=(\d…))\1`), so a run that does not fit fails at once, not by
 * splitting its digits every way; a run of more than seven groups is a list or a table, not a number.
 */
export const GROUP_RUN = new RegExp(
  `(?<![\\d.,:/+#_\\p{L}\\p{Sc}-]|\\p{Sc} ?|\\d${GROUP_SEP})` +
    `(?=(\\d{1,15}))\\1(?:${GROUP_SEP}(?=(\\d{1,15}))\\2){0,6}` +
    `(?![\\d:/%_\\p{L}]|${GROUP_SEP}\\d|[.,]\\d| ?\\p{Sc})`,
  'gu',
);

// E.164 country codes are prefix-free, so the first group is one exactly when it is 1 or 7, one of
// the two-digit codes or one of the three-digit codes assigned to a country or a global service
// (ITU-T E.164 list; "a-b" is a range). 978 is unassigned: an ISBN's "978-1-…" is not a phone.
const CODES_2 = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(' '),
);
const CODES_3 = new Set(
  ('211 212 213 216 218 220-229 230-239 240-249 250-258 260-269 290 291 297 298 299 350-359 370-379 380-383 385 386 387 389 ' +
    '420 421 423 500-509 590-599 670 672-679 680-683 685-689 690-692 800 808 850 852 853 855 856 870 880-883 886 888 ' +
    '960-968 970-977 992-996 998')
    .split(' ')
    .flatMap((r) => {
      const [from, to = from] = r.split('-').map(Number) as [number, number?];
      return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
    }),
);

function isCountryCode(g: string): boolean {
  if (g.length === 1) return g === '1' || g === '7';
  return g.length === 2 ? CODES_2.has(g) : CODES_3.has(g);
}

// What comes just before a number that says it is a phone number: a verb or noun of calling
// ("call", "ring", "text me on", "reach me at", "tel.", "WhatsApp") or someone's number ("my
// number is", "best number:"), with a few short words between. Read on the 48 characters before
// the run only, so the cost per run is bounded.
const PHONE_CUE = new RegExp(
  '(?:\\b(?:call|ring|phone|telephone|tel|mobile|cell|cellphone|fax|whats ?app|text|sms|reach|dial)(?:ed|ing|s)?' +
    '|\\b(?:my|your|his|her|our|their|the|best|contact|callback|call-back|home|work|direct|office|landline|daytime|new|other) (?:number|no\\.?|#))' +
    '(?:[ ,]{1,2}(?:me|us|him|her|them|back|on|at|is|was|number|no\\.?|please|instead|now|directly|anytime|any time|tomorrow|today|tonight|later|again|via|or|the|this|that|my|same)){0,4}' +
    '[ ,]{0,2}[:#=.-]? {0,2}$',
  'i',
);
const CUE_WINDOW = 48;

/** A version or build number ("version 7.0.19045.3803"), written with the same groups. */
const VERSION_CUE = /\b(?:v|ver|version|build|release|firmware|update|patch|android|ios)\.? {0,2}$/i;

/** 20261116 or 20261116093000: a date or date-time, which file names and ids are full of. */
export function isCompactDate(digits: string): boolean {
  if (digits.length !== 8 && digits.length !== 14) return false;
  return /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:([01]\d|2[0-3])[0-5]\d[0-5]\d)?$/.test(digits);
}

const day = (g: string) => g.length <= 2 && Number(g) >= 1 && Number(g) <= 31;
const month = (g: string) => g.length <= 2 && Number(g) >= 1 && Number(g) <= 12;
const year = (g: string) => g.length === 4 && (g.startsWith('19') || g.startsWith('20'));

/** "2024 12 06", "06.12.2024", "12-06-2024", "06 12 24", "20241206": a date, whatever words precede it. */
function isDate(groups: readonly string[]): boolean {
  const [a, b, c] = groups;
  if (groups.length === 1 && isCompactDate(a!)) return true;
  if (a === undefined || b === undefined || c === undefined) return false;
  if (year(a)) return month(b) && day(c);
  const dayMonth = (day(a) && month(b)) || (month(a) && day(b));
  return dayMonth && (year(c) || (c.length === 2 && groups.length === 3));
}

/** "192.168.10.200": four dotted groups a byte each. */
const isAddress = (groups: readonly string[], sep: string) => sep === '.' && groups.length === 4 && groups.every((g) => g.length <= 3 && Number(g) <= 255);

/** "1 500 000", "353 871 234 567": groups of three after the first, as amounts are written. */
const isThousands = (groups: readonly string[]) => groups.length >= 2 && groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3);

interface Run {
  groups: string[];
  /** Where each group ends in the match. */
  ends: number[];
  /** One separator throughout (" ", "." or "-"), or undefined when they are mixed. */
  sep: string | undefined;
}

function readRun(match: string): Run {
  const groups: string[] = [];
  const ends: number[] = [];
  const seps = new Set<string>();
  let at = 0;
  while (at < match.length) {
    let end = at;
    while (end < match.length && match.charCodeAt(end) >= 48 && match.charCodeAt(end) <= 57) end++;
    groups.push(match.slice(at, end));
    ends.push(end);
    at = end;
    while (at < match.length && (match.charCodeAt(at) < 48 || match.charCodeAt(at) > 57)) at++;
    if (at < match.length) seps.add(match.slice(end, at).trim() || ' ');
  }
  return { groups, ends, sep: seps.size <= 1 ? ([...seps][0] ?? ' ') : undefined };
}

/**
 * An international number without its "+": a country code, at least two more groups, none of the
 * national number starting with 0 (Italy's numbers do), 10–15 digits in all (E.164 allows 15).
 * Not groups of three (an amount), and not pairs only, which is how lists of figures are written too.
 */
function isInternational(groups: readonly string[], digits: number): boolean {
  if (groups.length < 3 || digits < 10 || digits > 15) return false;
  const [code, first] = groups as [string, string];
  if (!isCountryCode(code) || (first.startsWith('0') && code !== '39')) return false;
  return !isThousands(groups) && !groups.every((g) => g.length === 2);
}

/** After a phone cue: 7–15 digits in any grouping, unless the groups are an amount ("1 500 000"). */
const isCued = (groups: readonly string[], digits: number) => digits >= 7 && digits <= 15 && !(isThousands(groups) && groups[0]!.length < 3);

/**
 * How much of a run of groups (a match of GROUP_RUN at `start` in `text`) is a phone number: the
 * longest run of its first groups that is one. Longest, since a number's last groups may be short
 * ("… 56 78"): a count written right after a number may be masked with it, a digit of it never left.
 */
export function phoneGroupsLength(match: string, text: string, start: number, isReference: (text: string, start: number) => boolean): number {
  const run = readRun(match);
  const { groups } = run;
  if (run.sep === undefined || isDate(groups) || isAddress(groups, run.sep)) return 0;
  let total = 0;
  for (const g of groups) total += g.length;
  if (total < 7) return 0;
  const before = text.slice(Math.max(0, start - CUE_WINDOW), start);
  if (VERSION_CUE.test(before) || isReference(text, start)) return 0;
  let cued: boolean | undefined;
  for (let k = groups.length, digits = total; k >= 1; digits -= groups[--k]!.length) {
    const prefix = groups.slice(0, k);
    if (isInternational(prefix, digits)) return run.ends[k - 1]!;
    if (!isCued(prefix, digits)) continue;
    cued ??= PHONE_CUE.test(before);
    if (cued) return run.ends[k - 1]!;
  }
  return 0;
}
