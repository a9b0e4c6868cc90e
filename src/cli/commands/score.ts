// etcscore score <paths…|->: read, analyse and report every transcript, going on past bad files.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { Analysis, InputErrorRecord } from '../../model/index.js';
import { READERS } from '../../formats/index.js';
import { FORMAT_NAMES, formatterByName, type ReportOptions } from '../../report/index.js';
import { EXIT, UsageError } from '../exit.js';
import { expandInputs, fileSink, stdoutSink, type Io } from '../io.js';
import { colorEnabled, parseMap, parseNumber, parsePositiveInteger, tool } from '../options.js';
import { scoreStream } from '../pipeline.js';
import { parseShard, type Shard } from '../shard.js';
import type { WorkSettings } from '../units.js';

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
  color: boolean;
  jobs?: number;
  shard?: Shard;
}

/** Every core: what --jobs is when not given. */
function defaultJobs(): number {
  return availableParallelism();
}

const FORMAT_BY_EXTENSION: Record<string, string> = { json: 'json', ndjson: 'ndjson', jsonl: 'ndjson' };

/** The format when none is given: from -o's extension, a table on a terminal, NDJSON in a pipe. */
function chooseFormat(o: ScoreOptions, io: Io): string {
  if (o.format) return o.format;
  const ext = o.output ? path.extname(o.output).slice(1).toLowerCase() : '';
  return FORMAT_BY_EXTENSION[ext] ?? (!o.output && io.stdout.isTTY ? 'pretty' : 'ndjson');
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
    .option('--findings', 'list every finding under its conversation (pretty)')
    .option('--fail-under <n>', 'exit 1 when a conversation scores an ETC under N', parseNumber)
    .option('--max-risk <n>', 'exit 1 when a conversation has more than N risk findings', parseNumber)
    .option('-j, --jobs <n>', 'worker threads scoring in parallel (default: the number of cores)', parsePositiveInteger)
    .option('--shard <i/n>', 'score only the i-th of n shards (1-based), split by a hash of each conversation\'s source', parseShard)
    .option('-q, --quiet', 'no notes on stderr, only errors')
    .option('--no-color', 'no colour, even on a terminal')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 a --fail-under/--max-risk threshold was crossed, 2 usage or input error.\n' +
        'Bad inputs are reported as file:line: reason on stderr; every good input is still scored.',
    )
    .action(async (paths: string[], o: ScoreOptions) => setExit(await score(paths, o, io)));
}

/**
 * Where other parts plug into a run. Each is called on this thread, in input order.
 * - `analysis`: every Analysis (e.g. linking contacts of one customer across a batch); when set,
 *   results are formatted here after it runs, so it may add to the Analysis before it is written.
 * - `progress`: `start(inputs)`, a `tick()` per conversation or input error, `done()`.
 */
export interface ScoreHooks {
  analysis?: (a: Analysis) => void;
  progress?: { start(total: number): void; tick(): void; done(): void };
}

/** Formats whose text for one result depends on that result alone, so a worker can write it. */
const STANDALONE_RESULTS = new Set(['ndjson']);

async function score(paths: string[], o: ScoreOptions, io: Io, hooks: ScoreHooks = {}): Promise<number> {
  const extensions = new Set(READERS.flatMap((r) => r.extensions));
  const inputs = await expandInputs(paths, extensions, io.cwd);
  if (inputs.length === 0) throw new UsageError(`no transcript files in ${paths.join(', ')}`);

  const format = chooseFormat(o, io);
  const formatter = formatterByName(format);
  const toTerminal = !o.output && Boolean(io.stdout.isTTY);
  const ro: ReportOptions = { color: toTerminal && colorEnabled(o.color, io.env), findings: Boolean(o.findings), tool: tool() };
  const note = (line: string) => {
    if (!o.quiet) io.stderr.write(line + '\n');
  };
  const settings: WorkSettings = {
    read: { format: o.inputFormat, agent: o.agent, map: o.map },
    format,
    report: ro,
    formatInWorker: STANDALONE_RESULTS.has(format) && !hooks.analysis,
    wantAnalysis: Boolean(hooks.analysis),
    roleNotes: format === 'pretty',
  };
  const sink = o.output ? fileSink(path.resolve(io.cwd, o.output)) : stdoutSink(io.stdout);

  const errors: InputErrorRecord[] = [];
  const crossed: string[] = [];
  let results = 0;
  try {
    await sink.write(formatter.start(ro));
    hooks.progress?.start(inputs.length);
    const scored = scoreStream(inputs, { jobs: o.jobs ?? defaultJobs(), shard: o.shard, cwd: io.cwd, stdin: io.stdin, settings });
    for await (const { items, output } of scored) {
      for (const item of items) {
        hooks.progress?.tick();
        if (item.kind === 'error') {
          errors.push(item.error);
          io.stderr.write(`${item.error.source}:${item.error.line}: ${item.error.message}\n`);
          if (output === undefined) await sink.write(formatter.error(item.error, ro));
          continue;
        }
        results++;
        if (item.note) note(item.note);
        if (item.analysis) hooks.analysis?.(item.analysis);
        if (o.failUnder !== undefined && item.etc < o.failUnder) crossed.push(`${item.source}: ETC ${item.etc} is under --fail-under ${o.failUnder}`);
        if (o.maxRisk !== undefined && item.risks > o.maxRisk) crossed.push(`${item.source}: ${item.risks} risks, more than --max-risk ${o.maxRisk}`);
        if (output === undefined) await sink.write(formatter.result(item.analysis!, ro));
      }
      // Formatted where it was scored: the unit's text in one piece.
      if (output !== undefined) await sink.write(output);
    }
    hooks.progress?.done();
    await sink.write(formatter.end({ results, errors }, ro));
    await sink.close();
  } catch (err) {
    sink.abort();
    throw err;
  }
  for (const line of crossed) note(line);
  if (errors.length) return EXIT.input;
  return crossed.length ? EXIT.threshold : EXIT.ok;
}
