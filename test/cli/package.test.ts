// The package as users install it: packed, installed into a project of its own (offline, from the
// npm cache `npm ci` filled), and run from another folder through the command npm linked. What it
// ships must be enough, small, and give the same results as the clone.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript shared with the benchmark
import { installPacked } from '../../scripts/install-packed.js';
import { BIN, ROOT } from '../helpers/bin.js';

interface Installed {
  bin: string;
  packageDir: string;
  pack: { unpackedSize: number; files: Array<{ path: string }> };
}

let dir: string;
let installed: Installed;
/** A folder of the user's own, away from the clone and the install. */
let elsewhere: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-package-'));
  installed = installPacked(dir) as Installed;
  elsewhere = path.join(dir, 'elsewhere');
  mkdirSync(elsewhere);
  // The samples the package ships, copied so that both commands read them by the same path.
  cpSync(path.join(installed.packageDir, 'fixtures', 'samples'), path.join(elsewhere, 'samples'), { recursive: true });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (program: string, lead: string[], args: string[]) =>
  spawnSync(program, [...lead, ...args], { cwd: elsewhere, encoding: 'utf8', maxBuffer: 1 << 26 });
const installedRun = (...args: string[]) => run(installed.bin, [], args);
const cloneRun = (...args: string[]) => run(process.execPath, [BIN], args);

describe('the packed package', () => {
  it('unpacks to under 5 MB, with no start-up snapshot, sources or tests', () => {
    expect(installed.pack.unpackedSize).toBeLessThan(5e6);
    const paths = installed.pack.files.map((f) => f.path);
    expect(paths).toContain('bin/etcscore.js');
    expect(paths).toContain('dist/cli/main.js');
    expect(paths).toContain('dist/rules/data/compiled.js');
    expect(paths.filter((p) => /^(src|test|scripts)\/|snapshot|\.blob$/.test(p))).toEqual([]);
  });

  it('links the command to a node script, not a shell script', () => {
    expect(realpathSync(installed.bin)).toBe(realpathSync(path.join(installed.packageDir, 'bin', 'etcscore.js')));
    expect(readFileSync(installed.bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const manifest = JSON.parse(readFileSync(path.join(installed.packageDir, 'package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ etcscore: 'bin/etcscore.js' });
  });

  it('prints its version', () => {
    const r = installedRun('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('scores the samples it ships, from another folder, as the clone does', () => {
    const args = ['score', 'samples', '--format', 'ndjson', '--findings'];
    const r = installedRun(...args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(readdirSync(path.join(elsewhere, 'samples')).length);
    for (const line of lines) expect(JSON.parse(line).scores).toBeDefined();
    expect(r.stdout).toBe(cloneRun(...args).stdout);
  });

  it('coaches one call as the clone does', () => {
    const args = ['coach', path.join('samples', 'call-0001-airline-minor-policy-wall.txt'), '--no-color'];
    const r = installedRun(...args);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('call-0001');
    expect(r.stdout).toBe(cloneRun(...args).stdout);
  });
});
