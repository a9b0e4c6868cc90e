// Context that decides whether a phrase is really the speaker's own statement.
import type { TextFeatures } from '../nlp/features.js';

const QUOTES = new Set(['"', '\u201C', '\u201D']);

/** Reported speech: words after these, in the same sentence, are someone else's. */
const REPORTING = [
  ['you', 'said'], ['you', 'say'], ["you're", 'saying'], ['you', 'are', 'saying'], ['you', 'told', 'me'],
  ['you', 'mentioned'], ['you', 'wrote'], ['you', 'called', 'it'], ['in', 'your', 'words'], ['quote'],
];

// A turn's quoted ranges, found once: every candidate phrase in the turn asks for them.
const quotedCache = new WeakMap<TextFeatures, Array<[number, number]>>();

/** Token ranges inside double quotes. */
function quotedRanges(f: TextFeatures): Array<[number, number]> {
  const cached = quotedCache.get(f);
  if (cached) return cached;
  const ranges: Array<[number, number]> = [];
  quotedCache.set(f, ranges);
  let open = -1;
  f.tokens.forEach((t, i) => {
    if (t.kind !== 'punct' || !QUOTES.has(t.text)) return;
    if (open < 0 && t.text !== '\u201D') open = i;
    else if (open >= 0) {
      ranges.push([open, i]);
      open = -1;
    }
  });
  return ranges;
}

/** Whether the tokens [from, to) quote or report another person's words. */
export function isQuoted(f: TextFeatures, from: number, to: number): boolean {
  if (quotedRanges(f).some(([a, b]) => a < from && to <= b + 1)) return true;
  const sentence = f.sentenceOf[from];
  const words: string[] = [];
  for (let i = from - 1; i >= 0 && f.sentenceOf[i] === sentence; i--) words.unshift(f.tokens[i]!.norm);
  return REPORTING.some((cue) => {
    for (let i = 0; i + cue.length <= words.length; i++) {
      if (cue.every((w, k) => words[i + k] === w)) return true;
    }
    return false;
  });
}

/** Whether a negator outside the match governs its first word ("I can't promise a callback"). */
export function isNegated(f: TextFeatures, from: number): boolean {
  const by = f.negatedBy[from]!;
  return by >= 0 && by < from;
}

/** Whether the sentence holding token `i` is a question. */
export function isQuestion(f: TextFeatures, i: number): boolean {
  const sentence = f.sentenceOf[i];
  for (let k = i; k < f.tokens.length && f.sentenceOf[k] === sentence; k++) {
    if (f.tokens[k]!.text.includes('?')) return true;
  }
  return false;
}

/** Character range of the sentence holding token `i`. */
export function sentenceSpan(f: TextFeatures, i: number): [number, number] {
  const s = f.sentenceOf[i];
  let a = i;
  let b = i;
  while (a > 0 && f.sentenceOf[a - 1] === s) a--;
  while (b + 1 < f.tokens.length && f.sentenceOf[b + 1] === s) b++;
  return [f.tokens[a]!.start, f.tokens[b]!.end];
}
