/**
 * Stable hashing for seeds and template versions, without `node:crypto` so that the module also
 * runs in the browser. `hash53` is cyrb53 (bryc, public domain): two 32-bit multiply-xorshift lanes
 * combined into a 53-bit integer. Not cryptographic; collisions only matter for cache keys and
 * version labels, where 2⁻⁵³ is plenty.
 */

export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * JSON with object keys sorted at every depth, so that two equal values (however their keys were
 * ordered when written) serialise identically. `undefined` members are dropped, as JSON does.
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : stableStringify(item))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(",")}}`;
}

/** A content hash of a JSON value as 14 hex digits (e.g. a template's version). */
export function contentHash(value: unknown): string {
  return hash53(stableStringify(value)).toString(16).padStart(14, "0");
}
