/**
 * What a variant stores of a calculator question: its inputs, every parameter already resolved to
 * numbers and matrices, so verification can recompute the answer with TensorFlow.js from the
 * variant alone. No imports: lib/questions/types.ts holds it inside a Variant, and the calculators'
 * own types build on both (a file with no imports cannot be part of an import cycle).
 */
export type ActivationName = "sigmoid" | "relu" | "tanh";
export type Padding = "valid" | "same";

export type CalculatorInput =
  | { calculator: "activation"; fn: ActivationName; z: number; decimals: number }
  | {
      calculator: "single-layer-network";
      /** Inputs X₁…X_p. */
      x: number[];
      /** w_kj, one row per hidden unit (K × p). */
      weights: number[][];
      /** w_k0, the hidden units' biases (K). */
      biases: number[];
      /** β₁…β_K. */
      beta: number[];
      /** β₀. */
      beta0: number;
      activation: ActivationName;
      decimals: number;
    }
  | {
      calculator: "conv2d";
      image: number[][];
      filter: number[][];
      stride: number;
      padding: Padding;
      /** One output cell (1-based row/col) or the whole feature map. */
      cell: { row: number; col: number } | null;
    }
  | {
      calculator: "max-pool";
      image: number[][];
      size: number;
      stride: number;
      cell: { row: number; col: number } | null;
    }
  | {
      calculator: "output-size";
      layer: "conv" | "pool";
      input: number;
      kernel: number;
      stride: number;
      /** `valid`, `same` (tfjs/Keras), or explicit zero padding p on each side (PyTorch `padding=p`). */
      padding: Padding | number;
    }
  | { calculator: "steps-per-epoch"; n: number; batch: number; epochs: number }
  | { calculator: "train-test-split"; n: number; testSize: number; part: "test" | "train" }
  | { calculator: "dropout"; units: number; rate: number; part: "active" | "scale"; decimals: number };

export type CalculatorName = CalculatorInput["calculator"];
