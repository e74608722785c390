import { expect, test, type APIRequestContext } from "@playwright/test";
import { PASSWORD, uniqueEmail } from "./helpers";

/**
 * The sign-in limit against the production app, with the bodies next-auth accepts: a form, a JSON
 * body, and a form whose e-mail field is repeated (next-auth keeps the last value). A request that
 * reaches the password check answers 401; one stopped by the limit answers 429.
 */

type Shape = "form" | "json" | "repeated";

async function csrfToken(request: APIRequestContext): Promise<string> {
  return ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

function attempt(request: APIRequestContext, csrf: string, shape: Shape, email: string, password: string, address: string) {
  const url = "/api/auth/callback/credentials";
  const common = { maxRedirects: 0, failOnStatusCode: false } as const;
  if (shape === "json") {
    return request.post(url, { ...common, headers: { "x-forwarded-for": address, "content-type": "application/json" }, data: JSON.stringify({ email, password, csrfToken: csrf, json: "true" }) });
  }
  const fields = new URLSearchParams();
  if (shape === "repeated") fields.append("email", uniqueEmail("decoy"));
  fields.append("email", email);
  fields.append("password", password);
  fields.append("csrfToken", csrf);
  fields.append("json", "true");
  return request.post(url, { ...common, headers: { "x-forwarded-for": address, "content-type": "application/x-www-form-urlencoded" }, data: fields.toString() });
}

const shapes: Shape[] = ["form", "json", "repeated"];

test("20 parallel wrong sign-ins for one e-mail in mixed body shapes: at most 5 reach the password check", async ({ request }) => {
  const email = uniqueEmail("burst");
  expect((await request.post("/api/register", { headers: { "x-forwarded-for": "192.0.2.200" }, data: { email, password: PASSWORD, name: "Burst" } })).status()).toBe(201);
  const csrf = await csrfToken(request);
  const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(request, csrf, shapes[i % 3]!, email, `wrong-${i}`, `198.18.${i}.1`)));
  const statuses = responses.map((response) => response.status());
  expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
  expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(15);
  // The right password, in each shape and from a fresh address, is refused while the e-mail is locked.
  for (const [i, shape] of shapes.entries()) {
    const blocked = await attempt(request, csrf, shape, email, PASSWORD, `198.19.${i}.1`);
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(800);
  }
});

test("sequential wrong guesses in JSON and with a decoy e-mail first are counted for the e-mail next-auth checks", async ({ request }) => {
  const csrf = await csrfToken(request);
  for (const shape of ["json", "repeated"] as const) {
    const email = uniqueEmail(`seq-${shape}`);
    await request.post("/api/register", { headers: { "x-forwarded-for": "192.0.2.201" }, data: { email, password: PASSWORD, name: "Seq" } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await attempt(request, csrf, shape, email, "wrong-password", `198.20.${shape.length}.${i}`)).status());
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await attempt(request, csrf, shape, email, PASSWORD, "198.20.99.1")).status()).toBe(429);
  }
});

test("a malformed or oversized sign-in body is a 4xx, never a 5xx", async ({ request }) => {
  const url = "/api/auth/callback/credentials";
  const broken = await request.post(url, { headers: { "content-type": "application/json" }, data: Buffer.from('{"email": '), failOnStatusCode: false, maxRedirects: 0 });
  expect(broken.status()).toBe(400);
  const huge = await request.post(url, { headers: { "content-type": "application/x-www-form-urlencoded" }, data: `email=${"a".repeat(100_000)}`, failOnStatusCode: false, maxRedirects: 0 });
  expect(huge.status()).toBe(413);
});
