import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "./config";
import { formatMessage } from "./format-message";
import { catalogueText } from "./translate";
import en from "./messages/en/errors.json";

/**
 * Every message of lib/server and lib/content that reaches the UI is a key of the `errors`
 * catalogue, never an English literal (docs/architecture.md, "Messages in the reader's
 * language"). The scan looks for the ways text is made there: an AppError or its helpers, a
 * `message:` / `error:` field (deck errors, CSV line errors, publish blockers, outcomes, zod's
 * `{ error }`), and zod's short form `.min(1, "…")`. Both catalogues having the same keys and
 * placeholders is lib/i18n/messages.test.ts's job; here: every key used exists.
 */
const ROOT = path.join(import.meta.dirname, "..", "..");
/** The deck format's schemas and checks live in lib/questions; their messages reach the deck editor. */
const SCANNED_FILES = [
  "lib/questions/template-schema.ts",
  "lib/questions/validate-item.ts",
  "lib/questions/template-limits.ts",
  // The request schemas, shared by routes and forms; account.ts is the register form's own English.
  ...["ids", "limits", "classes", "exam-dates", "exams", "review"].map((name) => `lib/schemas/${name}.ts`),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = `${dir}/${name}`;
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    // Tests and their fixtures are not shown to anyone.
    return /\.ts$/.test(name) && !/\.test\.ts$|fixtures?\.ts$/.test(name) ? [relative] : [];
  });
}

/**
 * The API's route handlers (app/api/…/route.ts) and the schemas beside them parse input with zod:
 * a refusal's message reaches the client as written.
 */
const SCANNED_DIRS = ["lib/server", "lib/server-shared", "lib/content", "app/api"];
const files = [...SCANNED_DIRS.flatMap(sourceFiles), ...SCANNED_FILES];
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

/** A string or template literal that holds words (not "", not a path such as "/login"). */
const TEXT = String.raw`(["'\x60])(?!\/)[^"'\x60]*[A-Za-z]{2}`;
const LITERAL_TEXT: readonly [string, RegExp][] = [
  ["AppError with English text", new RegExp(String.raw`new AppError\(\s*[^,]+,\s*` + TEXT)],
  ["error helper with English text", new RegExp(String.raw`\b(?:badRequest|unauthorized|forbidden|notFound|conflict)\(\s*` + TEXT)],
  ["tooManyRequests with English text", new RegExp(String.raw`\btooManyRequests\([^,]+,\s*` + TEXT)],
  ["message or error field with English text", new RegExp(String.raw`\b(?:message|error):\s*` + TEXT)],
  ["zod check with English text", new RegExp(String.raw`\.(?:min|max|length|regex|refine|email|nonempty)\((?:[^()]|\([^()]*\))*?,\s*` + TEXT)],
];

function literalTexts(file: string): string[] {
  const lines = withoutComments(readFileSync(path.join(ROOT, file), "utf8")).split("\n");
  return lines.flatMap((line, index) => LITERAL_TEXT.filter(([, pattern]) => pattern.test(line)).map(([what]) => `${file}:${index + 1}: ${what}: ${line.trim().slice(0, 120)}`));
}

/** Keys named in `msg(…)` / `packMessage(…)` calls (both branches of a `cond ? "a" : "b"`) and hint tables. */
function usedKeys(file: string): string[] {
  const text = withoutComments(readFileSync(path.join(ROOT, file), "utf8"));
  const calls = [...text.matchAll(/\b(?:msg|packMessage)\(\s*([^,)]+)/g)].flatMap((match) => [...(match[1] ?? "").matchAll(/"([\w.]+)"/g)].map((key) => key[1] ?? ""));
  const hints = [...text.matchAll(/:\s*"(deckFile\.[a-z]\w*)"/g)].map((match) => match[1] ?? "");
  return [...calls, ...hints];
}

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as Record<string, unknown>).map(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key)));
}

describe("user-facing text of lib/server and lib/content", () => {
  it("scans the files it means to", () => {
    // A moved folder must not silently empty the scan.
    expect(files.length).toBeGreaterThan(80);
    expect(files).toContain("lib/server-shared/errors.ts");
    expect(files).toContain("lib/content/parse-deck.ts");
    expect(files).toContain("app/api/account/route.ts");
  });

  it("makes no message from an English literal", () => {
    expect(files.flatMap(literalTexts)).toEqual([]);
  });

  it("the scan recognises the constructions it forbids", () => {
    const caught = (line: string) => LITERAL_TEXT.some(([, pattern]) => pattern.test(line));
    expect(caught(`throw notFound("No such deck.");`)).toBe(true);
    expect(caught("throw new AppError(409, `Deck ${id} is taken.`, { id: [msg(\"deck.takenField\")] });")).toBe(true);
    expect(caught(`return tooManyRequests(wait, "Slow down.");`)).toBe(true);
    expect(caught(`errors.push({ line: 1, message: "no cards in the file" });`)).toBe(true);
    expect(caught(`z.string({ error: "expected an id" })`)).toBe(true);
    expect(caught(`z.array(deckIdSchema).min(1, "Choose at least one deck.")`)).toBe(true);
    expect(caught(`throw notFound(msg("deck.notFound"));`)).toBe(false);
    expect(caught(`z.string({ error: packMessage("deckFile.expectedId") })`)).toBe(false);
    expect(caught(`pages: { signIn: "/login", error: "/login" },`)).toBe(false);
  });

  it("uses only keys that exist in the catalogue", () => {
    const used = [...new Set(files.flatMap(usedKeys))];
    expect(used.length).toBeGreaterThan(150);
    for (const locale of locales) expect(used.filter((key) => catalogueText(locale, key) === undefined), locale).toEqual([]);
  });

  it("formats every catalogue text with its own placeholders, in both languages", () => {
    for (const locale of locales) {
      for (const [key, text] of Object.entries(flatten(en))) {
        const own = catalogueText(locale, key) ?? "";
        // ICU quoting ('{…') is not supported by the small formatter: braces go in through parameters.
        expect(own, key).not.toMatch(/'[{}]/);
        const names = [...text.matchAll(/\{(\w+)/g)].map((match) => match[1] ?? "");
        const params = Object.fromEntries(names.map((name) => [name, 2]));
        const formatted = formatMessage(own, params, locale);
        expect(formatted, `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });
});
