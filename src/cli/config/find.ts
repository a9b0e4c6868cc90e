// Which configuration file is in effect. Like eslint's and cspell's: the working directory, then
// each folder above it up to the root; the first folder that has one wins, so a project's file
// beats one in the home folder. Within one folder the order is fixed (CONFIG_FILES) and documented.
import { statSync } from 'node:fs';
import path from 'node:path';

/** The names looked for, in the order they are tried in each folder. */
export const CONFIG_FILES = ['.etcscorerc.yaml', '.etcscorerc.yml', '.etcscorerc.json'] as const;

/** The absolute path of the first configuration file found from `cwd` upward, if any. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = path.join(dir, name);
      // A folder of that name is not a config file: look on.
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** How a found file is named in messages: relative to the working directory, as a user would type it. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || path.isAbsolute(relative) ? file : relative;
}
