#!/usr/bin/env node
// Builds the start-up snapshot that bin/etcscore starts from (run by `npm run build`, after tsc):
//   1. esbuild bundles dist/cli/snapshot.js and everything it imports into one CommonJS file,
//      since a snapshot's entry may only require node's built-in modules;
//   2. `node --build-snapshot` runs it, warming up on fixtures/samples, and writes the blob;
//   3. a stamp records which node binary and which install the blob belongs to.
// A snapshot only fits the node binary that made it; bin/etcscore checks the stamp and otherwise
// starts from bin/etcscore.js. So a failure here warns and leaves no snapshot: slower, never wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const out = path.join(dist, 'snapshot');
const bundle = path.join(out, 'etcscore.cjs');
const blob = path.join(out, 'etcscore.blob');
const stamp = path.join(out, 'stamp');
const samples = path.join(root, 'fixtures', 'samples');

/**
 * The compiled modules find files next to themselves through import.meta.url, which a CommonJS
 * bundle does not have: `createRequire(import.meta.url)('x')` becomes `require('x')`, which esbuild
 * then bundles, and any other import.meta.url becomes the file's own URL in dist/ (bin/etcscore
 * checks that the install has not moved since).
 */
const ownUrls = {
  name: 'own-urls',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(dist)) return undefined;
      const text = readFileSync(args.path, 'utf8')
        .replace(/\bconst require = createRequire\(import\.meta\.url\);/g, '')
        .replace(/\bcreateRequire\(import\.meta\.url\)\(/g, 'require(')
        .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href));
      return { contents: text, loader: 'js' };
    });
  },
};

function fail(message) {
  rmSync(out, { recursive: true, force: true });
  process.stderr.write(`snapshot: not built (${message}); etcscore will start without it, about twice as slowly\n`);
  process.exit(0);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let esbuild;
try {
  esbuild = await import('esbuild');
} catch (err) {
  fail(`esbuild is not installed: ${err.message}`);
}
try {
  await esbuild.build({
    entryPoints: [path.join(dist, 'cli', 'snapshot.js')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [ownUrls],
    logLevel: 'silent',
    // V8 keeps the source text in the heap, so every start deserialises it: without the white space
    // the blob is 0.45 MB smaller. Names stay, for readable errors.
    minifyWhitespace: true,
  });
} catch (err) {
  fail(`bundling failed: ${err.message}`);
}
const left = readFileSync(bundle, 'utf8').match(/import\.meta|createRequire\(/);
if (left) fail(`the bundle still uses ${left[0]}`);

const warm = readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(samples, f));
// Without NODE_OPTIONS: node refuses a snapshot whose V8 options differ from the run's, and
// bin/etcscore only starts from it when NODE_OPTIONS is empty.
const env = { ...process.env };
delete env.NODE_OPTIONS;
const built = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle, ...warm], { cwd: root, env, encoding: 'utf8' });
// Node warns that it has not verified some built-in modules (tty, readline, child_process) in
// snapshots; they are loaded but not used at build time, and test/cli/snapshot.test.ts checks
// every command against a plain start.
const errors = built.stderr.split('\n').filter((l) => l.trim() && !/not yet fully verified|may still work|may be out-of-sync|issue tracker|--trace-warnings/.test(l));
if (built.status !== 0 || !existsSync(blob)) fail(`node --build-snapshot exited ${built.status}: ${errors.join(' ').slice(0, 500)}`);
if (errors.length) process.stderr.write(`snapshot: ${errors.join('\n')}\n`);

// What bin/etcscore compares: the node binary, by what `stat -L -c %d:%i:%s:%Y` prints for it (an
// upgrade in place is a new file; a package manager may keep an old mtime), and the bin directory.
const node = statSync(process.execPath);
const nodeId = [node.dev, node.ino, node.size, Math.floor(node.mtimeMs / 1000)].join(':');
writeFileSync(stamp, `${nodeId}\n${realpathSync(path.join(root, 'bin'))}\n`);
