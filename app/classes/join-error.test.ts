import { createTranslator } from "next-intl";
import enClasses from "@/lib/i18n/messages/en/classes.json";
import koClasses from "@/lib/i18n/messages/ko/classes.json";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, callApi } from "@/lib/api-client";
import { joinErrorMessage } from "./join-error";

/** What the join form shows on failure, with the real message files of both languages. */

const translator = (locale: "en" | "ko") => createTranslator({ locale, messages: { classes: locale === "en" ? enClasses : koClasses }, namespace: "classes" });

describe("join form errors", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("a 429 from the join API carries its Retry-After to the form", async () => {
    const response = Response.json({ error: "Too many wrong join codes." }, { status: 429, headers: { "Retry-After": "890" } });
    vi.stubGlobal("fetch", vi.fn(async () => response));
    const error = await callApi("POST", "/api/classes/join", { code: "ABCD-EFGH" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 890 });
  });

  it("says how many minutes to wait, in English and Korean", () => {
    const throttled = (seconds: number | null) => new ApiError(429, { error: "Too many wrong join codes." }, seconds);
    expect(joinErrorMessage(throttled(890), translator("en"))).toBe("Too many wrong join codes. Check the code with your instructor and try again in 15 minutes.");
    expect(joinErrorMessage(throttled(60), translator("en"))).toBe("Too many wrong join codes. Check the code with your instructor and try again in 1 minute.");
    // Under a minute still reads as "1 minute", never "0 minutes".
    expect(joinErrorMessage(throttled(5), translator("en"))).toMatch(/in 1 minute\.$/);
    // Without a Retry-After the whole window is the honest wait.
    expect(joinErrorMessage(throttled(null), translator("en"))).toMatch(/in 15 minutes\.$/);
    expect(joinErrorMessage(throttled(890), translator("ko"))).toBe("잘못된 참여 코드를 너무 많이 입력했습니다. 강사에게 코드를 확인한 뒤 15분 후에 다시 시도하세요.");
  });

  it("keeps the unknown-code message and passes any other error through", () => {
    expect(joinErrorMessage(new ApiError(404, { error: "No class" }), translator("en"))).toBe("No class has this join code. Check it with your instructor.");
    expect(joinErrorMessage(new ApiError(409, { error: "This is your own class: you teach it, you cannot join it." }), translator("ko"))).toBe("This is your own class: you teach it, you cannot join it.");
  });
});
