// etcscore report <results.ndjson…|->: rollups of `score --format ndjson` output by agent, team,
// queue or date. Lines are streamed, so a results file of any size is read in constant memory.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Option, type Command } from 'commander';
import { ndjsonLines } from '../../formats/ndjson-stream.js';
import type { Redactor } from '../../nlp/redact.js';
import { GROUP_BY, PERIODS, Rollup, isAnalysis, upgradeAnalysis, type GroupBy, type Period } from '../../report/rollup.js';
import { ROLLUP_FORMATS, renderRollup, type RollupFormat } from '../../report/rollup-format.js';
import { EXIT, UsageError } from '../exit.js';
import { STDIN, colourThrough, errorLine, openPipe, readFailure, specialFile, type Io } from '../io.js';
import { LIMITS, recordTooLarge, tooManyErrors } from '../limits.js';
import { formatForOutput, openOutput } from '../output-file.js';
import { colorEnabled, runRedactor, tool } from '../options.js';
import { table } from '../../model/records.js';

interface ReportCommandOptions {
  by?: GroupBy;
  period?: Period;
  format?: RollupFormat;
  output?: string;
  redact?: boolean;
  quiet?: boolean;
  color: boolean;
  bom: boolean;
}

const FORMAT_BY_EXTENSION = table<RollupFormat>({ csv: 'csv', json: 'json', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' });

export function registerReport(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('report')
    .description('roll up results written by `score --format ndjson`: per group counts, mean and spread of each score, shapes, top risks, worst findings')
    .argument('<results...>', 'NDJSON results files, or - for stdin')
    .addOption(new Option('--by <key>', 'group by').choices(GROUP_BY))
    .addOption(new Option('--period <p>', 'with --by date: calendar day or ISO week').choices(PERIODS).default('day'))
    .addOption(new Option('-f, --format <name>', 'output format (default: from -o\'s extension, pretty on a terminal, else json)').choices(ROLLUP_FORMATS))
    .option('-o, --output <file>', 'write to FILE atomically')
    .option('--redact', 'mask emails, phone, card and account numbers in the quoted findings and meta')
    .option('-q, --quiet', 'no notes on stderr, only errors')
    .option('--no-color', 'no colour, even on a terminal')
    .option('--no-bom', 'no UTF-8 byte-order mark at the start of a CSV file written with -o (it is there so Excel reads the file right)')
    .addHelpText(
      'after',
      '\nA line that is not JSON is reported as file:line: reason on stderr and the exit code is 2;\n' +
        'the other lines are still rolled up. Error records from `score` are counted and skipped.\n' +
        'Conversations without the grouping value are grouped under "(none)".',
    )
    .action(async (files: string[], o: ReportCommandOptions) => setExit(await report(files, o, io)));
}

async function readResults(input: string, rollup: Rollup, redactor: Redactor | undefined, io: Io): Promise<void> {
  const source = input === STDIN ? '<stdin>' : input;
  const bad = (line: number, why: string) => {
    rollup.badLines++;
    // The reason can quote the line (JSON.parse does): masked like the results.
    const e = { source, line, message: why };
    io.stderr.write(errorLine(redactor ? redactor.error(e) : e) + '\n');
  };
  const file = path.resolve(io.cwd, input);
  let stream: Readable;
  try {
    // A named pipe is opened off this thread (io.ts, openPipe): waiting for its writer must not stop a signal.
    stream = input === STDIN ? io.stdin : specialFile(file) ? (await openPipe(file)).createReadStream() : createReadStream(file);
  } catch (err) {
    bad(1, readFailure('', err).message);
    return;
  }
  // A record is tried on a rollup of its own first: one that passes the shape check but still
  // cannot be rolled up (a finding that is null) is reported, and the real rollup stays whole.
  const trial = () => new Rollup(rollup.by, rollup.period);
  let errors = 0;
  /** A line that cannot be rolled up; past the limit the input is cut (an endless pipe of bad lines), as `score` cuts it. */
  const badRecord = (line: number, why: string) => {
    if (++errors > LIMITS.errorsPerInput) throw new TooManyErrors(line);
    bad(line, why);
  };
  let n = 0;
  try {
    // Lines a chunk at a time, none longer than the limit: an endless line ends the input with an error.
    for await (const batch of ndjsonLines(stream, LIMITS.recordBytes)) {
      for (const record of batch.records) {
        n = record.line;
        if (record.oversize) {
          badRecord(n, recordTooLarge());
          continue;
        }
        let value: unknown;
        try {
          value = JSON.parse(record.bytes.toString('utf8'));
        } catch (err) {
          badRecord(n, `not JSON: ${(err as Error).message}`);
          continue;
        }
        if ((value as { type?: unknown } | null)?.type === 'error') rollup.errorRecords++;
        else if (isAnalysis(value)) {
          try {
            const a = upgradeAnalysis(value);
            const r = redactor ? redactor.analysis(a) : a;
            trial().add(r);
            rollup.add(r);
          } catch (err) {
            badRecord(n, `not a result that can be rolled up: ${(err as Error).message}`);
          }
        } else badRecord(n, 'not an analysis or an error record (expected output of `etcscore score --format ndjson`)');
      }
    }
  } catch (err) {
    if (err instanceof TooManyErrors) {
      stream.destroy();
      bad(err.line, err.message);
    } else bad(n + 1, readFailure('', err).message);
  }
}

/** Thrown out of the reading loop when an input has given more errors than LIMITS.errorsPerInput. */
class TooManyErrors extends Error {
  constructor(readonly line: number) {
    super(tooManyErrors());
  }
}

async function report(files: string[], o: ReportCommandOptions, io: Io): Promise<number> {
  if (o.period === 'week' && o.by !== 'date') throw new UsageError('--period week needs --by date');
  const format: RollupFormat = o.format ?? (o.output ? formatForOutput(o.output, FORMAT_BY_EXTENSION, ROLLUP_FORMATS) : io.stdout.isTTY ? 'pretty' : 'json');
  const rollup = new Rollup(o.by, o.period);
  const redactor = runRedactor(o.redact, io.env);
  for (const f of files) await readResults(f, rollup, redactor, io);

  const color = format === 'pretty' && !o.output && Boolean(io.stdout.isTTY) && colorEnabled(o.color, io.env);
  if (color) colourThrough(io.stdout);
  const sink = await openOutput(io, o.output, { csv: format === 'csv', bom: o.bom, inputs: files });
  try {
    await sink.write(renderRollup(rollup, format, { color, tool: tool() }));
    await sink.close();
  } catch (err) {
    sink.abort();
    throw err;
  }
  if (rollup.errorRecords && !o.quiet) io.stderr.write(`${rollup.errorRecords} error record${rollup.errorRecords === 1 ? '' : 's'} in the results skipped\n`);
  return rollup.badLines ? EXIT.input : EXIT.ok;
}
