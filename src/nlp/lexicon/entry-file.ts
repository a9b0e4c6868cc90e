// A data file of the lexicon as a YAML list of entries, each a few fields and a list of token
// patterns: the sentiment phrases (phrase-data.ts) and the role cues (role-cue-data.ts). Read
// once, by the build; every problem is named with the file and line.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { compileFromSource, PatternError, type CompiledPattern } from '../phrase/pattern.js';

/** Where a phrase or entry is declared, for problems and for `etcscore`'s docs. */
export interface PhraseProblem {
  file: string;
  line: number;
  message: string;
}

/** One entry being read: its fields by key, and where to report. */
export interface EntryReading {
  value(key: string): Node | null | undefined;
  problem(node: Node | null | undefined, message: string): void;
  lineOf(node: Node | null | undefined): number;
  entry: YAMLMap;
}

export interface EntryFileSpec<T> {
  /** What the file is, for a problem: "a phrase file". */
  kind: string;
  /** The keys an entry has, `patterns` last. */
  keys: readonly string[];
  /** What a pattern is, for one written twice: "a phrase". */
  noun: string;
  /** Checks the entry's other fields; returns what makes its items of its good patterns. */
  entry(e: EntryReading): (patterns: string[]) => T[];
  /** A problem with a pattern that compiles, if any. */
  pattern?(compiled: CompiledPattern, source: string): string | undefined;
}

const CURLY = /[\u2018\u2019\u201b\u2032]/;

/**
 * The items of one file, in order, and every problem in it: YAML that does not parse, an entry
 * that is not a map, an unknown key, a missing pattern list, a curly apostrophe, a pattern the
 * phrase language cannot read, a pattern written twice (however it is spaced or capitalised),
 * and what the spec checks besides.
 */
export function readEntryFile<T>(text: string, file: string, spec: EntryFileSpec<T>): { items: T[]; problems: PhraseProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const items: T[] = [];
  const problems: PhraseProblem[] = [];
  const lineAt = (pos: number | undefined) => (pos === undefined ? 1 : lineCounter.linePos(pos).line);
  const lineOf = (node: Node | null | undefined) => lineAt(node?.range?.[0]);
  const problem = (node: Node | null | undefined, message: string, pos = node?.range?.[0]) => problems.push({ file, line: lineAt(pos), message });
  const keys = spec.keys.join(', ');
  const err = doc.errors[0];
  if (err) return problem(undefined, `not valid YAML: ${err.message.split('\n')[0]}`, err.pos[0]), { items, problems };
  if (!isSeq(doc.contents)) return problem(doc.contents, `${spec.kind} is a list of entries (${keys})`), { items, problems };
  const seen = new Map<string, number>();
  for (const entry of doc.contents.items) {
    if (!isMap(entry)) {
      problem(entry as Node, `an entry is a map: ${keys}`);
      continue;
    }
    const value = (key: string) => entry.items.find((i) => isScalar(i.key) && i.key.value === key)?.value as Node | null | undefined;
    for (const item of entry.items) {
      const key = isScalar(item.key) ? String(item.key.value) : '';
      if (!spec.keys.includes(key)) problem(item.key as Node, `unknown key "${key}" (an entry has ${keys})`);
    }
    const make = spec.entry({ value, problem: (node, message) => problem(node, message), lineOf, entry });
    const patterns = value('patterns');
    if (!isSeq(patterns) || patterns.items.length === 0) {
      problem(patterns ?? entry, 'patterns: give a list of one or more token patterns');
      continue;
    }
    const sources: string[] = [];
    for (const p of patterns.items) {
      const node = p as Node;
      const source = isScalar(node) ? String(node.value).trim() : '';
      if (CURLY.test(source)) {
        problem(node, `"${source}" has a curly apostrophe: write the straight '`);
        continue;
      }
      // One pattern however it is spaced or capitalised.
      const key = source.toLowerCase().replace(/\s+/g, ' ');
      const twice = seen.get(key);
      if (twice !== undefined) {
        problem(node, `"${source}" is already ${spec.noun} at ${file}:${twice}`);
        continue;
      }
      seen.set(key, lineOf(node));
      try {
        const compiled = compileFromSource(source);
        const why = spec.pattern?.(compiled, source);
        if (why) {
          problem(node, why);
          continue;
        }
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        problem(node, e.message);
        continue;
      }
      sources.push(source);
    }
    items.push(...make(sources));
  }
  return { items, problems };
}
