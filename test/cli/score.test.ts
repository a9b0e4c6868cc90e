import { mkdtempSync, writeFileSync, existsSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const GOOD = `# id: refund-call
Agent: Thanks for calling Northwind, this is Dana. How can I help?
Customer: I've been charged twice for my order and I'm really not happy.
Agent: That must be so frustrating. Let me sort this out for you now.
Agent: I'll refund the second charge today, and you'll get an email by 5pm.
Customer: Thank you, that's brilliant.
`;

const WALL = `Agent: Hello, you're through to Skyway.
Customer: Can my kids fly with your escort service on business class?
Agent: Sorry, it's our company policy. The system won't let me add it.
Customer: That is ridiculous, can I speak to someone else?
Agent: If you're unhappy you can write a complaint on the website.
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-cli-'));
  mkdirSync(path.join(dir, 'calls', 'nested'), { recursive: true });
  writeFileSync(path.join(dir, 'calls', 'a-refund.txt'), GOOD);
  writeFileSync(path.join(dir, 'calls', 'nested', 'b-wall.txt'), WALL);
  writeFileSync(path.join(dir, 'calls', 'c-broken.json'), '{\n  "id": "x",\n  "turns": [\n    {"role": "agent", "text": "hi"\n');
  writeFileSync(path.join(dir, 'calls', 'notes.md'), '# not a transcript, skipped when walking a folder');
});

const lines = (s: string) => s.trim().split('\n').map((l) => JSON.parse(l));

describe('etcscore score', () => {
  it('scores a directory recursively, reports the bad file with file:line and exits 2', async () => {
    const r = await runCli(['score', 'calls', '--format', 'ndjson'], { cwd: dir });
    expect(r.code).toBe(2);
    const records = lines(r.stdout);
    const analyses = records.filter((x) => x.type !== 'error');
    expect(analyses.map((a) => a.id)).toEqual(['refund-call', 'b-wall']);
    const error = records.find((x) => x.type === 'error');
    expect(error.source).toBe(path.join('calls', 'c-broken.json'));
    expect(error.line).toBeGreaterThan(1);
    expect(r.stderr).toMatch(new RegExp(`calls/c-broken\\.json:${error.line}: `));
  });

  it('finds the policy wall and the empathy, and scores the good call higher', async () => {
    const r = await runCli(['score', 'calls/a-refund.txt', 'calls/nested/b-wall.txt', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.tool.name).toBe('etcscore');
    expect(doc.errors).toEqual([]);
    const [good, wall] = doc.results;
    expect(good.findings.map((f: { category: string }) => f.category)).toEqual(
      expect.arrayContaining(['empathy', 'ownership', 'commitment']),
    );
    const commitment = good.trust.commitments.find((c: { action: string }) => c.action.startsWith('refund'));
    expect(commitment).toMatchObject({ owner: 'agent', due: 'today' });
    expect(wall.findings.filter((f: { category: string }) => f.category === 'policy-hiding').length).toBeGreaterThanOrEqual(2);
    expect(good.scores.etc).toBeGreaterThan(wall.scores.etc);
    expect(good.scores.control).toBeGreaterThan(wall.scores.control);
  });

  it('reads stdin with -', async () => {
    const r = await runCli(['score', '-', '--format', 'ndjson'], { stdin: GOOD });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0].source).toBe('<stdin>');
  });

  it('prints a table on a terminal, and NDJSON when piped', async () => {
    const tty = await runCli(['score', 'calls/a-refund.txt'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    expect(tty.stdout).toMatch(/^CONVERSATION\s+TURNS\s+ETC/);
    expect(tty.stdout).toContain('refund-call');
    const piped = await runCli(['score', 'calls/a-refund.txt'], { cwd: dir });
    expect(lines(piped.stdout)[0].id).toBe('refund-call');
  });

  it('colours only a terminal, and never with NO_COLOR', async () => {
    const colour = await runCli(['score', 'calls/a-refund.txt', '--format', 'pretty'], { cwd: dir, tty: true, env: {} });
    expect(colour.stdout).toMatch(/\u001b\[/);
    const none = await runCli(['score', 'calls/a-refund.txt', '--format', 'pretty'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    expect(none.stdout).not.toMatch(/\u001b\[/);
  });

  it('writes -o atomically, choosing the format from the extension', async () => {
    const out = path.join(dir, 'out.json');
    const r = await runCli(['score', 'calls/a-refund.txt', '-o', out], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).results).toHaveLength(1);
    expect(existsSync(path.join(dir, `.out.json.${process.pid}.tmp`))).toBe(false);
  });

  it('exits 1 when a threshold is crossed', async () => {
    const r = await runCli(['score', 'calls/nested/b-wall.txt', '--format', 'ndjson', '--fail-under', '95'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/under --fail-under 95/);
    const risks = await runCli(['score', 'calls/nested/b-wall.txt', '--format', 'ndjson', '--max-risk', '0'], { cwd: dir });
    expect(risks.code).toBe(1);
  });

  it('exits 2 on usage errors and on a missing file', async () => {
    expect((await runCli(['score', 'calls', '--format', 'yaml'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['frobnicate'], { cwd: dir })).code).toBe(2);
    const missing = await runCli(['score', 'nope.txt', '--format', 'ndjson'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.txt:1: cannot read: no such file');
  });
});

describe('etcscore rules', () => {
  it('prints the catalogue as JSON with every rule documented', async () => {
    const r = await runCli(['rules', '--format', 'json']);
    const { rules } = JSON.parse(r.stdout);
    expect(rules.length).toBeGreaterThan(5);
    expect(rules.map((x: { category: string }) => x.category)).toEqual(
      expect.arrayContaining(['empathy', 'sympathy', 'pseudo-apology', 'policy-hiding', 'commitment', 'option-offered']),
    );
  });
});

describe("the README's first command", () => {
  it('scores every bundled sample in a table, with no input error', async () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const r = await runCli(['score', 'fixtures/samples'], { cwd: root, tty: true, env: { NO_COLOR: '1' } });
    expect(r.stderr).not.toMatch(/:\d+: /);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^(call|chat)-\d+/.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(r.stdout).toMatch(/\d+ conversations scored · mean ETC \d+/);
  });
});

describe('-o into a directory that does not exist', () => {
  it('is a usage error naming the file, not a crash', async () => {
    const r = await runCli(['score', 'calls/a-refund.txt', '-o', 'no/such/dir/out.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*out\.json/);
  });
});
