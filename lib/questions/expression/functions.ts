/**
 * Functions the expression language offers. Deliberately few: what a parameter-count, output-size
 * or activation formula needs. Each one carries its arity and how to typeset it.
 */

export interface ExprFunction {
  minArgs: number;
  maxArgs: number;
  apply(args: number[]): number;
  /** TeX of a call, given the TeX of its arguments. */
  tex(args: string[]): string;
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
