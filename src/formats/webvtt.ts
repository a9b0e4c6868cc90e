// WebVTT: voice tags (<v Name>), ">>" speaker-change marks of live captions, Teams' unpadded
// times, YouTube's inline word times and rolling-caption repeats.
import { InputError } from '../model/errors.js';
import type { TranscriptMeta } from '../model/types.js';
import { buildTranscripts } from './build.js';
import { blocks, foldPieces, looksLikeTiming, parseTiming, type CuePiece } from './captions.js';
import { checkLineCount, decodeEntities, excerpt } from './text-utils.js';
import type { FormatReader, ParseOptions } from './types.js';

// Every repetition stops at the next "<" or ">" and no two can trade characters, so a line of
// unclosed tags or of spaces is scanned in linear time (no backtracking blow-up).
const VOICE = /<v(?:\.[\w.-]+)?\s([^<>]*)>/g;
const TAG = /<\/?[a-z]+(?:\.[\w.-]+)?(?:\s[^<>]*)?>/gi;

/** Removes inline timestamps and styling tags; voice tags are handled before this. */
function stripTags(text: string): string {
  return text.replace(/<\d{1,2}:\d{2}(?::\d{2})?\.\d{3}>/g, '').replace(TAG, '');
}

/** One cue's text → pieces per voice span and per ">>" mark. */
function cuePieces(lines: string[], start: number, end: number, line: number, speaker: string): { pieces: CuePiece[]; speaker: string } {
  const pieces: CuePiece[] = [];
  let current = speaker;
  let pendingNew = false;
  for (const raw of lines) {
    // Split the line at voice tags: each span belongs to its voice.
    let last = 0;
    const spans: { voice?: string; text: string }[] = [];
    for (const m of raw.matchAll(VOICE)) {
      if (m.index! > last) spans.push({ text: raw.slice(last, m.index) });
      spans.push({ voice: m[1]!.trim(), text: '' });
      last = m.index! + m[0].length;
    }
    spans.push({ text: raw.slice(last) });
    for (const span of spans) {
      if (span.voice !== undefined) {
        if (span.voice !== current) pendingNew = true;
        current = span.voice;
        continue;
      }
      // ">>" (or ">>>") marks a new, unnamed speaker. The pieces are trimmed when folded, so the
      // split leaves the spaces around the mark alone (a "\s*" there is quadratic on long blanks).
      const parts = decodeEntities(stripTags(span.text)).split(/>>+/);
      parts.forEach((part, k) => {
        if (k > 0) {
          current = '';
          pendingNew = true;
        }
        if (part.trim() === '' && k === 0) return;
        pieces.push({ speaker: current, text: part, start, end, line, newTurn: pendingNew });
        pendingNew = false;
      });
    }
  }
  if (pendingNew) pieces.push({ speaker: current, text: '', start, end, line, newTurn: true });
  return { pieces, speaker: current };
}

/**
 * A line's text and the voices it names: what makes the next cue's first line a rolling caption's
 * repeat of it. Two voices saying the same ("<v Customer>ok", then "<v Agent>ok") are two lines, not
 * one said twice: compared by text alone, a call of short alternating replies read as rolling
 * captions and lost every reply that echoed the one before.
 */
function repeatKey(line: string): string {
  let voices = '';
  for (const m of line.matchAll(VOICE)) voices += `${m[1]!.trim()}\u0000`;
  return voices + stripTags(line).trim();
}

/**
 * YouTube-style rolling captions: most cues start with the previous cue's last line. Only then
 * are repeats dropped, so that a real repeat in live captions ("Present." twice) survives.
 */
function isRollingCaptions(cues: string[][]): boolean {
  let repeats = 0;
  let previousLast = '';
  for (const lines of cues) {
    const visible = lines.filter((l) => stripTags(l).trim() !== '').map(repeatKey);
    if (visible.length && visible[0] === previousLast) repeats++;
    if (visible.length) previousLast = visible[visible.length - 1]!;
  }
  return repeats >= 2 && repeats >= (cues.length - 1) / 2;
}

function parse(text: string, options: ParseOptions) {
  checkLineCount(text, options);
  const all = blocks(text, (l) => l === '');
  const headerBlock = all[0];
  if (!headerBlock || !/^WEBVTT(?:[ \t].*)?$/.test(headerBlock.lines[0]!.trim())) {
    throw new InputError(options.source, headerBlock?.line ?? 1, 'not WebVTT: the first line must be "WEBVTT"');
  }
  const meta: TranscriptMeta = {};
  for (const l of headerBlock.lines.slice(1)) {
    const m = /^(Kind|Language):\s*(.*)$/i.exec(l.trim());
    if (m) meta[m[1]!.toLowerCase() === 'language' ? 'language' : 'kind'] = m[2]!.trim();
  }
  // The header block may itself hold a cue when the blank line after WEBVTT is missing.
  const cueBlocks = headerBlock.lines.some((l) => l.includes('-->')) ? all : all.slice(1);
  const cues: { lines: string[]; start: number; end: number; line: number }[] = [];
  for (const block of cueBlocks) {
    let lines = block.lines;
    if (lines === headerBlock.lines) lines = lines.slice(lines.findIndex((l) => l.includes('-->')));
    if (/^(NOTE|STYLE|REGION)\b/.test(lines[0]!)) continue;
    // An optional cue identifier precedes the timing line.
    const timingIdx = looksLikeTiming(lines[0]!) ? 0 : lines[1] !== undefined && looksLikeTiming(lines[1]) ? 1 : -1;
    const lineNo = block.line + (block.lines.length - lines.length);
    if (timingIdx < 0) throw new InputError(options.source, lineNo, `cue without a timing line: "${excerpt(lines[0]!)}"`);
    const { start, end } = parseTiming(lines[timingIdx]!, lineNo + timingIdx, options.source);
    cues.push({ lines: lines.slice(timingIdx + 1), start, end, line: lineNo + timingIdx });
  }
  const rolling = isRollingCaptions(cues.map((c) => c.lines));
  const pieces: CuePiece[] = [];
  let speaker = '';
  let previousLast = '';
  for (const cue of cues) {
    let textLines = cue.lines;
    const visible = textLines.filter((l) => stripTags(l).trim() !== '');
    // Rolling captions repeat the previous cue's last line as this cue's first line.
    if (rolling && visible.length && repeatKey(visible[0]!) === previousLast) {
      textLines = textLines.filter((l) => l !== visible[0]);
    }
    if (visible.length) previousLast = repeatKey(visible[visible.length - 1]!);
    const parsed = cuePieces(textLines, cue.start, cue.end, cue.line, speaker);
    speaker = parsed.speaker;
    for (const piece of parsed.pieces) pieces.push(piece); // not push(...): a cue may hold 100,000 ">>" pieces
  }
  const turns = foldPieces(pieces);
  if (turns.length === 0) throw new InputError(options.source, 1, 'no turns found (no cue has text)');
  return buildTranscripts([{ channel: 'call', turns, meta, entitiesDecoded: true }], 'webvtt', options);
}

export const webvttReader: FormatReader = {
  name: 'webvtt',
  extensions: ['vtt', 'webvtt'],
  sniff: (text) => /^\uFEFF?WEBVTT(?:[ \t]|$)/m.test(text.slice(0, 20)),
  parse,
};
