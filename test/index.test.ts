// The library's entry points (src/index.ts): a wrong argument is a TypeError naming it; a
// transcript's meta may hold anything a caller's object can (cycles, getters that throw, bigints,
// functions, proxies) without analyze, score or render throwing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtinRuleSet } from '../src/rules/index.js';
import { ConfigError, analyze, configuredRules, parse, render, score, FORMAT_NAMES, type Transcript } from '../src/index.js';

const TEXT = "Agent: Thanks for calling, I'm sorry you feel that way.\nCustomer: This is ridiculous.\n";
const transcript = (): Transcript => parse(TEXT, { source: 'call.txt' })[0]!;

// Values that are not what any argument wants, of every kind.
const junk = fc.oneof(
  fc.constantFrom(null, undefined, 0, -1, Number.NaN, true, '', 'x', Symbol('s'), 10n, () => 1, [], [1], {}, new Map(), new Date(0)),
  fc.anything(),
);

function throwsNaming(fnCall: () => unknown, argument: string): void {
  let error: unknown;
  try {
    fnCall();
  } catch (err) {
    error = err;
  }
  expect(error, `expected a TypeError naming ${argument}`).toBeInstanceOf(TypeError);
  expect((error as Error).message).toContain(argument);
}

describe('bad arguments are a TypeError naming the argument', () => {
  it('parse and score: input and options', () => {
    for (const fn of [parse, score] as const) {
      const name = fn === parse ? 'parse' : 'score';
      fc.assert(
        fc.property(junk.filter((v) => typeof v !== 'string' && !(v instanceof Uint8Array)), (v) => throwsNaming(() => fn(v as string), `${name}: input`)),
      );
      fc.assert(fc.property(junk.filter((v) => v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))), (v) => throwsNaming(() => fn(TEXT, v as object), 'options')));
      throwsNaming(() => fn(TEXT, { source: 42 as unknown as string }), 'options.source');
      throwsNaming(() => fn(TEXT, { format: 'docx' }), 'options.format');
      throwsNaming(() => fn(TEXT, { agent: ['Dana'] as unknown as string }), 'options.agent');
      throwsNaming(() => fn(TEXT, { map: { text: 7 } as unknown as Record<string, string> }), 'options.map.text');
    }
    throwsNaming(() => score(TEXT, { rules: { run: () => [] } as never }), 'options.rules');
  });

  it('analyze: the transcript and each of its turns', () => {
    fc.assert(fc.property(junk.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)), (v) => throwsNaming(() => analyze(v as Transcript), 'analyze: transcript')));
    const t = transcript();
    throwsNaming(() => analyze({ ...t, turns: 'hello' as never }), 'transcript.turns');
    throwsNaming(() => analyze({ ...t, id: 5 as never }), 'transcript.id');
    throwsNaming(() => analyze({ ...t, channel: 'fax' as never }), 'transcript.channel');
    throwsNaming(() => analyze({ ...t, meta: null as never }), 'transcript.meta');
    throwsNaming(() => analyze({ ...t, turns: [...t.turns, null as never] }), `transcript.turns[${t.turns.length}]`);
    throwsNaming(() => analyze({ ...t, turns: t.turns.map((x) => ({ ...x, text: undefined as never })) }), 'transcript.turns[0].text');
    throwsNaming(() => analyze({ ...t, turns: t.turns.map((x) => ({ ...x, role: 'boss' as never })) }), 'transcript.turns[0].role');
    throwsNaming(() => analyze(t, { rules: 'all' as never }), 'options.rules');
  });

  it('render: the format name, results, errors, options and transcripts', () => {
    const [a] = score(TEXT);
    throwsNaming(() => render('docx', [a!]), 'render: name');
    throwsNaming(() => render('constructor', [a!]), 'render: name');
    throwsNaming(() => render('json', a as never), 'results');
    throwsNaming(() => render('json', [{}] as never), 'results[0]');
    throwsNaming(() => render('json', [a!], [{ file: 'x' }] as never), 'errors[0]');
    throwsNaming(() => render('json', [a!], [], 'color' as never), 'options');
    throwsNaming(() => render('coach', [a!], [], {}, {} as never), 'transcripts');
  });

  it('good arguments still work', () => {
    const t = transcript();
    expect(analyze(t).id).toBe(t.id);
    expect(score(Buffer.from(TEXT), { source: 'b.txt', format: 'text' })[0]!.source).toBe('b.txt');
    expect(parse(TEXT, { source: undefined })[0]!.source).toBe('<input>');
    for (const f of FORMAT_NAMES) expect(typeof render(f, [analyze(t)], [{ source: 'x', line: 1, message: 'bad' }], {}, [t])).toBe('string');
  });
});

describe('exotic meta never makes analyze, score or render throw', () => {
  function exoticMeta(): Record<string, unknown> {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const arr: unknown[] = [1];
    arr.push(arr);
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const meta: Record<string, unknown> = {
      team: 'billing',
      cyclic,
      arr,
      big: 12345678901234567890n,
      fn: () => 'x',
      sym: Symbol('s'),
      date: new Date(0),
      nan: Number.NaN,
      map: new Map([['a', 1]]),
      revoked: revoked.proxy,
      trap: new Proxy({}, { ownKeys: () => { throw new Error('trap'); } }),
    };
    Object.defineProperty(meta, 'boom', { enumerable: true, get: () => { throw new Error('getter'); } });
    Object.defineProperty(meta, '__proto__', { enumerable: true, value: { polluted: true } });
    let deep: Record<string, unknown> = {};
    meta.deep = deep;
    for (let i = 0; i < 10_000; i++) deep = deep.next = {};
    return meta;
  }

  it('analysis meta is plain JSON data, and every format writes it', () => {
    const t = { ...transcript(), meta: exoticMeta() };
    const a = analyze(t);
    const json = JSON.stringify(a);
    const meta = JSON.parse(json).meta;
    expect(meta.team).toBe('billing');
    expect(meta.cyclic).toEqual({ name: 'loop', self: '[circular]' });
    expect(meta.arr).toEqual([1, '[circular]']);
    expect(meta.big).toBe('12345678901234567890');
    expect(meta.date).toBe('1970-01-01T00:00:00.000Z');
    expect(meta.nan).toBeNull();
    expect('fn' in meta || 'sym' in meta || 'boom' in meta || 'revoked' in meta).toBe(false);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    for (const f of FORMAT_NAMES) expect(typeof render(f, [a], [], { findings: true }, [t])).toBe('string');
  });

  it('any value at all in meta', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true })), (meta) => {
        const a = analyze({ ...transcript(), meta });
        expect(() => JSON.stringify(a)).not.toThrow();
        for (const f of FORMAT_NAMES) render(f, [a]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parse settles roles as the command line does', () => {
  const NAMED = "Kay: Thanks for calling Orbit, how can I help?\nLou: I'm calling about my order, it never came.\nKay: I'm sorry, it's our company policy.\nLou: Right.\n";

  it('infers them from what the speakers say, and records how', () => {
    const [t] = parse(NAMED, { source: 'named.txt' });
    expect(t!.turns.map((x) => x.role)).toEqual(['agent', 'customer', 'agent', 'customer']);
    expect(t!.meta.roleInference).toMatchObject({ method: 'inferred', assignments: { Kay: 'agent', Lou: 'customer' } });
    expect(t!.meta.roleInference!.evidence).toContain('Kay thanks the other side for calling/contacting (turn 0: "Thanks for calling")');
    expect(score(NAMED)[0]!.findings.some((f) => f.role === 'agent' && f.category === 'policy-hiding')).toBe(true);
  });

  it('lets the agent option name the agent', () => {
    const [t] = parse(NAMED, { source: 'named.txt', agent: 'Lou' });
    expect(t!.meta.roleInference).toMatchObject({ method: 'option', assignments: { Kay: 'customer', Lou: 'agent' } });
  });
});

describe('configuredRules: the library runs a QA team\'s configuration as the CLI does', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'etcscore-lib-config-'));
  const deep = path.join(root, 'calls', 'may');
  mkdirSync(deep, { recursive: true });
  writeFileSync(path.join(root, '.etcscorerc.yaml'), 'disable: [pseudo-apology]\nextend:\n  dead-end: ["(they|you) won\'t be allowed to board"]\nignore: ["this is ridiculous"]\n');
  const rulesOf = (analysis: ReturnType<typeof analyze>) => analysis.findings.map((f) => f.rule);
  const text = "Agent: I'm sorry you feel that way. You won't be allowed to board.\nCustomer: This is ridiculous.\n";

  it('finds the file from cwd upward, and score and analyze apply it', () => {
    expect(rulesOf(score(text)[0]!)).toEqual(expect.arrayContaining(['pseudo-apology', 'customer-distress']));
    const rules = configuredRules({ cwd: deep });
    const [scored] = score(text, { rules });
    expect(rulesOf(scored!)).toEqual(['dead-end']);
    expect(rulesOf(analyze(parse(text)[0]!, { rules }))).toEqual(['dead-end']);
  });

  it('takes the file named by config, and names a mistake in it', () => {
    writeFileSync(path.join(root, 'bad.yaml'), 'disable: [no-such-rule]\n');
    expect(() => configuredRules({ cwd: root, config: 'bad.yaml' })).toThrow(ConfigError);
    expect(() => configuredRules({ cwd: root, config: 'bad.yaml' })).toThrow(/^bad\.yaml:1: disable\[0\]: "no-such-rule" is not a rule id/);
    throwsNaming(() => configuredRules({ cwd: 3 } as never), 'options.cwd');
  });

  it('is the built-in rules where no file is found', () => {
    expect(configuredRules({ cwd: mkdtempSync(path.join(tmpdir(), 'etcscore-lib-none-')) })).toBe(builtinRuleSet());
  });
});
