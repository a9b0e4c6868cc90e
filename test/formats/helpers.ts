import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Transcript } from '../../src/model/types.js';
import { settleRoles } from '../../src/nlp/roles.js';

export const projectRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** Our own hand-written samples. */
export const fixture = (name: string) => path.join(projectRoot, 'fixtures', 'formats', name);
export const fixtureText = (name: string) => readFileSync(fixture(name), 'utf8');

/** Catches an error thrown by fn, for asserting on its fields. */
export function caught(fn: () => unknown): { source: string; line: number; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { source: string; line: number; message: string };
  }
  throw new Error('expected an error');
}

/** Transcripts with their roles settled (nlp/roles.ts), as every command and `parse` give them. */
export function settled(transcripts: Transcript[]): Transcript[] {
  for (const t of transcripts) settleRoles(t);
  return transcripts;
}
