import { describe, expect, it } from "vitest";
import { resolveLocale } from "./config";

describe("resolveLocale", () => {
  it.each([
    [undefined, null, "en", "nothing known: English"],
    [undefined, "ko-KR,ko;q=0.9,en-US;q=0.8", "ko", "Korean browser"],
    [undefined, "en-US,en;q=0.9,ko;q=0.8", "en", "English browser that also reads Korean"],
    [undefined, "fr-FR,fr;q=0.9,ko;q=0.5", "ko", "first supported language in preference order"],
    [undefined, "en;q=0.2,ko;q=0.9", "ko", "q-values decide, not position"],
    [undefined, "ko;q=0", "en", "q=0 means not acceptable"],
    ["en", "ko-KR", "en", "an explicit choice beats the browser"],
    ["de", "ko-KR", "ko", "an unknown cookie value is ignored"],
  ] as const)("cookie %s, Accept-Language %s → %s (%s)", (cookie, header, expected, _reason) => {
    expect(resolveLocale(cookie, header)).toBe(expected);
  });
});
