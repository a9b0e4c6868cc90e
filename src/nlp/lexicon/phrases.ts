// Customer-service phrases that general lexicons miss or score the wrong way round, written as
// data in data/phrases.yaml (a weight on the AFINN scale, why, and token patterns in the one
// phrase language, src/nlp/phrase/pattern.ts) and matched by the same automaton as the rules.
import { phrases, patterns } from './data/phrases.js';
import { PatternAutomaton, UNREAD, type ReadSymbol, type SpanAt } from '../phrase/automaton.js';
import { SPAN_CLASSES } from '../phrase/classes.js';
import { compilePattern, startWords, useStoredPatterns } from '../phrase/pattern.js';
import { NO_TOKENS, type PerToken, type Tokens } from '../tokenize.js';
import type { TextFeatures } from '../features.js';
import { lexemesHold } from '../phrase/lexemes.js';
import type { PhraseRule } from './phrase-rule.js';

export { PHRASE_CATEGORIES, type PhraseCategory, type PhraseRule } from './phrase-rule.js';

/** The built-in phrases, in the order data/phrases.yaml declares them. */
export const PHRASES: readonly PhraseRule[] = phrases;

/** A user's phrases (`extend.sentiment` in .etcscorerc), and the phrases matched: theirs first, then the built-in ones. */
let userPhrases: readonly PhraseRule[] = [];
let inEffect: readonly PhraseRule[] = PHRASES;

let automaton: PatternAutomaton | undefined;

/** All phrases in effect as one automaton, built on first use (pattern k is inEffect[k]). */
function phraseAutomaton(): PatternAutomaton {
  if (!automaton) {
    useStoredPatterns(patterns);
    automaton = new PatternAutomaton(inEffect.map((p) => compilePattern(p.pattern)));
  }
  return automaton;
}

/**
 * Matches a user's phrases too, before the built-in ones: of two equally long matches theirs wins,
 * so a team can re-weigh a phrase. Returns whether anything changed (the same list again changes
 * nothing); the automaton is built again on its next use.
 */
export function setUserPhrases(more: readonly PhraseRule[]): boolean {
  if (more === userPhrases) return false;
  userPhrases = more;
  inEffect = more.length > 0 ? [...more, ...PHRASES] : PHRASES;
  automaton = undefined;
  turn.tokens = NO_TOKENS; // symbols read with the old automaton mean nothing to the new one
  return true;
}

/** Every word a phrase can start with, literally or through a class (the build checks each phrase has such words). */
export function phraseStartWords(): Set<string> {
  const out = new Set<string>();
  for (const p of phraseAutomaton().patterns) for (const w of startWords(p) ?? []) out.add(w);
  return out;
}

export interface PhraseMatch {
  rule: PhraseRule;
  /** Position in the word list of the last matched word. */
  lastWord: number;
}

const NO_WORDS: PerToken = [];

/**
 * The turn being matched: its stream's symbols, read when a walk first reaches a word, and its
 * last sentence's end. Kept between calls, not made per turn (that cost more than the matching);
 * a call for other words (a hashtag's, read inside a turn) starts it afresh, as does a reset of
 * the automaton's caches.
 */
const turn = {
  tokens: NO_TOKENS,
  words: NO_WORDS,
  /** The turn's features, when the caller has them: a token's symbol is then read by its lexeme. */
  features: undefined as Pick<TextFeatures, 'lexemes' | 'lexemeGeneration'> | undefined,
  syms: new Int32Array(256),
  generation: -1,
  sentence: -1,
  limit: 0,
};

// spanReader's, over the current turn, made once rather than per turn.
const spanAt: SpanAt = (name, pos, limit, first) => SPAN_CLASSES[name]!.read(turn.tokens, turn.words, pos, limit, first);
const readSymbol: ReadSymbol = (i) => {
  const k = turn.words[i]!;
  const f = turn.features;
  // Lexemes read before the lexeme table started afresh mean nothing now: read the token itself.
  const byLexeme = f?.lexemes !== undefined && lexemesHold(f.lexemeGeneration ?? -1);
  return (turn.syms[i] = byLexeme ? phraseAutomaton().symbolOfLexeme(f.lexemes![k]!) : phraseAutomaton().symbolAt(turn.tokens, k));
};

/** Symbols kept for the next text at most: a long turn's (8 bytes a word) are let go with it. */
const KEPT_SYMBOLS = 1 << 16;

/**
 * Lets go of the text last matched, its tokens, word list and symbols: called once all of a text's
 * words have been read, so that a long one is not kept until another text is (a 4 MB customer turn
 * kept ~12 MB of them, and its features with them).
 */
export function endPhraseTurn(): void {
  turn.tokens = NO_TOKENS;
  turn.words = NO_WORDS;
  turn.features = undefined;
  turn.generation = -1;
  if (turn.syms.length > KEPT_SYMBOLS) turn.syms = new Int32Array(256);
}

function startTurn(a: PatternAutomaton, tokens: Tokens, words: PerToken, features: typeof turn.features): void {
  a.prepare();
  turn.generation = a.generation;
  turn.tokens = tokens;
  turn.words = words;
  turn.features = features;
  turn.sentence = -1;
  if (turn.syms.length < words.length) turn.syms = new Int32Array(2 * words.length);
  turn.syms.fill(UNREAD, 0, words.length);
}

/**
 * The longest phrase starting at word `w` (of equally long ones, the first declared). `words` are
 * the token indices of the turn's word-like tokens; a match never crosses a sentence. `features`,
 * the tokens' own, lets their symbols be read by lexeme (see phrase/lexemes.ts).
 */
export function matchPhrase(
  tokens: Tokens, words: PerToken, sentenceOf: PerToken, w: number, features?: Pick<TextFeatures, 'lexemes' | 'lexemeGeneration'>,
): PhraseMatch | undefined {
  const a = phraseAutomaton();
  if (words !== turn.words || tokens !== turn.tokens || turn.generation !== a.generation) startTurn(a, tokens, words, features);
  const sentence = sentenceOf[words[w]!]!;
  if (sentence !== turn.sentence) {
    let end = w + 1;
    while (end < words.length && sentenceOf[words[end]!] === sentence) end++;
    turn.sentence = sentence;
    turn.limit = end;
  }
  const hits = a.walk(turn.syms, w, turn.limit, spanAt, readSymbol);
  let best = -1;
  let end = -1;
  for (let h = 0; h < hits; h++) {
    const e = a.hitEnd[h]!;
    const k = a.hitPattern[h]!;
    if (e > end || (e === end && k < best)) {
      end = e;
      best = k;
    }
  }
  return best < 0 ? undefined : { rule: inEffect[best]!, lastWord: end - 1 };
}
