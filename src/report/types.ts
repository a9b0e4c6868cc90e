import type { Analysis, InputErrorRecord, Transcript } from '../model/types.js';

export interface ReportOptions {
  /** ANSI colour; only ever true for a terminal. */
  color: boolean;
  /** List every finding, not only the summary. */
  findings: boolean;
  tool: { name: string; version: string };
}

export interface Summary {
  results: number;
  errors: InputErrorRecord[];
}

/**
 * A formatter writes as results arrive, so a batch of any size streams: `start`, then `result` or
 * `error` for each input in order, then `end`. Each returns the text to write. `result` is given
 * the transcript the analysis was made from when the caller has it: formats that show turns
 * (coach, markdown, html) quote its text; without it they show only the findings' own text.
 */
export interface Formatter {
  name: string;
  /** Quotes the turns' text, so `result` wants the transcript (a caller that scores elsewhere must send it). */
  quotesTurns?: boolean;
  /**
   * Writes etcscore's colours when `o.color` is on, the input in it shown by its codes before they
   * are added: a terminal's guard lets its colours through (and no other format's).
   */
  colours?: boolean;
  start(o: ReportOptions): string;
  result(a: Analysis, o: ReportOptions, transcript?: Transcript): string;
  /**
   * `result`'s text in pieces, none of them large: a writer that streams takes these when a format
   * has them, so a result of thousands of findings (a long turn's) is never one string to copy
   * whole when it is encoded (issue 18).
   */
  resultPieces?(a: Analysis, o: ReportOptions, transcript?: Transcript): Iterable<string>;
  error(e: InputErrorRecord, o: ReportOptions): string;
  end(s: Summary, o: ReportOptions): string;
}
