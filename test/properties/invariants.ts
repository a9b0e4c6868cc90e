// What "never crashes" means, checked on every generated case: either transcripts that analyse
// into a valid Analysis, or an InputError that names the file, a real line and a reason.
import { InputError } from '../../src/model/errors.js';
import type { Analysis, InputErrorRecord, Transcript } from '../../src/model/types.js';
import { analyze } from '../../src/score/analyze.js';
import { analysisValidators } from '../helpers/schema.js';

const { analysis: validAnalysis } = analysisValidators();

/** Lines of a decoded, newline-normalised text, as an editor counts them. */
export function lineCount(text: string): number {
  return text.split('\n').length;
}

/** Throws (so fast-check shrinks and reports) unless `e` is a well-formed error for `source`. */
export function checkError(e: unknown, source: string, lines: number): void {
  if (!(e instanceof InputError)) throw new Error(`not an InputError: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
  checkRecord(e, source, lines);
}

export function checkRecord(e: InputErrorRecord, source: string, lines: number): void {
  if (!e.source.startsWith(source)) throw new Error(`error names ${e.source}, not ${source}`);
  if (!Number.isInteger(e.line) || e.line < 1 || e.line > lines) throw new Error(`error line ${e.line} outside 1..${lines}: ${e.message}`);
  if (typeof e.message !== 'string' || e.message.trim() === '') throw new Error('error without a reason');
}

/** Analyses each transcript and checks the Analysis against the schema and the model's rules. */
export function checkTranscripts(transcripts: readonly Transcript[], source: string): void {
  for (const t of transcripts) {
    if (!t.source.startsWith(source)) throw new Error(`transcript source ${t.source} is not ${source}`);
    t.turns.forEach((turn, i) => {
      if (turn.index !== i) throw new Error(`turn ${i} has index ${turn.index}`);
      if (typeof turn.text !== 'string') throw new Error(`turn ${i} has no text`);
    });
    checkAnalysis(t);
  }
}

export function checkAnalysis(t: Transcript): Analysis {
  const a = analyze(t);
  // Through JSON, as every output sees it (this also catches values JSON cannot write).
  const json = JSON.parse(JSON.stringify(a)) as typeof a;
  if (!validAnalysis(json)) throw new Error(`invalid Analysis: ${JSON.stringify(validAnalysis.errors?.slice(0, 3))}`);
  // Scores exactly when there is an agent to judge; otherwise none, and the reason.
  const hasAgent = t.turns.some((x) => x.role === 'agent');
  if (hasAgent !== (a.scores !== null) || hasAgent === (a.unscored !== undefined)) throw new Error(`scores ${JSON.stringify(a.scores)} / unscored ${a.unscored} with${hasAgent ? '' : 'out'} an agent turn`);
  for (const [k, v] of Object.entries(a.scores ?? {})) {
    if (!Number.isInteger(v) || v < 0 || v > 100) throw new Error(`score ${k} = ${v}`);
  }
  for (const f of a.findings) if ((f.kind === 'signal') !== (f.role === 'customer')) throw new Error(`a ${f.kind} in a ${f.role} turn`);
  for (const f of a.findings) {
    const turn = t.turns[f.turn];
    if (!turn) throw new Error(`finding in missing turn ${f.turn}`);
    if (f.span[0] < 0 || f.span[1] > turn.text.length || f.span[0] >= f.span[1]) throw new Error(`bad span ${f.span}`);
    if (turn.text.slice(f.span[0], f.span[1]) !== f.text) throw new Error(`finding text "${f.text}" is not its span`);
    if (f.role !== turn.role) throw new Error(`finding role ${f.role} is not turn role ${turn.role}`);
  }
  const customerTurns = t.turns.filter((x) => x.role === 'customer').length;
  if (a.emotion.trajectory.length !== customerTurns) throw new Error('trajectory is not one point per customer turn');
  if (a.counts.turns !== t.turns.length) throw new Error('counts.turns is wrong');
  return a;
}
