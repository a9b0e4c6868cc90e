// The sentiment phrases as data: the shipped file reads clean, and each kind of bad entry is
// reported with the file and the line it stands on.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPhraseFile } from '../../../src/nlp/lexicon/phrase-data.js';
import { matchPhrase, PHRASES } from '../../../src/nlp/lexicon/phrases.js';
import { textFeatures } from '../../../src/nlp/features.js';
import { isWordLike } from '../../../src/nlp/tokenize.js';
import { checkWordListFiles } from '../../../src/rules/hygiene.js';

const root = path.resolve(import.meta.dirname, '../../..');
const data = path.join(root, 'src/nlp/lexicon/data');
const ruleLists = path.join(root, 'src/rules/data/lists');
// Every word list, the rules' and the phrases', as the build defines them.
const lists = checkWordListFiles([
  ...readdirSync(ruleLists).filter((f) => f.endsWith('.yaml')).map((f) => path.join(ruleLists, f)),
  path.join(data, 'lists.yaml'),
]);

describe('data/phrases.yaml', () => {
  it('reads with no problem, every word list declared once', () => {
    expect(lists.problems).toEqual([]);
    const { phrases, problems } = readPhraseFile(readFileSync(path.join(data, 'phrases.yaml'), 'utf8'), 'phrases.yaml');
    expect(problems).toEqual([]);
    expect(phrases).toEqual(PHRASES);
    expect(phrases.length).toBeGreaterThan(150);
  });

  it('names the file and line of each bad entry', () => {
    const text = [
      '- category: waiting', //                 1
      '  weight: -3', //                        2
      '  why: long wait', //                    3
      '  patterns:', //                         4
      '    - still waiting', //                 5
      '    - still  Waiting', //                6: the same phrase
      '    - it\u2019s been ages', //           7: curly apostrophe
      '    - still (waiting', //                8: not a pattern
      '    - "{no-such-list} again"', //        9: unknown list
      '    - "{ing} again"', //                 10: may start anywhere
      '- category: moaning', //                 11: not a category
      '  weight: -9', //                        12: off the scale
      '  why: " "', //                          13: no why
      '  colour: red', //                       14: unknown key
      '  patterns: [fed up]',
    ].join('\n');
    const { phrases, problems } = readPhraseFile(text, 'bad.yaml');
    expect(phrases.map((p) => p.pattern)).toEqual(['still waiting', 'fed up']);
    const at = problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(at).toEqual([
      'bad.yaml:6: "still  Waiting" is already a phrase at bad.yaml:5',
      'bad.yaml:7: "it\u2019s been ages" has a curly apostrophe: write the straight \'',
      expect.stringMatching(/^bad\.yaml:8: pattern "still \(waiting": "\(" is not closed/),
      expect.stringMatching(/^bad\.yaml:9: pattern "\{no-such-list\} again": unknown token class or word list/),
      expect.stringMatching(/^bad\.yaml:10: "\{ing\} again" may start with any word/),
      'bad.yaml:14: unknown key "colour" (an entry has category, weight, why, patterns)',
      expect.stringMatching(/^bad\.yaml:11: category "moaning" is not one of sarcasm, /),
      'bad.yaml:12: weight: a number from -5 to 5 (the AFINN scale)',
      'bad.yaml:13: missing why: say what the phrase means to the customer',
    ]);
  });

  it('reports YAML that does not parse, at its line', () => {
    const { problems } = readPhraseFile('- category: waiting\n  weight: [\n', 'broken.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^not valid YAML/);
  });
});

describe('matchPhrase', () => {
  const at = (text: string, word = 0) => {
    const f = textFeatures(text);
    const words = f.tokens.toArray().map((t, i) => (isWordLike(t) ? i : -1)).filter((i) => i >= 0);
    const m = matchPhrase(f.tokens, words, f.sentenceOf, word);
    return m && { why: m.rule.why, text: text.slice(f.tokens.start(words[word]!), f.tokens.end(words[m.lastWord]!)) };
  };

  it('finds the longest phrase, through word lists, classes and spans, within the sentence', () => {
    expect(at("I've been waiting for three weeks now")).toEqual({ why: 'long wait', text: "I've been waiting for three weeks now" });
    expect(at("I've been waiting. For three weeks")).toEqual({ why: 'kept waiting', text: "I've been waiting" });
    expect(at('This is the 3rd time I have called', 3)).toEqual({ why: 'repeat contact', text: '3rd time I have called' });
    expect(at("It doesn't even load")).toBeUndefined();
    expect(at("It doesn't even load", 1)).toEqual({ why: 'product or service failure', text: "doesn't even load" });
    expect(at('no one is listening')).toBeUndefined();
  });

  it('of equally long phrases, keeps the first written', () => {
    // "takes forever" is too long, before "(takes) {duration}" (a long wait) in the file.
    expect(at('it takes forever', 1)).toEqual({ why: 'too long', text: 'takes forever' });
    // "not good enough" is contempt, before "{negator} … good enough" (no progress).
    expect(at('not good enough')).toEqual({ why: 'contempt for the service', text: 'not good enough' });
  });
});
