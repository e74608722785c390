import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache";

/** A byte-bounded cache whose entries take the bytes their value says. */
const byBytes = (maxBytes: number, maxEntries?: number) => new BoundedCache<number>({ maxBytes, maxEntries, bytesOf: (_key, value) => value });

describe("BoundedCache by bytes", () => {
  it("never holds more bytes than its budget, dropping the least recently used first", () => {
    const cache = new BoundedCache<number>({ maxBytes: 100, bytesOf: (_key, i) => 7 + (i % 13) });
    for (let i = 0; i < 1_000; i += 1) {
      cache.set(`k${i}`, i);
      expect(cache.bytes).toBeLessThanOrEqual(100);
    }
    expect(cache.size).toBeGreaterThan(0);
    // The newest entries survive.
    expect(cache.get("k999")).toBe(999);
    expect(cache.get("k0")).toBeUndefined();
  });

  it("reading an entry keeps it: the one not read is evicted", () => {
    const cache = byBytes(30);
    cache.set("a", 10);
    cache.set("b", 10);
    cache.set("c", 10);
    expect(cache.get("a")).toBe(10);
    cache.set("d", 10);
    expect(["a", "b", "c", "d"].map((key) => cache.get(key))).toEqual([10, undefined, 10, 10]);
    expect(cache.bytes).toBe(30);
  });

  it("replacing a key counts its bytes once, and an entry larger than the budget is not kept", () => {
    const cache = byBytes(50);
    cache.set("a", 20);
    cache.set("a", 25);
    expect([cache.bytes, cache.size]).toEqual([25, 1]);
    cache.set("huge", 51);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("a")).toBe(25);
  });

  it("with both bounds, whichever is reached first evicts", () => {
    const cache = byBytes(100, 3);
    for (const key of ["a", "b", "c", "d"]) cache.set(key, 1);
    expect([cache.size, cache.bytes, cache.get("a")]).toEqual([3, 3, undefined]);
    cache.set("e", 99);
    expect([cache.size, cache.bytes, cache.get("c"), cache.get("d")]).toEqual([2, 100, undefined, 1]);
  });
});

describe("BoundedCache by entries", () => {
  it("keeps at most maxEntries, evicting the least recently used one at a time rather than emptying", () => {
    const cache = new BoundedCache<string>({ maxEntries: 3 });
    cache.set("a", "A");
    cache.set("b", "B");
    cache.set("c", "C");
    cache.get("a");
    cache.set("d", "D");
    expect(["a", "b", "c", "d"].map((key) => cache.get(key))).toEqual(["A", undefined, "C", "D"]);
    expect([cache.size, cache.bytes]).toEqual([3, 0]);
  });

  it("deletes and clears, and refuses a bound with no room", () => {
    const cache = new BoundedCache<string>({ maxEntries: 2 });
    cache.set("a", "A");
    cache.set("b", "B");
    cache.delete("a");
    cache.delete("missing");
    expect([cache.size, cache.get("a"), cache.get("b")]).toEqual([1, undefined, "B"]);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(() => new BoundedCache({ maxEntries: 0 })).toThrow("room for at least one entry");
  });
});
