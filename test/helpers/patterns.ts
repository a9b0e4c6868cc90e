import { compilePattern } from '../../src/nlp/phrase/pattern.js';

/** Whether a generated pattern source compiles (some can match nothing at all, and are refused). */
export function compiles(source: string): boolean {
  try {
    compilePattern(source);
    return true;
  } catch {
    return false;
  }
}
