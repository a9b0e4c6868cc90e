// A configuration the search finds in a folder other people write to (/tmp, a team share) is not
// used unless it is the user's own and only they can write it, as git treats a repository
// (safe.directory). Made for real in temp folders: modes with chmod, other owners with chown where
// this process may give a file away (root), skipped cleanly where it may not.
import { chmodSync, chownSync, lchownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveConfig, rulesInEffect, settledChoice } from '../../src/cli/config.js';
import { whyNotTrusted } from '../../src/cli/config/trust.js';
import { builtinRuleSet } from '../../src/rules/index.js';
import { configuredRules } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';

const WALL = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/samples/call-0001-airline-minor-policy-wall.txt'), 'utf8');
const uid = process.getuid?.();
const OTHER = uid === 65534 ? 65533 : 65534;

/** Whether this process may give a file to another user (root, or a process with CAP_CHOWN). */
function canChown(): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-chown-'));
  try {
    writeFileSync(path.join(dir, 'probe'), '');
    chownSync(path.join(dir, 'probe'), OTHER, process.getgid!());
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A shared folder with a team's config at its top, a folder of the user's below it holding the
 * config under test, and the working folder below that: `shared/me/calls`.
 */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function shared(name = 'me'): { top: string; mine: string; cwd: string; file: string } {
  const top = mkdtempSync(path.join(tmpdir(), 'etcscore-shared-'));
  made.push(top);
  const mine = path.join(top, name);
  const cwd = path.join(mine, 'calls');
  mkdirSync(cwd, { recursive: true });
  writeFileSync(path.join(top, '.etcscorerc.yaml'), 'disable: [blame-customer]\n');
  const file = path.join(mine, '.etcscorerc.yaml');
  writeFileSync(file, 'disable: [pseudo-apology]\n', { mode: 0o644 });
  chmodSync(file, 0o644);
  writeFileSync(path.join(cwd, 'call.txt'), WALL);
  return { top, mine, cwd, file };
}

describe.skipIf(uid === undefined)('a configuration found by the search (POSIX)', () => {
  it('is used when it is the user\'s own and only they can write it', () => {
    const { cwd } = shared();
    expect(loadConfig(cwd)).toMatchObject({ file: path.join('..', '.etcscorerc.yaml'), disable: ['pseudo-apology'] });
  });

  it.each([
    [0o664, 'it can be written by its group'],
    [0o646, 'it can be written by others'],
    [0o666, 'it can be written by its group and others'],
  ])('is not used when its mode is %o, and the search stops there', (mode, why) => {
    const { cwd, file } = shared();
    chmodSync(file, mode);
    expect(resolveConfig({ cwd })).toEqual({ skipped: { file, why } });
    // Not the team's config further up either: the rules are the built-in ones.
    const effect = rulesInEffect({ cwd });
    expect(effect).toMatchObject({ config: undefined, skipped: { file, why } });
    expect(effect.rules).toBe(builtinRuleSet());
    // Named with --config, it is the user's choice and is read.
    expect(loadConfig(cwd, file)?.disable).toEqual(['pseudo-apology']);
  });

  it.skipIf(!canChown())('is not used when another user owns it, even by root; --config still reads it', () => {
    const { cwd, file } = shared();
    chownSync(file, OTHER, process.getgid!());
    expect(statSync(file).uid).toBe(OTHER);
    expect(resolveConfig({ cwd })).toEqual({ skipped: { file, why: `it belongs to another user (uid ${OTHER})` } });
    expect(loadConfig(cwd, file)?.disable).toEqual(['pseudo-apology']);
  });

  it.skipIf(!canChown())('is not used when it is a link another user made, even to a file of the user\'s own', () => {
    const { cwd, mine } = shared();
    const own = path.join(mine, 'own.yaml');
    writeFileSync(own, 'disable: [dead-end]\n');
    chmodSync(own, 0o644);
    rmSync(path.join(mine, '.etcscorerc.yaml'));
    const link = path.join(mine, '.etcscorerc.yaml');
    symlinkSync(own, link);
    expect(loadConfig(cwd)?.disable).toEqual(['dead-end']); // the user's own link: used
    lchownSync(link, OTHER, process.getgid!());
    expect(resolveConfig({ cwd }).skipped).toEqual({ file: link, why: `it is a link made by another user (uid ${OTHER})` });
  });

  it('a worker checks the file the main thread settled on again, and stops if it changed since', () => {
    const { cwd, file } = shared();
    const choice = { cwd };
    const settled = settledChoice(choice, loadConfig(cwd));
    expect(settled).toEqual({ cwd, file: path.join('..', '.etcscorerc.yaml'), found: true });
    expect(rulesInEffect(settled).config?.disable).toEqual(['pseudo-apology']);
    chmodSync(file, 0o666);
    expect(() => rulesInEffect(settled)).toThrow(ConfigError);
    expect(() => rulesInEffect(settled)).toThrow(/can be written by its group and others \(it changed after the run checked it\)/);
    // A file named with --config stays named: a worker reads it as the main thread did.
    expect(settledChoice({ cwd, file }, loadConfig(cwd, file))).toEqual({ cwd, file, found: false });
  });

  it('the library skips it too, and says so in a process warning', async () => {
    const { cwd, file } = shared();
    chmodSync(file, 0o664);
    const warned = new Promise<Error & { code?: string }>((resolve) => process.once('warning', resolve));
    expect(configuredRules({ cwd })).toBe(builtinRuleSet());
    const warning = await warned;
    expect(warning.code).toBe('ETCSCORE_CONFIG_SKIPPED');
    expect(warning.message).toContain(`not using ${file}: it can be written by its group`);
  });
});

describe('who may use a found file (whyNotTrusted)', () => {
  const stats = (o: { uid: number; mode: number; link?: boolean }) => ({ uid: o.uid, mode: o.mode, isSymbolicLink: () => Boolean(o.link) }) as unknown as Stats;
  const file = (owner: number, mode = 0o100644) => stats({ uid: owner, mode });

  it('the user\'s own file, writable by them only', () => {
    expect(whyNotTrusted(file(1000), file(1000), 1000)).toBeUndefined();
    expect(whyNotTrusted(file(1000, 0o100600), file(1000, 0o100600), 1000)).toBeUndefined();
  });

  it('root uses its own files only: a file another user owns is one they can change under root\'s runs', () => {
    expect(whyNotTrusted(file(0), file(0), 0)).toBeUndefined();
    expect(whyNotTrusted(file(1000), file(1000), 0)).toBe('it belongs to another user (uid 1000)');
    expect(whyNotTrusted(file(0, 0o100664), file(0, 0o100664), 0)).toBe('it can be written by its group');
  });

  it('Windows (no uid): nothing is checked', () => {
    expect(whyNotTrusted(file(1000, 0o100666), file(1000, 0o100666), undefined)).toBeUndefined();
  });
});

describe.skipIf(uid === undefined)('etcscore with a found configuration it may not use', () => {
  const run = (cwd: string, argv: string[]) => runCli(argv, { cwd });

  it('score, coach and rules --config-path skip it with one note that names it, why and how to use it', async () => {
    const { cwd, file } = shared();
    const plain = mkdtempSync(path.join(tmpdir(), 'etcscore-plain-'));
    made.push(plain);
    writeFileSync(path.join(plain, 'call.txt'), WALL);
    chmodSync(file, 0o666);
    const note = `etcscore: not using ${file}: it can be written by its group and others; a configuration found by the search from the working folder up must be yours and writable only by you (to use it anyway: --config ${file})\n`;

    const score = await run(cwd, ['score', 'call.txt', '--format', 'json']);
    expect(score.code).toBe(0);
    expect(score.stderr).toBe(note);
    // Scored with the built-in rules, exactly as where there is no configuration at all.
    const none = await run(plain, ['score', 'call.txt', '--format', 'json']);
    expect(score.stdout.replaceAll(cwd, '')).toBe(none.stdout.replaceAll(plain, ''));
    expect(JSON.parse(score.stdout).results[0].findings.map((f: { rule: string }) => f.rule)).toContain('pseudo-apology');

    const coach = await run(cwd, ['coach', 'call.txt']);
    expect(coach.code).toBe(0);
    expect(coach.stderr).toBe(note);

    const where = await run(cwd, ['rules', '--config-path']);
    expect(where).toEqual({ code: 0, stdout: 'none\n', stderr: note });

    // --verbose says the same; --quiet leaves the note out, as it does every note.
    expect((await run(cwd, ['score', 'call.txt', '--format', 'json', '--verbose'])).stderr).toBe(note + `config: none (${file} skipped: it can be written by its group and others)\n`);
    expect((await run(cwd, ['score', 'call.txt', '--format', 'json', '-q'])).stderr).toBe('');

    // Named with --config, it is used, with no note.
    const named = await run(cwd, ['score', 'call.txt', '--format', 'json', '--config', file]);
    expect(named.stderr).toBe('');
    expect(JSON.parse(named.stdout).results[0].findings.map((f: { rule: string }) => f.rule)).not.toContain('pseudo-apology');
    expect(await run(cwd, ['rules', '--config-path', '--config', file])).toEqual({ code: 0, stdout: `${file}\n`, stderr: '' });
  });

  it('the note is one line whatever the folder is called, and --redact masks a number in it', async () => {
    const { cwd, file } = shared('jo +44 20 7946 0958 \u001b]52;c;aGk=\u0007\nnext');
    chmodSync(file, 0o664);
    const r = await run(cwd, ['score', 'call.txt', '--format', 'json', '--redact']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')).toHaveLength(2); // one line and its end
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stderr).toContain('\\u001b]52;c;aGk=\\u0007\\u000anext');
    expect(r.stderr).not.toContain('7946');
    expect(r.stderr).toMatch(/jo \[phone:[a-z]{12}\]/);
  });
});
