/**
 * Numbers as the book and the frameworks print them: "235,146" (ISLP (2023) §10.2; Keras
 * `model.summary()`; torchinfo), in prompts, solutions, "read as" messages and the calculator.
 * Grouping is done by hand rather than with `Intl` so the text does not depend on the locale of the
 * machine that renders it (server and browser must agree). Inside TeX the separator is `{,}`: a bare
 * "," is spaced as punctuation in KaTeX's math mode.
 */

export interface FormatOptions {
  /** Inside `$…$`: commas become `{,}`. */
  tex?: boolean;
  /** Thousands separators (default true). */
  grouping?: boolean;
  /** Most decimals shown for a non-integer (default 4); trailing zeros are trimmed. */
  maxDecimals?: number;
  /** Exactly this many decimals (zeros kept), e.g. a value the prompt asks to round to 3 places. */
  fixedDecimals?: number;
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

export function formatNumber(value: number, options: FormatOptions = {}): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  const grouping = options.grouping ?? true;
  const separator = options.tex ? "{,}" : ",";
  let text: string;
  if (options.fixedDecimals !== undefined) {
    text = Math.abs(value).toFixed(options.fixedDecimals);
  } else if (Number.isInteger(value)) {
    text = Math.abs(value).toFixed(0);
  } else {
    text = Math.abs(value).toFixed(options.maxDecimals ?? 4);
    if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  }
  const [whole = "0", fraction] = text.split(".");
  const grouped = grouping ? groupThousands(whole, separator) : whole;
  const magnitude = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  const negative = value < 0 && /[1-9]/.test(magnitude);
  return negative ? `-${magnitude}` : magnitude;
}

/** The same number for KaTeX. */
export function formatTexNumber(n: number): string {
  return formatNumber(n, { tex: true });
}
