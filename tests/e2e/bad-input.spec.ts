import { expect, test, type APIRequestContext } from "@playwright/test";
import { testDatabaseKind } from "../../lib/cli/scratch-database";
import { PASSWORD, uniqueEmail } from "./helpers";

/** Every bad request gets a 4xx with a message a person can act on: never a 5xx or a stack trace. */
const cases: { name: string; headers?: Record<string, string>; body: string | Buffer; status: number; message: RegExp }[] = [
  { name: "malformed JSON", body: '{"email": "a@b.co",', status: 400, message: /not valid JSON/ },
  { name: "empty body", body: "", status: 400, message: /empty/ },
  { name: "JSON that is not an object", body: "[1, 2, 3]", status: 422, message: /JSON object/ },
  { name: "wrong types", body: JSON.stringify({ email: 42, password: ["x"], name: { first: "A" } }), status: 422, message: /e-mail/ },
  { name: "a 3 MB e-mail address", body: JSON.stringify({ email: `${"a".repeat(3 * 1024 * 1024)}@example.com`, password: PASSWORD, name: "Big" }), status: 413, message: /too large/ },
  { name: "a NUL byte", body: Buffer.from(`{"email":"a\u0000b@example.com","password":"${PASSWORD}","name":"N"}`), status: 400, message: /NUL/ },
  { name: "a form-encoded body", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=a%40b.co&password=secret123&name=A", status: 415, message: /Content-Type: application\/json/ },
  { name: "invalid UTF-8", body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), status: 400, message: /UTF-8/ },
  { name: "a lone UTF-16 surrogate", body: `{"email":"lone@example.com","password":"${PASSWORD}","name":"\\ud800"}`, status: 400, message: /lone UTF-16 surrogate/ },
  { name: "JSON nested 10,000 deep", body: `${"[".repeat(10_000)}${"]".repeat(10_000)}`, status: 422, message: /nested more than/ },
];

for (const { name, headers, body, status, message } of cases) {
  test(`POST /api/register with ${name} → ${status}`, async ({ request }) => {
    const response = await request.post("/api/register", { headers: headers ?? { "content-type": "application/json" }, data: typeof body === "string" ? Buffer.from(body) : body });
    expect(response.status()).toBe(status);
    const json = await response.json();
    expect(json.error).toMatch(message);
    expect(JSON.stringify(json)).not.toMatch(/at .*\.(js|ts):\d+/);
  });
}

test("registration answers 201, then 409 for the same e-mail in any letter case", async ({ request }) => {
  const email = uniqueEmail();
  const created = await request.post("/api/register", { data: { email, password: PASSWORD, name: "Dup" } });
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({ user: { email, role: "student" } });
  const again = await request.post("/api/register", { data: { email: email.toUpperCase(), password: PASSWORD, name: "Dup" } });
  expect(again.status()).toBe(409);
});

test("GET /api/health reports the database and version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, db: testDatabaseKind(), version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
});

test("security headers are set", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("'wasm-unsafe-eval'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBeTruthy();
});

async function attemptSignIn(request: APIRequestContext, email: string, password: string, address: string) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    headers: { "x-forwarded-for": address },
    form: { email, password, csrfToken: csrf.csrfToken, json: "true" },
    maxRedirects: 0,
  });
}

test("after 5 failed sign-ins for one e-mail, the next attempt gets 429 with Retry-After", async ({ request }) => {
  const email = uniqueEmail("throttled");
  await request.post("/api/register", { data: { email, password: PASSWORD, name: "T" } });
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await attemptSignIn(request, email, "wrong-password", `198.51.100.${attempt + 1}`);
    expect(response.status()).toBe(401);
  }
  // Even the right password is refused while throttled, from a fresh address.
  const blocked = await attemptSignIn(request, email, PASSWORD, "198.51.100.99");
  expect(blocked.status()).toBe(429);
  const retryAfter = Number(blocked.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(800);
  expect(retryAfter).toBeLessThanOrEqual(900);
  expect((await blocked.json()).error).toMatch(/Too many failed sign-ins/);
});

test("after 5 failed sign-ins from one address, other e-mails from it are throttled too", async ({ request }) => {
  const address = "203.0.113.77";
  for (let attempt = 0; attempt < 5; attempt++) {
    expect((await attemptSignIn(request, uniqueEmail("nobody"), "whatever", address)).status()).toBe(401);
  }
  expect((await attemptSignIn(request, uniqueEmail("nobody"), "whatever", address)).status()).toBe(429);
});
