// Amazon Transcribe Call Analytics post-call output (2021 and current schemas): turns carry
// ParticipantRole and millisecond offsets; sentiment, categories and issues are kept in meta.
import type { TranscriptMeta } from '../model/types.js';
import { buildTranscripts, type DraftTurn } from './build.js';
import { connectRole } from './contact-lens.js';
import { parseJson, structureError, tryParseJson } from './json-source.js';
import { isRecord, msToSec, str, toNumber } from './text-utils.js';
import type { FormatReader, ParseOptions } from './types.js';

/** Issue text from character offsets: current schema CharacterOffsets, 2021 schema UnredactedCharacterOffsets. */
function issueTexts(item: Record<string, unknown>, content: string): string[] {
  const issues = Array.isArray(item.IssuesDetected) ? item.IssuesDetected.filter(isRecord) : [];
  return issues.flatMap((issue) => {
    const off = [issue.CharacterOffsets, issue.UnredactedCharacterOffsets, issue.RedactedCharacterOffsets].find(isRecord);
    const begin = toNumber(off?.Begin ?? off?.BeginOffsetChar);
    const end = toNumber(off?.End ?? off?.EndOffsetChar);
    return begin !== undefined && end !== undefined ? [content.slice(begin, end)] : [];
  });
}

function parse(text: string, options: ParseOptions) {
  const root = parseJson(text, options.source);
  if (!isRecord(root) || !Array.isArray(root.Transcript)) {
    throw structureError(text, options.source, ['Transcript'], 'missing (expected an array of turns)');
  }
  const sentiments: unknown[] = [];
  const issues: { turn: number; text: string }[] = [];
  const turns: DraftTurn[] = [];
  root.Transcript.forEach((item, i) => {
    if (!isRecord(item)) throw structureError(text, options.source, ['Transcript', i], 'expected a turn object');
    const content = item.Content;
    if (typeof content !== 'string') throw structureError(text, options.source, ['Transcript', i, 'Content'], 'expected a string');
    if (content.trim() === '') return;
    const role = connectRole(item.ParticipantRole);
    const turn: DraftTurn = { speaker: str(item.ParticipantRole) ?? '', text: content.trim() };
    if (role) turn.role = role;
    const start = msToSec(item.BeginOffsetMillis);
    const end = msToSec(item.EndOffsetMillis);
    if (start !== undefined) turn.start = start;
    if (end !== undefined) turn.end = end;
    for (const issue of issueTexts(item, content)) issues.push({ turn: turns.length, text: issue });
    sentiments.push(item.Sentiment ?? null);
    turns.push(turn);
  });
  const meta: TranscriptMeta = { sentiments };
  const jobName = str(root.JobName);
  if (jobName) meta.jobName = jobName;
  if (str(root.LanguageCode)) meta.language = str(root.LanguageCode);
  const categories = isRecord(root.Categories) && Array.isArray(root.Categories.MatchedCategories) ? root.Categories.MatchedCategories : [];
  if (categories.length) meta.categories = categories;
  if (issues.length) meta.issues = issues;
  const cc = isRecord(root.ConversationCharacteristics) ? root.ConversationCharacteristics : {};
  const total = msToSec(cc.TotalConversationDurationMillis);
  if (total !== undefined) meta.reportedDurationSec = total;
  if (turns.length === 0) throw structureError(text, options.source, ['Transcript'], 'no transcript turns');
  return buildTranscripts([{ ...(jobName ? { id: jobName } : {}), channel: 'call', turns, meta }], 'transcribe-call-analytics', options);
}

export const transcribeCallAnalyticsReader: FormatReader = {
  name: 'transcribe-call-analytics',
  extensions: ['json'],
  sniff(text) {
    const v = tryParseJson(text);
    if (!isRecord(v) || !Array.isArray(v.Transcript) || !isRecord(v.Transcript[0])) return false;
    // Call Analytics names roles on every turn and has a JobName; Contact Lens uses ParticipantId.
    return v.Transcript[0].ParticipantRole !== undefined && v.Transcript[0].ParticipantId === undefined && !isRecord(v.CustomerMetadata);
  },
  parse,
};
