// Where a text's sentences are, which of its words are in a question, and which quote or report
// someone else's words: read once per text's features, for the rules that must not take a
// question, a quotation or reported speech for the speaker's own statement.
import type { TextFeatures } from './features.js';

const QUOTES = new Set(['"', '\u201C', '\u201D']);

/** Reported speech: words after these, in the same sentence, are someone else's. */
const REPORTING = [
  ['you', 'said'], ['you', 'say'], ["you're", 'saying'], ['you', 'are', 'saying'], ['you', 'told', 'me'],
  ['you', 'mentioned'], ['you', 'wrote'], ['you', 'called', 'it'], ['in', 'your', 'words'], ['quote'],
  ['you', 'feel', 'like'], ['you', 'said', 'that'], ['they', 'said'], ['he', 'said'], ['she', 'said'],
  ['someone', 'said'], ['you', 'were', 'told'], ['you', 'were', 'told', 'that'],
];

/** Recaps: everything after them in the sentence restates the customer's words. */
const RECAP = [['as', 'you', 'said'], ['like', 'you', 'said'], ['as', 'you', 'mentioned'], ['like', 'you', 'mentioned'], ['to', 'recap'], ['recap', 'what', 'you', 'said'], ['as', 'you', 'say']];

const NO_RANGES: Array<[number, number]> = [];

/** Token ranges inside double quotes, in text order and disjoint. */
function quotedRanges(f: TextFeatures): Array<[number, number]> {
  let ranges = NO_RANGES;
  let open = -1;
  const tokens = f.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens.isPunct(i) || !QUOTES.has(tokens.text(i))) continue;
    if (open < 0 && tokens.text(i) !== '\u201D') open = i;
    else if (open >= 0) {
      if (ranges === NO_RANGES) ranges = [];
      ranges.push([open, i]);
      open = -1;
    }
  }
  return ranges;
}

/** Punctuation that closes a clause: reported speech does not reach across it. */
const CLAUSE_END = new Set([',', ';', ':', '\u2014', '\u2013', '-', '\u201D']);
/** Punctuation after which a question mark no longer makes the earlier clause a question. */
const QUESTION_BREAK = new Set([',', ';', ':']);

const isClauseEnd = (f: TextFeatures, i: number) => {
  const tokens = f.tokens;
  return (tokens.isPunct(i) && CLAUSE_END.has(tokens.text(i))) || tokens.norm(i) === 'but' || tokens.norm(i) === 'and';
};

/**
 * A text's layout, worked out once: asking at every match would rescan the sentence each time,
 * quadratic in a long turn (a 100,000-word message).
 */
export interface TextLayout {
  /** Per sentence number: its first token, and one past its last. */
  sentenceBounds: Int32Array;
  /**
   * Per token, QUESTION when it is in a question (its sentence ends in "?" with no clause break
   * between), REPORTED when a reporting cue ("you said") stands before it in its clause or a recap
   * ("as you said") in its sentence.
   */
  flags: Uint8Array;
  quoted: Array<[number, number]>;
}

export const QUESTION = 1;
export const REPORTED = 2;

/** Cues by their last word: a token can only end the cues filed under its own word. */
function byLastWord(cues: readonly string[][]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const cue of cues) {
    const last = cue[cue.length - 1]!;
    const list = map.get(last);
    if (list) list.push(cue);
    else map.set(last, [cue]);
  }
  return map;
}
const REPORTING_BY_LAST = byLastWord(REPORTING);
const RECAP_BY_LAST = byLastWord(RECAP);

/** Whether one of `cues` ends at token `last` without starting before token `from`. */
function cueEndsAt(f: TextFeatures, cues: ReadonlyMap<string, string[][]>, last: number, from: number): boolean {
  const candidates = cues.get(f.tokens.norm(last));
  if (candidates === undefined) return false;
  for (const cue of candidates) {
    const first = last - cue.length + 1;
    if (first < from) continue;
    let k = 0;
    while (k < cue.length && f.tokens.norm(first + k) === cue[k]) k++;
    if (k === cue.length) return true;
  }
  return false;
}

/** The layout of `f`, worked out on first use and kept with the features (shared by every turn of the same text). */
export function layoutOf(f: TextFeatures): TextLayout {
  return (f.layout ??= readLayout(f));
}

function readLayout(f: TextFeatures): TextLayout {
  const n = f.tokens.length;
  const sentenceOf = f.sentenceOf;
  const sentenceBounds = new Int32Array(2 * (n === 0 ? 0 : sentenceOf[n - 1]! + 1));
  const flags = new Uint8Array(n);
  let sentenceStart = 0;
  let clauseStart = 0;
  let inClause = false; // a reporting cue so far in the current clause
  let recapped = false; // a recap so far in the current sentence
  for (let i = 0; i < n; i++) {
    const fresh = i === 0 || sentenceOf[i - 1] !== sentenceOf[i];
    if (fresh) {
      sentenceStart = clauseStart = i;
      inClause = recapped = false;
      sentenceBounds[2 * sentenceOf[i]!] = i;
    } else {
      if (isClauseEnd(f, i - 1)) {
        clauseStart = i;
        inClause = false;
      } else inClause ||= cueEndsAt(f, REPORTING_BY_LAST, i - 1, clauseStart);
      recapped ||= cueEndsAt(f, RECAP_BY_LAST, i - 1, sentenceStart);
    }
    if (inClause || recapped) flags[i] = REPORTED;
  }
  let questionNext = false;
  for (let i = n - 1; i >= 0; i--) {
    const sameAsNext = i + 1 < n && sentenceOf[i] === sentenceOf[i + 1];
    if (!sameAsNext) sentenceBounds[2 * sentenceOf[i]! + 1] = i + 1;
    const broken = i + 1 < n && f.tokens.isPunct(i + 1) && QUESTION_BREAK.has(f.tokens.text(i + 1));
    const question: boolean = f.tokens.text(i).includes('?') || (sameAsNext && !broken && questionNext);
    if (question) flags[i]! |= QUESTION;
    questionNext = question;
  }
  return { sentenceBounds, flags, quoted: quotedRanges(f) };
}
