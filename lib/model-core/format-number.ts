/**
 * Counts as the book and the frameworks print them: "235,146" (ISLP (2023) §10.2; Keras
 * `model.summary()`; torchinfo). Grouping is done by hand rather than with `Intl` so the text does
 * not depend on the locale of the machine that renders it (server and browser must agree).
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? "-" : "";
  const [whole = "0", fraction] = Math.abs(n).toString().split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${fraction}`;
}

/** The same number for KaTeX: a bare "," is spaced as punctuation in math mode, "{,}" is not. */
export function formatTexNumber(n: number): string {
  return formatNumber(n).replace(/,/g, "{,}");
}
