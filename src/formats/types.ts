import type { Transcript } from '../model/types.js';

export interface ParseOptions {
  /** File path or "<stdin>": every error and every transcript names it. */
  source: string;
  /** Speaker name (or label) that is the agent; overrides role inference. */
  agent?: string;
  /** Column mapping for tabular inputs: field → header name, e.g. { role: 'Speaker', text: 'Message' }. */
  map?: Record<string, string>;
  /**
   * Lines a transcript read line by line (text, SRT, WebVTT) may have; a longer one is refused
   * before it is read (see checkLineCount). The command line sets LIMITS.lines; unset, no limit.
   */
  maxLines?: number;
}

/** One input format: how to recognise it and how to read it into canonical transcripts. */
export interface FormatReader {
  name: string;
  /** Lower-case file extensions without the dot. */
  extensions: readonly string[];
  /** Whether decoded text looks like this format, for inputs whose extension says nothing. */
  sniff(text: string): boolean;
  /** Throws InputError (file, line, reason) on input it cannot read. */
  parse(text: string, options: ParseOptions): Transcript[];
}
