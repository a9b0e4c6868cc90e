// A configuration found by looking upward can sit in a folder other people write to (/tmp, a team
// share, a home folder above the work), and it switches rules off and adds phrases: a file planted
// there would quietly change the scores of whoever works below it. So, as git does for a
// repository (safe.directory), a file the search finds is used only when it is the user's own and
// only they can write it. A file named with --config is the user's explicit choice and is always
// read. Root is held to the same rule: its own files only, since a file another user owns is one
// that user can change under root's runs. On Windows (no process.getuid) nothing is checked: it
// has no owner and mode bits to go by.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { LIMITS, configTooLarge } from '../limits.js';
import { forTerminal } from '../../report/terminal.js';

/** A found file the search stopped at without using it, and why. */
export interface SkippedConfig {
  /** Its absolute path. */
  file: string;
  why: string;
}

/**
 * Why a found file may not be used, or undefined when it may. `link` is the directory entry's own
 * status (a symbolic link planted by someone else, even to one of the user's files, is theirs);
 * `target` the file read. `uid` undefined (Windows): nothing to check.
 */
export function whyNotTrusted(link: Stats, target: Stats, uid: number | undefined): string | undefined {
  if (uid === undefined) return undefined;
  if (link.isSymbolicLink() && link.uid !== uid) return `it is a link made by another user (uid ${link.uid})`;
  if (target.uid !== uid) return `it belongs to another user (uid ${target.uid})`;
  const group = (target.mode & 0o020) !== 0;
  const others = (target.mode & 0o002) !== 0;
  if (group || others) return `it can be written by ${group && others ? 'its group and others' : group ? 'its group' : 'others'}`;
  return undefined;
}

/**
 * The text of a file the search found, or why it was skipped. The checks are made on the open
 * file (fstat), so the file read is the file checked; opened without blocking, so a FIFO put in
 * its place after the search cannot hang the run.
 */
export function readFound(file: string, uid: number | undefined = process.getuid?.()): { text: string } | { skipped: SkippedConfig } {
  let fd: number;
  try {
    fd = openSync(file, uid === undefined ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    // Another user's file that this user may not even read is skipped like one they could.
    const link = lstatSync(file, { throwIfNoEntry: false });
    const target = statSync(file, { throwIfNoEntry: false });
    const why = link && target ? whyNotTrusted(link, target, uid) : undefined;
    if (why) return { skipped: { file, why } };
    throw err;
  }
  try {
    const target = fstatSync(fd);
    const why = target.isFile() ? whyNotTrusted(lstatSync(file), target, uid) : 'it is not a regular file';
    if (why) return { skipped: { file, why } };
    return { text: readConfigText(fd) };
  } finally {
    closeSync(fd);
  }
}

/** How long a configuration read from a pipe waits for its writer, in all, and between two looks. */
const PIPE_WAIT_MS = 10_000;
const PIPE_POLL_MS = 10;
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * A configuration's text from an open file, up to LIMITS.configBytes: more (a device that never
 * ends, `--config /dev/zero`, or a file of gigabytes) throws, where reading it whole would abort
 * the process on an allocation that fails.
 */
export function readConfigText(fd: number): string {
  const chunks: Buffer[] = [];
  let total = 0;
  let waited = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      // Opened without blocking, a pipe whose writer has not written yet says so: wait a little.
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      if (waited >= PIPE_WAIT_MS) throw new Error(`nothing came through it in ${PIPE_WAIT_MS / 1000} s`, { cause: err });
      Atomics.wait(PAUSE, 0, 0, PIPE_POLL_MS);
      waited += PIPE_POLL_MS;
      continue;
    }
    // A named pipe opened without blocking ends at once when no one has it open to write.
    if (n === 0 && total === 0 && fstatSync(fd).isFIFO()) throw new Error('nothing came through it (a pipe with no writer)');
    if (n === 0) break;
    total += n;
    if (total > LIMITS.configBytes) throw new Error(configTooLarge());
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/** The one-line note that says a found file was skipped, why, and how to use it anyway. */
export function skippedNote(skipped: SkippedConfig, name: (file: string) => string = (f) => f): string {
  // One line whatever the folder's name holds (a line break, a control sequence), masked first by `name`.
  const file = forTerminal(name(skipped.file), { oneLine: true });
  return `etcscore: not using ${file}: ${skipped.why}; a configuration found by the search from the working folder up must be yours and writable only by you (to use it anyway: --config ${file})`;
}
