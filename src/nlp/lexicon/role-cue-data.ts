// Reads and checks the role cues written as data (data/role-cues.yaml): each entry a role, a
// weight, what the speaker `says`, and its token patterns (the one phrase language of
// src/nlp/phrase/pattern.ts). The build (scripts/rules-data.js) runs this once and fails on any
// problem, naming the file and line; inferring roles reads the compiled result.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { compileFromSource, PatternError } from '../phrase/pattern.js';
import type { PhraseProblem } from './phrase-data.js';
import { CUE_ROLES, type RoleCue } from './role-cue.js';

const KEYS = new Set(['role', 'weight', 'says', 'patterns']);
const CURLY = /[\u2018\u2019\u201b\u2032]/;

/**
 * The cues of one file, in order, and every problem in it: YAML that does not parse, an unknown or
 * missing key, a role other than agent or customer, a weight other than 1 or 2, a missing `says`
 * or one written twice (a cue counts once per speaker by it), a curly apostrophe, a pattern the
 * phrase language cannot read, and a pattern written twice.
 */
export function readRoleCueFile(text: string, file: string): { cues: RoleCue[]; problems: PhraseProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const cues: RoleCue[] = [];
  const problems: PhraseProblem[] = [];
  const lineOf = (pos: number | undefined) => (pos === undefined ? 1 : lineCounter.linePos(pos).line);
  const problem = (node: Node | null | undefined, message: string, pos = node?.range?.[0]) => problems.push({ file, line: lineOf(pos), message });
  const err = doc.errors[0];
  if (err) return problem(undefined, `not valid YAML: ${err.message.split('\n')[0]}`, err.pos[0]), { cues, problems };
  if (!isSeq(doc.contents)) return problem(doc.contents, 'a role-cue file is a list of entries (role, weight, says, patterns)'), { cues, problems };
  const saysAt = new Map<string, number>();
  const patternAt = new Map<string, number>();
  for (const entry of doc.contents.items) {
    if (!isMap(entry)) {
      problem(entry as Node, 'an entry is a map: role, weight, says, patterns');
      continue;
    }
    const value = (key: string) => entry.items.find((i) => isScalar(i.key) && i.key.value === key)?.value as Node | null | undefined;
    for (const item of entry.items) {
      const key = isScalar(item.key) ? String(item.key.value) : '';
      if (!KEYS.has(key)) problem(item.key as Node, `unknown key "${key}" (an entry has ${[...KEYS].join(', ')})`);
    }
    const [role, weight, says, patterns] = ['role', 'weight', 'says', 'patterns'].map(value);
    const r = isScalar(role) ? String(role.value) : '';
    if (!(CUE_ROLES as readonly string[]).includes(r)) problem(role ?? entry, `role "${r}" is not one of ${CUE_ROLES.join(', ')}`);
    const w = isScalar(weight) ? weight.value : undefined;
    if (w !== 1 && w !== 2) problem(weight ?? entry, 'weight: 2 for what the other side practically never says, else 1');
    const s = isScalar(says) ? String(says.value ?? '').trim() : '';
    const twice = saysAt.get(s);
    if (s === '') problem(says ?? entry, 'missing says: what the speaker does, as the evidence quotes it');
    else if (twice !== undefined) problem(says, `the same says as the entry at ${file}:${twice}: one cue, one entry (merge their patterns)`);
    else saysAt.set(s, lineOf(says?.range?.[0]));
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
      const key = source.toLowerCase().replace(/\s+/g, ' ');
      const before = patternAt.get(key);
      if (before !== undefined) {
        problem(node, `"${source}" is already a cue at ${file}:${before}`);
        continue;
      }
      patternAt.set(key, lineOf(node.range?.[0]));
      try {
        compileFromSource(source);
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        problem(node, e.message);
        continue;
      }
      sources.push(source);
    }
    cues.push({ role: r as RoleCue['role'], weight: w as number, says: s, patterns: sources });
  }
  return { cues, problems };
}
