// What one unit of input may cost, so that one hostile or broken input becomes an error record in
// its place instead of taking the batch (and every result already made) down with it. Documented in
// the README ("Limits"); a conversation under them costs memory in proportion to its size.
import type { InputErrorRecord, Transcript } from '../model/index.js';

const MB = 2 ** 20;

export const LIMITS = {
  /**
   * An input read whole (every format but NDJSON and CSV exports, streamed record by record): a file, a
   * pipe, a device or stdin. Reading stops here, so `/dev/zero` or an endless pipe ends with an error.
   * Its reader holds the whole of it as it reads, up to ~15 bytes a byte for a file of tiny records (a
   * 30 MB JSON conversation of a million "ok"s peaked at 437 MB, 12 MB of HTML ones at 182 MB): at
   * 128 MB, one such file took ~2 GB.
   */
  inputBytes: 32 * MB,
  /** One NDJSON line (a conversation in `score`, a result in `report`), or one row of a streamed CSV export. */
  recordBytes: 32 * MB,
  /** One turn's text, in characters: peak memory grows by ~7 bytes a character of it while it is analysed (docs/scale.md). */
  turnChars: 4 * MB,
  /** Turns in one conversation. */
  turns: 100_000,
  /**
   * Lines of a transcript read as lines (text, SRT, WebVTT): its reader holds a few hundred bytes a
   * line while it reads, so 500,000 lines of "Agent: ok" peak at ~250 MB, where the same bytes in
   * longer lines take a few. 100,000 turns of a line each fit, or 100,000 SRT cues of a line (4 lines each).
   */
  lines: 500_000,
  /**
   * Records of one input that cannot be read (bad NDJSON lines, conversations over a limit): past
   * this many, reading the input stops, so an endless pipe of bad lines (`yes '{bad' | etcscore
   * score -`) ends with an error instead of writing one error a line for ever.
   */
  errorsPerInput: 100_000,
  /** A configuration file (a catalogue of rules is some kilobytes): `--config /dev/zero` is an error, not an out-of-memory abort. */
  configBytes: 4 * MB,
} as const;

const size = (bytes: number) => (bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${bytes} bytes`);

/** The reason an input of `bytes` (or more) is not read. */
export function inputTooLarge(bytes: number): string {
  return `input is larger than the limit of ${size(LIMITS.inputBytes)} for an input read whole (${size(bytes)} or more); split it, or write it as NDJSON, which is read a record at a time`;
}

/** The reason a configuration file over the limit is not read. */
export function configTooLarge(): string {
  return `it is larger than the limit of ${size(LIMITS.configBytes)} for a configuration file`;
}

/** The reason an NDJSON line over the limit is not read (nor anything after it). */
export function recordTooLarge(): string {
  return `line is longer than the limit of ${size(LIMITS.recordBytes)} per NDJSON line; reading stopped there, and the rest of the input is not read`;
}

/** The reason reading an input stopped after LIMITS.errorsPerInput records that could not be read. */
export function tooManyErrors(): string {
  return `more than ${LIMITS.errorsPerInput} records of this input could not be read; reading stopped there, and the rest of the input is not read`;
}

/** The reason a conversation of `turns` turns, over the limit, is not scored. */
export function tooManyTurns(turns: number): string {
  return `conversation has ${turns} turns, more than the limit of ${LIMITS.turns}`;
}

/** The error record for a conversation over a limit, or undefined when it is within them. */
export function overLimit(t: Transcript): InputErrorRecord | undefined {
  const line = t.turns[0]?.line ?? 1;
  if (t.turns.length > LIMITS.turns) {
    return { source: t.source, line, message: tooManyTurns(t.turns.length) };
  }
  const long = t.turns.find((turn) => turn.text.length > LIMITS.turnChars);
  if (long) {
    return { source: t.source, line: long.line ?? line, message: `turn ${long.index + 1} has ${long.text.length} characters, more than the limit of ${LIMITS.turnChars} per turn` };
  }
  return undefined;
}
