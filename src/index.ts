// The library: parse transcripts, analyse them, or both at once. Each entry point checks its
// arguments (arguments.ts) and throws a TypeError naming the one that is wrong.
import type { Analysis, Transcript } from './model/types.js';
import { readTranscripts, type ReadOptions } from './formats/index.js';
import { settleRoles } from './nlp/roles.js';
import { analyze as analyzeTranscript, type AnalyzeOptions } from './score/analyze.js';
import { render as renderReport } from './report/index.js';
import { InputError } from './model/errors.js';
import { checkAnalyzeOptions, checkConfigOptions, checkInput, checkReadOptions, renderArguments, transcriptArgument } from './arguments.js';
import { rulesInEffect, skippedNote } from './cli/config.js';
import type { RuleSet } from './rules/index.js';

export * from './model/index.js';
export { type AnalyzeOptions } from './score/analyze.js';
export { BUILTIN_RULES, RuleSet, type RuleDef } from './rules/index.js';
export { formatterByName, FORMAT_NAMES } from './report/index.js';
export { ConfigError } from './cli/config.js';

/**
 * The rules a QA team's configuration gives, as `etcscore score` and `coach` run them: the file
 * `config` (relative to `cwd`), or else the first .etcscorerc.yaml, .yml or .json found from `cwd`
 * (default: the working directory) upward; the built-in rules when there is none. Pass them to
 * `analyze` or `score` as `rules`. A mistake in the file throws a ConfigError naming file and line.
 * A found file that another user owns, or that others can write, is not used (as the CLI): the
 * built-in rules are returned and a process warning (ETCSCORE_CONFIG_SKIPPED) says why.
 */
export function configuredRules(options: { cwd?: string; config?: string } = {}): RuleSet {
  checkConfigOptions('configuredRules', options);
  const { rules, skipped } = rulesInEffect({ cwd: options.cwd ?? process.cwd(), file: options.config });
  if (skipped) process.emitWarning(skippedNote(skipped).replace(/^etcscore: /, ''), { code: 'ETCSCORE_CONFIG_SKIPPED' });
  return rules;
}

/**
 * Transcripts from the bytes or text of one input. Throws InputError (source, line, reason) on
 * the first problem; use `readTranscripts` from the formats layer to collect errors and go on.
 */
export function parse(input: string | Uint8Array, options: Partial<ReadOptions> = {}): Transcript[] {
  checkInput('parse', input);
  checkReadOptions('parse', options);
  return read(input, options);
}

function read(input: string | Uint8Array, options: Partial<ReadOptions>): Transcript[] {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  const { transcripts, errors } = readTranscripts(bytes, { ...options, source: options.source ?? '<input>' });
  const first = errors[0];
  if (first) throw new InputError(first.source, first.line, first.message);
  for (const t of transcripts) settleRoles(t);
  return transcripts;
}

/** One Analysis of one transcript. `transcript.meta` may hold anything: it is copied as plain data. */
export function analyze(transcript: Transcript, options: AnalyzeOptions = {}): Analysis {
  const checked = transcriptArgument('analyze', transcript);
  return analyzeTranscript(checked, checkAnalyzeOptions('analyze', options));
}

/** Parse and analyse in one call: one Analysis per conversation in the input. */
export function score(input: string | Uint8Array, options: Partial<ReadOptions> & AnalyzeOptions = {}): Analysis[] {
  checkInput('score', input);
  const analyzeOptions = checkReadOptions('score', options);
  return read(input, options).map((t) => analyzeTranscript(t, analyzeOptions));
}

/**
 * The whole report as one string, by format name (see FORMAT_NAMES): `render(name, results,
 * errors?, options?, transcripts?)`. `transcripts[i]`, when given, is the transcript `results[i]`
 * was made from (coach, markdown and html then quote turns).
 */
export function render(...args: Parameters<typeof renderReport>): string {
  const [name, results, errors, options, transcripts] = renderArguments(...args);
  return renderReport(name, results, errors, options, transcripts);
}
