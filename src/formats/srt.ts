// SubRip: numbered cues; a "Name:" prefix on a cue's first line names the speaker of that cue
// and of the following ones, until the next name.
import { InputError } from '../model/errors.js';
import { buildTranscripts } from './build.js';
import { blocks, foldPieces, looksLikeTiming, parseTiming, type CuePiece } from './captions.js';
import { checkLineCount, decodeEntities, excerpt } from './text-utils.js';
import type { FormatReader, ParseOptions } from './types.js';

// One white space after the colon: the rest is trimmed when cues fold, and "\s+(.*)" would try
// every split of a long run of blanks.
const NAME_PREFIX = /^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}):\s(.*)$/;
// A tag ends at the first ">" but never runs past a "<" (nor a "{\…}" block past a "{"), so each
// start scans only to the next one.
const STYLING = /<\/?[a-z][^<>]*>|\{\\[^{}]*\}/gi;

function parse(text: string, options: ParseOptions) {
  checkLineCount(text, options);
  const pieces: CuePiece[] = [];
  let speaker = '';
  for (const block of blocks(text, (l) => l.trim() === '')) {
    const { lines } = block;
    const timingIdx = /^\d+$/.test(lines[0]!.trim()) ? 1 : 0;
    const timing = lines[timingIdx];
    if (timing === undefined || !looksLikeTiming(timing)) {
      // A cue number with nothing after it (a cut file) is reported on its own line, which exists.
      const at = timing === undefined ? block.line : block.line + timingIdx;
      throw new InputError(options.source, at, `expected a cue timing line ("00:00:01,000 --> 00:00:04,000"), found "${excerpt(timing ?? '')}"`);
    }
    const { start, end } = parseTiming(timing, block.line + timingIdx, options.source);
    // Wrapped lines are one sentence: join with spaces. Styling tags are dropped.
    let body = lines.slice(timingIdx + 1).map((l) => decodeEntities(l.replace(STYLING, '')).trim()).join(' ').trim();
    let newTurn = false;
    const named = NAME_PREFIX.exec(body);
    if (named) {
      newTurn = named[1] !== speaker;
      speaker = named[1]!;
      body = named[2]!.trimStart();
    }
    pieces.push({ speaker, text: body, start, end, line: block.line, newTurn });
  }
  const turns = foldPieces(pieces);
  if (turns.length === 0) throw new InputError(options.source, 1, 'no turns found (no cue has text)');
  return buildTranscripts([{ channel: 'call', turns, entitiesDecoded: true }], 'srt', options);
}

export const srtReader: FormatReader = {
  name: 'srt',
  extensions: ['srt'],
  sniff: (text) => /^\s*\d+\n\d{1,2}:\d{2}:\d{2},\d{1,3}\s+-->\s+\d{1,2}:\d{2}:\d{2},\d{1,3}/.test(text.slice(0, 200)),
  parse,
};
