// A speaker, role, agent, team or queue named after a member of Object.prototype is an ordinary
// name: read by every format, scored, rolled up and reported like any other. Maps and
// null-prototype records hold names; a plain {} would answer "constructor" with a function.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, score } from '../../src/index.js';
import { FORMAT_NAMES, render } from '../../src/report/index.js';
import { Rollup } from '../../src/report/rollup.js';
import { ROLLUP_FORMATS, renderRollup } from '../../src/report/rollup-format.js';
import { runCli } from '../helpers/cli.js';

const NAMES = Object.getOwnPropertyNames(Object.prototype); // constructor, toString, __proto__, valueOf, …
const name = fc.constantFrom(...NAMES);
const other = (n: string) => (n === 'valueOf' ? 'toString' : 'valueOf');

// The same conversation in each input format, its agent and customer speaking under the names.
const AS: Record<string, (agent: string, customer: string) => string> = {
  // Plain text takes capitalised names as speakers (these are not): the names are in the headers
  // (values and keys) and the words.
  text: (a, c) =>
    `# agent: ${a}\n# team: ${c}\n# queue: ${a}\n# ${a}: ${c}\nAgent: Thank you for calling Acme, I'm sorry you feel that way.\nCustomer: This is ridiculous, I want to cancel, the ${a} ${c} broke.\n` +
    `Agent: I'll call you back by 5pm today about the ${c}.\nCustomer: Fine, thanks.\n`,
  webvtt: (a, c) =>
    `WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v ${a}>Thank you for calling Acme, how can I help?\n\n00:00:04.000 --> 00:00:06.000\n<v ${c}>This is ridiculous, I want to cancel.\n\n00:00:07.000 --> 00:00:09.000\n<v ${a}>Can I take your account number? I'll call you back by 5pm today.\n`,
  csv: (a, c) => `conversation_id,speaker,role,text,agent,team\nx,${a},agent,"Thank you for calling Acme, I'm sorry you feel that way.",${a},${c}\nx,${c},customer,"This is ridiculous, I want to cancel.",${a},${c}\n`,
  json: (a, c) =>
    JSON.stringify({
      id: a,
      meta: { agentName: a, team: c, queue: a, [a]: c },
      turns: [
        { role: 'agent', speaker: a, text: "Thank you for calling Acme, I'm sorry you feel that way." },
        { role: 'customer', speaker: c, text: `This is ridiculous, I want to cancel the ${a} and the ${c}.` },
      ],
    }),
};
const FILE: Record<string, string> = { text: 'x.txt', webvtt: 'x.vtt', csv: 'x.csv', json: 'x.json' };

describe('names from Object.prototype are ordinary names', () => {
  it.each(Object.keys(AS))('%s: read, scored and reported like any other name', (format) => {
    fc.assert(
      fc.property(name, (a) => {
        const c = other(a);
        const [t] = parse(AS[format]!(a, c), { source: FILE[format]! });
        expect(t).toBeDefined();
        const roles = new Map(t!.turns.map((turn) => [turn.speaker, turn.role]));
        expect(roles.get(format === 'text' ? 'Agent' : a)).toBe('agent');
        expect(roles.get(format === 'text' ? 'Customer' : c)).toBe('customer');
        if (format !== 'webvtt') expect(t!.meta.team).toBe(c);
        // A header "# constructor: …" is a header like any other.
        if (format === 'text' && a === 'constructor') expect(Object.getOwnPropertyDescriptor(t!.meta, 'constructor')?.value).toBe(c);
        for (const turn of t!.turns) expect(['agent', 'customer', 'bot', 'system', 'unknown']).toContain(turn.role);
        const [analysis] = score(AS[format]!(a, c), { source: FILE[format]! });
        expect(analysis!.scores).not.toBeNull();
        expect(analysis!.counts.agentTurns).toBeGreaterThan(0);
        for (const f of FORMAT_NAMES) expect(typeof render(f, [analysis!], [], { findings: true }, [t])).toBe('string');
        expect(JSON.stringify(analysis)).not.toContain('function');
      }),
      { numRuns: NAMES.length * 2 },
    );
  });

  it('rollups keep an agent, team or queue of each name apart from the others', () => {
    for (const by of ['agent', 'team', 'queue'] as const) {
      const rollup = new Rollup(by, 'day');
      const analyses = NAMES.flatMap((n) => score(AS.json!(n, other(n)), { source: `${n}.json` }));
      for (const a of analyses) rollup.add(a);
      const groups = rollup.list();
      const keys = groups.map((g) => g.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const g of groups) expect(g.summary.count).toBeGreaterThan(0);
      expect(groups.reduce((n, g) => n + g.summary.count, 0)).toBe(analyses.length);
      if (by === 'agent') expect(keys.sort()).toEqual([...NAMES].sort());
      for (const f of ROLLUP_FORMATS) {
        const out = renderRollup(rollup, f, { color: false, tool: { name: 'etcscore', version: '0' } }).replace(/\\_/g, '_');
        for (const k of keys) expect(out).toContain(k);
      }
    }
  });

  it('the command line scores, coaches and rolls them up', async () => {
    const text = NAMES.map((n) => AS.json!(n, other(n))).map((j) => JSON.stringify(JSON.parse(j))).join('\n') + '\n';
    const scored = await runCli(['score', '-', '--format', 'ndjson'], { stdin: text });
    expect(scored.code).toBe(0);
    const results = scored.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((r) => r.id)).toEqual(NAMES);
    const report = await runCli(['report', '-', '--by', 'agent', '--format', 'json'], { stdin: scored.stdout });
    expect(report.code).toBe(0);
    const groups = JSON.parse(report.stdout).groups as Array<{ key: string; count: number }>;
    expect(groups.map((g) => g.key).sort()).toEqual([...NAMES].sort());
    const coach = await runCli(['coach', '-', '--id', '__proto__'], { stdin: text });
    expect(coach.code).toBe(0);
    expect(coach.stdout).toContain('__proto__');
    // An output named x.constructor is a file with an extension no format has, like any other.
    for (const command of ['score', 'coach', 'report']) {
      for (const name of NAMES) {
        const r = await runCli([command, '-', '-o', `x.${name}`], { stdin: command === 'report' ? scored.stdout : text });
        expect(r.code, `${command} -o x.${name}`).toBe(2);
        expect(r.stderr, name).toContain(`no format is written as .${name.toLowerCase()}`);
      }
    }
  });
});
