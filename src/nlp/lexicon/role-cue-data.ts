// Reads and checks the role cues written as data (data/role-cues.yaml): each entry a role, a
// weight, what the speaker `says`, and its token patterns (the one phrase language of
// src/nlp/phrase/pattern.ts). The build (scripts/rules-data.js) runs this once and fails on any
// problem, naming the file and line; inferring roles reads the compiled result.
import { isScalar } from 'yaml';
import { readEntryFile, type PhraseProblem } from './entry-file.js';
import { CUE_ROLES, type RoleCue } from './role-cue.js';

/**
 * The cues of one file, in order, and every problem in it: YAML that does not parse, an unknown or
 * missing key, a role other than agent or customer, a weight other than 1 or 2, a missing `says`
 * or one written twice (a cue counts once per speaker by it), a curly apostrophe, a pattern the
 * phrase language cannot read, and a pattern written twice.
 */
export function readRoleCueFile(text: string, file: string): { cues: RoleCue[]; problems: PhraseProblem[] } {
  const saysAt = new Map<string, number>();
  const { items, problems } = readEntryFile(text, file, {
    kind: 'a role-cue file',
    keys: ['role', 'weight', 'says', 'patterns'],
    noun: 'a cue',
    entry({ value, problem, lineOf, entry }) {
      const [role, weight, says] = ['role', 'weight', 'says'].map(value);
      const r = isScalar(role) ? String(role.value) : '';
      if (!(CUE_ROLES as readonly string[]).includes(r)) problem(role ?? entry, `role "${r}" is not one of ${CUE_ROLES.join(', ')}`);
      const w = isScalar(weight) ? weight.value : undefined;
      if (w !== 1 && w !== 2) problem(weight ?? entry, 'weight: 2 for what the other side practically never says, else 1');
      const s = isScalar(says) ? String(says.value ?? '').trim() : '';
      const twice = saysAt.get(s);
      if (s === '') problem(says ?? entry, 'missing says: what the speaker does, as the evidence quotes it');
      else if (twice !== undefined) problem(says, `the same says as the entry at ${file}:${twice}: one cue, one entry (merge their patterns)`);
      else saysAt.set(s, lineOf(says));
      return (patterns) => [{ role: r as RoleCue['role'], weight: w as number, says: s, patterns }];
    },
  });
  return { cues: items, problems };
}
