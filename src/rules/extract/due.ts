// When a promise is due, read from the words after it: "by 3pm" → "15:00", "within 5-7 working
// days" → "5-7 working days", "tomorrow" → "tomorrow". The words are phrase sets
// (src/rules/data/phrases/due.yaml, with the lists of lists/due.yaml); what is left here is the
// shape of a number, which is not a word, and the one form each time is written in.
import type { TextFeatures } from '../../nlp/features.js';
import type { PhraseSet } from '../context.js';
import { phrases } from '../rule-patterns.js';

const CLOCK_TIME = phrases('due-clock');
const WITHIN = phrases('due-within');
const SPAN = phrases('due-span');
const WEEKDAY = phrases('due-weekday');
const NAMED = phrases('due-named');
const DATE = phrases('due-date');
const DAY_WORD = phrases('due-day-word');

/** "3pm", "3 p.m.", "10:30" → "15:00", "03:00", "10:30"; undefined for no time of day ("25:00"). */
const CLOCK = /\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\b\.?|\b(\d{1,2}):(\d{2})\b/i;

function clock(text: string): string | undefined {
  const m = CLOCK.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1] ?? m[4]);
  const minute = m[2] ?? m[5] ?? '00';
  const half = m[3]?.toLowerCase();
  if (half === 'p' && hour < 12) hour += 12;
  if (half === 'a' && hour === 12) hour = 0;
  if (hour > 23 || Number(minute) > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${minute}`;
}

/** The shapes of number a span, a day of the month and a date take: "5", "5-7"; "3", "3rd"; "12/05/2024". */
const COUNT = /^\d+(?:-\d+)?$/;
const DAY_OF_MONTH = /^\d{1,2}(?:st|nd|rd|th)?$/i;
const DATE_SHAPE = /^\d{1,2}\/\d{1,2}(?:\/\d{2,4})?/;

/** How far apart (in characters) a day and a clock time may be and still be one due time. */
const NEAR = 24;

interface Due {
  /** Where it is said: the offset of its first word in the text. */
  at: number;
  value: string;
}

/**
 * The first match of `set` in tokens [from, to) (at its start, the longest) that `read` makes a
 * value of, with where it starts; `read` returns undefined for a match whose numbers have the wrong shape.
 */
function firstOf(set: PhraseSet, f: TextFeatures, from: number, to: number, read: (start: number, end: number) => string | undefined): Due | undefined {
  let found: { start: number; end: number; value: string } | undefined;
  set.in(f, from, to, (start, end) => {
    if (found && start > found.start) return true;
    const value = read(start, end);
    if (value !== undefined && (!found || end > found.end)) found = { start, end, value };
    return false;
  });
  return found && { at: f.tokens.start(found.start), value: found.value };
}

/** The words of tokens [from, to) as written in `text`. */
const said = (f: TextFeatures, text: string, from: number, to: number) => text.slice(f.tokens.start(from), f.tokens.end(to - 1));

/** Whether each number among tokens [from, to) has the shape `shape`, and no two stand together with nothing between ("3 5"). */
function numbersAre(f: TextFeatures, from: number, to: number, shape: RegExp): boolean {
  for (let k = from; k < to; k++) {
    if (f.tokens.kind(k) !== 'number') continue;
    if (!shape.test(f.tokens.text(k)) || (k + 1 < f.tokens.length && f.tokens.kind(k + 1) === 'number')) return false;
  }
  return true;
}

/** The first word-like token from `k` on. */
function wordFrom(f: TextFeatures, k: number): number {
  while (k < f.tokens.length && f.tokens.isPunct(k)) k++;
  return k;
}

/**
 * A due time for a commitment: the earliest time said in tokens [from, to) of `f` (the words from
 * the promise to the end of its sentence), in one form; `text` is the text `f` was made from.
 */
export function dueFrom(f: TextFeatures, text: string, from: number, to: number): string | undefined {
  // The first clock phrase only, "" when it holds no time of day ("at 25:00"): it hides later ones.
  const clockTime = firstOf(CLOCK_TIME, f, from, to, (_, end) => clock(f.tokens.text(end - 1)) ?? '');
  const candidates: Array<Due | undefined> = [
    clockTime?.value ? clockTime : undefined,
    // The span straight after "within", "in the next": its own words, one space apart, a plain hyphen.
    firstOf(WITHIN, f, from, to, (_, lead) => {
      let span: string | undefined;
      SPAN.in(f, lead, to, (start, end) => start === lead && numbersAre(f, start, end, COUNT) && ((span = said(f, text, start, end).replace(/\s+/g, ' ').replace('–', '-')), true));
      return span;
    }),
    firstOf(WEEKDAY, f, from, to, (_, end) => f.tokens.text(end - 1).toLowerCase()),
    firstOf(NAMED, f, from, to, (start, end) => {
      const first = ['by', 'before'].includes(f.tokens.norm(start)) ? wordFrom(f, start + 1) : start;
      return said(f, text, first, end).toLowerCase();
    }),
    // "by 3rd March" with its month; "by 12/05" without one.
    firstOf(DATE, f, from, to, (start, end) => {
      const day = wordFrom(f, start + 1);
      const date = f.tokens.text(day);
      if (end > day + 1) return DAY_OF_MONTH.test(date) ? said(f, text, day, end).toLowerCase() : undefined;
      return DATE_SHAPE.exec(date)?.[0];
    }),
  ];
  let best: Due | undefined;
  for (const due of candidates) if (due && (!best || due.at < best.at)) best = due;
  // "by 3pm tomorrow": the day belongs to the time, when both are said together.
  if (clockTime?.value) {
    const day = firstOf(DAY_WORD, f, from, to, (start) => f.tokens.text(start).toLowerCase());
    if (day && Math.abs(day.at - clockTime.at) <= NEAR) return `${day.value} ${clockTime.value}`;
  }
  return best?.value;
}
