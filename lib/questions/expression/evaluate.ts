/**
 * Evaluates a parsed expression against parameter values. Comparisons and logic yield 1 or 0;
 * a value is true when it is a non-zero number or a non-empty string. Arithmetic that leaves the
 * reals (1/0, sqrt(−1)) returns the IEEE value; callers decide whether that is an error
 * (the harness reports NaN/Infinity as a failure, constraints treat it as false).
 */
import type { CompareOp, Expr, ExprValue } from "./ast";
import { FUNCTIONS } from "./functions";
import { ExpressionError, parseExpression } from "./parse";

export type Scope = Readonly<Record<string, unknown>>;

function toNumber(value: ExprValue, what: string, source: string): number {
  if (typeof value === "number") return value;
  throw new ExpressionError(`${what} is the text "${value}", not a number`, source);
}

function truthy(value: ExprValue): boolean {
  return typeof value === "number" ? value !== 0 && !Number.isNaN(value) : value.length > 0;
}

function compare(op: CompareOp, a: ExprValue, b: ExprValue, source: string): boolean {
  if (op === "==") return a === b;
  if (op === "!=") return a !== b;
  const x = toNumber(a, "a compared value", source);
  const y = toNumber(b, "a compared value", source);
  switch (op) {
    case "<":
      return x < y;
    case "<=":
      return x <= y;
    case ">":
      return x > y;
    case ">=":
      return x >= y;
  }
}

function arithmetic(op: "+" | "-" | "*" | "/" | "%" | "^", x: number, y: number): number {
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return x / y;
    case "%":
      // Mathematical modulo (non-negative for positive divisors), unlike JavaScript's remainder.
      return ((x % y) + y) % y;
    case "^":
      return Math.pow(x, y);
  }
}

export function evaluateExpr(expr: Expr, scope: Scope, source = ""): ExprValue {
  const visit = (node: Expr): ExprValue => {
    switch (node.type) {
      case "num":
        return node.value;
      case "str":
        return node.value;
      case "var": {
        if (!Object.hasOwn(scope, node.name)) throw new ExpressionError(`unknown name "${node.name}"`, source);
        const value = scope[node.name];
        if (typeof value === "number" || typeof value === "string") return value;
        throw new ExpressionError(`"${node.name}" is not a number (a matrix cannot be used in a formula)`, source);
      }
      case "group":
        return visit(node.inner);
      case "unary": {
        const value = visit(node.arg);
        if (node.op === "!") return truthy(value) ? 0 : 1;
        const x = toNumber(value, `the operand of unary ${node.op}`, source);
        return node.op === "-" ? -x : x;
      }
      case "binary":
        return arithmetic(
          node.op,
          toNumber(visit(node.left), `the left side of "${node.op}"`, source),
          toNumber(visit(node.right), `the right side of "${node.op}"`, source),
        );
      case "compare": {
        let left = visit(node.operands[0] as Expr);
        for (let i = 0; i < node.ops.length; i += 1) {
          const right = visit(node.operands[i + 1] as Expr);
          if (!compare(node.ops[i] as CompareOp, left, right, source)) return 0;
          left = right;
        }
        return 1;
      }
      case "logical": {
        const left = truthy(visit(node.left));
        if (node.op === "&&") return left && truthy(visit(node.right)) ? 1 : 0;
        return left || truthy(visit(node.right)) ? 1 : 0;
      }
      case "cond":
        return truthy(visit(node.test)) ? visit(node.then) : visit(node.otherwise);
      case "index": {
        const matrix = Object.hasOwn(scope, node.name) ? scope[node.name] : undefined;
        if (!Array.isArray(matrix)) throw new ExpressionError(`"${node.name}" is not a matrix: ${node.name}[row, column] reads a matrix parameter`, source);
        const row = toNumber(visit(node.row), `the row of ${node.name}[…]`, source);
        const col = toNumber(visit(node.col), `the column of ${node.name}[…]`, source);
        const cell: unknown = (matrix[row - 1] as unknown[] | undefined)?.[col - 1];
        if (typeof cell !== "number") throw new ExpressionError(`${node.name}[${row}, ${col}] is outside the matrix (rows and columns count from 1)`, source);
        return cell;
      }
      case "call": {
        const fn = Object.hasOwn(FUNCTIONS, node.name) ? FUNCTIONS[node.name] : undefined;
        if (!fn) throw new ExpressionError(`unknown function "${node.name}"`, source);
        const leading = fn.matrixArgs ?? 0;
        const matrices = node.args.slice(0, leading).map((arg, i) => {
          const value = arg.type === "var" && Object.hasOwn(scope, arg.name) ? scope[arg.name] : undefined;
          if (!Array.isArray(value)) throw new ExpressionError(`argument ${i + 1} of ${node.name}() must name a matrix parameter`, source);
          return value as number[][];
        });
        const numbers = node.args.slice(leading).map((arg, i) => toNumber(visit(arg), `argument ${leading + i + 1} of ${node.name}()`, source));
        return fn.apply(numbers, matrices);
      }
    }
  };
  return visit(expr);
}

/** Parses (memoised) and evaluates `source`. */
export function evaluate(source: string, scope: Scope): ExprValue {
  return evaluateExpr(parseExpression(source), scope, source);
}

/** Evaluates `source` and insists on a finite number. */
export function evaluateNumber(source: string, scope: Scope): number {
  const value = evaluate(source, scope);
  if (typeof value !== "number") throw new ExpressionError(`"${source}" gives the text "${value}", not a number`, source);
  if (!Number.isFinite(value)) throw new ExpressionError(`"${source}" is not a finite number (${value})`, source);
  return value;
}

/** Evaluates a constraint: true when the value is truthy; NaN counts as false. */
export function evaluateCondition(source: string, scope: Scope): boolean {
  const value = evaluate(source, scope);
  return truthy(value);
}
