// --redact: masks contact and payment details before anything is analysed or written.
//
// It lives in nlp/ (not report/) because it runs on the Transcript *before* analysis: every later
// stage (findings' text, commitments, cues, every output format) then only ever sees masked text,
// so no formatter can forget to redact. Two kinds of mask:
// - in text (turns, findings, error messages) each letter and digit becomes "•", so spans, turn
//   offsets and the line layout still match the original file;
// - in join keys (conversation ids, file names, speaker labels, meta) a value becomes a tag keyed
//   by a secret chosen per run ("[phone:kqzvbmwhtrxe]"): two customers or two agents with numbers
//   of the same shape stay two, and the same number is the same tag everywhere in the run.
// Every detector is linear in the text: bounded repetition only, e-mails looked for around each "@".
import { createHmac, randomBytes } from 'node:crypto';
import type { Analysis, InputErrorRecord, Transcript, TranscriptMeta } from '../model/types.js';
import { GROUP_RUN, isCompactDate, phoneGroupsLength } from './phone-groups.js';

/** What a letter or digit of a detected value becomes in text; separators stay. */
export const MASK = '\u2022';

export type RedactionKind = 'email' | 'card' | 'phone' | 'account';

interface Detector {
  kind: RedactionKind;
  pattern: RegExp;
  /** The length of the match to mask (0 to leave it), decided in its context. */
  accept(match: string, text: string, start: number): number;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** The Luhn checksum every payment card number satisfies (and 9 in 10 other numbers do not). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

// A number the customer and agent use to refer to the order or ticket is needed to read the
// conversation and is not personal: "order 12345678" survives, "account 12345678" does not.
const REFERENCE_LABEL = /\b(?:order|ord|ref|reference|ticket|case|tracking|invoice|booking|confirmation|parcel|shipment|incident)\b[\s#:.-]*(?:(?:no|number|num|id)\b[\s#:.-]*)?(?:is\s+)?$/i;
const isReference = (text: string, start: number) => REFERENCE_LABEL.test(text.slice(Math.max(0, start - 40), start));

// Detectors read a folded copy of the text, of the same length, so that a span found in it is the
// span in the text: digits, signs and spaces are written in more ways than the patterns should
// list. Fullwidth forms (Chinese and Japanese input methods: "０７７００", "＋４４", "＠") become
// ASCII, the digits of every script (Arabic-Indic, Devanagari…) their ASCII digit, every dash and
// minus "-", and every space and every invisible character (no-break, thin and ideographic spaces,
// zero-width space, soft hyphen, bidi marks), a tab and a line break a space, since people and systems put them between groups.
let FOLD: Uint16Array | undefined; // BMP code unit → what it folds to (0: itself)

function foldTable(): Uint16Array {
  if (FOLD) return FOLD;
  const table = new Uint16Array(0x10000);
  const digit = /\p{Nd}/u;
  const dash = /[\p{Pd}\u2212\uFE63]/u;
  const space = /[\p{Zs}\p{Cf}]/u;
  let run = -1; // the value of the previous code unit when it was a digit (digits come in runs of 0–9)
  for (let c = 0x80; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      run = -1;
      continue;
    }
    const ch = String.fromCharCode(c);
    const isDigit = digit.test(ch);
    run = isDigit ? (run + 1) % 10 : -1;
    if (c >= 0xff01 && c <= 0xff5e) table[c] = c - 0xfee0;
    else if (isDigit) table[c] = 48 + run;
    else if (dash.test(ch)) table[c] = 45;
    else if (space.test(ch)) table[c] = 32;
  }
  table[0x09] = 32; // a tab, as pasted from a spreadsheet between a card's groups
  // A line break, where a turn of several lines wraps a number ("my card is 4111 1111⏎1111 1111").
  table[0x0a] = 32;
  table[0x0d] = 32;
  table[0xfe62] = 43; // small plus
  table[0xfe6b] = 64; // small commercial at
  // The full stops of Chinese and Japanese input ("jo@example。com"); the fullwidth one is folded above.
  table[0x3002] = 46; // ideographic full stop
  table[0xff61] = 46; // halfwidth ideographic full stop
  table[0xfe52] = 46; // small full stop
  return (FOLD = table);
}

/** `text` with digits, signs and spaces in their ASCII form; always the same length. */
export function foldForDetection(text: string): string {
  if (!/[\t\n\r\u0080-\uffff]/.test(text)) return text;
  const table = foldTable();
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = table[c] || c;
  }
  let folded = '';
  for (let at = 0; at < out.length; at += 8192) folded += String.fromCharCode(...out.subarray(at, at + 8192));
  return folded;
}

// What people put between groups of digits, once folded: a space or two, or a dot or a dash with
// a space on either side or none ("4111 - 1111"). Each form has one way to match, so no backtracking.
const SEP = '(?: ?[.\\-] ?| {1,2})';
const SEP_AT = /[ .\-/_,]/;
/** Between a card's groups also a slash or an underscore, which no phone or date is written with here. */
const CARD_SEP = '(?: ?[.\\-/_] ?| {1,2})';
const re = (source: string) => new RegExp(source, 'g');

/** A card number's length: the whole match if it passes Luhn, else its longest grouped prefix that does. */
function cardLength(match: string): number {
  for (let end = match.length; end > 0; end--) {
    if (end < match.length && !SEP_AT.test(match[end]!)) continue;
    const digits = digitsOf(match.slice(0, end));
    if (digits.length < 13) break;
    if (digits.length <= 19 && luhnValid(digits) && !isCompactDate(digits)) return end;
  }
  return 0;
}

/** ISO 7064 mod 97-10, as banks check an IBAN: the country and check digits moved to the end, letters as 10–35. */
function ibanValid(iban: string): boolean {
  if (iban.length < 15 || iban.length > 34) return false;
  let rest = 0;
  for (const ch of iban.slice(4) + iban.slice(0, 4)) {
    const code = ch.charCodeAt(0);
    const value = code <= 57 ? code - 48 : code - 55;
    rest = (rest * (value > 9 ? 100 : 10) + value) % 97;
  }
  return rest === 1;
}

const whole = (ok: boolean, m: string) => (ok ? m.length : 0);
/** A North American number's ten digits (after its 1): area code and exchange each start 2–9. */
const NANP_NUMBER = /^1?[2-9]\d\d[2-9]\d{6}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Both groups a year ("2019 2020", "1999-2003") or a time of day ("open 0900-1730"): a span, not a number. */
const SPAN_PAIR = /^(?:(?:19|20)\d\d\D+(?:19|20)\d\d|(?:[01]\d|2[0-3])[0-5]\d\D+(?:[01]\d|2[0-3])[0-5]\d)$/;

// Order matters: earlier detectors claim their characters first.
const DETECTORS: Detector[] = [
  {
    // An IBAN, grouped by four or not (GB82 WEST 1234 5698 7654 32), when its check digits agree.
    // First: its groups hold runs ("0044 0532") that the phone patterns would take for a number of their own.
    kind: 'account',
    pattern: /(?<![\p{L}\d])[A-Z]{2}\d{2}(?: ?[A-Z\d]{4}){2,7}(?: ?[A-Z\d]{1,3})?(?![\p{L}\d])/gu,
    accept: (m) => whole(ibanValid(m.replace(/ /g, '')), m),
  },
  {
    // 13–19 digits, alone or in groups, passing Luhn ("4111 1111 1111 1111", "4111.1111…", and
    // "4111/1111/…" or "4111_1111_…" as forms and chat widgets leave them).
    kind: 'card',
    pattern: re(`(?<![\\d-])\\d(?:${CARD_SEP}?\\d){12,18}(?!\\d|-\\d)`),
    accept: (m) => cardLength(m),
  },
  {
    // What a card's back and its label say, named by their label: the security code ("CVV 123",
    // "security code: 1234"), a PIN ("my pin is 4321") and the expiry date ("exp 12/26").
    kind: 'card',
    pattern: /(?<=\b(?:cvv2?|cvc2?|cv2|csc|security code|pin(?: number| code)?|exp(?:iry|iration|ires)?(?: date)?)(?: is)?[:#.]? ?)(?:\d{3,4}|(?:0?[1-9]|1[0-2]) ?[/-] ?(?:\d{2}|20\d{2}))(?![\d/])/gi,
    accept: (m) => m.length,
  },
  {
    // Card groups between commas, as a form's four boxes joined or a list pasted leave them
    // ("4111,1111,1111,1111", "3782, 822463, 10005"); groups of four or more digits only, so a list
    // of small numbers is never read as one.
    kind: 'card',
    pattern: /(?<![\d,])\d{4}(?:, ?\d{4,6}){2,4}(?!\d|, ?\d)/g,
    accept: (m) => cardLength(m),
  },
  {
    // International: +CC or 00 CC, then groups, 8–15 digits in all (E.164): +44 20 7946 0958,
    // 00 44 20 7946 0958, +49 (0)30 1234567, +33 6 12 34 56 78. Each run of digits is taken whole
    // (`(?=(\\d…))\\1`, an atomic group), never split again when what follows does not fit: split
    // every way, "+" and 40 digits took the detector 2.5 ms each.
    kind: 'phone',
    // The country code may stand in brackets, as "(+44) 20 7946 0958".
    // North America dials out with 011 ("011 44 20 7946 0958"), a separator after it, so that a
    // national number that starts 011 ("0116 496 0123") is not read as one.
    pattern: re(`(?:\\(?\\+|(?<![\\d.,])\\(?(?:00${SEP}?|011${SEP}))(?=(\\d{1,3}))\\1\\)?(?:${SEP}?\\(?(?=(\\d{1,5}))\\2\\)?){1,6}(?!\\d)`),
    accept: (m, text, start) => {
      const plus = m.startsWith('+') || m.startsWith('(+');
      const n = digitsOf(m).length - (plus ? 0 : /^\(?011/.test(m) ? 3 : 2);
      return whole(n >= 8 && n <= 15 && (plus || !isReference(text, start)), m);
    },
  },
  {
    // North American, with or without the leading 1: (415) 555-2671, 415.555.2671, 1-800-555-0199,
    // and the last seven digits in one group, 415 5552671, when the area code and exchange are ones
    // the plan allows (neither starts with 0 or 1). Separators required, so a date "2024-01-15" or
    // a plain number is not a phone.
    kind: 'phone',
    pattern: re(`(?<![\\d.:/-])(?:1${SEP}?)?(?:\\(\\d{3}\\)${SEP}?|\\d{3}${SEP})(?:\\d{3}${SEP}\\d{4}|\\d{7})(?![\\d:/-])`),
    accept: (m, text, start) => whole(!isReference(text, start) && (!/\d{7}$/.test(m) || NANP_NUMBER.test(digitsOf(m))), m),
  },
  {
    // National with a trunk 0, in the groupings of each country: 020 7946 0958, 07700 900123,
    // 06 12 34 56 78, 0171-1234567, 0470 12 34 56, (0)20 7946 0958, and a slash after the area
    // code as German numbers have it (030/1234567, 030 / 123 45 67).
    kind: 'phone',
    pattern: re(`(?<![\\d.:/-])(?:\\(0\\) ?\\d{1,4}|\\(?0\\d{1,4}\\)?)(?: ?\\/ ?\\d{2,8}|${SEP}\\d{2,8})(?:${SEP}\\d{2,8}){0,4}(?![\\d:/])`),
    accept: (m, text, start) => {
      const n = digitsOf(m).length;
      return whole(n >= 9 && n <= 12 && !isReference(text, start), m);
    },
  },
  {
    // A number its label says is a bank detail, in any grouping: "sort code 12-34-56", "account
    // number: 1234 5678", "acct no. 12 34 56 78". Unlabelled, three pairs are as likely a date.
    kind: 'account',
    pattern: /(?<=\b(?:sort ?code|account|acct|a\/c)(?: (?:number|num|no\.?|#))?(?: is)?[:#]? ?)\d{2}(?:[ -]?\d{2}){2,5}(?![\d-])/gi,
    accept: (m) => whole(!ISO_DATE.test(m), m),
  },
  {
    // Bare groups of digits that are a phone number by their shape or by the words before them: an
    // international number without its "+" (44 20 7946 0958, 33 6 12 34 56 78) and, after a phone
    // cue ("call me on", "my number is", "tel."), 7–15 digits in any grouping (555 2671). Not an
    // amount, a date, a time, a version or a reference (phone-groups.ts).
    kind: 'phone',
    pattern: GROUP_RUN,
    accept: (m, text, start) => phoneGroupsLength(m, text, start, isReference),
  },
  {
    // National numbers written without a trunk 0, in the groupings of the countries that have none
    // (Spain, Portugal, Poland, Denmark, Norway; France and Belgium as people say them): 912 345 678,
    // 612 34 56 78, 12 34 56 78. A reference its label names stays ("order 912 345 678"), and so
    // does an amount.
    kind: 'phone',
    pattern: /(?<![\d.,:/+\-\p{Sc}]|\p{Sc} ?|\d[ .-])(?:\d{3}(?:[ .-]\d{3}){2}|\d{3}(?: \d{2}){3}|\d{2}(?: \d{2}){3})(?!\d|[ .-]\d)/gu,
    accept: (m, text, start) => whole(!isReference(text, start), m),
  },
  {
    // Account, bank and membership numbers: 8 or more digits in a row; not a compact date or
    // date-time (20261116, 20261116093000), which file names and ids are full of.
    kind: 'account',
    pattern: /(?<!\d)\d{8,}(?!\d)/g,
    accept: (m, text, start) => whole(!isReference(text, start) && !isCompactDate(m), m),
  },
  {
    // The same numbers written in groups of four ("1234 5678", "1234-5678-9012"), which the run of
    // digits above does not see: unlabelled, as the run is. Not a span of years or hours ("2019 2020", "0900-1730").
    kind: 'account',
    pattern: /(?<![\d.,:/-]|\d[ .-])\d{4}(?:[ .-]\d{4}){1,3}(?!\d|[ .-]\d)/g,
    accept: (m, text, start) => whole(!isReference(text, start) && !isCompactDate(digitsOf(m)) && !SPAN_PAIR.test(m), m),
  },
  {
    // A US social security number (123-45-6789, and with its label in any grouping): an identity
    // number, masked with the account numbers.
    kind: 'account',
    pattern: /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])|(?<=\b(?:ssn|social security(?: number| no\.?)?)(?: is)?[:#]? ?)\d{3} ?\d{2} ?\d{4}(?!\d)/gi,
    accept: (m) => m.length,
  },
  {
    // A UK National Insurance number (QQ 12 34 56 C), in capitals as it is printed.
    kind: 'account',
    pattern: /(?<![\p{L}\d])[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\p{L}\d])/gu,
    accept: (m) => m.length,
  },
];

// An address as people write it: local part up to 64 characters (RFC 5321), labelled domain; a
// space or two either side of the "@" too ("jo @ example.com"), as a chat or a speech-to-text
// engine leaves it. "DM us @ help" has no domain, so it stays.
const EMAIL = /[\p{L}\d._%+-]{1,64} {0,2}@ {0,2}[\p{L}\d-]{1,63}(?:\.[\p{L}\d-]{1,63}){0,8}\.\p{L}{2,24}/uy;
const LOCAL_CHAR = /[\p{L}\d._%+-]/u;
// An address spelled out to get past filters: "jo at example dot com", "jo(at)example(dot)com",
// "jo [at] example.com". With a plain " at " some dot must be spelled out as well: "look at
// amazon.com" and "meet me at the shop. Com…" are not addresses.
const SPELLED_AT = / ?[([{]at[)\]}] ?| at /giu;
const SPELLED_DOT = '(?:\\.| ?[(\\[{]dot[)\\]}] ?| dot )';
const SPELLED_DOT_WORD = / ?[([{]dot[)\]}] ?| dot /i;
const SPELLED = new RegExp(`[\\p{L}\\d._%+-]{1,64}(?: ?[(\\[{]at[)\\]}] ?| at | {0,2}@ {0,2})[\\p{L}\\d-]{1,63}(?:${SPELLED_DOT}[\\p{L}\\d-]{1,63}){0,8}${SPELLED_DOT}\\p{L}{2,24}(?![\\p{L}\\d])`, 'iuy');

/** Where the local part before `at` starts: up to 64 of its characters, after at most `blanks` spaces. */
function localStart(text: string, at: number, from: number, blanks: number): number {
  let start = at;
  while (start > from && at - start < blanks && text[start - 1] === ' ') start--;
  const end = start;
  while (start > from && end - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start--;
  return start === end ? at : start;
}

/**
 * E-mail addresses, found from each "@" and each spelled-out "at": the work for each is bounded,
 * so the whole is linear.
 */
function emails(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', Math.max(at + 1, from))) {
    const start = localStart(text, at, from, 2);
    EMAIL.lastIndex = start;
    // "jo@example dot com": an "@" with the dots spelled out.
    const m = EMAIL.exec(text) ?? spelledAfterAt(text, start);
    if (m) {
      out.push([start, start + m[0].length]);
      from = start + m[0].length;
    }
  }
  return out.concat(spelledEmails(text, out));
}

function spelledAfterAt(text: string, start: number): RegExpExecArray | null {
  SPELLED.lastIndex = start;
  const m = SPELLED.exec(text);
  return m && SPELLED_DOT_WORD.test(m[0]) ? m : null;
}

function spelledEmails(text: string, found: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  SPELLED_AT.lastIndex = 0;
  for (let m = SPELLED_AT.exec(text); m; m = SPELLED_AT.exec(text)) {
    const start = localStart(text, m.index, from, 0);
    if (start === m.index) continue;
    SPELLED.lastIndex = start;
    const address = SPELLED.exec(text);
    if (!address) continue;
    const plainAt = m[0].toLowerCase() === ' at ';
    if (plainAt && !SPELLED_DOT_WORD.test(address[0])) continue;
    const end = start + address[0].length;
    if (!found.some(([s, e]) => s < end && start < e)) out.push([start, end]);
    from = end;
    SPELLED_AT.lastIndex = Math.max(SPELLED_AT.lastIndex, end);
  }
  return out;
}

export interface Redaction {
  kind: RedactionKind;
  span: [number, number];
}

const NONE: ReadonlySet<RedactionKind> = new Set();

/** The ranges of `text` to mask, in order and never overlapping. Linear in the text's length. */
export function findRedactions(original: string, skip: ReadonlySet<RedactionKind> = NONE): Redaction[] {
  const text = foldForDetection(original);
  const taken: Redaction[] = [];
  let claimed: Uint8Array | undefined; // characters already taken, allocated on the first find
  const free = (s: number, e: number) => {
    if (!claimed) return true;
    for (let i = s; i < e; i++) if (claimed[i]) return false;
    return true;
  };
  const take = (kind: RedactionKind, s: number, e: number) => {
    claimed ??= new Uint8Array(text.length);
    claimed.fill(1, s, e);
    taken.push({ kind, span: [s, e] });
  };
  if (!skip.has('email')) for (const [s, e] of emails(text)) take('email', s, e);
  for (const d of DETECTORS) {
    if (skip.has(d.kind)) continue;
    for (const m of text.matchAll(d.pattern)) {
      const start = m.index;
      const end = start + d.accept(m[0], text, start);
      if (end > start && free(start, end)) take(d.kind, start, end);
    }
  }
  return taken.sort((a, b) => a.span[0] - b.span[0]);
}

const MASK_CODE = MASK.charCodeAt(0);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Each letter and digit becomes MASK, one for each UTF-16 unit, so the length never changes. A
 * loop over code units into a typed array: linear however long the match (a regular expression
 * replace slows down on megabytes of replacements).
 */
function maskChars(s: string): string {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const lower = c | 32;
    if (c < 128) out[i] = (c >= 48 && c <= 57) || (lower >= 97 && lower <= 122) ? MASK_CODE : c;
    else {
      const ch = String.fromCodePoint(s.codePointAt(i)!);
      const masked = LETTER_OR_DIGIT.test(ch);
      for (let k = 0; k < ch.length; k++, i++) out[i] = masked ? MASK_CODE : s.charCodeAt(i);
      i--;
    }
  }
  let text = '';
  for (let at = 0; at < out.length; at += 8192) text += String.fromCharCode(...out.subarray(at, at + 8192));
  return text;
}

function replaceFound(text: string, found: readonly Redaction[], replace: (kind: RedactionKind, value: string) => string): string {
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { kind, span } of found) {
    out += text.slice(at, span[0]) + replace(kind, text.slice(span[0], span[1]));
    at = span[1];
  }
  return out + text.slice(at);
}

/** The text with every detected value masked; always the same length as the input. */
export function redactText(text: string, skip: ReadonlySet<RedactionKind> = NONE): string {
  return replaceFound(text, findRedactions(text, skip), (_kind, value) => maskChars(value));
}

// A message quotes at most a few dozen characters of a line, cut with "…" (excerpt in the formats)
// or, from JSON.parse, between '"' and '..."' on either side: a value cut there ("jo.bloggs@exam…",
// "4111 1111 11…") is no longer one any detector knows, yet is most of one. So the word touching a
// cut is masked, and when it holds a digit, the groups of digits next to it too.
const CUT = /\u2026|"\.\.\.|\.\.\."/g;
const WORD_CHAR = /[^\s"'`]/;
const GROUP_CHAR = /[\d\s.\-()/+_,]/;

/**
 * Where the word touching `at` ends (step 1) or starts (step -1, not before `floor`: what an earlier
 * cut took is not read again), with the groups of digits beside it.
 */
function cutReach(text: string, at: number, step: 1 | -1, floor = 0): number {
  const next = (i: number) => (step === 1 ? text[i] : i > floor ? text[i - 1] : undefined);
  let i = at;
  let digit = false;
  // A space or two beside an "@" is part of the word ("jo @ exam…"), and so are those at the cut
  // itself (the part after a cut "@" is " example.com").
  const inWord = (c: string, i: number) => WORD_CHAR.test(c) || (c === ' ' && (Math.abs(i - at) < 2 || text.slice(Math.max(0, i - 3), i + 4).includes('@')));
  for (let c = next(i); c !== undefined && inWord(c, i); c = next(i)) {
    digit ||= c >= '0' && c <= '9';
    i += step;
  }
  if (!digit && i !== at) return i; // a word of letters: an address's part is in the word itself
  let j = i;
  for (let c = next(j); c !== undefined && GROUP_CHAR.test(c); c = next(j)) {
    digit ||= c >= '0' && c <= '9';
    j += step;
  }
  return digit ? j : i;
}

/** `text` (a masked message) with the word at each cut of a quote masked too; the same length. */
export function maskCuts(text: string): string {
  if (!/\u2026|\.\.\./.test(text)) return text;
  const folded = foldForDetection(text);
  const spans: Redaction[] = [];
  let last = 0;
  for (const m of folded.matchAll(CUT)) {
    // "…" and '"...' end a quote that was cut; '..."' starts one.
    const [start, end] = m[0] === '..."' ? [m.index + 4, cutReach(folded, m.index + 4, 1)] : [cutReach(folded, m.index, -1, last), m.index];
    if (end > start && start >= last) spans.push({ kind: 'email', span: [start, end] });
    last = Math.max(last, end);
  }
  return replaceFound(text, spans, (_kind, value) => maskChars(value));
}

// Conversation ids and file names are keys that reports join on, and are often long numbers
// (a CRM case id): only contact details and card numbers are tagged in them.
const KEYS: ReadonlySet<RedactionKind> = new Set(['account']);

/** The same value however it is written: an address in any case, a number in any grouping. */
function canonical(kind: string, value: string): string {
  const folded = foldForDetection(value);
  // "jo @ example.com" and "jo at example dot com" are jo@example.com.
  if (kind === 'email') return folded.toLowerCase().replace(/ ?[([{]at[)\]}] ?| at | {0,2}@ {0,2}/, '@').replace(/ ?[([{]dot[)\]}] ?| dot /g, '.');
  // 00 44 … and 011 44 … are +44 …
  if (kind === 'phone') return /^\(?011\D/.test(folded) ? digitsOf(folded).slice(3) : digitsOf(folded).replace(/^00/, '');
  if (kind === 'card') return digitsOf(folded);
  if (kind === 'account') return folded.replace(/[^\dA-Z]/gi, '').toUpperCase();
  return value;
}

// Letters only, so a tag is never itself taken for a number, an address or a date.
const TAG_LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const TAG_LENGTH = 12; // 26^12 ≈ 2^56: a million values meet by chance about once in 10^5 runs

/**
 * One run's redaction. The key is random unless given (ETCSCORE_REDACT_KEY, for tags that must
 * match across runs); workers of one run get the same key, so their tags agree.
 */
export class Redactor {
  readonly key: string;

  constructor(key: string = randomBytes(32).toString('hex')) {
    this.key = key;
  }

  /** "[phone:kqzvbmwhtrxe]": the same for the same value in this run, and nothing else. */
  tag(kind: string, value: string): string {
    const digest = createHmac('sha256', this.key).update(`${kind}\0${canonical(kind, value)}`).digest();
    let letters = '';
    for (let i = 0; i < TAG_LENGTH; i++) letters += TAG_LETTERS[digest[i]! % TAG_LETTERS.length];
    return `[${kind}:${letters}]`;
  }

  /** Free text (a turn, a message): same-length masks, so spans into it stay valid. */
  text(s: string): string {
    return redactText(s);
  }

  /** A join key (id, file name, speaker, meta value): contact details inside it become tags. */
  joinKey(s: string): string {
    return replaceFound(s, findRedactions(s, KEYS), (kind, value) => this.tag(kind, value));
  }

  /**
   * Meta: keys (role assignments are keyed by speaker label, which can be a caller's number) and
   * values are join keys; `customerId` is tagged whole, as it names a person. Agent, team, queue,
   * case id and date keep what is not a contact detail: rollups and QA need them.
   */
  meta(meta: TranscriptMeta): TranscriptMeta {
    const out = this.plain(meta) as TranscriptMeta;
    if (typeof meta.customerId === 'string') out.customerId = this.tag('customer', meta.customerId);
    return out;
  }

  /** A transcript fit to analyse and publish: turns, speaker labels, id, source and meta masked. */
  transcript(t: Transcript): Transcript {
    return {
      ...t,
      id: this.joinKey(t.id),
      source: this.joinKey(t.source),
      meta: this.meta(t.meta),
      turns: t.turns.map((turn) => ({ ...turn, speaker: this.joinKey(turn.speaker), text: this.text(turn.text) })),
    };
  }

  /**
   * An analysis made without --redact (read back from NDJSON by `report --redact`): every string
   * in it is masked as text (same-length masks keep each finding's span valid), and its keys as keys.
   */
  analysis(a: Analysis): Analysis {
    const masked = this.deep(a, (s) => this.text(s)) as Analysis;
    masked.id = this.joinKey(a.id);
    masked.source = this.joinKey(a.source);
    masked.meta = this.meta(a.meta);
    return masked;
  }

  /** An input error: its file name as a key, its message (which may quote the input) as text. */
  error(e: InputErrorRecord): InputErrorRecord {
    return { ...e, source: this.joinKey(e.source), message: maskCuts(this.text(e.message)) };
  }

  private plain(value: unknown): unknown {
    return this.deep(value, (s) => this.joinKey(s), true);
  }

  private deep(value: unknown, str: (s: string) => string, keys = false): unknown {
    if (typeof value === 'string') return str(value);
    // A number in meta is written as its digits: a card number given as a JSON number is a card
    // number still, and becomes its tag (a string) like the same digits given as a string.
    if (keys && (typeof value === 'number' || typeof value === 'bigint')) {
      const digits = String(value);
      const tagged = this.joinKey(digits);
      return tagged === digits ? value : tagged;
    }
    if (Array.isArray(value)) return value.map((v) => this.deep(v, str, keys));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        // defineProperty: a key named "__proto__" stays an ordinary key.
        Object.defineProperty(out, keys ? this.joinKey(k) : k, { value: this.deep(v, str, keys), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return value;
  }
}
