/** A single-channel image or feature map: row-major values with its height and width. */
export interface Grid {
  height: number;
  width: number;
  values: number[];
}

export function gridAt(grid: Grid, row: number, column: number): number {
  return grid.values[row * grid.width + column] ?? 0;
}

/** A 28 × 28 digit from 0–255 bytes (or any row-major run of floats), as floats in [0, 1]. */
export function gridFromPixels(pixels: ArrayLike<number>, size: number, scale = 1 / 255): Grid {
  const values: number[] = [];
  for (let i = 0; i < size * size; i++) values.push((pixels[i] as number) * scale);
  return { height: size, width: size, values };
}

/**
 * The image moved `right` columns and `down` rows (negative moves left/up); pixels shifted in are
 * 0 (the MNIST background), pixels shifted out are lost.
 */
export function shiftGrid(grid: Grid, right: number, down: number): Grid {
  const values = new Array<number>(grid.values.length).fill(0);
  for (let r = 0; r < grid.height; r++) {
    for (let c = 0; c < grid.width; c++) {
      const from = { r: r - down, c: c - right };
      if (from.r >= 0 && from.r < grid.height && from.c >= 0 && from.c < grid.width) values[r * grid.width + c] = gridAt(grid, from.r, from.c);
    }
  }
  return { height: grid.height, width: grid.width, values };
}

/** `shiftGrid` for a batch of row-major size × size images stored back to back. */
export function shiftImages(images: Float32Array, size: number, right: number, down: number): Float32Array {
  const pixels = size * size;
  const out = new Float32Array(images.length);
  for (let start = 0; start < images.length; start += pixels) {
    for (let r = 0; r < size; r++) {
      const fromRow = r - down;
      if (fromRow < 0 || fromRow >= size) continue;
      for (let c = 0; c < size; c++) {
        const fromColumn = c - right;
        if (fromColumn >= 0 && fromColumn < size) out[start + r * size + c] = images[start + fromRow * size + fromColumn] as number;
      }
    }
  }
  return out;
}

/** Channel `channel` of a [height, width, channels] map stored channels-last, as a grid. */
export function channelGrid(values: ArrayLike<number>, height: number, width: number, channels: number, channel: number, offset = 0): Grid {
  const out: number[] = [];
  for (let i = 0; i < height * width; i++) out.push(values[offset + i * channels + channel] as number);
  return { height, width, values: out };
}
