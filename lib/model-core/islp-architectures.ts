import type { ArchitectureSpecInput, Convention } from "./spec-schema";

/** A network from ISLP chapter 10, with the parameter count the book (or its lab) states. */
export interface IslpArchitecture {
  id: string;
  title: string;
  /**
   * Section of *An Introduction to Statistical Learning with Python* (James et al., 2023): the Python
   * book's first edition, whose section numbers follow the second edition of the R book (ISLR2).
   */
  source: string;
  spec: ArchitectureSpecInput;
  /** What the frameworks count in `spec.convention`. */
  total: number;
  /**
   * A second published or conventional figure where it differs from `total`, and why: the book's own
   * count (`convention: "book"`), or the count under another framework's convention (`"keras"`).
   */
  bookCount?: { total: number; convention: Convention | "book"; note: string };
}

/**
 * The chapter's networks as specs: presets for the calculator and fixtures for the tests. The
 * totals are public facts from the book and its labs (which use PyTorch and torchinfo); the tests
 * pin them against both the closed form and TensorFlow.js.
 */
export const ISLP_ARCHITECTURES: readonly IslpArchitecture[] = [
  {
    id: "figure-10-1",
    title: "Single hidden layer: 4 inputs, 5 hidden units, 1 output",
    source: "ISLP (2023) §10.1, Figure 10.1",
    spec: { input: [4], layers: [{ type: "dense", units: 5, activation: "relu" }, { type: "dense", units: 1 }] },
    total: 31,
  },
  {
    id: "hitters",
    title: "Hitters salary: 19 → 50 (dropout 0.4) → 1",
    source: "ISLP (2023) §10.9.1",
    spec: {
      input: [19],
      layers: [{ type: "dense", units: 50, activation: "relu" }, { type: "dropout", rate: 0.4 }, { type: "dense", units: 1 }],
    },
    total: 1_051,
  },
  {
    id: "mnist-mlp",
    title: "MNIST digits: 784 → 256 → 128 → 10",
    source: "ISLP (2023) §10.2, Figure 10.4",
    spec: {
      input: [784],
      layers: [
        { type: "dense", units: 256, activation: "relu" },
        { type: "dropout", rate: 0.4 },
        { type: "dense", units: 128, activation: "relu" },
        { type: "dropout", rate: 0.3 },
        { type: "dense", units: 10, activation: "softmax" },
      ],
    },
    total: 235_146,
  },
  {
    id: "mnist-multinomial",
    title: "MNIST by multinomial logistic regression: 784 → 10",
    source: "ISLP (2023) §10.2",
    spec: { input: [784], layers: [{ type: "dense", units: 10, activation: "softmax" }] },
    total: 7_850,
    bookCount: {
      total: 7_065,
      convention: "book",
      note:
        "The book counts 785 × 9 = 7,065: softmax is unchanged when one vector is added to every class's coefficients, " +
        "so one class can serve as the baseline with its 785 coefficients fixed at zero. Frameworks keep all 10 × 785 = 7,850.",
    },
  },
  {
    id: "cifar100-cnn",
    title: "CIFAR100 CNN: 3×3 convolutions 32/64/128/256, each followed by 2×2 max-pooling",
    source: "ISLP (2023) §10.3, Figure 10.8; lab §10.9.3",
    spec: {
      input: [32, 32, 3],
      layers: [
        ...[32, 64, 128, 256].flatMap((filters) => [
          { type: "conv2d" as const, filters, kernelSize: 3, padding: "same" as const, activation: "relu" as const },
          { type: "maxPool2d" as const, poolSize: 2 },
        ]),
        { type: "flatten" },
        { type: "dropout", rate: 0.5 },
        { type: "dense", units: 512, activation: "relu" },
        { type: "dense", units: 100, activation: "softmax" },
      ],
    },
    total: 964_516,
  },
  {
    id: "imdb-bag-of-words",
    title: "IMDB reviews as a bag of 10,003 words: 10,003 → 16 → 16 → 1",
    source: "ISLP (2023) §10.4; lab §10.9.5",
    spec: {
      input: [10_003],
      layers: [
        { type: "dense", units: 16, activation: "relu" },
        { type: "dense", units: 16, activation: "relu" },
        { type: "dense", units: 1, activation: "sigmoid" },
      ],
    },
    total: 160_353,
  },
  {
    id: "imdb-lstm",
    title: "IMDB reviews as sequences: embedding 10,003 × 32, LSTM 32, dense 1",
    source: "ISLP (2023) §10.5.1; lab §10.9.6",
    spec: {
      input: [500],
      convention: "pytorch",
      layers: [
        { type: "embedding", inputDim: 10_003, outputDim: 32 },
        { type: "lstm", units: 32 },
        { type: "dense", units: 1, activation: "sigmoid" },
      ],
    },
    total: 328_577,
  },
  {
    id: "nyse-rnn",
    title: "NYSE trading volume: nn.RNN(3, 12) over 5 lags + Linear(12, 1)",
    source: "ISLP (2023) §10.5.2; lab §10.9.6",
    spec: {
      input: [5, 3],
      convention: "pytorch",
      layers: [{ type: "simpleRNN", units: 12 }, { type: "dense", units: 1 }],
    },
    total: 217,
    bookCount: {
      total: 205,
      convention: "keras",
      note: "The lab's torchinfo prints 217: PyTorch's nn.RNN carries two bias vectors. Counting one bias per unit, as Keras and tfjs do: 205 (− 12).",
    },
  },
];
