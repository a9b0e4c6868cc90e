// Whether an agent's clause tells the customer something: a fact, a timeline, an explanation or an
// instruction (GUIDE "information"), as opposed to a greeting, an apology, a request for details, a
// question, a promise or a bare pointer to a link. Judged on the clause's shape, not on any phrase
// list of a domain, so it carries to products we have never seen.
//
// The words are phrase sets (src/rules/data/phrases/information.yaml), all matched in one walk of
// one automaton over the clause's words. What stays here is what is not a word: where the clause
// opens (links and @handles left out, a one-word opener, a condition up to its comma), punctuation
// (a question mark, a closing "!", a menu path "Settings > Billing", a currency sign, a clock time)
// and a count of words.
import { PatternAutomaton } from '../nlp/phrase/automaton.js';
import { compilePattern, type CompiledPattern } from '../nlp/phrase/pattern.js';
import { lexemesOf, type TextFeatures } from '../nlp/features.js';
import { NO_TOKENS, type Tokens, type TokenKind } from '../nlp/tokenize.js';
import { phrases, phraseSetPatterns } from './rule-patterns.js';

/** The sets the judgement reads, in one automaton; a set's index is its place here. */
const SETS = [
  'info-timeline', 'info-explanation', 'info-instruction-lead', 'info-instruction', 'info-not-an-instruction',
  'info-you-can', 'info-you-can-not', 'info-step-question', 'info-tried-a-step', 'info-reaching', 'info-statement',
  'info-greeting', 'info-courtesy', 'info-introduction', 'info-evaluative', 'info-reaction', 'info-exclamation',
  'info-pointer', 'info-before-link', 'info-no-news', 'info-own-side', 'info-own-side-not', 'info-condition',
] as const;
type SetName = (typeof SETS)[number];
// A reading keeps the sets found as bits of one number.
if (SETS.length > 31) throw new Error('facts.ts: more information sets than bits in a reading');
const SET: Readonly<Record<SetName, number>> = Object.fromEntries(SETS.map((name, k) => [name, k])) as Record<SetName, number>;
/** Shorthand and formal ways of saying "please" ("pls", "kindly"), each one word, read as the word itself. */
const SHORTHAND = 'info-please';
/** Every set the judgement reads, in its one automaton rather than through PhraseSet.in: states-a-fact declares them. */
export const INFORMATION_SETS: readonly string[] = [...SETS, SHORTHAND];
// Named once, so the build knows every set here is read by code.
for (const name of INFORMATION_SETS) phrases(name);

/** Read in place of a word: made as the automaton's tokens are, so its reading of them keeps one shape. */
const asWord = (norm: string, kind: TokenKind): { norm: string; kind: TokenKind } => ({ norm, kind });
const PLEASE = asWord('please', 'word');
let shorthand: ReadonlySet<string> = new Set();
let machine: { automaton: PatternAutomaton; setOf: Int32Array } | undefined;

/** The automaton of every set, built on first use (the sets are loaded with the rule data). */
function automaton(): { automaton: PatternAutomaton; setOf: Int32Array } {
  if (machine) return machine;
  shorthand = new Set(phraseSetPatterns(SHORTHAND));
  // Pushed, not flatMapped: a holey array would be an array of another shape to the automaton's
  // code, which every other automaton runs with a packed one (it was optimised for that shape).
  const patterns: CompiledPattern[] = [];
  const sets: number[] = [];
  SETS.forEach((name, k) => {
    for (const source of phraseSetPatterns(name)) {
      patterns.push(compilePattern(source));
      sets.push(k);
    }
  });
  return (machine = { automaton: new PatternAutomaton(patterns), setOf: Int32Array.from(sets) });
}

/**
 * The clause as the sets read it: its words, numbers and times (links, @handles and emoji left
 * out), a number with a unit written on ("24hrs") read as two words. `at[p]` is the token of
 * word p. Every match of every set, by set, start and end (word positions, end exclusive).
 */
interface Reading {
  tokens: Tokens;
  from: number;
  to: number;
  n: number;
  at: Int32Array;
  /** The sets found anywhere, one bit each; and per word, the sets that match from it. */
  anywhere: number;
  startsAt: Int32Array;
  /** The matches: set, start and end, `hits` of them. */
  hits: number;
  hitSet: Int32Array;
  hitStart: Int32Array;
  hitEnd: Int32Array;
}

// Buffers reused from clause to clause (one clause is read at a time).
const small = () => new Int32Array(64);
let atBuf: Int32Array = small();
let symBuf: Int32Array = small();
let startsBuf: Int32Array = small();
let hitBufs: [Int32Array, Int32Array, Int32Array] = [small(), small(), small()];
const reading: Reading = { tokens: NO_TOKENS, from: 0, to: 0, n: 0, at: atBuf, anywhere: 0, startsAt: startsBuf, hits: 0, hitSet: hitBufs[0], hitStart: hitBufs[1], hitEnd: hitBufs[2] };

/** Whether token k is a link, or part of a @handle ("@Help_Desk", "@115712"). */
function setAside(tokens: Tokens, k: number): boolean {
  if (tokens.text(k) === '@') return joinsName(tokens, k + 1);
  if (isLink(tokens, k)) return true;
  // A name goes back, over letters, digits and "_" written together, to its "@".
  for (let j = k; tokens.touchesPrevious(j); j--) {
    const kind = tokens.kind(j);
    if (kind !== 'word' && kind !== 'number' && tokens.text(j) !== '_') return false;
    if (tokens.text(j - 1) === '@') {
      for (let i = j; i <= k; i++) if (!NAME.test(tokens.text(i))) return false;
      return true;
    }
  }
  return false;
}

/** What a handle's name is made of. */
const NAME = /^\w+$/;

/** Whether token `next` is written right after the one before it and is letters, digits or "_". */
const joinsName = (tokens: Tokens, next: number): boolean => tokens.touchesPrevious(next) && NAME.test(tokens.text(next));

const isLink = (tokens: Tokens, k: number): boolean => tokens.kind(k) === 'symbol' && tokens.text(k).length > 4 && /^(?:https?:\/\/|www\.)/i.test(tokens.text(k));

/** A number with a unit written on ("24hrs", "4GB", "3-5pm", "40-minute", "4am-7pm"): its number and its unit. */
const UNIT_ON = /^(\d+(?:[.,:]\d+)?(?:[-\u2013]\d+)?)[-\u2013]?([a-z]+)(?![a-z])/;

function read(f: TextFeatures, from: number, to: number): Reading {
  const tokens = f.tokens;
  const { automaton: a, setOf } = automaton(); // made before the text is read: its named numbers are read as themselves
  const ids = lexemesOf(f);
  a.prepare();
  if (atBuf.length < 2 * (to - from)) {
    atBuf = new Int32Array(4 * (to - from));
    symBuf = new Int32Array(atBuf.length);
    startsBuf = new Int32Array(atBuf.length);
  }
  let n = 0;
  for (let k = from; k < to; k++) {
    if (!isWord(tokens, k) || setAside(tokens, k)) continue;
    const kind = tokens.kind(k);
    const unit = kind === 'number' ? UNIT_ON.exec(tokens.norm(k)) : null;
    atBuf[n] = k;
    if (unit) {
      symBuf[n++] = a.symbol(asWord(unit[1]!, 'number'));
      atBuf[n] = k;
      symBuf[n++] = a.symbol(asWord(unit[2]!, 'word'));
    } else symBuf[n++] = kind === 'word' && shorthand.has(tokens.norm(k)) ? a.symbol(PLEASE) : a.symbolOfLexeme(ids[k]!);
  }
  const r = reading;
  r.tokens = tokens;
  r.from = from;
  r.to = to;
  r.n = n;
  r.at = atBuf;
  r.startsAt = startsBuf;
  r.anywhere = 0;
  r.hits = 0;
  for (let p = 0; p < n; p++) {
    startsBuf[p] = 0;
    const hits = a.walk(symBuf, p, n);
    for (let h = 0; h < hits; h++) {
      const set = setOf[a.hitPattern[h]!]!;
      const end = a.hitEnd[h]!;
      if (!unbroken(tokens, atBuf[p]!, atBuf[end - 1]!, set === SET['info-timeline'])) continue;
      if (r.hits === r.hitSet.length) {
        hitBufs = [grown(r.hitSet), grown(r.hitStart), grown(r.hitEnd)];
        r.hitSet = hitBufs[0];
        r.hitStart = hitBufs[1];
        r.hitEnd = hitBufs[2];
      }
      r.hitSet[r.hits] = set;
      r.hitStart[r.hits] = p;
      r.hitEnd[r.hits++] = end;
      r.anywhere |= 1 << set;
      startsBuf[p] = startsBuf[p]! | (1 << set);
    }
  }
  return r;
}

const grown = (a: Int32Array): Int32Array => {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
};

/** Words, numbers and times: what the sets read (an emoji, like a mark, stands between words). */
const isWord = (tokens: Tokens, k: number): boolean => tokens.isWordLike(k) && tokens.kind(k) !== 'emoji';

/**
 * Whether nothing stands between the tokens first and last but words, links and handles, and
 * hyphens that join words ("check-in"): phrases are words in a row, as written. In a timeline a
 * dash may stand alone too ("3 - 5 days").
 */
function unbroken(tokens: Tokens, first: number, last: number, dashes: boolean): boolean {
  for (let k = first + 1; k < last; k++) {
    if (isWord(tokens, k) || setAside(tokens, k)) continue;
    const text = tokens.text(k);
    if (text !== '-' && text !== '\u2013') return false;
    if (!dashes && (!tokens.touchesPrevious(k) || !tokens.touchesPrevious(k + 1))) return false;
  }
  return true;
}

/** Whether set `s` matches anywhere, or starting at word `p`, and (with `ok`) where `ok(start, end)` holds. */
function found(r: Reading, s: number, p = -1, ok?: (start: number, end: number) => boolean): boolean {
  if (!((p < 0 ? r.anywhere : p < r.n ? r.startsAt[p]! : 0) & (1 << s))) return false;
  if (!ok) return true;
  for (let h = 0; h < r.hits; h++) {
    if (r.hitSet[h] !== s || (p >= 0 && r.hitStart[h] !== p)) continue;
    if (ok(r.hitStart[h]!, r.hitEnd[h]!)) return true;
  }
  return false;
}

/** The ends of the matches of set `s` that start at word `p`. */
function endsAt(r: Reading, s: number, p: number): number[] {
  const out: number[] = [];
  if (p >= r.n || !(r.startsAt[p]! & (1 << s))) return out;
  for (let h = 0; h < r.hits; h++) if (r.hitSet[h] === s && r.hitStart[h] === p) out.push(r.hitEnd[h]!);
  return out;
}

/**
 * Whether set `s` opens the clause: at its first word, or at its second after a one-word opener
 * followed by at most one of `marks` ("Sure, that's fine", "Hi! Could you …"). `leadingAside`:
 * links and handles before the first word are left out (else the clause must open with a word).
 */
function opens(r: Reading, s: number, marks: string, leadingAside: boolean, ok?: (start: number, end: number) => boolean): boolean {
  if (!((r.startsAt[0]! | (r.n > 1 ? r.startsAt[1]! : 0)) & (1 << s)) || !opensWithWord(r, leadingAside)) return false;
  if (found(r, s, 0, ok)) return true;
  return r.n > 1 && isOpener(r.tokens, r.at[0]!) && r.at[1] !== r.at[0] && gapIsAtMost(r, r.at[0]! + 1, r.at[1]!, marks) && found(r, s, 1, ok);
}

/** The clause's first token is its first word (or, with `leadingAside`, only links and handles come before it). */
function opensWithWord(r: Reading, leadingAside: boolean): boolean {
  if (r.n === 0) return false;
  for (let k = r.from; k < r.at[0]!; k++) if (!leadingAside || !setAside(r.tokens, k)) return false;
  return true;
}

/** A one-word opener is letters or digits only ("Sure", "Hi"; not "it's"). */
const isOpener = (tokens: Tokens, k: number): boolean => (tokens.isWord(k) || tokens.kind(k) === 'number') && /^\w+$/.test(tokens.norm(k));

/** Whether the tokens [a, b) are links and handles and at most one of `marks`. */
function gapIsAtMost(r: Reading, a: number, b: number, marks: string): boolean {
  let mark = false;
  for (let k = a; k < b; k++) {
    if (setAside(r.tokens, k)) continue;
    const text = r.tokens.text(k);
    if (mark || text.length !== 1 || !marks.includes(text)) return false;
    mark = true;
  }
  return true;
}

/** Every word position reached from `p` by matches of set `s` in a row ("Hi, thanks, …"), `p` first. */
function after(r: Reading, s: number, p: number): number[] {
  if (p >= r.n || !(r.startsAt[p]! & (1 << s))) return [p];
  const reached = [p];
  for (let i = 0; i < reached.length; i++) {
    for (const e of endsAt(r, s, reached[i]!)) if (!reached.includes(e)) reached.push(e);
  }
  return reached;
}

/** Whether the clause's last token, closing quotes and brackets (or, with `links`, links and handles) aside, ends in "?". */
function endsInQuestion(r: Reading, links: boolean): boolean {
  for (let k = r.to - 1; k >= r.from; k--) {
    const punct = r.tokens.isPunct(k);
    const text = r.tokens.text(k);
    if (links ? setAside(r.tokens, k) : punct && (text === '"' || text === "'" || text === ')' || text === ']')) continue;
    return punct && text.endsWith('?');
  }
  return false;
}

/** Whether the clause ends with "!" (and nothing after it but marks and emoji), with no ".", "!" or "?" before. */
function exclaims(r: Reading): boolean {
  let k = r.to - 1;
  while (k >= r.from && (setAside(r.tokens, k) || !/[\w.!?]/.test(r.tokens.text(k)))) k--;
  if (k < r.from || !/^!+$/.test(r.tokens.text(k))) return false;
  for (let j = r.at[0]!; j < k; j++) if (/[.!?]/.test(r.tokens.text(j))) return false;
  return true;
}

/** Whether nothing but "." and "!" follows a match ending at word `end`. */
function nothingAfter(r: Reading, end: number): boolean {
  if (end !== r.n) return false;
  for (let k = r.at[end - 1]! + 1; k < r.to; k++) if (!setAside(r.tokens, k) && !/^[.!]+$/.test(r.tokens.text(k))) return false;
  return true;
}

/**
 * Whether the clause holds at least `n` runs of letters or digits (beyond ASCII too), links and
 * handles aside: "don't" and "3-5" are two, "😀" one.
 */
function hasWords(tokens: Tokens, from: number, to: number, n: number): boolean {
  let count = 0;
  let inWord = false;
  for (let k = from; k < to && count < n; k++) {
    if (setAside(tokens, k)) continue;
    // A clock time's norm drops its space ("3 pm"); a run goes on into a token written right after.
    const s = tokens.kind(k) === 'time' ? tokens.text(k).toLowerCase() : tokens.norm(k);
    if (k === from || !tokens.touchesPrevious(k)) inWord = false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const letter = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
      if (letter && !inWord) count++;
      inWord = letter;
    }
  }
  return count >= n;
}

/** A clock time ("10:30", "3pm"), a currency sign before a number ("$10"), in the tokens [from, to). */
function timeOrMoney(tokens: Tokens, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const kind = tokens.kind(k);
    const text = tokens.text(k);
    const next = k + 1 < tokens.length ? k + 1 : -1;
    // "10:10p" is no clock time as written: a letter follows it.
    if (kind === 'time' && /:|\d\s?[ap]m$/i.test(text) && !(next >= 0 && tokens.touchesPrevious(next) && /^\w/.test(tokens.text(next)))) return true;
    if (kind === 'symbol' && (text === '£' || text === '$' || text === '€') && next >= 0 && tokens.kind(next) === 'number' && tokens.start(next) - tokens.end(k) <= 1) return true;
  }
  return false;
}

/** A menu path: a word, ">", a word ("Settings > Billing"), a space at most on either side. */
function menuPath(tokens: Tokens, from: number, to: number): boolean {
  for (let k = from + 1; k < to - 1; k++) {
    if (tokens.text(k) !== '>') continue;
    if (/\w$/.test(tokens.text(k - 1)) && /^\w/.test(tokens.text(k + 1)) && tokens.start(k) - tokens.end(k - 1) <= 1 && tokens.start(k + 1) - tokens.end(k) <= 1) return true;
  }
  return false;
}

/** An instruction: opening the clause after any leads, or after ",", ";" or ":" and at least one lead. */
function instructs(r: Reading): boolean {
  const doing = (p: number) => found(r, SET['info-instruction'], p, (start) => !found(r, SET['info-not-an-instruction'], start));
  if (opensWithWord(r, true) && after(r, SET['info-instruction-lead'], 0).some(doing)) return true;
  if (menuPath(r.tokens, r.from, r.to)) return true;
  for (let p = 0; p < r.n; p++) {
    const k = r.at[p]!;
    if (k === r.from || k < 1) continue;
    const before = r.tokens.text(k - 1);
    if (!(before === ',' || before === ';' || before === ':') || r.tokens.touchesPrevious(k)) continue;
    if (after(r, SET['info-instruction-lead'], p).slice(1).some(doing)) return true;
  }
  return false;
}

/** "You can / you'll need to + a doing verb", that verb not one of reaching, seeing or (`pointer`) a pointer. */
function putsToCustomer(r: Reading, pointer: boolean): boolean {
  return found(r, SET['info-you-can'], -1, (_, end) => !found(r, SET['info-you-can-not'], end - 1) && !(pointer && found(r, SET['info-pointer'], end - 1)));
}

/** A question that puts a step to the customer: "Could you try …?", "Have you tried clearing …?". */
function asksAStep(r: Reading): boolean {
  const notReaching = (_: number, end: number) => !found(r, SET['info-reaching'], end - 1);
  return opens(r, SET['info-step-question'], ',!.', false) || opens(r, SET['info-tried-a-step'], ',!.', false, notReaching);
}

/** Only courtesy, feeling or a request, after any greetings: "Thanks, we're here to help", "This is Priya." */
function courteous(r: Reading): boolean {
  if (!opensWithWord(r, true)) return false;
  return after(r, SET['info-greeting'], 0).some(
    (p) => found(r, SET['info-courtesy'], p) || endsAt(r, SET['info-introduction'], p).some((end) => nothingAfter(r, end)),
  );
}

/** What the speaker's side will do (an offer, a promise, a wish), opening the clause or after a condition and its comma. */
function ownSide(r: Reading): boolean {
  const offers = (_: number, end: number) => !found(r, SET['info-own-side-not'], end);
  if (opens(r, SET['info-own-side'], ',', true, offers)) return true;
  const condition = opens(r, SET['info-condition'], ',', true) ? (found(r, SET['info-condition'], 0) ? 0 : 1) : -1;
  if (condition < 0) return false;
  for (let p = condition + 1; p < r.n; p++) {
    const k = r.at[p]!;
    if (r.tokens.text(k - 1) === ',') return found(r, SET['info-own-side'], p, offers);
  }
  return false;
}

/** Whether a link or handle stands right after a word that points to it ("here: <link>", "at @helpdesk"). */
function pointsToLink(r: Reading): boolean {
  let k = r.from;
  while (k < r.to && !setAside(r.tokens, k)) k++;
  if (k === r.to) return false;
  let j = k - 1;
  while (j >= r.from && /^[:.!,(-]+$/.test(r.tokens.text(j))) j--;
  let p = r.n - 1;
  while (p >= 0 && r.at[p]! > j) p--;
  return p >= 0 && r.at[p] === j && found(r, SET['info-before-link'], -1, (_, end) => end === p + 1);
}

/** The names of the sets that match somewhere in the tokens [from, to) of `f`, read as `informs` reads them (for tests and docs). */
export function setsFoundIn(f: TextFeatures, from: number, to: number): Set<string> {
  const r = read(f, from, to);
  const sets = new Set(SETS.filter((_, k) => r.anywhere & (1 << k)));
  release();
  return sets;
}

/**
 * Whether the clause, the tokens [from, to) of `f`, informs. Its links and @handles are set aside:
 * they stand for nothing a customer can hold on to.
 */
export function informs(f: TextFeatures, from: number, to: number): boolean {
  try {
    return judge(f, from, to);
  } finally {
    release();
  }
}

/** Buffers longer than this, grown for one long clause, are not kept for the next. */
const KEPT_BUFFER = 4096;

/** Lets go of the clause just read: its turn's tokens, and buffers a long clause grew (issue 18: a long turn's memory). */
function release(): void {
  reading.tokens = NO_TOKENS;
  if (atBuf.length > KEPT_BUFFER) {
    atBuf = small();
    symBuf = small();
    startsBuf = small();
    reading.at = atBuf;
    reading.startsAt = startsBuf;
  }
  if (hitBufs[0].length > KEPT_BUFFER) {
    hitBufs = [small(), small(), small()];
    reading.hitSet = hitBufs[0];
    reading.hitStart = hitBufs[1];
    reading.hitEnd = hitBufs[2];
  }
}

function judge(f: TextFeatures, from: number, to: number): boolean {
  const tokens = f.tokens;
  if (!hasWords(tokens, from, to, 3)) return false;
  const r = read(f, from, to);
  // A question asks; it tells nothing, unless it puts a step to the customer.
  const asks = endsInQuestion(r, false);
  if (asks) return asksAStep(r);
  if (endsInQuestion(r, true)) return false;
  const timeline = found(r, SET['info-timeline']) || timeOrMoney(tokens, from, to);
  const explains = found(r, SET['info-explanation']);
  if (courteous(r) && !timeline && !explains) return false;
  if (!timeline && (opens(r, SET['info-evaluative'], ',!.', true) || opens(r, SET['info-reaction'], ',!.', true) || (opens(r, SET['info-exclamation'], ',!.', true) && exclaims(r)))) return false;
  const pointer = found(r, SET['info-pointer']);
  // A pointer to a page or a link tells nothing of its own, however it is put ("follow the steps
  // here: <link>", "take a peek at our support page"): checked before instructions and reasons.
  if (!timeline && (pointsToLink(r) || (pointer && !putsToCustomer(r, true)))) return false;
  if (explains || instructs(r)) return true;
  // "I'll keep your case open until it's closed": a promise, which is commitment's, unless it carries a time.
  if ((ownSide(r) || found(r, SET['info-no-news'])) && !timeline) return false;
  return timeline || putsToCustomer(r, false) || found(r, SET['info-statement']);
}
