/**
 * The one in-memory cache of the app: least recently used out first, bounded by its number of
 * entries, by the bytes they take, or both. Emptying a full map wholesale (what each cache once did
 * on its own) throws the hot entries out with the cold ones, so every request after it misses at
 * once; evicting only the oldest keeps what is in use.
 *
 * A byte bound is for caches whose keys or values a client chooses (a count bound then lets large
 * keys hold as much memory as the client likes): the caller says what an entry takes (for strings
 * and JSON, two bytes per UTF-16 code unit is close to what V8 holds). An entry larger than the
 * whole budget is not kept. Pure: the browser, the worker and the server share it.
 */
export type CacheLimits<Value> =
  | { maxEntries: number; maxBytes?: undefined; bytesOf?: undefined }
  | { maxEntries?: number; maxBytes: number; bytesOf: (key: string, value: Value) => number };

export class BoundedCache<Value> {
  private readonly entries = new Map<string, { value: Value; bytes: number }>();
  private used = 0;
  readonly maxEntries: number;
  readonly maxBytes: number;
  private readonly bytesOf: ((key: string, value: Value) => number) | undefined;

  constructor(limits: CacheLimits<Value>) {
    this.maxEntries = limits.maxEntries ?? Infinity;
    this.maxBytes = limits.maxBytes ?? Infinity;
    this.bytesOf = limits.bytesOf;
    if (!(this.maxEntries >= 1) || !(this.maxBytes > 0)) throw new Error("a bounded cache needs room for at least one entry");
  }

  get(key: string): Value | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: re-inserting marks the entry as the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: Value): void {
    this.delete(key);
    const bytes = this.bytesOf?.(key, value) ?? 0;
    if (bytes > this.maxBytes) return;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size < this.maxEntries && this.used + bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes;
    }
    this.entries.set(key, { value, bytes });
    this.used += bytes;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
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
