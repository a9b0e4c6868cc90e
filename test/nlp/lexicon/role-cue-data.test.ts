// The role cues as data: the shipped file reads clean and is what inference uses; each kind of bad
// entry is reported with the file and line it stands on, and the build fails on one, writing nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRoleCueFile } from '../../../src/nlp/lexicon/role-cue-data.js';
import { ROLE_CUES } from '../../../src/nlp/roles.js';

const root = path.resolve(import.meta.dirname, '../../..');
const cueFile = path.join(root, 'src/nlp/lexicon/data/role-cues.yaml');

describe('data/role-cues.yaml', () => {
  it('reads with no problem, and is what inference uses', () => {
    const { cues, problems } = readRoleCueFile(readFileSync(cueFile, 'utf8'), 'role-cues.yaml');
    expect(problems).toEqual([]);
    expect(cues).toEqual(ROLE_CUES);
    expect(new Set(cues.map((c) => c.role))).toEqual(new Set(['agent', 'customer']));
  });

  it('names the file and line of each bad entry', () => {
    const text = [
      '- role: agent', //                        1
      '  weight: 2', //                          2
      '  says: asks "how can I help"', //        3
      '  patterns:', //                          4
      '    - how can i help', //                 5
      '    - How  can I help', //                6: the same pattern
      '    - I\u2019ll check', //                7: curly apostrophe
      '    - how (can i', //                     8: not a pattern
      '- role: boss', //                         9: not a role
      '  weight: 3', //                          10: not 1 or 2
      '  says: asks "how can I help"', //        11: said twice
      '  colour: red', //                        12: unknown key
      '  patterns: [let me check]',
      '- role: customer', //                     14
      '  weight: 1',
      '  patterns: []', //                       16: no patterns, and no says
    ].join('\n');
    const { cues, problems } = readRoleCueFile(text, 'bad.yaml');
    expect(cues.map((c) => c.patterns)).toEqual([['how can i help'], ['let me check']]);
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'bad.yaml:6: "How  can I help" is already a cue at bad.yaml:5',
      'bad.yaml:7: "I\u2019ll check" has a curly apostrophe: write the straight \'',
      expect.stringMatching(/^bad\.yaml:8: pattern "how \(can i": "\(" is not closed/),
      'bad.yaml:12: unknown key "colour" (an entry has role, weight, says, patterns)',
      'bad.yaml:9: role "boss" is not one of agent, customer',
      'bad.yaml:10: weight: 2 for what the other side practically never says, else 1',
      'bad.yaml:11: the same says as the entry at bad.yaml:3: one cue, one entry (merge their patterns)',
      'bad.yaml:14: missing says: what the speaker does, as the evidence quotes it',
      'bad.yaml:16: patterns: give a list of one or more token patterns',
    ]);
  });

  it('reports YAML that does not parse, and a file that is not a list', () => {
    expect(readRoleCueFile('- role: agent\n  weight: [\n', 'broken.yaml').problems[0]!.message).toMatch(/^not valid YAML/);
    expect(readRoleCueFile('role: agent\n', 'map.yaml').problems).toEqual([{ file: 'map.yaml', line: 1, message: 'a role-cue file is a list of entries (role, weight, says, patterns)' }]);
  });
});

describe('scripts/rules-data.js with a bad role cue', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-role-cues-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails naming the file and line, and leaves no compiled module behind', () => {
    const good = readFileSync(cueFile, 'utf8');
    const bad = good.replace('    - yet again\n', '    - yet again\n    - Yet  Again\n');
    const lines = bad.split('\n');
    const file = path.join(dir, 'role-cues.yaml');
    writeFileSync(file, bad);
    const out = path.join(dir, 'compiled.js');
    const phrasesOut = path.join(dir, 'phrases.js');
    const rolesOut = path.join(dir, 'role-cues.js');
    writeFileSync(rolesOut, '// left from an earlier build\n');
    const run = spawnSync(process.execPath, ['scripts/rules-data.js', '--out', out, '--phrases-out', phrasesOut, '--roles', file], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const named = path.relative(root, file);
    expect(run.stderr).toContain(`${named}:${lines.indexOf('    - Yet  Again') + 1}: "Yet  Again" is already a cue at ${named}:${lines.indexOf('    - yet again') + 1}`);
    expect(existsSync(rolesOut)).toBe(false);
    expect(existsSync(phrasesOut)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});
