// Outputs of AWS analytics solutions built on Transcribe: the Post-Call Analytics (PCA) parsed
// file, and Bedrock Data Automation (BDA) audio output, standard or custom blueprint.
import { InputError } from '../model/errors.js';
import type { Role, TranscriptMeta } from '../model/types.js';
import { buildTranscripts, type DraftTurn } from './build.js';
import { parseJson, structureError, tryParseJson } from './json-source.js';
import { isRecord, msToSec, roleFromLabel, str, toNumber } from './text-utils.js';
import type { FormatReader, ParseOptions } from './types.js';
import { emptyRecord } from '../model/records.js';

/**
 * PCA: roles come only through ConversationAnalytics.SpeakerLabels, which can be wrong (the
 * solution's own test file maps the greeting speaker to "Customer"); nlp/roles.ts reconciles the
 * labels with the text and reports any conflict.
 */
function parsePca(text: string, options: ParseOptions) {
  const root = parseJson(text, options.source);
  if (!isRecord(root) || !Array.isArray(root.SpeechSegments)) {
    throw structureError(text, options.source, ['SpeechSegments'], 'missing (expected an array of speech segments)');
  }
  const ca = isRecord(root.ConversationAnalytics) ? root.ConversationAnalytics : {};
  const fileAssignments = emptyRecord<Role>();
  for (const label of Array.isArray(ca.SpeakerLabels) ? ca.SpeakerLabels.filter(isRecord) : []) {
    const speaker = str(label.Speaker);
    const role = roleFromLabel(str(label.DisplayText) ?? '');
    if (speaker && role) fileAssignments[speaker] = role;
  }
  const sentimentScores: (number | null)[] = [];
  const turns: DraftTurn[] = [];
  root.SpeechSegments.forEach((seg, i) => {
    if (!isRecord(seg)) throw structureError(text, options.source, ['SpeechSegments', i], 'expected a segment object');
    const content = str(seg.DisplayText) ?? str(seg.OriginalText);
    if (content === undefined) throw structureError(text, options.source, ['SpeechSegments', i, 'DisplayText'], 'expected a string');
    if (content.trim() === '') return;
    const turn: DraftTurn = { speaker: str(seg.SegmentSpeaker) ?? '', text: content.trim() };
    const start = toNumber(seg.SegmentStartTime);
    const end = toNumber(seg.SegmentEndTime);
    if (start !== undefined) turn.start = start;
    if (end !== undefined) turn.end = end;
    sentimentScores.push(toNumber(seg.SentimentScore) ?? null);
    turns.push(turn);
  });
  if (turns.length === 0) throw structureError(text, options.source, ['SpeechSegments'], 'no transcript turns');
  const meta: TranscriptMeta = { sentimentScores, speakerLabels: { ...fileAssignments } };
  const guid = str(ca.GUID);
  const agent = str(ca.Agent);
  if (agent && agent !== 'None') meta.agentName = agent;
  if (str(ca.ConversationTime)) meta.date = str(ca.ConversationTime);
  if (str(ca.LanguageCode)) meta.language = str(ca.LanguageCode);
  return buildTranscripts(
    [{ ...(guid && guid !== 'None' ? { id: guid } : {}), channel: 'call', turns, meta, roles: { fileAssignments } }],
    'pca',
    options,
  );
}

export const pcaReader: FormatReader = {
  name: 'pca',
  extensions: ['json'],
  sniff(text) {
    const v = tryParseJson(text);
    return isRecord(v) && Array.isArray(v.SpeechSegments) && isRecord(v.ConversationAnalytics);
  },
  parse: parsePca,
};

/** BDA standard output: audio_segments with speaker labels (spk_0…), roles inferred from the text. */
function parseBda(text: string, options: ParseOptions) {
  const root = parseJson(text, options.source);
  if (!isRecord(root)) throw structureError(text, options.source, [], 'expected a Bedrock Data Automation output object');
  if (!Array.isArray(root.audio_segments)) {
    // The custom "Conversational Analytics" blueprint writes only the model's judgements.
    const blueprint = isRecord(root.matched_blueprint) ? str(root.matched_blueprint.name) : undefined;
    throw new InputError(
      options.source,
      1,
      `no transcript turns: this file holds only Bedrock Data Automation ${blueprint ? `"${blueprint}" ` : ''}model summaries and ratings, not the conversation (use the standard output with audio_segments)`,
    );
  }
  const turns: DraftTurn[] = [];
  root.audio_segments.forEach((seg, i) => {
    if (!isRecord(seg)) throw structureError(text, options.source, ['audio_segments', i], 'expected a segment object');
    if (seg.type !== undefined && str(seg.type) !== 'TRANSCRIPT') return;
    const content = str(seg.text);
    if (content === undefined) throw structureError(text, options.source, ['audio_segments', i, 'text'], 'expected a string');
    if (content.trim() === '') return;
    const speaker = (isRecord(seg.speaker) ? str(seg.speaker.speaker_label) : undefined) ?? (isRecord(seg.channel) ? str(seg.channel.channel_label) : undefined) ?? '';
    const turn: DraftTurn = { speaker, text: content.trim() };
    const start = msToSec(seg.start_timestamp_millis);
    const end = msToSec(seg.end_timestamp_millis);
    if (start !== undefined) turn.start = start;
    if (end !== undefined) turn.end = end;
    turns.push(turn);
  });
  if (turns.length === 0) throw structureError(text, options.source, ['audio_segments'], 'no transcript turns');
  const meta: TranscriptMeta = {};
  if (isRecord(root.audio) && str(root.audio.summary)) meta.summary = str(root.audio.summary);
  return buildTranscripts([{ channel: 'call', turns, meta }], 'bedrock-data-automation', options);
}

export const bdaReader: FormatReader = {
  name: 'bedrock-data-automation',
  extensions: ['json'],
  sniff(text) {
    const v = tryParseJson(text);
    if (!isRecord(v)) return false;
    const audio = isRecord(v.metadata) && str(v.metadata.semantic_modality) === 'AUDIO';
    return Array.isArray(v.audio_segments) || audio || (isRecord(v.matched_blueprint) && isRecord(v.inference_result));
  },
  parse: parseBda,
};
