import { formatNumber, formatTexNumber } from "./format-number";

/** A worked formula in two renderings: plain text with numbers, and KaTeX source. */
export interface Formula {
  text: string;
  tex: string;
}

/**
 * Writes a formula once and renders it twice. The literal parts use the symbols a reader sees
 * (× · − ⌊ ⌋ ⌈ ⌉ γ β); interpolated numbers get thousands separators. One template for both
 * renderings is what keeps the text and the KaTeX from drifting apart.
 *
 * @example formula`(${784} + 1) × ${256} = ${200960}` // text "(784 + 1) × 256 = 200,960"
 */
export function formula(literals: TemplateStringsArray, ...values: readonly (number | string)[]): Formula {
  let text = "";
  let tex = "";
  literals.forEach((literal, i) => {
    text += literal;
    tex += toTex(literal);
    const value = values[i];
    if (value === undefined) return;
    text += typeof value === "number" ? formatNumber(value) : value;
    tex += typeof value === "number" ? formatTexNumber(value) : toTex(value);
  });
  return { text, tex: tex.replace(/ {2,}/g, " ").trim() };
}

const TEX_SYMBOLS: Readonly<Record<string, string>> = {
  "×": " \\times ",
  "·": " \\cdot ",
  "−": "-",
  "⌊": "\\lfloor ",
  "⌋": " \\rfloor",
  "⌈": "\\lceil ",
  "⌉": " \\rceil",
  "γ": "\\gamma",
  "β": "\\beta",
};

function toTex(plain: string): string {
  return Array.from(plain, (ch) => TEX_SYMBOLS[ch] ?? ch).join("");
}
