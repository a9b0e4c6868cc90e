// `etcscore score … | head`: when the reader of stdout goes away the batch stops at once and
// quietly (exit 141, as a tool killed by SIGPIPE), with no stack trace on stderr.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BROKEN_PIPE_EXIT } from '../../src/cli/io.js';
import { BIN } from '../helpers/bin.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-pipe-'));
  const line = (i: number) =>
    JSON.stringify({
      id: `c${i}`,
      turns: [
        { role: 'customer', text: "This is the third time I'm calling about my refund, it's ridiculous." },
        { role: 'agent', text: "I'm sorry to hear that. I'll call you back by 3pm tomorrow with an update." },
      ],
    });
  writeFileSync(path.join(dir, 'calls.ndjson'), Array.from({ length: 3000 }, (_, i) => line(i)).join('\n') + '\n');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('stops quietly when the reader closes the pipe after one line', async () => {
  const child = spawn(process.execPath, [BIN, 'score', 'calls.ndjson', '--format', 'ndjson', '--jobs', '1'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  let first = '';
  await new Promise<void>((resolve) => {
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      first += s;
      if (first.includes('\n')) {
        child.stdout.destroy(); // what `head -1` does once it has its line
        resolve();
      }
    });
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  expect(JSON.parse(first.slice(0, first.indexOf('\n'))).id).toBe('c0');
  expect(code).toBe(BROKEN_PIPE_EXIT);
  expect(stderr).not.toMatch(/EPIPE|at .*\(node:|Error/);
}, 60_000);
