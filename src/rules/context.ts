// Context that decides whether a phrase is really the speaker's own statement, and helpers that
// rules' `check` functions share to look around a match (the rest of the sentence, earlier turns).
import type { Role, Turn } from '../model/types.js';
import type { TextFeatures } from '../nlp/features.js';
import { textFeatures } from '../nlp/features.js';
import { isWordLike } from '../nlp/tokenize.js';
import { compilePattern, matchAt, stem, toMatchTokens, type CompiledPattern } from './pattern.js';
import type { RuleMatch } from './types.js';

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

/** Token ranges inside double quotes. */
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

/** Punctuation that closes a clause: reported speech and questions do not reach across it. */
const CLAUSE_END = new Set([',', ';', ':', '\u2014', '\u2013', '-', '\u201D']);

function endsClause(text: string): boolean {
  return CLAUSE_END.has(text);
}

/**
 * Whether the tokens [from, to) quote or report another person's words: inside double quotes, or
 * after "you said" / "you were told" in the same clause ("You said nobody called, and I'm sorry"
 * reports the first part only).
 */
export function isQuoted(f: TextFeatures, from: number, to: number): boolean {
  if (quotedRanges(f).some(([a, b]) => a < from && to <= b + 1)) return true;
  const sentence = f.sentenceOf[from];
  const clause: string[] = [];
  const whole: string[] = [];
  let inClause = true;
  for (let i = from - 1; i >= 0 && f.sentenceOf[i] === sentence; i--) {
    const t = f.tokens[i]!;
    if ((t.kind === 'punct' && endsClause(t.text)) || t.norm === 'but' || t.norm === 'and') inClause = false;
    if (inClause) clause.unshift(t.norm);
    whole.unshift(t.norm);
  }
  const has = (words: string[], cue: string[]) => {
    for (let i = 0; i + cue.length <= words.length; i++) if (cue.every((w, k) => words[i + k] === w)) return true;
    return false;
  };
  // "As you said, the fault started on Monday": a recap carries over the comma to the sentence end.
  if (RECAP.some((cue) => has(whole, cue))) return true;
  return REPORTING.some((cue) => has(clause, cue));
}

/** Whether a negator outside the match governs its first word ("I can't promise a callback"). */
export function isNegated(f: TextFeatures, from: number): boolean {
  const by = f.negatedBy[from]!;
  return by >= 0 && by < from;
}

/**
 * Whether token `i` is in a question: its sentence ends in "?" and no clause break stands between
 * them ("Sorry to hear that, can I take your number?" states the first clause and asks the second).
 */
export function isQuestion(f: TextFeatures, i: number): boolean {
  const sentence = f.sentenceOf[i];
  let clauseBroken = false;
  for (let k = i; k < f.tokens.length && f.sentenceOf[k] === sentence; k++) {
    const t = f.tokens[k]!;
    if (t.text.includes('?')) return !clauseBroken;
    if (k > i && t.kind === 'punct' && (t.text === ',' || t.text === ';' || t.text === ':')) clauseBroken = true;
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

// ---- helpers for checks --------------------------------------------------

/**
 * For each matchable token (its index in features.tokens given by `at`), one past the last
 * matchable token of its sentence: a phrase never runs across a sentence end.
 */
export function sentenceLimits(f: TextFeatures, at: readonly number[]): Int32Array {
  const limit = new Int32Array(at.length);
  for (let i = at.length - 1; i >= 0; i--) {
    const sameAsNext = i + 1 < at.length && f.sentenceOf[at[i]!] === f.sentenceOf[at[i + 1]!];
    limit[i] = sameAsNext ? limit[i + 1]! : i + 1;
  }
  return limit;
}

/** Lower case with typographic apostrophes straightened, for checks that compare words. */
export function plain(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02BC`\u00B4]/g, "'");
}

/** The matched words' sentence up to the match. */
export const sentenceBefore = (m: RuleMatch): string => plain(m.turn.text.slice(m.sentence[0], m.span[0]));
/** The matched words' sentence after the match. */
export const sentenceAfter = (m: RuleMatch): string => plain(m.turn.text.slice(m.span[1], m.sentence[1]));
/** Everything the speaker says after the match in this turn. */
export const turnAfter = (m: RuleMatch): string => plain(m.turn.text.slice(m.span[1]));
/** Everything the speaker says before the match in this turn. */
export const turnBefore = (m: RuleMatch): string => plain(m.turn.text.slice(0, m.span[0]));
/** The matched text itself. */
export const matched = (m: RuleMatch): string => plain(m.turn.text.slice(m.span[0], m.span[1]));

/** The closest earlier turn by `role`, not looking further back than `within` turns. */
export function previousTurn(m: RuleMatch, role: Role, within = 4): Turn | undefined {
  const at = m.turns.findIndex((t) => t.index === m.turn.index);
  for (let i = at - 1; i >= 0 && at - i <= within; i--) if (m.turns[i]!.role === role) return m.turns[i];
  return undefined;
}

/** Earlier turns by `role`, nearest first. */
export function earlierTurns(m: RuleMatch, role: Role): Turn[] {
  const at = m.turns.findIndex((t) => t.index === m.turn.index);
  return m.turns.slice(0, Math.max(0, at)).filter((t) => t.role === role).reverse();
}

/**
 * A set of token patterns compiled once that can be looked for in any text: how a rule's check
 * asks "did the agent offer options in the turn before?" in the same language rules are written in.
 */
export class PhraseSet {
  private readonly compiled: CompiledPattern[];
  constructor(patterns: readonly string[]) {
    this.compiled = patterns.map((p) => compilePattern(p));
  }

  /** Answers for texts seen recently: checks ask about the same earlier turns again and again. */
  private readonly recent = new Map<string, boolean>();

  /** Whether any pattern matches somewhere in `text`, within one sentence. */
  test(text: string, opts: { ignoreNegated?: boolean } = {}): boolean {
    const key = `${opts.ignoreNegated ? 1 : 0}${text}`;
    let answer = this.recent.get(key);
    if (answer === undefined) {
      answer = this.search(text, opts);
      if (this.recent.size >= MEMO_SIZE) this.recent.clear();
      this.recent.set(key, answer);
    }
    return answer;
  }

  private search(text: string, opts: { ignoreNegated?: boolean }): boolean {
    const f = textFeatures(text);
    const at: number[] = [];
    f.tokens.forEach((t, i) => {
      if (isWordLike(t)) at.push(i);
    });
    const stream = toMatchTokens(at.map((i) => f.tokens[i]!));
    const limit = sentenceLimits(f, at);
    for (let i = 0; i < stream.length; i++) {
      if (opts.ignoreNegated && isNegated(f, at[i]!)) continue;
      if (this.compiled.some((p) => (!p.firstWords || p.firstWords.has(stream[i]!.norm)) && matchAt(p, stream, i, limit[i]!) > 0)) return true;
    }
    return false;
  }
}

/** Past forms Porter does not bring back to their verb. */
const IRREGULAR: Record<string, string> = {
  sent: 'send', rang: 'ring', rung: 'ring', gave: 'give', given: 'give', made: 'make', got: 'get', gotten: 'get',
  done: 'do', did: 'do', put: 'put', paid: 'pai', told: 'tell', spoke: 'speak', spoken: 'speak', wrote: 'write',
  written: 'write', came: 'come', went: 'go', gone: 'go', rebooked: 'rebook', phoned: 'phone', sorted: 'sort',
};

/** Words that say nothing about which action is meant. */
const NOT_CONTENT = new Set([
  'i', 'you', 'we', 'it', 'the', 'a', 'an', 'to', 'your', 'my', 'our', 'me', 'us', 'back', 'for', 'of', 'on', 'in',
  'that', 'this', 'be', 'been', 'have', 'has', 'will', "i'll", "we'll", "i've", "we've", 'just', 'now', 'all',
  'and', 'up', 'out', 'with', 'by', 'so', 'get', 'do', 'make', 'sure', 'over', 'through', 'them', 'they',
  'is', 'was', 'are', 'were', 'someone', 'nobody', 'never', 'no', 'one', 'did', "didn't", 'today', 'tomorrow',
]);

/** How many recent answers a memo keeps before starting afresh: bounded memory on any batch. */
const MEMO_SIZE = 2000;
const stemsOf = new Map<string, Set<string>>();

/** Stems of the content words of a phrase, for telling whether two phrases speak of one action. */
export function actionStems(text: string): Set<string> {
  const known = stemsOf.get(text);
  if (known) return known;
  if (stemsOf.size >= MEMO_SIZE) stemsOf.clear();
  const out = new Set<string>();
  stemsOf.set(text, out);
  for (const t of textFeatures(text).tokens) {
    if (t.kind !== 'word' || NOT_CONTENT.has(t.norm)) continue;
    out.add(IRREGULAR[t.norm] ? stem(IRREGULAR[t.norm]!) : stem(t.norm));
  }
  return out;
}

export function sharesAction(a: string, b: string): boolean {
  const sa = actionStems(a);
  for (const s of actionStems(b)) if (sa.has(s)) return true;
  return false;
}
