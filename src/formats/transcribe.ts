// Amazon Transcribe batch output: speaker diarization segments, channel identification, or just
// the flat transcript. Word items are rebuilt into text; numbers arrive as strings.
import type { JsonPath } from './json-source.js';
import { parseJson, structureError, tryParseJson } from './json-source.js';
import { buildTranscripts, type DraftTurn } from './build.js';
import { isRecord, roundSec, str, toNumber } from './text-utils.js';
import type { FormatReader, ParseOptions } from './types.js';

interface Item {
  type: string;
  content: string;
  start?: number;
  end?: number;
  speaker?: string;
}

function readItems(value: unknown): Item[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((it) => {
    const alt = Array.isArray(it.alternatives) && isRecord(it.alternatives[0]) ? it.alternatives[0] : {};
    const item: Item = { type: str(it.type) ?? 'pronunciation', content: str(alt.content) ?? '' };
    const start = toNumber(it.start_time);
    const end = toNumber(it.end_time);
    if (start !== undefined) item.start = start;
    if (end !== undefined) item.end = end;
    const speaker = str(it.speaker_label);
    if (speaker) item.speaker = speaker;
    return item;
  });
}

/** Words joined by spaces; punctuation (no times) sticks to the word before it. */
function joinWords(items: Item[]): string {
  let out = '';
  for (const it of items) out += it.type === 'punctuation' || !out ? it.content : ` ${it.content}`;
  return out.trim();
}

/**
 * Diarized output: each speaker segment is a turn. Words are matched to segments by start time
 * (and speaker, when the item has one: older output does not); punctuation follows its word.
 */
function fromSegments(segments: Record<string, unknown>[], items: Item[]): DraftTurn[] {
  const byTime = new Map<string, number>();
  segments.forEach((seg, i) => {
    for (const it of Array.isArray(seg.items) ? seg.items.filter(isRecord) : []) {
      const start = toNumber(it.start_time);
      const speaker = str(it.speaker_label) ?? str(seg.speaker_label) ?? '';
      byTime.set(`${start}|${speaker}`, i);
      if (!byTime.has(`${start}`)) byTime.set(`${start}`, i);
    }
  });
  const words: Item[][] = segments.map(() => []);
  let last = -1;
  for (const it of items) {
    const seg = it.type === 'punctuation' ? last : (byTime.get(`${it.start}|${it.speaker ?? ''}`) ?? byTime.get(`${it.start}`) ?? last);
    if (seg < 0) continue;
    words[seg]!.push(it);
    last = seg;
  }
  return segments.map((seg, i) => {
    const turn: DraftTurn = { speaker: str(seg.speaker_label) ?? '', text: joinWords(words[i]!) };
    const start = toNumber(seg.start_time);
    const end = toNumber(seg.end_time);
    if (start !== undefined) turn.start = start;
    if (end !== undefined) turn.end = end;
    return turn;
  });
}

/** Channel identification: each channel's words, interleaved by time; a turn lasts until the channel changes. */
function fromChannels(channels: Record<string, unknown>[]): DraftTurn[] {
  const units: { channel: string; start: number; end: number; items: Item[] }[] = [];
  for (const ch of channels) {
    const label = str(ch.channel_label) ?? '';
    for (const it of readItems(ch.items)) {
      const prev = units[units.length - 1];
      if (it.type === 'punctuation' && prev && prev.channel === label) prev.items.push(it);
      else if (it.start !== undefined) units.push({ channel: label, start: it.start, end: it.end ?? it.start, items: [it] });
    }
  }
  units.sort((a, b) => a.start - b.start);
  const turns: (DraftTurn & { items: Item[] })[] = [];
  for (const u of units) {
    const cur = turns[turns.length - 1];
    if (cur && cur.speaker === u.channel) {
      for (const item of u.items) cur.items.push(item); // not push(...): an utterance may hold more items than the stack has room for
      cur.end = Math.max(cur.end ?? u.end, u.end);
    } else turns.push({ speaker: u.channel, text: '', start: u.start, end: u.end, items: [...u.items] });
  }
  return turns.map(({ items, ...turn }) => ({ ...turn, text: joinWords(items), start: roundSec(turn.start!), end: roundSec(turn.end!) }));
}

function parse(text: string, options: ParseOptions) {
  const root = parseJson(text, options.source);
  const fail = (path: JsonPath, reason: string): never => {
    throw structureError(text, options.source, path, reason);
  };
  if (!isRecord(root) || !isRecord(root.results)) return fail(['results'], 'missing (not Amazon Transcribe output)');
  const results = root.results;
  const items = readItems(results.items);
  const speakerLabels = isRecord(results.speaker_labels) ? results.speaker_labels : undefined;
  const channelLabels = isRecord(results.channel_labels) ? results.channel_labels : undefined;
  let turns: DraftTurn[];
  let mode: string;
  if (speakerLabels && Array.isArray(speakerLabels.segments)) {
    turns = fromSegments(speakerLabels.segments.filter(isRecord), items);
    mode = 'speakers';
  } else if (channelLabels && Array.isArray(channelLabels.channels)) {
    turns = fromChannels(channelLabels.channels.filter(isRecord));
    mode = 'channels';
  } else {
    const flat = Array.isArray(results.transcripts) && isRecord(results.transcripts[0]) ? str(results.transcripts[0].transcript) : undefined;
    if (flat === undefined) return fail(['results', 'transcripts'], 'no speaker segments, channels or transcript text');
    turns = [{ speaker: '', text: flat.trim() }];
    mode = 'flat';
  }
  turns = turns.filter((t) => t.text !== '');
  if (turns.length === 0) return fail(['results'], 'no transcript turns (no words in the output)');
  const jobName = str(root.jobName);
  return buildTranscripts(
    [{ ...(jobName ? { id: jobName } : {}), channel: 'call', turns, meta: { transcribeMode: mode, ...(jobName ? { jobName } : {}) } }],
    'transcribe',
    options,
  );
}

export const transcribeReader: FormatReader = {
  name: 'transcribe',
  extensions: ['json'],
  sniff(text) {
    const v = tryParseJson(text);
    return isRecord(v) && isRecord(v.results) && (Array.isArray(v.results.items) || Array.isArray(v.results.transcripts));
  },
  parse,
};
