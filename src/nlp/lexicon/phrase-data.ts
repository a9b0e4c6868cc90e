// Reads and checks the sentiment phrases written as data (data/phrases.yaml): each entry a
// category, a weight on the AFINN scale and why, and its token patterns (the one phrase language
// of src/nlp/phrase/pattern.ts). The build (scripts/rules-data.js) runs this once and fails on any
// problem, naming the file and line; start-up reads the compiled result.
import { isScalar } from 'yaml';
import { startWords } from '../phrase/pattern.js';
import { readEntryFile, type PhraseProblem } from './entry-file.js';
import { PHRASE_CATEGORIES, type PhraseCategory, type PhraseRule } from './phrase-rule.js';

export type { PhraseProblem } from './entry-file.js';

/**
 * The phrases of one file, in order, and every problem in it: YAML that does not parse, an unknown
 * or missing key, a category outside the vocabulary, a weight off the scale, a missing why, a
 * curly apostrophe, a pattern the phrase language cannot read, and a pattern written twice.
 * Word lists the patterns name must be defined first (defineWordLists).
 */
export function readPhraseFile(text: string, file: string): { phrases: PhraseRule[]; problems: PhraseProblem[] } {
  const { items, problems } = readEntryFile(text, file, {
    kind: 'a phrase file',
    keys: ['category', 'weight', 'why', 'patterns'],
    noun: 'a phrase',
    entry({ value, problem, entry }) {
      const category = value('category');
      const weight = value('weight');
      const why = value('why');
      const cat = isScalar(category) ? String(category.value) : '';
      if (!(PHRASE_CATEGORIES as readonly string[]).includes(cat)) problem(category ?? entry, `category "${cat}" is not one of ${PHRASE_CATEGORIES.join(', ')}`);
      const w = isScalar(weight) ? weight.value : undefined;
      if (typeof w !== 'number' || !(w >= -5 && w <= 5)) problem(weight ?? entry, 'weight: a number from -5 to 5 (the AFINN scale)');
      const because = isScalar(why) ? String(why.value ?? '').trim() : '';
      if (because === '') problem(why ?? entry, 'missing why: say what the phrase means to the customer');
      return (patterns) => patterns.map((pattern) => ({ pattern, weight: w as number, why: because, category: cat as PhraseCategory }));
    },
    // Sentiment tries a phrase only at a word one may start with.
    pattern: (compiled, source) =>
      startWords(compiled) ? undefined : `"${source}" may start with any word: begin with words, a word list, or {quantity}, {ordinal}, {negator}, {day}, {time-unit}, {duration}`,
  });
  return { phrases: items, problems };
}
