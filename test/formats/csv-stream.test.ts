import { describe, expect, it } from 'vitest';
import { csvDelimiter, streamedTranscripts } from '../../src/formats/csv.js';
import { csvConversations, type CsvStreamEvent, type CsvStreamOptions } from '../../src/formats/csv-stream.js';
import { parseText } from '../../src/formats/index.js';
import { InputError, type Transcript } from '../../src/model/index.js';

const SOURCE = 'export.csv';

/** `text` as UTF-8 chunks of `size` bytes: characters and CRLF pairs are cut between chunks. */
async function* chunksOf(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const options = (text: string, o: Partial<CsvStreamOptions> = {}): CsvStreamOptions => ({
  source: SOURCE,
  delimiter: csvDelimiter(SOURCE, text.replace(/^\uFEFF/, '')),
  holdChars: 1 << 20,
  batchChars: 1 << 10,
  maxTurns: 100_000,
  maxRowChars: 1 << 20,
  maxSkippedRows: 100_000,
  ...o,
});

async function events(stream: AsyncIterable<CsvStreamEvent>): Promise<CsvStreamEvent[]> {
  const out: CsvStreamEvent[] = [];
  for await (const e of stream) out.push(e);
  return out;
}

/** The transcripts and errors of a stream, in order, as the scorer builds them (units.ts). */
function read(all: CsvStreamEvent[]): Array<Transcript | string> {
  return all.flatMap((e): Array<Transcript | string> => {
    if (e.kind === 'error') return [`${e.error.line}: ${e.error.message}`];
    if (e.kind === 'too-many-turns') return [`${e.line}: ${e.turns} turns`];
    try {
      return streamedTranscripts(e.layout, e.conversations, e.numbered, { source: SOURCE });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return [`${err.line}: ${err.message}`];
    }
  });
}

/** Rows of `conversations` conversations of `turns` messages each, their ids in order. */
function exportRows(conversations: number, turns: number, id = (n: number) => `c-${n}`): string[] {
  const rows: string[] = [];
  for (let n = 1; n <= conversations; n++) {
    for (let k = 0; k < turns; k++) {
      const who = k % 2 === 0 ? 'Agent' : 'Customer';
      rows.push(`${id(n)},${who},${k * 5},"${who === 'Agent' ? "I'm sorry to hear that, let me check" : `Order ${n}-${k}, still waiting`}"`);
    }
  }
  return rows;
}

describe('a CSV export read as a stream', () => {
  it('gives the transcripts the whole-file reader gives, from chunks cut anywhere', async () => {
    const text =
      '\uFEFFconversation_id,speaker,time,message\r\n' +
      'a-1,Agent,00:00:01,"Hello, thanks for calling — how can I help?"\r\n' +
      'a-1,Customer,00:00:09,"My refund 😞\r\nnever came"\r\n' +
      'b-2,Agent,00:00:03,Hi there\r\n' +
      'a-1,Agent,00:00:05,"Sorry, one moment"\r\n' + // a-1 again, a row later: still grouped
      'b-2,Customer,00:00:02,\r\n' + // no text: not a turn
      'b-2,Customer,00:00:01,Café order ORD-1\r\n' + // out of order in time: sorted, as whole files are
      ',Agent,,no id here\r\n';
    const whole = parseText(text.replace(/^\uFEFF/, ''), { source: SOURCE });
    expect(whole.map((t) => t.source)).toEqual([`${SOURCE}#1`, `${SOURCE}#2`, `${SOURCE}#3`]);
    for (const size of [1, 2, 3, 7, 64, 1 << 16]) {
      expect(read(await events(csvConversations(chunksOf(text, size), options(text)))), `chunks of ${size}`).toEqual(whole);
    }
  });

  it('reads a file without an id column as one conversation, and refuses one that shows it is several', async () => {
    const one = 'speaker,text\nAgent,Hello\nCustomer,Hi\n';
    expect(read(await events(csvConversations(chunksOf(one, 5), options(one))))).toEqual(parseText(one, { source: SOURCE }));
    const merged = 'Contact Key,speaker,text\nA-1,Agent,Hello\nA-1,Customer,Hi\nB-2,Agent,Hello again\nB-2,Customer,Hi\n';
    const [error] = read(await events(csvConversations(chunksOf(merged, 5), options(merged))));
    expect(error).toMatch(/^4: "Contact Key" changes here \(A-1 → B-2\)/);
  });

  it('hands each conversation on once the rows after it pass the hold, without reading the whole input', async () => {
    // About 6 MB of export, produced only as the stream is read; the hold is 256 kB.
    const header = 'conversation_id,speaker,time,message\n';
    let pulled = 0;
    async function* lazy(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(header);
      for (let n = 1; n <= 6000; n++) {
        const chunk = Buffer.from(exportRows(1, 20, () => `c-${n}`).join('\n') + '\n');
        pulled += chunk.length;
        yield chunk;
      }
    }
    const holdChars = 256 << 10;
    let handed = 0;
    let first: number | undefined;
    let conversations = 0;
    let mostHeld = 0;
    for await (const e of csvConversations(lazy(), options(header, { holdChars, batchChars: 64 << 10 }))) {
      expect(e.kind).toBe('conversations');
      if (e.kind !== 'conversations') continue;
      first ??= pulled;
      handed += e.chars;
      conversations += e.conversations.length;
      mostHeld = Math.max(mostHeld, pulled - handed);
    }
    expect(conversations).toBe(6000);
    expect(pulled).toBeGreaterThan(6e6);
    // The first results go on after about the hold, and no more than the hold, a batch and what
    // the parser reads ahead (~16 chunks) are ever held: memory stays the same however long the export is.
    expect(first).toBeLessThan(holdChars * 2);
    expect(mostHeld).toBeLessThan(holdChars + (64 << 10) + (64 << 10));
  });

  it('reports a row that comes back after its conversation was handed on, once, in its place, and skips its later rows', async () => {
    const rows = exportRows(40, 4);
    rows.push('c-1,Customer,99,"Hello? Anyone?"', 'c-1,Customer,100,"Still here"', ...exportRows(1, 2, () => 'c-41'));
    const text = 'conversation_id,speaker,time,message\n' + rows.join('\n') + '\n';
    const out = read(await events(csvConversations(chunksOf(text, 100), options(text, { holdChars: 2000, batchChars: 500 }))));
    const errors = out.filter((x) => typeof x === 'string');
    expect(errors).toEqual([expect.stringMatching(/^162: a row of conversation "c-1" comes after more than .* of other rows/)]);
    const ids = out.map((x) => (typeof x === 'string' ? 'error' : x.id));
    // In order: every conversation once, the error after those that began before its line.
    expect(ids).toEqual([...Array.from({ length: 40 }, (_, i) => `c-${i + 1}`), 'error', 'c-41']);
    expect((out[0] as Transcript).turns).toHaveLength(4);
  });

  it('stops at a bad row with an error naming its line, after the conversations complete before it', async () => {
    const rows = exportRows(30, 4);
    rows.splice(102, 0, 'c-26,Agent,1,too,many,fields');
    const text = 'conversation_id,speaker,time,message\n' + rows.join('\n') + '\n';
    const out = read(await events(csvConversations(chunksOf(text, 256), options(text, { holdChars: 1000, batchChars: 200 }))));
    expect(out.at(-1)).toBe('104: row has 6 fields, the header has 4');
    // c-26 was still being read: it is not scored half-read.
    expect(out.slice(0, -1).map((t) => (t as Transcript).id)).toEqual(Array.from({ length: 25 }, (_, i) => `c-${i + 1}`));
  });

  it('keeps only the count of a conversation over the turn limit, and reports it in its place', async () => {
    const text = 'conversation_id,speaker,time,message\n' + [...exportRows(1, 2), ...exportRows(1, 50, () => 'long'), ...exportRows(1, 2, () => 'after')].join('\n') + '\n';
    const all = await events(csvConversations(chunksOf(text, 64), options(text, { maxTurns: 10 })));
    expect(all.find((e) => e.kind === 'too-many-turns')).toEqual({ kind: 'too-many-turns', source: `${SOURCE}#2`, line: 4, turns: 50 });
    expect(read(all).map((x) => (typeof x === 'string' ? x : x.id))).toEqual(['c-1', '4: 50 turns', 'after']);
  });

  // An input that never ends (a pipe) of rows that nothing can take: one conversation, or none
  // named, past the turn limit, or rows of a conversation already handed on. Reading stops at the
  // limit of skipped rows with an error, after what was complete before.
  describe('stops an endless input of rows kept out of every conversation', () => {
    async function* endless(header: string, first: string[], row: (n: number) => string): AsyncGenerator<Uint8Array> {
      yield Buffer.from([header, ...first].join('\n') + '\n');
      for (let n = 0; ; n++) yield Buffer.from(row(n) + '\n');
    }
    const limits = { maxTurns: 10, maxSkippedRows: 100, holdChars: 200, batchChars: 50 };
    const STOPPED = /^\d+: more than 100 rows skipped \(of a conversation over the turn limit, or come late\); reading stopped there/;

    it('one conversation id', async () => {
      const first = exportRows(2, 2).map((r) => r.replace(/,\d+,/, ','));
      const input = endless('conversation_id,speaker,message', first, () => 'c-9,Agent,hello again');
      const all = read(await events(csvConversations(input, options('a,b', limits))));
      expect(all.slice(0, 2).map((x) => (typeof x === 'string' ? x : x.id))).toEqual(['c-1', 'c-2']);
      expect(all[2]).toMatch(/^6: \d+ turns$/);
      expect(all[3]).toMatch(STOPPED);
      expect(all).toHaveLength(4);
    });

    it('no id column: the whole input is one conversation', async () => {
      const input = endless('speaker,message', [], (n) => `${n % 2 ? 'Agent' : 'Customer'},hi ${n}`);
      const all = read(await events(csvConversations(input, options('a,b', limits))));
      expect(all).toHaveLength(2);
      expect(all[0]).toMatch(/^2: \d+ turns$/);
      expect(all[1]).toMatch(STOPPED);
    });

    it('rows of a conversation handed on long ago', async () => {
      const first = exportRows(30, 2).map((r) => r.replace(/,\d+,/, ','));
      const input = endless('conversation_id,speaker,message', first, () => 'c-1,Agent,late again');
      const all = read(await events(csvConversations(input, options('a,b', limits))));
      expect(all.at(-1)).toMatch(STOPPED);
      expect(all.filter((x) => typeof x === 'string' && x.includes('comes after'))).toHaveLength(1);
      expect(all.filter((x) => typeof x !== 'string').length).toBeGreaterThan(20);
    });
  });

  it('gives a bad header and an export of empty messages one error each', async () => {
    const noText = 'conversation_id,speaker\nc-1,Agent\n';
    expect(read(await events(csvConversations(chunksOf(noText, 8), options(noText))))).toEqual([expect.stringMatching(/^1: no text column/)]);
    const empty = 'conversation_id,speaker,text\nc-1,Agent,\nc-2,Customer, \n';
    expect(read(await events(csvConversations(chunksOf(empty, 8), options(empty))))).toEqual(['1: no turns found (every row has an empty text cell)']);
  });
});
