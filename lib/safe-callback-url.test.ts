import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["a same-site path is kept", "/review", "/review"],
    ["query strings and fragments are kept", "/decks/islp-ch10?x=1#card-3", "/decks/islp-ch10?x=1#card-3"],
    ["percent-encoded paths are kept as they are", "/practice/%EC%8B%A0%EA%B2%BD", "/practice/%EC%8B%A0%EA%B2%BD"],
    ["dot segments are resolved on this site", "/a/../stats", "/stats"],
    ["absolute URLs are refused", "https://evil.example/", "/"],
    ["other schemes are refused", "javascript:alert(1)", "/"],
    ["protocol-relative URLs are refused", "//evil.example", "/"],
    ["a path that resolves to //host is refused", "/.//evil.example", "/"],
    ["a backslash is refused", "/\\evil.example", "/"],
    ["a tab (browsers drop it: //evil.example) is refused", "/\t/evil.example", "/"],
    ["a newline is refused (it would break the Location header)", "/\n/evil.example", "/"],
    ["a carriage return is refused", "/\r/evil.example", "/"],
    ["a C1 control character is refused", "/\u0085/evil.example", "/"],
    ["a space stays in the path, encoded", "/ /evil.example", "/%20/evil.example"],
    ["other Unicode is encoded, never read as a host", "/\u3000evil", "/%E3%80%80evil"],
    ["an absurdly long value is refused", `/${"a".repeat(5000)}`, "/"],
    ["a relative path without a slash is refused", "review", "/"],
    ["empty → home", "", "/"],
    ["missing → home", undefined, "/"],
    ["not a string → home", 42, "/"],
    ["the first of repeated parameters", ["/stats", "/x"], "/stats"],
  ] as const)("%s", (reason, input, expected) => {
    expect(safeCallbackUrl(input), reason).toBe(expected);
  });

  it("never returns anything that resolves off this site, whatever the input", () => {
    const tricky = ["/%09/evil.example", "/\t\\evil", "/.//evil.example", "/..//evil.example", "/%2F%2Fevil.example", "/\u2028//evil", "/@evil.example", "/:evil.example"];
    for (const input of tricky) {
      const result = safeCallbackUrl(input);
      expect(new URL(result, "https://app.example").host, input).toBe("app.example");
      expect(result).not.toMatch(/[\u0000-\u001f\\]/);
    }
  });
});
