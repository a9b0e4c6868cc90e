// The phrase trie matching uses is built a first word at a time, as words look it up; each branch
// must be the very branch compilePhrases builds in one go.
import { describe, expect, it } from 'vitest';
import { PhraseTrie, compilePhrases, phraseStartWords, type TrieNode } from '../../../src/nlp/lexicon/compile.js';
import { PHRASES, type PhraseRule } from '../../../src/nlp/lexicon/phrases.js';

/** The first difference between two tries, or undefined; rules compared by identity, children in any order. */
function difference(a: TrieNode, b: TrieNode, at: string): string | undefined {
  if (a.rule !== b.rule) return `${at}: rule ${a.rule?.pattern} vs ${b.rule?.pattern}`;
  if (a.hasSpecial !== b.hasSpecial) return `${at}: hasSpecial ${a.hasSpecial} vs ${b.hasSpecial}`;
  if (a.next.size !== b.next.size) return `${at}: ${a.next.size} vs ${b.next.size} children`;
  for (const [atom, child] of a.next) {
    const other = b.next.get(atom);
    if (!other) return `${at} ${atom}: missing`;
    const d = difference(child, other, `${at} ${atom}`);
    if (d) return d;
  }
  return undefined;
}

describe('PhraseTrie', () => {
  it('builds nothing until a word looks its branch up, then exactly that branch', () => {
    const trie = new PhraseTrie(PHRASES);
    expect(trie.root.next.size).toBe(0);
    expect(trie.child('thanks')).toBeDefined();
    expect([...trie.root.next.keys()]).toEqual(['thanks']);
    expect(trie.child('no-such-word')).toBeUndefined();
  });

  it('every branch equals the eagerly compiled one, and there are no others', () => {
    const eager = compilePhrases(PHRASES).root;
    const trie = new PhraseTrie(PHRASES);
    for (const atom of trie.starts) trie.child(atom);
    expect(difference(trie.root, eager, '')).toBeUndefined();
    // The words that can start a phrase are known without building anything.
    expect(phraseStartWords(new PhraseTrie(PHRASES))).toEqual(phraseStartWords(trie));
    for (const atom of eager.next.keys()) expect(trie.starts.has(atom), atom).toBe(true);
  });

  it('keeps the first of two rules for one sequence, and builds nothing the whole compile rejects', () => {
    const rules: PhraseRule[] = [
      { pattern: 'very? fed up', weight: -2, why: 'a', category: 'distress' },
      { pattern: 'fed up|down', weight: -2, why: 'a', category: 'distress' },
      { pattern: '* up', weight: -3, why: 'b', category: 'distress' },
      { pattern: 'Bad token', weight: -3, why: 'b', category: 'distress' },
    ];
    const eager = compilePhrases(rules);
    expect(eager.problems).toHaveLength(2);
    const trie = new PhraseTrie(rules);
    expect(trie.child('fed')!.next.get('up')!.rule).toBe(rules[0]);
    for (const atom of trie.starts) trie.child(atom);
    expect(difference(trie.root, eager.root, '')).toBeUndefined();
  });
});
