// Reads and checks the sentiment phrases written as data (data/phrases.yaml): each entry a
// category, a weight on the AFINN scale and why, and its token patterns (the one phrase language
// of src/nlp/phrase/pattern.ts). The build (scripts/rules-data.js) runs this once and fails on any
// problem, naming the file and line; start-up reads the compiled result.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { compileFromSource, PatternError, startWords } from '../phrase/pattern.js';
import { PHRASE_CATEGORIES, type PhraseCategory, type PhraseRule } from './phrase-rule.js';

/** Where a phrase or entry is declared, for problems and for `etcscore`'s docs. */
export interface PhraseProblem {
  file: string;
  line: number;
  message: string;
}

const KEYS = new Set(['category', 'weight', 'why', 'patterns']);
const CURLY = /[\u2018\u2019\u201b\u2032]/;

/**
 * The phrases of one file, in order, and every problem in it: YAML that does not parse, an unknown
 * or missing key, a category outside the vocabulary, a weight off the scale, a missing why, a
 * curly apostrophe, a pattern the phrase language cannot read, and a pattern written twice.
 * Word lists the patterns name must be defined first (defineWordLists).
 */
export function readPhraseFile(text: string, file: string): { phrases: PhraseRule[]; problems: PhraseProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const phrases: PhraseRule[] = [];
  const problems: PhraseProblem[] = [];
  const problem = (node: Node | null | undefined, message: string, pos = node?.range?.[0]) =>
    problems.push({ file, line: pos === undefined ? 1 : lineCounter.linePos(pos).line, message });
  const err = doc.errors[0];
  if (err) return problem(undefined, `not valid YAML: ${err.message.split('\n')[0]}`, err.pos[0]), { phrases, problems };
  if (!isSeq(doc.contents)) return problem(doc.contents, 'a phrase file is a list of entries (category, weight, why, patterns)'), { phrases, problems };
  const seen = new Map<string, number>();
  for (const entry of doc.contents.items) {
    if (!isMap(entry)) {
      problem(entry as Node, 'an entry is a map: category, weight, why, patterns');
      continue;
    }
    const value = (key: string) => entry.items.find((i) => isScalar(i.key) && i.key.value === key)?.value as Node | null | undefined;
    for (const item of entry.items) {
      const key = isScalar(item.key) ? String(item.key.value) : '';
      if (!KEYS.has(key)) problem(item.key as Node, `unknown key "${key}" (an entry has ${[...KEYS].join(', ')})`);
    }
    const category = value('category');
    const weight = value('weight');
    const why = value('why');
    const patterns = value('patterns');
    const cat = isScalar(category) ? String(category.value) : '';
    if (!(PHRASE_CATEGORIES as readonly string[]).includes(cat)) problem(category ?? entry, `category "${cat}" is not one of ${PHRASE_CATEGORIES.join(', ')}`);
    const w = isScalar(weight) ? weight.value : undefined;
    if (typeof w !== 'number' || !(w >= -5 && w <= 5)) problem(weight ?? entry, 'weight: a number from -5 to 5 (the AFINN scale)');
    const because = isScalar(why) ? String(why.value ?? '').trim() : '';
    if (because === '') problem(why ?? entry, 'missing why: say what the phrase means to the customer');
    if (!isSeq(patterns) || patterns.items.length === 0) {
      problem(patterns ?? entry, 'patterns: give a list of one or more token patterns');
      continue;
    }
    for (const p of patterns.items) {
      const node = p as Node;
      const line = node.range ? lineCounter.linePos(node.range[0]).line : 1;
      const source = isScalar(node) ? String(node.value).trim() : '';
      if (CURLY.test(source)) {
        problem(node, `"${source}" has a curly apostrophe: write the straight '`);
        continue;
      }
      // One phrase however it is spaced or capitalised.
      const key = source.toLowerCase().replace(/\s+/g, ' ');
      const twice = seen.get(key);
      if (twice !== undefined) {
        problem(node, `"${source}" is already a phrase at ${file}:${twice}`);
        continue;
      }
      seen.set(key, line);
      try {
        // Sentiment tries a phrase only at a word one may start with.
        if (!startWords(compileFromSource(source))) {
          problem(node, `"${source}" may start with any word: begin with words, a word list, or {quantity}, {ordinal}, {negator}, {day}, {time-unit}, {duration}`);
          continue;
        }
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        problem(node, e.message);
        continue;
      }
      phrases.push({ pattern: source, weight: w as number, why: because, category: cat as PhraseCategory });
    }
  }
  return { phrases, problems };
}
