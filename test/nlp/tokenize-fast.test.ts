import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanToken, tokenize, type Token } from '../../src/nlp/tokenize.js';

/** The tokeniser by the full patterns alone: what tokenize's shortcuts must reproduce exactly. */
function byPatterns(text: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const t = scanToken(text, pos);
    if (t) {
      out.push(t);
      pos = t.end;
    } else {
      const space = /\s+/y;
      space.lastIndex = pos;
      space.test(text);
      pos = space.lastIndex;
    }
  }
  return out;
}

// Pieces that sit on the edges of the shortcut: contractions, ids, times, accents, emoji, odd spaces.
const PIECES = [
  '?!', '...', '.', ',', '-', '(', ')', '[', '{', '"', ':', ';', '=', ':-(', ';)', '=D', '-5', '.5', ',5', '-)',
  'I', "don't", 'it’s', "customers'", "rock'n'roll", "o'", "'", 'ORD-58213', 'abc-def', 'and/or', 'x5', '5x',
  '3 p.m.', '10:30am', '3pm', 'café', 'naïve', 'e\u0301', 'Ünïcode', '😡', '👍🏽', ':(', ':-)', '#4451', '$5.99',
  '12/03/2026', 'a.m', 'p.m.', 'won`t', 'don´t', 'A_B', '...', '!!', '—', '"quoted"', '\t', '\n', '\r\n', '\u00a0', '\u2003',
  ' ', ' ', ' ', 'hello', 'World', 'sorry', 'that', 'must', 'be', 'so', 'frustrating', 'so-called', "it's5", "'twas",
];

describe('tokenize shortcuts', () => {
  it('give exactly the tokens of the full patterns', () => {
    const piece = fc.constantFrom(...PIECES);
    const text = fc.array(fc.oneof(piece, piece, fc.string({ maxLength: 3 })), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(tokenize(t).toArray()).toEqual(byPatterns(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('give the same tokens from a long text, held compactly with its words shared', () => {
    const piece = fc.constantFrom(...PIECES);
    // Past 4,096 tokens the store changes (CompactTokens: typed arrays, one string per distinct word).
    const text = fc.array(fc.oneof(piece, piece, fc.string({ maxLength: 3 })), { minLength: 40_000, maxLength: 50_000 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        fc.pre(t.length > 1 << 16);
        expect(tokenize(t).toArray()).toEqual(byPatterns(t));
      }),
      { numRuns: 3 },
    );
  });

  it('store a long text of shorter or longer tokens than its store first makes room for', () => {
    // The store is sized at a token every 4 characters: one-letter words need it to grow, links
    // leave it mostly empty. A token of 255 characters or more has its end kept apart; a block of
    // 256 tokens over more than 65,536 characters has its starts kept in 32 bits.
    const huge = `${'Ab'.repeat(150)} https://example.com/${'x'.repeat(400)} ok, ${'a'.repeat(254)} ${'a'.repeat(255)}. `;
    const spread = `${'a, '.repeat(3_000)}${'b'.repeat(70_000)} ${'c. '.repeat(3_000)}`;
    for (const text of ['a '.repeat(40_000), 'I, a, o. '.repeat(9_000), 'https://example.com/a/long/path?q=1 '.repeat(5_000), huge.repeat(1_000), spread]) {
      const tokens = tokenize(text);
      expect(tokens.length).toBeGreaterThan(4096);
      expect(tokens.toArray()).toEqual(byPatterns(text));
    }
  });

  it('store a long text of more distinct words than 16-bit numbers name', () => {
    // Norms are numbered in 16 bits until a text has more than 65,536 of them, then in 32; a
    // token's text is read from the text where it is not its norm (capitals, typographic apostrophes).
    const letters = (k: number): string => (k < 26 ? '' : letters(Math.floor(k / 26))) + String.fromCharCode(97 + (k % 26));
    const word = (k: number) => (k % 3 === 0 ? 'W' : k % 3 === 1 ? 'w' : 'w’') + letters(k);
    const text = Array.from({ length: 70_000 }, (_, k) => word(k)).join(' ') + ' Ünïcode café 😡.';
    const tokens = tokenize(text);
    expect(new Set(tokens.toArray().map((t) => t.norm)).size).toBeGreaterThan(1 << 16);
    expect(tokens.toArray()).toEqual(byPatterns(text));
  });
});
