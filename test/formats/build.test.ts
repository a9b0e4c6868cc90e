// Where every format's turns become canonical (src/formats/build.ts): HTML entities are decoded
// there, once, so rules read what was meant and spans index the text every report shows.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/index.js';
import { analyze } from '../../src/score/analyze.js';
import type { Transcript } from '../../src/model/types.js';

const ENCODED = 'No. It&rsquo;s our policy &amp; I can&#39;t&nbsp;change it.';
const PLAIN = 'No. It’s our policy & I can\'t\u00a0change it.';
const ASK = 'Can you refund the fee? It was charged twice.';

/** The same call in each format that carries chat text as it was typed. */
const inFormats = (agent: string): Array<[string, string, string]> => [
  ['text', 'call.txt', `Customer: ${ASK}\nAgent: ${agent}\n`],
  ['json', 'call.json', JSON.stringify({ id: 'c1', turns: [{ role: 'customer', text: ASK }, { role: 'agent', text: agent }] })],
  ['ndjson', 'calls.ndjson', JSON.stringify({ id: 'c1', turns: [{ role: 'customer', text: ASK }, { role: 'agent', text: agent }] }) + '\n'],
  ['csv', 'calls.csv', `conversation_id,speaker,text\nc1,Customer,"${ASK}"\nc1,Agent,"${agent}"\n`],
];

const findingsOf = (t: Transcript) => analyze(t).findings.map((f) => ({ rule: f.rule, turn: f.turn, span: f.span, text: f.text }));

describe('HTML entities in transcripts', () => {
  it.each(inFormats(ENCODED).map(([format, source, text], i) => [format, source, text, inFormats(PLAIN)[i]![2]] as const))(
    '%s: "It&rsquo;s our policy" gives the findings "It’s our policy" gives',
    (format, source, encoded, plain) => {
      const [a] = parseText(encoded, { source, format });
      const [b] = parseText(plain, { source, format });
      expect(a!.turns[1]!.text).toBe(PLAIN);
      const found = findingsOf(a!);
      expect(found).toEqual(findingsOf(b!));
      expect(found.map((f) => f.rule)).toContain('policy-as-wall');
      // Spans index the decoded text: a finding's text is still its turn's text at its span.
      for (const f of analyze(a!).findings) expect(a!.turns[f.turn]!.text.slice(...f.span)).toBe(f.text);
    },
  );

  it('leaves alone what no encoder wrote: an ampersand in a name, an entity without its ";"', () => {
    const typed = 'AT&T billed me &copy 2024 and 5 &lt3 times; R&D&amp, fine';
    const [t] = parseText(`Customer: ${typed}\nAgent: Let me look.\n`, { source: 'x.txt' });
    expect(t!.turns[0]!.text).toBe(typed);
  });

  it('decodes a caption file once: "&amp;lt;" in WebVTT is the text "&lt;"', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Agent>Type &amp;lt;b&amp;gt; and it&rsquo;s bold.\n\n00:00:04.000 --> 00:00:05.000\n<v Customer>Thanks &amp; bye\n';
    const [t] = parseText(vtt, { source: 'x.vtt', format: 'webvtt' });
    expect(t!.turns.map((x) => x.text)).toEqual(['Type &lt;b&gt; and it’s bold.', 'Thanks & bye']);
  });
});
