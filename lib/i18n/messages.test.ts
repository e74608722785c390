import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every message exists in both languages, with the same placeholders. */
const dir = path.join(import.meta.dirname, "messages");

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as Record<string, unknown>).map(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key)));
}

function load(locale: string): Record<string, string> {
  const files = readdirSync(path.join(dir, locale)).filter((file) => file.endsWith(".json"));
  return Object.assign({}, ...files.map((file) => flatten(JSON.parse(readFileSync(path.join(dir, locale, file), "utf8")), path.basename(file, ".json"))));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((match) => match[1]).sort();

describe("UI messages", () => {
  const en = load("en");
  const ko = load("ko");
  it("have the same keys in Korean and English", () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });
  it("use the same placeholders in both languages", () => {
    const mismatched = Object.keys(en).filter((key) => JSON.stringify(placeholders(en[key] ?? "")) !== JSON.stringify(placeholders(ko[key] ?? "")));
    expect(mismatched).toEqual([]);
  });
  it("are never empty", () => {
    expect([...Object.entries(en), ...Object.entries(ko)].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });
});
