// The readers' shared helpers: here, the line limit a reader of lines checks before it reads.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/index.js';
import { InputError } from '../../src/model/errors.js';

const max = 42; // one more is a whole number of cues in each format
/** A transcript of `n` lines in each format read as lines. */
const transcripts = (n: number): Array<[string, string]> => {
  const clock = (s: number, sep: string) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}${sep}000`;
  const cue = (i: number, sep: string) => `${clock(i, sep)} --> ${clock(i + 1, sep)}\n${i % 2 ? 'Agent' : 'Customer'}: turn ${i}`;
  // text: a line a turn; WebVTT: a header, then cues of a timing line, a text line and a blank
  // line; SRT: cues of a number, a timing line, a text line and a blank line.
  return [
    ['text', Array.from({ length: n }, (_, i) => `${i % 2 ? 'Agent' : 'Customer'}: turn ${i}`).join('\n')],
    ['webvtt', `WEBVTT\n\n${Array.from({ length: (n - 1) / 3 }, (_, i) => cue(i, '.')).join('\n\n')}`],
    ['srt', Array.from({ length: (n + 1) / 4 }, (_, i) => `${i + 1}\n${cue(i, ',')}`).join('\n\n')],
  ];
};
const lineCount = (text: string) => text.split('\n').length;

describe('the line limit of a transcript read as lines', () => {
  it('reads a transcript of the limit, and refuses one line more, naming that line and the limit', () => {
    for (const [format, text] of transcripts(max + 1)) {
      expect(lineCount(text), format).toBe(max + 1);
      const err = (() => {
        try {
          parseText(text, { source: `x.${format}`, format, maxLines: max });
        } catch (e) {
          return e;
        }
      })();
      expect(err, format).toBeInstanceOf(InputError);
      expect(err, format).toMatchObject({ line: max + 1, message: expect.stringContaining(`more than ${max} lines`) });
    }
    for (const [format, text] of transcripts(max - 3)) {
      expect(parseText(text, { source: `x.${format}`, format, maxLines: max })[0]!.turns.length, format).toBeGreaterThan(0);
    }
  });

  it('counts a last line break as no line of its own, and is not set for a library caller', () => {
    const [[, text]] = transcripts(max + 1) as [[string, string]];
    const lines = text.split('\n').slice(0, max).join('\n');
    expect(parseText(`${lines}\n`, { source: 'x.txt', format: 'text', maxLines: max })[0]!.turns).toHaveLength(max);
    expect(parseText(text, { source: 'x.txt', format: 'text' })[0]!.turns).toHaveLength(max + 1);
  });
});
