// etcscore score <paths…|->: read, analyse and report every transcript, going on past bad files.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { InputErrorRecord } from '../../model/index.js';
import { READERS } from '../../formats/index.js';
import { ContactLinker } from '../../score/contacts.js';
import { FORMAT_NAMES, formatterByName, type ReportOptions } from '../../report/index.js';
import { describeConfig, rulesInEffect, settledChoice, skippedNote } from '../config.js';
import { EXIT, UsageError } from '../exit.js';
import { colourThrough, errorLine, expandInputs, type Io } from '../io.js';
import { colorEnabled, parseMap, parseNumber, parsePositiveInteger, runRedactor, tool } from '../options.js';
import { formatForOutput, openOutput } from '../output-file.js';
import { scoreStream } from '../pipeline.js';
import { Progress } from '../progress.js';
import { parseShard, type Shard } from '../shard.js';
import type { WorkSettings } from '../units.js';
import { table } from '../../model/records.js';

interface ScoreOptions {
  format?: string;
  output?: string;
  inputFormat?: string;
  map?: Record<string, string>;
  agent?: string;
  findings?: boolean;
  failUnder?: number;
  maxRisk?: number;
  redact?: boolean;
  config?: string;
  verbose?: boolean;
  quiet?: boolean;
  color: boolean;
  bom: boolean;
  jobs?: number;
  shard?: Shard;
}

const FORMAT_BY_EXTENSION = table<string>({
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  csv: 'csv',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
});

/** ETCSCORE_WORKER_HEAP_MB: each worker's heap limit, for machines with more memory to give. */
function workerHeapMb(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.ETCSCORE_WORKER_HEAP_MB;
  if (raw === undefined || raw === '') return undefined;
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 16) throw new UsageError(`ETCSCORE_WORKER_HEAP_MB must be a whole number of MB, at least 16 (got "${raw}")`);
  return mb;
}

/** ETCSCORE_WORKERS_FROM_MB: start workers once this much input is known or seen (0: always). */
function workersFromBytes(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.ETCSCORE_WORKERS_FROM_MB;
  if (raw === undefined || raw === '') return undefined;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb < 0) throw new UsageError(`ETCSCORE_WORKERS_FROM_MB must be a number of MB, 0 or more (got "${raw}")`);
  return mb * 2 ** 20;
}

/** The format when none is given: from -o's extension, a table on a terminal, NDJSON in a pipe. */
function chooseFormat(o: ScoreOptions, io: Io): string {
  if (o.format) return o.format;
  if (o.output) return formatForOutput(o.output, FORMAT_BY_EXTENSION, FORMAT_NAMES);
  return io.stdout.isTTY ? 'pretty' : 'ndjson';
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
    .option('--max-risk <n>', "exit 1 when a conversation has more than N of the agent's risk findings", parseNumber)
    .option('--redact', 'mask emails, phone, card and account numbers in everything written (see README)')
    .option('--config <file>', 'your configuration: rules, extend, ignore, disable (default: the first .etcscorerc.yaml, .yml or .json here or in a folder above)')
    .option('-j, --jobs <n>', 'worker threads scoring in parallel (default: the number of cores)', parsePositiveInteger)
    .option('--shard <i/n>', "score only the i-th of n shards (1-based), split by a hash of each conversation's source", parseShard)
    .option('-q, --quiet', 'no notes and no progress bar on stderr, only errors')
    .option('--verbose', 'notes on stderr about how the run is set up (the config file used)')
    .option('--no-color', 'no colour, even on a terminal')
    .option('--no-bom', 'no UTF-8 byte-order mark at the start of a CSV file written with -o (it is there so Excel reads the file right)')
    .addHelpText(
      'after',
      "\nThresholds for pipelines: --fail-under N fails when any conversation's ETC score is under N;\n" +
        '--max-risk N fails when any conversation has more than N of the agent\'s risk findings (the\n' +
        "customer's signals are not counted). Every input is still scored and written; the crossings are\n" +
        'listed on stderr. A conversation that cannot be scored (no agent turn, no roles found) has no\n' +
        'ETC score: it neither fails nor passes --fail-under, and is listed on stderr as not scored.\n' +
        '\nExit codes: 0 ok, 1 a --fail-under/--max-risk threshold was crossed, 2 usage or input error\n' +
        '(2 wins over 1). Bad inputs are reported as file:line: reason on stderr; every good input is still scored.',
    )
    .action(async (paths: string[], o: ScoreOptions) => setExit(await score(paths, o, io)));
}

/**
 * --jobs, at most twice the cores: each worker is a V8 heap of its own (~50 MB) and more workers than
 * cores only compete for them, so `--jobs 10000` is a mistake to correct, not a request to obey.
 */
function jobsFor(asked: number | undefined, note: (line: string) => void): number {
  const cores = availableParallelism();
  const most = 2 * cores;
  if (asked === undefined) return cores;
  if (asked <= most) return asked;
  note(`--jobs ${asked} is more than twice the ${cores} core${cores === 1 ? '' : 's'} here: using ${most}`);
  return most;
}

/** Formats whose text for one result depends on that result alone, so a worker can write it. */
const STANDALONE_RESULTS = new Set(['ndjson']);

async function score(paths: string[], o: ScoreOptions, io: Io): Promise<number> {
  const format = chooseFormat(o, io);
  const extensions = new Set(READERS.flatMap((r) => r.extensions));
  const redactor = runRedactor(o.redact, io.env);
  const key = (s: string) => redactor?.joinKey(s) ?? s;
  const inputs = await expandInputs(paths, extensions, io.cwd);
  if (inputs.length === 0) throw new UsageError(`no transcript files in ${paths.map(key).join(', ')}`);
  // A wrong config stops the run here, before any output; workers load the same file again (a
  // named one from the text read here: a pipe gives it once).
  const choice = { cwd: io.cwd, file: o.config };
  const { config, skipped, text } = rulesInEffect(choice);
  // The config's path is a file name too (a home folder named after its owner's address).
  if (skipped && !o.quiet) io.stderr.write(skippedNote(skipped, key) + '\n');
  if (o.verbose) io.stderr.write(key(describeConfig(io.cwd, config, skipped)) + '\n');

  const formatter = formatterByName(format);
  const toTerminal = !o.output && Boolean(io.stdout.isTTY);
  // The table and stderr on one terminal: an error shown on stderr is not shown again as a row.
  const sameScreen = format === 'pretty' && toTerminal && Boolean(io.stderr.isTTY);
  const ro: ReportOptions = { color: toTerminal && colorEnabled(o.color, io.env), findings: Boolean(o.findings), tool: tool() };
  if (ro.color && formatter.colours) colourThrough(io.stdout);
  const progress = Progress.forStderr(io.stderr, Boolean(o.quiet));
  const note = (line: string) => {
    if (!o.quiet) progress.above(line);
  };
  const settings: WorkSettings = {
    read: { format: o.inputFormat, agent: o.agent, map: o.map },
    format,
    report: ro,
    formatInWorker: STANDALONE_RESULTS.has(format),
    wantAnalysis: false,
    roleNotes: format === 'pretty',
    redact: redactor ? { key: redactor.key } : false,
    config: settledChoice(choice, config, text),
    link: true,
  };
  const heapMb = workerHeapMb(io.env);
  const workersFrom = workersFromBytes(io.env);
  // Contacts of one case or customer, in input order: later ones settle earlier ones' promises.
  const linker = new ContactLinker();
  const sink = await openOutput(io, o.output, { csv: format === 'csv', bom: o.bom, inputs });

  const errors: InputErrorRecord[] = [];
  const crossed: string[] = [];
  // Conversations without scores (no agent turn, no roles found) neither pass nor fail --fail-under.
  const unscored: string[] = [];
  let results = 0;
  try {
    await sink.write(formatter.start(ro));
    progress.start(inputs.length);
    const scored = scoreStream(inputs, { jobs: jobsFor(o.jobs, note), shard: o.shard, named: new Set(paths), cwd: io.cwd, stdin: io.stdin, settings, workerHeapMb: heapMb, workersFromBytes: workersFrom });
    let input: string | undefined; // the input the last item came from: progress counts inputs
    for await (const { items, output } of scored) {
      for (const item of items) {
        const from = (item.kind === 'error' ? item.error.source : item.source).replace(/#\d+$/, '');
        if (input !== undefined && from !== input) progress.tick();
        input = from;
        if (item.kind === 'error') {
          errors.push(item.error);
          progress.above(errorLine(item.error));
          if (output === undefined && !sameScreen) await sink.write(formatter.error(item.error, ro));
          continue;
        }
        results++;
        if (item.note) note(item.note);
        const a = item.analysis ? linker.link(item.analysis, item.transcript?.turns) : undefined;
        const etc = a ? (a.scores?.etc ?? null) : item.etc;
        const risks = a?.counts.risks ?? item.risks;
        if (etc === null) unscored.push(`${item.source}: not scored (${a?.unscored ?? item.unscored}), so --fail-under does not judge it`);
        else if (o.failUnder !== undefined && etc < o.failUnder) crossed.push(`${item.source}: ETC ${etc} is under --fail-under ${o.failUnder}`);
        if (o.maxRisk !== undefined && risks > o.maxRisk) crossed.push(`${item.source}: ${risks} agent risks, more than --max-risk ${o.maxRisk}`);
        if (output === undefined) {
          if (formatter.resultPieces === undefined) await sink.write(formatter.result(a!, ro, item.transcript));
          else for (const piece of formatter.resultPieces(a!, ro, item.transcript)) await sink.write(piece);
        }
      }
      // Formatted where it was scored: the unit's text, in pieces.
      if (output !== undefined) for (const part of output) await sink.write(part);
    }
    if (input !== undefined) progress.tick();
    progress.done();
    await sink.write(formatter.end({ results, errors }, ro));
    await sink.close();
  } catch (err) {
    progress.done();
    sink.abort();
    throw err;
  }
  // An empty run says so (the table on a terminal already does), and why when --shard is the cause.
  if (results === 0 && o.shard) note(`--shard ${o.shard.index}/${o.shard.count}: none of these inputs' conversations is in this part${sameScreen ? '' : ', so nothing was scored'}`);
  else if (results === 0 && !sameScreen) note('nothing was scored: no conversation was read');
  for (const line of crossed) note(line);
  if (o.failUnder !== undefined && unscored.length) {
    for (const line of unscored) note(line);
    note(`${unscored.length} of ${results} conversation${results === 1 ? '' : 's'} not scored; --fail-under judged the other ${results - unscored.length}`);
  }
  if (errors.length) return EXIT.input;
  return crossed.length ? EXIT.threshold : EXIT.ok;
}
