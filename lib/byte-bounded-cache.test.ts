import { describe, expect, it } from "vitest";
import { ByteBoundedCache } from "./byte-bounded-cache";

describe("ByteBoundedCache", () => {
  it("never holds more bytes than its budget, dropping the least recently used first", () => {
    const cache = new ByteBoundedCache<number>(100);
    for (let i = 0; i < 1_000; i += 1) {
      cache.set(`k${i}`, i, 7 + (i % 13));
      expect(cache.bytes).toBeLessThanOrEqual(100);
    }
    expect(cache.size).toBeGreaterThan(0);
    // The newest entries survive.
    expect(cache.get("k999")).toBe(999);
    expect(cache.get("k0")).toBeUndefined();
  });

  it("reading an entry keeps it: the one not read is evicted", () => {
    const cache = new ByteBoundedCache<string>(30);
    cache.set("a", "A", 10);
    cache.set("b", "B", 10);
    cache.set("c", "C", 10);
    expect(cache.get("a")).toBe("A");
    cache.set("d", "D", 10);
    expect([cache.get("a"), cache.get("b"), cache.get("c"), cache.get("d")]).toEqual(["A", undefined, "C", "D"]);
    expect(cache.bytes).toBe(30);
  });

  it("replacing a key counts its bytes once, and an entry larger than the budget is not kept", () => {
    const cache = new ByteBoundedCache<string>(50);
    cache.set("a", "1", 20);
    cache.set("a", "2", 25);
    expect(cache.bytes).toBe(25);
    expect(cache.size).toBe(1);
    cache.set("huge", "x", 51);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("a")).toBe("2");
  });
});
