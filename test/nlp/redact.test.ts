import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK, Redactor, findRedactions, foldForDetection, luhnValid, redactText } from '../../src/nlp/redact.js';
import { analyze } from '../../src/score/analyze.js';
import type { Transcript } from '../../src/model/types.js';
import { LINEAR_RATIO, growth } from '../helpers/growth.js';

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
    ['an order number starting 00', 'your order 0012345678 has shipped'],
    ['a reference number with a label', 'the ticket number is 98765432'],
    ['a 16-digit number failing Luhn under an order label', 'order no. 4111 1111 1111 1112'],
    ['a date', 'on 2024-01-15 at 10:30'],
    ['a time and an amount', 'at 3:45pm we refunded $129.99'],
    ['a short number', 'flight 1234 at gate 12'],
    ['a compact date and date-time', 'exported 20261116, call 20261116093000'],
    ['dates with slashes and a count', 'from 05/06/2024 12 items, 01/05/2024 10:30'],
    ['a range with a spaced dash', 'between 10 - 12 days, 2024 - 2025'],
    ['an IBAN-like code whose check digits disagree', 'code GB00 WEST 1234 5698 7654 32 ok'],
    ['three pairs with no bank label (a date as likely)', 'on 12-03-24 we spoke, ref 12 34 56'],
    ['the age of an account, and a date after the word', 'the account is 12 months old, account 2024-01-15'],
    ['a date and four digits after slashes', 'date 12/05/2024 and 4111/1111'],
    // What the spaced and spelled-out e-mail forms must not take.
    ['an @ with no domain after it', 'DM us @ help or @AcmeHelp'],
    ['looking at a web site', 'look at amazon.com for it'],
    ['"at" and "dot" with no address between', 'meet me at the shop dot com'],
    ['an "@" and a "dot" with no address between', 'meet me @ the shop dot com, DM @ help dot'],
    ['a time after an @', 'sent @ 10.30pm'],
    // What the grouped numbers must not take.
    ['a span of years or of opening hours', 'from 2019 2020 to 1999-2003, open 0900-1730'],
    ['a reference in groups', 'order 1234 5678 has shipped'],
    ['a list of small numbers between commas', 'items 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7'],
    ['an amount with thousands', 'we refunded 1,234,567.89 and 1234,5678,9012,3456'],
    ['two letters, pairs of digits and a word', 'on 12 34 56 a lot'],
    ['a reference in threes', 'order no. 912 345 678 shipped'],
    ['an amount in threes', 'a loan of £123 456 789 or € 123 456 789'],
    ['an IP address and a version', 'host 192.168.100.200 runs 100.200.300.4'],
    ['words that start like the labels, and a label with no number', 'pinned 123, spin 1234, the expiry is next week, exp 13/26'],
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

describe('Redactor', () => {
  const r = new Redactor('a fixed key for tests');
  const TAG = /^\[(?:phone|email|card|customer):[a-z]{12}\]$/;

  it('tags speaker labels and the role assignments keyed by them, the same tag in both', () => {
    const caller = '+14155552671';
    const t = r.transcript({
      ...CALL,
      turns: CALL.turns.map((x) => (x.role === 'customer' ? { ...x, speaker: caller } : x)),
      meta: { ...CALL.meta, roleInference: { method: 'inferred', confidence: 0.8, assignments: { [caller]: 'customer' }, evidence: [`${caller} gives an account number`] } },
    });
    expect(JSON.stringify(t)).not.toContain('4155552671');
    const tag = t.turns[1]!.speaker;
    expect(tag).toMatch(TAG);
    const inference = t.meta.roleInference as { assignments: Record<string, string>; evidence: string[] };
    expect(inference.assignments).toEqual({ [tag]: 'customer' });
    expect(inference.evidence[0]).toBe(`${tag} gives an account number`);
  });

  it('keeps long numeric ids and file names (join keys) but tags contact details in them', () => {
    const t = r.transcript({ ...CALL, id: '12345678', source: 'calls/+14155552671_12345678.txt' });
    expect(t.id).toBe('12345678');
    expect(t.source).toBe(`calls/${r.tag('phone', '+14155552671')}_12345678.txt`);
  });

  it('masks before analysis, so findings and spans refer to the masked text', () => {
    const t = r.transcript(CALL);
    expect(t.meta.customerId).toMatch(TAG);
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

  it('masks an analysis made without --redact, keeping spans valid', () => {
    const a = r.analysis(analyze(CALL));
    const json = JSON.stringify(a);
    for (const secret of ['sam@example.com', '0958', 'CUST-0042']) expect(json).not.toContain(secret);
    expect(a.meta.customerId).toBe(r.tag('customer', 'CUST-0042'));
    for (const f of a.findings) expect(redactText(CALL.turns[f.turn]!.text).slice(...f.span)).toBe(f.text);
  });

  it('masks an error record: the file name as a key, the message as text', () => {
    const e = r.error({ source: 'jo@example.com/call.txt', line: 3, message: 'unknown speaker "07700 900123" (account 12345678)' });
    expect(e.source).toBe(`${r.tag('email', 'jo@example.com')}/call.txt`);
    expect(e.message).toBe(`unknown speaker "${MASK.repeat(5)} ${MASK.repeat(6)}" (account ${MASK.repeat(8)})`);
  });
});

describe('a value cut short where an error message quotes the input', () => {
  // An error quotes a line's first 60 characters ("…") and JSON.parse ten around its position
  // ('"jo.bloggs@"...', '..."11 1111"'): what is left of a value there is no longer one the
  // detectors know, yet can be most of it.
  const r = new Redactor('k');
  const VALUES = [
    'jo.bloggs@example.com',
    'jo.bloggs @ example.com',
    '4111 1111 1111 1111',
    '4111.1111.1111.1111',
    '4111-1111-1111-1111',
    '+44 20 7946 0958',
    '00 44 20 7946 0958',
    '1-800-555-0199',
    '020\u00a07946\u00a00958',
    '07700\u2013900123',
    '\uff14\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 \uff11\uff11\uff11\uff11',
  ];
  const shown = (message: string, value: string, at: number) => {
    const part = foldForDetection(r.error({ source: 's', line: 1, message }).message).slice(at, at + value.length);
    return part.replace(/[^\p{L}\p{N}]/gu, '');
  };
  const prefix = fc.stringMatching(/^[a-z ]{0,40} $/);

  it('masks every letter and digit of the value that the cut left, at the end of a quote', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALUES), prefix, fc.nat(), (value, before, n) => {
        const kept = value.slice(0, 1 + (n % (value.length - 1)));
        const excerpt = `found "${before}${kept}\u2026"`;
        expect(shown(excerpt, kept, 'found "'.length + before.length)).toBe('');
        const parser = `Unexpected token 'x', "${before}${kept}"... is not valid JSON`;
        expect(shown(parser, kept, `Unexpected token 'x', "`.length + before.length)).toBe('');
      }),
    );
  });

  it('masks what is left of a value where JSON.parse cut the start of its quote', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALUES), prefix, fc.nat(), (value, after, n) => {
        const kept = value.slice(1 + (n % (value.length - 1)));
        const parser = `Unexpected token 'x', ..."${kept}${after.trimEnd()}"... is not valid JSON`;
        expect(shown(parser, kept, `Unexpected token 'x', ..."`.length)).toBe('');
      }),
    );
  });

  it('leaves a message with no cut as it was, and a cut word of letters only', () => {
    expect(r.error({ source: 's', line: 1, message: 'expected a cue timing line, found "hello there"' }).message).toBe('expected a cue timing line, found "hello there"');
    expect(r.error({ source: 's', line: 1, message: 'found "hello there…"' }).message).toBe(`found "hello ${MASK.repeat(5)}…"`);
  });

  it('is linear in the message', () => {
    const message = (n: number) => 'a\u2026'.repeat(n) + '1 '.repeat(n) + '..."1'.repeat(n) + '"...'.repeat(n);
    expect(growth((n) => r.error({ source: 's', line: 1, message: message(n) }), 20_000)).toBeLessThan(LINEAR_RATIO);
  });
});

describe('the phone and card forms people write', () => {
  it.each([
    ['North American toll-free with the 1', 'call 1-800-555-0199 now', '1-800-555-0199', 'phone'],
    ['North American with 1 and brackets', 'call 1 (800) 555-0199 now', '1 (800) 555-0199', 'phone'],
    ['international with 00', 'ring 00 44 20 7946 0958 later', '00 44 20 7946 0958', 'phone'],
    ['international with 00, compact', 'ring 0044 20 7946 0958 later', '0044 20 7946 0958', 'phone'],
    ['no-break spaces', 'on +44\u00A020\u00A07946\u00A00958 ok', '+44\u00A020\u00A07946\u00A00958', 'phone'],
    ['narrow no-break spaces', 'on 020\u202F7946\u202F0958 ok', '020\u202F7946\u202F0958', 'phone'],
    ['en dashes', 'at 415\u2013555\u20132671 or', '415\u2013555\u20132671', 'phone'],
    ['French pairs', 'mon portable 06 12 34 56 78 merci', '06 12 34 56 78', 'phone'],
    ['French international', 'au +33 6 12 34 56 78 merci', '+33 6 12 34 56 78', 'phone'],
    ['German with a dash', 'unter 0171-1234567 erreichbar', '0171-1234567', 'phone'],
    ['German international with (0)', 'unter +49 (0)30 1234567 erreichbar', '+49 (0)30 1234567', 'phone'],
    ['Belgian mobile', 'gsm 0470 12 34 56 svp', '0470 12 34 56', 'phone'],
    // National numbers of countries without a trunk 0, in their groupings.
    ['Spanish mobile', 'mi móvil 612 34 56 78 gracias', '612 34 56 78', 'phone'],
    ['Portuguese or Polish in threes', 'ligue 912 345 678 obrigado', '912 345 678', 'phone'],
    ['Danish or Norwegian in pairs', 'ring 12 34 56 78 tak', '12 34 56 78', 'phone'],
    ['a country code in brackets', 'call (+44) 20 7946 0958 now', '(+44) 20 7946 0958', 'phone'],
    // A card's security data, named by its label.
    ['a card security code', 'and the cvv 123 ok', '123', 'card'],
    ['a PIN', 'my PIN is 4321 ok', '4321', 'card'],
    ['a labelled security code', 'security code: 1234 ok', '1234', 'card'],
    ['an expiry date', 'expiry date 09/2027 ok', '09/2027', 'card'],
    ['dotted card groups', 'card 4111.1111.1111.1111 please', '4111.1111.1111.1111', 'card'],
    ['card with no-break spaces', 'card 4111\u00A01111\u00A01111\u00A01111 please', '4111\u00A01111\u00A01111\u00A01111', 'card'],
    ['card with en dashes', 'card 4111\u20131111\u20131111\u20131111 please', '4111\u20131111\u20131111\u20131111', 'card'],
    ['Amex grouping 4-6-5', 'amex 3782 822463 10005 ok', '3782 822463 10005', 'card'],
    ['card followed by a count', 'card 4111 1111 1111 1111 2 items', '4111 1111 1111 1111', 'card'],
    // Written with spaces around a dash, two spaces, or invisible characters between the groups.
    ['card with spaced dashes', 'card 4111 - 1111 - 1111 - 1111 ok', '4111 - 1111 - 1111 - 1111', 'card'],
    ['card with two spaces', 'card 4111  1111  1111  1111 ok', '4111  1111  1111  1111', 'card'],
    ['card with em dashes', 'card 4111\u20141111\u20141111\u20141111 ok', '4111\u20141111\u20141111\u20141111', 'card'],
    ['card with zero-width spaces', 'card 4111\u200B1111\u200B1111\u200B1111 ok', '4111\u200B1111\u200B1111\u200B1111', 'card'],
    ['card with soft hyphens', 'card 4111\u00AD1111\u00AD1111\u00AD1111 ok', '4111\u00AD1111\u00AD1111\u00AD1111', 'card'],
    ['phone with spaced dashes', 'call 800 - 555 - 0199 now', '800 - 555 - 0199', 'phone'],
    ['phone with a zero-width space', 'call +44\u200B7700900123 now', '+44\u200B7700900123', 'phone'],
    ['phone with an ideographic space', 'call 07700\u3000900123 now', '07700\u3000900123', 'phone'],
    // Digits in other scripts: fullwidth (Chinese and Japanese input methods), Arabic-Indic.
    ['fullwidth phone', 'call ０７７００ ９００１２３ now', '０７７００ ９００１２３', 'phone'],
    ['fullwidth international phone', 'call ＋４４ ７７００ ９００１２３ now', '＋４４ ７７００ ９００１２３', 'phone'],
    ['fullwidth card', 'card ４１１１ １１１１ １１１１ １１１１ ok', '４１１１ １１１１ １１１１ １１１１', 'card'],
    ['Arabic-Indic card', 'card ٤١١١١١١١١١١١١١١١ ok', '٤١١١١١١١١١١١١١١١', 'card'],
    ['Devanagari phone', 'call ०७७०० ९००१२३ now', '०७७०० ९००१२३', 'phone'],
    ['fullwidth e-mail', 'mail ｊｏ＠ｅｘａｍｐｌｅ．ｃｏｍ ok', 'ｊｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'email'],
    // European groupings.
    ['UK national with (0)', 'ring (0)20 7946 0958 later', '(0)20 7946 0958', 'phone'],
    ['German with a slash', 'unter 030/1234567 erreichbar', '030/1234567', 'phone'],
    ['German with a spaced slash and pairs', 'unter 030 / 123 45 67 erreichbar', '030 / 123 45 67', 'phone'],
    ['IBAN in groups', 'iban GB82 WEST 1234 5698 7654 32 ok', 'GB82 WEST 1234 5698 7654 32', 'account'],
    ['IBAN compact', 'iban DE89370400440532013000 ok', 'DE89370400440532013000', 'account'],
    // Bank details their label names, in any grouping of pairs.
    ['a UK sort code', 'my sort code is 12-34-56 thanks', '12-34-56', 'account'],
    ['a sort code in spaced pairs', 'Sort Code: 12 34 56, thanks', '12 34 56', 'account'],
    ['an account number in two groups', 'account number 1234 5678 ok', '1234 5678', 'account'],
    ['an account number in pairs', 'acct no. 12 34 56 78 ok', '12 34 56 78', 'account'],
    // Card groups as web forms and chat widgets leave them.
    ['card groups with slashes', 'card 4111/1111/1111/1111 ok', '4111/1111/1111/1111', 'card'],
    ['card groups with underscores', 'card 4111_1111_1111_1111 ok', '4111_1111_1111_1111', 'card'],
    // Card groups between commas (Luhn still decides), and tabs as a spreadsheet's cells leave them.
    ['card groups with commas', 'card 4111,1111,1111,1111 ok', '4111,1111,1111,1111', 'card'],
    ['card groups with commas and spaces', 'card 4111, 1111, 1111, 1111 ok', '4111, 1111, 1111, 1111', 'card'],
    ['Amex groups with commas', 'amex 3782,822463,10005 ok', '3782,822463,10005', 'card'],
    ['card groups with tabs', 'card 4111\t1111\t1111\t1111 ok', '4111\t1111\t1111\t1111', 'card'],
    // A turn of several lines, wrapped inside a number.
    ['a card number across a line break', 'card 4111 1111\n1111 1111 ok', '4111 1111\n1111 1111', 'card'],
    ['a card number a group a line', 'card 4111\n1111\n1111\n1111 ok', '4111\n1111\n1111\n1111', 'card'],
    ['a phone number across a CRLF', 'call +44 20\r\n7946 0958 ok', '+44 20\r\n7946 0958', 'phone'],
    ['a national number across a line break', 'ring 07700\n900123 ok', '07700\n900123', 'phone'],
    // An IBAN whose groups hold "00 44…", which alone looks like an international number.
    ['IBAN with a group that looks like a phone', 'IBAN DE89 3704 0044 0532 0130 00 ok', 'DE89 3704 0044 0532 0130 00', 'account'],
    // Account numbers in groups of four, with no label: as the run of 8 digits is.
    ['eight digits in two groups', 'it is 1234 5678 thanks', '1234 5678', 'account'],
    ['eight digits with a dash', 'member 1234-5678 ok', '1234-5678', 'account'],
    ['sixteen digits failing Luhn, in groups', 'number 1234 5678 9012 3456 ok', '1234 5678 9012 3456', 'account'],
    // Identity numbers.
    ['a US social security number', 'my ssn is 123-45-6789 ok', '123-45-6789', 'account'],
    ['a labelled social security number in groups', 'social security number: 123 45 6789 ok', '123 45 6789', 'account'],
    ['a UK National Insurance number', 'NI number AB 12 34 56 C ok', 'AB 12 34 56 C', 'account'],
    // E-mail addresses written with spaces around the @, or spelled out to pass filters.
    ['an e-mail with spaces around the @', 'mail jo @ example.com ok', 'jo @ example.com', 'email'],
    ['an e-mail with a space after the @', 'mail jo@ example.co.uk ok', 'jo@ example.co.uk', 'email'],
    ['an e-mail spelled out', 'it is jo at example dot com ok', 'jo at example dot com', 'email'],
    ['an e-mail spelled out in capitals', 'JO AT EXAMPLE DOT CO DOT UK ok', 'JO AT EXAMPLE DOT CO DOT UK', 'email'],
    ['an e-mail with (at) and (dot)', 'jo.b(at)example(dot)com ok', 'jo.b(at)example(dot)com', 'email'],
    ['an e-mail with [at] and a real dot', 'jo [at] example.com ok', 'jo [at] example.com', 'email'],
    ['an e-mail with an "@" and its dots spelled out', 'mail jo@example dot com ok', 'jo@example dot com', 'email'],
    ['an e-mail with a spaced "@" and its dots spelled out', 'mail jo.bloggs @ example dot co dot uk ok', 'jo.bloggs @ example dot co dot uk', 'email'],
    ['an e-mail with (dot) after an "@"', 'mail jo@example(dot)com ok', 'jo@example(dot)com', 'email'],
    // The full stops of Chinese and Japanese input methods.
    ['an e-mail with ideographic full stops', 'mail jo@example\u3002co\u3002jp ok', 'jo@example\u3002co\u3002jp', 'email'],
    ['an e-mail with halfwidth ideographic full stops', 'mail jo\uff20example\uff61com ok', 'jo\uff20example\uff61com', 'email'],
    // North America's exit code, before the country code.
    ['an international number dialled with 011', 'mine is 011 44 20 7946 0958 ok', '011 44 20 7946 0958', 'phone'],
    ['an international number dialled with 011, dashed', 'it is 011-33-6-12-34-56-78 ok', '011-33-6-12-34-56-78', 'phone'],
  ])('masks %s', (_what, text, secret, kind) => {
    const found = findRedactions(text);
    expect(found.map((f) => [f.kind, text.slice(...f.span)])).toEqual([[kind, secret]]);
    expect(redactText(text)).toHaveLength(text.length);
  });
});

// Phone numbers with nothing but their groups to go by: no "+" or "00", no trunk 0, no fixed
// grouping. Masked by their shape (a country code, 10–15 digits, one separator) or by a phone cue
// before them; the sentences that must stay are made of the same digits and separators.
describe('phone numbers written as bare groups of digits', () => {
  it.each([
    ['a UK number without its +', "Best to call me on 44 20 7946 0958, that's the London office.", '44 20 7946 0958'],
    ['a UK mobile without its +', "My mobile's 44 7700 900123 if we get cut off.", '44 7700 900123'],
    ['a French mobile without its +, in pairs', 'Vous pouvez me joindre au 33 6 12 34 56 78 après 18h.', '33 6 12 34 56 78'],
    ['a German number without its +, no cue', 'Meine Nummer ist 49 30 1234567, danke.', '49 30 1234567'],
    ['an Irish mobile with dots', "It's 353.87.123.4567 on WhatsApp.", '353.87.123.4567'],
    ['an Indian number with dashes', 'Reach our Mumbai desk at 91-22-1234-5678 any time.', '91-22-1234-5678'],
    ['a UAE number with no-break spaces', 'The Dubai office is 971\u00A050\u00A0123\u00A04567, thanks.', '971\u00A050\u00A0123\u00A04567'],
    ['a UK number with en dashes', 'Head office: 44\u201320\u20137946\u20130958 ok', '44\u201320\u20137946\u20130958'],
    ['a US number as 3 + 7 digits', 'You can reach me at 415 5552671 after lunch.', '415 5552671'],
    ['a US number as 3 + 7 with the area code in brackets', 'Or try (415) 5552671, the front desk.', '(415) 5552671'],
    ['a US number as 1 + 3 + 7', 'Dial 1 415 5552671 from abroad.', '1 415 5552671'],
    ['a US number as 3 + 7 with a dot', 'the shop is on 415.5552671 until six', '415.5552671'],
    ['a local number after "my cell is"', 'my cell is 555 2671, text me anytime', '555 2671'],
    ['a number after "text me on", in 4-3-3', 'text me on 7700 900 123 instead', '7700 900 123'],
    ['ten digits after "Tel."', 'Tel. 4155552671 is the desk', '4155552671'],
    ['pairs after a phone cue', 'ring me on 45 12 34 56 78 tonight', '45 12 34 56 78'],
    ['a number after "my number is", then a date', 'my number is 555 2671, since 06.12.2024', '555 2671'],
  ])('masks %s', (_what, text, secret) => {
    expect(findRedactions(text).map((f) => [f.kind, text.slice(...f.span)])).toEqual([['phone', secret]]);
    expect(redactText(text)).toHaveLength(text.length);
  });

  it.each([
    ['amounts in groups of three', 'The settlement was 1 500 000 and the fee 12 500.'],
    ['a large amount after a country-code-like group', 'Revenue hit 44 500 000 000 last year.'],
    ['an amount with a sign and decimals', 'You were charged $1,234.56 on the 6th.'],
    ['an amount with a decimal comma and a euro sign', 'Le total est de 2 499,00 € TTC.'],
    ['a date in spaced groups and a time', 'It shipped on 2024 12 06 at 10:30.'],
    ['a dotted date', 'Delivery is booked for 06.12.2024.'],
    ['a date and a time after a phone cue', 'Call me on 06.12.2024 at 10:30 about it.'],
    ['a compact date after a phone cue', 'call 20241206 was the last one'],
    ['counts and quantities', 'You have 3 items and 12 500 points left.'],
    ['an amount after a phone cue', 'We call 1 500 000 customers a year.'],
    ['order and case numbers written as one token', 'Your order ORD-58213 and case #4471902 are linked.'],
    ['versions and builds', 'We updated to version 7.0.19045.3803 yesterday, the app is on 2.14.3.'],
    ['an IP address', 'The router answers on 41.200.10.200 now.'],
    ['a list of figures in pairs', 'Scores this week: 30 40 50 60 70.'],
    ['a reference its label names', 'reference 44 20 7946 0958 is on the parcel'],
    ['3 + 7 digits that no North American number has', 'the serial is 123 4567890 on the box'],
    ['a time and a count after "call"', 'call me at 10 30 tomorrow, we will call you in 2 to 3 days'],
    ['an ISBN', 'ISBN 978-0-306-40615-7 is the edition'],
    ['groups with mixed separators', 'the range 44 20-7946.0958 was printed'],
  ])('leaves %s alone', (_what, text) => {
    expect(redactText(text)).toBe(text);
  });

  it('a phone cue counts only right before the number', () => {
    expect(redactText('Please call me back on 555 2671.')).toBe(`Please call me back on ${MASK.repeat(3)} ${MASK.repeat(4)}.`);
    expect(redactText('Call me. I counted 555 2671 items.')).toBe('Call me. I counted 555 2671 items.');
  });
});

describe('tags keep join keys apart', () => {
  it('an address or a number is one key however it is written', () => {
    const r = new Redactor();
    expect(r.joinKey('jo@example dot com')).toBe(r.joinKey('jo@example.com'));
    expect(r.joinKey('jo@example\u3002com')).toBe(r.joinKey('jo@example.com'));
    expect(r.joinKey('011 44 20 7946 0958')).toBe(r.joinKey('+44 20 7946 0958'));
    expect(r.joinKey('011 44 20 7946 0958')).not.toBe(r.joinKey('+44 20 7946 0959'));
  });

  const secretOfSameShape = fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999 })).filter(([a, b]) => a !== b);

  it('two different customers, callers or agents never share a tag; the same one always does', () => {
    const r = new Redactor();
    fc.assert(
      fc.property(secretOfSameShape, ([a, b]) => {
        const phone = (n: number) => `07700 ${String(n).padStart(6, '0')}`;
        expect(r.joinKey(phone(a))).not.toBe(r.joinKey(phone(b)));
        expect(r.joinKey(`agent ${phone(a)}`)).toBe(r.joinKey(`agent ${phone(a)}`));
        const t = (id: number) => r.transcript({ ...CALL, meta: { customerId: `C-${id}` } }).meta.customerId;
        expect(t(a)).not.toBe(t(b));
        expect(t(a)).toBe(t(a));
      }),
    );
  });

  it('the same number written two ways is one key; another run has other tags', () => {
    const r = new Redactor();
    expect(r.joinKey('+44 20 7946 0958')).toBe(r.joinKey('0044-20-7946-0958'));
    expect(r.joinKey('Jo@Example.com')).toBe(r.joinKey('jo@example.com'));
    expect(new Redactor().joinKey('+44 20 7946 0958')).not.toBe(r.joinKey('+44 20 7946 0958'));
    expect(new Redactor('k').joinKey('+44 20 7946 0958')).toBe(new Redactor('k').joinKey('+44 20 7946 0958'));
  });

  it('a number in other digits or separators is the same key, and two numbers so written stay two', () => {
    const r = new Redactor();
    expect(r.joinKey('０７７００ ９００１２３')).toBe(r.joinKey('07700 900123'));
    expect(r.joinKey('０７７００ ９００１２３')).not.toBe(r.joinKey('０７７００ ９００１２４'));
    expect(r.joinKey('٤١١١١١١١١١١١١١١١')).toBe(r.joinKey('4111 1111 1111 1111'));
    expect(r.joinKey('ｊｏ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toBe(r.joinKey('jo@example.com'));
  });

  it('a tag is never taken for a detail itself (redacting twice changes nothing)', () => {
    const r = new Redactor();
    const once = r.joinKey('calls/+44 20 7946 0958 jo@example.com 4111 1111 1111 1111.vtt');
    expect(r.joinKey(once)).toBe(once);
    expect(redactText(once)).toBe(once);
  });
});

describe('the redactor is linear in the text', () => {
  // Inputs that make a backtracking pattern rescan: long runs of what a detail is made of, with
  // the one character that would complete it missing or repeated.
  const HOSTILE: Array<[string, (n: number) => string]> = [
    ['letters without an @', (n) => 'a'.repeat(n)],
    ['many @', (n) => 'a@'.repeat(n / 2)],
    ['a domain with endless labels', (n) => 'jo@' + 'a.'.repeat(n / 2)],
    ['an "@" and endless spelled dots', (n) => 'jo@' + 'a dot '.repeat(n / 6)],
    ['"@"s and spelled dots', (n) => 'a@b dot '.repeat(n / 8)],
    ['exit codes and digits', (n) => '011 4 '.repeat(n / 6)],
    ['digits', (n) => '1'.repeat(n)],
    ['digits in pairs', (n) => '01 '.repeat(n / 3)],
    ['dotted digits', (n) => '4.'.repeat(n / 2)],
    ['plus signs and digits', (n) => '+1 '.repeat(n / 3)],
    ['card numbers', (n) => '4111 1111 1111 1111 '.repeat(n / 20)],
    ['brackets and zeros', (n) => '(0) '.repeat(n / 4)],
    ['digits and spaced dashes', (n) => '1 - '.repeat(n / 4)],
    ['zeros and slashes', (n) => '0 / '.repeat(n / 4)],
    ['fullwidth digits', (n) => '１'.repeat(n)],
    ['digits between invisible characters', (n) => '1\u200B'.repeat(n / 2)],
    ['IBAN-like groups', (n) => 'GB82 WEST '.repeat(n / 10)],
    ['labels and pairs of digits', (n) => 'account no. 12 '.repeat(n / 15)],
    ['card groups between slashes', (n) => '4111/'.repeat(n / 5)],
    ['card groups between commas', (n) => '4111, '.repeat(n / 6)],
    ['groups of four digits', (n) => '1234 '.repeat(n / 5)],
    ['@ between spaces', (n) => 'a @ '.repeat(n / 4)],
    ['a spaced @ and endless labels', (n) => 'jo @ ' + 'a.'.repeat(n / 2)],
    ['a spelled-out "at", again and again', (n) => 'a at '.repeat(n / 5)],
    ['a spelled-out address with endless "dot"s', (n) => 'jo at ' + 'a dot '.repeat(n / 6)],
    ['bracketed (at) and (dot)', (n) => 'a(at)b(dot)'.repeat(n / 11)],
    ['letters and pairs of digits', (n) => 'AB 12 34 '.repeat(n / 9)],
    ['groups of three digits', (n) => '123 '.repeat(n / 4)],
    ['card labels and short numbers', (n) => 'cvv 12 exp 1/ '.repeat(n / 14)],
    ['brackets, plus signs and digits', (n) => '(+1 '.repeat(n / 4)],
    ['a plus sign and 40 digits, again and again', (n) => ('+' + '1234567890'.repeat(4) + ' ').repeat(n / 42)],
    ['a zero and 40 digits, again and again', (n) => ('0' + '1234567890'.repeat(4) + ' ').repeat(n / 42)],
    ['phone cues and short numbers', (n) => 'call me on 555 2671 '.repeat(n / 20)],
    ['a cue word again and again, then groups', (n) => 'call me '.repeat(n / 8) + '555 2671'],
    ['country codes and groups that never end', (n) => '44 20 '.repeat(n / 6)],
    ['groups with separators that change', (n) => '44 20-7946.0958 '.repeat(n / 16)],
    ['groups of three after a cue', (n) => 'my number is 1 500 000, '.repeat(n / 24)],
  ];
  // CPU time, n against 4n (test/helpers/growth.ts): linear gives about 4, a quadratic scan 16 and
  // more (the redactor before this test: 28 from 10,000 to 40,000 letters).
  it.each(HOSTILE)('%s: 4× the text takes about 4× the time', (_what, make) => {
    expect(growth((n) => redactText(make(n)), 100_000)).toBeLessThan(LINEAR_RATIO);
  });

  // Linear can still be slow: a "+" and 40 digits was split every way the phone pattern allows,
  // 2.5 ms each, so a megabyte of them took a minute. Against ordinary text of the same length
  // (prose with a number in it), no hostile text may cost a thousand times as much (the worst today
  // is about 200; that one was 20,000).
  it('no hostile text costs a thousand times what ordinary text of its length costs', () => {
    const n = 100_000;
    const cost = (text: string) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        redactText(text);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const prose = 'Thanks for calling, my order 12 never came and I am upset about it. '.repeat(4 * n / 68);
    const ordinary = Math.max(cost(prose) / 4, 0.05); // per n characters, measured on 4n for a steadier figure
    const slow = HOSTILE.map(([what, make]) => [what, cost(make(n)) / ordinary] as const).filter(([, ratio]) => ratio > 1000);
    expect(slow).toEqual([]);
  });
});
