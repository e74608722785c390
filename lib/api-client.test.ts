import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { api, ApiError, callApi, errorText } from "./api-client";

/**
 * api(): the live preview aborts the previous request on every keystroke. An answer aborted after
 * its headers came, while its body was still on the way, must reject like any aborted request: it
 * used to resolve with null, and the preview then crashed on `null.items`.
 */

let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/refused") {
      // The body lib/server/http.ts's jsonError sends.
      response.writeHead(422, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ error: "date must be between 2000 and 2199.", code: "request.dateRange", params: { from: 2000, to: 2199 }, fields: { date: ["date must be between 2000 and 2199."] } }));
      return;
    }
    if (request.url === "/gone") {
      response.writeHead(204);
      response.end();
      return;
    }
    if (request.url === "/stalled") {
      // Headers and half a JSON body, then nothing.
      response.writeHead(200, { "Content-Type": "application/json" });
      response.write('{"items":');
      return;
    }
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end('{"items":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("api", () => {
  it("returns the parsed answer", async () => {
    expect(await api<{ items: unknown[] }>(`${base}/ok`, { body: {} })).toEqual({ items: [] });
  });

  it("rejects with AbortError when aborted while the body is read, never resolves null", async () => {
    const controller = new AbortController();
    // Abort once fetch has the headers, so that the abort hits the body.
    const realFetch = globalThis.fetch;
    let gotHeaders: () => void = () => {};
    const headers = new Promise<void>((resolve) => (gotHeaders = resolve));
    vi.spyOn(globalThis, "fetch").mockImplementation(async (...args) => {
      const response = await realFetch(...args);
      gotHeaders();
      return response;
    });
    const outcome = api(`${base}/stalled`, { body: {}, signal: controller.signal }).then(
      (value) => ({ resolved: value }),
      (error: unknown) => ({ rejected: error instanceof Error ? error.name : String(error) }),
    );
    await headers;
    controller.abort();
    expect(await outcome).toEqual({ rejected: "AbortError" });
  });

  it("reads the API's error body into one ApiError: text, catalogue key, parameters and field messages", async () => {
    const error = await callApi("PUT", `${base}/refused`, { date: "1999-01-01" }).catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, message: "date must be between 2000 and 2199.", code: "request.dateRange", params: { from: 2000, to: 2199 }, fields: { date: ["date must be between 2000 and 2199."] } });
    expect(errorText(error)).toBe("date must be between 2000 and 2199. date must be between 2000 and 2199.");
  });

  it("a 204 is undefined", async () => {
    expect(await callApi("DELETE", `${base}/gone`)).toBeUndefined();
  });
});
