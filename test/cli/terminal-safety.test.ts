// Nothing from the input controls a terminal. Hostile sequences are planted in every place the
// input reaches a person from: speaker names (the role note), file names (error lines), parser
// messages that quote the input, conversation ids (the table, `coach --id`'s list), turn text (coach),
// results files (report), and CSV, Markdown and JSON printed on a terminal. Whatever the command
// writes, stdout on a terminal and stderr carry none of them: each is shown by its code instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { forTerminal } from '../../src/report/terminal.js';
import { BIN } from '../helpers/bin.js';
import { runCli } from '../helpers/cli.js';

/** One of each class: OSC (clipboard, title, link), CSI, C1, BEL, backspace, DEL, bidi, a bare CR. */
const HOSTILE: Array<[string, string]> = [
  ['OSC 52 (clipboard)', '\u001b]52;c;cm0gLXJmIH4=\u0007'],
  ['OSC 0 (window title), ST-ended', '\u001b]0;owned\u001b\\'],
  ['OSC 8 (hyperlink)', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007'],
  ['CSI (clear screen, cursor up)', '\u001b[2J\u001b[1A'],
  ['SGR conceal', '\u001b[8m'],
  ['8-bit CSI and OSC (C1)', '\u009b2J\u009d0;x\u009c'],
  ['BEL and backspaces', '\u0007\b\b\b'],
  ['DEL and NUL', '\u007f\u0000'],
  ['bidi override and isolate', '\u202Etxt.exe\u202C\u2066x\u2069'],
  ['a bare carriage return', 'ok\rFAKE'],
];

// Our own colours (bold, dim, underline, red, green, yellow, cyan) are the only sequences allowed.
const OWN_COLOUR = /\u001b\[(?:1|2|4|22|24|31|32|33|36|39)m/g;
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|\r(?!\n)/u;

function expectSafe(written: string, colour: boolean): void {
  const rest = colour ? written.replace(OWN_COLOUR, '') : written;
  const bad = UNSAFE.exec(rest);
  expect(bad, bad ? JSON.stringify(rest.slice(Math.max(0, bad.index - 30), bad.index + 30)) : '').toBeNull();
}

const vtt = (evil: string) =>
  `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Dana${evil}>Thank you for calling Acme, how can I help?\n\n` +
  `00:00:05.000 --> 00:00:09.000\n<v Jo${evil}>My order never came ${evil} and I want a refund.\n\n` +
  `00:00:10.000 --> 00:00:14.000\n<v Dana${evil}>I'm sorry you feel that way. Can I take your account number?\n`;
const text = (evil: string, id: string) => `# id: ${id}${evil}\n# agent: Sam${evil}\n# team: t${evil}\nAgent: Hello ${evil} there, it's our policy.\nCustomer: This ${evil} is ridiculous.\n`;

function folder(evil: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-tty-'));
  // A file name may hold any byte but "/" and NUL.
  const name = evil.replace(/[\u0000/]/g, '');
  mkdirSync(path.join(dir, 'calls'));
  writeFileSync(path.join(dir, 'calls', `named${name}.vtt`), vtt(evil));
  writeFileSync(path.join(dir, 'calls', `a${name}.txt`), text(evil, 'one') + '\n');
  writeFileSync(path.join(dir, 'calls', `empty${name}.txt`), '');
  writeFileSync(path.join(dir, 'calls', `bad${name}.ndjson`), `{"turns": [${JSON.stringify(evil)}, ${evil} ]}\n`);
  // A user's rule whose text carries the sequences, found where an agent says "it's our policy".
  const rule = { id: 'our-policy', category: 'policy-hiding', severity: 'warning', patterns: ['our policy'], message: `Hides ${evil} behind policy.`, suggestion: `Say why ${evil}.`, examples: { match: [`It is our policy ${evil}.`] } };
  writeFileSync(path.join(dir, '.etcscorerc.json'), JSON.stringify({ rules: [rule] }));
  writeFileSync(path.join(dir, 'two.ndjson'), [1, 2].map((i) => JSON.stringify({ id: `c${i}${evil}`, turns: [{ role: 'agent', text: `Hi ${evil}, it's our policy.` }, { role: 'customer', text: `Help ${evil}` }] })).join('\n') + '\n');
  return dir;
}

type Case = [string, (dir: string) => string[]];
const CASES: Case[] = [
  ['score: table, role notes and error lines', () => ['score', 'calls', '--findings']],
  ['score --format csv on a terminal', () => ['score', 'calls', '--format', 'csv', '--findings']],
  ['score --format markdown on a terminal', () => ['score', 'calls', '--format', 'markdown']],
  ['score --format json on a terminal', () => ['score', 'calls', '--format', 'json']],
  ['score --format ndjson on a terminal', () => ['score', 'calls', '--format', 'ndjson']],
  ['coach of a transcript', () => ['coach', 'calls/' + 'a']],
  ['coach --id listing the ids there are', () => ['coach', 'two.ndjson', '--id', 'nope']],
  ['report of results, with a bad line', () => ['report', 'results.ndjson', '--by', 'agent', '--format', 'pretty']],
  ['report --by team as csv on a terminal', () => ['report', 'results.ndjson', '--by', 'team', '--format', 'csv']],
  ['a usage error quoting an argument', () => ['score', 'nothing-here']],
];

describe.each(HOSTILE)('%s from the input never reaches a terminal', (_name, evil) => {
  const dir = folder(evil);
  const coachFile = () => `calls/a${evil.replace(/[\u0000/]/g, '')}.txt`;

  beforeAll(async () => {
    // Results with the sequences in every field report copies: ids, agent, team, severity, category.
    const results = await runCli(['score', 'calls', '--format', 'ndjson'], { cwd: dir });
    const lines = results.stdout.trim().split('\n').map((l) => JSON.parse(l));
    for (const r of lines) for (const f of r.findings ?? []) Object.assign(f, { severity: `error${evil}`, category: `dead-end${evil}` });
    writeFileSync(path.join(dir, 'results.ndjson'), lines.map((l) => JSON.stringify(l)).join('\n') + `\nnot json ${evil}\n`);
  });

  it.each(CASES)('%s', async (_what, args) => {
    let argv = args(dir);
    if (argv[0] === 'coach' && argv[1] === 'calls/a') argv = ['coach', coachFile()];
    for (const colour of [true, false]) {
      const r = await runCli(colour ? argv : [...argv, '--no-color'], { cwd: dir, tty: true });
      expect(r.stdout + r.stderr).not.toBe('');
      expectSafe(r.stdout, colour);
      expectSafe(r.stderr, false);
    }
  });

  // The formats written for people are read on terminals also through a pipe (`| head`, `| less -R`)
  // or from a file (`cat`, an editor, a browser): they are safe wherever they go, for the input and
  // a user's rule text. JSON, NDJSON and CSV are data and keep every value exactly.
  it.each([
    ['score, the table with findings', ['score', 'calls', '--format', 'pretty', '--findings']],
    ['score --format coach', ['score', 'calls', '--format', 'coach']],
    ['coach', ['coach', 'two.ndjson']],
    ['rules, with a user rule', ['rules']],
    ['report --format pretty', ['report', 'results.ndjson', '--by', 'agent', '--format', 'pretty']],
    // Markdown and HTML are read by people too (a terminal, an editor, a browser): as the table.
    ['score --format markdown', ['score', 'calls', '--format', 'markdown', '--findings']],
    ['score --format html', ['score', 'calls', '--format', 'html', '--findings']],
    ['rules --format markdown, with a user rule', ['rules', '--format', 'markdown']],
    ['report --format markdown', ['report', 'results.ndjson', '--by', 'team', '--format', 'markdown']],
    ['report --format html', ['report', 'results.ndjson', '--by', 'agent', '--format', 'html']],
  ])('%s through a pipe', async (_what, argv) => {
    const r = await runCli(argv, { cwd: dir });
    expect(r.stdout).not.toBe('');
    expectSafe(r.stdout, false);
  });

  it('coach -o FILE holds none either', async () => {
    const r = await runCli(['coach', 'two.ndjson', '-o', 'coach.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expectSafe(readFileSync(path.join(dir, 'coach.txt'), 'utf8'), false);
  });

  it('JSON on a terminal is still the same JSON', async () => {
    const piped = await runCli(['score', 'two.ndjson', '--format', 'json'], { cwd: dir });
    const shown = await runCli(['score', 'two.ndjson', '--format', 'json'], { cwd: dir, tty: true });
    expect(JSON.parse(shown.stdout)).toEqual(JSON.parse(piped.stdout));
    expect(JSON.parse(piped.stdout).results[0].id).toBe(`c1${evil}`);
  });
});

describe('forTerminal', () => {
  it('shows each unsafe character by its code and keeps line breaks, tabs and CRLF', () => {
    expect(forTerminal('a\u001b[2Jb\u0007\u202Ec\r\nd\te\rf')).toBe('a\\u001b[2Jb\\u0007\\u202ec\r\nd\te\\u000df');
    expect(forTerminal('a\nb\tc', { oneLine: true })).toBe('a\\u000ab\\u0009c');
  });

  it('lets our own colours through only when colour is on', () => {
    expect(forTerminal('\u001b[31mred\u001b[39m\u001b[8m', { colour: true })).toBe('\u001b[31mred\u001b[39m\\u001b[8m');
    expect(forTerminal('\u001b[31mred\u001b[39m')).toBe('\\u001b[31mred\\u001b[39m');
  });
});

// A library may print on its own: the YAML parser calls process.emitWarning, which node writes to
// stderr as it is, past the guard, quoting the configuration (a key that is a list, with a bidi
// override and an 8-bit CSI in it). The configuration's mistakes are reported by etcscore only.
describe('a configuration that makes the YAML parser warn', () => {
  it.each([
    ['a key that is a list', '? [ "\u202Etxt.exe \u009b2J" ]\n: 1\n'],
    ['a key that is a map, under a known key', 'extend:\n  ? { "\u2066x": "\u009d0;t\u009c" }\n  : [ x ]\n'],
  ])('%s: no warning reaches stderr unguarded', async (_what, yaml) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-yaml-'));
    writeFileSync(path.join(dir, 'evil.yaml'), yaml);
    const warnings: Error[] = [];
    const listen = (w: Error) => warnings.push(w);
    process.on('warning', listen);
    try {
      for (const argv of [['rules', '--config', 'evil.yaml'], ['score', '--config', 'evil.yaml', '-']]) {
        const r = await runCli(argv, { cwd: dir, tty: true, stdin: 'Agent: Hi.\nCustomer: Hello.\n' });
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('evil.yaml');
        expectSafe(r.stderr, false);
      }
      await new Promise((resolve) => setImmediate(resolve)); // a warning is emitted on the next tick
    } finally {
      process.off('warning', listen);
    }
    expect(warnings.map((w) => w.message)).toEqual([]);
  });
});

// Our own colours pass the guard when colour is on, so the same sequences in the input would pass
// with them: the formats that colour show the input by its codes before they add their colours.
describe('colour codes etcscore writes itself, from the input, with colour on', () => {
  const evil = '\u001b[33mINPUT\u001b[1m\u001b[4m\u001b[39m';
  const dir = folder(evil);

  beforeAll(async () => {
    const results = await runCli(['score', 'calls', '--format', 'ndjson'], { cwd: dir });
    const lines = results.stdout.trim().split('\n').map((l) => JSON.parse(l));
    for (const r of lines) for (const f of r.findings ?? []) Object.assign(f, { severity: `error${evil}`, category: `dead-end${evil}` });
    writeFileSync(path.join(dir, 'results.ndjson'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  });

  it.each([
    ...CASES.filter(([what]) => !what.startsWith('a usage error')), // it quotes no input
    ['score --format coach', () => ['score', 'calls', '--format', 'coach']],
    ['coach of every conversation in a file', () => ['coach', 'two.ndjson']],
    ['rules, with a user rule', () => ['rules']],
    ['report --by team', () => ['report', 'results.ndjson', '--by', 'team', '--format', 'pretty']],
  ] as Case[])('%s', async (_what, args) => {
    let argv = args(dir);
    if (argv[0] === 'coach' && argv[1] === 'calls/a') argv = ['coach', `calls/a${evil}.txt`];
    const r = await runCli(argv, { cwd: dir, tty: true });
    expect(r.stdout + r.stderr).toContain('\\u001b[33mINPUT');
    expect(r.stdout).not.toContain('\u001b[33mINPUT');
    expect(r.stdout).not.toMatch(/\u001b\[1m\u001b\[4m\u001b\[39m/);
    expectSafe(r.stderr, false);
  });
});

// A line break is a control character too: in a message of one line (an error, a note) one from
// the input would start a line of its own, which could pass for etcscore's ("etcscore: …").
describe('a line break from the input never starts a line of its own on stderr', () => {
  const forged = '\netcscore: FAKE\tline';
  const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-lines-'));
  const folderName = `in${forged.replace(/\t/g, ' ')}`;
  mkdirSync(path.join(dir, folderName));
  writeFileSync(path.join(dir, 'two.ndjson'), [1, 2].map((i) => JSON.stringify({ id: `c${i}${forged}`, turns: [{ role: 'agent', text: 'Hi.' }, { role: 'customer', text: 'Hello.' }] })).join('\n') + '\n');

  it.each<[string, string[], string?]>([
    ['coach --id listing the ids there are', ['coach', 'two.ndjson', '--id', 'nope']],
    ['coach --id naming the ids it starts', ['coach', 'two.ndjson', '--id', 'c']],
    ['--config naming a file that is not there', ['score', '--config', `gone${forged}.json`, 'two.ndjson']],
    // Run in the folder whose name holds the line break: the note names the folder searched.
    ['--verbose naming the folder searched', ['score', '--verbose', '-q', '../two.ndjson'], folderName],
    ['rules --config-path naming the folder searched', ['rules', '--config-path'], folderName],
  ])('%s', async (_what, argv, cwd) => {
    const r = await runCli(argv, { cwd: cwd ? path.join(dir, cwd) : dir });
    expect(r.stderr).toContain('\\u000aetcscore: FAKE');
    expect(r.stderr).not.toMatch(/^etcscore: FAKE/m);
    expectSafe(r.stderr, false);
  });

  // The tables and coach are read line by line: a value in a cell or a line of its own (an id, a
  // name, a finding, a rule's message) keeps to it, so it cannot forge a row with other scores.
  describe('nor a row of a table, nor a line of coach', () => {
    const row = '\nFORGED-ROW      2    99    99    99    99  recovered';
    const cwd = mkdtempSync(path.join(tmpdir(), 'etcscore-rows-'));
    const rule = { id: 'cold-hello', category: 'dead-end', severity: 'warning', patterns: ['hello'], message: `Cold${row}`, suggestion: `Say hi${row}`, description: `About${row}`, examples: { match: [`Hello${row}.`] } };
    writeFileSync(path.join(cwd, '.etcscorerc.json'), JSON.stringify({ rules: [rule] }));
    const call = { id: `call${row}`, meta: { agentName: `Sam${row}`, team: `t${row}` }, turns: [{ role: 'agent', speaker: `Sam${row}`, text: "Hello, it's our policy." }, { role: 'customer', speaker: `Jo${row}`, text: 'This is ridiculous.' }] };
    writeFileSync(path.join(cwd, 'call.ndjson'), JSON.stringify(call) + '\n');

    beforeAll(async () => {
      const results = await runCli(['score', 'call.ndjson', '--format', 'ndjson'], { cwd });
      const lines = results.stdout.trim().split('\n').map((l) => JSON.parse(l));
      for (const r of lines) for (const f of r.findings ?? []) Object.assign(f, { severity: `error${row}`, category: `dead-end${row}`, text: `words${row}` });
      writeFileSync(path.join(cwd, 'results.ndjson'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    });

    it.each([
      ['score, the table with findings', ['score', 'call.ndjson', '--format', 'pretty', '--findings']],
      ['score --format coach', ['score', 'call.ndjson', '--format', 'coach']],
      ['coach', ['coach', 'call.ndjson']],
      ['report --by agent', ['report', 'results.ndjson', '--by', 'agent', '--format', 'pretty']],
      ['report --by team', ['report', 'results.ndjson', '--by', 'team', '--format', 'pretty']],
      ['rules, with a user rule', ['rules']],
    ])('%s', async (_what, argv) => {
      for (const tty of [true, false]) {
        const r = await runCli(argv, { cwd, tty });
        expect(r.stdout).toContain('\\u000aFORGED-ROW');
        expect(r.stdout).not.toMatch(/^FORGED-ROW/m);
      }
    });
  });
});

// `-o` may name a terminal (`-o /dev/tty`, `-o "$(tty)"`, `-o /dev/stdout` on one): it is written in
// place, and read by a person as stdout on a terminal is, so it is guarded the same way. A real
// terminal is needed: util-linux's `script` runs the CLI on one and copies what it shows.
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;
describe.skipIf(!hasScript)('-o naming a terminal', () => {
  const evil = HOSTILE.map(([, e]) => e).join('');
  const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-otty-'));
  writeFileSync(path.join(dir, 'two.ndjson'), [1, 2].map((i) => JSON.stringify({ id: `c${i}${evil}`, meta: { agentName: `Sam${evil}` }, turns: [{ role: 'agent', text: `Hi ${evil}, it's our policy.` }, { role: 'customer', text: `Help ${evil}` }] })).join('\n') + '\n');
  const shell = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const onTerminal = (args: string[]) => {
    const command = ['node', BIN, ...args].map(shell).join(' ');
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    return { code: r.status, shown: r.stdout };
  };

  it.each([
    ['score --format csv', ['score', 'two.ndjson', '--format', 'csv', '--findings']],
    ['score --format ndjson', ['score', 'two.ndjson', '--format', 'ndjson']],
    ['score --format json', ['score', 'two.ndjson', '--format', 'json']],
  ])('%s -o /dev/tty', (_what, args) => {
    for (const target of ['/dev/tty', '/dev/stdout']) {
      const r = onTerminal([...args, '-q', '-o', target]);
      expect(r.code).toBe(0);
      expect(r.shown).toContain('c1\\u001b');
      // The terminal writes a line break as CR LF.
      expectSafe(r.shown.replace(/\r+\n/g, '\n'), false);
    }
  });

  it('report --format csv -o /dev/tty', async () => {
    const results = await runCli(['score', 'two.ndjson', '--format', 'ndjson'], { cwd: dir });
    writeFileSync(path.join(dir, 'results.ndjson'), results.stdout);
    const r = onTerminal(['report', 'results.ndjson', '--by', 'agent', '--format', 'csv', '-o', '/dev/tty']);
    expect(r.code).toBe(0);
    expect(r.shown).toContain('Sam\\u001b');
    expectSafe(r.shown.replace(/\r+\n/g, '\n'), false);
  });
});
