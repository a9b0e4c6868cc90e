// The library's arguments, checked where they come in: a caller's mistake is a TypeError that
// names the function, the argument and what it should be, not a failure deep inside a reader.
import type { Analysis, Channel, InputErrorRecord, Role, Transcript, TranscriptMeta, Turn } from './model/types.js';
import { plainCopy } from './model/records.js';
import { RuleSet } from './rules/index.js';
import type { AnalyzeOptions } from './score/analyze.js';
import { READERS } from './formats/index.js';
import { FORMAT_NAMES } from './report/index.js';

const ROLES = ['agent', 'customer', 'bot', 'system', 'unknown'];
const CHANNELS = ['call', 'chat', 'email', 'unknown'];

/** What a value is, for a message: "a number", "null", "an array". */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  const t = typeof v;
  return t === 'object' ? 'an object' : t === 'undefined' ? 'undefined' : `a ${t}`;
}

function fail(fn: string, arg: string, expected: string, got: unknown): never {
  throw new TypeError(`${fn}: ${arg} must be ${expected} (got ${kindOf(got)})`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function optionalString(fn: string, arg: string, v: unknown): void {
  if (v !== undefined && typeof v !== 'string') fail(fn, arg, 'a string', v);
}

export function checkInput(fn: string, input: unknown): void {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) fail(fn, 'input', 'a string or a Uint8Array (a Buffer)', input);
  if (input instanceof Uint8Array) {
    try {
      Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    } catch (err) {
      throw new TypeError(`${fn}: input cannot be read (${(err as Error).message})`); // a detached buffer
    }
  }
}

/**
 * Options are only those the function knows: a misspelt or unknown one is a mistake to name, not
 * a wish to ignore (`{ redact: true }` ignored would leave personal data where the caller thinks
 * it masked: the library does not redact; see docs/library.md).
 */
function onlyKnown(fn: string, options: Record<string, unknown>, known: readonly string[], name = 'options'): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new TypeError(`${fn}: ${name}.${key} is not an option (known: ${known.join(', ')})`);
  }
}

/** parse() and score() options: source, format, agent, map, maxLines, and score's rules (returned, as read once). */
export function checkReadOptions(fn: string, options: unknown): AnalyzeOptions {
  if (options === undefined) return {};
  if (!isObject(options)) fail(fn, 'options', 'an object', options);
  const read = ['source', 'agent', 'format', 'map', 'maxLines'];
  onlyKnown(fn, options, fn === 'score' ? [...read, 'rules'] : read);
  if (options.maxLines !== undefined && !(Number.isSafeInteger(options.maxLines) && (options.maxLines as number) > 0)) fail(fn, 'options.maxLines', 'a whole number above 0', options.maxLines);
  optionalString(fn, 'options.source', options.source);
  optionalString(fn, 'options.agent', options.agent);
  optionalString(fn, 'options.format', options.format);
  const format = options.format;
  if (typeof format === 'string' && !READERS.some((r) => r.name === format.toLowerCase())) {
    throw new TypeError(`${fn}: options.format must be one of ${READERS.map((r) => r.name).join(', ')} (got "${format}")`);
  }
  if (options.map !== undefined) {
    if (!isObject(options.map)) fail(fn, 'options.map', 'an object of field → column name', options.map);
    for (const [field, column] of Object.entries(options.map)) if (typeof column !== 'string') fail(fn, `options.map.${field}`, 'a string', column);
  }
  return checkAnalyzeOptions(fn, options);
}

/**
 * analyze() and score()'s rules, checked and read once: what is returned is what the analysis runs,
 * so a getter cannot show the check a RuleSet and the analysis something else.
 */
export function checkAnalyzeOptions(fn: string, options: unknown): AnalyzeOptions {
  if (options === undefined) return {};
  if (!isObject(options)) fail(fn, 'options', 'an object', options);
  if (fn === 'analyze') onlyKnown(fn, options, ['rules']);
  let rules: unknown;
  try {
    rules = options.rules;
  } catch (err) {
    throw new TypeError(`${fn}: options.rules cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
  if (rules === undefined) return {};
  // A brand check: an object that only looks like a RuleSet would fail deep inside the analysis.
  if (!RuleSet.is(rules)) throw new TypeError(`${fn}: options.rules must be a RuleSet made by configuredRules() or new RuleSet(rules) (got ${lookalike(rules)})`);
  return { rules };
}

/** What a value given as a RuleSet is instead, as a caller most likely made it. */
function lookalike(v: unknown): string {
  try {
    if (!isObject(v)) return kindOf(v);
    // instanceof says yes to Object.create(RuleSet.prototype), though the constructor never ran.
    if (v instanceof RuleSet) return "an object with RuleSet's prototype that its constructor did not make";
    return Object.getPrototypeOf(v) === Object.prototype ? 'a plain object; a RuleSet copied, as through JSON, is one' : 'an object';
  } catch {
    return 'an object that cannot be read'; // a revoked proxy, a trap that throws
  }
}

/** configuredRules() options: where to look for the configuration, or which file it is. */
export function checkConfigOptions(fn: string, options: unknown): void {
  if (!isObject(options)) fail(fn, 'options', 'an object', options);
  onlyKnown(fn, options, ['cwd', 'config']);
  optionalString(fn, 'options.cwd', options.cwd);
  optionalString(fn, 'options.config', options.config);
}

/** Whether `v` is an object: a revoked proxy is one, though nothing in it can be read. */
function isObjectOrRevoked(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  try {
    return !Array.isArray(v);
  } catch {
    return true; // Array.isArray throws on a revoked proxy only
  }
}

/**
 * A transcript as analyze() reads it, checked and copied: each field is read once, here, so a
 * getter, a proxy or a sparse array cannot fail later inside the analysis or answer differently
 * the second time. `meta` may hold anything: it is copied as plain data (a revoked proxy as {}).
 * Anything that throws while it is read is a TypeError naming the field.
 */
export function transcriptArgument(fn: string, t: unknown, name = 'transcript'): Transcript {
  // Where reading got to, made into a path only for a message: a string per field per turn cost
  // more than the rest of the check.
  let turnNo = -1;
  let field = '';
  const at = (): string => `${name}${turnNo < 0 ? '' : `.turns[${turnNo}]`}${field ? `.${field}` : ''}`;
  try {
    if (!isObject(t)) fail(fn, at(), 'a Transcript object', t);
    const read = (key: string): unknown => {
      field = key;
      return t[key];
    };
    const id = read('id');
    if (typeof id !== 'string') fail(fn, at(), 'a string', id);
    const source = read('source');
    if (typeof source !== 'string') fail(fn, at(), 'a string', source);
    const channel = read('channel');
    if (!CHANNELS.includes(channel as string)) fail(fn, at(), `one of ${CHANNELS.join(', ')}`, channel);
    const meta = read('meta');
    if (!isObjectOrRevoked(meta)) fail(fn, at(), 'an object', meta);
    const plainMeta = plainCopy(meta);
    const turnsValue = read('turns');
    if (!Array.isArray(turnsValue)) fail(fn, at(), 'an array', turnsValue);
    const list: unknown[] = turnsValue;
    const turns: Turn[] = [];
    for (let i = 0; i < list.length; i++) {
      turnNo = i;
      field = '';
      const turn: unknown = list[i]; // a hole is undefined, and refused as such
      if (!isObject(turn)) fail(fn, at(), 'a Turn object', turn);
      const of = (key: string): unknown => {
        field = key;
        return turn[key];
      };
      const index = of('index');
      if (!Number.isInteger(index)) fail(fn, at(), 'a whole number', index);
      const role = of('role');
      if (!ROLES.includes(role as string)) fail(fn, at(), `one of ${ROLES.join(', ')}`, role);
      const speaker = of('speaker');
      if (typeof speaker !== 'string') fail(fn, at(), 'a string', speaker);
      const text = of('text');
      if (typeof text !== 'string') fail(fn, at(), 'a string', text);
      const copy: Turn = { index: index as number, role: role as Role, speaker, text };
      for (const key of ['start', 'end'] as const) {
        const v = of(key);
        if (v !== undefined && !Number.isFinite(v)) fail(fn, at(), 'a number of seconds', v);
        if (v !== undefined) copy[key] = v as number;
      }
      const line = of('line');
      if (line !== undefined && !Number.isInteger(line)) fail(fn, at(), 'a whole number', line);
      if (line !== undefined) copy.line = line as number;
      turns.push(copy);
    }
    return { id, source, channel: channel as Channel, meta: (plainMeta && typeof plainMeta === 'object' && !Array.isArray(plainMeta) ? plainMeta : {}) as TranscriptMeta, turns };
  } catch (err) {
    if (err instanceof TypeError && err.message.startsWith(`${fn}: `)) throw err;
    throw new TypeError(`${fn}: ${at()} cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
}

// What render() reads of an Analysis, field by field: a result built or edited by hand (or read back
// from JSON) with a field of the wrong type is named, instead of failing deep inside a formatter.
type Check = (v: unknown, at: string) => void;
const is = (test: (v: unknown) => boolean, expected: string): Check => (v, at) => {
  if (!test(v)) fail('render', at, expected, v);
};
const STRING = is((v) => typeof v === 'string', 'a string');
const NUMBER = is(Number.isFinite, 'a number');
const WHOLE = is(Number.isInteger, 'a whole number');
const OBJECT = is(isObject, 'an object');
const optional = (check: Check): Check => (v, at) => v === undefined || check(v, at);
/** A field's value; a getter or proxy that throws is named. */
function field(v: object, key: string | number, at: string): unknown {
  try {
    return (v as Record<string, unknown>)[key];
  } catch (err) {
    throw new TypeError(`render: ${at} cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
}
const arrayOf = (check: Check): Check => (v, at) => {
  if (!Array.isArray(v)) fail('render', at, 'an array', v);
  for (let i = 0; i < v.length; i++) check(field(v, i, `${at}[${i}]`), `${at}[${i}]`);
};
const object = (fields: Record<string, Check>): Check => (v, at) => {
  if (!isObject(v)) fail('render', at, 'an object', v);
  for (const [key, check] of Object.entries(fields)) check(field(v, key, `${at}.${key}`), `${at}.${key}`);
};
const SPAN = (v: unknown, at: string) => {
  if (!Array.isArray(v) || v.length !== 2) fail('render', at, 'a [start, end] pair', v);
  arrayOf(WHOLE)(v, at);
};
const SCORES = object({ etc: NUMBER, emotion: NUMBER, trust: NUMBER, control: NUMBER });
const REASONS = arrayOf(object({ points: NUMBER, reason: STRING, turns: optional(arrayOf(WHOLE)), category: optional(STRING) }));
const ANALYSIS = object({
  id: STRING,
  source: STRING,
  channel: STRING,
  meta: OBJECT,
  counts: object({ turns: WHOLE, agentTurns: WHOLE, customerTurns: WHOLE, words: WHOLE, durationSec: optional(NUMBER), silenceSec: optional(NUMBER), overlaps: optional(WHOLE), categories: optional(OBJECT), risks: optional(WHOLE), strengths: optional(WHOLE), signals: optional(WHOLE), talkSec: optional(object({ agent: NUMBER, customer: NUMBER })) }),
  scores: (v, at) => v === null || SCORES(v, at),
  unscored: optional(STRING),
  explanation: object({ etc: REASONS, emotion: REASONS, trust: REASONS, control: REASONS }),
  emotion: object({
    trajectory: arrayOf(object({ turn: WHOLE, raw: NUMBER, smoothed: NUMBER, label: STRING, cues: optional(arrayOf(STRING)) })),
    start: NUMBER,
    end: NUMBER,
    min: NUMBER,
    max: NUMBER,
    delta: NUMBER,
    shape: STRING,
  }),
  trust: object({ commitments: arrayOf(object({ turn: WHOLE, owner: STRING, action: STRING, due: optional(STRING), text: STRING, status: STRING })), followUps: arrayOf(WHOLE) }),
  control: object({ options: arrayOf(WHOLE), information: arrayOf(WHOLE) }),
  findings: arrayOf(
    object({ rule: STRING, messageId: STRING, category: STRING, dimension: STRING, kind: STRING, severity: STRING, turn: WHOLE, role: STRING, span: SPAN, text: STRING, message: STRING, suggestion: optional(STRING), url: optional(STRING), data: optional(OBJECT) }),
  ),
});
const ERROR = object({ source: STRING, line: WHOLE, message: STRING });
const OPTIONS = object({ color: optional(is((v) => typeof v === 'boolean', 'true or false')), findings: optional(is((v) => typeof v === 'boolean', 'true or false')), tool: optional(object({ name: STRING, version: STRING })) });

/**
 * render(name, results, errors, options, transcripts), checked: every field a format reads has its
 * type, or a TypeError names the first that does not (also one that cannot be read: a getter or a
 * proxy that throws). The transcripts are copied as analyze() copies one.
 */
export function renderArguments(...args: unknown[]): [string, Analysis[], InputErrorRecord[], Record<string, unknown>, Array<Transcript | undefined>] {
  const fn = 'render';
  const [name, results, errors, options, transcripts] = args;
  if (typeof name !== 'string' || !FORMAT_NAMES.includes(name)) {
    throw new TypeError(`${fn}: name must be one of ${FORMAT_NAMES.join(', ')} (got ${typeof name === 'string' ? `"${name}"` : kindOf(name)})`);
  }
  let at = 'results';
  try {
    arrayOf(ANALYSIS)(results, at);
    at = 'errors';
    const e = errors ?? [];
    arrayOf(ERROR)(e, at);
    at = 'options';
    const o = options ?? {};
    OPTIONS(o, at);
    onlyKnown(fn, o as Record<string, unknown>, ['color', 'findings', 'tool']);
    at = 'transcripts';
    const t = transcripts ?? [];
    if (!Array.isArray(t)) fail(fn, at, 'an array', t);
    const copies = Array.from(t, (x: unknown, i) => (x === undefined ? undefined : transcriptArgument(fn, x, `transcripts[${i}]`)));
    // A result's meta (and a finding's data) may hold anything, as a transcript's may: written from
    // a plain copy, a cycle, a bigint or a getter that throws cannot make a format throw.
    const plain = (results as Analysis[]).map((a) => ({ ...a, meta: plainCopy(a.meta) as TranscriptMeta, findings: a.findings.map((f) => (f.data === undefined ? f : { ...f, data: plainCopy(f.data) as Record<string, unknown> })) }));
    return [name, plain, e as InputErrorRecord[], o as Record<string, unknown>, copies];
  } catch (err) {
    if (err instanceof TypeError && err.message.startsWith(`${fn}: `)) throw err;
    throw new TypeError(`${fn}: ${at} cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
}
