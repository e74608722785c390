/**
 * A safe parser for the deck expression language (no `eval`, no `new Function`): a tokenizer and
 * a precedence-climbing parser producing the tree in `ast.ts`.
 *
 * Precedence, loosest first: `c ? a : b` · `||` / `or` · `&&` / `and` · `!` / `not` ·
 * comparisons (chainable: `1 <= k <= n`) · `+ -` · `* / %` (also `×`, `·`, `÷`) · unary `-` ·
 * `^` / `**` (right-associative, so `-2^2 = -4` as in mathematics) · calls and parentheses.
 * Unicode `−`, `≤`, `≥`, `≠` are accepted because instructors paste them from notes.
 */
import { BoundedCache } from "../../bounded-cache";
import type { CompareOp, Expr } from "./ast";
import { FUNCTIONS, isKnownFunction } from "./functions";

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly source: string,
    readonly column?: number,
  ) {
    super(message);
    this.name = "ExpressionError";
  }
}

type Token =
  | { kind: "num"; value: number; text: string; at: number }
  | { kind: "str"; value: string; at: number }
  | { kind: "ident"; name: string; at: number }
  | { kind: "op"; op: string; at: number }
  | { kind: "end"; at: number };

// Looked up with Object.hasOwn only: a name such as "constructor" must never reach Object.prototype.
const OPERATOR_ALIASES: Readonly<Record<string, string>> = {
  "−": "-",
  "×": "*",
  "·": "*",
  "÷": "/",
  "≤": "<=",
  "≥": ">=",
  "≠": "!=",
  "**": "^",
  and: "&&",
  or: "||",
  not: "!",
};
const TWO_CHAR_OPERATORS = ["<=", ">=", "==", "!=", "&&", "||", "**"];
const ONE_CHAR_OPERATORS = "+-*/%^()[]<>!?:,−×·÷≤≥≠";

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? "";
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const number = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
    if (number) {
      tokens.push({ kind: "num", value: Number(number[0]), text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (ident) {
      const word = ident[0];
      const alias = Object.hasOwn(OPERATOR_ALIASES, word) ? OPERATOR_ALIASES[word] : undefined;
      tokens.push(alias ? { kind: "op", op: alias, at: i } : { kind: "ident", name: word, at: i });
      i += word.length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const close = source.indexOf(ch, i + 1);
      if (close < 0) throw new ExpressionError("unterminated string", source, i + 1);
      tokens.push({ kind: "str", value: source.slice(i + 1, close), at: i });
      i = close + 1;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (TWO_CHAR_OPERATORS.includes(two)) {
      tokens.push({ kind: "op", op: OPERATOR_ALIASES[two] ?? two, at: i });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPERATORS.includes(ch)) {
      tokens.push({ kind: "op", op: OPERATOR_ALIASES[ch] ?? ch, at: i });
      i += 1;
      continue;
    }
    throw new ExpressionError(`unexpected character "${ch}"`, source, i + 1);
  }
  tokens.push({ kind: "end", at: source.length });
  return tokens;
}

const COMPARE_OPS: readonly string[] = ["<", "<=", ">", ">=", "==", "!="];

class Parser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parse(): Expr {
    const expr = this.conditional();
    const next = this.peek();
    if (next.kind !== "end") this.fail(`unexpected ${describe(next)}`, next);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.position] ?? { kind: "end", at: this.source.length };
  }

  private take(): Token {
    const token = this.peek();
    this.position += 1;
    return token;
  }

  private isOp(op: string): boolean {
    const token = this.peek();
    return token.kind === "op" && token.op === op;
  }

  private expectOp(op: string): void {
    const token = this.take();
    if (token.kind !== "op" || token.op !== op) this.fail(`expected "${op}" but found ${describe(token)}`, token);
  }

  private fail(message: string, token: Token): never {
    throw new ExpressionError(message, this.source, token.at + 1);
  }

  private conditional(): Expr {
    const test = this.or();
    if (!this.isOp("?")) return test;
    this.take();
    const then = this.conditional();
    this.expectOp(":");
    const otherwise = this.conditional();
    return { type: "cond", test, then, otherwise };
  }

  private or(): Expr {
    let left = this.and();
    while (this.isOp("||")) {
      this.take();
      left = { type: "logical", op: "||", left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isOp("&&")) {
      this.take();
      left = { type: "logical", op: "&&", left, right: this.not() };
    }
    return left;
  }

  private not(): Expr {
    if (this.isOp("!")) {
      this.take();
      return { type: "unary", op: "!", arg: this.not() };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const first = this.additive();
    const ops: CompareOp[] = [];
    const operands: Expr[] = [first];
    for (;;) {
      const token = this.peek();
      if (token.kind !== "op" || !COMPARE_OPS.includes(token.op)) break;
      this.take();
      ops.push(token.op as CompareOp);
      operands.push(this.additive());
    }
    return ops.length === 0 ? first : { type: "compare", ops, operands };
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (;;) {
      const token = this.peek();
      if (token.kind !== "op" || (token.op !== "+" && token.op !== "-")) return left;
      this.take();
      left = { type: "binary", op: token.op, left, right: this.multiplicative() };
    }
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      if (token.kind !== "op" || (token.op !== "*" && token.op !== "/" && token.op !== "%")) return left;
      this.take();
      left = { type: "binary", op: token.op, left, right: this.unary() };
    }
  }

  private unary(): Expr {
    const token = this.peek();
    if (token.kind === "op" && (token.op === "-" || token.op === "+")) {
      this.take();
      return { type: "unary", op: token.op, arg: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    if (!this.isOp("^")) return base;
    this.take();
    return { type: "binary", op: "^", left: base, right: this.unary() };
  }

  private primary(): Expr {
    const token = this.take();
    switch (token.kind) {
      case "num":
        return { type: "num", value: token.value, text: token.text };
      case "str":
        return { type: "str", value: token.value };
      case "ident": {
        if (this.isOp("[")) {
          this.take();
          const row = this.conditional();
          this.expectOp(",");
          const col = this.conditional();
          this.expectOp("]");
          return { type: "index", name: token.name, row, col };
        }
        if (!this.isOp("(")) return { type: "var", name: token.name };
        if (!isKnownFunction(token.name)) this.fail(`unknown function "${token.name}"`, token);
        this.take();
        const args: Expr[] = [];
        if (!this.isOp(")")) {
          args.push(this.conditional());
          while (this.isOp(",")) {
            this.take();
            args.push(this.conditional());
          }
        }
        this.expectOp(")");
        const fn = FUNCTIONS[token.name];
        if (fn !== undefined && (args.length < fn.minArgs || args.length > fn.maxArgs)) {
          const arity = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
          this.fail(`${token.name}() takes ${arity} argument${fn.maxArgs === 1 ? "" : "s"}, not ${args.length}`, token);
        }
        return { type: "call", name: token.name, args };
      }
      case "op":
        if (token.op === "(") {
          const inner = this.conditional();
          this.expectOp(")");
          return { type: "group", inner };
        }
        return this.fail(`unexpected ${describe(token)}`, token);
      case "end":
        return this.fail("unexpected end of expression", token);
    }
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case "num":
      return `number ${token.text}`;
    case "str":
      return `string "${token.value}"`;
    case "ident":
      return `name "${token.name}"`;
    case "op":
      return `"${token.op}"`;
    case "end":
      return "end of expression";
  }
}

const PARSE_CACHE_LIMIT = 10_000;
const parsed = new BoundedCache<Expr>({ maxEntries: PARSE_CACHE_LIMIT });

/**
 * Parses an expression; throws `ExpressionError` with a column on bad syntax or an unknown
 * function. Results are memoised by source text (trees are never mutated).
 */
export function parseExpression(source: string): Expr {
  const cached = parsed.get(source);
  if (cached) return cached;
  if (source.trim() === "") throw new ExpressionError("empty expression", source);
  const expr = new Parser(tokenize(source), source).parse();
  parsed.set(source, expr);
  return expr;
}
