// No network, ever: the whole CLI runs on the bundled samples with every outgoing connection
// made to throw and be recorded; the analysis is complete, and nothing tried to connect.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/bin.js';
import { runCli } from '../helpers/cli.js';

const PRELOAD = pathToFileURL(path.join(ROOT, 'test', 'helpers', 'no-network.mjs')).href;
const SAMPLES = path.join('fixtures', 'samples');
const transcripts = readdirSync(path.join(ROOT, SAMPLES)).filter((f) => /^(call|chat)-.*\.(txt|json)$/.test(f)).map((f) => path.join(SAMPLES, f));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-net-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function guarded(args: string[], log: string) {
  return spawnSync(process.execPath, ['--import', PRELOAD, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ETCSCORE_NET_LOG: log } });
}

describe('no network', () => {
  it('the tripwire catches every kind of connection (or the next test would prove nothing)', () => {
    const log = path.join(dir, 'control.log');
    // Loopback only: were the tripwire broken, nothing would leave this machine.
    const script = `
      const attempts = [
        () => require('node:net').connect(9, '127.0.0.1'),
        () => new (require('node:net').Socket)().connect(9, '127.0.0.1'),
        () => require('node:tls').connect(9, '127.0.0.1'),
        () => require('node:dns').lookup('localhost', () => {}),
        () => require('node:http').get('http://127.0.0.1:9/'),
        () => require('node:https').request('https://127.0.0.1:9/'),
        () => require('node:dgram').createSocket('udp4').send('x', 9, '127.0.0.1'),
        () => fetch('http://127.0.0.1:9/'),
      ];
      for (const attempt of attempts) { try { attempt(); } catch {} }`;
    const r = guarded(['-e', script], log);
    expect(r.status).toBe(0);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'net.connect', 'net.Socket.connect', 'tls.connect', 'dns.lookup', 'http.get', 'https.request', 'dgram.send', 'fetch',
    ]);
  });

  it('scores every bundled sample completely with all connections failing, and attempts none', async () => {
    expect(transcripts.length).toBeGreaterThanOrEqual(20);
    const log = path.join(dir, 'cli.log');
    const out = path.join(dir, 'samples.ndjson');
    const r = guarded([BIN, 'score', ...transcripts, '-o', out, '--findings'], log);
    expect(r.stderr).not.toMatch(/network access attempted/);
    expect(r.status).toBe(0);
    expect(existsSync(log)).toBe(false);
    const records = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { source: string; type?: string; findings: unknown[] });
    expect(records.map((x) => x.source)).toEqual(transcripts);
    expect(records.some((x) => x.findings.length > 0)).toBe(true);
    // Complete means the same analysis as an ordinary run, to the byte.
    const plain = await runCli(['score', ...transcripts, '--format', 'ndjson'], { cwd: ROOT });
    expect(readFileSync(out, 'utf8')).toBe(plain.stdout);
  });

  it('reading stdin and writing stdout, the other way a pipeline runs it, attempts none either', () => {
    const log = path.join(dir, 'stdin.log');
    const input = readFileSync(path.join(ROOT, transcripts[0]!));
    const r = spawnSync(process.execPath, ['--import', PRELOAD, BIN, 'score', '-', '--format', 'json'], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      env: { ...process.env, ETCSCORE_NET_LOG: log },
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).results).toHaveLength(1);
    expect(existsSync(log)).toBe(false);
  });
});
