// --redact covers every path out: results, error records and the lines on stderr, file names,
// the role note, `coach --id`'s list of ids and everything `report` writes. Each check also runs
// without --redact and sees the secret, so it can fail.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const EMAIL = 'jo.bloggs@example.com';
const PHONE = '+44 20 7946 0958';
const CARD = '4111 1111 1111 1111';
const OTHER_PHONE = '+44 20 7946 0959';
const SECRETS = [EMAIL, PHONE, CARD, OTHER_PHONE, '7946', '4111'];

const leaks = (written: string) => SECRETS.filter((s) => written.includes(s));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'etcscore-redact-paths-'));
  mkdirSync(path.join(dir, 'calls'));
  // A file named after the caller, another that cannot be read (empty), a line that is not JSON
  // and quotes a card number, and speakers named by their phone numbers (roles inferred, noted).
  writeFileSync(path.join(dir, 'calls', `${EMAIL}.txt`), `Agent: Thanks for calling, how can I help?\nCustomer: My card ${CARD} was charged twice.\n`);
  writeFileSync(path.join(dir, 'calls', `${PHONE}.txt`), '');
  writeFileSync(path.join(dir, 'calls', 'export.ndjson'), `{"turns": [{"role": "customer", "text": "card ${CARD}"}], oops ${CARD}}\n`);
  writeFileSync(
    path.join(dir, 'calls', 'named.vtt'),
    `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v ${PHONE}>Thank you for calling Acme, how can I help you today?\n\n` +
      `00:00:05.000 --> 00:00:09.000\n<v ${OTHER_PHONE}>My parcel never came and I want a refund.\n\n` +
      `00:00:10.000 --> 00:00:14.000\n<v ${PHONE}>Can I take your account number please?\n`,
  );
  writeFileSync(path.join(dir, `${EMAIL}.yaml`), 'disable: []\n');
  writeFileSync(path.join(dir, 'two.ndjson'), [PHONE, EMAIL].map((id) => JSON.stringify({ id, turns: [{ role: 'agent', text: 'Hi' }] })).join('\n') + '\n');
});

describe('--redact on every path', () => {
  it.each([
    ['score as a table (role note and error lines on stderr)', ['score', 'calls', '--format', 'pretty']],
    ['score as NDJSON (error records)', ['score', 'calls', '--format', 'ndjson']],
    ['score as JSON (errors list)', ['score', 'calls', '--format', 'json']],
    ['score as CSV', ['score', 'calls', '--format', 'csv', '--findings']],
    ['score as HTML', ['score', 'calls', '--format', 'html']],
    ['coach of a file named after the caller', ['coach', `calls/${EMAIL}.txt`]],
    ['coach of a file that cannot be read', ['coach', `calls/${PHONE}.txt`]],
    ['coach --id listing the ids', ['coach', 'two.ndjson', '--id', 'nope']],
    ['coach --id matching the start of several ids', ['coach', 'two.ndjson', '--id', '']],
    ['an error naming a file given on the command line', ['score', 'two.ndjson', '--config', `${PHONE}.yaml`]],
    ['--verbose naming the config file used', ['score', 'two.ndjson', '--verbose', '--config', `${EMAIL}.yaml`]],
    ['coach --verbose naming the config file used', ['coach', 'two.ndjson', '--verbose', '--config', `${EMAIL}.yaml`]],
  ])('%s', async (_what, args) => {
    const plain = await runCli(args, { cwd: dir });
    expect(leaks(plain.stdout + plain.stderr)).not.toEqual([]);
    const r = await runCli([...args, '--redact'], { cwd: dir });
    expect(r.stdout + r.stderr).not.toBe('');
    expect(leaks(r.stdout + r.stderr)).toEqual([]);
  });

  it('keeps two callers apart in the role note: two numbers, two tags', async () => {
    const r = await runCli(['score', 'calls/named.vtt', '--format', 'pretty', '--redact'], { cwd: dir });
    const tags = new Set(r.stderr.match(/\[phone:[a-z]{12}\]/g));
    expect(tags.size).toBe(2);
  });

  it('report --redact masks results, file names and the lines it cannot read', async () => {
    const scored = await runCli(['score', 'calls', '--format', 'ndjson'], { cwd: dir });
    const results = `${PHONE}.ndjson`;
    writeFileSync(path.join(dir, results), scored.stdout + `{"not": "closed ${CARD}"\n`);
    for (const format of ['pretty', 'json', 'csv', 'markdown', 'html']) {
      const plain = await runCli(['report', results, '--by', 'agent', '--format', format], { cwd: dir });
      expect(leaks(plain.stdout + plain.stderr)).not.toEqual([]);
      const r = await runCli(['report', results, '--by', 'agent', '--format', format, '--redact'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^\[phone:[a-z]{12}\]\.ndjson:\d+: /m);
      expect(leaks(r.stdout + r.stderr)).toEqual([]);
    }
  });
});

describe('--redact where a value is cut or is not a string', () => {
  it('masks what is left of a value that an error message cut short, in score, coach and report', async () => {
    const cut = mkdtempSync(path.join(tmpdir(), 'etcscore-redact-cut-'));
    // A cue timing line quoted to its 60th character, cutting the card after "11"; lines that
    // JSON.parse quotes ten characters of, cutting the address after its "@".
    writeFileSync(path.join(cut, 'card.srt'), `1\n${'a'.repeat(47)} ${CARD} end\nhello\n`);
    writeFileSync(path.join(cut, 'mail.ndjson'), `${EMAIL}\n`);
    for (const args of [['score', 'card.srt', 'mail.ndjson', '--format', 'ndjson'], ['coach', 'card.srt'], ['report', 'mail.ndjson', '--format', 'json']]) {
      const plain = await runCli(args, { cwd: cut });
      expect(plain.stdout + plain.stderr).toMatch(args[0] === 'report' ? /jo\.bloggs@"/ : /4111 1111 11…/);
      const r = await runCli([...args, '--redact'], { cwd: cut });
      expect(r.stdout + r.stderr).not.toMatch(/bloggs|4111|1111 11/);
    }
  });

  it('masks a number that a turn of several lines wraps, in every format', async () => {
    const call = `Agent: Thanks for calling, how can I help?\nCustomer: my card is 4111 1111\n1111 1111 and my phone is +44 20\n7946 0958, thanks\n`;
    // The formats that quote whole turns.
    for (const args of [['score', '-', '--input-format', 'text', '--format', 'markdown'], ['score', '-', '--input-format', 'text', '--format', 'html'], ['coach', '-', '--input-format', 'text']]) {
      const plain = await runCli(args, { stdin: call });
      expect(plain.stdout).toMatch(/1111/);
      const r = await runCli([...args, '--redact'], { stdin: call });
      expect(r.stdout + r.stderr).not.toMatch(/1111|7946|0958|\+44 20/);
    }
  });

  it('tags a card or phone number that meta holds as a JSON number, as it tags the same digits in a string', async () => {
    const t = { id: 'n1', meta: { card: 4111111111111111, caseId: 12345678, nested: { paidWith: [5555555555554444] } }, turns: [{ role: 'agent', text: 'Hi' }] };
    const r = await runCli(['score', '-', '--format', 'ndjson', '--redact'], { stdin: JSON.stringify(t) });
    expect(r.stdout).not.toMatch(/4111111111111111|5555555555554444/);
    const meta = JSON.parse(r.stdout).meta;
    expect(meta.card).toMatch(/^\[card:[a-z]{12}\]$/);
    expect(meta.nested.paidWith[0]).toMatch(/^\[card:[a-z]{12}\]$/);
    expect(meta.card).not.toBe(meta.nested.paidWith[0]);
    expect(meta.caseId).toBe(12345678); // a number that is no contact detail stays a number
    const plain = await runCli(['score', '-', '--format', 'ndjson'], { stdin: JSON.stringify(t) });
    expect(plain.stdout).toContain('4111111111111111');
    // report --redact of results written without it
    const rolled = await runCli(['report', '-', '--format', 'json', '--redact'], { stdin: plain.stdout });
    expect(rolled.stdout + rolled.stderr).not.toMatch(/4111111111111111|5555555555554444/);
  });
});

describe('--redact keeps join keys apart', () => {
  // Customer ids of one shape: masked with one fixed character they would all be the same
  // customer, and one's promise would be read as broken to the other.
  const promise = (n: number) => ({
    id: `p${n}`,
    meta: { customerId: `C-${n}`, date: '2026-11-02' },
    turns: [
      { role: 'customer', speaker: 'Customer', text: 'My broadband has been down since Friday.' },
      { role: 'agent', speaker: 'Agent', text: "I'm sorry about that. I'll call you back tomorrow by 3pm with an engineer slot." },
    ],
  });
  const complaint = (n: number) => ({
    id: `q${n}`,
    meta: { customerId: `C-${n}`, date: '2026-11-04' },
    turns: [
      { role: 'agent', speaker: 'Agent', text: 'Thanks for calling, how can I help?' },
      { role: 'customer', speaker: 'Customer', text: 'You said someone would call me back, nobody did. This is ridiculous.' },
    ],
  });
  const linked = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((a) => a.findings?.some((f: { data?: { earlier?: unknown } }) => f.data?.earlier))
      .map((a) => a.id);

  it('a customer is linked to their own earlier contact, never to another customer of the same id shape', async () => {
    const same = [promise(1), complaint(1)].map((t) => JSON.stringify(t)).join('\n');
    const other = [promise(1), complaint(2)].map((t) => JSON.stringify(t)).join('\n');
    expect(linked((await runCli(['score', '-', '--format', 'ndjson', '--redact'], { stdin: same })).stdout)).toEqual(['q1']);
    expect(linked((await runCli(['score', '-', '--format', 'ndjson', '--redact'], { stdin: other })).stdout)).toEqual([]);
    expect(linked((await runCli(['score', '-', '--format', 'ndjson'], { stdin: other })).stdout)).toEqual([]);
  });
});
