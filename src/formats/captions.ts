// What WebVTT and SRT share: cue blocks with a timing line, and folding cues into turns.
import { InputError } from '../model/errors.js';
import type { DraftTurn } from './build.js';
import { excerpt, parseClock, roleFromLabel } from './text-utils.js';

export interface Cue {
  start: number;
  end: number;
  /** Text lines after the timing line, untouched. */
  lines: string[];
  /** Line of the timing line. */
  line: number;
}

const TIMING = /^\s*(\S+)\s+-->\s+(\S+)(.*)$/;

/** Parses "start --> end [settings]"; throws InputError naming the line when it is broken. */
export function parseTiming(text: string, lineNo: number, source: string): { start: number; end: number } {
  const m = TIMING.exec(text);
  const start = m ? parseClock(m[1]!) : undefined;
  const end = m ? parseClock(m[2]!) : undefined;
  if (start === undefined || end === undefined) {
    throw new InputError(source, lineNo, `invalid cue timing "${excerpt(text)}" (expected "00:00:01.000 --> 00:00:04.000")`);
  }
  return { start, end };
}

/** A line that tries to be a timing line: has an arrow, or starts like a time stamp. */
export function looksLikeTiming(text: string): boolean {
  return text.includes('-->') || /^\s*\d{1,2}:\d{1,2}(?::\d{1,2})?[.,]\d+\s*(?:-+>?|–|$)/.test(text);
}

export interface Block {
  lines: string[];
  /** 1-based line of the block's first line. */
  line: number;
}

/** Splits into blocks at blank lines; WebVTT wants truly empty lines, SRT any whitespace. */
export function blocks(text: string, isBlank: (line: string) => boolean): Block[] {
  const out: Block[] = [];
  let current: Block | undefined;
  text.split('\n').forEach((line, i) => {
    if (isBlank(line)) current = undefined;
    else if (current) current.lines.push(line);
    else out.push((current = { lines: [line], line: i + 1 }));
  });
  return out;
}

/** Pieces of cue text attributed to a speaker; newTurn marks an explicit change (">>", a voice tag). */
export interface CuePiece {
  speaker: string;
  text: string;
  start: number;
  end: number;
  line: number;
  newTurn: boolean;
}

/**
 * Folds cue pieces into turns: consecutive pieces by the same speaker merge unless a piece
 * marks a speaker change, so a sentence split over cues becomes one turn.
 */
export function foldPieces(pieces: CuePiece[]): DraftTurn[] {
  const turns: DraftTurn[] = [];
  let current: DraftTurn | undefined;
  for (const p of pieces) {
    const text = p.text.trim();
    if (current && !p.newTurn && p.speaker === current.speaker) {
      if (text) current.text = current.text ? `${current.text} ${text}` : text;
      current.end = Math.max(current.end ?? p.end, p.end);
      continue;
    }
    if (!text) continue;
    current = { speaker: p.speaker, text, start: p.start, end: p.end, line: p.line };
    // "Agent" / "Customer" as a caption speaker name is a role, not a person.
    const role = p.speaker ? roleFromLabel(p.speaker) : undefined;
    if (role) current.role = role;
    turns.push(current);
  }
  return turns.filter((t) => t.text !== '');
}
