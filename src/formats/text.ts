// Plain-text transcripts: "Agent: …", "Customer: …", "Sarah: …", "Dana (Agent): …", optional
// [00:01:23] / 00:01:23 / (1:23) stamps, multi-line turns and "# key: value" header lines.
import { InputError } from '../model/errors.js';
import type { Channel, TranscriptMeta } from '../model/types.js';
import { buildTranscripts, type DraftTurn } from './build.js';
import { checkLineCount, parseClock, roleFromLabel } from './text-utils.js';
import type { FormatReader, ParseOptions } from './types.js';
import { table } from '../model/records.js';

const CLOCK = String.raw`\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?`;
const STAMP = String.raw`(?:\[(${CLOCK})\]|\((${CLOCK})\)|(${CLOCK}))`;
// A label is a short name: words starting with a capital or a digit, or a diarization label.
const NAME = String.raw`[A-Za-z][\w.'’]*(?:[ -][A-Za-z0-9][\w.'’]*){0,3}`;
const LINE = new RegExp(
  String.raw`^\s*(?:${STAMP}\s*[-–]?\s*)?(${NAME})(?:\s*\(([A-Za-z ]{2,30})\))?(?:\s*${STAMP})?\s*:(?:\s+|$)(?:${STAMP}\s+)?(.*)$`,
);
// "# key: value". The key runs to the first colon and is checked after (a lazy key followed by
// "\s*" is quadratic on a long run of blanks).
const HEADER = /^#\s*([A-Za-z][\w\s-]*):(.*)$/;
const HEADER_KEY = /^[A-Za-z][\w -]*$/;

interface LabelledLine {
  label: string;
  roleHint?: string;
  stamp?: string;
  text: string;
}

/** The groups of LINE that hold a stamp, before the label (1-3) and after it (6-8, 9-11). */
const STAMP_GROUPS = [1, 2, 3, 6, 7, 8, 9, 10, 11];

function matchLabel(line: string): LabelledLine | undefined {
  const m = LINE.exec(line);
  if (!m) return undefined;
  // Groups: 4 the label, 5 "(Agent)", 12 the text; the others stamps.
  let stamp: string | undefined;
  for (const i of STAMP_GROUPS) {
    stamp = m[i];
    if (stamp !== undefined) break;
  }
  const out: LabelledLine = { label: m[4]!.trim(), text: (m[12] ?? '').trim() };
  if (m[5]) out.roleHint = m[5];
  if (stamp) out.stamp = stamp;
  return out;
}

/** Capitalised words ("Sarah", "Dana Lee", "Speaker 2") or "spk_0"; not "order number". */
function looksLikeName(label: string): boolean {
  return /^(?:spk|speaker|ch)[_ ]?\d+$/i.test(label) || label.split(/[ -]/).every((w) => /^[A-Z0-9]/.test(w));
}

const META_KEYS = table<keyof TranscriptMeta>({
  agent: 'agentName',
  'agent name': 'agentName',
  'agent id': 'agentId',
  team: 'team',
  queue: 'queue',
  date: 'date',
  customer: 'customerId',
  'customer id': 'customerId',
  case: 'caseId',
  'case id': 'caseId',
  language: 'language',
});

function parse(text: string, options: ParseOptions) {
  checkLineCount(text, options);
  const lines = text.split('\n');
  // Each line's label, matched once for both passes; header lines have none.
  const labelled = lines.map((line) => (line.trimStart().startsWith('#') ? undefined : matchLabel(line)));
  const meta: TranscriptMeta = {};
  let id: string | undefined;
  let channel: Channel | undefined;
  // First pass: which labels are speakers. Role words always are; a name must look like one
  // and recur, unless no label recurs at all (a very short exchange).
  const candidates = new Map<string, number>();
  let roleWords = 0;
  for (const m of labelled) {
    if (!m) continue;
    candidates.set(m.label, (candidates.get(m.label) ?? 0) + 1);
    if (roleFromLabel(m.label) || m.roleHint) roleWords++;
  }
  // Once some name recurs, a name seen only once is more likely "Note: …" than a speaker.
  const recurring = [...candidates.values()].some((n) => n >= 2);
  const isSpeaker = (m: LabelledLine): boolean =>
    roleFromLabel(m.label) !== undefined ||
    (m.roleHint !== undefined && roleFromLabel(m.roleHint) !== undefined) ||
    (looksLikeName(m.label) && ((candidates.get(m.label) ?? 0) >= 2 || (roleWords === 0 && !recurring)));

  const turns: DraftTurn[] = [];
  let current: DraftTurn | undefined;
  let timed = false;
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trimEnd();
    if (line.trim() === '') return;
    if (line.trimStart().startsWith('#')) {
      const h = HEADER.exec(line.trim());
      const rawKey = h ? h[1]!.trimEnd() : '';
      if (!h || !HEADER_KEY.test(rawKey)) return; // a comment
      const key = rawKey.toLowerCase().replace(/[_-]/g, ' ');
      const value = h[2]!.trim();
      if (key === 'id' || key === 'conversation id' || key === 'call id') id = value;
      else if (key === 'channel') channel = (['call', 'chat', 'email'] as const).find((c) => c === value.toLowerCase()) ?? (value.toLowerCase() === 'voice' ? 'call' : 'unknown');
      else if (META_KEYS[key]) meta[META_KEYS[key]] = value;
      else meta[key.replace(/ (\w)/g, (_, c: string) => c.toUpperCase())] = value;
      return;
    }
    const m = labelled[i];
    if (m && isSpeaker(m)) {
      const role = roleFromLabel(m.label) ?? (m.roleHint ? roleFromLabel(m.roleHint) : undefined);
      current = { speaker: m.label, text: m.text, line: lineNo };
      if (role) current.role = role;
      const start = m.stamp ? parseClock(m.stamp) : undefined;
      if (start !== undefined) {
        current.start = start;
        timed = true;
      }
      turns.push(current);
      return;
    }
    if (!current) {
      throw new InputError(options.source, lineNo, 'text before the first speaker label (expected "Agent: …", "Customer: …" or "Name: …")');
    }
    current.text = current.text ? `${current.text}\n${line.trim()}` : line.trim();
  });
  const kept = turns.filter((t) => t.text !== '');
  if (kept.length === 0) throw new InputError(options.source, 1, 'no turns found (expected lines like "Agent: …" / "Customer: …")');
  // A "# agent: Dana" header names the agent among named speakers, like --agent would.
  const headerAgent = typeof meta.agentName === 'string' && kept.some((t) => t.speaker.toLowerCase() === String(meta.agentName).toLowerCase());
  return buildTranscripts(
    [
      {
        ...(id ? { id } : {}),
        channel: channel ?? (timed ? 'call' : 'unknown'),
        turns: kept,
        meta,
        ...(headerAgent ? { roles: { agent: String(meta.agentName), agentFrom: 'the "# agent:" header' } } : {}),
      },
    ],
    'text',
    options,
  );
}

export const textReader: FormatReader = {
  name: 'text',
  extensions: ['txt', 'text', 'log'],
  sniff(text) {
    let labelled = 0;
    for (const line of text.split('\n', 200)) if (matchLabel(line)) labelled++;
    return labelled > 0;
  },
  parse,
};
