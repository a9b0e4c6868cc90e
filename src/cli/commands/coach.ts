// etcscore coach <file>: one conversation, turn by turn, for a person to read.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { READERS, readTranscripts } from '../../formats/index.js';
import type { InputErrorRecord } from '../../model/index.js';
import { analyze } from '../../score/analyze.js';
import { renderCoach } from '../../report/coach.js';
import { describeConfig, rulesInEffect } from '../config.js';
import { EXIT, UsageError } from '../exit.js';
import { STDIN, errorLine, fileSink, readAll, readFailure, stdoutSink, type Io } from '../io.js';
import { assertWritableDir } from '../output-dir.js';
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
    .option('--id <id>', 'the conversation to show, when the file holds several (default: all, one after another)')
    .option('--redact', 'mask emails, phone, card and account numbers')
    .option('-o, --output <file>', 'write to FILE atomically (plain text, no colour)')
    .option('--config <file>', 'your configuration: rules, extend, ignore, disable (default: the first .etcscorerc.yaml, .yml or .json here or in a folder above)')
    .option('--verbose', 'notes on stderr about how the run is set up (the config file used)')
    .option('--no-color', 'no colour, even on a terminal')
    .action(async (file: string, o: CoachOptions) => setExit(await coach(file, o, io)));
}

async function coach(file: string, o: CoachOptions, io: Io): Promise<number> {
  // The same rules `score` runs: a phrase disabled, extended or ignored there is so here.
  const { rules, config } = rulesInEffect({ cwd: io.cwd, file: o.config });
  if (o.verbose) io.stderr.write(describeConfig(io.cwd, config) + '\n');
  const redactor = runRedactor(o.redact, io.env);
  const key = (s: string) => redactor?.joinKey(s) ?? s;
  const report = (e: InputErrorRecord) => io.stderr.write(errorLine(redactor ? redactor.error(e) : e) + '\n');
  const source = file === STDIN ? '<stdin>' : file;
  let bytes: Buffer;
  try {
    bytes = file === STDIN ? await readAll(io.stdin) : await fs.readFile(path.resolve(io.cwd, file));
  } catch (err) {
    report(readFailure(source, err));
    return EXIT.input;
  }
  const { transcripts, errors } = readTranscripts(bytes, { source, format: o.inputFormat, agent: o.agent });
  for (const e of errors) report(e);
  const chosen = o.id === undefined ? transcripts : transcripts.filter((t) => t.id === o.id);
  if (o.id !== undefined && chosen.length === 0 && transcripts.length > 0) {
    throw new UsageError(`no conversation "${key(o.id)}" in ${key(source)} (it has: ${transcripts.map((t) => key(t.id)).join(', ')})`);
  }

  const color = !o.output && Boolean(io.stdout.isTTY) && colorEnabled(o.color, io.env);
  if (o.output) await assertWritableDir(path.resolve(io.cwd, o.output));
  const sink = o.output ? fileSink(path.resolve(io.cwd, o.output)) : stdoutSink(io.stdout);
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
