// The canonical transcript shape as JSON values, read leniently: shared by the JSON and NDJSON
// readers. Errors carry the JSON path so the caller can name the line.
import type { Channel, Role, TranscriptMeta } from '../model/types.js';
import type { DraftConversation, DraftTurn } from './build.js';
import type { JsonPath } from './json-source.js';
import { isRecord, parseClock, roleFromLabel, str, toNumber } from './text-utils.js';

export type Fail = (path: JsonPath, reason: string) => never;

const ROLES: readonly Role[] = ['agent', 'customer', 'bot', 'system', 'unknown'];
const TEXT_KEYS = ['text', 'content', 'message', 'body', 'utterance'] as const;
const TURN_LIST_KEYS = ['turns', 'messages'] as const;

function channelOf(value: unknown): Channel | undefined {
  const v = typeof value === 'string' ? value.toLowerCase() : '';
  if (v === 'call' || v === 'chat' || v === 'email' || v === 'unknown') return v;
  if (v === 'voice' || v === 'phone') return 'call';
  if (v === 'sms' || v === 'messaging' || v === 'web') return 'chat';
  return undefined;
}

/** Where turn `i` is: built only when something there is wrong (every turn would cost an array). */
interface TurnAt {
  list: JsonPath;
  i: number;
}
const pathOf = (at: TurnAt, key?: string): JsonPath => (key === undefined ? [...at.list, at.i] : [...at.list, at.i, key]);

function seconds(value: unknown, at: TurnAt, key: string, fail: Fail): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = toNumber(value) ?? (typeof value === 'string' ? parseClock(value) : undefined);
  if (n === undefined) fail(pathOf(at, key), 'expected a number of seconds');
  return n;
}

// Read for every turn of every input: no closures, no key lists, no lower-case copy per role compared.
function readTurn(value: unknown, at: TurnAt, fail: Fail): DraftTurn {
  if (!isRecord(value)) fail(pathOf(at), 'expected a turn object');
  const textKey = textKeyOf(value);
  if (!textKey) fail(pathOf(at, 'text'), 'missing (expected "text", "content" or "message")');
  const text = value[textKey];
  if (typeof text !== 'string') fail(pathOf(at, textKey), 'expected a string');
  expectString(value, 'role', at, fail);
  expectString(value, 'speaker', at, fail);
  const roleText = str(value.role)?.trim();
  const speaker = str(value.speaker) ?? str(value.name) ?? '';
  let role: Role | undefined;
  if (roleText) {
    const lower = roleText.toLowerCase();
    role = (ROLES as readonly string[]).includes(lower) ? (lower as Role) : roleFromLabel(roleText);
    if (!role && !speaker) return draftTurn(roleText, text, undefined, value, at, fail); // a name in "role"
  }
  role ??= speaker ? roleFromLabel(speaker) : undefined;
  return draftTurn(speaker || roleText || '', text, role && role !== 'unknown' ? role : undefined, value, at, fail);
}

function textKeyOf(value: Record<string, unknown>): (typeof TEXT_KEYS)[number] | undefined {
  for (const k of TEXT_KEYS) if (value[k] !== undefined) return k;
  return undefined;
}

function expectString(value: Record<string, unknown>, key: 'role' | 'speaker', at: TurnAt, fail: Fail): void {
  if (value[key] !== undefined && value[key] !== null && str(value[key]) === undefined) fail(pathOf(at, key), 'expected a string');
}

/** The turn made in one piece: fields added after it is made cost it a second allocation. */
function draftTurn(speaker: string, text: string, role: Role | undefined, value: Record<string, unknown>, at: TurnAt, fail: Fail): DraftTurn {
  const start = seconds(value.start, at, 'start', fail);
  const end = seconds(value.end, at, 'end', fail);
  return { speaker, text, start, end, role };
}

/** Whether a JSON value looks like one canonical transcript (a turn list of text-bearing objects). */
export function isCanonicalTranscript(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const list = TURN_LIST_KEYS.map((k) => value[k]).find(Array.isArray);
  if (!list) return false;
  const first = list[0];
  return first === undefined || (isRecord(first) && TEXT_KEYS.some((k) => typeof first[k] === 'string'));
}

/** The transcripts a canonical JSON value holds: one, an array, or { transcripts: [...] }. */
export function canonicalList(value: unknown): { items: unknown[]; path: JsonPath } | undefined {
  if (Array.isArray(value)) return { items: value, path: [] };
  if (isRecord(value) && Array.isArray(value.transcripts)) return { items: value.transcripts, path: ['transcripts'] };
  if (isRecord(value)) return { items: [value], path: [] };
  return undefined;
}

/**
 * meta is copied into every output, and JSON.stringify recurses: a value nested thousands deep
 * would overflow the stack when the result is written, so it is refused here, on its line.
 */
const MAX_META_DEPTH = 64;

function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

export function readCanonical(value: unknown, path: JsonPath, fail: Fail): DraftConversation {
  if (!isRecord(value)) fail(path, 'expected a transcript object');
  const listKey = TURN_LIST_KEYS.find((k) => value[k] !== undefined);
  if (!listKey) fail([...path, 'turns'], 'missing (expected an array of turns)');
  const list = value[listKey];
  if (!Array.isArray(list)) fail([...path, listKey], 'expected an array');
  const at: TurnAt = { list: [...path, listKey], i: 0 };
  const turns = list.map((t, i) => {
    at.i = i;
    return readTurn(t, at, fail);
  });
  if (value.id !== undefined && str(value.id) === undefined) fail([...path, 'id'], 'expected a string');
  if (value.meta !== undefined && !isRecord(value.meta)) fail([...path, 'meta'], 'expected an object');
  if (nestedDeeperThan(value.meta, MAX_META_DEPTH)) fail([...path, 'meta'], `nested more than ${MAX_META_DEPTH} levels deep`);
  if (value.channel !== undefined && !channelOf(value.channel)) fail([...path, 'channel'], 'expected "call", "chat", "email" or "unknown"');
  const meta: TranscriptMeta = { ...(isRecord(value.meta) ? value.meta : {}) };
  // Conveniences at the top level of hand-written files.
  for (const [key, target] of [['agent', 'agentName'], ['team', 'team'], ['queue', 'queue'], ['date', 'date']] as const) {
    const v = str(value[key]);
    if (v !== undefined && meta[target] === undefined) meta[target] = v;
  }
  // A previous inference is re-done here, not trusted blindly.
  delete meta.roleInference;
  const timed = turns.some((t) => t.start !== undefined);
  const id = str(value.id);
  return {
    ...(id !== undefined ? { id } : {}),
    channel: channelOf(value.channel) ?? (timed ? 'call' : 'unknown'),
    turns,
    meta,
  };
}
