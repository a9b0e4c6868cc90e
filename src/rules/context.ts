// Context that decides whether a phrase is really the speaker's own statement.
import type { TextFeatures } from '../nlp/features.js';

const QUOTES = new Set(['"', '\u201C', '\u201D']);

/** Reported speech: words after these, in the same sentence, are someone else's. */
const REPORTING = [
  ['you', 'said'], ['you', 'say'], ["you're", 'saying'], ['you', 'are', 'saying'], ['you', 'told', 'me'],
  ['you', 'mentioned'], ['you', 'wrote'], ['you', 'called', 'it'], ['in', 'your', 'words'], ['quote'],
];

/** Token ranges inside double quotes, in text order and disjoint. */
function quotedRanges(f: TextFeatures): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
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

/**
 * What the checks below need, computed once per turn: asking them for every match used to
 * rescan the turn or the sentence each time, quadratic in a long turn (a 100,000-word message).
 */
interface Layout {
  /** First token of the sentence holding each token, and one past its last. */
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  /** 1 when a token holding "?" is at or after this one in its sentence. */
  questionFrom: Uint8Array;
  /** 1 when a reporting cue lies wholly before this token in its sentence. */
  reportedAt: Uint8Array;
  quoted: Array<[number, number]>;
}

const layouts = new WeakMap<TextFeatures, Layout>();

function layout(f: TextFeatures): Layout {
  let l = layouts.get(f);
  if (l) return l;
  const n = f.tokens.length;
  const same = (a: number, b: number) => f.sentenceOf[a] === f.sentenceOf[b];
  const sentenceStart = new Int32Array(n);
  const sentenceEnd = new Int32Array(n);
  const questionFrom = new Uint8Array(n);
  const reportedAt = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    sentenceStart[i] = i > 0 && same(i - 1, i) ? sentenceStart[i - 1]! : i;
    reportedAt[i] = i > sentenceStart[i]! && (reportedAt[i - 1] === 1 || cueEndsAt(f, i - 1, sentenceStart[i]!)) ? 1 : 0;
  }
  for (let i = n - 1; i >= 0; i--) {
    const sameAsNext = i + 1 < n && same(i, i + 1);
    sentenceEnd[i] = sameAsNext ? sentenceEnd[i + 1]! : i + 1;
    questionFrom[i] = f.tokens[i]!.text.includes('?') || (sameAsNext && questionFrom[i + 1] === 1) ? 1 : 0;
  }
  l = { sentenceStart, sentenceEnd, questionFrom, reportedAt, quoted: quotedRanges(f) };
  layouts.set(f, l);
  return l;
}

/** Whether a reporting cue ends at token `last` without starting before token `from`. */
function cueEndsAt(f: TextFeatures, last: number, from: number): boolean {
  return REPORTING.some((cue) => last - cue.length + 1 >= from && cue.every((w, k) => f.tokens[last - cue.length + 1 + k]!.norm === w));
}

/** Whether the tokens [from, to) quote or report another person's words. */
export function isQuoted(f: TextFeatures, from: number, to: number): boolean {
  const l = layout(f);
  // Ranges are disjoint and in order: only the last one opening before `from` can hold the match.
  let lo = 0;
  let hi = l.quoted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (l.quoted[mid]![0] < from) lo = mid + 1;
    else hi = mid;
  }
  const range = l.quoted[lo - 1];
  if (range && to <= range[1] + 1) return true;
  return l.reportedAt[from] === 1;
}

/** Whether a negator outside the match governs its first word ("I can't promise a callback"). */
export function isNegated(f: TextFeatures, from: number): boolean {
  const by = f.negatedBy[from]!;
  return by >= 0 && by < from;
}

/** Whether the sentence holding token `i` is a question. */
export function isQuestion(f: TextFeatures, i: number): boolean {
  return layout(f).questionFrom[i] === 1;
}

/** Character range of the sentence holding token `i`. */
export function sentenceSpan(f: TextFeatures, i: number): [number, number] {
  const l = layout(f);
  return [f.tokens[l.sentenceStart[i]!]!.start, f.tokens[l.sentenceEnd[i]! - 1]!.end];
}
