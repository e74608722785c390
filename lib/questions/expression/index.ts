/** The deck expression language: parse once, evaluate many times, typeset for solutions. */
export type { CompareOp, Expr, ExprValue } from "./ast";
export { freeVariables } from "./ast";
export { ExpressionError, parseExpression } from "./parse";
export { evaluate, evaluateCondition, evaluateExpr, evaluateNumber, type Scope } from "./evaluate";
export { defaultSymbol, exprToTex, type TexOptions } from "./to-tex";
export { FUNCTIONS, isKnownFunction } from "./functions";
