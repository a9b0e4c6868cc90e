// --redact: masks contact and payment details before anything is analysed or written.
//
// It lives in nlp/ (not report/) because it runs on the Transcript *before* analysis: every later
// stage (findings' text, commitments, cues, every output format) then only ever sees masked text,
// so no formatter can forget to redact. Masks keep the length of what they replace, character
// for character, so spans, turn offsets and the line layout still match the original file.
import type { Analysis, Transcript, TranscriptMeta } from '../model/types.js';

/** What a letter or digit of a detected value becomes; separators (" ", "-", "@", ".") stay. */
export const MASK = '\u2022';

export type RedactionKind = 'email' | 'card' | 'phone' | 'account';

interface Detector {
  kind: RedactionKind;
  pattern: RegExp;
  /** Decides on a match in its context; true masks it. */
  accept(match: string, text: string, start: number): boolean;
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

function isCompactDate(digits: string): boolean {
  if (digits.length !== 8 && digits.length !== 14) return false;
  const m = /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:([01]\d|2[0-3])[0-5]\d[0-5]\d)?$/.exec(digits);
  return m !== null;
}

// Order matters: earlier detectors claim their characters first.
const DETECTORS: Detector[] = [
  { kind: 'email', pattern: /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu, accept: () => true },
  {
    // 13–19 digits, optionally grouped by single spaces or dashes, passing Luhn.
    kind: 'card',
    pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g,
    accept: (m) => luhnValid(digitsOf(m)) && !isCompactDate(digitsOf(m)),
  },
  {
    // International: +CC then groups, 8–15 digits in all (E.164).
    kind: 'phone',
    pattern: /\+\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){2,6}(?!\d)/g,
    accept: (m) => digitsOf(m).length >= 8 && digitsOf(m).length <= 15,
  },
  {
    // National with a trunk 0 (UK, EU, AU): 020 7946 0958, 07700 900123, (0)30 1234567.
    kind: 'phone',
    pattern: /(?<![\d.:/-])\(?0\d{1,4}\)?(?:[ .-]?\d{2,4}){1,3}(?![\d:/])/g,
    accept: (m, text, start) => digitsOf(m).length >= 9 && digitsOf(m).length <= 12 && !isReference(text, start),
  },
  {
    // North American: (555) 123-4567, 555-123-4567, 555.123.4567 (separators required, so a
    // date "2024-01-15" or a plain number is not a phone).
    kind: 'phone',
    pattern: /(?<![\d.:/-])(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\d:/-])/g,
    accept: (_m, text, start) => !isReference(text, start),
  },
  {
    // Account, bank and membership numbers: 8 or more digits in a row; not a compact date or
    // date-time (20261116, 20261116093000), which file names and ids are full of.
    kind: 'account',
    pattern: /(?<![\d])\d{8,}(?!\d)/g,
    accept: (m, text, start) => !isReference(text, start) && !isCompactDate(m),
  },
];

export interface Redaction {
  kind: RedactionKind;
  span: [number, number];
}

/** The ranges of `text` to mask, in order and never overlapping. */
export function findRedactions(text: string, skip: ReadonlySet<RedactionKind> = NONE): Redaction[] {
  const taken: Redaction[] = [];
  const overlaps = (s: number, e: number) => taken.some((r) => s < r.span[1] && r.span[0] < e);
  for (const d of DETECTORS) {
    if (skip.has(d.kind)) continue;
    d.pattern.lastIndex = 0;
    for (const m of text.matchAll(d.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!overlaps(start, end) && d.accept(m[0], text, start)) taken.push({ kind: d.kind, span: [start, end] });
    }
  }
  return taken.sort((a, b) => a.span[0] - b.span[0]);
}

const NONE: ReadonlySet<RedactionKind> = new Set();
// Conversation ids and file names are keys that reports join on, and are often long numbers
// (a CRM case id): only contact details and card numbers are masked in them.
const KEYS: ReadonlySet<RedactionKind> = new Set(['account']);

const maskChars = (s: string) => s.replace(/[\p{L}\p{N}]/gu, MASK);

/** The text with every detected value masked; always the same length as the input. */
export function redactText(text: string, skip: ReadonlySet<RedactionKind> = NONE): string {
  const found = findRedactions(text, skip);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { span } of found) {
    out += text.slice(at, span[0]) + maskChars(text.slice(span[0], span[1]));
    at = span[1];
  }
  return out + text.slice(at);
}

/**
 * Meta: free-text values, and keys (role assignments are keyed by speaker label, which can be a
 * caller's number), are scanned like the transcript; `customerId` is masked whole, as it names
 * a person. Agent, team, queue, case id and date are kept: rollups and QA need them.
 */
function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactText(k), redactValue(v)]));
  return value;
}

export function redactMeta(meta: TranscriptMeta): TranscriptMeta {
  const out = redactValue(meta) as TranscriptMeta;
  if (typeof meta.customerId === 'string') out.customerId = maskChars(meta.customerId);
  return out;
}

/** A transcript fit to analyse and publish: turns, speaker labels, id, source and meta masked. */
export function redactTranscript(t: Transcript): Transcript {
  return {
    ...t,
    id: redactText(t.id, KEYS),
    source: redactText(t.source, KEYS),
    meta: redactMeta(t.meta),
    turns: t.turns.map((turn) => ({ ...turn, speaker: redactText(turn.speaker), text: redactText(turn.text) })),
  };
}

/**
 * An analysis made without --redact (read back from NDJSON by `report --redact`): every string in
 * it is masked. Same-length masks keep each finding's span valid.
 */
export function redactAnalysis(a: Analysis): Analysis {
  const masked = redactValue(a) as Analysis;
  masked.id = redactText(a.id, KEYS);
  masked.source = redactText(a.source, KEYS);
  masked.meta = redactMeta(a.meta);
  return masked;
}
