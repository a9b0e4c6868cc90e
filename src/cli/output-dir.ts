// Checked before an -o file is opened: a missing or read-only directory, a target that is no file
// to write (a socket, a directory), or one of the run's own inputs becomes a usage error (exit 2,
// one line on stderr) instead of a stream error after the work is done, or an input overwritten.
import { constants, fstat, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from './exit.js';
import { STDIN, isWrittenInPlace } from './io.js';

export async function assertWritableDir(target: string): Promise<void> {
  const dir = path.dirname(target);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`cannot write ${target}: ${dir} is not a directory`);
  await fs.access(dir, constants.W_OK).catch(() => {
    throw new UsageError(`cannot write ${target}: ${dir} is not writable`);
  });
}

/**
 * Every check of an -o target before anything is read or written; `inputs` as the user named them,
 * `stdinFd` the descriptor "-" reads (so that `-o /dev/stdin` or a FIFO that is also stdin is
 * refused: the output would be written into the input, and lost or read back).
 */
export async function assertOutput(target: string, inputs: readonly string[], cwd: string, stdinFd?: number): Promise<void> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (!isWrittenInPlace(target, stat)) await assertWritableDir(target);
  // A new file cannot be one of the inputs; a terminal or /dev/null can be both, harmlessly.
  if (!stat || stat.isCharacterDevice()) return;
  for (const input of inputs) {
    const other = input === STDIN ? (stdinFd === undefined ? undefined : await fstatOf(stdinFd)) : await fs.stat(path.resolve(cwd, input)).catch(() => undefined);
    // The same file by any name (a link, "./x", a hard link): same device and inode.
    if (other && other.dev === stat.dev && other.ino === stat.ino) {
      throw new UsageError(`cannot write ${target}: it is the input ${input === STDIN ? '- (stdin)' : input}, which the output would ${stat.isFIFO() ? 'feed' : 'replace'}`);
    }
  }
}

function fstatOf(fd: number): Promise<Stats | undefined> {
  return new Promise((resolve) => fstat(fd, (err, stats) => resolve(err ? undefined : stats)));
}
