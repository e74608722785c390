import { describe, expect, it } from "vitest";
import { unpackMessage } from "../i18n/message";
import { deckIdSchema, isId, isOpaqueId, MAX_ID_LENGTH, MAX_OPAQUE_ID_LENGTH } from "./ids";
import { classIdSchema } from "./classes";
import { answerSchema, MAX_ANSWER_LENGTH } from "./limits";

describe("ids", () => {
  it.each([
    ["islp-ch10", true],
    ["a", true],
    ["Islp-ch10", false],
    ["islp--ch10", false],
    ["-islp", false],
    ["islp_ch10", false],
    ["", false],
    ["a".repeat(MAX_ID_LENGTH), true],
    ["a".repeat(MAX_ID_LENGTH + 1), false],
  ])("isId(%j) is %s", (value, expected) => {
    expect(isId(value)).toBe(expected);
  });

  it.each([
    ["clx0abc_DEF-123", true],
    ["", false],
    ["has space", false],
    ["a/b", false],
    ["x".repeat(MAX_OPAQUE_ID_LENGTH), true],
    ["x".repeat(MAX_OPAQUE_ID_LENGTH + 1), false],
  ])("isOpaqueId(%j) is %s", (value, expected) => {
    expect(isOpaqueId(value)).toBe(expected);
  });

  it("the schemas agree with the predicates and carry their kind's message keys", () => {
    const keyOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => unpackMessage(result.error?.issues[0]?.message ?? "")?.code;
    expect(deckIdSchema.safeParse("islp-ch10").success).toBe(true);
    expect(keyOf(deckIdSchema.safeParse("Islp"))).toBe("request.deckIdForm");
    expect(keyOf(deckIdSchema.safeParse("a".repeat(MAX_ID_LENGTH + 1)))).toBe("request.deckIdLength");
    expect(classIdSchema.safeParse("clx0abc").success).toBe(true);
    expect(keyOf(classIdSchema.safeParse(""))).toBe("request.classIdRequired");
    expect(keyOf(classIdSchema.safeParse("a b"))).toBe("request.classIdForm");
    expect(keyOf(classIdSchema.safeParse("x".repeat(MAX_OPAQUE_ID_LENGTH + 1)))).toBe("request.classIdLength");
  });

  it("an answer is refused one character past the limit the answer fields use", () => {
    expect(answerSchema.safeParse("x".repeat(MAX_ANSWER_LENGTH)).success).toBe(true);
    const refused = answerSchema.safeParse("x".repeat(MAX_ANSWER_LENGTH + 1));
    expect(unpackMessage(refused.error?.issues[0]?.message ?? "")).toEqual({ code: "request.answerLength", params: { max: "2,000" } });
  });
});
