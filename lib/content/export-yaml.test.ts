import { english } from "../i18n/translate";
import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseDeck, type DeckFileText } from "./parse-deck";
import type { Deck } from "./deck-schema";
import { loadDeckDir } from "./load-decks";
import { deckToFiles } from "./export-yaml";
import { zipFiles, crc32 } from "./export-zip";
import { deckFilesFromUpload } from "./import-yaml";
import { unzipFiles, isZip, ZipError } from "./import-zip";
import { deflatedZip } from "./testing/zip-fixtures";

const ISLP = path.join(import.meta.dirname, "../../content/decks/islp-ch10");

/** Everything that makes a deck the same deck (locations and file are where it happens to be written). */
function essence(deck: Deck) {
  const { locations: _locations, file: _file, ...rest } = deck;
  return rest;
}

function reparse(files: DeckFileText[]): Deck {
  const result = parseDeck(files);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
  return result.deck;
}

const SMALL_DECK = (id: string): DeckFileText[] => [
  { path: `decks/${id}/deck.yaml`, text: `id: ${id}\ntitle: {ko: "  작은 덱 ", en: Small deck}\nconcepts:\n  - {id: counting, ko: 세기, en: Counting}\n` },
  {
    path: `decks/${id}/templates/dense.yaml`,
    text: `templates:
  - id: ${id}-dense
    concept: counting
    title: {ko: 모수, en: Parameters}
    params: {p: 2..20, K: "8..64 step 8", act: [relu, sigmoid]}
    prompt:
      ko: "입력 {{p}}개, 은닉 {{K}}개 ({{act}})"
      en: "{{p}} inputs, {{K}} hidden units ({{act}}): how many parameters?"
    answer:
      architecture:
        input: [=p]
        layers:
          - {type: dense, units: =K, activation: =act}
          - {type: dense, units: 1}
      ask: total
      formula: (p+1)*K + K + 1
    solution:
      ko: |-
        두 층의 가중치와 편향을 셉니다.

        {{@work}}
      en: |-
        Count the weights and biases of both layers.

        {{@work}}
`,
  },
  {
    path: `decks/${id}/cards/facts.yaml`,
    text: `cards:
  - id: ${id}-relu
    concept: counting
    type: tf
    statement: {ko: "ReLU는 선형이다: 참?", en: "ReLU is linear: true?"}
    answer: false
    explanation: {ko: 구간별 선형입니다., en: "It is piecewise linear: max(0, z)."}
`,
  },
];

describe("deck export → import (YAML in the content/ format)", () => {
  it("gives the same islp-ch10 deck: items, order, texts and version hash", async () => {
    const { deck } = await loadDeckDir(ISLP);
    if (!deck) throw new Error("islp-ch10 does not load");
    const files = deckToFiles(deck, { comment: "Exported from DeepDrill" });
    expect(files.map((file) => file.path)).toEqual([
      "deck.yaml",
      "cards/basics.yaml",
      "cards/beyond-notes.yaml",
      "cards/cnn-and-rnn.yaml",
      "cards/course-points.yaml",
      "cards/mnist-and-lab.yaml",
      "templates/cnn.yaml",
      "templates/course-points.yaml",
      "templates/multilayer.yaml",
      "templates/rnn.yaml",
      "templates/single-layer.yaml",
      "templates/training.yaml",
    ]);
    const again = reparse(files.map((file) => ({ path: `exported/islp-ch10/${file.path}`, text: file.text })));
    expect(essence(again)).toEqual(essence(deck));
    expect(again.version).toBe(deck.version);
    // And once more: an export of the import is the same text.
    expect(deckToFiles(again, { comment: "Exported from DeepDrill" })).toEqual(files);
  });

  it("keeps a small deck (trimmed text, ranges, choices, quoted placeholders, booleans)", () => {
    const deck = reparse(SMALL_DECK("tiny"));
    const files = deckToFiles(deck);
    expect(files.find((file) => file.path === "templates/dense.yaml")?.text).toContain('"{{p}} inputs, {{K}} hidden units ({{act}}): how many parameters?"');
    const again = reparse(files);
    expect(essence(again)).toEqual(essence(deck));
    expect(again.version).toBe(deck.version);
    expect(again.title.ko).toBe("작은 덱");
  });

  it("writes a deck without known files as templates.yaml and cards.yaml, in deck order", () => {
    const deck = { ...reparse(SMALL_DECK("loose")), locations: {} };
    const files = deckToFiles(deck);
    expect(files.map((file) => file.path)).toEqual(["deck.yaml", "cards.yaml", "templates.yaml"]);
    expect(reparse(files).version).toBe(deck.version);
  });

  it("round-trips through a ZIP archive (stored by us, deflated by other archivers)", () => {
    const deck = reparse(SMALL_DECK("zipped"));
    const files = deckToFiles(deck);
    const zip = zipFiles(files.map((file) => ({ path: `zipped/${file.path}`, data: file.text })));
    expect(isZip(zip)).toBe(true);
    expect(zipFiles(files.map((file) => ({ path: `zipped/${file.path}`, data: file.text })))).toEqual(zip);
    const unzipped = unzipFiles(zip);
    const upload = deckFilesFromUpload(unzipped.map((file) => ({ path: file.path, text: new TextDecoder().decode(file.data) })));
    expect(upload.ok).toBe(true);
    if (!upload.ok) return;
    expect(upload.files).toEqual(files);
    expect(reparse(upload.files).version).toBe(deck.version);
  });

  it("reads deflated entries through the inflater it is given, and checks their CRC", () => {
    const text = "id: demo\n".repeat(50);
    const data = new TextEncoder().encode(text);
    const zip = deflatedZip("demo/deck.yaml", data);
    expect(() => unzipFiles(zip)).toThrow(ZipError);
    const files = unzipFiles(zip, { inflateRaw: (raw) => new Uint8Array(inflateRawSync(raw)) });
    expect(new TextDecoder().decode(files[0]?.data)).toBe(text);
    expect(crc32(new TextEncoder().encode("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
  });

  it("an entry that inflates past its declared size is a ZipError, not the inflater's RangeError", () => {
    const big = new Uint8Array(1024 * 1024).fill(0x61);
    const zip = deflatedZip("demo/deck.yaml", big, 100);
    const inflateRaw = (raw: Uint8Array, expectedSize: number) => new Uint8Array(inflateRawSync(raw, { maxOutputLength: Math.max(1, expectedSize) }));
    expect(() => unzipFiles(zip, { inflateRaw })).toThrow(/demo\/deck\.yaml: inflates to more than the 100 bytes it declares/);
    const garbage = deflatedZip("demo/deck.yaml", new Uint8Array([1, 2, 3]));
    garbage.fill(0xff, 30 + "demo/deck.yaml".length, 30 + "demo/deck.yaml".length + 2);
    expect(() => unzipFiles(garbage, { inflateRaw })).toThrow(ZipError);
  });

  it("refuses what is not a deck archive", () => {
    expect(() => unzipFiles(new TextEncoder().encode("not a zip"))).toThrow(/not a ZIP/);
    expect(() => unzipFiles(zipFiles([{ path: "a.yaml", data: "x".repeat(2000) }]), { maxBytes: 1000 })).toThrow(/more than/);
    const refusal = (files: Parameters<typeof deckFilesFromUpload>[0]) => {
      const upload = deckFilesFromUpload(files);
      return upload.ok ? "accepted" : english(upload.error);
    };
    expect(refusal([{ path: "a/templates.yaml", text: "templates: []" }])).toMatch(/no deck\.yaml/);
    expect(refusal([{ path: "../deck.yaml", text: "" }])).toMatch(/\.\./);
    expect(refusal([{ path: "a/deck.yaml", text: "" }, { path: "b/deck.yaml", text: "" }])).toMatch(/one deck at a time/);
    const upload = deckFilesFromUpload([
      { path: "x/deck.yaml", text: "\uFEFFid: x" },
      { path: "__MACOSX/x/._deck.yaml", text: "junk" },
      { path: "x/.hidden.yaml", text: "junk" },
      { path: "x/README.md", text: "junk" },
      { path: "elsewhere/other.yaml", text: "junk" },
    ]);
    expect(upload).toEqual({ ok: true, files: [{ path: "deck.yaml", text: "id: x" }] });
  });
});

describe("the example deck file itself", () => {
  it("is read from disk as UTF-8", () => {
    expect(readFileSync(path.join(ISLP, "deck.yaml"), "utf8")).toContain("id: islp-ch10");
  });
});
