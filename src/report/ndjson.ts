// One self-describing object a line: an Analysis, or { type: "error", source, line, message }.
import type { Analysis, Finding } from '../model/types.js';
import type { Formatter } from './types.js';

export function ndjsonFormatter(): Formatter {
  const json = analysisWriter();
  const result = (a: Analysis) => json.text(a) + '\n';
  return {
    name: 'ndjson',
    start: () => '',
    result,
    resultPieces: (a) => json.pieces(a, '', '\n'),
    error: (e) => JSON.stringify({ type: 'error', source: e.source, line: e.line, message: e.message }) + '\n',
    end: () => '',
  };
}

/** JSON.stringify of analyses, written with less work (analysisText): whole, or in pieces for a long one. */
export interface AnalysisWriter {
  text(a: Analysis): string;
  /**
   * `before`, the same text and `after`, in pieces of about PIECE_CHARS characters; one piece for
   * a short result (FINDINGS_PER_PIECE findings or fewer). Each piece is made when it is asked for,
   * so a writer that writes each before asking for the next never holds a long result's whole text.
   */
  pieces(a: Analysis, before: string, after: string): Iterable<string>;
}

/** An AnalysisWriter with its own memory of the rules' texts: one per formatter. */
export function analysisWriter(): AnalysisWriter {
  const rules = new Map<string, RuleText>();
  const text = (a: Analysis) => analysisText(a, rules);
  const pieces = (a: Analysis, before: string, after: string): Iterable<string> => {
    if (a.findings.length <= FINDINGS_PER_PIECE) return [before + text(a) + after];
    return analysisPieces(a, rules, before, after);
  };
  return { text, pieces };
}

/** Findings past which a result is written in pieces (Formatter.resultPieces): about 100 kB of text. */
const FINDINGS_PER_PIECE = 256;

/**
 * Characters in one piece of a long result: flat, at two bytes a character when one is past
 * Latin-1, it is still under 128 kB, V8's large-object size, so the copy made to encode it is a
 * young object that the next scavenge frees. Pieces of 256 findings (~92,000 characters) were
 * large objects, 25 MB of them for a 4 MB turn, kept until a collection (issue 18).
 */
const PIECE_CHARS = 1 << 15;

/**
 * `JSON.stringify` of an analysis, the same text, written with less work. Findings are most of a
 * result (85% of the bench's), and most of a finding is its rule's: id, messageId, category, kind,
 * severity, message and url are the same text in every finding of one message, and serialising
 * them again for each finding (each character checked for escapes) was most of the time
 * JSON.stringify took. Here that text is serialised once per messageId, and only what varies
 * (turn, role, span, text, data) is serialised per finding. Anything that is not a finding as the
 * engine makes it (other keys, another order, a value of another type, a toJSON) is written by
 * JSON.stringify itself, so the output is JSON.stringify's whatever the analysis holds.
 */
function analysisText(a: Analysis, rules: Map<string, RuleText>): string {
  const head = headOf(a);
  // One string made by concatenation, flattened once where it is encoded (utf8 in cli/io.ts), as
  // JSON.stringify's own result is: joining the findings first made a second copy of them, a
  // large object each, which cost more in collections and cache misses than it saved.
  const list = head === undefined ? undefined : findingsText(a.findings, 0, a.findings.length, rules);
  return list === undefined ? JSON.stringify(a) : head + list + ']}';
}

/** `before`, the same text as analysisText and `after`, in pieces of about PIECE_CHARS, each made when asked for. */
function* analysisPieces(a: Analysis, rules: Map<string, RuleText>, before: string, after: string): Generator<string> {
  const head = headOf(a);
  // Checked before the first piece is given: once one is written, JSON.stringify's whole can no
  // longer take the place of the pieces (findingJson is undefined for exactly these findings).
  if (head === undefined || !a.findings.every(plainFinding)) {
    yield before + JSON.stringify(a) + after;
    return;
  }
  const { findings } = a;
  let piece = before + head;
  for (let i = 0; i < findings.length; i++) {
    const text = findingJson(findings[i] as Finding, rules)!;
    piece += i === 0 ? text : ',' + text;
    if (piece.length < PIECE_CHARS) continue;
    yield piece;
    piece = '';
  }
  yield piece + ']}' + after;
}

/** A finding findingJson writes (as the engine makes it, or by JSON.stringify of it alone): an object without a toJSON. */
function plainFinding(f: unknown): boolean {
  return typeof f === 'object' && f !== null && !hasToJson(f);
}

/** The analysis's JSON up to its findings (`{…,"findings":[`), or undefined where only JSON.stringify of the whole is sure to be the same. */
function headOf(a: Analysis): string | undefined {
  // findings must be the last key, as analyze makes it, to be written after the rest.
  let last: string | undefined;
  for (const key in a) last = key;
  if (last !== 'findings' || !Array.isArray(a.findings) || hasToJson(a) || hasToJson(a.findings)) return undefined;
  const rest = JSON.stringify({ ...a, findings: undefined }); // JSON leaves an undefined key out
  return (rest === '{}' ? '{' : rest.slice(0, -1) + ',') + '"findings":[';
}

/** Findings [from, to) as JSON joined by commas, or undefined when one of them is not as the engine makes it (a toJSON, not an object). */
function findingsText(findings: readonly unknown[], from: number, to: number, rules: Map<string, RuleText>): string | undefined {
  let list = '';
  for (let i = from; i < to; i++) {
    const text = findingJson(findings[i] as Finding, rules);
    if (text === undefined) return undefined;
    list += i === from ? text : ',' + text;
  }
  return list;
}

/** A finding's keys, in the order the engine writes every one of them (`accept` in src/rules/engine.ts). */
const FINDING_KEYS = ['rule', 'messageId', 'category', 'dimension', 'kind', 'severity', 'turn', 'role', 'span', 'text', 'message', 'suggestion', 'url', 'data'];

/** A message's own text, and its JSON before `turn` and after `text`, made from its first finding. */
interface RuleText {
  readonly rule: string;
  readonly category: string;
  readonly dimension: string;
  readonly kind: string;
  readonly severity: string;
  readonly message: string;
  readonly suggestion: string | undefined;
  readonly url: string | undefined;
  /** `{"rule":…,"severity":…,"turn":` */
  readonly head: string;
  /** `,"message":…,"url":…`, without the keys whose value is undefined. */
  readonly tail: string;
}

/** Messages remembered at most: the built-in rules have about 60; a user's rules add theirs. */
const MAX_RULE_TEXTS = 4096;

/** A finding's JSON, as JSON.stringify writes it inside an array; undefined when only stringifying the whole analysis would be sure to be the same. */
export function findingJson(f: Finding, rules: Map<string, RuleText>): string | undefined {
  if (!plainFinding(f)) return undefined;
  const r = ruleText(f, rules);
  const { turn, role, span, text, data } = f;
  if (
    r === undefined ||
    !sameKeys(f) ||
    // The same message of the same rule: its remembered text is this finding's.
    f.rule !== r.rule ||
    f.category !== r.category ||
    f.dimension !== r.dimension ||
    f.kind !== r.kind ||
    f.severity !== r.severity ||
    f.message !== r.message ||
    f.suggestion !== r.suggestion ||
    f.url !== r.url ||
    // What varies, of the types the engine gives it (NaN and Infinity are JSON's null).
    !Number.isFinite(turn) ||
    typeof role !== 'string' ||
    typeof text !== 'string' ||
    !Array.isArray(span) ||
    span.length !== 2 ||
    !Number.isFinite(span[0]) ||
    !Number.isFinite(span[1]) ||
    hasToJson(span) ||
    (data !== undefined && (typeof data !== 'object' || data === null || hasToJson(data)))
  ) {
    return JSON.stringify(f);
  }
  return (
    r.head + turn + roleText(role) + span[0] + ',' + span[1] + '],"text":' + quoted(text) + r.tail +
    (data === undefined ? '}' : ',"data":' + JSON.stringify(data) + '}')
  );
}

function ruleText(f: Finding, rules: Map<string, RuleText>): RuleText | undefined {
  const known = rules.get(f.messageId);
  if (known !== undefined || rules.size >= MAX_RULE_TEXTS) return known;
  const { rule, messageId, category, dimension, kind, severity, message, suggestion, url } = f;
  const texts = [rule, messageId, category, dimension, kind, severity, message];
  if (!texts.every((t) => typeof t === 'string') || ![suggestion, url].every((t) => t === undefined || typeof t === 'string')) return undefined;
  const r: RuleText = {
    rule,
    category,
    dimension,
    kind,
    severity,
    message,
    suggestion,
    url,
    // Made by JSON.stringify itself, as flat strings (turn: 0 only to be cut off).
    head: JSON.stringify({ rule, messageId, category, dimension, kind, severity, turn: 0 }).slice(0, -2),
    tail: ',' + JSON.stringify({ message, suggestion, url }).slice(1, -1),
  };
  rules.set(messageId, r);
  return r;
}

/** The finding's own keys are FINDING_KEYS, in that order, and nothing it inherits is enumerable. */
function sameKeys(f: object): boolean {
  let i = 0;
  for (const key in f) if (key !== FINDING_KEYS[i++]) return false;
  return i === FINDING_KEYS.length;
}

/** JSON.stringify would call its toJSON (with the key it is under, which a plain call would not give). */
function hasToJson(o: object): boolean {
  return (o as { toJSON?: unknown }).toJSON !== undefined;
}

/**
 * `,"role":"agent","span":[`, made once a role. (JSON.stringify costs about 2,000 instructions a
 * call however short the string, callgrind says: twice what the whole of `quoted` does.)
 */
const ROLE_TEXTS = new Map<string, string>();

function roleText(role: string): string {
  let t = ROLE_TEXTS.get(role);
  if (t === undefined) {
    t = ',"role":' + JSON.stringify(role) + ',"span":[';
    if (ROLE_TEXTS.size < 64) ROLE_TEXTS.set(role, t); // a handful; a library caller's own roles are not all kept
  }
  return t;
}

/** What JSON.stringify escapes: quote, backslash, control characters, and a surrogate not in a pair (any surrogate here: a pair, an emoji, goes to JSON.stringify, which writes it as it is). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(s), at half the cost where s has nothing to escape (the test, and the quotes added). */
function quoted(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}
