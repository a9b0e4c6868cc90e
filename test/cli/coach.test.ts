import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { GOOD_TEXT, SECRETS, WALL_TEXT } from '../report/fixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-coach-'));
  writeFileSync(path.join(dir, 'wall.txt'), WALL_TEXT);
  writeFileSync(path.join(dir, 'good.txt'), GOOD_TEXT);
  writeFileSync(path.join(dir, 'named.txt'), "Kay: Thanks for calling Orbit, how can I help?\nLou: I'm calling about my order, it never came.\nKay: Sorry, it's our company policy.\nLou: Right.\n");
  writeFileSync(
    path.join(dir, 'two.ndjson'),
    [
      { id: 'one', turns: [{ role: 'agent', text: "I'm sorry to hear that." }, { role: 'customer', text: 'ok' }] },
      { id: 'two', turns: [{ role: 'agent', text: 'That must be so frustrating.' }, { role: 'customer', text: 'thanks' }] },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n') + '\n',
  );
});

describe('etcscore coach', () => {
  it('shows one conversation in plain text when stdout is not a terminal', async () => {
    const r = await runCli(['coach', 'wall.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    for (const heading of ['Customer’s emotion', 'The conversation', 'What went well', 'Three changes that would have helped most']) expect(r.stdout).toContain(heading);
    expect(r.stdout).toContain('«it\'s our company policy»');
    expect(r.stdout).toMatch(/Better: “/);
  });

  it('infers roles where the file names only speakers, as score does', async () => {
    const r = await runCli(['coach', 'named.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('«it\'s our company policy»');
    const swapped = await runCli(['coach', 'named.txt', '--agent', 'Lou'], { cwd: dir });
    expect(swapped.stdout).not.toContain('«it\'s our company policy»');
  });

  it('colours on a terminal, not with NO_COLOR or --no-color', async () => {
    expect((await runCli(['coach', 'good.txt'], { cwd: dir, tty: true })).stdout).toMatch(/\u001b\[/);
    expect((await runCli(['coach', 'good.txt'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await runCli(['coach', 'good.txt', '--no-color'], { cwd: dir, tty: true })).stdout).not.toMatch(/\u001b\[/);
  });

  it('picks one conversation of several with --id, and says which ids exist', async () => {
    const r = await runCli(['coach', 'two.ndjson', '--id', 'two'], { cwd: dir });
    expect(r.stdout).toMatch(/^two/);
    expect(r.stdout).not.toMatch(/^one/m);
    const missing = await runCli(['coach', 'two.ndjson', '--id', 'three'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('it has: one, two');
  });

  it('masks contact details with --redact', async () => {
    const plain = await runCli(['coach', 'wall.txt'], { cwd: dir });
    for (const s of SECRETS) expect(plain.stdout).toContain(s);
    const r = await runCli(['coach', 'wall.txt', '--redact'], { cwd: dir });
    for (const s of SECRETS) expect(r.stdout).not.toContain(s);
    expect(r.stdout).toContain('mail ••@•••••••.•••, card •••• •••• •••• ••••.');
  });

  it('writes -o atomically, without colour', async () => {
    const out = path.join(dir, 'coach.txt');
    const r = await runCli(['coach', 'wall.txt', '-o', out], { cwd: dir, tty: true });
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('Three changes');
    expect(readFileSync(out, 'utf8')).not.toMatch(/\u001b\[/);
    expect(existsSync(path.join(dir, `.coach.txt.${process.pid}.tmp`))).toBe(false);
  });

  it('reads stdin, and exits 2 for a file it cannot read', async () => {
    const r = await runCli(['coach', '-'], { stdin: GOOD_TEXT });
    expect(r.stdout).toContain('refund-call');
    const missing = await runCli(['coach', 'nope.txt'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.txt:1: cannot read: no such file');
  });
});
