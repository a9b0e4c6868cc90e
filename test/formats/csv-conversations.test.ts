// A CSV export whose conversations cannot be told apart is refused with the line, the evidence and
// the --map that reads it, never merged into one conversation; one conversation is still one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { parseText } from '../../src/formats/index.js';
import { runCli } from '../helpers/cli.js';

const refused = (text: string, source = 'export.csv'): InputError => {
  try {
    parseText(text, { source });
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('read without an error');
};

// Two calls as a contact-centre platform exports them: one row per utterance, a key per call that
// etcscore does not know by name, clock offsets from each call's start.
const TWO_CALLS = [
  'Conversation Key,Start Time,Participant,Transcript,Customer Number',
  'K-20261116-0001,00:00:02,Agent,"Thanks for calling Northwind, this is Dana.",C-1001',
  'K-20261116-0001,00:00:07,Customer,"I was charged twice for my order.",C-1001',
  "K-20261116-0001,00:00:15,Agent,\"I'll refund the second charge today.\",C-1001",
  'K-20261116-0002,00:00:01,Agent,"Good morning, Skyway, how can I help?",C-2002',
  'K-20261116-0002,00:00:09,Customer,"My bag never arrived.",C-2002',
  "K-20261116-0002,00:00:20,Agent,\"I'm sorry to hear that, it's our policy to wait 21 days.\",C-2002",
].join('\n');

describe('a CSV that holds several conversations with no id column recognised', () => {
  it('is refused at the row where the id-like column changes, naming the column for --map', () => {
    const e = refused(TWO_CALLS);
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/^"Conversation Key" changes here \(K-20261116-0001 → K-20261116-0002\): this looks like more than one conversation/);
    expect(e.message).toContain('add --map id="Conversation Key"');
  });

  it('reads them apart with --map id=COLUMN', () => {
    const ts = parseText(TWO_CALLS, { source: 'export.csv', map: { id: 'Conversation Key' } });
    expect(ts.map((t) => [t.id, t.turns.length])).toEqual([['K-20261116-0001', 3], ['K-20261116-0002', 3]]);
  });

  it('knows common id headers by name: Interaction ID, Ticket ID, Transcript ID', () => {
    for (const header of ['Interaction ID', 'Ticket ID', 'transcript_id']) {
      const ts = parseText(TWO_CALLS.replace('Conversation Key', header), { source: 'export.csv' });
      expect(ts.map((t) => t.id)).toEqual(['K-20261116-0001', 'K-20261116-0002']);
    }
  });

  it('is refused where turn numbers start again, when no column names the conversations', () => {
    const csv = ['Turn,Speaker,Utterance', '1,Agent,Hello there', '2,Customer,Hi', '3,Agent,Bye now', '1,Agent,Good morning', '2,Customer,Morning'].join('\n');
    const e = refused(csv);
    expect(e).toMatchObject({ line: 5 });
    expect(e.message).toMatch(/^"Turn" starts again here \(3 → 1\): .*add --map id=COLUMN naming the column that tells them apart, or split the file here$/);
  });

  it('is refused where the times start again', () => {
    const csv = ['offset,role,text', '0,agent,Hello there', '4.5,customer,Hi', '9,agent,Bye now', '0.5,agent,Good morning', '3,customer,Morning'].join('\n');
    expect(refused(csv)).toMatchObject({ line: 5, message: expect.stringMatching(/^the times in "offset" start again here \(9 → 0\.5\)/) });
  });
});

describe('one conversation is still read as one', () => {
  it.each([
    ['a transfer: the queue id changes within the call', ['Queue ID,role,text', 'Q-1,agent,Hello', 'Q-1,customer,I need billing', 'Q-2,agent,"Billing here, hello"', 'Q-2,customer,Thanks']],
    ['a key per row (message ids), not per call', ['Record ID,role,text', 'r1,agent,Hello', 'r2,customer,Hi', 'r3,agent,Bye']],
    ['a customer number that stays the same', ['Customer Number,role,text', 'C-1,agent,Hello', 'C-1,customer,Hi', 'C-1,agent,Bye']],
    ['times a little out of order', ['time,role,text', '0,agent,Hello', '5,customer,Hi', '4,agent,One moment', '9,customer,Thanks']],
    ['turn numbers in order', ['Seq,role,text', '1,agent,Hello', '2,customer,Hi', '3,agent,Bye']],
    ['date-times of one chat', ['timestamp,role,text', '2026-11-16T09:00:00Z,agent,Hello', '2026-11-16T09:00:05Z,customer,Hi']],
    ['a yes/no column that changes', ['Resolved,role,text', 'no,agent,Hello', 'no,customer,Hi', 'yes,agent,Done']],
  ])('%s', (_what, lines) => {
    expect(parseText(lines.join('\n'), { source: 'one.csv' })).toHaveLength(1);
  });
});

describe('etcscore score', () => {
  it('reports the ambiguous export on stderr, naming --map, scores the rest, and merges nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-csv-ids-'));
    writeFileSync(path.join(dir, 'export.csv'), TWO_CALLS);
    writeFileSync(path.join(dir, 'other.txt'), 'Agent: Hello, how can I help?\nCustomer: Where is my parcel?\n');
    const r = await runCli(['score', 'export.csv', 'other.txt', '--format', 'ndjson'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^export\.csv:5: "Conversation Key" changes here .*--map id="Conversation Key"/m);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type?: string; source: string });
    expect(records.map((x) => [x.type ?? 'result', x.source])).toEqual([['error', 'export.csv'], ['result', 'other.txt']]);

    const mapped = await runCli(['score', 'export.csv', '--format', 'ndjson', '--map', 'id=Conversation Key'], { cwd: dir });
    expect(mapped.code).toBe(0);
    expect(mapped.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['K-20261116-0001', 'K-20261116-0002']);
  });
});
