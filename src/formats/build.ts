// Turns drafted by a reader → a canonical Transcript: indexes, ids, sources, and what the file says
// about roles (nlp/roles.ts settles them, with what the speakers say).
import { basename } from 'node:path';
import type { Channel, Role, Transcript, TranscriptMeta, Turn } from '../model/types.js';
import type { ParseOptions } from './types.js';
import { setRoleHints, type RoleHints } from '../model/role-hints.js';
import { decodeEntities } from './text-utils.js';

export interface DraftTurn {
  speaker: string;
  role?: Role;
  text: string;
  start?: number;
  end?: number;
  line?: number;
}

export interface DraftConversation {
  /** The id the file gives the conversation (ContactId, convo_id, …), if any. */
  id?: string;
  channel: Channel;
  turns: DraftTurn[];
  meta?: TranscriptMeta;
  roles?: RoleHints;
  /**
   * The reader decoded HTML entities itself, as part of its format's syntax (captions, HTML pages):
   * decoding again would turn the text "&lt;" (written "&amp;lt;") into "<".
   */
  entitiesDecoded?: boolean;
}

/** "calls/call-0042.vtt" → "call-0042"; stdin stays "stdin". */
export function baseId(source: string): string {
  const name = basename(source.replace(/#\d+$/, '')).replace(/^<|>$/g, '');
  const dot = name.indexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name) || 'transcript';
}

/**
 * Chat exports and web forms often carry HTML entities ("It&rsquo;s our policy"). They are decoded
 * here, once, where every format's turns become canonical, so that the rules read what was meant
 * and a finding's span indexes the same text that `turn.text` holds and every report shows.
 */
function toTurn(d: DraftTurn, index: number, decoded: boolean): Turn {
  const turn: Turn = { index, role: d.role ?? 'unknown', speaker: d.speaker, text: decoded ? d.text : decodeEntities(d.text) };
  if (d.start !== undefined && Number.isFinite(d.start)) turn.start = d.start;
  if (d.end !== undefined && Number.isFinite(d.end)) turn.end = d.end;
  if (d.line !== undefined) turn.line = d.line;
  return turn;
}

/**
 * Builds the transcripts of one file. With several conversations, the n-th (1-based) gets
 * source "path#n" and, when the file names no id, id "base#n".
 */
export function buildTranscripts(
  drafts: DraftConversation[],
  format: string,
  options: ParseOptions,
  /**
   * The n of each draft when it is not its position (NDJSON counts the lines that failed too).
   * Given only for a file of several records, so its drafts are numbered even when one is left.
   */
  ordinals?: number[],
): Transcript[] {
  const many = drafts.length > 1 || ordinals !== undefined;
  return drafts.map((d, i) => {
    const suffix = many ? `#${ordinals?.[i] ?? i + 1}` : '';
    const transcript: Transcript = {
      id: d.id && d.id.trim() !== '' ? d.id : `${baseId(options.source)}${suffix}`,
      source: `${options.source}${suffix}`,
      channel: d.channel,
      turns: d.turns.map((t, k) => toTurn(t, k, d.entitiesDecoded === true)),
      meta: { format, ...(d.meta ?? {}) },
    };
    const hints: RoleHints = { ...(d.roles ?? {}) };
    if (options.agent) Object.assign(hints, { agent: options.agent, agentFrom: '--agent' }); // the command line beats the file
    setRoleHints(transcript, hints);
    return transcript;
  });
}
