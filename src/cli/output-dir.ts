// Checked before an -o file is opened: a missing or read-only directory becomes a usage error
// (exit 2, one line on stderr) instead of a stream error after the work is done.
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from './exit.js';

export async function assertWritableDir(target: string): Promise<void> {
  const dir = path.dirname(target);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`cannot write ${target}: ${dir} is not a directory`);
  await fs.access(dir, constants.W_OK).catch(() => {
    throw new UsageError(`cannot write ${target}: ${dir} is not writable`);
  });
}
