// Every reader, fed any text and damaged versions of valid files, either reads transcripts that
// analyse cleanly or throws an InputError with file, line and reason: never anything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { READERS, decodeBytes, detectFormat, normalizeNewlines, parseText, readTranscripts } from '../../src/formats/index.js';
import { anyBytes, anyText, mutatedBytes, mutatedText } from './arbitraries.js';
import { checkError, checkRecord, checkTranscripts, lineCount } from './invariants.js';
import { seedsByReader } from './seeds.js';

// Cases per reader and property; ETCSCORE_FUZZ=10 runs ten times as many (for a soak, not CI).
const SCALE = Number(process.env.ETCSCORE_FUZZ ?? 1);
const RUNS = { anyText: 3000, mutatedText: 4000, mutatedBytes: 2500, anyBytes: 1000 };
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
// Generous: a property here takes seconds; the limit is only there to stop a parser that hangs.
const LIMIT = 120_000 * SCALE;

/** Forced through one reader: transcripts or an InputError, nothing else. */
function viaReader(text: string, format: string, source: string): void {
  const lines = lineCount(normalizeNewlines(text));
  let transcripts;
  try {
    transcripts = parseText(text, { source, format });
  } catch (e) {
    checkError(e, source, lines);
    return;
  }
  checkTranscripts(transcripts, source);
}

/** The batch entry point (detection, decoding, NDJSON line by line): must never throw at all. */
function viaBytes(buf: Buffer, source: string): void {
  let lines = 1;
  try {
    lines = lineCount(decodeBytes(buf, source));
  } catch {
    // undecodable: the error can only be on line 1
  }
  const { transcripts, errors } = readTranscripts(buf, { source });
  for (const e of errors) checkRecord(e, source, lines);
  checkTranscripts(transcripts, source);
}

const seeds = seedsByReader();

describe.each(READERS.map((r) => [r.name, r] as const))('reader %s', (name, reader) => {
  const own = seeds.get(name) ?? [];
  const ext = reader.extensions[0] ?? 'txt';
  // A reader with no small valid sample yet is still fuzzed with any text and any bytes; its
  // damaged-file properties are skipped (by name, in the report) until a seed or fixture exists.
  const noSeed = own.length === 0;
  const seed = fc.constantFrom(...(noSeed ? [{ name: `x.${ext}`, text: '' }] : own));

  it.skipIf(noSeed)('its seeds are valid, and detection gives them to it', () => {
    for (const s of own) {
      expect(detectFormat(s.text, s.name)?.name, s.name).toBe(name);
      expect(reader.parse(s.text, { source: s.name }).length, s.name).toBeGreaterThan(0);
    }
  });

  it('any Unicode text (graphemes, lone surrogates, BOMs, mixed line ends)', () => {
    fc.assert(fc.property(anyText(), (text) => viaReader(text, name, `any.${ext}`)), { numRuns: runs(RUNS.anyText) });
  }, LIMIT);

  it.skipIf(noSeed)('valid files with text damage (cut, lines lost or doubled, quotes, brackets, NULs)', () => {
    fc.assert(
      fc.property(mutatedText(seed.map((s) => s.text)), (text) => viaReader(text, name, `mutated.${ext}`)),
      { numRuns: runs(RUNS.mutatedText) },
    );
  }, LIMIT);

  it.skipIf(noSeed)('valid files re-encoded and byte-damaged, read as a batch reads them', () => {
    fc.assert(
      fc.property(seed.chain((s) => mutatedBytes(fc.constant(s.text)).map((buf) => [s.name, buf] as const)), ([file, buf]) =>
        viaBytes(buf, `damaged-${file}`),
      ),
      { numRuns: runs(RUNS.mutatedBytes) },
    );
  }, LIMIT);

  it('any bytes under its extension', () => {
    fc.assert(fc.property(anyBytes(), (buf) => viaBytes(buf, `noise.${ext}`)), { numRuns: runs(RUNS.anyBytes) });
  }, LIMIT);
});
