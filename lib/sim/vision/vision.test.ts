import { describe, expect, it } from "vitest";
import { convolutionCell, convolve, EDGE_FILTERS } from "./convolution";
import { shiftGrid, shiftImages, type Grid } from "./image";
import { invariance, maxPool } from "./pooling";

const grid = (rows: number[][]): Grid => ({ height: rows.length, width: rows[0]?.length ?? 0, values: rows.flat() });
const vertical = EDGE_FILTERS[0];

describe("convolution", () => {
  it("a cell is the dot product of the patch under the filter with the filter, plus the bias", () => {
    const image = grid([
      [0, 0, 1, 1],
      [0, 0, 1, 1],
      [0, 0, 1, 1],
    ]);
    if (!vertical) throw new Error("no filter");
    const cell = convolutionCell(image, { ...vertical, bias: 0.5 }, 0, 1);
    expect(cell.patch).toEqual([0, 1, 1, 0, 1, 1, 0, 1, 1]);
    expect(cell.products).toEqual([-0, 0, 1, -0, 0, 1, -0, 0, 1]);
    expect([cell.dot, cell.value]).toEqual([3, 3.5]);
    expect(convolve(image, vertical)).toEqual({ height: 1, width: 2, values: [3, 3] });
  });
});

describe("max pooling and shifts", () => {
  const map = grid([
    [1, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 2],
    [0, 0, 0, 0],
  ]);

  it("keeps each 2 × 2 block's largest value", () => {
    expect(maxPool(map)).toEqual({ height: 2, width: 2, values: [1, 0, 0, 2] });
  });

  it("a one-pixel shift inside the blocks changes the map but not the pooled map", () => {
    const shifted = shiftGrid(map, 0, 1);
    expect(shifted.values).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(invariance(map, shifted)).toBe(0);
    expect(invariance(maxPool(map), maxPool(shifted))).toBe(1);
  });

  it("shifts a batch of images like single ones", () => {
    const batch = Float32Array.from([...map.values, ...map.values.map((v) => v * 3)]);
    const moved = shiftImages(batch, 4, -1, 1);
    expect(Array.from(moved.subarray(0, 16))).toEqual(shiftGrid(map, -1, 1).values);
    expect(Array.from(moved.subarray(16))).toEqual(shiftGrid(map, -1, 1).values.map((v) => v * 3));
  });
});
