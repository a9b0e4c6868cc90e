// NDJSON / JSON Lines: one canonical transcript per line. A bad line spoils only itself.
import { InputError } from '../model/errors.js';
import type { Transcript } from '../model/types.js';
import { buildTranscripts, type DraftConversation } from './build.js';
import { isCanonicalTranscript, readCanonical, type Fail } from './canonical.js';
import { parseJson, structureError } from './json-source.js';
import type { FormatReader, ParseOptions } from './types.js';

export interface NdjsonResult {
  transcripts: Transcript[];
  errors: InputError[];
}

/**
 * Reads every line it can; each bad line becomes an InputError naming that line. The n-th
 * record (counting bad ones) is "path#n", so ids do not shift when a line fails.
 */
export function parseNdjsonLines(text: string, options: ParseOptions): NdjsonResult {
  const drafts: DraftConversation[] = [];
  const ordinals: number[] = [];
  const errors: InputError[] = [];
  let records = 0;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    records++;
    try {
      drafts.push(readNdjsonRecord(line, i + 1, options));
      ordinals.push(records);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(e);
    }
  });
  const numbered = records > 1 ? ordinals : undefined;
  return { transcripts: buildTranscripts(drafts, 'ndjson', options, numbered), errors };
}

/** One NDJSON line (non-empty) at line `lineNo` of its file; throws InputError naming that line. */
export function readNdjsonRecord(line: string, lineNo: number, options: ParseOptions): DraftConversation {
  try {
    const value = parseJson(line, options.source);
    const fail: Fail = (path, reason) => {
      throw structureError(line, options.source, path, reason, lineNo - 1);
    };
    const draft = readCanonical(value, [], fail);
    for (const turn of draft.turns) turn.line ??= lineNo;
    return draft;
  } catch (e) {
    // parseJson saw the line alone, so its line number is 1: give the file's.
    if (e instanceof InputError && e.line !== lineNo) throw new InputError(e.source, lineNo, e.message);
    throw e;
  }
}

export const ndjsonReader: FormatReader = {
  name: 'ndjson',
  extensions: ['ndjson', 'jsonl'],
  sniff(text) {
    const lines = text.split('\n', 50).filter((l) => l.trim() !== '');
    if (lines.length < 2 || !lines.every((l) => l.trimStart().startsWith('{'))) return false;
    try {
      return isCanonicalTranscript(JSON.parse(lines[0]!));
    } catch {
      return false;
    }
  },
  parse(text, options) {
    const { transcripts, errors } = parseNdjsonLines(text, options);
    if (errors.length > 0) throw errors[0]!;
    if (transcripts.length === 0) throw new InputError(options.source, 1, 'no transcripts in the file');
    return transcripts;
  },
};
