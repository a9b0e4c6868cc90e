// What reaches a terminal. Transcripts, file names and results files come from outside: a control
// character in them could move the cursor, retitle the window, write the clipboard (OSC 52), make a
// link, ring the bell or hide what follows, and a bidi override could reorder what a reader sees.
// Each such character is shown instead as its code, "\u001b", the form JSON writes it in, so JSON on
// a terminal stays valid JSON with the same values.

import type { Formatter } from './types.js';

// C0 but tab and line feed, DEL, C1; bidi embeddings, overrides, isolates and marks; a carriage
// return that does not end a line (it would let the rest of the line overwrite what came before).
const UNSAFE = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]|\\r(?!\\n)';
// The colours etcscore itself writes (chalk's codes for bold, dim, underline, red, green, yellow,
// cyan and their resets): the only sequences let through, and only when colour is on, for a format
// that colours and has shown the input in it by its codes first (visibleStrings), so that these are
// its own.
const OWN_COLOUR = '\\u001b\\[(?:1|2|4|22|24|31|32|33|36|39)m';

const PLAIN = new RegExp(UNSAFE, 'g');
const COLOURED = new RegExp(`(${OWN_COLOUR})|${UNSAFE}`, 'g');
const ONE_LINE = new RegExp(`${UNSAFE}|[\\t\\n\\r]`, 'g');

const visible = (ch: string) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');

export interface TerminalOptions {
  /** Let etcscore's own colour sequences through. */
  colour?: boolean;
  /** A value shown within a line (a file name in an error): line breaks and tabs are shown too. */
  oneLine?: boolean;
}

/** Text fit for a terminal: nothing in it is a control sequence but, with `colour`, our colours. */
export function forTerminal(text: string, o: TerminalOptions = {}): string {
  if (o.oneLine) return text.replace(ONE_LINE, visible);
  if (o.colour) return text.replace(COLOURED, (m, own: string | undefined) => own ?? visible(m));
  return text.replace(PLAIN, visible);
}

/**
 * A copy of a value with every string in it shown as on a terminal with colour off: for a format
 * that colours. The guard lets its colours through, and would let the same sequences through from
 * the input, so the input is shown by its codes before any colour is added. Objects shared or
 * met again (a cycle) stay shared; keys are copied as data, `__proto__` too.
 */
export function visibleStrings<T>(value: T, o: TerminalOptions = {}): T {
  const done = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return forTerminal(v, { oneLine: o.oneLine });
    if (typeof v !== 'object' || v === null) return v;
    if (done.has(v)) return done.get(v);
    const out: object = Array.isArray(v) ? [] : {};
    done.set(v, out);
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: copy(x), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return copy(value) as T;
}

/**
 * A format written for people to read (the table, Markdown, HTML) with all its output fit for a
 * terminal, whatever it holds (transcripts, results, a user's rule messages) and wherever it goes:
 * a terminal, but also a pipe into `head` or `less -R`, a file someone will `cat`, an editor or a
 * browser. The one place such a format is made safe, rather than each field that might hold input
 * (coach, the rule catalogue and report's formats for people do the same on their whole text).
 * `coloured`: the format writes our colours when colour is on (the table); Markdown and HTML never
 * do, so no sequence passes there, not even one that looks like our colours.
 */
export function forPeople(f: Formatter, coloured = true): Formatter {
  const safe = (text: string, o: { color: boolean }) => forTerminal(text, { colour: coloured && o.color });
  return {
    ...f,
    start: (o) => safe(f.start(o), o),
    result: (a, o, t) => safe(f.result(a, o, t), o),
    // Made safe whole: a piece could end inside a sequence the next piece finishes.
    resultPieces: undefined,
    error: (e, o) => safe(f.error(e, o), o),
    end: (s, o) => safe(f.end(s, o), o),
  };
}
