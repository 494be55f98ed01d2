/**
 * A least-recently-used map bounded by an estimate of the bytes its values hold and by its
 * number of entries: the engine's term-set and result caches (sqlite-terms.ts, sqlite-results.ts).
 */
export class ByteLru<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  private bytes = 0;
  constructor(
    private readonly maxBytes: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string): V | undefined {
    const slot = this.map.get(key);
    if (slot) {
      // Re-insert: Map order is the recency order.
      this.map.delete(key);
      this.map.set(key, slot);
    }
    return slot?.value;
  }

  /** Stores the value (not when it alone is over the byte bound), evicting the least recent. */
  set(key: string, value: V, bytes: number): void {
    if (bytes > this.maxBytes) return;
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.map.delete(key);
    }
    this.map.set(key, { value, bytes });
    this.bytes += bytes;
    this.evict();
  }

  /** An entry grew after it was stored: count it, evicting others (never this one) if needed. */
  charge(key: string, bytes: number): void {
    const slot = this.map.get(key);
    if (!slot) return;
    slot.bytes += bytes;
    this.bytes += bytes;
    this.evict(key);
  }

  private evict(keep?: string): void {
    for (const [k, v] of this.map) {
      if ((this.bytes <= this.maxBytes && this.map.size <= this.maxEntries) || k === keep) break;
      this.map.delete(k);
      this.bytes -= v.bytes;
    }
  }

  /** estimated bytes held */
  get heldBytes(): number {
    return this.bytes;
  }

  get size(): number {
    return this.map.size;
  }
}
