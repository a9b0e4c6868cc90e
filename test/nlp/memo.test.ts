// The bounded memories behind shared features, clause verdicts and phrase answers.
import { describe, expect, it } from 'vitest';
import { RecentMemo } from '../../src/nlp/memo.js';

describe('RecentMemo', () => {
  it('answers what it was told', () => {
    const memo = new RecentMemo<string, number>(4);
    memo.set('a', 1);
    expect(memo.get('a')).toBe(1);
    expect(memo.get('b')).toBeUndefined();
  });

  it('keeps what is asked for again while many others pass through, and forgets the rest', () => {
    const memo = new RecentMemo<string, number>(100);
    memo.set('stock reply', 1);
    for (let i = 0; i < 10_000; i++) {
      memo.set(`one-off ${i}`, i);
      if (i % 40 === 0) expect(memo.get('stock reply')).toBe(1);
    }
    expect(memo.get('one-off 0')).toBeUndefined();
    expect(memo.get('one-off 9999')).toBe(9999);
  });

  it('holds at most its size', () => {
    const memo = new RecentMemo<number, number>(10);
    for (let i = 0; i < 1000; i++) memo.set(i, i);
    let kept = 0;
    for (let i = 0; i < 1000; i++) if (memo.get(i) !== undefined) kept++;
    expect(kept).toBeLessThanOrEqual(10);
    expect(kept).toBeGreaterThanOrEqual(5);
  });

  it('forgets everything when cleared, in both of its maps', () => {
    const memo = new RecentMemo<number, string>(4);
    for (let i = 0; i < 4; i++) memo.set(i, String(i));
    memo.clear();
    for (let i = 0; i < 4; i++) expect(memo.get(i)).toBeUndefined();
    memo.set(9, 'nine');
    expect(memo.get(9)).toBe('nine');
  });
});
