import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { describe, expect, it } from 'vitest';
import { Progress, duration } from '../../src/cli/progress.js';

function fakeTty(isTTY = true) {
  const writes: string[] = [];
  return { stream: { isTTY, columns: 100, write: (s: string) => writes.push(s) }, writes };
}

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('Progress', () => {
  it('draws count/total, rate and time left, at most once per interval, and clears at the end', () => {
    const { stream, writes } = fakeTty();
    const clock = fakeClock();
    const p = new Progress(stream, { enabled: true, now: clock.now, intervalMs: 100 });
    p.start(100);
    for (let i = 0; i < 50; i++) {
      clock.advance(10); // 50 ticks over 0.5 s: 100 per second
      p.tick();
    }
    // 0.5 s at ≤ 10 frames a second: at most 5 frames, and not one per tick.
    expect(writes.length).toBeGreaterThanOrEqual(4);
    expect(writes.length).toBeLessThanOrEqual(5);
    const last = writes[writes.length - 1]!;
    expect(last).toContain('50/100');
    expect(last).toContain('100.0/s');
    expect(last).toContain('0:01 left'); // 50 more at 100/s: half a second, rounded
    expect(last).toContain('█'.repeat(12) + '░'.repeat(12));
    p.done();
    expect(writes[writes.length - 1]).toBe('\r\u001b[2K');
  });

  it('shows nothing for a run shorter than one interval', () => {
    const { stream, writes } = fakeTty();
    const clock = fakeClock();
    const p = new Progress(stream, { enabled: true, now: clock.now, intervalMs: 100 });
    p.start(3);
    for (let i = 0; i < 3; i++) {
      clock.advance(20);
      p.tick();
    }
    p.done();
    expect(writes).toEqual([]);
  });

  it('is silent when stderr is not a terminal, or with --quiet', () => {
    for (const [isTTY, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const { stream, writes } = fakeTty(isTTY);
      const p = Progress.forStderr(stream, quiet);
      p.start(10);
      for (let i = 0; i < 10; i++) p.tick();
      p.done();
      expect(writes).toEqual([]);
    }
  });

  it('writes a line above the bar, clearing the bar first', () => {
    const { stream, writes } = fakeTty();
    const clock = fakeClock();
    const p = new Progress(stream, { enabled: true, now: clock.now });
    p.start(10);
    clock.advance(200);
    p.tick();
    p.above('a.txt:3: bad line');
    expect(writes.slice(-2)).toEqual(['\r\u001b[2K', 'a.txt:3: bad line\n']);
    p.tick(); // redrawn at once after a line was written above it
    expect(writes[writes.length - 1]).toContain('2/10');
  });

  it('fits the terminal width', () => {
    const writes: string[] = [];
    const p = new Progress({ isTTY: true, columns: 30, write: (s: string) => writes.push(s) }, { enabled: true, now: () => 1000 });
    p.start(5);
    expect(p.line(2000).length).toBeLessThan(30);
  });

  it('formats durations', () => {
    expect(duration(65)).toBe('1:05');
    expect(duration(3 * 3600 + 7)).toBe('3:00:07');
  });
});

describe('score with a progress bar', () => {
  // stdin that answers only after 150 ms, so the run outlasts one redraw interval.
  const slowStdin = () =>
    Readable.from(
      (async function* () {
        await new Promise((r) => setTimeout(r, 150));
        yield Buffer.from('Agent: Hello, how can I help?\nCustomer: My parcel is late.\n');
      })(),
    );

  async function run(args: string[], stderrIsTTY: boolean) {
    const err: string[] = [];
    const stderr = Object.assign(new PassThrough(), { isTTY: stderrIsTTY, columns: 80 });
    stderr.on('data', (b: Buffer) => err.push(b.toString()));
    const stdout = Object.assign(new PassThrough(), { isTTY: false });
    stdout.resume();
    const code = await main(['score', '-', '--format', 'ndjson', ...args], { stdin: slowStdin(), stdout, stderr, env: {}, cwd: process.cwd() });
    return { code, stderr: err.join('') };
  }

  it('draws on a terminal stderr and clears the bar at the end', async () => {
    const r = await run([], true);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('] 1/1');
    expect(r.stderr.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('draws nothing when stderr is a pipe, or with --quiet', async () => {
    expect((await run([], false)).stderr).toBe('');
    expect((await run(['--quiet'], true)).stderr).toBe('');
  });
});
