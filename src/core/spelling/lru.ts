/**
 * A small least-recently-used cache: a Map from key to an entry of a doubly
 * linked list kept in recency order (most recent at the head), so a hit costs
 * one hash look-up and a few pointer moves, and the entry touched longest ago
 * (the tail) is the one evicted.
 */
interface Entry<K, V> {
  key: K;
  value: V;
  newer: Entry<K, V> | undefined;
  older: Entry<K, V> | undefined;
}

export class LruCache<K, V> {
  private readonly map = new Map<K, Entry<K, V>>();
  /** Most recently used. */
  private head: Entry<K, V> | undefined;
  /** Least recently used. */
  private tail: Entry<K, V> | undefined;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error('An LRU cache needs a capacity of at least 1.');
  }

  get size(): number {
    return this.map.size;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  get(key: K): V | undefined {
    const entry = this.map.get(key);
    if (entry === undefined) return undefined;
    // Touch: move to the most-recent end.
    this.toHead(entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    const existing = this.map.get(key);
    if (existing !== undefined) {
      existing.value = value;
      this.toHead(existing);
      return;
    }
    const entry: Entry<K, V> = { key, value, newer: undefined, older: this.head };
    if (this.head) this.head.newer = entry;
    this.head = entry;
    if (!this.tail) this.tail = entry;
    this.map.set(key, entry);
    if (this.map.size > this.capacity) {
      const oldest = this.tail!;
      this.unlink(oldest);
      this.map.delete(oldest.key);
    }
  }

  clear(): void {
    this.map.clear();
    this.head = undefined;
    this.tail = undefined;
  }

  private toHead(entry: Entry<K, V>): void {
    if (entry === this.head) return;
    this.unlink(entry);
    entry.older = this.head;
    entry.newer = undefined;
    if (this.head) this.head.newer = entry;
    this.head = entry;
    if (!this.tail) this.tail = entry;
  }

  private unlink(entry: Entry<K, V>): void {
    if (entry.newer) entry.newer.older = entry.older;
    else this.head = entry.older;
    if (entry.older) entry.older.newer = entry.newer;
    else this.tail = entry.newer;
    entry.newer = undefined;
    entry.older = undefined;
  }
}
