/**
 * ISLP chapter 10's published parameter counts (public facts, pinned), each checked against both
 * derivations: the closed form and a real TensorFlow.js build.
 */
import { describe, expect, it } from "vitest";
import { conventionDifference, deriveArchitecture, ISLP_ARCHITECTURES, validateSpec, type ArchitectureSpec } from "./index";
import { countWithTfjs, quietTfjs, verifyArchitecture } from "./tfjs";

quietTfjs();

function book(id: string): ArchitectureSpec {
  const entry = ISLP_ARCHITECTURES.find((architecture) => architecture.id === id);
  if (!entry) throw new Error(`no ISLP architecture ${id}`);
  const validation = validateSpec(entry.spec);
  if (!validation.ok) throw new Error(validation.error);
  return validation.spec;
}

function paramsWithWeights(spec: ArchitectureSpec): number[] {
  return deriveArchitecture(spec)
    .layers.filter((layer) => layer.params > 0)
    .map((layer) => layer.params);
}

describe("ISLP chapter 10 figures", () => {
  it.each([
    ["figure-10-1", 31, "Figure 10.1: 4 inputs, 5 hidden units, 1 output"],
    ["hitters", 1_051, "§10.9.1: Hitters 19 → 50 (dropout 0.4) → 1"],
    ["mnist-mlp", 235_146, "§10.2: MNIST 784 → 256 → 128 → 10"],
    ["mnist-multinomial", 7_850, "§10.2: multinomial logistic regression keeps all 10 classes in a framework"],
    ["cifar100-cnn", 964_516, "§10.3: the CIFAR100 CNN"],
    ["imdb-bag-of-words", 160_353, "§10.4: IMDB bag of words 10,003 → 16 → 16 → 1"],
    ["imdb-lstm", 328_577, "§10.5.1: IMDB LSTM counted by PyTorch (torchinfo)"],
    ["nyse-rnn", 217, "§10.5.2: NYSE nn.RNN(3, 12) + Linear(12, 1) counted by PyTorch"],
  ])("%s has %d parameters (%s)", (id, total) => {
    const spec = book(id);
    expect(deriveArchitecture(spec).total).toBe(total);
    const report = verifyArchitecture(spec);
    expect(report.total).toBe(total);
    expect(report.tfjs.agrees).toBe(true);
    expect(ISLP_ARCHITECTURES.find((entry) => entry.id === id)?.total).toBe(total);
  });

  it("MNIST MLP layers are 200,960 / 32,896 / 1,290 in both derivations, W₁ is 785 × 256", () => {
    const spec = book("mnist-mlp");
    expect(paramsWithWeights(spec)).toEqual([200_960, 32_896, 1_290]);
    expect(countWithTfjs(spec).layers.map((layer) => layer.params).filter((p) => p > 0)).toEqual([200_960, 32_896, 1_290]);
    expect(deriveArchitecture(spec).layers[0]?.islpWeightShape).toEqual([785, 256]);
  });

  it("CIFAR100 CNN: 896 / 18,496 / 73,856 / 295,168 / 524,800 / 51,300 and 32×32×32 → … → 2×2×256 → 1,024", () => {
    const spec = book("cifar100-cnn");
    const published = [896, 18_496, 73_856, 295_168, 524_800, 51_300];
    expect(paramsWithWeights(spec)).toEqual(published);
    expect(countWithTfjs(spec).layers.map((layer) => layer.params).filter((p) => p > 0)).toEqual(published);
    const shapes = [
      [32, 32, 32], [16, 16, 32], [16, 16, 64], [8, 8, 64], [8, 8, 128], [4, 4, 128], [4, 4, 256], [2, 2, 256], [1_024],
    ];
    expect(deriveArchitecture(spec).layers.slice(0, 9).map((layer) => layer.outputShape)).toEqual(shapes);
    expect(countWithTfjs(spec).layers.slice(0, 9).map((layer) => layer.outputShape)).toEqual(shapes);
  });

  it("multinomial logistic regression: frameworks count 7,850; the book's 785 × 9 = 7,065 drops one baseline class", () => {
    const spec = book("mnist-multinomial");
    const [layer] = deriveArchitecture(spec).layers;
    const rows = layer?.islpWeightShape?.[0] ?? 0;
    expect(rows).toBe(785);
    expect(rows * (10 - 1)).toBe(7_065);
    expect(ISLP_ARCHITECTURES.find((entry) => entry.id === "mnist-multinomial")?.bookCount?.total).toBe(7_065);
  });

  it("NYSE: 217 in PyTorch (the lab's torchinfo), 205 with one bias per unit as Keras and tfjs count", () => {
    const spec = book("nyse-rnn");
    expect(deriveArchitecture(spec, "keras").total).toBe(205);
    expect(countWithTfjs(spec).total).toBe(205);
    expect(conventionDifference(spec)).toMatchObject({ keras: { total: 205 }, pytorch: { total: 217 }, difference: 12 });
  });

  it("IMDB LSTM: PyTorch's 328,577 is tfjs' count plus nn.LSTM's second bias", () => {
    const spec = book("imdb-lstm");
    const report = verifyArchitecture(spec);
    expect(report.total).toBe(328_577);
    expect(report.total - report.tfjs.total).toBe(4 * 32);
    expect(report.layers[1]?.formula).toBe("4·32·(32 + 32) + 8·32 = 8,448");
    expect(report.notes.join("\n")).toContain("nn.LSTM carries two bias vectors (b_ih and b_hh): + 4·32 = 128");
  });
});
