// etcscore score <paths…|->: read, analyse and report every transcript, going on past bad files.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { InputError, type InputErrorRecord, type Transcript } from '../../model/index.js';
import { READERS, describeRoleInference, readTranscripts } from '../../formats/index.js';
import { analyze } from '../../score/analyze.js';
import { FORMAT_NAMES, formatterByName, type ReportOptions } from '../../report/index.js';
import { EXIT, UsageError } from '../exit.js';
import { assertWritableDir } from '../output-dir.js';
import { STDIN, expandInputs, fileSink, readAll, stdoutSink, type Io } from '../io.js';
import { colorEnabled, parseMap, parseNumber, tool } from '../options.js';
import { Progress } from '../progress.js';
import { redactTranscript } from '../../nlp/redact.js';
import { loadConfig, ruleSetFor } from '../config.js';
import { ContactLinker } from '../../score/contacts.js';

interface ScoreOptions {
  format?: string;
  output?: string;
  inputFormat?: string;
  map?: Record<string, string>;
  agent?: string;
  findings?: boolean;
  failUnder?: number;
  maxRisk?: number;
  quiet?: boolean;
  redact?: boolean;
  config?: string;
  color: boolean;
}

const FORMAT_BY_EXTENSION: Record<string, string> = { json: 'json', ndjson: 'ndjson', jsonl: 'ndjson', csv: 'csv', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' };

/** The format when none is given: from -o's extension, a table on a terminal, NDJSON in a pipe. */
function chooseFormat(o: ScoreOptions, io: Io): string {
  if (o.format) return o.format;
  const ext = o.output ? path.extname(o.output).slice(1).toLowerCase() : '';
  return FORMAT_BY_EXTENSION[ext] ?? (!o.output && io.stdout.isTTY ? 'pretty' : 'ndjson');
}

async function readInput(input: string, o: ScoreOptions, io: Io): Promise<{ transcripts: Transcript[]; errors: InputErrorRecord[] }> {
  const source = input === STDIN ? '<stdin>' : input;
  try {
    const bytes = input === STDIN ? await readAll(io.stdin) : await fs.readFile(path.resolve(io.cwd, input));
    return readTranscripts(bytes, { source, format: o.inputFormat, agent: o.agent, map: o.map });
  } catch (err) {
    if (err instanceof InputError) return { transcripts: [], errors: [err.toRecord()] };
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String((err as Error).message);
    return { transcripts: [], errors: [{ source, line: 1, message: `cannot read: ${why}` }] };
  }
}

export function registerScore(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('score')
    .description('score transcripts: files, directories (read recursively) or - for stdin')
    .argument('<paths...>', 'transcript files, directories, or - for stdin')
    .addOption(new Option('-f, --format <name>', 'output format (default: pretty on a terminal, else ndjson)').choices(FORMAT_NAMES))
    .option('-o, --output <file>', 'write to FILE atomically (the format follows its extension unless --format)')
    .addOption(new Option('--input-format <name>', 'read every input as this format').choices(READERS.map((r) => r.name)))
    .option('--map <pairs>', 'column mapping for CSV, e.g. role=Speaker,text=Message,time=Timestamp,id=CallId', parseMap)
    .option('--agent <name>', 'the speaker who is the agent, where speakers are names')
    .option('--findings', 'list every finding under its conversation (pretty); one CSV row per finding (csv)')
    .option('--fail-under <n>', 'exit 1 when a conversation scores an ETC under N', parseNumber)
    .option('--max-risk <n>', 'exit 1 when a conversation has more than N risk findings', parseNumber)
    .option('--redact', 'mask emails, phone, card and account numbers in everything written (see README)')
    .option('--config <file>', 'your own phrase rules and disabled rules (default: .etcscorerc.json here, if present)')
    .option('-q, --quiet', 'no notes and no progress bar on stderr, only errors')
    .option('--no-color', 'no colour, even on a terminal')
    .addHelpText(
      'after',
      '\nThresholds for pipelines: --fail-under N fails when any conversation\'s ETC score is under N;\n' +
        '--max-risk N fails when any conversation has more than N risk findings. Every input is still\n' +
        'scored and written; the crossings are listed on stderr.\n' +
        '\nExit codes: 0 ok, 1 a --fail-under/--max-risk threshold was crossed, 2 usage or input error\n' +
        '(2 wins over 1). Bad inputs are reported as file:line: reason on stderr; every good input is still scored.',
    )
    .action(async (paths: string[], o: ScoreOptions) => setExit(await score(paths, o, io)));
}

async function score(paths: string[], o: ScoreOptions, io: Io): Promise<number> {
  const extensions = new Set(READERS.flatMap((r) => r.extensions));
  const inputs = await expandInputs(paths, extensions, io.cwd);
  if (inputs.length === 0) throw new UsageError(`no transcript files in ${paths.join(', ')}`);

  const rules = ruleSetFor(loadConfig(io.cwd, o.config));
  // Promises made in one contact are settled in later ones of the same case or customer.
  const linker = new ContactLinker();
  const format = chooseFormat(o, io);
  const formatter = formatterByName(format);
  const toTerminal = !o.output && Boolean(io.stdout.isTTY);
  const ro: ReportOptions = { color: toTerminal && colorEnabled(o.color, io.env), findings: Boolean(o.findings), tool: tool() };
  const note = (line: string) => {
    if (!o.quiet) io.stderr.write(line + '\n');
  };
  if (o.output) await assertWritableDir(path.resolve(io.cwd, o.output));
  const sink = o.output ? fileSink(path.resolve(io.cwd, o.output)) : stdoutSink(io.stdout);

  const errors: InputErrorRecord[] = [];
  const crossed: string[] = [];
  let results = 0;
  const progress = Progress.forStderr(io.stderr, Boolean(o.quiet)); // outputs: progress hooks
  try {
    await sink.write(formatter.start(ro));
    progress.start(inputs.length);
    for (const input of inputs) {
      const read = await readInput(input, o, io);
      for (const e of read.errors) {
        errors.push(e);
        progress.above(`${e.source}:${e.line}: ${e.message}`);
        await sink.write(formatter.error(e, ro));
      }
      for (const original of read.transcripts) {
        const t = o.redact ? redactTranscript(original) : original; // outputs: --redact masks before analysis
        if (format === 'pretty') {
          const roles = describeRoleInference(t);
          if (roles) note(roles);
        }
        const a = linker.link(analyze(t, rules ? { rules } : {}), t.turns);
        results++;
        if (o.failUnder !== undefined && a.scores.etc < o.failUnder) crossed.push(`${a.source}: ETC ${a.scores.etc} is under --fail-under ${o.failUnder}`);
        if (o.maxRisk !== undefined && (a.counts.risks ?? 0) > o.maxRisk) crossed.push(`${a.source}: ${a.counts.risks} risks, more than --max-risk ${o.maxRisk}`);
        await sink.write(formatter.result(a, ro, t));
      }
      progress.tick();
    }
    progress.done();
    await sink.write(formatter.end({ results, errors }, ro));
    await sink.close();
  } catch (err) {
    progress.done();
    sink.abort();
    throw err;
  }
  for (const line of crossed) note(line);
  if (errors.length) return EXIT.input;
  return crossed.length ? EXIT.threshold : EXIT.ok;
}
