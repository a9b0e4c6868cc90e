// Data hygiene: each problem a rule file can have is reported with its file and line, and only
// that problem. Every case starts from one small good rule, written to a temporary file, with one
// mistake made in it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRuleFiles, checkWordListFiles, unusedWordLists } from '../../src/rules/hygiene.js';
import { formatProblem, readRuleFile, readWordListFile, type RuleProblem } from '../../src/rules/load.js';

const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** Writes `yaml` (indentation stripped to its first line's) to a new file and checks it. */
function check(yaml: string, ...more: string[]): { file: string; problems: RuleProblem[] } {
  const written = [yaml, ...more].map((text) => {
    const file = path.join(dir, `rules-${++files}.yaml`);
    const indent = /^\n?( *)/.exec(text)![1]!.length;
    writeFileSync(file, text.replace(/^\n/, '').split('\n').map((l) => l.slice(indent)).join('\n'));
    return file;
  });
  return { file: written[0]!, problems: checkRuleFiles(written).problems };
}

/** A good rule; `${...}` slots let a case change one part. Line numbers are given in comments. */
const rule = ({ id = 'apology', category = 'sympathy', extra = '', patterns = ['sorry for the wait', 'apologies for the delay'], match = ['Sorry for the wait.', 'Apologies for the delay.'], noMatch = ["I'm not sorry for the wait."], conditions = '', why = 'why: A wait acknowledged is a wait half forgiven.\n  ' } = {}) => `
- id: ${id}
  category: ${category}
  kind: strength
  severity: info
  speaker: agent
  title: Acknowledges the wait
  description: The agent acknowledges that the customer waited.
  ${why}source: "seed 003: acknowledge the customer's effort"
  message: The customer hears that their time counts.
  ${extra}patterns:
${patterns.map((p) => `    - ${JSON.stringify(p)}`).join('\n')}
${conditions}  examples:
    match:
${match.map((e) => `      - ${JSON.stringify(e)}`).join('\n')}
    noMatch:
${noMatch.map((e) => `      - ${JSON.stringify(e)}`).join('\n')}
`;
// Lines of the good rule: 1 id, 2 category, 8 why, 11 "patterns:", 12-13 patterns, then any
// conditions, 14 "examples:", 15 "match:", 16-17 match examples, 18 "noMatch:", 19 its example;
// `extra` adds a line 11.

/** The one problem found, as the build prints it. */
function only(problems: RuleProblem[]): string {
  expect(problems.map(formatProblem)).toEqual([expect.any(String)]);
  return formatProblem(problems[0]!);
}

describe('rule data hygiene', () => {
  it('finds nothing wrong with a good rule', () => {
    expect(check(rule()).problems).toEqual([]);
  });

  it('reports YAML that does not parse', () => {
    const { file, problems } = check(rule().replace('  kind: strength', '  kind: [strength'));
    expect(only(problems)).toMatch(new RegExp(`^${file}:\\d+: not valid YAML`));
  });

  it('reports an unknown key on its line', () => {
    const { file, problems } = check(rule({ extra: 'note: a stray key\n  ' }));
    expect(only(problems)).toBe(`${file}:11: apology: unknown key "note" in a rule (one of id, category, kind, severity, speaker, title, description, why, source, message, suggestions, patterns, patternsFrom, conditions, unit, extract, examples)`);
  });

  it('points "suggestion" to the list it should be', () => {
    const { file, problems } = check(rule({ extra: 'suggestion: Sorry for the wait.\n  ' }));
    expect(only(problems)).toMatch(new RegExp(`^${file}:11: apology: unknown key "suggestion" .*list under "suggestions"`));
  });

  it('reports a category outside the vocabulary', () => {
    const { file, problems } = check(rule({ category: 'politeness' }));
    expect(only(problems)).toMatch(new RegExp(`^${file}:2: apology: category "politeness" is not one of empathy, sympathy, `));
  });

  it('reports a rule without its docs', () => {
    const { file, problems } = check(rule({ why: '' }));
    expect(only(problems)).toBe(`${file}:1: apology: missing "why": every rule is documented (title, description, why, source, message)`);
  });

  it('reports a risk with fewer than two better wordings, on its "suggestions" line', () => {
    const risk = (suggestions: string) => rule().replace('kind: strength', 'kind: risk').replace('severity: info', 'severity: warning').replace('  patterns:', `  suggestions:\n${suggestions}  patterns:`);
    const one = check(risk('    - Thank you for waiting.\n'));
    expect(only(one.problems)).toBe(`${one.file}:11: apology: a risk needs "suggestions": at least two better wordings, best first`);
    expect(check(risk('    - Thank you for waiting.\n    - Thanks for bearing with me.\n')).problems).toEqual([]);
  });

  it('reports a curly apostrophe in a pattern, and why straight ones are wanted', () => {
    const { file, problems } = check(rule({ patterns: ['sorry for the wait', 'i’m sorry for the delay'] }));
    expect(only(problems)).toMatch(new RegExp(`^${file}:13: apology: pattern "i’m sorry for the delay" has a curly .*write the straight '.*duplicates visible`));
  });

  it('reports a regular expression given as a pattern', () => {
    const { file, problems } = check(rule({ patterns: ['sorry for the wait', 'apologi.*delay'] }));
    expect(only(problems)).toMatch(new RegExp(`^${file}:13: apology: pattern "apologi\\.\\*delay" looks like a regular expression`));
  });

  it('reports a pattern that does not compile', () => {
    const { file, problems } = check(rule({ patterns: ['sorry for the wait', '(apologies for the delay'] }));
    expect(only(problems)).toBe(`${file}:13: apology: pattern "(apologies for the delay": "(" is not closed`);
  });

  it('reports an unknown condition on its line', () => {
    const { file, problems } = check(rule({ conditions: '  conditions:\n    unless: [polite]\n' }));
    expect(only(problems)).toMatch(new RegExp(`^${file}:15: apology: unless: unknown condition "polite" \\(one of negated, question, quoted, `));
  });

  it('reports an allowance for context that is never dropped, and an unless that is the default', () => {
    const { file, problems } = check(rule({ conditions: '  conditions:\n    allow: [interjection]\n    unless: [negated]\n' }));
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(new RegExp(`^${file}:15: apology: allow: "interjection" is not dropped by default`)),
      expect.stringMatching(new RegExp(`^${file}:16: apology: unless: "negated" matches are dropped already`)),
    ]);
  });

  it('reports a category outside the vocabulary in suppressedBy', () => {
    const { file, problems } = check(rule({ conditions: '  conditions:\n    suppressedBy: [empathy, kindness]\n' }));
    expect(only(problems)).toMatch(new RegExp(`^${file}:15: apology: suppressedBy: "kindness" is not a category`));
  });

  it('reports a category outside the vocabulary in yieldsTo', () => {
    const { file, problems } = check(rule({ conditions: '  conditions:\n    yieldsTo: [empathy, kindness]\n' }));
    expect(only(problems)).toMatch(new RegExp(`^${file}:15: apology: yieldsTo: "kindness" is not a category`));
  });

  it('reports the same pattern twice in a rule, however it is spaced', () => {
    const { file, problems } = check(rule({ patterns: ['sorry for the wait', 'apologies for the delay', 'Sorry  for the wait'] }));
    expect(only(problems)).toBe(`${file}:14: apology: duplicate pattern "Sorry  for the wait": already in this rule at ${file}:12`);
  });

  it('reports the same pattern in two rules of one speaker and category, across files', () => {
    const first = check(rule(), rule({ id: 'apology-again', patterns: ['apologies for the delay', 'so sorry about the wait'], match: ['Apologies for the delay.', 'So sorry about the wait.'] }));
    const second = first.file.replace(/(\d+)\.yaml$/, (_, n: string) => `${Number(n) + 1}.yaml`);
    expect(first.problems.map(formatProblem)).toEqual([
      `${second}:12: apology-again: duplicate pattern "apologies for the delay": already in rule "apology" of the same speaker and category at ${first.file}:13`,
      // Why it matters: of two equal findings of one category in a turn only the first is kept.
      `${second}:16: apology-again: match example "Apologies for the delay." is not found by the rule`,
    ]);
  });

  it('allows the same pattern in rules of different categories', () => {
    expect(check(rule(), rule({ id: 'apology-pseudo', category: 'pseudo-apology' })).problems).toEqual([]);
  });

  it('allows the same pattern in a customer rule and an agent rule of one category: they read different turns', () => {
    const customer = rule({ id: 'apology-heard' }).replace('kind: strength', 'kind: signal').replace('speaker: agent', 'speaker: customer');
    expect(check(rule(), customer).problems).toEqual([]);
  });

  it('reports a signal said by the agent', () => {
    const { file, problems } = check(rule().replace('kind: strength', 'kind: signal'));
    expect(only(problems)).toBe(`${file}:3: apology: kind "signal" is for customer rules: an agent's words are a strength or a risk`);
  });

  it('gives a rule with patternsFrom the other rule\'s patterns, checked once, where they are written', () => {
    const borrower = rule({ id: 'apology-heard' }).replace('kind: strength', 'kind: signal').replace('speaker: agent', 'speaker: customer').replace(/  patterns:\n(    - .*\n)+/, '  patternsFrom: apology\n');
    const checked = check(rule(), borrower);
    expect(checked.problems).toEqual([]);
    const second = checked.file.replace(/(\d+)\.yaml$/, (_, n: string) => `${Number(n) + 1}.yaml`);
    const { rules } = checkRuleFiles([checked.file, second]);
    expect(rules.map((r) => [r.data.id, r.data.patterns])).toEqual([
      ['apology', ['sorry for the wait', 'apologies for the delay']],
      ['apology-heard', ['sorry for the wait', 'apologies for the delay']],
    ]);
  });

  it('reports patternsFrom naming no rule, and a rule that lists patterns as well', () => {
    const borrower = rule({ id: 'apology-heard' }).replace('  patterns:', '  patternsFrom: apology-gone\n  patterns:');
    const { file, problems } = check(borrower);
    expect(problems.map(formatProblem)).toEqual([`${file}:12: apology-heard: a rule with "patternsFrom" reads that rule's patterns and lists none of its own`]);
    const missing = check(rule({ id: 'apology-heard' }).replace(/  patterns:\n(    - .*\n)+/, '  patternsFrom: apology-gone\n'));
    expect(only(missing.problems)).toBe(`${missing.file}:1: apology-heard: patternsFrom: no rule "apology-gone" in the rule files`);
  });

  it('reads a named pattern as one of the rule\'s patterns, and keeps its name for code to read', () => {
    const named = rule().replace('    - "apologies for the delay"', '    - { name: the-delay, pattern: "apologies for the delay" }');
    const { file, problems } = check(named);
    expect(problems).toEqual([]);
    const [loaded] = checkRuleFiles([file]).rules;
    expect([loaded!.data.patterns, loaded!.data.patternNames]).toEqual([['sorry for the wait', 'apologies for the delay'], { 'the-delay': 1 }]);
  });

  it('reports a named pattern without a pattern, or with a name that is not kebab-case', () => {
    const { file, problems } = check(rule().replace('    - "apologies for the delay"', '    - { name: The Delay, pattern: "apologies for the delay" }\n    - { name: empty }'));
    expect(problems.map(formatProblem)).toEqual([
      `${file}:13: apology: pattern name "The Delay" must be kebab-case`,
      `${file}:14: apology: each of "patterns" must be a non-empty string`,
    ]);
  });

  it('takes a clause rule with no patterns, and reports one that lists some', () => {
    const clause = rule().replace(/  patterns:\n(    - .*\n)+/, '  patterns: []\n  unit: clause\n');
    const read = checkRuleFiles([check(clause).file]);
    expect(read.problems.filter((p) => !/example/.test(p.message))).toEqual([]);
    expect(read.rules[0]!.data).toMatchObject({ unit: 'clause', patterns: [] });
    const { file, problems } = check(rule({ extra: 'unit: clause\n  ' }));
    expect(only(problems)).toBe(`${file}:12: apology: a rule with "unit: clause" reads whole clauses and lists no patterns ("patterns: []")`);
  });

  it('reports an unknown extractor, and a unit that is not clause', () => {
    const { file, problems } = check(rule({ extra: 'extract: who-said-it\n  unit: paragraph\n  ' }));
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(new RegExp(`^${file}:12: apology: unit "paragraph" is not one of clause`)),
      expect.stringMatching(new RegExp(`^${file}:11: apology: extract: unknown extractor "who-said-it"`)),
    ]);
  });

  it('reports an id used twice', () => {
    const { file, problems } = check(rule() + rule({ category: 'empathy' }).replace(/^\n/, ''));
    expect(only(problems)).toBe(`${file}:20: apology: id "apology" is already used at ${file}:1`);
  });

  it('reports a pattern that none of the match examples exercises', () => {
    const { file, problems } = check(rule({ patterns: ['sorry for the wait', 'apologies for the delay', 'thanks for holding'] }));
    expect(only(problems)).toBe(`${file}:14: apology: pattern "thanks for holding" finds none of the rule's match examples: add an example it finds, or drop it`);
  });

  it('reports a match example the rule does not find', () => {
    const { file, problems } = check(rule({ match: ['Sorry for the wait.', 'Apologies for the delay.', 'Thanks for your patience.'] }));
    expect(only(problems)).toBe(`${file}:18: apology: match example "Thanks for your patience." is not found by the rule`);
  });

  it('reports a noMatch example the rule finds', () => {
    const { file, problems } = check(rule({ noMatch: ["I'm not sorry for the wait.", 'So, sorry for the wait!'] }));
    expect(only(problems)).toBe(`${file}:20: apology: noMatch example "So, sorry for the wait!" is found by the rule (at "sorry for the wait")`);
  });

  it('reads conditions: a negated match is kept only when allowed', () => {
    const { file, problems } = check(rule({ conditions: '  conditions:\n    allow: [negated]\n' }));
    expect(only(problems)).toBe(`${file}:21: apology: noMatch example "I'm not sorry for the wait." is found by the rule (at "sorry for the wait")`);
  });

  it('reports a file that is not a list of rules', () => {
    const { file, problems } = check('id: apology\ncategory: sympathy\n');
    expect(only(problems)).toBe(`${file}:1: expected a list of rules ("- id: …")`);
  });
});

describe('word-list hygiene', () => {
  const messages = (text: string) => readWordListFile(text, 'lists.yaml').problems.map(formatProblem);

  it('reads a good file of lists, with the line of each name', () => {
    const read = readWordListFile('# moods\nmood: [cross, fed up]\nplace:\n  - the shop\n', 'lists.yaml');
    expect(read.problems).toEqual([]);
    expect(read.lists).toEqual({ mood: ['cross', 'fed up'], place: ['the shop'] });
    expect(read.lines).toEqual({ mood: 2, place: 3 });
  });

  it.each([
    ['Mood_Words: [cross]\n', 'lists.yaml:1: word list "Mood_Words": a name is kebab-case'],
    ['mood: []\n', 'lists.yaml:1: word list "mood": give a non-empty list'],
    ['mood: [cross]\nnumber: [one, two]\n', 'lists.yaml:2: word list "number": the name of a token class'],
    ['mood:\n  - cross\n  - (fed|up)\n', 'lists.yaml:3: word list "mood": "(fed|up)" is not plain words'],
    ['mood:\n  - cross\n  - Cross\n', 'lists.yaml:3: word list "mood": "cross" is in the list twice'],
    ['mood:\n  - can\u2019t cope\n', "lists.yaml:2: word list \"mood\": \"can\u2019t cope\" has a curly apostrophe"],
    ['- cross\n', 'lists.yaml:1: a word-list file is a map'],
  ])('names the file, the line and the fault: %j', (text, expected) => {
    expect(messages(text)[0]).toContain(expected);
  });

  it('reports a list declared in two files, and a list that no rule names', () => {
    const a = path.join(dir, 'lists-a.yaml');
    const b = path.join(dir, 'lists-b.yaml');
    writeFileSync(a, 'test-mood: [cross]\ntest-unused: [spare]\n');
    writeFileSync(b, 'test-mood: [fed up]\n');
    const { places, problems } = checkWordListFiles([a, b]);
    expect(problems.map(formatProblem)).toEqual([`${b}:1: word list "test-mood" is already declared at ${a}:1`]);
    const rules = readRuleFile(rule({ patterns: ['sorry {test-mood}', 'apologies for the delay'] }), 'r.yaml').rules;
    expect(unusedWordLists(places, rules).map(formatProblem)).toEqual([`${a}:2: word list "test-unused" is named by no pattern of a rule, a phrase set or a sentiment phrase`]);
    // A phrase set's or a sentiment phrase's pattern that names a list uses it too.
    expect(unusedWordLists(places, rules, ['{test-unused} again'])).toEqual([]);
  });
});

