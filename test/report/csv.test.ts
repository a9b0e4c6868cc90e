import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_CATEGORIES } from '../../src/model/types.js';
import { render } from '../../src/report/index.js';
import { CONVERSATION_COLUMNS, FINDING_COLUMNS, csvCell } from '../../src/report/csv.js';
import { good, wall } from './fixtures.js';

const rows = (csv: string) => parseCsv(csv, { columns: true, relax_column_count: false }) as Array<Record<string, string>>;

describe('csvCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+44 20', "'+44 20"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['plain', 'plain'],
  ])('writes the text %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  // The class, not the examples: any formula character, in any form a spreadsheet reads as one,
  // after any run of what a spreadsheet skips or does not show, is neutralised; and text that
  // starts with none of them is written as it is.
  const FORMULA = ['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\uFE62', '\uFE63', '\uFE66', '\uFE6B', '\u2212'];
  // Spaces, and characters shown as nothing: zero-width ones, BOM, soft hyphen, bidi marks and
  // isolates, word joiner, invisible operators, combining grapheme joiner, a variation selector,
  // Hangul fillers, Mongolian vowel separator; and control characters (NUL, ESC, the separators
  // FS to US, DEL, C1's NEL and CSI), which a reader may drop or show as nothing.
  const UNSEEN = ['\u0000', '\u0001', '\u000B', '\u000C', '\u001B', '\u001C', '\u001F', '\u007F', '\u0085', '\u009B', ' ', '\u00A0', '\u2007', '\u202F', '\u3000', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069', '\u061C', '\u2061', '\u2064', '\u034F', '\uFE0F', '\u3164', '\u115F', '\u180E', '\t', '\r', '\n'];
  const unquoted = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);

  it('neutralises a formula character in every form, after any leading space, zero-width or control character or BOM', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...UNSEEN), { maxLength: 4 }), fc.constantFrom(...FORMULA), fc.string(), (lead, f, rest) => {
        const value = lead.join('') + f + rest;
        expect(unquoted(csvCell(value))).toBe(`'${value}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('neutralises a leading tab, carriage return or line feed, and leaves other text as it is', () => {
    fc.assert(
      fc.property(fc.constantFrom('\t', '\r', '\n'), fc.string(), (c, rest) => {
        expect(unquoted(csvCell(c + rest))).toBe(`'${c}${rest}`);
      }),
    );
    const harmless = fc.string({ minLength: 1 }).filter((v) => !/^[\s\p{Cc}\p{Default_Ignorable_Code_Point}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\uFE6B\u2212]/u.test(v) && !/^[\t\r\n]/.test(v));
    fc.assert(
      fc.property(harmless, (v) => {
        expect(unquoted(csvCell(v))).toBe(v);
      }),
    );
  });

  it('keeps numbers numeric, negative ones included, and leaves missing values empty', () => {
    expect(csvCell(-0.4)).toBe('-0.4');
    expect(csvCell(73)).toBe('73');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('csv formatter', () => {
  it('writes the documented columns in their fixed order, categories in the vocabulary order', () => {
    const header = render('csv', []).split('\r\n')[0]!.split(',');
    expect(header.slice(0, 22)).toEqual([
      'id', 'source', 'channel', 'agent', 'team', 'queue', 'date', 'etc', 'emotion', 'trust', 'control', 'shape',
      'emotion_start', 'emotion_end', 'emotion_min', 'turns', 'agent_turns', 'customer_turns', 'words', 'duration_sec', 'risks', 'strengths',
    ]);
    expect(header.slice(22, 22 + ALL_CATEGORIES.length)).toEqual([...ALL_CATEGORIES]);
    // Added by schema 2.0.0 at the end, so that the columns before keep their places.
    expect(header.slice(22 + ALL_CATEGORIES.length)).toEqual(['signals', 'unscored']);
    expect(header).toEqual(CONVERSATION_COLUMNS.map((c) => c.name));
  });

  it('writes one RFC 4180 row per conversation that a CSV reader reads back, formulas neutralised', () => {
    const g = good();
    const w = wall();
    const csv = render('csv', [g.analysis, w.analysis]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [r1, r2] = rows(csv);
    expect(r1).toMatchObject({ id: 'refund-call', agent: 'Dana', team: 'billing', queue: 'refunds', date: '2026-11-18T09:15:00-05:00', shape: g.analysis.emotion.shape });
    expect(Number(r1!.etc)).toBe(g.analysis.scores!.etc);
    expect(r1!.unscored).toBe('');
    expect(Number(r1!.empathy)).toBe(1);
    expect(Number(r1!.commitment)).toBe(g.analysis.counts.categories?.commitment);
    expect(Number(r1!.commitment)).toBeGreaterThan(0);
    // Text that a spreadsheet would run as a formula is prefixed; the quote inside survives.
    expect(r2!.id).toBe('\'=HYPERLINK("x")<b>wall</b>');
    expect(r2!.agent).toBe("'@Sam");
    expect(Number(r2!['policy-hiding'])).toBe(w.analysis.counts.categories?.['policy-hiding']);
    expect(Number(r2!['policy-hiding'])).toBeGreaterThanOrEqual(2);
    // A negative number is written bare, as a number, not neutralised as if it were a formula.
    expect(w.analysis.emotion.min).toBeLessThan(0);
    expect(csv).toContain(`,${w.analysis.emotion.min},`);
    expect(r2!.emotion_min).toBe(String(w.analysis.emotion.min));
    expect(r2!.duration_sec).toBe('');
  });

  it('writes one row per finding with --findings, the span pointing at the text', () => {
    const { analysis, transcript } = wall();
    const csv = render('csv', [analysis], [], { findings: true });
    const header = csv.split('\r\n')[0]!;
    // Columns are only ever added at the end (docs/csv.md): message_id and url came with schema 1.1.0.
    expect(header).toBe('id,source,turn,role,rule,category,dimension,kind,severity,span_start,span_end,text,message,suggestion,message_id,url');
    expect(header.split(',')).toEqual(FINDING_COLUMNS.map((c) => c.name));
    const found = rows(csv);
    expect(found).toHaveLength(analysis.findings.length);
    for (const r of found) {
      const turn = transcript.turns[Number(r.turn)]!;
      expect(turn.text.slice(Number(r.span_start), Number(r.span_end))).toBe(r.text);
    }
    const policy = found.find((r) => r.category === 'policy-hiding')!;
    expect(policy.suggestion).toMatch(/\w/);
    expect(policy.message_id).toBe(`${policy.rule}/default`);
    expect(policy.url).toBe(`docs/rules.md#${policy.rule}`);
  });
});
