// The json format: one document whose results are JSON.stringify's text of each analysis, written
// with the NDJSON records' serialiser, whole or in pieces.
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/model/types.js';
import { jsonFormatter } from '../../src/report/json.js';
import { ANGRY_MET_WELL_TEXT, GOOD_TEXT, ONE_SIDED_TEXT, WALL_TEXT, load } from './fixtures.js';

const O = { color: false, findings: false, tool: { name: 'etcscore', version: '0' } };

/** The document as JSON.stringify of each part makes it. */
function byStringify(analyses: readonly Analysis[]): string {
  const results = analyses.map((a, i) => (i ? ',\n' : '\n') + JSON.stringify(a)).join('');
  return `{"schemaVersion":${JSON.stringify(analyses[0]!.schemaVersion)},"tool":${JSON.stringify(O.tool)},"results":[${results}\n],"errors":[]}\n`;
}

describe('json formatter', () => {
  const analyses = [GOOD_TEXT, WALL_TEXT, ANGRY_MET_WELL_TEXT, ONE_SIDED_TEXT].map((t, i) => load(t, `t${i}.txt`).analysis);
  const { analysis } = load(WALL_TEXT, 'w.txt');
  // A long agent turn's result: more findings than one piece holds.
  const many: Analysis = { ...analysis, findings: Array.from({ length: 1000 }, (_, i) => ({ ...analysis.findings[i % analysis.findings.length]!, turn: i })) };

  it('writes the document JSON.stringify writes, result by result', () => {
    const f = jsonFormatter();
    const all = [...analyses, many];
    const text = f.start(O) + all.map((a) => f.result(a, O)).join('') + f.end({ results: all.length, errors: [] }, O);
    expect(text).toBe(byStringify(all));
    expect(JSON.parse(text).results).toHaveLength(all.length);
  });

  it('gives the same text in pieces, a long result in several', () => {
    const f = jsonFormatter();
    const all = [...analyses, many];
    const pieces = all.map((a) => [...f.resultPieces!(a, O)]);
    expect(pieces.slice(0, analyses.length).every((p) => p.length === 1)).toBe(true);
    expect(pieces.at(-1)!.length).toBeGreaterThan(3);
    expect(f.start(O) + pieces.flat().join('') + f.end({ results: all.length, errors: [] }, O)).toBe(byStringify(all));
  });
});
