// etcscore coach <file>: one conversation, turn by turn, for a person to read.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { READERS, readTranscripts } from '../../formats/index.js';
import { settleRoles } from '../../nlp/roles.js';
import type { InputErrorRecord, Transcript } from '../../model/index.js';
import { analyze } from '../../score/analyze.js';
import { renderCoach } from '../../report/coach.js';
import { describeConfig, rulesInEffect, skippedNote } from '../config.js';
import { EXIT, UsageError } from '../exit.js';
import { STDIN, colourThrough, errorLine, readAll, readFailure, readInputFile, type Io } from '../io.js';
import { LIMITS, overLimit } from '../limits.js';
import { formatForOutput, openOutput } from '../output-file.js';
import { colorEnabled, runRedactor } from '../options.js';

interface CoachOptions {
  inputFormat?: string;
  agent?: string;
  id?: string;
  redact?: boolean;
  output?: string;
  config?: string;
  verbose?: boolean;
  color: boolean;
}

export function registerCoach(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('coach')
    .description('one conversation for a coach: emotion curve, every finding in its turn with why and a better wording, what went well')
    .argument('<file>', 'a transcript file, or - for stdin')
    .addOption(new Option('--input-format <name>', 'read the input as this format').choices(READERS.map((r) => r.name)))
    .option('--agent <name>', 'the speaker who is the agent, where speakers are names')
    .option('--id <id>', 'the conversation to show, when the file holds several: its id or any start of it that only it has (default: all, one after another)')
    .option('--redact', 'mask emails, phone, card and account numbers')
    .option('-o, --output <file>', 'write to FILE.txt atomically (plain text, no colour)')
    .option('--config <file>', 'your configuration: rules, extend, ignore, disable (default: the first .etcscorerc.yaml, .yml or .json here or in a folder above)')
    .option('--verbose', 'notes on stderr about how the run is set up (the config file used)')
    .option('--no-color', 'no colour, even on a terminal')
    .action(async (file: string, o: CoachOptions) => setExit(await coach(file, o, io)));
}

/** Ids to show in a message: a file may hold thousands. */
function idList(ids: readonly string[], max = 10): string {
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}

/**
 * The conversations --id names: those with exactly that id, else those whose id starts with it (a
 * trailing "…", from an id cut short for display, is dropped). A start that several ids share is
 * a usage error that lists them, never a guess.
 */
function pick(transcripts: readonly Transcript[], id: string, source: string, key: (s: string) => string): Transcript[] {
  const exact = transcripts.filter((t) => t.id === id);
  if (exact.length > 0) return exact;
  const start = id.replace(/…$/, '');
  const matches = transcripts.filter((t) => t.id.startsWith(start));
  const ids = new Set(matches.map((t) => t.id));
  if (ids.size === 1) return matches;
  // Ids and the file name as --redact shows them (`key`), like everything else it writes.
  if (ids.size > 1) throw new UsageError(`--id "${key(id)}" is the start of ${ids.size} conversations' ids in ${key(source)}: ${idList([...ids].map(key))}; give more of the id`);
  throw new UsageError(`no conversation "${key(id)}" in ${key(source)} (it has: ${idList(transcripts.map((t) => key(t.id)))})`);
}

async function coach(file: string, o: CoachOptions, io: Io): Promise<number> {
  if (o.output) formatForOutput(o.output, { txt: 'plain text' });
  // The same rules `score` runs: a phrase disabled, extended or ignored there is so here.
  const { rules, config, skipped } = rulesInEffect({ cwd: io.cwd, file: o.config });
  const redactor = runRedactor(o.redact, io.env);
  const key = (s: string) => redactor?.joinKey(s) ?? s;
  // The config's path is a file name too (a home folder named after its owner's address).
  if (skipped) io.stderr.write(skippedNote(skipped, key) + '\n');
  if (o.verbose) io.stderr.write(key(describeConfig(io.cwd, config, skipped)) + '\n');
  const report = (e: InputErrorRecord) => io.stderr.write(errorLine(redactor ? redactor.error(e) : e) + '\n');
  const source = file === STDIN ? '<stdin>' : file;
  let bytes: Buffer;
  try {
    bytes = file === STDIN ? await readAll(io.stdin) : await readInputFile(path.resolve(io.cwd, file));
  } catch (err) {
    report(readFailure(source, err));
    return EXIT.input;
  }
  const read = readTranscripts(bytes, { source, format: o.inputFormat, agent: o.agent, maxLines: LIMITS.lines });
  for (const t of read.transcripts) settleRoles(t);
  // A conversation over a limit is an error in its place, as in `score`.
  const errors = [...read.errors, ...read.transcripts.flatMap((t) => overLimit(t) ?? [])];
  const transcripts = read.transcripts.filter((t) => !overLimit(t));
  for (const e of errors) report(e);
  const chosen = o.id === undefined || transcripts.length === 0 ? transcripts : pick(transcripts, o.id, source, key);

  const color = !o.output && Boolean(io.stdout.isTTY) && colorEnabled(o.color, io.env);
  if (color) colourThrough(io.stdout);
  const sink = await openOutput(io, o.output, { inputs: [file] });
  try {
    let first = true;
    for (const original of chosen) {
      const t = redactor ? redactor.transcript(original) : original;
      await sink.write((first ? '' : '\n' + '─'.repeat(60) + '\n\n') + renderCoach(analyze(t, { rules }), t, { color }));
      first = false;
    }
    await sink.close();
  } catch (err) {
    sink.abort();
    throw err;
  }
  return errors.length ? EXIT.input : EXIT.ok;
}
