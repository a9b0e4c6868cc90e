// The library: parse transcripts, analyse them, or both at once.
import type { Analysis, Transcript } from './model/types.js';
import { readTranscripts, type ReadOptions } from './formats/index.js';
import { analyze, type AnalyzeOptions } from './score/analyze.js';
import { InputError } from './model/errors.js';

export * from './model/index.js';
export { analyze, type AnalyzeOptions } from './score/analyze.js';
export { BUILTIN_RULES, RuleSet, type RuleDef } from './rules/index.js';
export { render, formatterByName, FORMAT_NAMES } from './report/index.js';

/**
 * Transcripts from the bytes or text of one input. Throws InputError (source, line, reason) on
 * the first problem; use `readTranscripts` from the formats layer to collect errors and go on.
 */
export function parse(input: string | Uint8Array, options: Partial<ReadOptions> = {}): Transcript[] {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  const { transcripts, errors } = readTranscripts(bytes, { source: '<input>', ...options });
  const first = errors[0];
  if (first) throw new InputError(first.source, first.line, first.message);
  return transcripts;
}

/** Parse and analyse in one call: one Analysis per conversation in the input. */
export function score(input: string | Uint8Array, options: Partial<ReadOptions> & AnalyzeOptions = {}): Analysis[] {
  return parse(input, options).map((t) => analyze(t, options));
}
