// Tabular public datasets with their own conventions: Customer Support on Twitter (TWCS) and
// MultiDoGO's turn-level TSV. Both are read through the same CSV parser as the generic reader.
import { InputError } from '../model/errors.js';
import { buildTranscripts, type DraftConversation, type DraftTurn } from './build.js';
import { readTable, type TableRow } from './table.js';
import { roundSec } from './text-utils.js';
import type { FormatReader, ParseOptions } from './types.js';

function column(header: string[], name: string, source: string): number {
  const i = header.indexOf(name);
  if (i < 0) throw new InputError(source, 1, `missing column "${name}"`);
  return i;
}

const TWCS_HEADER = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';

/**
 * TWCS rows are single tweets, interleaved and out of order: threads are the connected
 * components of the reply links. inbound=True is the customer; the brand handle speaks as agent.
 */
function parseTwcs(text: string, options: ParseOptions) {
  const { header, rows } = readTable(text, options.source, ',');
  const col = (n: string) => column(header, n, options.source);
  const [cId, cAuthor, cInbound, cCreated, cText, cResp, cReplyTo] = ['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'response_tweet_id', 'in_response_to_tweet_id'].map(col) as number[];
  const byId = new Map<string, TableRow>();
  for (const r of rows) byId.set(r.cells[cId!]!.trim(), r);
  // Union-find over the tweet ids present in the file, with path halving and union by size: a
  // thread is a chain of replies as long as the file, and a plain union-find walked it from end to
  // end for each link (a 1 MB chain of 13,000 tweets took 4 s, and 4 MB sixteen times that).
  const parent = new Map<string, string>();
  const size = new Map<string, number>();
  const find = (x: string): string => {
    for (let up = parent.get(x)!; up !== x; up = parent.get(x)!) {
      const grand = parent.get(up)!;
      parent.set(x, grand);
      x = grand;
    }
    return x;
  };
  const union = (a: string, b: string) => {
    if (!byId.has(a) || !byId.has(b)) return; // a link to a tweet outside the sample
    let [big, small] = [find(a), find(b)];
    if (big === small) return;
    if (size.get(big)! < size.get(small)!) [big, small] = [small, big];
    parent.set(small, big);
    size.set(big, size.get(big)! + size.get(small)!);
  };
  for (const id of byId.keys()) {
    parent.set(id, id);
    size.set(id, 1);
  }
  for (const r of rows) {
    const id = r.cells[cId!]!.trim();
    const links = [r.cells[cReplyTo!]!, ...r.cells[cResp!]!.split(',')].map((s) => s.trim()).filter(Boolean);
    for (const link of links) union(id, link);
  }
  const threads = new Map<string, TableRow[]>();
  for (const r of rows) {
    const root = find(r.cells[cId!]!.trim());
    const list = threads.get(root) ?? [];
    list.push(r);
    threads.set(root, list);
  }
  const drafts: DraftConversation[] = [...threads.values()].map((thread) => {
    const time = (r: TableRow) => Date.parse(r.cells[cCreated!]!);
    thread.sort((a, b) => time(a) - time(b) || Number(a.cells[cId!]) - Number(b.cells[cId!]));
    const t0 = time(thread[0]!);
    const turns: DraftTurn[] = thread.map((r) => {
      const inbound = r.cells[cInbound!]!.trim().toLowerCase() === 'true';
      // Tweets are HTML-escaped (&amp;, &gt;): buildTranscripts decodes them, as it does every format's text.
      const turn: DraftTurn = { speaker: r.cells[cAuthor!]!.trim(), role: inbound ? 'customer' : 'agent', text: r.cells[cText!]!.trim(), line: r.line };
      if (Number.isFinite(time(r)) && Number.isFinite(t0)) turn.start = roundSec((time(r) - t0) / 1000);
      return turn;
    });
    const brand = turns.find((t) => t.role === 'agent')?.speaker;
    return {
      id: `tweet-${thread[0]!.cells[cId!]!.trim()}`,
      channel: 'chat',
      turns,
      meta: { ...(brand ? { company: brand } : {}), ...(Number.isFinite(t0) ? { date: new Date(t0).toISOString() } : {}) },
    };
  });
  return buildTranscripts(drafts, 'twcs', options);
}

export const twcsReader: FormatReader = {
  name: 'twcs',
  extensions: ['csv'],
  sniff: (text) => text.startsWith(TWCS_HEADER),
  parse: parseTwcs,
};

const MULTIDOGO_HEADER = /^conversationId\tturnNumber\tutteranceId\tutterance\t/;

/** MultiDoGO keeps only the customer's turns (turn numbers skip the agent's); text is lower-cased. */
function parseMultidogo(text: string, options: ParseOptions) {
  const { header, rows } = readTable(text, options.source, '\t');
  const [cConv, cTurn, cText, cIntent] = ['conversationId', 'turnNumber', 'utterance', 'intent'].map((n) => column(header, n, options.source)) as number[];
  const groups = new Map<string, TableRow[]>();
  for (const r of rows) {
    const id = r.cells[cConv!]!.trim();
    const group = groups.get(id);
    if (group) group.push(r); // in place: copying the group for each row is quadratic in a long conversation
    else groups.set(id, [r]);
  }
  const drafts: DraftConversation[] = [...groups.entries()].map(([id, list]) => ({
    id,
    channel: 'chat',
    turns: list.map((r) => ({ speaker: 'customer', role: 'customer' as const, text: r.cells[cText!]!.trim(), line: r.line })),
    meta: {
      customerTurnsOnly: true,
      turnNumbers: list.map((r) => Number(r.cells[cTurn!])),
      intents: list.map((r) => r.cells[cIntent!]!.trim()),
    },
  }));
  return buildTranscripts(drafts, 'multidogo', options);
}

export const multidogoReader: FormatReader = {
  name: 'multidogo',
  extensions: ['tsv'],
  sniff: (text) => MULTIDOGO_HEADER.test(text),
  parse: parseMultidogo,
};
