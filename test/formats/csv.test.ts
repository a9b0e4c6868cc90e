import { describe, expect, it } from 'vitest';
import { parseFile, parseText } from '../../src/formats/index.js';
import { caught, fixture } from './helpers.js';

describe('CSV/TSV reader', () => {
  it('groups conversations by id in first-seen order and sorts out-of-order rows by time', () => {
    const ts = parseFile(fixture('chats.csv'));
    expect(ts.map((t) => t.id)).toEqual(['c-1', 'c-2']);
    const [c1] = ts;
    expect(c1!.turns.map((x) => x.text)).toEqual([
      'Hi, thanks for contacting Globex, how can I help?',
      'Hello?',
      'My router keeps rebooting,\nevery ten minutes or so.',
    ]);
    expect(c1!.turns.map((x) => x.start)).toEqual([0, 7, 15]);
    expect(c1!.turns.map((x) => x.line)).toEqual([2, 7, 4]);
    expect(c1!.meta).toMatchObject({ agentName: 'Mia', team: 'Support', date: '2024-03-01T10:00:05.000Z' });
    expect(c1!.channel).toBe('chat');
  });

  it('keeps file order when rows are in order or untimed', () => {
    const ts = parseText('speaker,text\nCustomer,b\nAgent,a\n', { source: 'x.csv' });
    expect(ts[0]!.turns.map((x) => x.text)).toEqual(['b', 'a']);
  });

  it('needs --map when headers are unfamiliar, and then uses it', () => {
    expect(caught(() => parseFile(fixture('mapped.tsv'))).message).toMatch(/no text column/);
    const [t] = parseFile(fixture('mapped.tsv'), { map: { role: 'Who', text: 'Said', time: 'At', id: 'ConvId' } });
    expect(t).toMatchObject({ id: 'k-9' });
    expect(t!.turns.map((x) => [x.role, x.start])).toEqual([
      ['agent', 1],
      ['customer', 6],
    ]);
  });

  it('rejects a --map naming a missing column', () => {
    expect(caught(() => parseFile(fixture('mapped.tsv'), { map: { text: 'Nope' } })).message).toMatch(/no such column/);
  });

  it('names the physical line of a ragged row (after a multi-line quoted cell)', () => {
    expect(caught(() => parseFile(fixture('ragged.csv')))).toMatchObject({ line: 5, message: 'row has 4 fields, the header has 3' });
  });

  it('detects semicolon delimiters', () => {
    const [t] = parseText('role;message\nagent;Hello, how can I help?\ncustomer;Hi\n', { source: 'x.csv' });
    expect(t!.turns.map((x) => x.text)).toEqual(['Hello, how can I help?', 'Hi']);
  });

  it('reads the TWCS layout: threads from reply links, inbound = customer, entities decoded', () => {
    const csv = [
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
      '11,AcmeHelp,False,Tue Oct 10 15:20:00 +0000 2017,@501 Sorry about that &amp; thanks for waiting. ^JD,12,10',
      '20,777,True,Tue Oct 10 16:00:00 +0000 2017,@AcmeHelp app crashes &gt;:(,,',
      '10,501,True,Tue Oct 10 15:10:00 +0000 2017,@AcmeHelp my parcel is late,11,',
      '12,501,True,Tue Oct 10 15:30:00 +0000 2017,@AcmeHelp ok thanks,,11',
    ].join('\n');
    const ts = parseText(csv, { source: 'twcs.csv' });
    expect(ts.map((t) => t.turns.length)).toEqual([3, 1]);
    expect(ts[0]!.turns.map((x) => [x.speaker, x.role, x.start])).toEqual([
      ['501', 'customer', 0],
      ['AcmeHelp', 'agent', 600],
      ['501', 'customer', 1200],
    ]);
    expect(ts[0]!.turns[1]!.text).toBe('@501 Sorry about that & thanks for waiting. ^JD');
    expect(ts[0]!.meta.format).toBe('twcs');
    expect(ts[1]!.turns[0]!.text).toBe('@AcmeHelp app crashes >:(');
  });
});
