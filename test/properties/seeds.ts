// Valid inputs for every reader, to mutate. Hand-written seeds cover the readers that exist now;
// any reader added to READERS also gets every small file under fixtures/ (and the shared real
// samples, where present) that detection gives to it, so a new format is fuzzed without edits here.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { READERS, detectFormat, normalizeNewlines, decodeBytes } from '../../src/formats/index.js';

export interface Seed {
  /** A file name whose extension sends detection to the seed's reader. */
  name: string;
  text: string;
}

const INLINE: Record<string, Seed[]> = {
  text: [
    {
      name: 'call.txt',
      text: `# id: c-1\n# agent: Dana\n[00:00:01] Agent: Thanks for calling, this is Dana. How can I help?\n[00:00:05] Customer: I've been charged twice and it's the third time I'm calling.\nIt's ridiculous.\n[00:00:12] Agent: That must be so frustrating. I'll refund it today, you'll get an email by 5pm.\n[00:00:20] Customer: Thanks, that's great.\n`,
    },
    { name: 'chat.txt', text: 'Sam: hi, my parcel is still not here\nRiley (Agent): Sorry to hear that. Let me check your order number.\nSam: 12345\nRiley (Agent): It is our policy, there is nothing I can do.\n' },
  ],
  json: [
    {
      name: 'one.json',
      text: JSON.stringify({ id: 'j1', channel: 'chat', meta: { team: 'A' }, turns: [
        { role: 'agent', speaker: 'Ann', text: 'Hello, how can I help?', start: 0, end: 2 },
        { role: 'customer', speaker: 'Bo', text: 'I want to cancel my account, this is ridiculous!', start: '00:00:03' },
        { role: 'agent', text: 'I understand. You can either keep it or cancel today.' },
      ] }, null, 2),
    },
    { name: 'many.json', text: JSON.stringify({ transcripts: [{ turns: [{ role: 'agent', text: 'Hi' }, { role: 'customer', text: 'Thanks!' }] }, { messages: [{ speaker: 'Agent', content: 'Sorry for any inconvenience.' }] }] }) },
  ],
  ndjson: [
    {
      name: 'batch.ndjson',
      text: [
        { id: 'n1', turns: [{ role: 'agent', text: 'Thank you for calling.' }, { role: 'customer', text: 'My order never came.' }] },
        { id: 'n2', channel: 'call', turns: [{ role: 'customer', text: 'Still waiting!!' }, { role: 'agent', text: "I'll call you back by 3pm." }] },
        { turns: [{ speaker: 'Customer', text: 'ok' }] },
      ].map((o) => JSON.stringify(o)).join('\n') + '\n',
    },
  ],
  csv: [
    {
      name: 'long.csv',
      text: 'call_id,time,speaker,role,text\nc1,00:00:01,Dana,agent,"Thanks for calling, how can I help?"\nc1,00:00:04,Sam,customer,"My bill is wrong, ""again"""\nc2,2026-01-02T10:00:00Z,Lee,agent,Hello\nc2,2026-01-02T10:00:09Z,Kim,customer,"two\nlines"\n',
    },
    { name: 'chat.tsv', text: 'Speaker\tMessage\nAgent\tHi there\nCustomer\tThis is the third time I ask\n' },
  ],
  webvtt: [
    {
      name: 'call.vtt',
      text: 'WEBVTT\nKind: captions\n\nNOTE a comment\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Dana>Thanks for calling, how can I help?\n\n00:00:04.500 --> 00:00:08.000 align:start\n<v Sam>I have been waiting &amp; waiting.</v>\n\n00:08.000 --> 00:10.000\n>> Sorry to hear that.\n',
    },
  ],
  srt: [
    {
      name: 'call.srt',
      text: '1\n00:00:01,000 --> 00:00:04,000\nAgent: Thanks for calling.\n\n2\n00:00:04,500 --> 00:00:08,000\nCustomer: My card was <i>charged</i> twice.\n\n3\n00:00:08,100 --> 00:00:09,000\nand nobody called me back\n',
    },
  ],
};

const root = fileURLToPath(new URL('../..', import.meta.url));
const DISCOVER = [path.join(root, 'fixtures'), path.join(root, '..', 'shared', 'fixtures-real')];
// Small seeds keep 10,000 cases per reader quick; larger samples add time, not new kinds of damage.
const MAX_SEED_BYTES = 16 * 1024;

function* files(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'bad') yield* files(p);
    else if (e.isFile()) yield p;
  }
}

let cache: Map<string, Seed[]> | undefined;

/** Valid seeds by reader name: the inline ones, then discovered files (at most 6 per reader). */
export function seedsByReader(): Map<string, Seed[]> {
  if (cache) return cache;
  cache = new Map(READERS.map((r) => [r.name, [...(INLINE[r.name] ?? [])]]));
  const found = new Map<string, number>();
  for (const file of files(DISCOVER[0]!)) collect(file);
  for (const file of files(DISCOVER[1]!)) collect(file);
  return cache;

  function collect(file: string): void {
    if (statSync(file).size > MAX_SEED_BYTES) return;
    let text: string;
    try {
      text = normalizeNewlines(decodeBytes(readFileSync(file), file));
    } catch {
      return;
    }
    const reader = detectFormat(text, file);
    if (!reader || (found.get(reader.name) ?? 0) >= 6) return;
    try {
      if (reader.parse(text, { source: file }).length === 0) return;
    } catch {
      return; // a sample this reader does not take (another reader's dialect) is not a valid seed
    }
    found.set(reader.name, (found.get(reader.name) ?? 0) + 1);
    cache!.get(reader.name)!.push({ name: path.basename(file), text });
  }
}
