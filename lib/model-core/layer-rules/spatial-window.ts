import { formula, type Formula } from "../formula";
import { describeShape, describeWindow, windowOutputLength, type Padding, type Shape } from "../shape";

/** Height and width after a conv or pooling window, or why the window does not fit. */
export type WindowOutcome = { ok: true; height: number; width: number; shapeFormula: Formula } | { ok: false; error: string };

/**
 * Shared by conv2d and the pooling layers: both slide a window over [height, width, channels]
 * (ISLP (2023) §10.3.1–10.3.2). A window larger than the image fits only with `same` padding;
 * Keras and tfjs would otherwise report a zero or negative size.
 */
export function slideWindow(
  what: "kernel" | "pool",
  inputShape: Shape,
  window: readonly [number, number],
  strides: readonly [number, number],
  padding: Padding,
): WindowOutcome {
  const [height, width] = inputShape;
  if (inputShape.length !== 3 || height === undefined || width === undefined) {
    return {
      ok: false,
      error: `needs an image input [height, width, channels]; its input is ${describeShape(inputShape)}`,
    };
  }
  if (padding === "valid" && (window[0] > height || window[1] > width)) {
    return {
      ok: false,
      error: `${what} ${describeWindow(window)} is larger than its ${describeWindow([height, width])} input with "valid" padding`,
    };
  }
  const outHeight = windowOutputLength(height, window[0], strides[0], padding);
  const outWidth = windowOutputLength(width, window[1], strides[1], padding);
  const axis = (n: number, k: number, s: number, out: number): Formula =>
    padding === "same" ? formula`⌈${n}/${s}⌉ = ${out}` : formula`⌊(${n} − ${k})/${s}⌋ + 1 = ${out}`;
  const square = height === width && window[0] === window[1] && strides[0] === strides[1];
  const heightFormula = axis(height, window[0], strides[0], outHeight);
  const shapeFormula = square
    ? heightFormula
    : joinAxes(heightFormula, axis(width, window[1], strides[1], outWidth));
  return { ok: true, height: outHeight, width: outWidth, shapeFormula };
}

function joinAxes(height: Formula, width: Formula): Formula {
  return { text: `height ${height.text}; width ${width.text}`, tex: `h: ${height.tex};\\ w: ${width.tex}` };
}
