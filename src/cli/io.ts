// Process concerns: which files a path means, reading stdin, and output that is never half written.
import { promises as fs, closeSync, createWriteStream, fstatSync, openSync, readSync, readdirSync, rmSync, statSync, type Stats, type WriteStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { isatty } from 'node:tty';
import type { Readable, Writable } from 'node:stream';
import type { InputErrorRecord } from '../model/index.js';
import { forTerminal, type TerminalOptions } from '../report/terminal.js';
import { LIMITS, inputTooLarge } from './limits.js';
import { UsageError } from './exit.js';

export interface Io {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const STDIN = '-';

const CANNOT_READ: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  ELOOP: 'a loop of symbolic links', // node's own message names the absolute path
};

/** "file:line: reason" on one line, whatever the file name or the reason holds. */
export function errorLine(e: InputErrorRecord): string {
  return forTerminal(`${e.source}:${e.line}: ${e.message}`, { oneLine: true });
}

const RAW = Symbol('the stream under a guard');
const OPTIONS = Symbol('the options of a guard');

/**
 * The output boundary for people: every string written to the stream is made fit for a terminal
 * (report/terminal.ts). Whatever a command, a formatter or commander writes, nothing from the input
 * reaches the terminal as a control sequence.
 */
export function guarded<T extends Writable>(stream: T, o: TerminalOptions = {}): T {
  const options = { ...o }; // colourThrough may turn colour on later, once a command knows its format
  return new Proxy(stream, {
    get(target, prop) {
      if (prop === RAW) return target;
      if (prop === OPTIONS) return options;
      if (prop === 'write') {
        return (chunk: unknown, ...rest: unknown[]) => {
          const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8') : undefined;
          return (target.write as (...a: unknown[]) => boolean)(text === undefined ? chunk : forTerminal(text, options), ...rest);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The stream under a guard, for our own control sequences (the progress bar's redraws). */
export function unguarded<T extends object>(stream: T): T {
  return (stream as { [RAW]?: T })[RAW] ?? stream;
}

/**
 * Lets etcscore's own colours through a guarded stream (a no-op on one that is not guarded: a pipe
 * or a file). Only for a format that colours and shows the input in it by its codes before adding
 * its colours: the guard cannot tell our colours from the same sequences in the input, so a format
 * that does not colour (CSV on a terminal) keeps them all visible.
 */
export function colourThrough(stream: object): void {
  const options = (stream as { [OPTIONS]?: TerminalOptions })[OPTIONS];
  if (options) options.colour = true;
}

/**
 * The streams as people get them: stderr always guarded (it is for people, even in a log file);
 * stdout guarded when it is a terminal, with no colour passing until a command that colours says so.
 */
export function forPeople(io: Io): Io {
  return {
    ...io,
    stdout: io.stdout.isTTY ? guarded(io.stdout) : io.stdout,
    stderr: guarded(io.stderr),
  };
}

/** The error record for an input that cannot be read, as every part of the CLI words it. */
export function readFailure(source: string, err: unknown): InputErrorRecord {
  if (err instanceof TooLarge) return { source, line: 1, message: err.message };
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return { source, line: 1, message: `cannot read: ${CANNOT_READ[code] ?? String((err as Error).message)}` };
}


/**
 * Every input a list of paths names: files as given, directories walked recursively in a stable
 * order keeping files with a transcript extension, "-" for stdin. Symbolic links are followed, each
 * file and directory taken once by its real path (so a link loop ends); a directory that cannot be
 * listed and a broken link are kept as inputs, so that reading them reports why in their place.
 */
export async function expandInputs(paths: readonly string[], extensions: ReadonlySet<string>, cwd: string): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>(); // real paths of the directories and files taken
  const first = (real: string): boolean => {
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };
  const realPath = (p: string) => fs.realpath(path.resolve(cwd, p)).catch(() => path.resolve(cwd, p));
  // Paths are reported as the user wrote them, and read relative to the working directory.
  async function walk(dir: string): Promise<void> {
    const realDir = await realPath(dir);
    if (!first(realDir)) return;
    let entries;
    try {
      entries = await fs.readdir(path.resolve(cwd, dir), { withFileTypes: true });
    } catch {
      out.push(dir); // reading it reports the reason (permission denied) as an error record
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      const wanted = extensions.has(path.extname(e.name).slice(1).toLowerCase());
      if (e.isDirectory()) await walk(p);
      else if (e.isSymbolicLink()) {
        const target = await fs.stat(path.resolve(cwd, p)).catch(() => undefined);
        if (target?.isDirectory()) await walk(p);
        // A broken link (its target gone, or a loop) is reported when read: one named like a
        // transcript, and one with no extension, which may have been a folder of them.
        else if (!target) (wanted || path.extname(e.name) === '') && out.push(p);
        else if (wanted && first(await realPath(p))) out.push(p);
      } else if (e.isFile() && wanted && first(path.join(realDir, e.name))) out.push(p);
      else if (!e.isFile() && wanted) out.push(p); // a FIFO, a socket or a device: reported in its place, never read
    }
  }
  for (const p of paths) {
    if (p === STDIN) {
      out.push(STDIN);
      continue;
    }
    const stat = await fs.stat(path.resolve(cwd, p)).catch(() => undefined);
    if (stat?.isDirectory()) await walk(p);
    else out.push(p); // a missing file is reported when it is read, with the rest of the batch
  }
  return out;
}

/**
 * Why a directory given or found as an input is not read: that it cannot be listed (permission
 * denied), or else that it is a directory.
 */
export function directoryFailure(dir: string): NodeJS.ErrnoException {
  try {
    readdirSync(dir);
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
  return Object.assign(new Error('is a directory'), { code: 'EISDIR' });
}

/** An input over LIMITS.inputBytes: reading it stopped there. */
export class TooLarge extends Error {
  constructor(bytes: number) {
    super(inputTooLarge(bytes));
  }
}

/** A stream's bytes, up to `limit`: more (an endless pipe, `/dev/zero`) throws TooLarge. */
export async function readAll(stream: Readable, limit: number = LIMITS.inputBytes): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buf.length;
    if (bytes > limit) {
      stream.destroy();
      throw new TooLarge(bytes);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** What a path is when it is neither a regular file nor a folder ("a FIFO", "a device", "a socket"); undefined otherwise. */
export function specialFile(file: string): string | undefined {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return undefined; // missing or unreadable: reported when it is read
  }
  if (stat.isFile() || stat.isDirectory()) return undefined;
  return stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket' : 'a device';
}

/**
 * A file's bytes, up to `limit`, without blocking this thread on a named pipe that has no writer
 * yet (so Ctrl-C still ends the run): a pipe or a device is opened and read asynchronously.
 */
export async function readInputFile(file: string, limit: number = LIMITS.inputBytes): Promise<Buffer> {
  if (!specialFile(file)) return readFileBounded(file, limit);
  const handle = await openPipe(file);
  return readAll(handle.createReadStream(), limit);
}

/** Named pipes being opened: each holds one of libuv's threads until its writer comes. */
let pipesOpening = 0;

/**
 * Opens a named pipe or a device without blocking this thread. Opening a FIFO waits for a writer,
 * on one of libuv's threads; while it waits the process cannot exit normally (node waits for that
 * thread), which the signal handlers check with waitingOnPipe().
 */
export async function openPipe(file: string): Promise<FileHandle> {
  pipesOpening++;
  try {
    return await fs.open(file, 'r');
  } finally {
    pipesOpening--;
  }
}

/** Whether a named pipe is still being opened (see openPipe). */
export const waitingOnPipe = (): boolean => pipesOpening > 0;

/**
 * A file's bytes, up to `limit`, whatever the path names: a big regular file is refused before it is
 * read, and a device or a pipe (`/dev/zero`, a FIFO) is read only until the limit.
 */
export function readFileBounded(file: string, limit: number = LIMITS.inputBytes): Buffer {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw directoryFailure(file);
    if (stat.isFile() && stat.size > limit) throw new TooLarge(stat.size);
    const chunks: Buffer[] = [];
    let bytes = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(stat.isFile() ? Math.min(Math.max(stat.size - bytes, 0) + 1, 1 << 24) : 1 << 16);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      bytes += n;
      if (bytes > limit) throw new TooLarge(bytes);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, bytes);
  } finally {
    closeSync(fd);
  }
}

/** Where output goes: buffered, written in large chunks, to stdout or atomically to a file. */
export interface Sink {
  /** Text, or UTF-8 bytes already encoded (as workers send them). */
  write(text: string | Uint8Array): Promise<void>;
  /** Make the output final (rename the file into place). */
  close(): Promise<void>;
  /** Give up: remove the partial file, leave any earlier file of that name untouched. */
  abort(): void;
}

/**
 * Characters of text written at a time, at least: a chunk is at most twice this unless one text is
 * longer, so that flat, at two bytes a character, it stays under V8's large-object size (128 kB),
 * a young object that the next scavenge frees (see PIECE_CHARS in report/ndjson.ts).
 */
const CHUNK = 1 << 15;
/** The buffer a file sink encodes into (see buffered): a few of the pieces a unit's output comes in. */
const SCRATCH = 1 << 20;

/**
 * Text to a stream in chunks of at least CHUNK characters. With `reuse`, for a stream that is done
 * with a chunk once its write's callback is called (a file's), text is encoded into one buffer
 * used again for every chunk that fits: a buffer made for each chunk is memory outside the heap
 * that only a collection gives back, and a long result's (12 MB of a 4 MB turn's) waited for one
 * (a 1 MB turn's peak RSS 120 → 118 MB, three runs each).
 */
function buffered(target: Writable, reuse = false): Pick<Sink, 'write'> & { flush(): Promise<void> } {
  let pending = '';
  let scratch: Buffer | undefined;
  let sending = false;
  const send = (chunk: string | Uint8Array) =>
    new Promise<void>((resolve, reject) => target.write(chunk, (err) => (err ? reject(err) : resolve())));
  const encoded = (text: string): Buffer => {
    if (!reuse || sending) return utf8(text);
    scratch ??= Buffer.allocUnsafeSlow(SCRATCH);
    return encodedInto(scratch, text) ?? utf8(text);
  };
  const flush = async () => {
    if (!pending) return;
    const text = pending;
    pending = '';
    const bytes = encoded(text);
    const mine = bytes.buffer === scratch?.buffer;
    if (mine) sending = true;
    try {
      await send(bytes);
    } finally {
      if (mine) sending = false;
    }
  };
  return {
    async write(text) {
      if (typeof text !== 'string') {
        // Bytes come in large pieces already: write them as they are, after any text before them.
        await flush();
        if (text.length > 0) await send(text);
        return;
      }
      // Flushed first rather than joined past 2 × CHUNK: the flat copy encoded stays an ordinary object.
      if (pending !== '' && pending.length + text.length > 2 * CHUNK) await flush();
      pending += text;
      if (pending.length >= CHUNK) await flush();
    },
    flush,
  };
}

/**
 * UTF-8 of `text` in a buffer made for it: one pass, where a stream given the string measures its
 * UTF-8 length first (Buffer.from) and then encodes it (a third less time on the bench's results).
 * The buffer is sized for text that is mostly one byte a unit, with Buffer.from for text that does
 * not fit. Sizing it for the worst case (three bytes a unit) made V8 count three times the output
 * as memory allocated outside the heap, and that count starts full collections: 41–43 of them on
 * the bench's 32 MB where there are now 33–34 (docs/scale.md).
 * Never a buffer used again: a stream may hold on to a chunk after its write (a PassThrough does,
 * until it is read); a file's sink, whose stream is done with a chunk when the write is, encodes
 * into one buffer of its own instead (buffered).
 */
export function utf8(text: string): Buffer {
  return encodedInto(Buffer.allocUnsafeSlow(text.length + (text.length >> 3) + 8), text) ?? Buffer.from(text);
}

/** The UTF-8 of `text` written at the start of `bytes`, or undefined when it may not all fit. */
function encodedInto(bytes: Buffer, text: string): Buffer | undefined {
  const written = bytes.write(text);
  // write stops before a character that does not fit, and none takes more than 4 bytes.
  return bytes.length - written >= 4 ? bytes.subarray(0, written) : undefined;
}

/** Exit status when the reader of stdout has gone away, as a tool killed by SIGPIPE reports it. */
export const BROKEN_PIPE_EXIT = 141;

/**
 * `etcscore score … | head`: once the reader closes the pipe there is nobody to write for. Stop at
 * once and quietly, as Unix tools do, instead of failing on the next write with a stack trace. Any
 * other write error (a full disk, an I/O error) is one line on stderr and exit 2: partial output
 * files are removed, and nothing of the program's source or stack is shown.
 */
export function exitWhenReaderGoes(stdout: Writable, exit: (code: number) => void = (code) => process.exit(code), stderr: Writable = process.stderr): void {
  // stderr that cannot be written (a full disk, a closed pipe) has nobody to tell: the run goes
  // on, and its exit code still says how it went (an unhandled error would make it 1 and crash).
  stderr.on('error', () => {});
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') return exit(BROKEN_PIPE_EXIT);
    interruption.requested = true; // nothing more goes to stdout
    for (const abort of activeSinks) abort();
    stderr.write(`etcscore: cannot write to stdout: ${err.code ?? err.message}\n`);
    exit(2);
  });
}

/** Set by the signal handlers: from then on nothing new is written to stdout. */
export const interruption = { requested: false };

export function stdoutSink(stdout: Writable): Sink {
  const b = buffered(stdout);
  // Chunks hold whole records; once interrupted, no new chunk starts, so the stream ends on a whole line.
  return {
    write: (text) => (interruption.requested ? Promise.resolve() : b.write(text)),
    close: () => (interruption.requested ? Promise.resolve() : b.flush()),
    abort: () => {},
  };
}

/**
 * Whether -o names something written to in place rather than replaced: a terminal, /dev/null or a
 * FIFO is written to as it is (a temporary file renamed over it would replace the device with a
 * plain file). A socket, a directory or a block device is refused.
 */
export function isWrittenInPlace(target: string, stat: Stats | undefined): boolean {
  if (!stat || stat.isFile()) return false;
  if (stat.isCharacterDevice() || stat.isFIFO()) return true;
  const what = stat.isDirectory() ? 'a directory' : stat.isSocket() ? 'a socket' : stat.isBlockDevice() ? 'a block device' : 'not a file';
  throw new UsageError(`cannot write ${target}: it is ${what}`);
}

/**
 * Writes to a temporary file beside the target and renames it into place only when complete. A
 * device or a FIFO (/dev/null, /dev/stdout, a named pipe) is written to in place: renaming a file
 * over it would replace it.
 */
export function fileSink(target: string): Sink {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (isWrittenInPlace(target, stat)) {
    // A terminal named by -o (/dev/tty, /dev/stdout on one) is read by a person as stdout on one
    // is, and guarded the same way. Opened here to ask: a device opens at once (a FIFO would wait).
    const fd = stat!.isCharacterDevice() ? openSync(target, 'w') : undefined;
    const raw = fd === undefined ? createWriteStream(target, { flags: 'w' }) : createWriteStream(target, { fd });
    const stream = streamSink(fd !== undefined && isatty(fd) ? guarded(raw) : raw, target);
    return { ...stream, abort: () => stream.stream.destroy() };
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const stream = streamSink(createWriteStream(tmp, { flags: 'wx' }), target);
  let done = false;
  const abort = () => {
    if (done) return;
    done = true;
    stream.stream.destroy();
    rmSync(tmp, { force: true }); // synchronous: this also runs from a signal handler
  };
  activeSinks.add(abort);
  return {
    write: stream.write,
    async close() {
      await stream.close();
      // Still abortable during the rename: a signal then leaves the target either renamed
      // (complete) or untouched, and the temp file gone either way.
      await fs.rename(tmp, target);
      done = true;
      activeSinks.delete(abort);
    },
    abort,
  };
}

/** Buffered writes to a file stream, whose errors (no such directory, disk full) surface as this command's error, not a crash. */
function streamSink(stream: WriteStream, target: string): Pick<Sink, 'write' | 'close'> & { stream: WriteStream } {
  let failure: Error | undefined;
  stream.on('error', (err) => (failure ??= err));
  const check = () => {
    if (failure) throw new Error(`cannot write ${target}: ${(failure as NodeJS.ErrnoException).code ?? failure.message}`);
  };
  const b = buffered(stream, true);
  return {
    stream,
    async write(text) {
      check();
      await b.write(text);
    },
    async close() {
      check();
      await b.flush();
      await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    },
  };
}

/** Partial outputs to remove if the process is interrupted. */
export const activeSinks = new Set<() => void>();
