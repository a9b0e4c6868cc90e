import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvDocs } from '../../src/report/csv-docs.js';
import { CONVERSATION_COLUMNS, FINDING_COLUMNS } from '../../src/report/csv.js';
import { ROLLUP_COLUMNS } from '../../src/report/rollup-format.js';

const DOC = path.join(import.meta.dirname, '../../docs/csv.md');

describe('docs/csv.md', () => {
  it('is generated from the code’s column lists (UPDATE_DOCS=1 rewrites it)', () => {
    if (process.env.UPDATE_DOCS) {
      mkdirSync(path.dirname(DOC), { recursive: true });
      writeFileSync(DOC, csvDocs());
    }
    expect(existsSync(DOC)).toBe(true);
    expect(readFileSync(DOC, 'utf8')).toBe(csvDocs());
  });

  it('documents every column of every CSV', () => {
    const doc = csvDocs();
    for (const c of [...CONVERSATION_COLUMNS, ...FINDING_COLUMNS, ...ROLLUP_COLUMNS]) {
      expect(doc).toContain(`| \`${c.name}\` | ${c.description} |`);
      expect(c.description.length).toBeGreaterThan(5);
    }
  });

  it('ends the conversation and rollup columns with `signals` and `unscored`, added there so older columns keep their places', () => {
    for (const columns of [CONVERSATION_COLUMNS, ROLLUP_COLUMNS] as ReadonlyArray<ReadonlyArray<{ name: string }>>) {
      expect(columns.slice(-2).map((c) => c.name)).toEqual(['signals', 'unscored']);
    }
    expect(FINDING_COLUMNS.find((c) => c.name === 'kind')?.description).toContain('`signal`');
  });
});
