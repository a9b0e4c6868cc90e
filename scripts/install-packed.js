// The package as a user gets it: `npm pack` of this checkout, installed into a project of its own,
// so that what runs is only what the package ships. For test/package.test.ts and `npm run bench`.
//
// Offline: `npm install -g tarball` would ask the registry about every dependency, which npm ci
// never did. So the project gets a lock file naming the versions this checkout's lock file pins,
// and `npm ci --offline` takes them from the npm cache that npm ci filled.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function npm(args, cwd) {
  // npm is a .cmd file on Windows, which node starts only through a shell.
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
}

/**
 * Packs the package into `dir` without building it again (`dist/` must be built) and installs it
 * in `dir/project`. Returns the command npm linked, the installed package's folder, and what
 * `npm pack` reported: the tarball, its `unpackedSize` in bytes and its `files`.
 */
export function installPacked(dir) {
  const [pack] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root));
  const project = path.join(dir, 'project');
  mkdirSync(project);
  const tarball = `file:../${pack.filename}`;
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const own = lock.packages[''];
  const packages = {
    '': { name: 'etcscore-installed', dependencies: { etcscore: tarball } },
    'node_modules/etcscore': { version: own.version, resolved: tarball, dependencies: own.dependencies, bin: own.bin, engines: own.engines },
  };
  // etcscore's dependencies sit where the checkout has them (node_modules/…), so their entries
  // carry over as they are; development-only ones are left out, as a user's install leaves them.
  for (const [at, entry] of Object.entries(lock.packages)) if (at && !entry.dev && !entry.devOptional) packages[at] = entry;
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'etcscore-installed', private: true, dependencies: { etcscore: tarball } }));
  writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify({ name: 'etcscore-installed', lockfileVersion: 3, requires: true, packages }));
  npm(['ci', '--offline', '--no-audit', '--no-fund'], project);
  const bin = path.join(project, 'node_modules', '.bin', process.platform === 'win32' ? 'etcscore.cmd' : 'etcscore');
  return { bin, packageDir: path.join(project, 'node_modules', 'etcscore'), pack };
}
