/**
 * WCAG 2 contrast, for colours the app computes or fixes in code (where Tailwind's checked palette
 * does not apply): 4.5:1 for text, 3:1 for large text and non-text marks such as a focus ring.
 */

/** Relative luminance of an sRGB colour given as [r, g, b] (0–255 channels). */
export function luminance([r, g, b]: readonly number[]): number {
  const linear = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r ?? 0) + 0.7152 * linear(g ?? 0) + 0.0722 * linear(b ?? 0);
}

/** Contrast ratio of two luminances, 1 to 21. */
export const contrastOfLuminances = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** "#rgb" or "#rrggbb" → [r, g, b]. */
export function hexToRgb(hex: string): number[] {
  const digits = hex.replace(/^#/, "");
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16));
}

/** Contrast ratio of two "#rrggbb" colours. */
export const contrastRatio = (a: string, b: string) => contrastOfLuminances(luminance(hexToRgb(a)), luminance(hexToRgb(b)));
