/**
 * The syntax tree of the small expression language that decks use for derived parameters,
 * constraints, closed-form formulas and common-mistake formulas (`(p+1)*K + (K+1)*1`, `k <= n`).
 * It is data only: parsing is in `parse.ts`, evaluation in `evaluate.ts`, typesetting in `to-tex.ts`.
 */

export type CompareOp = "<" | "<=" | ">" | ">=" | "==" | "!=";
export type ArithmeticOp = "+" | "-" | "*" | "/" | "%" | "^";

export type Expr =
  | { type: "num"; value: number; text: string }
  | { type: "str"; value: string }
  | { type: "var"; name: string }
  | { type: "unary"; op: "-" | "+" | "!"; arg: Expr }
  | { type: "binary"; op: ArithmeticOp; left: Expr; right: Expr }
  /** `a < b <= c` means `a < b && b <= c` (chains read the way instructors write ranges). */
  | { type: "compare"; ops: CompareOp[]; operands: Expr[] }
  | { type: "logical"; op: "&&" | "||"; left: Expr; right: Expr }
  | { type: "cond"; test: Expr; then: Expr; otherwise: Expr }
  | { type: "call"; name: string; args: Expr[] }
  /** `W[k, j]`: an entry of a matrix parameter, 1-based like ISLP's w_{kj}. */
  | { type: "index"; name: string; row: Expr; col: Expr }
  /** Parentheses the author wrote; kept so the worked solution shows them as written. */
  | { type: "group"; inner: Expr };

/** A value an expression computes: numbers, and strings for choice parameters such as `"same"`. */
export type ExprValue = number | string;

/** Names an expression reads (parameters), in first-seen order. */
export function freeVariables(expr: Expr): string[] {
  const seen = new Set<string>();
  const visit = (node: Expr): void => {
    switch (node.type) {
      case "var":
        seen.add(node.name);
        return;
      case "num":
      case "str":
        return;
      case "unary":
        visit(node.arg);
        return;
      case "binary":
      case "logical":
        visit(node.left);
        visit(node.right);
        return;
      case "compare":
        node.operands.forEach(visit);
        return;
      case "cond":
        visit(node.test);
        visit(node.then);
        visit(node.otherwise);
        return;
      case "call":
        node.args.forEach(visit);
        return;
      case "index":
        seen.add(node.name);
        visit(node.row);
        visit(node.col);
        return;
      case "group":
        visit(node.inner);
        return;
    }
  };
  visit(expr);
  return [...seen];
}
