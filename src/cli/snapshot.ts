// The entry of the V8 start-up snapshot that `npm run build` makes (scripts/snapshot.js). The
// snapshot holds every command already loaded and the analysis already run once on each warm-up
// transcript, so its patterns are compiled and its automata have their common states: `coach` on
// one call then starts in about half the time (issue 7). bin/etcscore starts from the snapshot when
// it was built by the node that runs it, and from bin/etcscore.js otherwise; both run `main`.
//
// Only what is the same on every run may be done here: nothing may read the environment, the
// terminal or the time, since whatever it found would be frozen into every later start.
import { Readable, Writable } from 'node:stream';
import v8 from 'node:v8';
import { exitWhenReaderGoes } from './io.js';
import { installSignalHandlers, main } from './main.js';
import { forgetSharedFeatures } from '../nlp/features.js';

/** Output that goes nowhere: the warm-up's runs are for their side effects on the caches. */
function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

/** Runs `coach` on each warm-up file, `score` on all of them and `rules`; any failure stops the build. */
async function warmUp(files: readonly string[]): Promise<void> {
  // Not process.stdin: opening it here would freeze a handle on the build's own stdin.
  const stdin = new Readable({ read: () => stdin.push(null) });
  const io = { stdin, stdout: discard(), stderr: discard(), env: {}, cwd: process.cwd() };
  const runs = [...files.map((f) => ['coach', f]), ['score', '--format', 'ndjson', '--jobs', '1', ...files], ['rules', '--format', 'json']];
  for (const argv of runs) {
    const code = await main(argv, io);
    if (code !== 0) throw new Error(`snapshot warm-up: etcscore ${argv.join(' ')} exited ${code}`);
  }
  // Keep what helps any later call (compiled patterns, automaton states, stems), not the samples'
  // own turns: ~2 MB that every start would deserialise and no real call would hit.
  forgetSharedFeatures();
}

if (v8.startupSnapshot.isBuildingSnapshot()) {
  warmUp(process.argv.slice(2)).catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    installSignalHandlers();
    exitWhenReaderGoes(process.stdout);
    // Started as `node --snapshot-blob <blob> -- <args>`: no script name in argv.
    main(process.argv.slice(1)).then((code) => (process.exitCode = code));
  });
}
