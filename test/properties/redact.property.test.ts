// --redact: no email address, phone number or card number from a transcript survives in anything
// the score command writes, in any output format. Skipped until the score command has --redact;
// it turns itself on when the flag is registered.
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProgram, loadCommands } from '../../src/cli/main.js';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';

const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: {}, cwd: process.cwd() };
const hasRedact = createProgram(io, () => {}, await loadCommands())
  .commands.find((c) => c.name() === 'score')
  ?.options.some((o) => o.long === '--redact') ?? false;

const SCALE = Number(process.env.ETCSCORE_FUZZ ?? 1);
const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));

// Addresses as people type them (not RFC oddities no one writes in a chat).
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{0,8}(?:[._+-][a-z0-9]{1,6})?$/),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/),
    fc.constantFrom('com', 'co.uk', 'org', 'de', 'io'),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);

// What people put between groups: spaces (no-break and narrow ones too), hyphens, en dashes, dots.
const sep = fc.constantFrom(' ', '-', '.', '\u00A0', '\u202F', '\u2013');
const phone = fc.oneof(
  fc.tuple(digits(3), digits(3), digits(4)).map(([a, b, c]) => `(${a}) ${b}-${c}`),
  fc.tuple(digits(3), digits(3), digits(4), sep).map(([a, b, c, s]) => `${a}${s}${b}${s}${c}`),
  fc.tuple(digits(3), digits(4), sep).map(([b, c, s]) => `1${s}800${s}${b}${s}${c}`),
  fc.tuple(digits(2), digits(4), digits(4), sep).map(([a, b, c, s]) => `+44${s}${a}${s}${b}${s}${c}`),
  fc.tuple(digits(2), digits(4), digits(4), fc.constantFrom('00 ', '00', '00\u00A0')).map(([a, b, c, p]) => `${p}44 ${a} ${b} ${c}`),
  fc.tuple(digits(3), digits(3), digits(4)).map(([a, b, c]) => `+1 ${a} ${b} ${c}`),
  fc.tuple(digits(3), digits(6), sep).map(([a, b, s]) => `07${a}${s}${b}`),
  // French and Belgian pairs, German area code and number.
  fc.tuple(fc.constantFrom('6', '7'), digits(8), fc.constantFrom(' ', '.', '\u00A0')).map(([m, d, s]) => `0${m}${s}${d.match(/../g)!.join(s)}`),
  fc.tuple(digits(3), digits(7), fc.constantFrom(' ', '-', '\u2013')).map(([a, b, s]) => `01${a.slice(0, 2)}${s}${b}`),
  // International without the "+", and North American as 3 + 7 (area code and exchange start 2–9).
  fc.tuple(fc.constantFrom('44', '49', '33', '91', '353', '971'), fc.integer({ min: 1, max: 9 }), digits(3), digits(4), sep).map(([cc, a, b, c, s]) => `${cc}${s}${a}${b}${s}${c}`),
  fc.tuple(fc.integer({ min: 2, max: 9 }), digits(2), fc.integer({ min: 2, max: 9 }), digits(6), sep).map(([a, b, c, d, s]) => `${a}${b}${s}${c}${d}`),
);

/** Card numbers pass the Luhn check, as real ones do; written grouped or not. */
function luhnComplete(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}
const card = fc
  .tuple(fc.constantFrom('4', '51', '37', '6011'), digits(14), fc.constantFrom(' ', '-', '', '.', '\u00A0', '\u2013'))
  .map(([prefix, rest, sep]) => {
    const number = luhnComplete((prefix + rest).slice(0, 15));
    return number.match(/.{1,4}/g)!.join(sep);
  });

const secret = fc.oneof(email.map((v) => ({ kind: 'email', v })), phone.map((v) => ({ kind: 'phone', v })), card.map((v) => ({ kind: 'card', v })));
const SAY = ['my email is', 'you can reach me at', 'call me on', 'the card number is', 'I said', 'it was charged to', 'send it to'];

const conversation = fc.array(fc.tuple(fc.constantFrom('Agent', 'Customer'), fc.constantFrom(...SAY), secret, fc.constantFrom('.', ', thanks.', '?', '')), {
  minLength: 1,
  maxLength: 6,
});

/** Digits only: a number that survives with its separators changed still counts as leaked. */
const digitsOf = (s: string) => s.replace(/\D/g, '');

type Secret = { kind: string; v: string };

/** The secrets that show in what was written, exactly or with their separators changed. */
function leaked(written: string, secrets: readonly Secret[]): Secret[] {
  const compact = written.replace(/[\s().+\-\u2013]/g, '');
  return secrets.filter((s) => written.includes(s.v) || (s.kind !== 'email' && compact.includes(digitsOf(s.v))));
}

// Cases where a secret was written when not redacting: proof that the property is not vacuous.
let exposedWithoutRedact = 0;

describe.skipIf(!hasRedact)('--redact', () => {
  it.each(FORMAT_NAMES)('no email, phone or card number survives in %s output', async (format) => {
    await fc.assert(
      fc.asyncProperty(conversation, secret, async (turns, inMeta) => {
        // In the turns' text, and in header lines that become the transcript's meta.
        const text = `# customer: ${inMeta.v}\n# notes: ${inMeta.v}\n` + turns.map(([who, say, s, end]) => `${who}: ${say} ${s.v}${end}`).join('\n') + '\n';
        const secrets = [inMeta, ...turns.map(([, , s]) => s)];
        const plain = await runCli(['score', '-', '--format', format, '--findings'], { stdin: text });
        if (leaked(plain.stdout + plain.stderr, secrets).length > 0) exposedWithoutRedact++;
        const r = await runCli(['score', '-', '--redact', '--format', format, '--findings'], { stdin: text });
        expect(r.code).toBe(0);
        expect(leaked(r.stdout + r.stderr, secrets)).toEqual([]);
      }),
      { numRuns: Math.round(100 * SCALE) },
    );
  }, 120_000);

  it('(the cases above did write secrets when not redacting)', () => {
    expect(exposedWithoutRedact).toBeGreaterThan(0);
  });

  it('masks details kept in a transcript\'s meta and speaker names too', async () => {
    const doc = {
      meta: { customerEmail: 'jo.bloggs@example.com', callbackNumber: '(555) 010-9999' },
      turns: [
        { role: 'agent', speaker: 'Agent', text: 'How can I help?' },
        { role: 'customer', speaker: 'jo.bloggs@example.com', text: 'My card 4111 1111 1111 1111 was charged twice.' },
      ],
    };
    for (const format of FORMAT_NAMES) {
      const r = await runCli(['score', '-', '--redact', '--format', format, '--findings'], { stdin: JSON.stringify(doc) });
      expect(r.code, format).toBe(0);
      const written = r.stdout + r.stderr;
      expect(written, format).not.toMatch(/jo\.bloggs@example\.com|010-9999|4111 1111 1111 1111/);
    }
  });
});

