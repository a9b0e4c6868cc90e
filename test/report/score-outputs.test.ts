// The new formats through `etcscore score`: chosen by name or by -o's extension, written atomically.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { GOOD_TEXT, WALL_TEXT } from './fixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-outputs-'));
  writeFileSync(path.join(dir, 'good.txt'), GOOD_TEXT);
  writeFileSync(path.join(dir, 'wall.txt'), WALL_TEXT);
});

describe('score -o FILE', () => {
  it.each([
    ['scores.csv', (s: string) => s.startsWith('\uFEFFid,source,channel,agent,') && s.split('\r\n').length === 4],
    ['scores.md', (s: string) => s.startsWith('# Conversation report') && s.includes('## Summary')],
    ['scores.html', (s: string) => s.startsWith('<!doctype html>') && s.includes('[1] customer') && s.includes('<polyline')],
  ])('writes %s in the format its extension names, atomically', async (file, looksRight) => {
    const r = await runCli(['score', 'good.txt', 'wall.txt', '-o', file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(looksRight(readFileSync(path.join(dir, file), 'utf8'))).toBe(true);
    expect(existsSync(path.join(dir, `.${file}.${process.pid}.tmp`))).toBe(false);
  });

  it('shows the coach view of every conversation with --format coach', async () => {
    const r = await runCli(['score', 'good.txt', 'wall.txt', '--format', 'coach'], { cwd: dir });
    expect(r.stdout.match(/Three changes that would have helped most/g)).toHaveLength(2);
  });
});
