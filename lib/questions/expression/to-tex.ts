/**
 * Typesets an expression for KaTeX, either symbolically (`(p+1) \cdot K`) or with the student's
 * numbers substituted (`(4+1) \cdot 5`). Together they give the worked line of a solution:
 * `(p+1)·K + (K+1)·1 = (4+1)·5 + (5+1)·1 = 31`.
 */
import type { CompareOp, Expr } from "./ast";
import { FUNCTIONS } from "./functions";
import { formatNumber } from "../../model-core/format-number";

export interface TexOptions {
  /** Substitute these values for variables (numbers only; others stay symbolic). */
  values?: Readonly<Record<string, unknown>>;
  /** TeX for a parameter name, e.g. `{ K: "K", phi: "\\phi" }`. */
  symbols?: Readonly<Record<string, string>>;
}

const COMPARE_TEX: Record<CompareOp, string> = { "<": "<", "<=": "\\le", ">": ">", ">=": "\\ge", "==": "=", "!=": "\\ne" };
const GREEK = new Set(["alpha", "beta", "gamma", "delta", "epsilon", "eta", "theta", "lambda", "mu", "rho", "sigma", "tau", "phi", "psi", "omega"]);

/** Default TeX for a parameter name: `K` → `K`, `n_test` → `n_{\mathrm{test}}`, `phi` → `\phi`. */
export function defaultSymbol(name: string): string {
  const [head = name, ...rest] = name.split("_");
  const base = GREEK.has(head) ? `\\${head}` : head.length === 1 ? head : `\\mathit{${head}}`;
  if (rest.length === 0) return base;
  const sub = rest.join(",");
  return `${base}_{${sub.length === 1 ? sub : `\\mathrm{${sub}}`}}`;
}

function unwrap(expr: Expr): Expr {
  return expr.type === "group" ? unwrap(expr.inner) : expr;
}

export function exprToTex(expr: Expr, options: TexOptions = {}): string {
  const visit = (node: Expr, top: boolean): string => {
    switch (node.type) {
      case "num":
        return formatNumber(node.value, { tex: true, maxDecimals: 6 });
      case "str":
        return `\\text{${node.value}}`;
      case "var": {
        const value = options.values?.[node.name];
        if (typeof value === "number") {
          const text = formatNumber(value, { tex: true, maxDecimals: 6 });
          return value < 0 && !top ? `(${text})` : text;
        }
        if (typeof value === "string") return `\\text{${value}}`;
        return options.symbols?.[node.name] ?? defaultSymbol(node.name);
      }
      case "group":
        return `(${visit(node.inner, true)})`;
      case "unary": {
        if (node.op === "!") return `\\lnot ${visit(node.arg, false)}`;
        const arg = visit(node.arg, false);
        return node.op === "-" ? `-${arg}` : `+${arg}`;
      }
      case "binary": {
        switch (node.op) {
          case "/":
            return `\\frac{${visit(unwrap(node.left), true)}}{${visit(unwrap(node.right), true)}}`;
          case "^": {
            const base = unwrap(node.left);
            const baseTex = visit(base, false);
            const wrapped = base.type === "num" || base.type === "var" || base.type === "call" ? baseTex : `(${baseTex})`;
            return `{${wrapped}}^{${visit(unwrap(node.right), true)}}`;
          }
          case "*":
            return `${visit(node.left, false)} \\cdot ${visit(node.right, false)}`;
          case "%":
            return `${visit(node.left, false)} \\bmod ${visit(node.right, false)}`;
          case "+":
          case "-": {
            const right = node.right.type === "binary" && (node.right.op === "+" || node.right.op === "-") ? `(${visit(node.right, true)})` : visit(node.right, false);
            return `${visit(node.left, false)} ${node.op} ${right}`;
          }
        }
        return "";
      }
      case "compare":
        return node.operands.map((operand, i) => (i === 0 ? "" : ` ${COMPARE_TEX[node.ops[i - 1] as CompareOp]} `) + visit(operand, false)).join("");
      case "logical":
        return `${visit(node.left, false)} ${node.op === "&&" ? "\\land" : "\\lor"} ${visit(node.right, false)}`;
      case "cond":
        return `\\begin{cases} ${visit(node.then, true)} & \\text{if } ${visit(node.test, true)} \\\\ ${visit(node.otherwise, true)} & \\text{otherwise} \\end{cases}`;
      case "index": {
        const matrix = options.values?.[node.name];
        const row = unwrap(node.row);
        const col = unwrap(node.col);
        // With numbers substituted, a constant index shows the entry's value; otherwise w_{k,j}.
        if (Array.isArray(matrix) && row.type === "num" && col.type === "num") {
          const cell: unknown = (matrix[row.value - 1] as unknown[] | undefined)?.[col.value - 1];
          if (typeof cell === "number") {
            const text = formatNumber(cell, { tex: true, maxDecimals: 6 });
            return cell < 0 && !top ? `(${text})` : text;
          }
        }
        const symbol = options.symbols?.[node.name] ?? defaultSymbol(node.name);
        return `{${symbol}}_{${visit(row, true)},${visit(col, true)}}`;
      }
      case "call": {
        const fn = FUNCTIONS[node.name];
        const args = node.args.map((arg) => visit(unwrap(arg), true));
        return fn ? fn.tex(args) : `\\operatorname{${node.name}}(${args.join(", ")})`;
      }
    }
  };
  return visit(expr, true);
}
