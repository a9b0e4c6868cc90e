// Wires commander to the pipeline. Tests call `main(argv, io)`; bin/etcscore.js calls it for real.
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from './exit.js';
import { tuneForBatch } from './heap.js';
import { activeSinks, forPeople, interruption, waitingOnPipe, type Io } from './io.js';
import { tool } from './options.js';
import { forTerminal } from '../report/terminal.js';

const KEYS_ONLY: ReadonlySet<'account'> = new Set(['account']);

/** Adds one command to the program. */
export type Registrar = (program: Command, io: Io, setExit: (code: number) => void) => void;

/**
 * Each command's module, loaded only when needed: `coach` on one call must not pay for loading the
 * score pipeline, the worker pool and every report format (issue 7: start-up).
 */
const COMMANDS: ReadonlyArray<readonly [string, () => Promise<Registrar>]> = [
  ['score', async () => (await import('./commands/score.js')).registerScore],
  ['rules', async () => (await import('./commands/rules.js')).registerRules],
  ['coach', async () => (await import('./commands/coach.js')).registerCoach],
  ['report', async () => (await import('./commands/report.js')).registerReport],
];

/**
 * The commands an argument list needs: only the one it names when it starts with a command's
 * name, else all of them (for help, --version, and errors that list the commands).
 */
export async function loadCommands(argv: readonly string[] = []): Promise<Registrar[]> {
  const named = COMMANDS.find(([name]) => name === argv[0]);
  return Promise.all((named ? [named] : COMMANDS).map(([, load]) => load()));
}

export function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

export function createProgram(io: Io, setExit: (code: number) => void, commands: readonly Registrar[]): Command {
  const program = new Command('etcscore')
    .description("Scores customer-service transcripts for how they handled the customer's Emotions, Trust and Control.")
    .version(tool().version)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const register of commands) register(program, io, setExit);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  return program;
}

/** Runs the command line; resolves to the exit code instead of exiting, so it can be tested. */
export async function main(argv: readonly string[], given: Io = processIo()): Promise<number> {
  // Colour is decided per command from its format, --no-color and the environment; a command that
  // colours lets its colours through the boundary (colourThrough).
  const io = forPeople(given);
  let code: number = EXIT.ok;
  // Before score's modules load and its rules compile: their data survive the young generation,
  // which V8 would grow to 16 MB for them and keep at that size through a long conversation.
  if (argv[0] === 'score') tuneForBatch();
  const program = createProgram(io, (c) => (code = c), await loadCommands(argv));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      const benign = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help';
      return benign ? EXIT.ok : EXIT.input;
    }
    // An error can quote a file name or the input: under --redact, masked like them (a usage
    // error names files and ids, whose long numbers are kept as in every other key).
    let message = String((err as Error).message);
    if (argv.includes('--redact')) message = (await import('../nlp/redact.js')).redactText(message, err instanceof UsageError ? KEYS_ONLY : undefined);
    // One line, whatever the ids and file names it quotes hold: a line break of theirs could start
    // a line that passes for one of ours.
    io.stderr.write(`etcscore: ${forTerminal(message, { oneLine: true })}\n`);
    return EXIT.input;
  }
}

/** Exit status for each signal that stops a run, as a shell reports a process it ended (128 + n). */
const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: EXIT.interrupted, SIGTERM: 143 } as const;

/**
 * Interrupted (Ctrl-C, a kill, or the terminal closing): remove partial output files, write nothing
 * new, and let a chunk already handed to stdout finish (a full pipe takes it part by part), so a
 * stream never ends mid-record. A second signal finds no handler and ends the process at once.
 *
 * SIGUSR1 is ignored: node would otherwise open a debugger port on it (node 20 has no
 * --disable-sigusr1), letting any process that can signal this one read the transcripts in memory.
 */
export function installSignalHandlers(): void {
  process.on('SIGUSR1', () => {});
  for (const signal of ['SIGHUP', 'SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interruption.requested = true;
      for (const abort of activeSinks) abort();
      const code = SIGNAL_EXIT[signal];
      // A named pipe still being opened (no writer yet) holds a thread that process.exit() would
      // wait for, for ever: the signal is raised again instead, with its default action (this
      // handler is gone), and ends the process as the shell reports it (128 + n).
      const exitWhenFlushed = (): unknown =>
        waitingOnPipe() ? process.kill(process.pid, signal) : process.stdout.writableLength === 0 ? process.exit(code) : setTimeout(exitWhenFlushed, 5);
      exitWhenFlushed();
    });
  }
}
