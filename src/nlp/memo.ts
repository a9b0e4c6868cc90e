// Answers remembered by key, at most `size` of them, keeping those asked for again: two maps, the
// newer one filled as answers are asked for, the older one dropped when the newer is full. One map
// emptied when full (the memories before this) forgot the stock replies said in every call along
// with the rest; on the bench corpus this keeps 4 to 5 points more of its lookups for the same size.
export class RecentMemo<K, V> {
  private newer = new Map<K, V>();
  private older = new Map<K, V>();

  constructor(private readonly size: number) {
    // Turned over once at the start: maps first replaced only when the memory first fills would be
    // taken for constants by the code optimised by then, and all of it would be thrown away then.
    this.turnOver();
  }

  get(key: K): V | undefined {
    const value = this.newer.get(key);
    if (value !== undefined) return value;
    const kept = this.older.get(key);
    if (kept !== undefined) this.set(key, kept);
    return kept;
  }

  set(key: K, value: V): void {
    if (this.newer.size >= this.size / 2) this.turnOver();
    this.newer.set(key, value);
  }

  /** Forgets every answer: for when what they were computed with has changed. */
  clear(): void {
    this.turnOver();
    this.turnOver();
  }

  private turnOver(): void {
    this.older = this.newer;
    this.newer = new Map();
  }
}
