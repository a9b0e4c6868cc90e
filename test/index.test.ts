// The library's entry points (src/index.ts): a wrong argument is a TypeError naming it; a
// transcript's meta may hold anything a caller's object can (cycles, getters that throw, bigints,
// functions, proxies) without analyze, score or render throwing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtinRuleSet } from '../src/rules/index.js';
import { BUILTIN_RULES, ConfigError, RuleSet, analyze, configuredRules, formatterByName, parse, render, score, FORMAT_NAMES, type Transcript } from '../src/index.js';

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
      for (const maxLines of [0, 1.5, -3, '9', Number.NaN]) throwsNaming(() => fn(TEXT, { maxLines: maxLines as number }), 'options.maxLines');
    }
    throwsNaming(() => score(TEXT, { rules: { run: () => [] } as never }), 'options.rules');
  });

  it('an unknown option is named, not ignored: { redact: true } would leave data unmasked', () => {
    throwsNaming(() => score(TEXT, { redact: true } as never), 'score: options.redact is not an option');
    throwsNaming(() => parse(TEXT, { rules: builtinRuleSet() } as never), 'parse: options.rules is not an option');
    throwsNaming(() => analyze(transcript(), { colour: true } as never), 'analyze: options.colour is not an option');
    throwsNaming(() => render('json', [], [], { colour: true } as never), 'render: options.colour is not an option');
    throwsNaming(() => configuredRules({ dir: '.' } as never), 'configuredRules: options.dir is not an option');
  });

  it('a buffer that cannot be read (detached by a transfer) is named', () => {
    const bytes = new Uint8Array(new TextEncoder().encode(TEXT));
    structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
    throwsNaming(() => parse(bytes), 'parse: input cannot be read');
    throwsNaming(() => score(bytes), 'score: input cannot be read');
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

  it('analyze: a transcript that cannot be read (a throwing getter, a proxy, a hole in turns) is named', () => {
    const t = transcript();
    throwsNaming(() => analyze(new Proxy(t, { get: () => { throw new Error('trap'); } })), 'analyze: transcript.id cannot be read (trap)');
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    throwsNaming(() => analyze(revoked.proxy as never), 'analyze: transcript');
    throwsNaming(() => analyze({ ...t, turns: [, ...t.turns] as never }), 'transcript.turns[0] must be a Turn object');
    const turn = Object.defineProperty({ ...t.turns[0]! }, 'text', { enumerable: true, get: () => { throw new Error('text'); } });
    throwsNaming(() => analyze({ ...t, turns: [turn] }), 'transcript.turns[0].text cannot be read');
    throwsNaming(() => analyze({ ...t, turns: t.turns.map((x) => ({ ...x, line: 1.5 })) }), 'transcript.turns[0].line');
  });

  it('analyze reads each field once: a getter cannot answer one thing to the check and another to the analysis', () => {
    const t = transcript();
    let reads = 0;
    const turn = Object.defineProperty({ ...t.turns[0]! }, 'text', { enumerable: true, get: () => (reads++ === 0 ? 'Hello' : (null as never)) });
    expect(analyze({ ...t, turns: [turn] }).counts.turns).toBe(1);
  });

  it('analyze and score: rules that only look like a RuleSet are named, by a brand check, not a shape', () => {
    const real = builtinRuleSet();
    const expected = 'options.rules must be a RuleSet made by configuredRules() or new RuleSet(rules)';
    const fakes: Array<[string, unknown, string]> = [
      ['made from its prototype without the constructor', Object.create(RuleSet.prototype), "got an object with RuleSet's prototype that its constructor did not make"],
      ['its prototype, with a real one\'s fields copied on', Object.assign(Object.create(RuleSet.prototype), real), "RuleSet's prototype"],
      ['a copy through JSON', JSON.parse(JSON.stringify(real)), 'got a plain object; a RuleSet copied, as through JSON, is one'],
      ['a plain object with the same keys and methods', { ...real, run: real.run.bind(real), rules: real.rules }, 'got a plain object'],
      ['an object inheriting from a real one', Object.create(real), "RuleSet's prototype"],
      ['a proxy of a real one', new Proxy(real, {}), "RuleSet's prototype"],
      ['an instance of another class', new Map(), 'got an object)'],
      ['a string', 'all', 'got a string'],
      ['null', null, 'got null'],
    ];
    for (const [what, fake, got] of fakes) {
      for (const call of [() => analyze(transcript(), { rules: fake as never }), () => score(TEXT, { rules: fake as never })]) {
        let error: unknown;
        try {
          call();
        } catch (err) {
          error = err;
        }
        expect(error, what).toBeInstanceOf(TypeError);
        expect((error as Error).message, what).toMatch(/^(analyze|score): /);
        expect((error as Error).message, what).toContain(expected);
        expect((error as Error).message, what).toContain(got);
      }
    }
    // A revoked proxy and a getter that throws are named too.
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    throwsNaming(() => analyze(transcript(), { rules: proxy as never }), 'analyze: options.rules must be a RuleSet');
    const throwing = Object.defineProperty({}, 'rules', { enumerable: true, get: () => { throw new Error('no'); } });
    throwsNaming(() => analyze(transcript(), throwing), 'analyze: options.rules cannot be read (no)');
    // Real ones pass: the built-in set, one made with new, a subclass, and configuredRules()'s.
    class Mine extends RuleSet {}
    for (const rules of [real, new RuleSet(BUILTIN_RULES), new Mine(BUILTIN_RULES), configuredRules({ cwd: mkdtempSync(path.join(tmpdir(), 'etcscore-lib-brand-')) })]) {
      expect(analyze(transcript(), { rules }).findings.length).toBeGreaterThan(0);
      expect(score(TEXT, { rules })).toHaveLength(1);
    }
  });

  it('the rules checked are the rules run: a getter cannot show the check a RuleSet and the analysis another', () => {
    const onlyDeadEnd = new RuleSet(BUILTIN_RULES.filter((r) => r.id === 'dead-end'));
    let reads = 0;
    const options = Object.defineProperty({}, 'rules', { enumerable: true, get: () => (reads++ === 0 ? onlyDeadEnd : Object.create(RuleSet.prototype)) });
    expect(analyze(transcript(), options).findings.every((f) => f.rule === 'dead-end')).toBe(true);
    expect(reads).toBe(1);
  });

  it('render: every field of a result a format reads, of the wrong type, is named', () => {
    // Each field of a real result in turn (any depth), given junk: every format either writes it or
    // throws a TypeError naming the argument; never a failure from inside a formatter.
    const t = transcript();
    const [a] = score("Agent: Hello, how can I help?\nCustomer: My card is blocked, I'm furious.\nAgent: I'm sorry. You can either wait or I can call you back on Monday.\nCustomer: Thanks.\n");
    const paths = (v: unknown, at: string[] = []): string[][] =>
      v && typeof v === 'object' ? [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))] : [at];
    const withValue = (v: unknown, at: readonly string[], value: unknown): unknown => {
      if (at.length === 0) return value;
      const [k, ...rest] = at as [string, ...string[]];
      const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string, unknown>;
      copy[k] = withValue((v as Record<string, unknown>)[k], rest, value);
      return copy;
    };
    const JUNK = [null, undefined, {}, [], 'x', -1.5, Number.NaN];
    const failures = new Set<string>();
    for (const at of paths(a).filter((p) => p.length > 0 && p[0] !== 'meta')) {
      for (const value of JUNK) {
        const bad = withValue(a, at, value) as never;
        for (const f of FORMAT_NAMES) {
          try {
            render(f, [bad], [], { findings: true }, [t]);
          } catch (err) {
            if (!(err instanceof TypeError && err.message.startsWith('render: results[0]'))) failures.add(`${at.join('.')} = ${String(value)} in ${f}: ${(err as Error).message}`);
          }
        }
      }
    }
    expect([...failures]).toEqual([]);
    const id = Object.defineProperty({ ...a! }, 'id', { enumerable: true, get: () => { throw new Error('id'); } });
    throwsNaming(() => render('json', [id]), 'render: results[0].id cannot be read');
    throwsNaming(() => render('json', [a!], [], { tool: 'x' } as never), 'options.tool');
    throwsNaming(() => render('coach', [a!], [], {}, [{ ...t, turns: null }] as never), 'transcripts[0].turns');
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
    throwsNaming(() => formatterByName('__proto__'), 'formatterByName: name');
    throwsNaming(() => formatterByName(5 as never), 'formatterByName: name');
  });

  it('good arguments still work', () => {
    const t = transcript();
    expect(analyze(t).id).toBe(t.id);
    expect(score(Buffer.from(TEXT), { source: 'b.txt', format: 'text' })[0]!.source).toBe('b.txt');
    expect(parse(TEXT, { source: undefined })[0]!.source).toBe('<input>');
    for (const f of FORMAT_NAMES) expect(typeof render(f, [analyze(t)], [{ source: 'x', line: 1, message: 'bad' }], {}, [t])).toBe('string');
  });
});

describe('new RuleSet checks its arguments', () => {
  const rule = BUILTIN_RULES.find((r) => r.patterns.length > 0 && r.speaker === 'agent')!;
  it('names the argument, the rule and the field that is wrong', () => {
    const make = (rules: unknown, options?: unknown) => () => new RuleSet(rules as never, options as never);
    for (const bad of [undefined, null, 'rules', 5, { length: 1 }]) throwsNaming(make(bad), 'RuleSet: rules must be an array');
    throwsNaming(make([, rule]), 'RuleSet: rules[0]');
    throwsNaming(make([rule, null]), 'RuleSet: rules[1] must be a rule object');
    const fields: Array<[string, unknown]> = [
      ['id', 5], ['id', ''], ['speaker', 'bot'], ['kind', 'constructor'], ['severity', 'toString'], ['severity', 'fatal'],
      ['category', '__proto__'], ['message', null], ['patterns', 'x'], ['patterns', [5]], ['once', 'hourly'], ['unit', 'word'],
      ['suppressedBy', 'empathy'], ['yieldsTo', ['hasOwnProperty']], ['weight', Number.NaN], ['check', 'x'], ['allowNegated', 'yes'], ['suggestion', 1],
    ];
    for (const [field, value] of fields) throwsNaming(make([rule, { ...rule, id: field === 'id' ? value : 'mine', [field]: value }]), `RuleSet: rules[1].${field}`);
    for (const bad of [null, 'x', []]) throwsNaming(make([rule], bad), 'RuleSet: options must be an object');
    throwsNaming(make([rule], { ignore: 'um' }), 'RuleSet: options.ignore must be an array');
    throwsNaming(make([rule], { ignore: [1] }), 'RuleSet: options.ignore[0] must be a string');
    throwsNaming(make([rule], { sentiment: [null] }), 'RuleSet: options.sentiment[0]');
    throwsNaming(make([rule], { sentiment: [{ pattern: 'so bad', weight: -2, why: '', category: 'valueOf' }] }), 'RuleSet: options.sentiment[0].category');
    throwsNaming(make([rule], { ignores: [] }), 'RuleSet: options.ignores is not an option');
  });

  it('takes the built-in rules, a user\'s rule and its options', () => {
    const mine = { ...rule, id: 'mine', patterns: ['no can do'], severity: 'warning' as const };
    const rules = new RuleSet([...BUILTIN_RULES, mine], { ignore: ['to be honest'], sentiment: [{ pattern: 'so bad', weight: -2, why: 'x', category: 'sarcasm' as const }] });
    expect(RuleSet.is(rules)).toBe(true);
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

  it('a result whose meta or findings\' data a caller filled with exotic values still renders', () => {
    const a = analyze(transcript());
    a.meta = exoticMeta();
    for (const f of a.findings) f.data = exoticMeta();
    for (const f of FORMAT_NAMES) expect(typeof render(f, [a], [], { findings: true })).toBe('string');
    expect(JSON.parse(render('json', [a])).results[0].meta.cyclic).toEqual({ name: 'loop', self: '[circular]' });
  });

  it('a huge sparse array, typed array or Buffer in meta is copied as far as the budget goes, not index by index', () => {
    // One at a time: the copy's budget (100,000 values) is shared by all of meta.
    for (const huge of [new Array(2 ** 32 - 1), new Array(2 ** 24), new Uint8Array(2 ** 23), Buffer.alloc(2 ** 23, 7)]) {
      const a = analyze({ ...transcript(), meta: { huge } });
      const copied = (a.meta as { huge: unknown[] }).huge;
      expect(Array.isArray(copied)).toBe(true);
      expect(copied.length).toBeGreaterThan(99_000);
      expect(copied.length).toBeLessThan(100_000);
      expect(copied[0]).toBe(huge[0] ?? null);
      for (const f of FORMAT_NAMES) expect(typeof render(f, [a])).toBe('string');
      // render copies a caller's meta the same way
      const b = analyze(transcript());
      b.meta = { huge };
      expect(JSON.parse(render('json', [b])).results[0].meta.huge.length).toBeLessThan(100_000);
    }
    const small = analyze({ ...transcript(), meta: { floats: new Float64Array([1.5, Number.NaN]), bytes: Buffer.from([1, 2]), holes: [1, , 3] } }).meta;
    expect(small).toMatchObject({ floats: [1.5, null], bytes: [1, 2], holes: [1, null, 3] });
  }, 60_000);

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
