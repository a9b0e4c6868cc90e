import type { InputErrorRecord } from './types.js';

/** Input that cannot be read: names the file, the line in the file's own numbering, and why. */
export class InputError extends Error implements InputErrorRecord {
  readonly source: string;
  readonly line: number;

  constructor(source: string, line: number, message: string) {
    super(message);
    this.name = 'InputError';
    this.source = source;
    this.line = line;
  }

  toRecord(): InputErrorRecord {
    return { source: this.source, line: this.line, message: this.message };
  }

  /** "file:line: reason", the form every error takes on stderr. */
  override toString(): string {
    return `${this.source}:${this.line}: ${this.message}`;
  }
}

/** 1-based line number of a character offset in text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
