/**
 * Number formatting for prompts, solutions and "read as" messages. Integers get thousands
 * separators (235,146), which inside TeX must be written `235{,}146` so that KaTeX does not add
 * the space it puts after a punctuation comma.
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

/**
 * The simplest fraction within 1e-9 of `value` with a denominator up to `maxDenominator`,
 * as `[numerator, denominator]`, or undefined (e.g. test_size = 1/3 is stored as 0.333…).
 */
export function asSimpleFraction(value: number, maxDenominator = 100): [number, number] | undefined {
  for (let denominator = 1; denominator <= maxDenominator; denominator += 1) {
    const numerator = Math.round(value * denominator);
    if (Math.abs(numerator / denominator - value) < 1e-9) return [numerator, denominator];
  }
  return undefined;
}
