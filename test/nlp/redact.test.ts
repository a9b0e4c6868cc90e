import { describe, expect, it } from 'vitest';
import { MASK, findRedactions, luhnValid, redactAnalysis, redactText, redactTranscript } from '../../src/nlp/redact.js';
import { analyze } from '../../src/score/analyze.js';
import type { Transcript } from '../../src/model/types.js';

const masked = (s: string) => s.replace(/[^\s\-@.()+]/g, MASK);

describe('redactText', () => {
  it.each([
    ['email', 'write to jane.doe+bills@example.co.uk today', 'jane.doe+bills@example.co.uk'],
    ['card with spaces', 'card 4111 1111 1111 1111 please', '4111 1111 1111 1111'],
    ['card with dashes', 'it is 5500-0000-0000-0004.', '5500-0000-0000-0004'],
    ['card, 15 digits', 'amex 378282246310005', '378282246310005'],
    ['international phone', 'call me on +44 20 7946 0958 later', '+44 20 7946 0958'],
    ['international phone, compact', 'my number is +14155552671', '+14155552671'],
    ['UK national phone', 'ring 020 7946 0958 tomorrow', '020 7946 0958'],
    ['UK mobile', 'mobile 07700 900123', '07700 900123'],
    ['North American phone', 'at (415) 555-2671 or', '(415) 555-2671'],
    ['North American phone with dashes', 'at 415-555-2671 or', '415-555-2671'],
    ['account number', 'my account number is 12345678', '12345678'],
  ])('masks a %s, same length, leaving the rest', (_kind, text, secret) => {
    const out = redactText(text);
    expect(out).toHaveLength(text.length);
    expect(out).not.toContain(secret);
    expect(out).toBe(text.replace(secret, masked(secret)));
  });

  it.each([
    ['an order number', 'your order 1234567890123 has shipped'],
    ['a reference number with a label', 'the ticket number is 98765432'],
    ['a 16-digit number failing Luhn under an order label', 'order no. 4111 1111 1111 1112'],
    ['a date', 'on 2024-01-15 at 10:30'],
    ['a time and an amount', 'at 3:45pm we refunded $129.99'],
    ['a short number', 'flight 1234 at gate 12'],
    ['a compact date and date-time', 'exported 20261116, call 20261116093000'],
  ])('leaves %s alone', (_what, text) => {
    expect(redactText(text)).toBe(text);
  });

  it('checks card numbers with Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(findRedactions('4111111111111111')[0]?.kind).toBe('card');
    // Not a card, but 16 digits in a row without an order label is still an account-like number.
    expect(findRedactions('4111111111111112')[0]?.kind).toBe('account');
  });
});

const CALL: Transcript = {
  id: 'c1',
  source: 'call.txt',
  channel: 'call',
  meta: { agentName: 'Dana', customerId: 'CUST-0042', team: 'billing' },
  turns: [
    { index: 0, role: 'agent', speaker: 'Agent', text: 'Thanks for calling. Can I take your email?' },
    { index: 1, role: 'customer', speaker: 'Customer', text: "It's sam@example.com and I'm really frustrated, card 4111 1111 1111 1111." },
    { index: 2, role: 'agent', speaker: 'Agent', text: "I'm sorry to hear that. I'll call you back on 020 7946 0958 by 5pm." },
  ],
};

describe('redactTranscript', () => {
  it('masks speaker labels and the role assignments keyed by them', () => {
    const caller = '+14155552671';
    const t = redactTranscript({
      ...CALL,
      turns: CALL.turns.map((x) => (x.role === 'customer' ? { ...x, speaker: caller } : x)),
      meta: { ...CALL.meta, roleInference: { method: 'inferred', confidence: 0.8, assignments: { [caller]: 'customer' }, evidence: [`${caller} gives an account number`] } },
    });
    expect(JSON.stringify(t)).not.toContain('4155552671');
    expect(t.turns[1]!.speaker).toBe(`+${MASK.repeat(11)}`);
  });

  it('keeps long numeric ids and file names (join keys) but masks contact details in them', () => {
    const t = redactTranscript({ ...CALL, id: '12345678', source: 'calls/+14155552671_12345678.txt' });
    expect(t.id).toBe('12345678');
    expect(t.source).toBe(`calls/+${MASK.repeat(11)}_12345678.txt`);
  });

  it('masks before analysis, so findings and spans refer to the masked text', () => {
    const t = redactTranscript(CALL);
    expect(t.meta.customerId).toBe(`${MASK.repeat(4)}-${MASK.repeat(4)}`);
    expect(t.meta.agentName).toBe('Dana');
    const a = analyze(t);
    const json = JSON.stringify(a);
    for (const secret of ['sam@example.com', '4111', '7946', 'CUST-0042']) expect(json).not.toContain(secret);
    expect(a.findings.length).toBeGreaterThan(0);
    for (const f of a.findings) expect(t.turns[f.turn]!.text.slice(...f.span)).toBe(f.text);
    // Redaction does not change what the rules find: same rules, same spans.
    const plain = analyze(CALL);
    expect(a.findings.map((f) => [f.rule, f.turn, f.span])).toEqual(plain.findings.map((f) => [f.rule, f.turn, f.span]));
  });

  it('redactAnalysis masks an analysis made without --redact, keeping spans valid', () => {
    const a = redactAnalysis(analyze(CALL));
    const json = JSON.stringify(a);
    for (const secret of ['sam@example.com', '0958', 'CUST-0042']) expect(json).not.toContain(secret);
    expect(a.meta.customerId).not.toContain('0042');
    for (const f of a.findings) expect(redactText(CALL.turns[f.turn]!.text).slice(...f.span)).toBe(f.text);
  });
});
