// What the file system and the size of an input can do to a run: -o onto a device, a FIFO, a socket
// or one of the inputs; unreadable folders and symbolic links in a batch; inputs over the documented
// limits (LIMITS), endless ones included; a write error on stdout; --jobs far past the cores; a
// results file with a record that cannot be rolled up.
import { spawn, spawnSync } from 'node:child_process';
import { promises as fsp, closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../src/cli/limits.js';
import { ConfigError, configuredRules } from '../../src/index.js';
import { BIN } from '../helpers/bin.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
const CALL = 'Agent: Thanks for calling, how can I help?\nCustomer: My order never came.\nAgent: I am sorry. I will refund it today.\n';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-hostile-'));
  writeFileSync(path.join(dir, 'good.txt'), CALL);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l) as { type?: string; source: string; message?: string });

/** Runs the built CLI as a child process, with stdin and stdout as given. */
function bin(args: string[], o: { stdout?: number | 'pipe'; stderr?: number | 'pipe'; stdin?: 'pipe' | 'ignore' } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: [o.stdin ?? 'ignore', o.stdout ?? 'pipe', o.stderr ?? 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

describe('-o cannot be turned against the user', () => {
  it('writes to a device in place: /dev/null stays a device', async () => {
    const r = await runCli(['score', 'good.txt', '--format', 'ndjson', '-o', '/dev/null'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes to a FIFO in place: its reader gets the results and it stays a FIFO', async () => {
    const fifo = path.join(dir, 'results.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = fsp.readFile(fifo, 'utf8'); // opens the FIFO for reading, so the writer can open it
    const r = await runCli(['score', 'good.txt', '--format', 'ndjson', '-o', fifo], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lines(await reader)[0]!.source).toBe('good.txt');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a socket, and leaves it be', async () => {
    const sock = path.join(dir, 'results.sock');
    const server = createServer().listen(sock);
    await new Promise((r) => server.once('listening', r));
    try {
      const r = await runCli(['score', 'good.txt', '--format', 'ndjson', '-o', sock], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('it is a socket');
      expect(lstatSync(sock).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });

  // --format where the input's extension names no output format (-o would be refused for that first).
  it.each([
    ['score', (input: string) => ['score', input, '--format', 'ndjson', '-o', input]],
    ['score, through a link to the input', (input: string) => ['score', input, '--format', 'ndjson', '-o', 'link-to-input']],
    ['a folder that holds the output', (_input: string) => ['score', '.', '--format', 'ndjson', '-o', 'good.txt']],
    ['coach', (input: string) => ['coach', input, '-o', input]],
    ['report', (_input: string) => ['report', 'results.ndjson', '--format', 'json', '-o', 'results.ndjson']],
  ])('refuses to overwrite one of its inputs (%s)', async (_name, argv) => {
    const input = path.join(dir, 'good.txt');
    writeFileSync(path.join(dir, 'results.ndjson'), '');
    rmSync(path.join(dir, 'link-to-input'), { force: true });
    symlinkSync(input, path.join(dir, 'link-to-input'));
    const r = await runCli(argv('good.txt'), { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/it is the input .*, which the output would replace/);
    expect(readFileSync(input, 'utf8')).toBe(CALL);
    rmSync(path.join(dir, 'link-to-input'));
    rmSync(path.join(dir, 'results.ndjson'));
  });

  it('refuses to write into its own input when that is stdin or a FIFO (-o /dev/stdin, a FIFO named twice)', async () => {
    // stdin a pipe (a shell's: node's own child pipes are sockets, refused anyway): the output
    // would go into the pipe it reads, lost or read back as input.
    const piped = spawnSync('sh', ['-c', `cat good.txt | "${process.execPath}" "${BIN}" score - --format ndjson -o /dev/stdin`], { cwd: dir, encoding: 'utf8' });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toBe('etcscore: cannot write /dev/stdin: it is the input - (stdin), which the output would feed\n');
    // A FIFO as input and -o: refused before it is opened (opening it would wait for a writer).
    const fifo = path.join(dir, 'both.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await runCli(['score', 'both.fifo', '--input-format', 'text', '--format', 'ndjson', '-o', 'both.fifo'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/it is the input both\.fifo, which the output would feed/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    // /dev/null as both stdin and -o is harmless, and allowed.
    expect((await bin(['score', '-', '--format', 'ndjson', '-o', '/dev/null'], { stdin: 'ignore' }).done).code).toBe(2); // nothing to score
  });
});

describe('a batch walks folders it cannot read, and symbolic links, without losing anything silently', () => {
  it('follows linked folders and files once each, ends a link loop, and reports a broken link', async () => {
    const tree = path.join(dir, 'tree');
    mkdirSync(path.join(tree, 'real'), { recursive: true });
    mkdirSync(path.join(tree, 'links'));
    writeFileSync(path.join(tree, 'real', 'call.txt'), CALL);
    symlinkSync('../real', path.join(tree, 'links', 'folder')); // a linked folder
    symlinkSync('..', path.join(tree, 'real', 'up')); // a loop: real/up/real/up/…
    symlinkSync('../real/call.txt', path.join(tree, 'links', 'same.txt')); // the same file again
    symlinkSync('nowhere.txt', path.join(tree, 'links', 'broken.txt'));
    const r = await runCli(['score', 'tree', '--format', 'ndjson'], { cwd: dir });
    const records = lines(r.stdout);
    expect(records.filter((x) => x.type !== 'error').map((x) => x.source)).toEqual([path.join('tree', 'links', 'folder', 'call.txt')]);
    expect(records.filter((x) => x.type === 'error')).toEqual([{ type: 'error', source: path.join('tree', 'links', 'broken.txt'), line: 1, message: 'cannot read: no such file' }]);
    expect(r.code).toBe(2);
  });

  it('reports a link loop and a broken link to a folder, named like a transcript or with no extension', async () => {
    const tree = path.join(dir, 'loops');
    mkdirSync(tree);
    writeFileSync(path.join(tree, 'call.txt'), CALL);
    symlinkSync('self.vtt', path.join(tree, 'self.vtt')); // a link to itself
    symlinkSync('b.txt', path.join(tree, 'a.txt')); // two links to each other
    symlinkSync('a.txt', path.join(tree, 'b.txt'));
    symlinkSync('calls', path.join(tree, 'calls')); // a folder link to itself
    symlinkSync('gone', path.join(tree, 'archive')); // a folder of calls that was moved
    symlinkSync('gone.doc', path.join(tree, 'notes.doc')); // not a transcript: not ours to report
    const r = await runCli(['score', 'loops', '--format', 'ndjson'], { cwd: dir });
    const records = lines(r.stdout);
    expect(records.filter((x) => x.type !== 'error').map((x) => x.source)).toEqual([path.join('loops', 'call.txt')]);
    const errors = records.filter((x) => x.type === 'error').map((x) => [x.source, x.message]);
    const loop = 'cannot read: a loop of symbolic links';
    expect(errors).toEqual([
      [path.join('loops', 'a.txt'), loop],
      [path.join('loops', 'archive'), 'cannot read: no such file'],
      [path.join('loops', 'b.txt'), loop],
      [path.join('loops', 'calls'), loop],
      [path.join('loops', 'self.vtt'), loop],
    ]);
    expect(r.code).toBe(2);
  });

  it('reports a sub-folder it cannot list as an error record, and scores the rest (simulated: tests run as root)', async () => {
    const tree = path.join(dir, 'locked-tree');
    mkdirSync(path.join(tree, 'locked'), { recursive: true });
    writeFileSync(path.join(tree, 'a.txt'), CALL);
    writeFileSync(path.join(tree, 'locked', 'b.txt'), CALL);
    // chmod 000 does not stop root, so the listing is refused here as the kernel would refuse it.
    const readdir = fsp.readdir;
    const spy = vi.spyOn(fsp, 'readdir').mockImplementation(((p: string, ...rest: unknown[]) =>
      String(p).endsWith(`${path.sep}locked`) ? Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })) : (readdir as (...a: unknown[]) => unknown)(p, ...rest)) as typeof fsp.readdir);
    try {
      const r = await runCli(['score', 'locked-tree', '--format', 'ndjson'], { cwd: dir });
      const records = lines(r.stdout);
      expect(records.find((x) => x.type !== 'error')!.source).toBe(path.join('locked-tree', 'a.txt'));
      const error = records.find((x) => x.type === 'error')!;
      expect(error.source).toBe(path.join('locked-tree', 'locked'));
      expect(error.message).toMatch(/^cannot read: /);
      expect(r.code).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });

  it.skipIf(process.getuid?.() === 0)('reports a sub-folder that chmod 000 locks (skipped as root: root reads it anyway)', async () => {
    const tree = path.join(dir, 'chmod-tree');
    mkdirSync(path.join(tree, 'locked'), { recursive: true });
    writeFileSync(path.join(tree, 'a.txt'), CALL);
    await fsp.chmod(path.join(tree, 'locked'), 0o000);
    try {
      const r = await runCli(['score', 'chmod-tree', '--format', 'ndjson'], { cwd: dir });
      expect(lines(r.stdout).map((x) => [x.source, x.message])).toEqual([
        [path.join('chmod-tree', 'a.txt'), undefined],
        [path.join('chmod-tree', 'locked'), 'cannot read: permission denied'],
      ]);
    } finally {
      await fsp.chmod(path.join(tree, 'locked'), 0o755);
    }
  });
});

// As root (CI runs as root) the real kernel refusal is still tried: the CLI runs as `nobody`.
const SETPRIV = '/usr/bin/setpriv';
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];
// …where `nobody` can read the project (a clone under a private folder cannot be, and is skipped).
const asRoot = process.getuid?.() === 0 && existsSync(SETPRIV) && spawnSync(SETPRIV, [...NOBODY, process.execPath, BIN, '--version']).status === 0;

describe.runIf(asRoot)('an unreadable sub-folder, read by an unprivileged user', () => {
  it('reports the folder chmod 000 locks, and scores the rest', async () => {
    const tree = mkdtempSync(path.join(tmpdir(), 'etcscore-locked-'));
    try {
      mkdirSync(path.join(tree, 'locked'));
      writeFileSync(path.join(tree, 'a.txt'), CALL);
      writeFileSync(path.join(tree, 'locked', 'b.txt'), CALL);
      await fsp.chmod(tree, 0o755);
      await fsp.chmod(path.join(tree, 'a.txt'), 0o644);
      await fsp.chmod(path.join(tree, 'locked'), 0o000);
      const r = spawnSync(SETPRIV, [...NOBODY, process.execPath, BIN, 'score', tree, '--format', 'ndjson'], { encoding: 'utf8' });
      expect(lines(r.stdout).map((x) => [x.source, x.message])).toEqual([
        [path.join(tree, 'a.txt'), undefined],
        [path.join(tree, 'locked'), 'cannot read: permission denied'],
      ]);
      expect(r.status).toBe(2);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});

// A named pipe waits for a writer that may never come: in a folder it is a trap that would stop the
// batch, and named on the command line it must not stop Ctrl-C (node cannot exit while one of its
// threads waits to open it).
describe('named pipes: a folder\'s are reported, a named one is read, and a signal still ends the run', () => {
  let pipes: string;
  beforeAll(() => {
    pipes = mkdtempSync(path.join(tmpdir(), 'etcscore-fifo-'));
    mkdirSync(path.join(pipes, 'calls'));
    writeFileSync(path.join(pipes, 'calls', 'a.txt'), CALL);
    expect(spawnSync('mkfifo', [path.join(pipes, 'calls', 'trap.txt'), path.join(pipes, 'named.txt')]).status).toBe(0);
    symlinkSync('trap.txt', path.join(pipes, 'calls', 'link-to-trap.vtt'));
  });
  afterAll(() => rmSync(pipes, { recursive: true, force: true }));
  const run = (args: string[]) => spawn(process.execPath, [BIN, ...args], { cwd: pipes, stdio: ['ignore', 'pipe', 'pipe'] });
  const finished = (child: ReturnType<typeof run>) => {
    let stdout = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout })));
  };

  it('a FIFO found in a folder (or linked from one) is an error record, never opened; the batch goes on', async () => {
    const r = await finished(run(['score', 'calls', '--format', 'ndjson']));
    expect(r.code).toBe(2);
    expect(lines(r.stdout).map((x) => [x.source, x.type === 'error' ? x.message : 'scored'])).toEqual([
      ['calls/a.txt', 'scored'],
      ['calls/link-to-trap.vtt', expect.stringContaining('not read: it is a FIFO, not a regular file')],
      ['calls/trap.txt', expect.stringContaining('not read: it is a FIFO, not a regular file')],
    ]);
  });

  it.each([['score', ['score', 'named.txt', '--format', 'ndjson']], ['coach', ['coach', 'named.txt']]])('%s reads a FIFO named on the command line once its writer comes', async (_what, args) => {
    const done = finished(run(args));
    await new Promise((r) => setTimeout(r, 300));
    await fsp.writeFile(path.join(pipes, 'named.txt'), CALL);
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('named.txt');
  });

  it.each([
    ['SIGTERM', 143, ['score', 'named.txt', '-o', 'out.ndjson']],
    ['SIGINT', 130, ['score', 'named.txt', '-o', 'out.ndjson']],
    ['SIGINT', 130, ['report', 'named.txt', '-o', 'out.json']],
  ] as const)('%s ends a run waiting for a FIFO\'s writer, as the shell reports it, and -o leaves nothing (%s, %s)', async (signal, status, args) => {
    const child = run([...args]);
    const done = finished(child);
    await new Promise((r) => setTimeout(r, 1500)); // started, and waiting to open the FIFO
    child.kill(signal);
    const r = await done;
    expect(r.signal ?? r.code).toBe(r.signal ? signal : status);
    expect(existsSync(path.join(pipes, args[3]))).toBe(false);
    expect(readdirSync(pipes).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 30_000);
});

describe('one unit over a limit is an error record naming the limit, and the batch goes on', () => {
  it(`a conversation of more than ${LIMITS.turns} turns`, async () => {
    writeFileSync(path.join(dir, 'many-turns.txt'), 'Agent: hi\nCustomer: ok\n'.repeat(LIMITS.turns / 2 + 1));
    const r = await runCli(['score', 'many-turns.txt', 'good.txt', '--format', 'ndjson'], { cwd: dir });
    const [error, good] = lines(r.stdout);
    expect(error).toMatchObject({ type: 'error', source: 'many-turns.txt', line: 1, message: `conversation has ${LIMITS.turns + 2} turns, more than the limit of ${LIMITS.turns}` });
    expect(good!.source).toBe('good.txt');
    expect(r.code).toBe(2);
  });

  it(`a transcript of more than ${LIMITS.lines} lines, in each format read as lines, before it is read`, async () => {
    // Tiny records cost a reader of lines a few hundred bytes each: a million "ok" lines took half
    // a gigabyte before the turn limit could be checked.
    const cue = (i: number, stamp: (s: number) => string) => `${stamp(i)} --> ${stamp(i + 1)}\n<v ${i % 2 ? 'Agent' : 'Customer'}>ok\n`;
    const clock = (sep: string) => (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}${sep}000`;
    const cues = LIMITS.lines / 3 + 1;
    writeFileSync(path.join(dir, 'many-lines.txt'), 'Customer: ok\n'.repeat(LIMITS.lines + 1));
    writeFileSync(path.join(dir, 'many-lines.vtt'), `WEBVTT\n\n${Array.from({ length: cues }, (_, i) => cue(i, clock('.'))).join('\n')}`);
    writeFileSync(path.join(dir, 'many-lines.srt'), Array.from({ length: cues }, (_, i) => `${i + 1}\n${cue(i, clock(','))}`).join('\n'));
    const r = await runCli(['score', 'many-lines.txt', 'many-lines.vtt', 'many-lines.srt', 'good.txt', '--format', 'ndjson'], { cwd: dir });
    const records = lines(r.stdout);
    for (const [i, source] of ['many-lines.txt', 'many-lines.vtt', 'many-lines.srt'].entries()) {
      expect(records[i]).toMatchObject({ type: 'error', source, line: LIMITS.lines + 1, message: expect.stringContaining(`more than ${LIMITS.lines} lines, the limit for a transcript read as lines`) });
    }
    expect(records[3]!.source).toBe('good.txt');
    expect(r.code).toBe(2);
    // coach reads one transcript the same way
    const coached = await runCli(['coach', 'many-lines.txt'], { cwd: dir });
    expect(coached.stderr).toContain(`many-lines.txt:${LIMITS.lines + 1}: more than ${LIMITS.lines} lines`);
    expect(coached.code).toBe(2);
  });

  it(`a turn of more than ${LIMITS.turnChars} characters, in a file of several conversations`, async () => {
    const records = [
      { id: 'a', turns: [{ role: 'agent', text: 'Hello' }, { role: 'customer', text: 'x'.repeat(LIMITS.turnChars + 1) }] },
      { id: 'b', turns: [{ role: 'agent', text: 'Hello' }, { role: 'customer', text: 'Thanks' }] },
    ];
    writeFileSync(path.join(dir, 'long-turn.json'), JSON.stringify(records));
    const r = await runCli(['score', 'long-turn.json', '--format', 'ndjson'], { cwd: dir });
    const [error, good] = lines(r.stdout);
    expect(error).toMatchObject({ type: 'error', source: 'long-turn.json#1', message: `turn 2 has ${LIMITS.turnChars + 1} characters, more than the limit of ${LIMITS.turnChars} per turn` });
    expect(good!.source).toBe('long-turn.json#2');
    expect(r.code).toBe(2);
  });

  it('an NDJSON line longer than the limit ends that input with an error; the records before it and the other inputs are scored', async () => {
    const good = JSON.stringify({ turns: [{ role: 'agent', text: 'Hello' }, { role: 'customer', text: 'Thanks' }] });
    writeFileSync(path.join(dir, 'long-line.ndjson'), `${good}\n${'x'.repeat(LIMITS.recordBytes + 1)}\n${good}\n`);
    const r = await runCli(['score', 'long-line.ndjson', 'good.txt', '--format', 'ndjson'], { cwd: dir });
    expect(lines(r.stdout).map((x) => [x.source, x.type === 'error' ? x.message : 'scored'])).toEqual([
      ['long-line.ndjson#1', 'scored'],
      ['long-line.ndjson#2', `line is longer than the limit of ${LIMITS.recordBytes / 2 ** 20} MB per NDJSON line; reading stopped there, and the rest of the input is not read`],
      ['good.txt', 'scored'],
    ]);
    expect(r.code).toBe(2);
  });

  it('/dev/zero as an input stops at the input limit with an error, and the batch goes on', async () => {
    const { done } = bin(['score', '/dev/zero', 'good.txt', '--format', 'ndjson']);
    const r = await done;
    expect(lines(r.stdout).map((x) => [x.source, x.type === 'error' ? x.message : 'scored'])).toEqual([
      ['/dev/zero', expect.stringContaining(`limit of ${LIMITS.inputBytes / 2 ** 20} MB for an input read whole`)],
      ['good.txt', 'scored'],
    ]);
    expect(r.code).toBe(2);
  }, 60_000);

  it('a pipe on stdin that never ends stops at the input limit with an error', async () => {
    const { child, done } = bin(['score', '-', '--format', 'ndjson'], { stdin: 'pipe' });
    const chunk = Buffer.from('Agent: hello there, how can I help '.repeat(30_000));
    const feed = () => {
      if (!child.stdin!.destroyed && child.stdin!.write(chunk)) setImmediate(feed);
    };
    child.stdin!.on('drain', feed);
    child.stdin!.on('error', () => {}); // the CLI stops reading and closes its end: expected
    feed();
    const r = await done;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`<stdin>:1: input is larger than the limit of ${LIMITS.inputBytes / 2 ** 20} MB`);
  }, 60_000);
});

describe('an endless pipe of bad records ends', () => {
  /** Feeds the child's stdin with `line` for ever, until it closes its end. */
  function endless(child: ReturnType<typeof bin>['child'], line: string): void {
    const chunk = Buffer.from(`${line}\n`.repeat(20_000));
    const feed = () => {
      if (!child.stdin!.destroyed && child.stdin!.write(chunk)) setImmediate(feed);
    };
    child.stdin!.on('drain', feed);
    child.stdin!.on('error', () => {}); // the CLI stops reading and closes its end: expected
    feed();
  }

  it('score stops after the limit of errors for one input, with an error saying so (yes \'{bad\' | etcscore score -)', async () => {
    const { child, done } = bin(['score', '-', '--input-format', 'ndjson', '--format', 'ndjson', '--jobs', '1'], { stdin: 'pipe' });
    endless(child, '{bad');
    const r = await done;
    expect(r.code).toBe(2);
    const out = lines(r.stdout);
    expect(out).toHaveLength(LIMITS.errorsPerInput + 1);
    expect(out.at(-1)).toEqual({ type: 'error', source: '<stdin>', line: LIMITS.errorsPerInput + 1, message: `more than ${LIMITS.errorsPerInput} records of this input could not be read; reading stopped there, and the rest of the input is not read` });
    expect(r.stderr).toContain(`<stdin>:${LIMITS.errorsPerInput + 1}: more than ${LIMITS.errorsPerInput} records`);
  }, 180_000);

  it('report stops there too', async () => {
    const { child, done } = bin(['report', '-', '--format', 'json'], { stdin: 'pipe' });
    endless(child, 'not json');
    const r = await done;
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ badLines: LIMITS.errorsPerInput + 1 });
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`<stdin>:${LIMITS.errorsPerInput + 1}: more than ${LIMITS.errorsPerInput} records of this input could not be read; reading stopped there, and the rest of the input is not read`);
  }, 120_000);
});

describe('errors are errors', () => {
  it('a full disk under stdout is one line on stderr and exit 2', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = await bin(['score', 'good.txt', '--format', 'ndjson'], { stdout: full }).done;
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('etcscore: cannot write to stdout: ENOSPC\n');
    } finally {
      closeSync(full);
    }
  });

  it('a full disk under stderr changes no exit code: errors are still exit 2, a good run 0', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const bad = await bin(['score', 'missing.txt', '--format', 'ndjson'], { stderr: full }).done;
      expect(bad.code).toBe(2);
      expect(lines(bad.stdout)).toEqual([{ type: 'error', source: 'missing.txt', line: 1, message: 'cannot read: no such file' }]);
      expect((await bin(['score', '--no-such-option'], { stderr: full }).done).code).toBe(2);
      expect((await bin(['coach', 'missing.txt'], { stderr: full }).done).code).toBe(2);
      expect((await bin(['score', 'good.txt', '--format', 'ndjson', '--jobs', '100000'], { stderr: full }).done).code).toBe(0);
    } finally {
      closeSync(full);
    }
  });

  it('caps --jobs at twice the cores, with a note', async () => {
    const r = await runCli(['score', 'good.txt', '--format', 'ndjson', '--jobs', '100000'], { cwd: dir });
    expect(r.code).toBe(0);
    const cores = availableParallelism();
    expect(r.stderr).toContain(`--jobs 100000 is more than twice the ${cores} core${cores === 1 ? '' : 's'} here: using ${2 * cores}`);
  });

  it('report goes on past a record it cannot roll up, reporting its line', async () => {
    const scored = await runCli(['score', 'good.txt', '--format', 'ndjson'], { cwd: dir });
    const result = JSON.parse(scored.stdout) as Record<string, unknown>;
    const broken = { ...result, findings: [null, 5, 'x'] };
    writeFileSync(path.join(dir, 'results.ndjson'), [result, broken, result].map((x) => JSON.stringify(x)).join('\n') + '\n');
    const r = await runCli(['report', 'results.ndjson', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^results\.ndjson:2: /);
    expect(JSON.parse(r.stdout)).toMatchObject({ conversations: 2, badLines: 1 });
  });

  it('report stops an endless line at the limit with an error', async () => {
    writeFileSync(path.join(dir, 'endless.ndjson'), 'x'.repeat(LIMITS.recordBytes + 1));
    const r = await runCli(['report', 'endless.ndjson', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('endless.ndjson:1: line is longer than the limit');
  });
});

describe('a configuration that never ends is an error, not an abort', () => {
  it('--config /dev/zero, or a file over the limit, is one line and exit 2 (the built binary, which aborted)', async () => {
    const big = path.join(dir, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(LIMITS.configBytes)}\ndisable: []\n`);
    for (const config of ['/dev/zero', big]) {
      const r = await bin(['score', 'good.txt', '--format', 'ndjson', '--config', config]).done;
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`etcscore: ${config}: cannot read: it is larger than the limit of 4 MB for a configuration file\n`);
      expect(r.stdout).toBe('');
    }
    expect(() => configuredRules({ config: '/dev/zero' })).toThrow(ConfigError);
  }, 60_000);

  it('--config naming a pipe that no one writes to is an error at once, not a run no signal ends', async () => {
    const fifo = path.join(dir, 'config.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const run = bin(['score', 'good.txt', '--format', 'ndjson', '--config', fifo]);
    const killer = setTimeout(() => run.child.kill('SIGKILL'), 20_000); // what ended it before
    const r = await run.done;
    clearTimeout(killer);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`etcscore: ${fifo}: cannot read: nothing came through it (a pipe with no writer)\n`);
  }, 30_000);

  it('--config <(…) is read once and scores with its rules, on this thread and on workers', () => {
    writeFileSync(path.join(dir, 'dead-end.txt'), 'Customer: Can you refund me?\nAgent: There is nothing I can do about that.\n');
    const run = (config: string, jobs: string) =>
      spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" score dead-end.txt good.txt --format ndjson --jobs ${jobs} --config ${config}`], { cwd: dir, encoding: 'utf8', env: { ...process.env, ETCSCORE_WORKERS_FROM_MB: '0' } });
    expect(run("<(printf 'disable: [nothing-yet]\\n')", '1').stderr).toMatch(/"nothing-yet" is not a rule id/); // it is read
    for (const jobs of ['1', '2']) {
      const scored = run("<(sleep 0.2; printf 'disable: [dead-end]\\n')", jobs);
      expect(scored.status, scored.stderr).toBe(0);
      const [deadEnd] = lines(scored.stdout) as unknown as Array<{ findings: Array<{ rule: string }> }>;
      expect(deadEnd!.findings.map((f) => f.rule)).not.toContain('dead-end'); // it was read again as empty, and ran the built-in rules
    }
    const builtIn = lines(spawnSync(process.execPath, [BIN, 'score', 'dead-end.txt', '--format', 'ndjson'], { cwd: dir, encoding: 'utf8' }).stdout) as unknown as Array<{ findings: Array<{ rule: string }> }>;
    expect(builtIn[0]!.findings.map((f) => f.rule)).toContain('dead-end');
  }, 60_000);
});

