/** Small helpers on shapes (batch axis excluded, channels last, as in the spec). */

export type Shape = readonly number[];

/** `kernelSize: 3` means 3×3; `[3, 5]` is height × width (Keras/tfjs `kernel_size`). */
export function pair(value: number | readonly [number, number]): [number, number] {
  return typeof value === "number" ? [value, value] : [value[0], value[1]];
}

export function product(shape: Shape): number {
  return shape.reduce((acc, dim) => acc * dim, 1);
}

/** "[28, 28, 1]": how messages quote a whole shape. */
export function describeShape(shape: Shape): string {
  return `[${shape.join(", ")}]`;
}

/** "5×5": how messages quote a window or the spatial part of an image. */
export function describeWindow([height, width]: readonly [number, number]): string {
  return `${height}×${width}`;
}

export type Padding = "valid" | "same";

/**
 * Output length of a sliding window along one axis (no dilation), as tfjs `convOutputLength`:
 * $$\text{valid: } \lfloor (n - k)/s \rfloor + 1, \qquad \text{same: } \lceil n/s \rceil$$
 * (Keras `conv_utils.conv_output_length`; ISLP (2023) §10.3.1 describes the `same` case,
 * where zero padding keeps the size at stride 1).
 */
export function windowOutputLength(inputLength: number, window: number, stride: number, padding: Padding): number {
  return padding === "same" ? Math.ceil(inputLength / stride) : Math.floor((inputLength - window) / stride) + 1;
}
