// Everything later stages need from one text, computed once per text.
import { perToken, type PerToken, type Tokens, tokenize } from './tokenize.js';
import { negationScopes } from './negation.js';
import { lexemeGeneration, lexemesHold, readLexemes, type Lexemes } from './phrase/lexemes.js';
import type { SentimentResult } from './sentiment.js';
import type { TextLayout } from './layout.js';
import { RecentMemo } from './memo.js';

export interface TextFeatures {
  text: string;
  tokens: Tokens;
  /** For each token, how many tokens back the negator whose scope covers it stands, or 0 (negatorOf reads it). */
  negatorBack: PerToken;
  /** For each token, its sentence number (0-based). */
  sentenceOf: PerToken;
  /** Number of word-like tokens (words, numbers, times, emoji). */
  wordCount: number;
  /** What `lexemesOf` read: made on first use (see phrase/lexemes.ts), for that lexeme generation. */
  lexemes?: Lexemes | undefined;
  lexemeGeneration?: number;
  /**
   * What `turnSentiment` read, kept here on first use: the sarcasm rule and the emotion curve ask
   * for the same turn, and a map beside the features (weak, for every turn) cost the collector more.
   */
  sentiment?: SentimentResult | undefined;
  /** What `layoutOf` read (layout.ts), kept here on first use as `sentiment` is. */
  layout?: TextLayout | undefined;
}

export function textFeatures(text: string): TextFeatures {
  const tokens = tokenize(text);
  // A number per token (PerToken, as in negationScopes and lexemes), made at its size: grown by
  // push, a long text's went through three times its size.
  const sentenceOf = perToken(tokens.length, 0);
  let sentence = 0;
  let words = 0;
  let newline = text.indexOf('\n'); // the first line break at or after the current token's end
  for (let i = 0; i < tokens.length; i++) {
    sentenceOf[i] = sentence;
    const end = tokens.end(i);
    if (newline !== -1 && newline < end) newline = text.indexOf('\n', end);
    const hasNext = i + 1 < tokens.length;
    const lineBreakNext = newline !== -1 && hasNext && newline < tokens.start(i + 1);
    // A full stop with a word right after it, no space between, is inside a name or a link
    // ("web.archive.org", "amzn.to"), not the end of a sentence.
    const inName = hasNext && tokens.text(i) === '.' && tokens.touchesPrevious(i + 1) && tokens.isWordLike(i + 1);
    if ((tokens.endsSentence(i) && !inName) || lineBreakNext || linkEndsSentence(tokens, i)) {
      sentence++;
    }
    if (tokens.isWordLike(i)) words++;
  }
  // The fields filled on first use are there from the start (`lexemes` an empty array of its own
  // type): a field added, or changing type, when first filled would give every features object a
  // new shape, and code optimised for the old one would be thrown away.
  return { text, tokens, negatorBack: negationScopes(tokens), sentenceOf, wordCount: words, lexemes: NOT_READ, lexemeGeneration: -1, sentiment: undefined, layout: undefined };
}

/**
 * Each token's lexeme id (phrase/lexemes.ts), read once per text and kept with its features: the
 * phrase sets that search a turn read their symbols from these.
 */
const NOT_READ: Lexemes = [];

export function lexemesOf(f: TextFeatures): Lexemes {
  if (f.lexemes !== undefined && f.lexemes !== NOT_READ && lexemesHold(f.lexemeGeneration ?? -1)) return f.lexemes;
  const ids = readLexemes(f.tokens);
  f.lexemes = ids;
  f.lexemeGeneration = lexemeGeneration();
  return ids;
}

/** A link followed by a capitalised word: posts end a sentence with a link and no full stop. */
function linkEndsSentence(tokens: Tokens, i: number): boolean {
  if (tokens.kind(i) !== 'symbol' || i + 1 >= tokens.length || !tokens.isWord(i + 1)) return false;
  const text = tokens.text(i);
  if (text.length < 8) return false;
  const c = tokens.text(i + 1).charCodeAt(0);
  return c >= 65 && c <= 90 && /^(?:https?:\/\/|www\.)/i.test(text);
}

/**
 * How many texts `sharedFeatures` remembers, and the longest it remembers. Past ~1,000 texts a
 * bigger memory found few more repeats on the bench corpus and cost each thread 5 MB of live heap
 * (30 MB of peak RSS with --jobs 1).
 */
const SHARED_SIZE = 1024;
const SHARED_LENGTH = 1000;
const shared = new RecentMemo<string, TextFeatures>(SHARED_SIZE);

/**
 * The features of `text`, shared with earlier turns of the same text (features change only by
 * keeping what is read from their text on first use): agents' canned replies and "Okay." / "Thank you." come back in call after
 * call. Bounded: long texts are not kept, and of the rest those asked for again (memo.ts).
 */
export function sharedFeatures(text: string): TextFeatures {
  if (text.length > SHARED_LENGTH) return textFeatures(text);
  let f = shared.get(text);
  if (f === undefined) shared.set(text, (f = textFeatures(text)));
  return f;
}

/**
 * Forgets every shared text's features: what they keep of a text on first use (its sentiment) was
 * read with the sentiment phrases in effect then, and a user's configuration has changed them.
 */
export function forgetSharedFeatures(): void {
  shared.clear();
}

/**
 * Features already computed for the conversation being analysed, by text: rules' checks that look
 * at earlier turns find them here instead of tokenising those turns again. Filled and emptied by
 * `withKnownFeatures`.
 */
const known = new Map<string, TextFeatures>();

/** The features of `text`: those of a turn of the conversation being analysed, or computed now. */
export function featuresOf(text: string): TextFeatures {
  return known.get(text) ?? textFeatures(text);
}

/** Whether `text` is the text of a turn of the conversation being analysed. */
export function isKnownText(text: string): boolean {
  return known.has(text);
}

/** The tokens of `text`, for a reader that needs no sentences or negation: a known turn's, or tokenised now. */
export function tokensOf(text: string): Tokens {
  return known.get(text)?.tokens ?? tokenize(text);
}

/** Runs `fn` with `features` known to featuresOf, and forgets them after. */
export function withKnownFeatures<T>(features: readonly TextFeatures[], fn: () => T): T {
  if (known.size > 0) return fn(); // nested: the outer call's features stay known
  for (const f of features) if (!known.has(f.text)) known.set(f.text, f);
  try {
    return fn();
  } finally {
    known.clear();
  }
}
