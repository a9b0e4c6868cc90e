// Checked before an -o file is opened: a missing or read-only directory, a target that is no file
// to write (a socket, a directory), or one of the run's own inputs becomes a usage error (exit 2,
// one line on stderr) instead of a stream error after the work is done, or an input overwritten.
import { constants, promises as fs } from 'node:fs';
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

/** Every check of an -o target before anything is read or written; `inputs` as the user named them. */
export async function assertOutput(target: string, inputs: readonly string[], cwd: string): Promise<void> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (isWrittenInPlace(target, stat)) return;
  await assertWritableDir(target);
  if (!stat) return; // a new file cannot be one of the inputs
  for (const input of inputs) {
    if (input === STDIN) continue;
    const other = await fs.stat(path.resolve(cwd, input)).catch(() => undefined);
    // The same file by any name (a link, "./x", a hard link): same device and inode.
    if (other && other.dev === stat.dev && other.ino === stat.ino) {
      throw new UsageError(`cannot write ${target}: it is the input ${input}, which the output would replace`);
    }
  }
}
