/**
 * Functions the expression language offers. Deliberately few: what a parameter-count, output-size
 * or activation formula needs. Each one carries its arity and how to typeset it.
 */

export interface ExprFunction {
  minArgs: number;
  maxArgs: number;
  /** How many leading arguments name matrix parameters (`conv(X, F, i, j)`); none when absent. */
  matrixArgs?: number;
  /** `args` are the numeric arguments (after the matrices), `matrices` the named matrices. */
  apply(args: number[], matrices: readonly Matrix[]): number;
  /** TeX of a call, given the TeX of its arguments. */
  tex(args: string[]): string;
}

type Matrix = readonly (readonly number[])[];

/**
 * Y_{i,j} of the stride-1, unpadded convolution of image X by filter F (rows and columns count
 * from 1): the sum of F's entrywise products with the window of X whose top-left cell is (i, j).
 * For constraints on a feature-map question, e.g. that a neighbouring window gives another value.
 */
function convCell(image: Matrix, filter: Matrix, i: number, j: number): number {
  let sum = 0;
  filter.forEach((row, r) =>
    row.forEach((weight, c) => {
      const cell = image[i - 1 + r]?.[j - 1 + c];
      if (typeof cell !== "number") throw new RangeError(`conv(): the filter placed at row ${i}, column ${j} leaves the image`);
      sum += weight * cell;
    }),
  );
  return sum;
}

const unary = (apply: (x: number) => number, tex: (x: string) => string): ExprFunction => ({
  minArgs: 1,
  maxArgs: 1,
  apply: (args) => apply(args[0] ?? Number.NaN),
  tex: (args) => tex(args[0] ?? ""),
});

export const FUNCTIONS: Readonly<Record<string, ExprFunction>> = {
  /** ⌈x⌉, e.g. SGD steps per epoch ⌈n / batch⌉. */
  ceil: unary(Math.ceil, (x) => `\\left\\lceil ${x} \\right\\rceil`),
  /** ⌊x⌋, e.g. conv output size ⌊(n + 2p − k) / s⌋ + 1. */
  floor: unary(Math.floor, (x) => `\\left\\lfloor ${x} \\right\\rfloor`),
  /** Rounds half away from zero (unlike Python's round-half-to-even). */
  round: unary((x) => Math.sign(x) * Math.round(Math.abs(x)), (x) => `\\operatorname{round}\\left(${x}\\right)`),
  abs: unary(Math.abs, (x) => `\\left| ${x} \\right|`),
  sqrt: unary(Math.sqrt, (x) => `\\sqrt{${x}}`),
  exp: unary(Math.exp, (x) => `e^{${x}}`),
  log: unary(Math.log, (x) => `\\ln\\left(${x}\\right)`),
  tanh: unary(Math.tanh, (x) => `\\tanh\\left(${x}\\right)`),
  /** σ(z) = 1 / (1 + e^{−z}) (ISLP §10.1). */
  sigmoid: unary((z) => 1 / (1 + Math.exp(-z)), (x) => `\\sigma\\left(${x}\\right)`),
  /** ReLU(z) = max(0, z) (ISLP §10.1, written (z)₊). */
  relu: unary((z) => Math.max(0, z), (x) => `\\operatorname{ReLU}\\left(${x}\\right)`),
  min: {
    minArgs: 1,
    maxArgs: 16,
    apply: (args) => Math.min(...args),
    tex: (args) => `\\min\\left(${args.join(", ")}\\right)`,
  },
  max: {
    minArgs: 1,
    maxArgs: 16,
    apply: (args) => Math.max(...args),
    tex: (args) => `\\max\\left(${args.join(", ")}\\right)`,
  },
  conv: {
    minArgs: 4,
    maxArgs: 4,
    matrixArgs: 2,
    apply: ([i, j], [image, filter]) => convCell(image ?? [], filter ?? [], i ?? Number.NaN, j ?? Number.NaN),
    tex: ([image, filter, i, j]) => `(${image ?? ""} * ${filter ?? ""})_{${i ?? ""},${j ?? ""}}`,
  },
  pow: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([base, exponent]) => Math.pow(base ?? Number.NaN, exponent ?? Number.NaN),
    tex: ([base, exponent]) => `{${base ?? ""}}^{${exponent ?? ""}}`,
  },
};

export function isKnownFunction(name: string): boolean {
  return Object.hasOwn(FUNCTIONS, name);
}
