// Interrupting a batch (SIGINT, SIGTERM, SIGHUP) never leaves a half-written output: an -o file is
// complete or absent, an earlier file of that name survives, no temp file is left, and an NDJSON
// stream on stdout ends on a whole line. Runs the real CLI as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/bin.js';

const FILES = 1500;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-signals-'));
  mkdirSync(path.join(dir, 'calls'));
  const turns: string[] = [];
  for (let t = 0; t < 40; t++) {
    turns.push(t % 2 ? `Customer: This is the third time I'm calling about order ${t}, it's ridiculous.` : `Agent: I'm sorry to hear that. I'll call you back by 3pm and you can either keep it or get a refund.`);
  }
  for (let i = 0; i < FILES; i++) writeFileSync(path.join(dir, 'calls', `call-${String(i).padStart(4, '0')}.txt`), turns.join('\n') + '\n');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], cwd: string): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, done };
}

async function until(what: string, test: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// Whatever the CLI names its temporary file, it is the only other entry in a fresh output folder.
const temps = (d: string) => readdirSync(d).filter((f) => f !== 'out.ndjson');
const size = (f: string) => {
  try {
    return statSync(f).size;
  } catch {
    return 0; // renamed or removed between listing and looking
  }
};
/** Running and part-way: the temporary file has received at least one chunk of results. */
const partWay = (d: string) => temps(d).some((f) => size(path.join(d, f)) > 0);
const EXIT_BY_SIGNAL = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

describe.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s in the middle of a batch', (signal) => {
  it('leaves -o out.ndjson complete or absent, and no temp file', async () => {
    const out = mkdtempSync(path.join(dir, 'out-'));
    const { child, done } = run(['score', '../calls', '-o', 'out.ndjson', '--quiet'], out);
    await until('partial output', () => partWay(out));
    child.kill(signal);
    const { code } = await done;
    expect(temps(out)).toEqual([]);
    if (code === EXIT_BY_SIGNAL[signal]) {
      expect(existsSync(path.join(out, 'out.ndjson'))).toBe(false);
    } else {
      // It finished before the signal landed: then the file must be whole.
      const lines = readFileSync(path.join(out, 'out.ndjson'), 'utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(FILES);
      for (const l of lines) JSON.parse(l);
    }
  }, 90_000);

  it('leaves an earlier complete out.ndjson untouched', async () => {
    const out = mkdtempSync(path.join(dir, 'keep-'));
    const earlier = '{"earlier":"run"}\n';
    writeFileSync(path.join(out, 'out.ndjson'), earlier);
    const { child, done } = run(['score', '../calls', '-o', 'out.ndjson', '--quiet'], out);
    await until('partial output', () => partWay(out));
    child.kill(signal);
    const { code } = await done;
    expect(code).toBe(EXIT_BY_SIGNAL[signal]);
    expect(readFileSync(path.join(out, 'out.ndjson'), 'utf8')).toBe(earlier);
    expect(temps(out)).toEqual([]);
  }, 90_000);

  it('ends an NDJSON stream on stdout on a whole line, even with the pipe full', async () => {
    const { child, done } = run(['score', 'calls', '--format', 'ndjson', '--quiet'], dir);
    const chunks: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => chunks.push(b));
    await until('first output', () => chunks.length > 0);
    // Stop reading so the pipe fills and a write is left part-way when the signal comes.
    child.stdout!.pause();
    await new Promise((r) => setTimeout(r, 300));
    child.kill(signal);
    child.stdout!.resume();
    const { code } = await done;
    expect(code).toBe(EXIT_BY_SIGNAL[signal]);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
    expect(lines.length).toBeLessThan(FILES);
  }, 90_000);
});

describe('SIGUSR1', () => {
  it('opens no debugger port: the batch goes on and finishes whole', async () => {
    const { child, done } = run(['score', 'calls', '--format', 'ndjson', '--quiet'], dir);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    await until('first output', () => out.length > 0);
    child.kill('SIGUSR1');
    expect((await done).code).toBe(0);
    // Node prints "Debugger listening on ws://…" when SIGUSR1 opens the inspector.
    expect(Buffer.concat(err).toString('utf8')).not.toMatch(/Debugger|inspector/i);
    expect(Buffer.concat(out).toString('utf8').trimEnd().split('\n')).toHaveLength(FILES);
  }, 90_000);

  // A SIGUSR1 that comes while node itself starts, before the command's first line runs, opens the
  // port there and then: stood in for here by a port opened before the command starts (a module
  // loaded first). The command closes it before it reads anything, and the batch goes on.
  it('a debugger port opened before the command ran is closed before anything is read', async () => {
    const opener = 'data:text/javascript,' + encodeURIComponent("import inspector from 'node:inspector'; inspector.open(0, '127.0.0.1'); process.stderr.write('port ' + new URL(inspector.url()).port + '\\n');");
    const child = spawn(process.execPath, ['--import', opener, BIN, 'score', 'calls', '--format', 'ndjson', '--quiet'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    await until('first output', () => stdout.length > 0);
    const port = Number(/port (\d+)/.exec(stderr)?.[1]);
    expect(port).toBeGreaterThan(0);
    // /proc/net/tcp lists listening sockets (state 0A) by hex port: the port is no longer among them.
    const listening = readFileSync('/proc/net/tcp', 'utf8').split('\n').filter((l) => l.includes(`:${port.toString(16).toUpperCase().padStart(4, '0')} `) && / 0A /.test(l));
    expect(listening).toEqual([]);
    expect(await done).toBe(0);
  }, 90_000);
});
