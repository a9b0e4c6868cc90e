// Every reader reads in time linear in its input, whatever the input holds: no regular expression
// may backtrack over untrusted text (a 320 kB WebVTT file once took 127 s). Each reader in the
// registry gets hostile text inside a turn of its own seed, and its seed repeated, at n and 4n.
import { describe, expect, it } from 'vitest';
import { READERS, readTranscripts } from '../../src/formats/index.js';
import { seedsByReader } from '../properties/seeds.js';
import { growth, LINEAR_RATIO } from '../helpers/growth.js';

/** Characters that stay text in every format (no quote, backslash, comma, tab or line break). */
const PAYLOADS: Record<string, (size: number) => string> = {
  'one long word': (n) => 'a'.repeat(n),
  'a long run of blanks': (n) => `x${' '.repeat(n)}x`,
  'unclosed voice tags': (n) => '<v '.repeat(n / 3),
  'unclosed styling tags': (n) => '<b '.repeat(n / 3),
  'a run of "<"': (n) => '<'.repeat(n),
  'unclosed paragraphs': (n) => '<p>'.repeat(n / 3),
  'unclosed cites': (n) => '<cite>'.repeat(n / 6),
  'speaker-change marks': (n) => ' >> >'.repeat(n / 5),
  'broken entities': (n) => '&#1&a'.repeat(n / 5),
  'label-like words': (n) => 'Ab Cd: '.repeat(n / 7),
  'clock-like digits': (n) => '1:0'.repeat(n / 3),
  'timing arrows': (n) => '-->'.repeat(n / 3),
  'styling braces': (n) => '{'.repeat(n),
  emoji: (n) => '😀'.repeat(n / 2),
  'one short answer repeated': (n) => 'no '.repeat(n / 3),
};

const N = 16_384;

/**
 * The seed with a word of one of its turns replaced by `payload`: the word found least often in the
 * seed (some formats repeat the text in a summary), every occurrence of it.
 */
function inject(seed: string, source: string, payload: string): string {
  const { transcripts } = readTranscripts(Buffer.from(seed), { source });
  const words = transcripts.flatMap((t) => t.turns.flatMap((turn) => turn.text.match(/\b[A-Za-z]{2,}\b/g) ?? []));
  const occurrences = (w: string) => seed.match(new RegExp(String.raw`\b${w}\b`, 'g'))?.length ?? 0;
  const counted = words.map((w) => [w, occurrences(w)] as const).filter(([, k]) => k > 0);
  const [word] = counted.reduce((a, b) => (b[1] < a[1] || (b[1] === a[1] && b[0].length > a[0].length) ? b : a), counted[0]!);
  return seed.replace(new RegExp(String.raw`\b${word}\b`, 'g'), () => payload);
}

const cases = READERS.flatMap((reader) => {
  const seed = seedsByReader().get(reader.name)?.[0];
  return seed ? [[reader.name, seed] as const] : [];
});

describe('every reader is linear in its input', () => {
  it('has a seed for every reader', () => {
    expect(cases.map(([name]) => name)).toEqual(READERS.map((r) => r.name));
  });

  describe.each(cases)('%s', (name, seed) => {
    // Detected as in a real run: every reader's sniffing reads the hostile text too.
    const read = (text: string) => readTranscripts(Buffer.from(text), { source: seed.name });

    it('reads a 16 kB word into a turn (so the payloads below are read, not refused)', () => {
      const { transcripts, errors } = read(inject(seed.text, seed.name, PAYLOADS['one long word']!(N)));
      expect(errors).toEqual([]);
      expect(transcripts[0]!.meta.format).toBe(name);
      expect(transcripts.some((t) => t.turns.some((turn) => turn.text.includes('a'.repeat(N))))).toBe(true);
    });

    it.each(Object.entries(PAYLOADS))('%s in a turn', (_payload, make) => {
      expect(growth((n) => read(inject(seed.text, seed.name, make(n))), N)).toBeLessThan(LINEAR_RATIO);
    });

    it('its seed repeated', () => {
      const copies = (n: number) => Array.from({ length: Math.ceil(n / seed.text.length) }, () => seed.text).join('\n');
      expect(growth((n) => read(copies(n)), 4 * N)).toBeLessThan(LINEAR_RATIO);
    });
  });
});

// The links between rows, not only the text in them: a thread rebuilt from reply ids is as long as
// the file when every tweet answers the one before (a plain union-find walked it once per link:
// 4 s for a 1 MB chain, sixteen times that for 4 MB).
describe('structures rows make are linear too', () => {
  const twcsChain = (n: number) =>
    'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n' +
    Array.from({ length: Math.ceil(n / 40) }, (_, i) => `${i + 1},${i % 2 ? 'b' : 'c'},${i % 2 ? 'False' : 'True'},,hi,${i + 2},${i || ''}`).join('\n') +
    '\n';

  it('a Twitter thread whose every tweet answers the one before', () => {
    const { transcripts } = readTranscripts(Buffer.from(twcsChain(4000)), { source: 'chain.csv' });
    expect(transcripts).toHaveLength(1);
    expect(growth((n) => readTranscripts(Buffer.from(twcsChain(n)), { source: 'chain.csv' }), 16 * N)).toBeLessThan(LINEAR_RATIO);
  });
});

describe('an error quotes the start of a long line, not all of it', () => {
  const MB = 2 ** 20;
  it.each([
    ['a WebVTT cue without timing', `WEBVTT\n\n${'a'.repeat(MB)}\nhello\n`, 'x.vtt', {}],
    ['a broken WebVTT timing', `WEBVTT\n\n00:00:01.000 --> ${'9'.repeat(MB)}\nhello\n`, 'x.vtt', {}],
    ['an SRT cue without timing', `1\n${'x'.repeat(MB)}\nhello\n`, 'x.srt', {}],
    ['a CSV header in --map', `${'h'.repeat(MB)},text\na,b\n`, 'x.csv', { map: { role: 'Speaker' } }],
  ])('%s', (_name, text, source, options) => {
    const { errors } = readTranscripts(Buffer.from(text), { source, ...options });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message.length).toBeLessThan(200);
    expect(errors[0]!.message).toContain('…');
  });
});
