import { describe, expect, it } from "vitest";
import { parseDeck } from "./parse-deck";
import { derivedCardId, htmlToText, parseCardsCsv } from "./import-csv";
import { exportRows } from "./export-rows";
import { rowsToCsv } from "./export-csv";
import { markdownToAnkiHtml, rowsToAnki } from "./export-anki";
import { itemsYaml } from "./export-yaml";

const CONCEPTS = ["activation", "sgd"];
const options = { concepts: CONCEPTS };

describe("parseCardsCsv", () => {
  it("reads front, back, tags by position, with the concept from a tag", () => {
    const result = parseCardsCsv("What is ReLU?,\"max(0, z)\",activation\nWhat is an epoch?,One pass over the training data,concept::sgd extra-tag\n", options);
    expect(result.errors).toEqual([]);
    expect(result.rows).toBe(2);
    expect(result.cards).toEqual([
      {
        id: derivedCardId({ ko: "What is ReLU?", en: "What is ReLU?" }),
        concept: "activation",
        type: "qa",
        prompt: { ko: "What is ReLU?", en: "What is ReLU?" },
        answer: { ko: "max(0, z)", en: "max(0, z)" },
        explanation: { ko: "max(0, z)", en: "max(0, z)" },
      },
      expect.objectContaining({ concept: "sgd", prompt: { ko: "What is an epoch?", en: "What is an epoch?" } }),
    ]);
  });

  it("reads a header with both languages, ids, explanations and typed answers (TSV)", () => {
    const tsv = [
      "id\tfront_ko\tfront_en\tback_ko\tback_en\texplanation_en\texplanation_ko\taccept\ttags",
      "mnist-inputs\tMNIST 입력의 수는?\tHow many inputs does MNIST have?\t784\t784\t28 × 28 pixels\t28 × 28 픽셀\t784|28*28\tactivation",
    ].join("\n");
    const result = parseCardsCsv(tsv, { ...options, fileName: "cards.tsv" });
    expect(result.errors).toEqual([]);
    expect(result.cards[0]).toEqual({
      id: "mnist-inputs",
      concept: "activation",
      type: "qa",
      prompt: { ko: "MNIST 입력의 수는?", en: "How many inputs does MNIST have?" },
      answer: { ko: "784", en: "784" },
      accept: ["784", "28*28"],
      explanation: { ko: "28 × 28 픽셀", en: "28 × 28 pixels" },
    });
  });

  it("reports every broken line with its line number, and imports nothing from a broken sheet", () => {
    const csv = [
      "front,back,tags", // 1
      "What is ReLU?,max(0 z),activation", // 2
      ",missing front,activation", // 3
      "No back,,activation", // 4
      "Unknown concept,x,optimisers", // 5
      '"A cell with a ""quote"" and a', // 6: a quoted cell over two lines…
      'newline",fine,sgd', // 7 …is one row, starting at line 6
      "What is ReLU?,again,activation", // 8
      "Too,many,activation,cells,here", // 9
      '"never closed,x,sgd', // 10
    ].join("\n");
    const result = parseCardsCsv(csv, options);
    expect(result.errors.map((error) => `${error.line}: ${error.message}`)).toEqual([
      "3: front is empty",
      "4: back is empty",
      `5: no concept: tag the row with one of the deck's concepts (activation, sgd) or choose a default concept`,
      "8: the same front as line 2 (a card appears twice)",
      "9: 5 cells, but the header names 3 columns (quote a cell that contains the separator)",
      '10: a quoted cell is never closed: add the closing " (or double a " inside a quoted cell: "")',
    ]);
    expect(result.cards.map((card) => card.prompt.en)).toEqual(["What is ReLU?", 'A cell with a "quote" and a\nnewline']);
  });

  it("uses the default concept, names unknown concept columns, and checks ids", () => {
    const csv = "front,back,concept,id\nA,B,,first-card\nC,D,optimisers,\nE,F,,Bad_Id\n";
    const result = parseCardsCsv(csv, { ...options, defaultConcept: "sgd" });
    expect(result.errors.map((error) => `${error.line}: ${error.message}`)).toEqual([
      '3: unknown concept "optimisers" (the deck has: activation, sgd)',
      '4: id "Bad_Id": ids are lower-case words joined by hyphens, e.g. relu-definition',
    ]);
    expect(result.cards).toEqual([expect.objectContaining({ id: "first-card", concept: "sgd" })]);
  });

  it("needs a front and a back column in a header", () => {
    const result = parseCardsCsv("front_en,tags\nA,sgd\n", options);
    expect(result.errors[0]).toMatchObject({ line: 1, code: "csv.needsFront", message: "the header needs a front column (or both front_ko and front_en)" });
  });

  it("counts lines after a byte-order mark, CRLF endings and blank lines", () => {
    const result = parseCardsCsv("\uFEFFA,B,sgd\r\n\r\n,C,sgd\r\n", options);
    expect(result.errors).toMatchObject([{ line: 3, code: "csv.emptyCell", message: "front is empty" }]);
  });

  it("reads Anki's file headers, HTML fields and tags column", () => {
    const text = "#separator:tab\n#html:true\n#notetype:Basic\n#deck:Demo\n#tags column:3\nWhat is <b>ReLU</b>?\tmax(0, z)<br>cuts negatives\tconcept::activation deepdrill\n\t\tsgd\n";
    const result = parseCardsCsv(text, options);
    expect(result.cards[0]).toMatchObject({ prompt: { en: "What is ReLU?" }, answer: { en: "max(0, z)\ncuts negatives" }, concept: "activation" });
    expect(result.errors).toMatchObject([{ line: 7, code: "csv.emptyCells", message: "front, back are empty" }]);
    expect(htmlToText("a &amp; b &lt;c&gt;")).toBe("a & b <c>");
  });
});

const DECK = parseDeck([
  { path: "demo/deck.yaml", text: "id: demo\ntitle: {ko: 데모, en: Demo}\nconcepts:\n  - {id: activation, ko: 활성화, en: Activation}\n  - {id: sgd, ko: SGD, en: SGD}\n" },
  {
    path: "demo/items.yaml",
    text: `templates:
  - id: demo-sigmoid
    concept: activation
    title: {ko: 시그모이드, en: Sigmoid}
    params: {z: -4..4}
    prompt: {ko: "$\\\\sigma({{z}})$의 값은?", en: "What is $\\\\sigma({{z}})$?"}
    answer: {calculator: activation, fn: sigmoid, z: =z, decimals: 3}
    solution: {ko: "$\\\\sigma(z) = 1/(1+e^{-z})$", en: "$\\\\sigma(z) = 1/(1+e^{-z})$ for z < 0 & z > 0"}
cards:
  - id: demo-mc
    concept: sgd
    type: mc
    prompt: {ko: 에폭이란?, en: What is an epoch?}
    options:
      - {ko: 훈련 데이터 한 바퀴, en: One pass over the training data, correct: true}
      - {ko: 미니배치 하나, en: One minibatch}
    explanation: {ko: 한 바퀴입니다., en: "One pass: every example once."}
  - id: demo-qa
    concept: sgd
    type: qa
    prompt: {ko: 배치 크기란?, en: What is the batch size?}
    answer: {ko: 미니배치의 예제 수, en: Examples per minibatch}
    explanation: {ko: 한 번의 경사 계산에 쓰는 예제 수., en: "Examples used per gradient step."}
`,
  },
]);

describe("CSV and Anki exports", () => {
  if (!DECK.ok) throw new Error(JSON.stringify(DECK.errors));
  const deck = DECK.deck;
  const rows = exportRows(deck, { samplesPerTemplate: 3 });

  it("has every static card once and a fixed sample of each template's variants", () => {
    expect(rows.map((row) => row.id)).toEqual(["demo-sigmoid-sample-1", "demo-sigmoid-sample-2", "demo-sigmoid-sample-3", "demo-mc", "demo-qa"]);
    expect(exportRows(deck, { samplesPerTemplate: 3 })).toEqual(rows);
    const sample = rows[0];
    expect(sample?.back.en).toMatch(/^\*\*Answer:\*\* -?0\.\d{1,3}\n\n/);
    expect(rows[3]?.front.en).toMatch(/What is an epoch\?\n\nA\. .+\nB\. .+/);
  });

  it("writes CSV that the importer reads back as static cards", () => {
    const csv = rowsToCsv(rows);
    expect(csv.startsWith("\uFEFFid,kind,item,concept,seed,params,front_ko,front_en,back_ko,back_en,tags\r\n")).toBe(true);
    const imported = parseCardsCsv(csv, { concepts: ["activation", "sgd"] });
    expect(imported.errors).toEqual([]);
    expect(imported.cards.map((card) => card.id)).toEqual(rows.map((row) => row.id));
    expect(imported.cards[4]).toMatchObject({ id: "demo-qa", concept: "sgd", prompt: { en: "What is the batch size?", ko: "배치 크기란?" } });
    // The imported cards are a valid cards file.
    const reparsed = parseDeck([
      { path: "demo/deck.yaml", text: "id: demo\ntitle: {ko: 데모, en: Demo}\nconcepts:\n  - {id: activation, ko: 활성화, en: Activation}\n  - {id: sgd, ko: SGD, en: SGD}\n" },
      { path: "demo/cards/imported.yaml", text: itemsYaml(imported.cards) },
    ]);
    expect(reparsed.ok).toBe(true);
  });

  it("writes Anki's text format with file headers, MathJax delimiters and escaped HTML", () => {
    const text = rowsToAnki(rows, { deckName: "DeepDrill::Demo", language: "en" });
    const lines = text.trimEnd().split("\n");
    expect(lines.slice(0, 5)).toEqual(["#separator:tab", "#html:true", "#notetype:Basic", "#deck:DeepDrill::Demo", "#tags column:3"]);
    expect(lines).toHaveLength(5 + rows.length);
    for (const line of lines.slice(5)) expect(line.split("\t")).toHaveLength(3);
    expect(lines[5]).toMatch(/^What is \\\(\\sigma\(-?\d\)\\\)\?\t<b>Answer:<\/b> /);
    expect(lines[5]).toContain("z &lt; 0 &amp; z &gt; 0");
    expect(lines[5]?.split("\t")[2]).toBe("deepdrill deck::demo concept::activation template::demo-sigmoid");
    expect(markdownToAnkiHtml("Sum:\n\n$$a + b$$\n\n- one\n- *two*")).toBe("Sum:<br><br>\\[a + b\\]<br><br><ul><li>one</li><li><i>two</i></li></ul>");
    // Anki's importer reads its own format back (the importer understands the headers).
    const again = parseCardsCsv(text, { concepts: ["activation", "sgd"] });
    expect(again.errors).toEqual([]);
    expect(again.cards).toHaveLength(rows.length);
  });
});
