// Small helpers shared by the readers: entities, clock times, numbers, role words.
import { createRequire } from 'node:module';
import { InputError } from '../model/errors.js';
import type { Role } from '../model/types.js';
import { table } from '../model/records.js';
import type { ParseOptions } from './types.js';

type EntitiesDecode = typeof import('entities/decode');
let entities: EntitiesDecode | undefined;

/** An entity as HTML writes it, ended by its semicolon: "&rsquo;", "&#39;", "&#x2019;". */
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/**
 * Decodes HTML entities (every named one, and numeric ones) with the `entities` package, loaded on
 * the first text that has one. Only entities ended by ";" are decoded: "AT&T", "&copy 2024" and
 * "5 &lt3" are left as written, since a person typed them and no encoder did.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&') || !ENTITY.test(text)) return text;
  entities ??= createRequire(import.meta.url)('entities/decode') as EntitiesDecode;
  return entities.decodeHTMLStrict(text);
}

/** How much of an input line an error message quotes. */
const EXCERPT = 60;

/**
 * A line of the input as an error message quotes it: trimmed, and cut (with "…") where it is long,
 * since a line may be megabytes and the message goes to stderr and into an error record.
 */
export function excerpt(line: string): string {
  const text = line.trim();
  if (text.length <= EXCERPT) return text;
  const end = /[\uD800-\uDBFF]/.test(text[EXCERPT - 1]!) ? EXCERPT - 1 : EXCERPT; // never half a surrogate pair
  return `${text.slice(0, end)}…`;
}

/**
 * "01:02:03.450", "1:02:03,450", "02:03", "0:0:0.570" (Teams, unpadded) → seconds.
 * Returns undefined for anything else.
 */
export function parseClock(text: string): number | undefined {
  const m = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!m) return undefined;
  const [, h, min, s, frac] = m;
  const seconds = Number(h ?? 0) * 3600 + Number(min) * 60 + Number(s);
  return frac === undefined ? seconds : seconds + Number(frac) / 10 ** frac.length;
}

/** A number or a numeric string (Transcribe writes "0.79"); undefined otherwise. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Rounds seconds to milliseconds so float noise never shows in output. */
export function roundSec(sec: number): number {
  return Math.round(sec * 1000) / 1000;
}

export const msToSec = (ms: unknown): number | undefined => {
  const n = toNumber(ms);
  return n === undefined ? undefined : roundSec(n / 1000);
};

const ROLE_WORDS = table<Role>({
  agent: 'agent',
  rep: 'agent',
  representative: 'agent',
  advisor: 'agent',
  adviser: 'agent',
  support: 'agent',
  associate: 'agent',
  csr: 'agent',
  operator: 'agent',
  specialist: 'agent',
  staff: 'agent',
  customer: 'customer',
  caller: 'customer',
  client: 'customer',
  user: 'customer',
  member: 'customer',
  guest: 'customer',
  visitor: 'customer',
  consumer: 'customer',
  bot: 'bot',
  chatbot: 'bot',
  'virtual agent': 'bot',
  system: 'system',
});

/** "Agent", "CUSTOMER", "Support", "client" → role; a person's name → undefined. */
export function roleFromLabel(label: string): Role | undefined {
  const key = label.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  if (key === 'agent' || key === 'customer' || key === 'bot' || key === 'system' || key === 'unknown') return key;
  return ROLE_WORDS[key];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Refuses a transcript of more lines than `options.maxLines`, before a reader of lines reads it:
 * such a reader keeps a few hundred bytes a line while it reads (a label, a cue, a turn), so a file
 * of millions of short lines took gigabytes where the same bytes of longer lines take megabytes
 * (11.5 MB of "Agent: ok" lines peaked at 490 MB, a 45 MB WebVTT file of a million cues at 826 MB).
 */
export function checkLineCount(text: string, options: ParseOptions): void {
  const max = options.maxLines;
  if (max === undefined) return;
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < text.length - 1; at = text.indexOf('\n', at + 1)) {
    if (++lines > max) {
      throw new InputError(options.source, lines, `more than ${max} lines, the limit for a transcript read as lines (text, SRT, WebVTT); split it, or write it as NDJSON, which is read a record at a time`);
    }
  }
}
