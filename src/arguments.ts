// The library's arguments, checked where they come in: a caller's mistake is a TypeError that
// names the function, the argument and what it should be, not a failure deep inside a reader.
import type { Analysis, InputErrorRecord, Transcript } from './model/types.js';
import { RuleSet } from './rules/index.js';
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
}

/** parse() and score() options: source, format, agent, map, and score's rules. */
export function checkReadOptions(fn: string, options: unknown): void {
  if (options === undefined) return;
  if (!isObject(options)) fail(fn, 'options', 'an object', options);
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
  checkAnalyzeOptions(fn, options);
}

export function checkAnalyzeOptions(fn: string, options: unknown): void {
  if (options === undefined) return;
  if (!isObject(options)) fail(fn, 'options', 'an object', options);
  if (options.rules !== undefined && !(options.rules instanceof RuleSet)) fail(fn, 'options.rules', 'a RuleSet', options.rules);
}

/** configuredRules() options: where to look for the configuration, or which file it is. */
export function checkConfigOptions(fn: string, options: unknown): void {
  if (!isObject(options)) fail(fn, 'options', 'an object', options);
  optionalString(fn, 'options.cwd', options.cwd);
  optionalString(fn, 'options.config', options.config);
}

/** A transcript as analyze() reads it; meta may hold anything (it is copied as plain data). */
export function checkTranscript(fn: string, t: unknown): asserts t is Transcript {
  if (!isObject(t)) fail(fn, 'transcript', 'a Transcript object', t);
  for (const key of ['id', 'source'] as const) if (typeof t[key] !== 'string') fail(fn, `transcript.${key}`, 'a string', t[key]);
  if (!CHANNELS.includes(t.channel as string)) fail(fn, 'transcript.channel', `one of ${CHANNELS.join(', ')}`, t.channel);
  if (!isObject(t.meta)) fail(fn, 'transcript.meta', 'an object', t.meta);
  if (!Array.isArray(t.turns)) fail(fn, 'transcript.turns', 'an array', t.turns);
  t.turns.forEach((turn: unknown, i) => {
    const at = `transcript.turns[${i}]`;
    if (!isObject(turn)) fail(fn, at, 'a Turn object', turn);
    if (!Number.isInteger(turn.index)) fail(fn, `${at}.index`, 'a whole number', turn.index);
    if (!ROLES.includes(turn.role as string)) fail(fn, `${at}.role`, `one of ${ROLES.join(', ')}`, turn.role);
    if (typeof turn.speaker !== 'string') fail(fn, `${at}.speaker`, 'a string', turn.speaker);
    if (typeof turn.text !== 'string') fail(fn, `${at}.text`, 'a string', turn.text);
    for (const key of ['start', 'end'] as const) if (turn[key] !== undefined && !Number.isFinite(turn[key])) fail(fn, `${at}.${key}`, 'a number of seconds', turn[key]);
  });
}

/** render(name, results, errors, options, transcripts) */
export function checkRender(name: unknown, results: unknown, errors: unknown, options: unknown, transcripts: unknown): void {
  const fn = 'render';
  if (typeof name !== 'string' || !FORMAT_NAMES.includes(name)) {
    throw new TypeError(`${fn}: name must be one of ${FORMAT_NAMES.join(', ')} (got ${typeof name === 'string' ? `"${name}"` : kindOf(name)})`);
  }
  if (!Array.isArray(results)) fail(fn, 'results', 'an array of Analysis', results);
  results.forEach((a: unknown, i) => {
    const r = a as Partial<Analysis> | null;
    if (!isObject(r) || typeof r.id !== 'string' || !Array.isArray(r.findings) || !isObject(r.emotion) || !isObject(r.counts)) fail(fn, `results[${i}]`, 'an Analysis (from analyze or score)', a);
  });
  if (errors !== undefined) {
    if (!Array.isArray(errors)) fail(fn, 'errors', 'an array of { source, line, message }', errors);
    errors.forEach((e: unknown, i) => {
      const r = e as Partial<InputErrorRecord> | null;
      if (!isObject(r) || typeof r.source !== 'string' || typeof r.message !== 'string' || !Number.isInteger(r.line)) fail(fn, `errors[${i}]`, 'an object { source, line, message }', e);
    });
  }
  if (options !== undefined && !isObject(options)) fail(fn, 'options', 'an object', options);
  if (transcripts !== undefined && !Array.isArray(transcripts)) fail(fn, 'transcripts', 'an array', transcripts);
}
