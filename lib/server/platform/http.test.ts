import { describe, expect, it } from "vitest";
import { z } from "zod";
import { registerSchema } from "@/lib/schemas/account";
import { AppError } from "@/lib/server-shared/errors";
import { MAX_JSON_DEPTH, parseJsonBody, route } from "./http";
import { msg } from "@/lib/i18n/message";
import { translate } from "@/lib/i18n/translate";

const post = (body: string) => new Request("http://localhost/api/x", { method: "POST", headers: { "content-type": "application/json" }, body });

async function refusal(body: string, schema: z.ZodType = z.unknown(), limit?: number) {
  try {
    await parseJsonBody(post(body), schema, limit);
    return null;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, message: error.message, fields: error.fields };
    throw error;
  }
}

describe("parseJsonBody on hostile bodies", () => {
  it.each([
    ["a lone high surrogate in a value", '{"email":"a@b.co","password":"long-enough","name":"\\ud800"}', "name"],
    ["a lone low surrogate", '{"email":"a@b.co","password":"long-enough","name":"x\\udc00y"}', "name"],
    ["a high surrogate followed by another high one", '{"email":"a@b.co","password":"long-enough","name":"\\ud800\\ud800"}', "name"],
    ["a lone surrogate deep in an array", '{"answers":[{"text":"ok"},{"text":"\\udbff"}]}', "answers.1.text"],
  ])("%s → 400 naming the field", async (_reason, body, field) => {
    const result = await refusal(body, field === "name" ? registerSchema : z.unknown());
    expect(result).toMatchObject({ status: 400, message: expect.stringMatching(/lone UTF-16 surrogate/), fields: { [field]: [expect.any(String)] } });
  });

  it("a lone surrogate in a key is refused too", async () => {
    expect(await refusal('{"\\ud800":1}')).toMatchObject({ status: 400 });
  });

  it("a proper pair (an emoji, escaped or not) and Korean text pass", async () => {
    expect(await parseJsonBody(post('{"a":"\\ud83d\\ude00","b":"😀","c":"한국어"}'), z.record(z.string(), z.string()))).toEqual({ a: "😀", b: "😀", c: "한국어" });
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels before parsing, even in a 4 MB body`, async () => {
    const depth = 2 * 1024 * 1024;
    const body = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    expect(await refusal(body, z.unknown(), 5 * 1024 * 1024)).toMatchObject({ status: 422, message: `Request body is nested more than ${MAX_JSON_DEPTH} levels deep.` });
    const objects = `${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${"}".repeat(MAX_JSON_DEPTH + 1)}`;
    expect(await refusal(objects)).toMatchObject({ status: 422 });
  });

  it("accepts nesting up to the limit, and brackets inside strings do not count", async () => {
    const deep = `${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`;
    await expect(parseJsonBody(post(deep), z.unknown())).resolves.toBeDefined();
    const inString = JSON.stringify({ text: `${"[{".repeat(500)} \\" ${"]}".repeat(500)}` });
    await expect(parseJsonBody(post(inString), z.object({ text: z.string() }))).resolves.toMatchObject({ text: expect.any(String) });
  });
});

describe("errors in the request's language", () => {
  const refuse = route(async () => {
    throw new AppError(409, msg("exam.inProgress"), { deckIds: [msg("exam.chooseOther")] });
  });
  const ask = (headers: Record<string, string>) => refuse(new Request("http://localhost/api/x", { headers }), undefined);

  it("answers {error, code, fields} in English by default, the text as before", async () => {
    const response = await ask({});
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: "You already have an exam in progress: finish it first.", code: "exam.inProgress", fields: { deckIds: ["Choose other decks."] } });
  });

  it("answers in Korean for a Korean browser, and the chosen language (cookie) wins over the browser's", async () => {
    const korean = await (await ask({ "accept-language": "ko-KR,ko;q=0.9" })).json();
    expect(korean).toMatchObject({ error: translate("ko", msg("exam.inProgress")), code: "exam.inProgress", fields: { deckIds: [translate("ko", msg("exam.chooseOther"))] } });
    expect(korean.error).toMatch(/[가-힣]/);
    expect(await (await ask({ "accept-language": "ko-KR", cookie: "a=b; NEXT_LOCALE=en" })).json()).toMatchObject({ error: "You already have an exam in progress: finish it first." });
    expect(await (await ask({ cookie: "NEXT_LOCALE=ko" })).json()).toMatchObject({ error: korean.error });
  });

  it("passes parameters on, and a nested message is translated with its sentence", async () => {
    const body = await (await route(async () => Response.json(await parseJsonBody(post('{"\\ud800":1}'), z.unknown())))(new Request("http://localhost/api/x", { headers: { "accept-language": "ko" } }), undefined)).json();
    expect(body.code).toBe("http.loneSurrogate");
    expect(body.error).toContain(translate("ko", msg("http.theBody")));
  });
});
