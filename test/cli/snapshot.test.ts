// bin/etcscore starts node from the start-up snapshot that `npm run build` makes. Every command
// must then behave exactly as the plain start (bin/etcscore.js) does: output, errors and exit code.
// The launcher must also fall back to the plain start whenever the snapshot is not its own.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKERS_ENV, WORKERS_FROM, writeBatch } from '../helpers/batch.js';
import { BIN, LAUNCHER, ROOT } from '../helpers/bin.js';

const SNAPSHOT = path.join(ROOT, 'dist', 'snapshot');
/** This environment without NODE_OPTIONS, which would make bin/etcscore skip the snapshot. */
const ENV: NodeJS.ProcessEnv = { ...process.env };
delete ENV.NODE_OPTIONS;
// --redact's tags are keyed at random per run: both starts get the same key to compare them.
const REDACT_KEY = { ETCSCORE_REDACT_KEY: 'one key for both starts' };
const SAMPLE = path.join('fixtures', 'samples', 'call-0001-airline-minor-policy-wall.txt');

function plain(args: string[], o: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: o.cwd ?? ROOT, env: { ...process.env, ...REDACT_KEY, ...o.env }, input: o.input, encoding: 'utf8', maxBuffer: 1 << 28 });
}
function launched(args: string[], o: { cwd?: string; input?: string; launcher?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(o.launcher ?? LAUNCHER, args, { cwd: o.cwd ?? ROOT, env: { ...ENV, ...REDACT_KEY, ...o.env }, input: o.input, encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** What the launcher exec'd: node's command line, once the shell has handed over to it. */
async function startedAs(launcher: string, args: string[], env: NodeJS.ProcessEnv = ENV): Promise<{ cmdline: string; stdout: string; code: number | null }> {
  const child = spawn(launcher, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  let cmdline = '';
  // `coach -` waits for stdin, so node is still there to be looked at.
  for (let i = 0; i < 2000 && !/--snapshot-blob|etcscore\.js/.test(cmdline); i++) {
    cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').join(' ');
    await new Promise((r) => setTimeout(r, 5));
  }
  child.stdin.end(readFileSync(path.join(ROOT, SAMPLE)));
  const code = await closed;
  return { cmdline, stdout, code };
}

describe('the snapshot', () => {
  it('is built by npm run build, for this node and this install', () => {
    expect(existsSync(path.join(SNAPSHOT, 'etcscore.blob'))).toBe(true);
    const [node, bin] = readFileSync(path.join(SNAPSHOT, 'stamp'), 'utf8').split('\n');
    const s = statSync(process.execPath);
    expect(node).toBe(`${s.dev}:${s.ino}:${s.size}:${Math.floor(s.mtimeMs / 1000)}`);
    expect(bin).toBe(realpathSync(path.join(ROOT, 'bin')));
  });

  const canSee = existsSync('/proc/self/cmdline');
  it.runIf(canSee)('is what bin/etcscore starts from', async () => {
    const r = await startedAs(LAUNCHER, ['coach', '-']);
    expect(r.cmdline).toContain('--snapshot-blob');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(plain(['coach', '-'], { input: readFileSync(path.join(ROOT, SAMPLE), 'utf8') }).stdout);
  });

  it.runIf(canSee)('is not used under NODE_OPTIONS, which can hold V8 options node would refuse it for', async () => {
    const r = await startedAs(LAUNCHER, ['coach', '-'], { ...ENV, NODE_OPTIONS: '--max-old-space-size=4096' });
    expect(r.cmdline).toContain('etcscore.js');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('call-0001');
  });
});

describe('bin/etcscore from the snapshot behaves as bin/etcscore.js', () => {
  let tmp: string;
  let results: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'etcscore-snapshot-'));
    results = path.join(tmp, 'results.ndjson');
    writeFileSync(results, plain(['score', 'fixtures/samples', '--format', 'ndjson']).stdout);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const cases: Array<[string, () => string[], string?]> = [
    ['--version', () => ['--version']],
    ['--help', () => ['--help']],
    ['an unknown command', () => ['grade', SAMPLE]],
    ['coach of one call', () => ['coach', SAMPLE]],
    ['coach of stdin', () => ['coach', '-'], SAMPLE],
    ['score of the samples', () => ['score', 'fixtures/samples', '--format', 'ndjson', '--findings']],
    ['score of broken and odd formats (exit 2)', () => ['score', 'fixtures/formats', '--format', 'ndjson']],
    ['score as csv', () => ['score', 'fixtures/samples', '--format', 'csv', '--findings']],
    ['score as html', () => ['score', 'fixtures/samples', '--format', 'html']],
    ['score with --redact and --fail-under', () => ['score', 'fixtures/samples', '--redact', '--fail-under', '50']],
    ['rules as markdown', () => ['rules', '--format', 'markdown']],
    ['report of results', () => ['report', results, '--by', 'team', '--format', 'json']],
  ];
  it.each(cases)('%s', (_name, args, stdinFile) => {
    const input = stdinFile ? readFileSync(path.join(ROOT, stdinFile), 'utf8') : undefined;
    const a = plain(args(), { input });
    const b = launched(args(), { input });
    expect(b.stderr).toBe(a.stderr);
    expect(b.status).toBe(a.status);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout.length + a.stderr.length).toBeGreaterThan(0);
  });

  it('scores on worker threads with --jobs 2', () => {
    const dir = writeBatch(WORKERS_FROM + 5e5);
    try {
      const a = plain(['score', 'calls', '--format', 'ndjson', '--jobs', '2'], { cwd: dir, env: WORKERS_ENV });
      const b = launched(['score', 'calls', '--format', 'ndjson', '--jobs', '2'], { cwd: dir, env: WORKERS_ENV });
      expect(b.stdout.length).toBeGreaterThan(WORKERS_FROM);
      expect(b.stdout).toBe(a.stdout);
      expect(b.stderr).toBe(a.stderr);
      expect(b.status).toBe(a.status);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.runIf(existsSync('/proc/self/cmdline'))('bin/etcscore falls back to the plain start', () => {
  // A copy of the install: its own bin/ and dist/, the same node_modules.
  let copy: string;
  let launcher: string;
  let stamp: string;
  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'etcscore-install-'));
    for (const d of ['bin', 'dist', 'package.json']) cpSync(path.join(ROOT, d), path.join(copy, d), { recursive: true, preserveTimestamps: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    launcher = path.join(copy, 'bin', 'etcscore');
    stamp = path.join(copy, 'dist', 'snapshot', 'stamp');
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));
  /** The install's own stamp, with the copy's bin directory. */
  const ownStamp = () => writeFileSync(stamp, `${readFileSync(path.join(SNAPSHOT, 'stamp'), 'utf8').split('\n')[0]}\n${realpathSync(path.join(copy, 'bin'))}\n`);

  it('when the install has moved since the snapshot was made', async () => {
    const r = await startedAs(launcher, ['coach', '-']);
    expect(r.cmdline).toContain(path.join(copy, 'bin', 'etcscore.js'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('call-0001');
  });

  it('when the snapshot was made by another node binary', async () => {
    writeFileSync(stamp, `1:2:3:4\n${realpathSync(path.join(copy, 'bin'))}\n`);
    expect((await startedAs(launcher, ['coach', '-'])).cmdline).not.toContain('--snapshot-blob');
    ownStamp();
    expect((await startedAs(launcher, ['coach', '-'])).cmdline).toContain('--snapshot-blob'); // the copy's own
  });

  it('when the code was compiled again after the snapshot', async () => {
    ownStamp();
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(copy, 'dist', 'cli', 'main.js'), later, later);
    const r = await startedAs(launcher, ['coach', '-']);
    expect(r.cmdline).not.toContain('--snapshot-blob');
    expect(r.stdout).toBe(launched(['coach', SAMPLE]).stdout.replace(SAMPLE, '<stdin>'));
  });

  it('when there is no snapshot', () => {
    rmSync(path.join(copy, 'dist', 'snapshot'), { recursive: true, force: true });
    const r = launched(['coach', SAMPLE], { launcher });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(plain(['coach', SAMPLE]).stdout);
  });
});
