import { describe, expect, it } from "vitest";
import { checkAnswer } from "./check-answer";
import { makeVariant, itemVersion } from "./make-variant";
import { VariantError } from "./params";
import { staticCardSchema, templateSchema, type Template } from "./template-schema";
import { variantSeed } from "./variant-seed";
import { chooseVariantRequest } from "./variant-request";

const singleLayer: Template = templateSchema.parse({
  id: "single-layer-params",
  concept: "parameter-count",
  title: { ko: "단일층 신경망의 모수", en: "Parameters of a single-layer network" },
  params: { p: "2..20", K: "2..30" },
  prompt: { ko: "입력 {{p}}개, 은닉 유닛 {{K}}개, 출력 1개. 모수는?", en: "{{p}} inputs, {{K}} hidden units, one output. Parameters?" },
  answer: {
    architecture: { input: ["=p"], layers: [{ type: "dense", units: "=K", activation: "relu" }, { type: "dense", units: 1 }] },
    ask: "total",
    formula: "(p+1)*K + (K+1)*1",
  },
  solution: { ko: "은닉층과 출력층. {{@work}}", en: "Hidden and output layers. {{@work}}" },
  mistakes: [{ formula: "p*K + K", feedback: { ko: "편향을 빠뜨렸습니다.", en: "You left out the biases." } }],
  anchors: [{ id: "islp-figure-10-1", lab: true, label: { ko: "ISLP 그림 10.1", en: "ISLP Figure 10.1" }, params: { p: 4, K: 5 } }],
});

describe("makeVariant", () => {
  it("is a pure function of (template, seed)", () => {
    for (const seed of [0, 1, 42, 2 ** 32 - 1]) expect(makeVariant(singleLayer, seed)).toEqual(makeVariant(singleLayer, seed));
  });

  it("draws different numbers for different seeds", () => {
    const params = new Set(Array.from({ length: 50 }, (_, i) => JSON.stringify(makeVariant(singleLayer, i).params)));
    expect(params.size).toBeGreaterThan(40);
  });

  it("keeps drawn parameters inside their ranges", () => {
    for (let seed = 0; seed < 200; seed += 1) {
      const { p, K } = makeVariant(singleLayer, seed).params as { p: number; K: number };
      expect(p).toBeGreaterThanOrEqual(2);
      expect(p).toBeLessThanOrEqual(20);
      expect(K).toBeGreaterThanOrEqual(2);
      expect(K).toBeLessThanOrEqual(30);
    }
  });

  it("issues the anchored lab network with ISLP Figure 10.1's worked line", () => {
    const variant = makeVariant(singleLayer, 0, { anchor: "islp-figure-10-1" });
    expect(variant.anchor).toEqual({ id: "islp-figure-10-1", label: { ko: "ISLP 그림 10.1", en: "ISLP Figure 10.1" }, lab: true });
    expect(variant.params).toEqual({ p: 4, K: 5 });
    // ISLP §10.1: "(4+1)·5 + (5+1)·1 = 31" parameters (the book's own figure; the model core derives it).
    expect(variant.expectedAnswer).toEqual({ format: "integer", value: 31 });
    expect(variant.solution.en).toContain("(p + 1) \\cdot K + (K + 1) \\cdot 1 = (4 + 1) \\cdot 5 + (5 + 1) \\cdot 1 = 31");
    expect(variant.prompt.ko).toContain("**ISLP 그림 10.1**");
    expect(variant.prompt.en).toContain("4 inputs, 5 hidden units");
  });

  it("stores the filled network, the verification request and the mistakes", () => {
    const variant = makeVariant(singleLayer, 0, { anchor: "islp-figure-10-1" });
    expect(variant.architecture?.layers.map((layer) => layer.type)).toEqual(["dense", "dense"]);
    expect(variant.verification).toMatchObject({ kind: "architecture", ask: "total", layerIndex: null });
    expect(variant.mistakes).toEqual([{ value: 25, feedback: { ko: "편향을 빠뜨렸습니다.", en: "You left out the biases." } }]);
    expect(checkAnswer(variant, "25").mistake?.en).toBe("You left out the biases.");
  });

  it("changes its version when the template changes, and only then", () => {
    const edited = { ...singleLayer, params: { p: "2..21", K: "2..30" } };
    expect(itemVersion(singleLayer)).toBe(makeVariant(singleLayer, 3).templateVersion);
    expect(itemVersion(structuredClone(singleLayer))).toBe(itemVersion(singleLayer));
    expect(itemVersion(edited)).not.toBe(itemVersion(singleLayer));
  });

  it("refuses a template whose formula disagrees with the model core", () => {
    const wrong = { ...singleLayer, answer: { ...singleLayer.answer, formula: "p*K + K + 1" } } as Template;
    expect(() => makeVariant(wrong, 0)).toThrow(VariantError);
    expect(() => makeVariant(wrong, 0)).toThrow(/gives .* but the answer is/);
  });

  it("refuses constraints that can never hold, and unknown anchors", () => {
    const impossible = { ...singleLayer, constraints: ["p > 100"] };
    expect(() => makeVariant(impossible, 0)).toThrow(/constraints/);
    expect(() => makeVariant(singleLayer, 0, { anchor: "nope" })).toThrow(/no anchor/);
  });

  it("asks a layer by id and reads shapes from the model core", () => {
    const w1 = templateSchema.parse({
      ...singleLayer,
      id: "w1",
      answer: {
        architecture: { input: ["=p"], layers: [{ id: "hidden", type: "dense", units: "=K" }, { type: "dense", units: 10 }] },
        ask: "islp-weight-shape",
        layer: "hidden",
      },
      mistakes: [{ shape: ["p", "K"], feedback: { ko: "바이어스 행", en: "bias row" } }],
      anchors: [{ id: "mnist", label: { ko: "MNIST", en: "MNIST" }, params: { p: 784, K: 256 } }],
    });
    const variant = makeVariant(w1, 0, { anchor: "mnist" });
    // ISLP §10.2: W₁ is 785 × 256.
    expect(variant.expectedAnswer).toEqual({ format: "shape", value: [785, 256] });
    expect(checkAnswer(variant, "785×256").status).toBe("correct");
    expect(checkAnswer(variant, "(784, 256)").mistake?.en).toBe("bias row");
  });
});

describe("a matrix answer's misconceptions", () => {
  const flipped = { ko: "필터 뒤집기", en: "flipped filter" };
  const featureMap = (filter: number[][]): Template =>
    templateSchema.parse({
      id: "conv-feature-map",
      concept: "convolution",
      title: { ko: "특징 맵", en: "Feature map" },
      params: { X: { matrix: [3, 3], values: "0..2" }, F: { matrix: [2, 2], values: "-1..1" } },
      prompt: { ko: "{{X}}, {{F}}", en: "{{X}}, {{F}}" },
      answer: { calculator: "conv2d", image: "X", filter: "F" },
      solution: { ko: "{{@work}}", en: "{{@work}}" },
      mistakes: [{ misconception: "flipped-filter", feedback: flipped }],
      anchors: [{ id: "given", label: { ko: "주어진 값", en: "Given" }, params: { X: [[1, 2, 0], [0, 1, 2], [2, 0, 1]], F: filter } }],
    });

  it("stores the map the flipped filter gives: the answer of the same image with the filter turned by hand", () => {
    const variant = makeVariant(featureMap([[1, 0], [2, -1]]), 0, { anchor: "given" });
    // The same filter turned half a turn, written out: its cross-correlation is the true convolution.
    const turned = makeVariant(featureMap([[-1, 2], [0, 1]]), 0, { anchor: "given" });
    expect(variant.mistakes).toEqual([{ value: turned.expectedAnswer.format === "matrix" ? turned.expectedAnswer.value : null, feedback: flipped }]);
    const typed = turned.expectedAnswer.format === "matrix" ? turned.expectedAnswer.value.map((row) => row.join(" ")).join("; ") : "";
    expect(checkAnswer(variant, typed)).toMatchObject({ status: "wrong", mistake: flipped });
  });

  it("lists none when the filter is its own half turn (the slip cannot be seen)", () => {
    expect(makeVariant(featureMap([[1, 0], [0, 1]]), 0, { anchor: "given" }).mistakes).toEqual([]);
  });

  it("every drawn variant carries the flipped map unless the filter is symmetric", () => {
    for (let seed = 0; seed < 50; seed += 1) {
      const variant = makeVariant(featureMap([[0, 0], [0, 0]]), seed);
      const F = variant.params.F as number[][];
      const symmetric = F[0]?.[0] === F[1]?.[1] && F[0]?.[1] === F[1]?.[0];
      expect(variant.mistakes.length).toBe(symmetric ? 0 : 1);
    }
  });
});

describe("static cards as variants", () => {
  it("shuffles multiple-choice options by seed and tracks the correct letter", () => {
    const card = staticCardSchema.parse({
      id: "why-relu",
      concept: "activation",
      type: "mc",
      prompt: { ko: "왜 ReLU?", en: "Why ReLU?" },
      options: [
        { ko: "효율적", en: "Efficient", correct: true },
        { ko: "확률", en: "A probability", feedback: { ko: "시그모이드", en: "That is the sigmoid" } },
        { ko: "모수", en: "Parameters" },
      ],
      explanation: { ko: "설명", en: "Explanation" },
    });
    const orders = new Set<string>();
    for (let seed = 0; seed < 30; seed += 1) {
      const variant = makeVariant(card, seed);
      orders.add(variant.choices?.map((c) => c.text.en).join("|") ?? "");
      const letter = variant.expectedAnswer.format === "choice" ? variant.expectedAnswer.value : "";
      expect(variant.choices?.find((c) => c.letter === letter)?.text.en).toBe("Efficient");
      const sigmoidLetter = variant.choices?.find((c) => c.text.en === "A probability")?.letter ?? "";
      expect(checkAnswer(variant, sigmoidLetter).mistake?.en).toBe("That is the sigmoid");
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it("reads a numeric cloze blank as a number", () => {
    const card = staticCardSchema.parse({
      id: "mnist-total",
      concept: "weight-matrix",
      type: "cloze",
      text: { ko: "모수는 [[235,146]]개", en: "It has [[235,146|235146]] parameters" },
      explanation: { ko: "설명", en: "Explanation" },
    });
    const variant = makeVariant(card, 0);
    expect(variant.prompt.en).toBe("It has \\_\\_\\_\\_\\_ parameters");
    expect(variant.expectedAnswer).toEqual({ format: "integer", value: 235146 });
    expect(checkAnswer(variant, "235 146").status).toBe("correct");
  });
});

describe("variantSeed and the review's variant", () => {
  it("is stable across releases (golden values) and distinct per user and review", () => {
    expect(variantSeed("single-layer-params", "user-1", 0)).toBe(3429205151);
    expect(variantSeed("single-layer-params", "user-1", 1)).toBe(3451613050);
    expect(variantSeed("single-layer-params", "user-2", 0)).toBe(1489085020);
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => variantSeed("t", "u", i)));
    expect(seeds.size).toBe(1000);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
  });

  it("shows the lab's network at the first review, fresh numbers after", () => {
    expect(chooseVariantRequest(singleLayer, "user-1", 0).options).toEqual({ anchor: "islp-figure-10-1" });
    expect(chooseVariantRequest(singleLayer, "user-1", 1).options).toEqual({});
    expect(() => variantSeed("t", "u", -1)).toThrow(RangeError);
  });
});
