import type { Analysis, InputErrorRecord } from '../model/types.js';

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
 * `error` for each input in order, then `end`. Each returns the text to write.
 */
export interface Formatter {
  name: string;
  start(o: ReportOptions): string;
  result(a: Analysis, o: ReportOptions): string;
  error(e: InputErrorRecord, o: ReportOptions): string;
  end(s: Summary, o: ReportOptions): string;
}
