import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/review", "/review", "a same-site path is kept"],
    ["/decks/islp-ch10?x=1", "/decks/islp-ch10?x=1", "query strings are kept"],
    ["https://evil.example/", "/", "absolute URLs are refused"],
    ["//evil.example", "/", "protocol-relative URLs are refused"],
    ["/\\evil.example", "/", "backslash tricks are refused"],
    [undefined, "/", "missing → home"],
    [["/stats", "/x"], "/stats", "the first of repeated parameters"],
  ] as const)("%s → %s (%s)", (input, expected, _reason) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});
