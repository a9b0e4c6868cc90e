// Per-turn sentiment of a customer's words, explainable term by term.
//
// AFINN word weights (re-weighted for support conversations, lexicon/words.ts) plus customer-service
// phrases (lexicon/phrases.ts), emoji, degree modifiers, negation scope (negation.ts), ALL-CAPS and
// "!!!" emphasis, contrast ("…, but …": the clause after "but" dominates), sarcasm (a positive
// exclamation followed by a complaint) and politeness around a complaint ("thanks, but it still
// isn't working" is a complaint). One pass over the tokens collects terms; a second pass over the
// (few) terms applies the sentence-level rules. The sum is squashed into −1..1.
import type { TextFeatures } from './features.js';
import { type Token, isWordLike } from './tokenize.js';
import { WORDS, POLITENESS, type WordEntry } from './lexicon/words.js';
import { MODIFIERS, MULTI_MODIFIERS, MODIFIER_REACH, NEGATIVE_ONLY_MODIFIERS, PERSISTENCE_REACH } from './lexicon/modifiers.js';
import { EMOJI_MAP, emojiKey } from './lexicon/emoji.js';
import { matchPhrase, phraseStartWords } from './lexicon/compile.js';
import { isNegator } from './negation.js';
import type { PhraseCategory } from './lexicon/phrases.js';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentTerm {
  /** Exactly `text.slice(span[0], span[1])`. */
  text: string;
  span: [number, number];
  /** What this term added to the raw sum, after every modifier (AFINN scale). */
  weight: number;
  why: string;
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
const IRONY_EMOJI = new Set(['🙄', '😒', '🙃', '😑']);
const CAPS_FACTOR = 1.5;
const ALL_CAPS_TEXT_FACTOR = 1.2;
const EXCLAMATION_STEP = 0.15;
const EXCLAMATION_MAX = 3;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const SUBORDINATE = 0.5;
const POLITENESS_IN_COMPLAINT = 0.25;
const SHOUTING = -1.5;
const SHOUTING_MIN_WORDS = 4;

/** "X but Y": Y dominates. */
const CONTRAST = new Set(['but', 'however', 'except', 'nevertheless', 'nonetheless', 'sadly', 'unfortunately']);
/** "although X, Y": X is subordinate. */
const CONCESSIVE = new Set(['although', 'though', 'despite', 'whilst']);
/** Positive exclamations that are often sarcastic when a complaint follows. */
const SARCASM_PRONE = new Set([
  'great', 'wonderful', 'brilliant', 'fantastic', 'perfect', 'lovely', 'marvellous', 'marvelous', 'terrific',
  'super', 'fabulous', 'amazing', 'excellent', 'nice', 'awesome', 'fun', 'love', 'splendid', 'delightful', 'cool',
  'good', 'wow', 'yay', 'thanks', 'thank', 'cheers',
]);
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
}

const INFO: ReadonlyMap<string, WordInfo> = (() => {
  const starts = phraseStartWords();
  const keys = new Set([
    ...WORDS.keys(), ...MODIFIERS.keys(), ...MULTI_MODIFIERS.keys(), ...NEGATIVE_ONLY_MODIFIERS.keys(), ...CONTRAST,
    ...CONCESSIVE, ...CONDITIONAL, ...COMPLAINT_CUES, ...starts,
  ]);
  const map = new Map<string, WordInfo>();
  for (const k of keys) {
    map.set(k, {
      entry: WORDS.get(k), mod: MODIFIERS.get(k), multi: MULTI_MODIFIERS.get(k), persist: NEGATIVE_ONLY_MODIFIERS.get(k),
      cue: COMPLAINT_CUES.has(k), contrast: CONTRAST.has(k), concessive: CONCESSIVE.has(k), conditional: CONDITIONAL.has(k),
      phraseStart: starts.has(k) || isNegator(k),
    });
  }
  return map;
})();

/** A word that is in no table can still start a phrase if it is a negator ("doesn't …"). */
const NEGATOR_INFO: WordInfo = {
  entry: undefined, mod: undefined, multi: undefined, persist: undefined,
  cue: false, contrast: false, concessive: false, conditional: false, phraseStart: true,
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

function isCaps(t: Token): boolean {
  const s = t.text;
  if (s.length < 2 || t.kind !== 'word') return false;
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

export function turnSentiment(f: TextFeatures): SentimentResult {
  const { tokens, negatedBy, sentenceOf, text } = f;
  // Made at its size (wordCount counts the word-like tokens), not grown; loops over the lists below
  // are indexed: for…of allocated an iterator and a result per step until the function was optimised.
  const words: number[] = new Array<number>(f.wordCount);
  let wordsSeen = 0;
  for (let i = 0; i < tokens.length; i++) if (isWordLike(tokens[i]!)) words[wordsSeen++] = i;
  words.length = wordsSeen; // the same unless features were put together by hand

  const mixedCase = HAS_LOWER.test(text);
  const allCaps = !mixedCase && HAS_UPPER.test(text) && f.wordCount >= 3;

  const raws: Raw[] = [];
  let cues = NONE; // word positions of complaint cues
  let contrasts = NONE; // token indices of "but"-like words
  let concessives = NONE; // token indices of "although"-like words
  let conditionals = NONE; // token indices of "if"-like words
  let ironies = NONE; // sentences with an eye-roll emoji
  let pending: Pending | undefined;

  const addTerm = (firstWord: number, lastWord: number, weight: number, why: string, opts: { politeness?: boolean; sarcasmProne?: boolean; negatable: boolean; phrase: boolean }): void => {
    const first = words[firstWord]!;
    const last = words[lastWord]!;
    const notes: string[] = [];
    let w = weight;
    let intensified = false;
    let caps = false;
    for (let k = first; k <= last; k++) if (mixedCase && isCaps(tokens[k]!)) caps = true;
    const mod = pending && firstWord - pending.word <= pending.reach ? pending : undefined;
    pending = undefined;
    const neg = negatedBy[first]!;
    // "never been so angry" intensifies rather than negates.
    const cancelNegation = mod !== undefined && tokens[neg]?.norm === 'never' && NEGATION_CANCELLERS.has(mod.text.toLowerCase());
    if (opts.negatable && neg >= 0 && !cancelNegation) {
      if (opts.phrase) w *= w > 0 ? NEGATE_POSITIVE_PHRASE : NEGATE_NEGATIVE_PHRASE;
      else w *= w > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
      notes.push(`negated by '${tokens[neg]!.text}'`);
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
    raws.push({
      first, last, firstWord, lastWord, weight: w, why, notes,
      politeness: opts.politeness ?? false, intensified, sarcasmProne: opts.sarcasmProne ?? false, afterContrast: false,
      sentence: sentenceOf[first]!,
    });
  };

  for (let w = 0; w < words.length; w++) {
    const ti = words[w]!;
    const t = tokens[ti]!;
    // A clause break (punctuation) between words ends a modifier's reach.
    if (pending && w > 0 && ti - words[w - 1]! > 1 && tokens[ti - 1]!.kind === 'punct' && tokens[ti - 1]!.text !== "'") pending = undefined;
    if (pending && w - pending.word > pending.reach) pending = undefined;

    if (t.kind === 'emoji') {
      if (IRONY_EMOJI.has(emojiKey(t.norm))) ironies = append(ironies, sentenceOf[ti]!);
      const e = EMOJI_MAP.get(emojiKey(t.norm));
      if (e) addTerm(w, w, e.weight, e.why, { negatable: false, phrase: false });
      continue;
    }
    const norm = t.norm;
    // Fast path: most words are in no table and start no phrase.
    const info = INFO.get(norm) ?? (t.kind !== 'word' ? NUMBER_INFO : isNegator(norm) ? NEGATOR_INFO : undefined);
    if (info === undefined) continue;
    if (info.cue) cues = append(cues, w);
    if (info.contrast) {
      const nx = words[w + 1] !== undefined ? tokens[words[w + 1]!]! : undefined;
      if (!(norm === 'but' && nx?.norm === 'also')) contrasts = append(contrasts, ti);
    } else if (info.concessive && w + 1 < words.length && sentenceOf[words[w + 1]!] === sentenceOf[ti]) {
      concessives = append(concessives, ti);
    } else if (info.conditional) conditionals = append(conditionals, ti);

    const m = info.phraseStart ? matchPhrase(tokens, words, sentenceOf, w) : undefined;
    if (m) {
      if (m.rule.weight !== 0) {
        addTerm(w, m.lastWord, m.rule.weight, m.rule.why, {
          negatable: true,
          phrase: true,
          sarcasmProne: SARCASM_CATEGORIES.has(m.rule.category) && SARCASM_PRONE.has(norm),
          politeness: false,
        });
      } else pending = undefined;
      // cues inside the phrase still count as complaint context
      for (let k = w + 1; k <= m.lastWord; k++) if (COMPLAINT_CUES.has(tokens[words[k]!]!.norm)) cues = append(cues, k);
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
          if (wi === undefined || tokens[wi]!.norm !== mm.words[k] || sentenceOf[wi] !== sentenceOf[ti]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          const lastW = w + mm.words.length - 1;
          pending = {
            factor: (pending && w - pending.word <= MODIFIER_REACH ? pending.factor : 1) * mm.factor,
            word: lastW,
            text: text.slice(t.start, tokens[words[lastW]!]!.end),
            caps: mixedCase && isCaps(t),
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
      const next = nextW !== undefined && sentenceOf[nextW] === sentenceOf[ti] ? tokens[nextW]!.norm : undefined;
      if (!entry || (next !== undefined && (WORDS.has(next) || MODIFIERS.has(next)))) {
        const chained = pending && w - pending.word <= 1;
        pending = {
          factor: (chained ? pending!.factor : 1) * mod,
          word: w,
          text: chained ? `${pending!.text} ${t.text}` : t.text,
          caps: (chained && pending!.caps) || (mixedCase && isCaps(t)),
          reach: MODIFIER_REACH,
          negativeOnly: false,
        };
        continue;
      }
    }
    const persist = info.persist;
    if (persist !== undefined) {
      pending = { factor: persist, word: w, text: t.text, caps: mixedCase && isCaps(t), reach: PERSISTENCE_REACH, negativeOnly: true };
      continue;
    }
    if (entry) {
      const politeness = POLITENESS.has(norm);
      addTerm(w, w, entry.weight, entry.why, {
        negatable: !politeness,
        phrase: false,
        politeness,
        sarcasmProne: SARCASM_PRONE.has(norm) && entry.weight > 0,
      });
    }
  }

  const shouting = allCaps && f.wordCount >= SHOUTING_MIN_WORDS;
  if (raws.length === 0 && !shouting) return { score: 0, label: 'neutral', terms: [] };

  // Sentence-level emphasis: "!!!" and, for text in capitals, everything.
  const bangs = bangsFor(sentenceOf.length === 0 ? 0 : sentenceOf[sentenceOf.length - 1]! + 1);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    let n = 0;
    let q = 0;
    const p = t.text;
    for (let c = 0; c < p.length; c++) {
      const code = p.charCodeAt(c);
      if (code === 33) n++; // !
      else if (code === 63) q++; // ?
    }
    if (q >= 2 && n === 0) n = 1;
    if (n > 0) {
      const s = sentenceOf[i]!;
      bangs[s] = Math.min(EXCLAMATION_MAX, bangs[s]! + n);
    }
  }

  // Sarcasm: a positive exclamation, then a complaint.
  for (let r = 0; r < raws.length; r++) {
    const x = raws[r]!;
    if (!x.sarcasmProne || x.weight <= 0) continue;
    // Bare thanks before a complaint is politeness (discounted below), not sarcasm, unless it
    // thanks the customer's trouble: "thanks for wasting my time".
    const sarcastic = x.politeness ? thanksFor(x, raws, r, tokens, words) : sarcasticPosition(x, tokens, words, sentenceOf);
    if (!sarcastic) continue;
    const ctx = complaintAfter(x, raws, r, cues, tokens, words, sentenceOf);
    if (ctx === undefined) continue;
    x.weight = -Math.max(2, Math.abs(x.weight));
    x.notes.push(`sarcasm: positive word before a complaint ('${ctx}')`);
    x.politeness = false;
  }

  // Irony emoji: the positive words of its sentence are meant the other way.
  for (let r = 0; r < raws.length; r++) {
    const x = raws[r]!;
    if (x.weight > 0 && ironies.includes(x.sentence)) {
      x.weight = -x.weight;
      x.notes.push('sarcasm: eye-roll emoji');
      x.politeness = false;
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
        factor *= AFTER_CONTRAST;
        x.afterContrast = true;
      }
      else if (x.last < c && (x.sentence === cs || (initial && x.sentence === cs - 1))) {
        factor *= BEFORE_CONTRAST;
        before.push(tokens[c]!.text);
      }
    }
    for (let k = 0; k < concessives.length; k++) {
      const c = concessives[k]!;
      if (x.sentence !== sentenceOf[c] || x.first < c) continue;
      let end = c + 1;
      while (end < tokens.length && sentenceOf[end] === sentenceOf[c] && !(tokens[end]!.kind === 'punct' && tokens[end]!.text !== "'")) end++;
      if (x.last < end) factor *= SUBORDINATE;
    }
    let hypothetical = false;
    for (let k = 0; k < conditionals.length; k++) {
      const c = conditionals[k]!;
      if (x.sentence !== sentenceOf[c] || x.first < c) continue;
      let end = c + 1;
      while (end < tokens.length && sentenceOf[end] === sentenceOf[c] && !(tokens[end]!.kind === 'punct' && tokens[end]!.text !== "'")) end++;
      if (x.last < end) hypothetical = true;
    }
    if (hypothetical) {
      x.weight *= HYPOTHETICAL;
      x.notes.push(`hypothetical ('if') \u00d7${HYPOTHETICAL}`);
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

  // A whole turn typed in capitals is shouting.
  if (shouting) {
    raws.push({
      first: words[0]!, last: words[words.length - 1]!, firstWord: 0, lastWord: words.length - 1, weight: SHOUTING,
      why: 'shouting: the whole turn in capitals', notes: [], politeness: false, intensified: true, sarcasmProne: false,
      afterContrast: false, sentence: -1,
    });
  }
  // Politeness around a complaint: bare thanks/please do not lift a negative turn.
  let rest = 0;
  for (let r = 0; r < raws.length; r++) {
    const x = raws[r]!;
    if (!x.politeness) rest += x.weight;
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
    const start = tokens[x.first]!.start;
    const end = tokens[x.last]!.end;
    terms.push({
      text: text.slice(start, end),
      span: [start, end],
      weight,
      why: x.notes.length ? `${x.why} (${x.notes.join('; ')})` : x.why,
    });
  }
  let sorted = true;
  for (let k = 1; k < terms.length; k++) if (terms[k]!.span[0] < terms[k - 1]!.span[0]) sorted = false;
  if (!sorted) terms.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const score = Math.round((sum / Math.sqrt(sum * sum + ALPHA)) * 1000) / 1000;
  const label: SentimentLabel = score >= LABEL_THRESHOLD ? 'positive' : score <= -LABEL_THRESHOLD ? 'negative' : 'neutral';
  return { score, label, terms };
}

/** "Great, …", "Oh wonderful.", "Just brilliant!": a positive word standing as an exclamation. */
function sarcasticPosition(x: Raw, tokens: readonly Token[], words: readonly number[], sentenceOf: Int32Array): boolean {
  const prevW = x.firstWord - 1;
  const prevOk =
    prevW < 0 ||
    sentenceOf[words[prevW]!] !== x.sentence ||
    INTERJECTIONS.has(tokens[words[prevW]!]!.norm) ||
    (words[prevW]! < x.first - 1 && tokens[x.first - 1]!.kind === 'punct');
  if (!prevOk) return false;
  const after = tokens[x.last + 1];
  if (!after) return true;
  if (after.kind === 'punct' && after.text !== "'") return true;
  if (after.kind === 'emoji') return true;
  return after.norm === 'another' || after.norm === 'more' || after.norm === 'how' || after.norm === 'being';
}

/** "thanks for wasting my time": thanks, then within a few words a strong negative. */
function thanksFor(x: Raw, raws: readonly Raw[], r: number, tokens: readonly Token[], words: readonly number[]): boolean {
  const n = tokens[x.first]!.norm;
  if (n !== 'thanks' && n !== 'thank' && n !== 'cheers') return false;
  let forW = -1;
  for (let k = x.lastWord + 1; k <= x.lastWord + 2 && k < words.length; k++) {
    if (tokens[words[k]!]!.norm === 'for') forW = k;
  }
  if (forW < 0) return false;
  for (let j = r + 1; j < raws.length; j++) {
    const y = raws[j]!;
    if (y.firstWord > forW + 3) break;
    if (y.weight <= -2) return true;
  }
  return false;
}

function complaintAfter(
  x: Raw, raws: readonly Raw[], r: number, cues: readonly number[], tokens: readonly Token[], words: readonly number[], sentenceOf: Int32Array,
): string | undefined {
  for (let j = r + 1; j < raws.length; j++) {
    const y = raws[j]!;
    if (y.firstWord - x.lastWord > SARCASM_WINDOW || y.sentence > x.sentence + 1) break;
    if (y.weight < 0) return tokens[y.first]!.text === tokens[y.last]!.text ? tokens[y.first]!.text : `${tokens[y.first]!.text}\u2026`;
  }
  for (const c of cues) {
    if (c <= x.lastWord || c - x.lastWord > SARCASM_WINDOW) continue;
    if (sentenceOf[words[c]!]! > x.sentence + 1) continue;
    return tokens[words[c]!]!.text;
  }
  return undefined;
}

function isSentenceInitial(ti: number, tokens: readonly Token[], sentenceOf: Int32Array): boolean {
  for (let k = ti - 1; k >= 0; k--) {
    if (sentenceOf[k] !== sentenceOf[ti]) return true;
    if (isWordLike(tokens[k]!)) return false;
  }
  return true;
}
