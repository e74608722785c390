/**
 * A least-recently-used cache bounded by the bytes its entries take, not by their number: a
 * count bound lets a client that sends large keys hold as much memory as it likes. The caller
 * states each entry's size (for strings and JSON, two bytes per UTF-16 code unit is close to what
 * V8 holds). An entry larger than the whole budget is not kept.
 */
export class ByteBoundedCache<Value> {
  private readonly entries = new Map<string, { value: Value; bytes: number }>();
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): Value | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: re-inserting marks the entry as the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: Value, bytes: number): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.used -= previous.bytes;
    }
    if (bytes > this.maxBytes) return;
    for (const [oldest, entry] of this.entries) {
      if (this.used + bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes;
    }
    this.entries.set(key, { value, bytes });
    this.used += bytes;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.used;
  }
}

/** Bytes V8 holds for a string of this many UTF-16 code units (two each; Latin-1 strings take less). */
export const stringBytes = (text: string): number => text.length * 2;
