// Per-turn sentiment of a customer's words, explainable term by term.
//
// AFINN word weights (re-weighted for support conversations, lexicon/words.ts) plus customer-service
// phrases (lexicon/data/phrases.yaml), emoji, degree modifiers, negation scope (negation.ts), ALL-CAPS and
// "!!!" emphasis, contrast ("…, but …": the clause after "but" dominates), sarcasm (a positive
// exclamation followed by a complaint) and politeness around a complaint ("thanks, but it still
// isn't working" is a complaint). One pass over the tokens collects terms; a second pass over the
// (few) terms applies the sentence-level rules. The sum is squashed into −1..1.
import type { TextFeatures } from './features.js';
import { perToken, type PerToken, type Tokens } from './tokenize.js';
import { forgetSharedFeatures, lexemesOf, textFeatures } from './features.js';
import { WORDS, POLITENESS, type WordEntry } from './lexicon/words.js';
import { MODIFIERS, MULTI_MODIFIERS, MODIFIER_REACH, NEGATIVE_ONLY_MODIFIERS, PERSISTENCE_REACH } from './lexicon/modifiers.js';
import { EMOJI_MAP, emojiKey } from './lexicon/emoji.js';
import { endPhraseTurn, matchPhrase, phraseStartWords, setUserPhrases, type PhraseCategory, type PhraseRule } from './lexicon/phrases.js';
import { isNegator, negatorOf } from './negation.js';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentTerm {
  /** Exactly `text.slice(span[0], span[1])`. */
  text: string;
  span: [number, number];
  /** What this term added to the raw sum, after every modifier (AFINN scale). */
  weight: number;
  why: string;
  /** Set when positive words were read as meaning their opposite (irony, sarcasm). */
  sarcasm?: true;
}

export interface SentimentResult {
  /** −1..1 */
  score: number;
  label: SentimentLabel;
  /** Every term that moved the score, in text order. */
  terms: SentimentTerm[];
}

/** score = sum / sqrt(sum² + ALPHA): one strong word (±3) gives ±0.61, ±8 gives ±0.9. */
export const ALPHA = 15;
/** |score| below this is neutral (a raw sum of about ±0.8: one weak or negated word). */
export const LABEL_THRESHOLD = 0.2;

/** Negated positive words flip and soften ("not happy"); negated negative words soften more ("not bad"). */
const NEGATE_POSITIVE = -0.75;
const NEGATE_NEGATIVE = -0.4;
/**
 * A phrase inside someone else's negation: praise flips ("you haven't been a great help"); a
 * complaint weakens but keeps its sign ("I don't want to cancel my account, I want it fixed").
 */
const NEGATE_POSITIVE_PHRASE = -0.75;
const NEGATE_NEGATIVE_PHRASE = 0.3;
/** "if it happens again": a hypothetical clause counts for less. */
const HYPOTHETICAL = 0.4;
const CONDITIONAL = new Set(['if', 'unless', 'whether']);
/** Emoji that mark the words before them as ironic ("thanks so much for your help 🙄"). */
const IRONY_EMOJI = new Set(['🙄', '😒', '🙃', '😑', '🤨']);
const CAPS_FACTOR = 1.5;
const ALL_CAPS_TEXT_FACTOR = 1.2;
const EXCLAMATION_STEP = 0.15;
const EXCLAMATION_MAX = 3;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const SUBORDINATE = 0.5;
const POLITENESS_IN_COMPLAINT = 0.25;
const SHOUTING = -1.5;
/** "Why is…?" opening a turn: about as strong as one plainly negative word. */
const CHALLENGE = -1.5;
const SHOUTING_MIN_WORDS = 4;
/**
 * A request or question that names a fault in plain words ("having trouble logging in, can you
 * help?") is a report, which careful readers call neutral; only feeling, force or persistence
 * around it (see `heated`) makes it a complaint. At this weight one plainly named fault (−3) stays
 * inside the neutral band (0.3 put it at −0.153, just outside).
 */
const REPORT_IN_REQUEST = 0.25;
/** Thanks and smiles that close a request are courtesy ("can you check? thanks 🙂"), not praise. */
const COURTESY_IN_REQUEST = 0.25;

/** Thanks said as courtesy, not gratitude: discounted once, and read as neither courtesy nor politeness again. */
function asMereCourtesy(x: Raw, why: string): void {
  x.weight *= COURTESY_IN_REQUEST;
  x.notes.push(`${why} \u00d7${COURTESY_IN_REQUEST}`);
  x.courtesy = false;
  x.politeness = false;
}
/** Words a turn may open with before what it says: "Oh yeah, @brand, why is…". */
const OPENERS = new Set(['oh', 'yeah', 'yes', 'well', 'so', 'hi', 'hey', 'hello', 'ok', 'okay', 'um', 'umm', 'hmm', 'erm', 'seriously', 'honestly', 'and', 'but']);

/** Whether only openers and @handles come before word `w` of the turn. */
function opensTurn(tokens: Tokens, words: PerToken, w: number): boolean {
  if (w > 6) return false;
  for (let k = 0; k < w; k++) {
    const ti = words[k]!;
    if (!OPENERS.has(tokens.norm(ti)) && !(ti > 0 && tokens.text(ti - 1) === '@')) return false;
  }
  return true;
}

/** "Yes!" / "No!": an exclaimed answer is a reaction. */
const EXCLAIMED_ANSWER = 1.5;
/** "It used to be great": praise of how things were is a complaint about how they are. */
const PRAISE_OF_THE_PAST = -0.5;

/** "X but Y": Y dominates. */
const CONTRAST = new Set(['but', 'however', 'except', 'nevertheless', 'nonetheless', 'sadly', 'unfortunately']);
/** "although X, Y": X is subordinate. */
const CONCESSIVE = new Set(['although', 'though', 'despite', 'whilst']);
/** Positive exclamations that are often sarcastic when a complaint follows. */
const SARCASM_PRONE = new Set([
  'great', 'wonderful', 'brilliant', 'fantastic', 'perfect', 'lovely', 'marvellous', 'marvelous', 'terrific',
  'super', 'fabulous', 'amazing', 'excellent', 'nice', 'awesome', 'fun', 'love', 'splendid', 'delightful', 'cool',
  'good', 'wow', 'yay', 'thanks', 'thank', 'cheers', 'well', 'bravo', 'first', 'top', 'world', ...delightWords(),
]);
/**
 * Delight said about what follows it ("thrilled to be stuck here", "love how you…", "so funny,
 * you suspended my account"): sarcastic when what follows is a complaint and nothing good.
 */
function delightWords(): string[] {
  return ['thrilled', 'delighted', 'love', 'loving', 'adore', 'happy', 'glad', 'excited', 'pleased', 'funny', 'hilarious', 'joy', 'enjoy', 'enjoying', 'impressed', 'classy', 'genius', 'clever'];
}
const DELIGHT = new Set(delightWords());
/** What a delight word takes as its complement: "thrilled to…", "love how…", "glad that…", "funny, I…". */
const COMPLEMENT = new Set(['to', 'that', 'i', 'we', 'how', 'when', 'being']);
/** Words that ask for something: with a question mark, they make the turn a request. */
const REQUEST_WORDS = new Set(['please', 'pls', 'plz', 'kindly', 'help', 'advise', 'wondering']);
/** "why" asked beside a fault is a complaint ("why is my order still not here"), not a query. */
const WHY_WORDS = new Set(['why', 'wtf', 'wth']);
/** Emoji of courtesy and mild friendliness, which close a request without praising anything. */
const COURTESY_EMOJI = new Set(['🙏', '🙂', '😊', '☺']);
/** Applause said beside a complaint is a slow clap. */
const CLAP_EMOJI = '👏';
/** Words that make thanks heartfelt rather than courteous. */
const HEARTFELT = new Set(['so', 'very', 'much', 'lot', 'million', 'loads', 'heaps', 'enough', 'ever', 'really', 'truly', 'greatly']);
/** Fault words that name a problem without judging it (a report in a request is neutral). */
const DESCRIBES = new Set([
  'problem', 'problems', 'issue', 'issues', 'trouble', 'troubles', 'error', 'errors', 'glitch', 'bug', 'bugs', 'stuck', 'late',
  'wrong', 'incorrect', 'risk', 'alert', 'pending', 'delay', 'delays', 'delayed', 'fault', 'faulty', 'broken', 'broke', 'crash',
  'crashed', 'crashes', 'crashing', 'fail', 'failed', 'fails', 'failing', 'failure', 'outage', 'unable', 'odd', 'weird', 'strange',
  'freezes', 'froze', 'freezing', 'buffering', 'struggling', 'struggle', 'confusing', 'confused', 'unclear',
]);
/** A negative term at least this strong (after modifiers) that names a feeling or a grievance heats a request. */
const HEATED = 1.5;
const THANKS_BEFORE_SO = new Set(['you', 'thanks', 'thank', 'thankyou', 'u', 'ya']);
/** "help" that asks for it: "help me", "need help", "some help please" (not "thanks for your help"). */
const HELP_AFTER = new Set(['me', 'us', 'please', 'pls', 'plz', 'with', 'asap']);
const HELP_BEFORE = new Set(['need', 'please', 'pls', 'plz', 'can', 'could', 'some', 'any', 'anyone', 'someone', 'somebody', 'urgent', 'needs']);
const WOULD = new Set(['would', "it'd", "that'd", 'will', "it'll"]);
/** "thanks anyway", "thanks though", "thanks in advance": courtesy whatever the turn. */
const MERE_COURTESY_AFTER = new Set(['anyway', 'anyways', 'though', 'regardless', 'in']);
/** A one-word sentence of disbelief: "Really?", "Seriously?!", "What!!!". */
const DISBELIEF = new Set(['really', 'seriously', 'what', 'wtf', 'srsly', 'rly']);
/** "used to" after these is "accustomed to", not a past habit. */
const USED_TO_NOT_HABIT = new Set(['get', 'got', 'getting', 'be', 'am', 'is', 'are', 'was', 'were', "i'm", 'im', "we're", "you're"]);
const YES = /^(?:yes+|yay+|yess+|yey|woo+|woohoo+)$/;
const NO = /^(?:no|noo+)$/;
const CAMEL = /[a-z][A-Z]/;
const CAMEL_SPLIT = /([a-z])([A-Z])/g;
const QUOTES = new Set(["'", '"', '\u201C', '\u201D', '\u2018', '\u2019']);
const INTERJECTIONS = new Set(['oh', 'just', 'well', 'yeah', 'yay', 'wow', 'ah', 'ooh', 'how', 'so', 'ok', 'okay', 'right', 'really', 'absolutely', 'simply']);
/** Words that describe a complaint situation even without a lexicon weight ("great, another hold"). */
const COMPLAINT_CUES = new Set(['another', 'again', 'still', 'hold', 'waiting', 'queue', 'transferred', 'more']);
/** "never been so angry" intensifies rather than negates. */
const NEGATION_CANCELLERS = new Set(['so', 'such', 'more', 'this']);

const SARCASM_WINDOW = 12;

/** Everything the main pass needs to know about a word, in one look-up; built once. */
interface WordInfo {
  entry: WordEntry | undefined;
  mod: number | undefined;
  multi: ReadonlyArray<{ words: string[]; factor: number }> | undefined;
  persist: number | undefined;
  cue: boolean;
  contrast: boolean;
  concessive: boolean;
  conditional: boolean;
  phraseStart: boolean;
  request: boolean;
  why: boolean;
}

const INFO = new Map<string, WordInfo>();
fillWordInfo(INFO, phraseStartWords());

function fillWordInfo(map: Map<string, WordInfo>, starts: ReadonlySet<string>): void {
  const keys = new Set([
    ...WORDS.keys(), ...MODIFIERS.keys(), ...MULTI_MODIFIERS.keys(), ...NEGATIVE_ONLY_MODIFIERS.keys(), ...CONTRAST,
    ...CONCESSIVE, ...CONDITIONAL, ...COMPLAINT_CUES, ...REQUEST_WORDS, ...WHY_WORDS, 'used', ...starts,
  ]);
  for (const k of keys) {
    map.set(k, {
      entry: WORDS.get(k), mod: MODIFIERS.get(k), multi: MULTI_MODIFIERS.get(k), persist: NEGATIVE_ONLY_MODIFIERS.get(k),
      cue: COMPLAINT_CUES.has(k), contrast: CONTRAST.has(k), concessive: CONCESSIVE.has(k), conditional: CONDITIONAL.has(k),
      phraseStart: starts.has(k) || isNegator(k), request: REQUEST_WORDS.has(k), why: WHY_WORDS.has(k),
    });
  }
}

/**
 * Reads a user's sentiment phrases (`extend.sentiment`) beside the built-in ones from now on, or
 * the built-in ones alone for an empty list. The words their phrases start with join the look-up,
 * and texts' sentiment read before is forgotten. The same list again costs one comparison.
 */
export function useSentimentPhrases(phrases: readonly PhraseRule[]): void {
  if (!setUserPhrases(phrases)) return;
  INFO.clear();
  fillWordInfo(INFO, phraseStartWords());
  forgetSharedFeatures();
}

/**
 * A letter said three times or more ("sooo", "longgggg", "pleaseee"): stretched for feeling. No
 * repeated back-reference (`\1{2,}`): V8 matches one with a stack frame per letter, and a word of a
 * million "a"s overflowed the stack.
 */
const STRETCH = /(\p{L})\1\1/u;
const LETTER = /\p{L}/u;

/** Each run of three or more of one letter cut to `keep` letters; anything else as it is. */
function squeeze(word: string, keep: number): string {
  let out = '';
  let run = '';
  let count = 0;
  for (const ch of word) {
    if (ch === run) count++;
    else {
      out += run.repeat(count >= 3 && LETTER.test(run) ? keep : count);
      run = ch;
      count = 1;
    }
  }
  return out + run.repeat(count >= 3 && LETTER.test(run) ? keep : count);
}

/**
 * A stretched word read as the word it stretches: each run of a letter cut to two ("goooood" →
 * "good"), else to one ("sooo" → "so"), whichever the tables hold. Undefined for any other word.
 */
function stretched(norm: string): WordInfo | undefined {
  if (!STRETCH.test(norm)) return undefined;
  return INFO.get(squeeze(norm, 2)) ?? INFO.get(squeeze(norm, 1));
}

/** A word that is in no table can still start a phrase if it is a negator ("doesn't …"). */
const NEGATOR_INFO: WordInfo = {
  entry: undefined, mod: undefined, multi: undefined, persist: undefined,
  cue: false, contrast: false, concessive: false, conditional: false, phraseStart: true, request: false, why: false,
};
const NUMBER_INFO = NEGATOR_INFO;
const SARCASM_CATEGORIES: ReadonlySet<PhraseCategory> = new Set(['praise']);

interface Raw {
  first: number; // token index
  last: number; // token index
  firstWord: number; // position in the word list
  lastWord: number;
  weight: number;
  why: string;
  notes: string[];
  politeness: boolean;
  intensified: boolean;
  sarcasmProne: boolean;
  afterContrast: boolean;
  sentence: number;
  /** Names a fault without judging it ("error", "not working"): see REPORT_IN_REQUEST. */
  describes: boolean;
  /** Thanks, a smile or a "🙏" that can be mere courtesy. */
  courtesy: boolean;
  sarcasm: boolean;
}

interface Pending {
  factor: number;
  word: number; // word position of the modifier's last word
  text: string;
  caps: boolean;
  reach: number;
  /** Applies only to a negative term ("still"). */
  negativeOnly: boolean;
}

function isCaps(tokens: Tokens, i: number): boolean {
  const s = tokens.text(i);
  if (s.length < 2 || !tokens.isWord(i)) return false;
  return s === s.toUpperCase() && s !== s.toLowerCase();
}


const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;

/** Most turns have none of the lists below: they share this empty one until their first entry. */
const NONE: number[] = [];

function append(list: number[], x: number): number[] {
  if (list === NONE) return [x];
  list.push(x);
  return list;
}

/** Per sentence, its '!' count: one array for every turn (turnSentiment runs one turn at a time). */
let bangCounts = new Int32Array(64);

/** A longer array is not kept between turns (a 100,000-word message would stay in memory). */
const BANGS_KEPT = 4096;

function bangsFor(sentences: number): Int32Array {
  if (sentences > BANGS_KEPT) return new Int32Array(sentences);
  if (bangCounts.length < sentences) bangCounts = new Int32Array(Math.max(sentences, 2 * bangCounts.length));
  bangCounts.fill(0, 0, sentences);
  return bangCounts;
}

/** How a term was found, for TermReader.add. */
interface TermOptions {
  politeness?: boolean;
  sarcasmProne?: boolean;
  negatable: boolean;
  phrase: boolean;
  describes?: boolean;
  courtesy?: boolean;
  sarcasm?: boolean;
}

/**
 * The terms of one text as they are read, and the modifier waiting for the next of them. (A class,
 * not a closure inside readSentiment: the closure held every variable it shared with the function in
 * a context object, read through it at every step.)
 */
class TermReader {
  readonly raws: Raw[] = [];
  /** A modifier read, waiting for the term it modifies. */
  pending: Pending | undefined = undefined;

  constructor(
    private readonly tokens: Tokens,
    private readonly words: PerToken,
    private readonly negatorBack: PerToken,
    private readonly sentenceOf: PerToken,
    private readonly mixedCase: boolean,
  ) {}

  /** A term over words [firstWord, lastWord], weighed by the modifier waiting, its negation and its capitals. */
  add(firstWord: number, lastWord: number, weight: number, why: string, opts: TermOptions): void {
    const { tokens, words, negatorBack, sentenceOf, mixedCase } = this;
    const first = words[firstWord]!;
    const last = words[lastWord]!;
    const notes: string[] = [];
    let w = weight;
    let intensified = false;
    let caps = false;
    for (let k = first; k <= last; k++) if (mixedCase && isCaps(tokens, k)) caps = true;
    const pending = this.pending;
    const mod = pending && firstWord - pending.word <= pending.reach ? pending : undefined;
    this.pending = undefined;
    const neg = negatorOf(negatorBack, first);
    // "never been so angry" intensifies rather than negates.
    const cancelNegation = mod !== undefined && neg >= 0 && neg < tokens.length && tokens.norm(neg) === 'never' && NEGATION_CANCELLERS.has(mod.text.toLowerCase());
    if (opts.negatable && neg >= 0 && !cancelNegation) {
      // "It didn't crash", "no error this time": a fault that did not happen is a fact, not praise.
      if (opts.describes && weight < 0) return;
      if (opts.phrase) w *= w > 0 ? NEGATE_POSITIVE_PHRASE : NEGATE_NEGATIVE_PHRASE;
      else w *= w > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
      notes.push(`negated by '${tokens.text(neg)}'`);
    }
    if (mod && (!mod.negativeOnly || w < 0)) {
      w *= mod.factor;
      notes.unshift(`\u00d7${Math.round(mod.factor * 100) / 100} '${mod.text}'`);
      intensified = mod.factor > 1;
      if (mod.caps) caps = true;
    }
    if (caps) {
      w *= CAPS_FACTOR;
      notes.push('capitals');
      intensified = true;
    }
    this.raws.push({
      first, last, firstWord, lastWord, weight: w, why, notes,
      politeness: opts.politeness ?? false, intensified, sarcasmProne: opts.sarcasmProne ?? false, afterContrast: false,
      sentence: sentenceOf[first]!, describes: opts.describes ?? false, courtesy: opts.courtesy ?? opts.politeness ?? false,
      sarcasm: opts.sarcasm ?? false,
    });
  }
}

/** The sentiment of a text, read once per features (see TextFeatures.sentiment). */
export function turnSentiment(f: TextFeatures): SentimentResult {
  return (f.sentiment ??= readSentiment(f));
}

function readSentiment(f: TextFeatures): SentimentResult {
  const { tokens, negatorBack, sentenceOf, text } = f;
  lexemesOf(f); // phrases read the tokens' symbols by lexeme
  // Made at its size (wordCount counts the word-like tokens), not grown; loops over the lists below
  // are indexed: for…of allocated an iterator and a result per step until the function was optimised.
  // A long text's is an Int32Array (perToken), at half a plain array's 8 bytes a word: a 4 MB
  // customer turn's 800,000 words peaked 3 MB lower.
  let words = perToken(f.wordCount, 0);
  let wordsSeen = 0;
  for (let i = 0; i < tokens.length; i++) if (tokens.isWordLike(i)) words[wordsSeen++] = i;
  // The same unless features were put together by hand.
  if (Array.isArray(words)) words.length = wordsSeen;
  else if (wordsSeen < words.length) words = words.subarray(0, wordsSeen);

  const mixedCase = HAS_LOWER.test(text);
  const allCaps = !mixedCase && HAS_UPPER.test(text) && f.wordCount >= 3;

  let cues = NONE; // word positions of complaint cues
  let contrasts = NONE; // token indices of "but"-like words
  let concessives = NONE; // token indices of "although"-like words
  let conditionals = NONE; // token indices of "if"-like words
  let acknowledges = false; // an acknowledgement or an update promised: its thanks are courtesy
  let ironies = NONE; // sentences with an eye-roll emoji

  let claps = NONE; // raws that are applause emoji
  let trailingNots = NONE; // token indices of a "…, NOT" that ends a sentence
  let requests = 0; // "please", "help"… and courtesy emoji
  let whys = NONE; // sentences with "why"
  let pastPraise = NONE; // word positions of "used to" (habit, not "get used to")

  const reader = new TermReader(tokens, words, negatorBack, sentenceOf, mixedCase);
  const raws = reader.raws;

  for (let w = 0; w < words.length; w++) {
    const ti = words[w]!;
    // A clause break (punctuation) between words ends a modifier's reach.
    if (reader.pending && w > 0 && ti - words[w - 1]! > 1 && tokens.isPunct(ti - 1) && tokens.text(ti - 1) !== "'") reader.pending = undefined;
    if (reader.pending && w - reader.pending.word > reader.pending.reach) reader.pending = undefined;

    const norm = tokens.norm(ti);
    if (tokens.kind(ti) === 'emoji') {
      const key = emojiKey(norm);
      if (IRONY_EMOJI.has(key)) ironies = append(ironies, sentenceOf[ti]!);
      const e = EMOJI_MAP.get(key);
      const courtesy = COURTESY_EMOJI.has(key);
      if (key === '🙏') requests++;
      if (e) reader.add(w, w, e.weight, e.why, { negatable: false, phrase: false, courtesy });
      if (key === CLAP_EMOJI && e) claps = append(claps, raws.length - 1);
      continue;
    }
    // "Yes!" / "No!" / "Nooo!": an answer exclaimed is a reaction (rare: tested only before a '!').
    const nextPunct = ti + 1 < tokens.length && tokens.isPunct(ti + 1) ? tokens.text(ti + 1) : undefined;
    if (nextPunct !== undefined && (nextPunct.includes('!') || nextPunct.includes('?')) && isSentenceInitial(ti, tokens, sentenceOf)) {
      const bang = nextPunct.includes('!');
      const yes = bang && YES.test(norm);
      if (yes || (bang && NO.test(norm))) {
        reader.add(w, w, yes ? EXCLAIMED_ANSWER : -EXCLAIMED_ANSWER, yes ? 'an exclaimed "yes"' : 'an exclaimed "no"', { negatable: false, phrase: false });
        continue;
      }
      if (DISBELIEF.has(norm) && tokens.endsSentence(ti + 1)) {
        reader.add(w, w, -EXCLAIMED_ANSWER, 'disbelief ("Really?")', { negatable: false, phrase: false });
        continue;
      }
      // "Help!" on its own is a cry, "Please help!" a request.
      if (bang && norm === 'help' && (w === 0 || !REQUEST_WORDS.has(tokens.norm(words[w - 1]!)))) {
        requests++;
        reader.add(w, w, -EXCLAIMED_ANSWER, 'a cry for help', { negatable: false, phrase: false });
        continue;
      }
    }
    // "No, no, no": a refusal said three times is exasperation.
    if (norm === 'no' && words[w + 2] !== undefined && tokens.norm(words[w + 1]!) === 'no' && tokens.norm(words[w + 2]!) === 'no') {
      reader.add(w, w + 2, -2, 'a repeated "no"', { negatable: false, phrase: false });
      w += 2;
      continue;
    }
    // "#NeverAgain", "#AdobeSucks": a hashtag in camel case is a phrase written without spaces.
    if (tokens.isWord(ti) && ti > 0 && tokens.text(ti - 1) === '#' && tokens.touchesPrevious(ti) && CAMEL.test(tokens.text(ti))) {
      const inner = turnSentiment(textFeatures(tokens.text(ti).replace(CAMEL_SPLIT, '$1 $2')));
      let sum = 0;
      for (const x of inner.terms) sum += x.weight;
      if (sum !== 0) reader.add(w, w, sum, `hashtag (${inner.terms.map((x) => x.text).join(', ')})`, { negatable: false, phrase: false, sarcasm: inner.terms.some((x) => x.sarcasm) });
      continue;
    }
    // Fast path: most words are in no table and start no phrase.
    const info = INFO.get(norm) ?? (!tokens.isWord(ti) ? NUMBER_INFO : isNegator(norm) ? NEGATOR_INFO : stretched(norm));
    if (info === undefined) continue;
    if (info.cue) cues = append(cues, w);
    if (info.request && (norm !== 'help' || asksForHelp(tokens, words, w))) requests++;
    if (norm === 'not' && endsWithNot(tokens, words, sentenceOf, w)) trailingNots = append(trailingNots, ti);
    if (info.why) {
      whys = append(whys, sentenceOf[ti]!);
      // "Why does it…?": a turn that opens by asking the company to account for itself is a
      // challenge, whatever its words. (A "why?" after a report asks for the reason; it stays.)
      if (norm === 'why' && opensTurn(tokens, words, w)) reader.add(w, w, CHALLENGE, 'a challenge: the turn opens with "why"', { negatable: false, phrase: false });
    }
    if (norm === 'used') {
      const nx = words[w + 1] !== undefined ? tokens.norm(words[w + 1]!) : '';
      const pv = w > 0 ? tokens.norm(words[w - 1]!) : '';
      if (nx === 'to' && !USED_TO_NOT_HABIT.has(pv)) pastPraise = append(pastPraise, w);
      continue;
    }
    if (info.contrast) {
      const nx = words[w + 1] !== undefined ? tokens.norm(words[w + 1]!) : undefined;
      if (!(norm === 'but' && nx === 'also')) contrasts = append(contrasts, ti);
    } else if (info.concessive && w + 1 < words.length && sentenceOf[words[w + 1]!] === sentenceOf[ti]) {
      concessives = append(concessives, ti);
    } else if (info.conditional) conditionals = append(conditionals, ti);

    let m = info.phraseStart ? matchPhrase(tokens, words, sentenceOf, w, f) : undefined;
    // "thank you so much for…" is not "so much for…".
    if (m && m.rule.category === 'sarcasm' && norm === 'so' && w > 0 && THANKS_BEFORE_SO.has(tokens.norm(words[w - 1]!))) m = undefined;
    if (m) {
      // An acknowledgement opening the turn ("ok", "done"), or an update promised anywhere ("I'll let you know").
      if (m.rule.category === 'acknowledgement' && (w === 0 || m.lastWord > w)) acknowledges = true;
      if (m.rule.weight !== 0) {
        reader.add(w, m.lastWord, m.rule.weight, m.rule.why, {
          negatable: true,
          phrase: true,
          sarcasmProne: SARCASM_CATEGORIES.has(m.rule.category) && SARCASM_PRONE.has(norm),
          politeness: false,
          describes: m.rule.category === 'fault',
          courtesy: m.rule.category === 'gratitude' && courtesyThanks(tokens, words, w, m.lastWord),
          sarcasm: m.rule.category === 'sarcasm',
        });
      } else reader.pending = undefined;
      // cues inside the phrase still count as complaint context
      for (let k = w + 1; k <= m.lastWord; k++) if (COMPLAINT_CUES.has(tokens.norm(words[k]!))) cues = append(cues, k);
      w = m.lastWord;
      continue;
    }

    const multi = info.multi;
    if (multi) {
      let matched = false;
      for (const mm of multi) {
        let ok = true;
        for (let k = 1; k < mm.words.length; k++) {
          const wi = words[w + k];
          if (wi === undefined || tokens.norm(wi) !== mm.words[k] || sentenceOf[wi] !== sentenceOf[ti]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          const lastW = w + mm.words.length - 1;
          reader.pending = {
            factor: (reader.pending && w - reader.pending.word <= MODIFIER_REACH ? reader.pending.factor : 1) * mm.factor,
            word: lastW,
            text: text.slice(tokens.start(ti), tokens.end(words[lastW]!)),
            caps: mixedCase && isCaps(tokens, ti),
            reach: MODIFIER_REACH,
            negativeOnly: false,
          };
          w = lastW;
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }

    const entry = info.entry;
    const mod = info.mod;
    if (mod !== undefined) {
      // A modifier that is also a sentiment word ("damn", "super") modifies only when a
      // sentiment word or another modifier follows.
      const nextW = words[w + 1];
      const next = nextW !== undefined && sentenceOf[nextW] === sentenceOf[ti] ? tokens.norm(nextW) : undefined;
      if (!entry || (next !== undefined && (WORDS.has(next) || MODIFIERS.has(next)))) {
        const chained = reader.pending && w - reader.pending.word <= 1;
        reader.pending = {
          factor: (chained ? reader.pending!.factor : 1) * mod,
          word: w,
          text: chained ? `${reader.pending!.text} ${tokens.text(ti)}` : tokens.text(ti),
          caps: (chained && reader.pending!.caps) || (mixedCase && isCaps(tokens, ti)),
          reach: MODIFIER_REACH,
          negativeOnly: false,
        };
        continue;
      }
    }
    const persist = info.persist;
    if (persist !== undefined) {
      reader.pending = { factor: persist, word: w, text: tokens.text(ti), caps: mixedCase && isCaps(tokens, ti), reach: PERSISTENCE_REACH, negativeOnly: true };
      continue;
    }
    if (entry) {
      const politeness = POLITENESS.has(norm);
      reader.add(w, w, entry.weight, entry.why, {
        negatable: !politeness,
        phrase: false,
        politeness,
        sarcasmProne: SARCASM_PRONE.has(norm) && entry.weight > 0,
        describes: DESCRIBES.has(norm),
        courtesy: politeness && courtesyThanks(tokens, words, w, w),
      });
    }
  }

  endPhraseTurn(); // every word is read
  const shouting = allCaps && f.wordCount >= SHOUTING_MIN_WORDS;
  if (raws.length === 0 && !shouting) return { score: 0, label: 'neutral', terms: [] };
  // The terms weighed in their context, in passes of their own: a pass that meets a case for the
  // first time after it was optimised (politeness in a complaint, in a turn of the sort no earlier
  // turn was) throws away the code of the function it is in, and this one is the largest there is.
  const read: TermsRead = { tokens, words, sentenceOf, text, raws, mixedCase, allCaps, shouting, cues, contrasts, concessives, conditionals, acknowledges, ironies, claps, trailingNots, requests, whys, pastPraise };
  markSarcasm(read);
  return weighInContext(read);
}

/** What the first pass of readSentiment read of a text: its terms, and the cues they are weighed by. */
interface TermsRead {
  tokens: Tokens;
  words: PerToken;
  sentenceOf: PerToken;
  text: string;
  raws: Raw[];
  mixedCase: boolean;
  allCaps: boolean;
  shouting: boolean;
  /** Word positions of complaint cues. */
  cues: number[];
  /** Token indices of "but"-like words. */
  contrasts: number[];
  /** Token indices of "although"-like words. */
  concessives: number[];
  /** Token indices of "if"-like words. */
  conditionals: number[];
  /** An acknowledgement or an update promised: its thanks are courtesy. */
  acknowledges: boolean;
  /** Sentences with an eye-roll emoji. */
  ironies: number[];
  /** Raws that are applause emoji. */
  claps: number[];
  /** Token indices of a "…, NOT" that ends a sentence. */
  trailingNots: number[];
  /** "please", "help"… and courtesy emoji. */
  requests: number;
  /** Sentences with "why". */
  whys: number[];
  /** Word positions of "used to" (habit, not "get used to"). */
  pastPraise: number[];
}

/** Praise read as sarcasm: before a complaint, taken back by a final "not", in scare quotes, of the past, beside an eye-roll. */
function markSarcasm({ tokens, words, sentenceOf, raws, mixedCase, cues, contrasts, trailingNots, pastPraise, ironies }: TermsRead): void {
  // Sarcasm: a positive exclamation, then a complaint.
  for (let r = 0; r < raws.length; r++) {
    const x = raws[r]!;
    if (!x.sarcasmProne || x.weight <= 0) continue;
    // Bare thanks before a complaint is politeness (discounted below), not sarcasm, unless it
    // thanks the customer's trouble: "thanks for wasting my time".
    const sarcastic = x.politeness ? thanksFor(x, raws, r, tokens, words) : sarcasticPosition(x, tokens, words, sentenceOf);
    let ctx = sarcastic ? complaintAfter(x, raws, r, cues, tokens, words, sentenceOf) : undefined;
    let how = 'positive word before a complaint';
    if (ctx === undefined && DELIGHT.has(tokens.norm(x.first)) && COMPLEMENT.has(x.last + 1 < tokens.length ? tokens.norm(x.last + 1) : '')) {
      ctx = complaintInComplement(x, raws, r, tokens, contrasts);
      how = 'delight at a complaint';
    }
    // Praise in capitals beside a complaint: "Thanks to your AMAZING service I've lost two days".
    if (ctx === undefined && mixedCase && isCaps(tokens, x.first) && !x.politeness) {
      ctx = strongComplaint(raws, r, tokens);
      how = 'praise in capitals beside a complaint';
    }
    // "10 working days. Oh wonderful.": an interjected exclamation of praise beside a sentence
    // about time, waiting or absence is the classic sarcastic aside.
    if (ctx === undefined && !x.politeness && interjectedExclamation(x, tokens, words, sentenceOf)) {
      ctx = situationAround(x, raws, tokens, words, sentenceOf);
      how = 'an exclamation of praise beside a bad situation';
    }
    if (ctx === undefined) continue;
    x.weight = -Math.max(2, Math.abs(x.weight));
    x.notes.push(`sarcasm: ${how} ('${ctx}')`);
    x.politeness = false;
    x.courtesy = false;
    x.sarcasm = true;
  }

  // "Great service… NOT": a "not" standing at the end takes back the praise before it.
  for (let k = 0; k < trailingNots.length; k++) {
    const n = trailingNots[k]!;
    for (let r = 0; r < raws.length; r++) {
      const x = raws[r]!;
      // "Great service… not", or "Great service. Not." as a sentence of its own.
      const own = x.sentence === sentenceOf[n] || (x.sentence === sentenceOf[n]! - 1 && isSentenceInitial(n, tokens, sentenceOf));
      if (x.weight <= 0 || x.last >= n || !own) continue;
      x.weight = -Math.max(2, x.weight);
      x.notes.push(`sarcasm: praise taken back by a final '${tokens.text(n)}'`);
      x.politeness = false;
      x.courtesy = false;
      x.sarcasm = true;
    }
  }

  // Praise in scare quotes beside a complaint: a "premium" seat, 'very important' to them.
  for (let r = 0; r < raws.length; r++) {
    const x = raws[r]!;
    if (x.weight <= 0 || x.politeness || !quoted(x, tokens, sentenceOf)) continue;
    const ctx = strongComplaint(raws, r, tokens, 0) ?? (cues.length ? tokens.text(words[cues[0]!]!) : undefined);
    if (ctx === undefined) continue;
    x.weight = -Math.max(1.5, x.weight);
    x.notes.push(`sarcasm: praise in scare quotes ('${ctx}')`);
    x.sarcasm = true;
  }

  // "Thanks to X, …" means "because of X": it thanks no one when what follows is bad.
  for (let r = 0; r < raws.length; r++) {
    const x = raws[r]!;
    if (!x.politeness || x.weight <= 0 || words[x.lastWord + 1] === undefined || tokens.norm(words[x.lastWord + 1]!) !== 'to') continue;
    for (let j = r + 1; j < raws.length && raws[j]!.sentence === x.sentence; j++) {
      if (raws[j]!.weight < 0) {
        x.weight = 0;
        break;
      }
    }
  }

  // "It used to be great": praise of the past, said now, is a loss.
  for (let k = 0; k < pastPraise.length; k++) {
    const p = pastPraise[k]!;
    const sentence = sentenceOf[words[p]!]!;
    for (let r = 0; r < raws.length; r++) {
      const x = raws[r]!;
      if (x.firstWord <= p || x.sentence !== sentence || x.weight <= 0 || x.politeness) continue;
      if (contrasts.some((c) => c > words[p]! && c < x.first)) continue;
      x.weight *= PRAISE_OF_THE_PAST;
      x.notes.push(`praise of how it used to be \u00d7${PRAISE_OF_THE_PAST}`);
    }
  }

  // Irony emoji: the positive words of its sentence are meant the other way.
  for (let r = 0; r < raws.length; r++) {
    const x = raws[r]!;
    if (x.weight > 0 && ironies.includes(x.sentence)) {
      x.weight = -x.weight;
      x.notes.push('sarcasm: eye-roll emoji');
      x.politeness = false;
      x.courtesy = false;
      x.sarcasm = true;
    }
  }
}

/** The terms weighed by their clause, sentence and turn (contrast, emphasis, courtesy, politeness), and the score. */
function weighInContext({ tokens, words, sentenceOf, text, raws, allCaps, shouting, contrasts, concessives, conditionals, acknowledges, claps, requests, whys }: TermsRead): SentimentResult {
  let questions = false; // a '?' anywhere
  let doubleMarks = false; // "??", "?!": indignation
  // Sentence-level emphasis: "!!!" and, for text in capitals, everything.
  const bangs = bangsFor(sentenceOf.length === 0 ? 0 : sentenceOf[sentenceOf.length - 1]! + 1);
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens.isPunct(i)) continue;
    let n = 0;
    let q = 0;
    const p = tokens.text(i);
    for (let c = 0; c < p.length; c++) {
      const code = p.charCodeAt(c);
      if (code === 33) n++; // !
      else if (code === 63) q++; // ?
    }
    if (q > 0) questions = true;
    if (q >= 2 || (q > 0 && n > 0)) doubleMarks = true;
    if (q >= 2 && n === 0) n = 1;
    if (n > 0) {
      const s = sentenceOf[i]!;
      bangs[s] = Math.min(EXCLAMATION_MAX, bangs[s]! + n);
    }
  }

  // Contrast, concession, hypotheticals.
  for (let r = 0; r < raws.length; r++) {
    const x = raws[r]!;
    let factor = 1;
    const before: string[] = [];
    for (let k = 0; k < contrasts.length; k++) {
      const c = contrasts[k]!;
      const cs = sentenceOf[c]!;
      const initial = isSentenceInitial(c, tokens, sentenceOf);
      if (x.first > c && x.sentence === cs) {
        // "I doubt it, but thanks": courtesy after "but" softens; it is not the point.
        if (!x.politeness) factor *= AFTER_CONTRAST;
        x.afterContrast = true;
      }
      else if (x.last < c && (x.sentence === cs || (initial && x.sentence === cs - 1))) {
        factor *= BEFORE_CONTRAST;
        before.push(tokens.text(c));
      }
    }
    for (let k = 0; k < concessives.length; k++) {
      const c = concessives[k]!;
      if (x.sentence !== sentenceOf[c] || x.first < c) continue;
      let end = c + 1;
      while (end < tokens.length && sentenceOf[end] === sentenceOf[c] && !(tokens.isPunct(end) && tokens.text(end) !== "'")) end++;
      if (x.last < end) factor *= SUBORDINATE;
    }
    let hypothetical = false;
    for (let k = 0; k < conditionals.length; k++) {
      const c = conditionals[k]!;
      if (x.sentence !== sentenceOf[c] || x.first < c) continue;
      let end = c + 1;
      while (end < tokens.length && sentenceOf[end] === sentenceOf[c] && !(tokens.isPunct(end) && tokens.text(end) !== "'")) end++;
      if (x.last < end) hypothetical = true;
    }
    if (hypothetical) {
      x.weight *= HYPOTHETICAL;
      x.notes.push(`hypothetical ('if') \u00d7${HYPOTHETICAL}`);
      // A fault supposed, not suffered: in a question it is asked about, as a fault reported is.
      if (x.weight < 0) x.describes = true;
    }
    if (factor !== 1) {
      x.weight *= factor;
      x.notes.push(factor > 1 ? `after '${'but'}'-clause \u00d7${factor}` : before.length ? `before '${before[0]}' \u00d7${factor}` : `subordinate clause \u00d7${factor}`);
    }
    const b = bangs[x.sentence]!;
    if (b) {
      const k = 1 + EXCLAMATION_STEP * b;
      x.weight *= k;
      x.notes.push(`'${'!'.repeat(b)}' \u00d7${k}`);
      x.intensified = true;
    }
    if (allCaps) {
      x.weight *= ALL_CAPS_TEXT_FACTOR;
      x.notes.push('written in capitals');
    }
  }

  // "ok thx", "Done now. Thanks", "will let you know, thanks": thanks closing an acknowledgement or an
  // update are courtesy, unless they are warm ("thanks so much!") or beside praise of their own.
  if (acknowledges && !raws.some((x) => x.weight > 0 && !x.politeness)) {
    for (let r = 0; r < raws.length; r++) {
      const x = raws[r]!;
      if (x.politeness && x.weight > 0 && !x.intensified) asMereCourtesy(x, 'thanks closing an acknowledgement');
    }
  }

  // "Thanks anyway", "thanks in advance": courtesy in any turn.
  for (let r = 0; r < raws.length; r++) {
    const x = raws[r]!;
    const next = words[x.lastWord + 1] !== undefined ? tokens.norm(words[x.lastWord + 1]!) : '';
    if (!x.politeness || x.weight <= 0 || !MERE_COURTESY_AFTER.has(next)) continue;
    if (next === 'in' && (words[x.lastWord + 2] === undefined || tokens.norm(words[x.lastWord + 2]!) !== 'advance')) continue;
    asMereCourtesy(x, 'mere courtesy');
  }

  // A request or question: faults named plainly are a report, and thanks close it politely.
  if (questions || requests > 0) {
    let heated = shouting || doubleMarks;
    for (let r = 0; r < raws.length && !heated; r++) {
      const x = raws[r]!;
      if (x.weight >= 0) continue;
      heated = x.sarcasm || x.intensified || (!x.describes && x.weight <= -HEATED) || whys.includes(x.sentence);
    }
    // "Thank you 🙏 😊" closes a request once, however many marks it takes.
    let closed = false;
    for (let r = 0; r < raws.length; r++) {
      const x = raws[r]!;
      if (!heated && x.describes && x.weight < 0) {
        x.weight *= REPORT_IN_REQUEST;
        x.notes.push(`a fault reported in a request \u00d7${REPORT_IN_REQUEST}`);
      } else if (x.courtesy && x.weight > 0 && !x.sarcasm) {
        x.weight *= closed ? 0 : COURTESY_IN_REQUEST;
        x.notes.push(closed ? 'the request is already closed politely \u00d70' : `courtesy closing a request \u00d7${COURTESY_IN_REQUEST}`);
        x.politeness = false; // discounted once
        closed = true;
      }
    }
  }

  // A whole turn typed in capitals is shouting.
  if (shouting) {
    raws.push({
      first: words[0]!, last: words[words.length - 1]!, firstWord: 0, lastWord: words.length - 1, weight: SHOUTING,
      why: 'shouting: the whole turn in capitals', notes: [], politeness: false, intensified: true, sarcasmProne: false,
      afterContrast: false, sentence: -1, describes: false, courtesy: false, sarcasm: false,
    });
  }
  return scored(raws, claps, tokens, text);
}

/**
 * Politeness and applause around a complaint weighed, and the score of the terms: a function of its
 * own, as the passes are (readSentiment), for politeness in a complaint is the case a run meets
 * late, after the code that weighs it was optimised without it.
 */
function scored(raws: Raw[], claps: readonly number[], tokens: Tokens, text: string): SentimentResult {
  // Politeness around a complaint: bare thanks/please do not lift a negative turn.
  let rest = 0;
  for (let r = 0; r < raws.length; r++) {
    const x = raws[r]!;
    if (!x.politeness) rest += x.weight;
  }
  // Applause beside a complaint is a slow clap.
  for (let k = 0; k < claps.length; k++) {
    const x = raws[claps[k]!]!;
    if (rest - x.weight <= -HEATED && x.weight > 0) {
      rest -= 2 * x.weight;
      x.weight = -x.weight;
      x.notes.push('applause beside a complaint');
    }
  }
  if (rest < 0) {
    for (let r = 0; r < raws.length; r++) {
      const x = raws[r]!;
      if (x.politeness && !x.intensified && !x.afterContrast && x.weight > 0) {
        x.weight *= POLITENESS_IN_COMPLAINT;
        x.notes.push(`politeness around a complaint \u00d7${POLITENESS_IN_COMPLAINT}`);
      }
    }
  }

  let sum = 0;
  const terms: SentimentTerm[] = [];
  for (let r = 0; r < raws.length; r++) {
    const x = raws[r]!;
    const weight = Math.round(x.weight * 100) / 100;
    if (weight === 0) continue;
    sum += x.weight;
    const start = tokens.start(x.first);
    const end = tokens.end(x.last);
    const term: SentimentTerm = {
      text: text.slice(start, end),
      span: [start, end],
      weight,
      why: x.notes.length ? `${x.why} (${x.notes.join('; ')})` : x.why,
    };
    if (x.sarcasm && weight < 0) term.sarcasm = true;
    terms.push(term);
  }
  let sorted = true;
  for (let k = 1; k < terms.length; k++) if (terms[k]!.span[0] < terms[k - 1]!.span[0]) sorted = false;
  if (!sorted) terms.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const score = Math.round((sum / Math.sqrt(sum * sum + ALPHA)) * 1000) / 1000;
  const label: SentimentLabel = score >= LABEL_THRESHOLD ? 'positive' : score <= -LABEL_THRESHOLD ? 'negative' : 'neutral';
  return { score, label, terms };
}

/** "Great, …", "Oh wonderful.", "Just brilliant!": a positive word standing as an exclamation. */
function sarcasticPosition(x: Raw, tokens: Tokens, words: PerToken, sentenceOf: PerToken): boolean {
  const prevW = x.firstWord - 1;
  // "another fantastic day of…": praise of one more of something is praise of a pattern.
  if (prevW >= 0 && tokens.norm(words[prevW]!) === 'another') return true;
  const prevOk =
    prevW < 0 ||
    sentenceOf[words[prevW]!] !== x.sentence ||
    INTERJECTIONS.has(tokens.norm(words[prevW]!)) ||
    (words[prevW]! < x.first - 1 && tokens.isPunct(x.first - 1));
  if (!prevOk) return false;
  const after = x.last + 1;
  if (after >= tokens.length) return true;
  if (tokens.isPunct(after) && tokens.text(after) !== "'") return true;
  if (tokens.kind(after) === 'emoji') return true;
  const norm = tokens.norm(after);
  return norm === 'another' || norm === 'more' || norm === 'how' || norm === 'being';
}

/** "thanks for wasting my time": thanks, then within a few words a strong negative. */
function thanksFor(x: Raw, raws: readonly Raw[], r: number, tokens: Tokens, words: PerToken): boolean {
  const n = tokens.norm(x.first);
  if (n !== 'thanks' && n !== 'thank' && n !== 'cheers') return false;
  let forW = -1;
  for (let k = x.lastWord + 1; k <= x.lastWord + 2 && k < words.length; k++) {
    if (tokens.norm(words[k]!) === 'for') forW = k;
  }
  if (forW < 0) return false;
  for (let j = r + 1; j < raws.length; j++) {
    const y = raws[j]!;
    if (y.firstWord > forW + 4) break;
    if (y.weight <= -HEATED) return true;
  }
  return false;
}

function complaintAfter(
  x: Raw, raws: readonly Raw[], r: number, cues: readonly number[], tokens: Tokens, words: PerToken, sentenceOf: PerToken,
): string | undefined {
  for (let j = r + 1; j < raws.length; j++) {
    const y = raws[j]!;
    if (y.firstWord - x.lastWord > SARCASM_WINDOW || y.sentence > x.sentence + 1) break;
    // "Brilliant, the problem is solved": a fault named on the way to its fix is no complaint.
    if (y.weight < 0 && y.describes && raws.some((z, k) => k > j && z.sentence === y.sentence && z.weight >= HEATED)) continue;
    if (y.weight < 0) return tokens.text(y.first) === tokens.text(y.last) ? tokens.text(y.first) : `${tokens.text(y.first)}\u2026`;
  }
  for (const c of cues) {
    if (c <= x.lastWord || c - x.lastWord > SARCASM_WINDOW) continue;
    if (sentenceOf[words[c]!]! > x.sentence + 1) continue;
    return tokens.text(words[c]!);
  }
  return undefined;
}

function isSentenceInitial(ti: number, tokens: Tokens, sentenceOf: PerToken): boolean {
  for (let k = ti - 1; k >= 0; k--) {
    if (sentenceOf[k] !== sentenceOf[ti]) return true;
    if (tokens.isWordLike(k)) return false;
  }
  return true;
}

/** The first negative term of the turn, other than `r`, strong enough to be a complaint. */
function strongComplaint(raws: readonly Raw[], r: number, tokens: Tokens, min = HEATED): string | undefined {
  for (let j = 0; j < raws.length; j++) {
    const y = raws[j]!;
    if (j !== r && y.weight < 0 && y.weight <= -min) return tokens.text(y.first);
  }
  return undefined;
}

/**
 * What a delight word governs, to the end of its clause: a complaint with nothing good before it
 * ("thrilled to be sitting here for five hours"), not good news ("glad the problem is fixed"), and
 * not a complaint after a "but" ("love you guys, but the app is broken" is praise, then a complaint).
 */
function complaintInComplement(x: Raw, raws: readonly Raw[], r: number, tokens: Tokens, contrasts: readonly number[]): string | undefined {
  for (let j = r + 1; j < raws.length; j++) {
    const y = raws[j]!;
    if (y.sentence !== x.sentence || contrasts.some((c) => c > x.last && c < y.first)) break;
    if (y.weight >= HEATED) break;
    if (y.weight < 0) return tokens.text(y.first);
  }
  return undefined;
}

/** The term stands inside quotation marks in its sentence: 'very important', a “premium” seat. */
function quoted(x: Raw, tokens: Tokens, sentenceOf: PerToken): boolean {
  let open = false;
  for (let k = x.first - 1; k >= 0 && k >= x.first - 3 && sentenceOf[k] === x.sentence; k--) {
    if (tokens.isPunct(k) && QUOTES.has(tokens.text(k))) {
      open = true;
      break;
    }
  }
  if (!open) return false;
  for (let k = x.last + 1; k < tokens.length && k <= x.last + 2; k++) {
    if (tokens.isPunct(k) && QUOTES.has(tokens.text(k))) return true;
  }
  return false;
}

/**
 * Thanks that may be mere courtesy: not heartfelt ("so much", "a million") and not for something
 * done ("thanks for sorting it", "thank you for including…").
 */
function courtesyThanks(tokens: Tokens, words: PerToken, firstWord: number, lastWord: number): boolean {
  // "it would be appreciated": thanks for what is still asked for.
  if (firstWord > 0 && WOULD.has(tokens.norm(words[firstWord - 1]!))) return true;
  if (firstWord > 1 && tokens.norm(words[firstWord - 1]!) === 'be' && WOULD.has(tokens.norm(words[firstWord - 2]!))) return true;
  for (let k = firstWord; k <= lastWord + 3 && k < words.length; k++) {
    const n = tokens.norm(words[k]!);
    if (k <= lastWord && HEARTFELT.has(n)) return false;
    if (n === 'for') {
      const next = words[k + 1] !== undefined ? tokens.norm(words[k + 1]!) : '';
      return !(next.length > 4 && next.endsWith('ing'));
    }
  }
  return true;
}

function asksForHelp(tokens: Tokens, words: PerToken, w: number): boolean {
  const next = words[w + 1] !== undefined ? tokens.norm(words[w + 1]!) : '';
  const prev = w > 0 ? tokens.norm(words[w - 1]!) : '';
  return next === '' || HELP_AFTER.has(next) || HELP_BEFORE.has(prev);
}

/** Fillers between praise and its retraction: "great service - erm, not". */
const FILLERS = new Set(['erm', 'um', 'umm', 'uh', 'er', 'ah', 'hmm', 'well', 'oh']);
const LINK_WORDS = new Set(['http', 'https', 'www']);

/** "not" set apart at the end of its sentence (after a pause or filler), not "not" before a verb. */
function endsWithNot(tokens: Tokens, words: PerToken, sentenceOf: PerToken, w: number): boolean {
  const ti = words[w]!;
  const next = words[w + 1];
  if (next !== undefined && sentenceOf[next] === sentenceOf[ti] && !LINK_WORDS.has(tokens.norm(next))) return false;
  const before = ti - 1;
  if (before < 0 || before >= tokens.length) return false;
  return tokens.isPunct(before) || FILLERS.has(tokens.norm(before));
}

/** Words that describe a bad situation without a lexicon weight: time passing, waiting, absence. */
const SITUATION = new Set([
  'till', 'until', 'days', 'weeks', 'months', 'hours', 'wait', 'waiting', 'sit', 'sitting', 'nothing', 'never', 'nobody',
  'again', 'another', 'still', 'meanwhile', 'without', 'lost', 'gone', 'vanished', 'cancelled', 'canceled', 'delayed',
]);

/** "Oh wonderful.", "Well, great!": an interjection, a praise word, and the end of the sentence. */
function interjectedExclamation(x: Raw, tokens: Tokens, words: PerToken, sentenceOf: PerToken): boolean {
  if (x.firstWord === 0 || x.first !== x.last) return false;
  // "…cut off twice. Great.": praise said as a sentence of its own, after something else was said.
  const next = words[x.lastWord + 1];
  if (sentenceOf[words[x.firstWord - 1]!] !== x.sentence && (next === undefined || sentenceOf[next] !== x.sentence)) return true;
  if (sentenceOf[words[x.firstWord - 1]!] !== x.sentence || !INTERJECTIONS.has(tokens.norm(words[x.firstWord - 1]!))) return false;
  if (x.firstWord > 1 && sentenceOf[words[x.firstWord - 2]!] === x.sentence) return false;
  const after = x.last + 1;
  return after >= tokens.length || (tokens.isPunct(after) && tokens.text(after) !== "'");
}

/** A situation word in the sentence before or after, with nothing positive beside it. */
function situationAround(x: Raw, raws: readonly Raw[], tokens: Tokens, words: PerToken, sentenceOf: PerToken): string | undefined {
  for (const y of raws) if (y !== x && y.weight > 0 && Math.abs(y.sentence - x.sentence) <= 1) return undefined;
  for (const y of raws) if (y.weight < 0 && Math.abs(y.sentence - x.sentence) <= 1) return tokens.text(y.first);
  for (let k = 0; k < words.length; k++) {
    const s = sentenceOf[words[k]!]!;
    if (Math.abs(s - x.sentence) === 1 && SITUATION.has(tokens.norm(words[k]!))) return tokens.text(words[k]!);
  }
  return undefined;
}
