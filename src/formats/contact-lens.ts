// Amazon Connect Contact Lens output: post-call voice analysis, post-chat analysis, and the
// real-time segment stream event. The file states every participant's role.
import type { Role, TranscriptMeta } from '../model/types.js';
import { buildTranscripts, type DraftTurn } from './build.js';
import { parseJson, structureError, tryParseJson, type JsonPath } from './json-source.js';
import { isRecord, msToSec, roundSec, str } from './text-utils.js';
import type { FormatReader, ParseOptions } from './types.js';

/** AGENT / CUSTOMER / SYSTEM as written by Connect. */
export function connectRole(value: unknown): Role | undefined {
  switch (str(value)?.toUpperCase()) {
    case 'AGENT':
      return 'agent';
    case 'CUSTOMER':
      return 'customer';
    case 'SYSTEM':
      return 'system';
    case 'BOT':
    case 'CUSTOM_BOT':
      return 'bot';
    default:
      return undefined;
  }
}

function contactMeta(root: Record<string, unknown>): { id?: string; meta: TranscriptMeta } {
  const cm = isRecord(root.CustomerMetadata) ? root.CustomerMetadata : {};
  const agentInfo = isRecord(root.AgentInfo) ? root.AgentInfo : {};
  const queue = isRecord(root.Queue) ? root.Queue : {};
  const meta: TranscriptMeta = {};
  const put = (key: string, value: unknown) => {
    const v = str(value);
    if (v !== undefined && v !== '') meta[key] = v;
  };
  put('contactId', cm.ContactId ?? root.ContactId);
  put('instanceId', cm.InstanceId ?? root.InstanceId);
  put('agentId', agentInfo.AgentId ?? agentInfo.Id);
  put('agentName', agentInfo.Name ?? agentInfo.AgentName);
  put('queue', queue.Name ?? queue.QueueName ?? (typeof root.Queue === 'string' ? root.Queue : undefined));
  put('language', root.LanguageCode);
  put('version', root.Version);
  const categories = isRecord(root.Categories) && Array.isArray(root.Categories.MatchedCategories) ? root.Categories.MatchedCategories : undefined;
  if (categories?.length) meta.categories = categories;
  const id = str(meta.contactId);
  return { ...(id ? { id } : {}), meta };
}

function participants(root: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const p of Array.isArray(root.Participants) ? root.Participants.filter(isRecord) : []) {
    const id = str(p.ParticipantId);
    if (id) out.set(id, p);
  }
  return out;
}

/** Voice: offsets in ms, roles from the item or from Participants by ParticipantId. */
function voiceTurns(items: Record<string, unknown>[], people: Map<string, Record<string, unknown>>): { turns: DraftTurn[]; sentiments: unknown[] } {
  const sentiments: unknown[] = [];
  const turns = items.map((it) => {
    const who = people.get(str(it.ParticipantId) ?? '');
    const role = connectRole(it.ParticipantRole ?? who?.ParticipantRole);
    const turn: DraftTurn = { speaker: str(it.ParticipantId) ?? str(it.ParticipantRole) ?? '', text: (str(it.Content) ?? '').trim() };
    if (role) turn.role = role;
    const start = msToSec(it.BeginOffsetMillis);
    const end = msToSec(it.EndOffsetMillis);
    if (start !== undefined) turn.start = start;
    if (end !== undefined) turn.end = end;
    sentiments.push(it.Sentiment ?? null);
    return turn;
  });
  return { turns, sentiments };
}

/**
 * Chat: ISO AbsoluteTime made relative to the first item; EVENT items (joined, left, ended)
 * carry no words and are dropped, but counted in meta.events so nothing disappears unseen.
 */
function chatTurns(items: Record<string, unknown>[], people: Map<string, Record<string, unknown>>, meta: TranscriptMeta): DraftTurn[] {
  const times = items.map((it) => Date.parse(str(it.AbsoluteTime) ?? ''));
  const t0 = times.find(Number.isFinite);
  if (t0 !== undefined) meta.date = new Date(t0).toISOString();
  const events: string[] = [];
  const turns: DraftTurn[] = [];
  items.forEach((it, i) => {
    const type = str(it.Type)?.toUpperCase();
    const content = str(it.Content);
    if (type === 'EVENT' || content === undefined) {
      events.push(str(it.ContentType)?.replace(/^application\/vnd\.amazonaws\.connect\.event\./, '') ?? 'event');
      return;
    }
    const who = people.get(str(it.ParticipantId) ?? '');
    const role = connectRole(it.ParticipantRole ?? who?.ParticipantRole);
    const turn: DraftTurn = { speaker: str(it.DisplayName) ?? str(who?.DisplayName) ?? str(it.ParticipantRole) ?? '', text: content.trim() };
    if (role) turn.role = role;
    if (t0 !== undefined && Number.isFinite(times[i])) turn.start = roundSec((times[i]! - t0) / 1000);
    turns.push(turn);
  });
  meta.eventsDropped = events;
  return turns;
}

/** Real-time SEGMENTS event: partial Utterances are superseded by the full Transcript segments. */
function realtimeTurns(segments: Record<string, unknown>[], meta: TranscriptMeta): DraftTurn[] {
  const turns: DraftTurn[] = [];
  let partials = 0;
  for (const seg of segments) {
    if (isRecord(seg.Utterance)) partials++;
    if (isRecord(seg.Categories) && Array.isArray(seg.Categories.MatchedCategories)) meta.categories = seg.Categories.MatchedCategories;
    if (!isRecord(seg.Transcript)) continue;
    const { turns: [turn] } = voiceTurns([seg.Transcript], new Map());
    if (turn) turns.push(turn);
  }
  meta.partialUtterancesDropped = partials;
  meta.partial = true; // one event of a live stream, not the whole contact
  return turns;
}

function parse(text: string, options: ParseOptions) {
  const root = parseJson(text, options.source);
  const fail = (path: JsonPath, reason: string): never => {
    throw structureError(text, options.source, path, reason);
  };
  if (!isRecord(root)) return fail([], 'expected a Contact Lens output object');
  const { id, meta } = contactMeta(root);
  const people = participants(root);
  const isChat = str(root.Channel)?.toUpperCase() === 'CHAT';
  let turns: DraftTurn[];
  if (Array.isArray(root.Segments)) {
    turns = realtimeTurns(root.Segments.filter(isRecord), meta);
  } else {
    if (!Array.isArray(root.Transcript)) return fail(['Transcript'], 'missing (expected an array of transcript items)');
    const items = root.Transcript.filter(isRecord);
    if (isChat) turns = chatTurns(items, people, meta);
    else {
      const voice = voiceTurns(items, people);
      turns = voice.turns;
      meta.sentiments = voice.sentiments;
    }
  }
  turns = turns.filter((t) => t.text !== '');
  if (turns.length === 0) return fail(Array.isArray(root.Segments) ? ['Segments'] : ['Transcript'], 'no transcript turns');
  return buildTranscripts([{ ...(id ? { id } : {}), channel: isChat ? 'chat' : 'call', turns, meta }], 'contact-lens', options);
}

export const contactLensReader: FormatReader = {
  name: 'contact-lens',
  extensions: ['json'],
  sniff(text) {
    const v = tryParseJson(text);
    if (!isRecord(v)) return false;
    if (str(v.EventType) === 'SEGMENTS' && Array.isArray(v.Segments)) return true;
    // Post-contact analysis: Connect writes CustomerMetadata / ChatTranscriptVersion and ParticipantIds.
    const items = Array.isArray(v.Transcript) ? v.Transcript.filter(isRecord) : [];
    return items.length > 0 && (isRecord(v.CustomerMetadata) || v.ChatTranscriptVersion !== undefined || items.some((it) => it.ParticipantId !== undefined));
  },
  parse,
};
