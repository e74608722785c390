import { describe, expect, it } from "vitest";
import { createRandom } from "../random/seeded-random";
import { colourShapes, insideShape, SHAPE_CHANNELS, SHAPE_CLASSES, SHAPE_SIDE, SHAPE_VALUES } from "./colour-shapes";

/** The nearest class centroid of each image's mean colour, fitted on one half and scored on the other. */
function meanColourAccuracy(pixels: Float32Array, labels: Uint8Array): number {
  const count = labels.length;
  const means = Array.from({ length: count }, (_, i) => {
    const mean = [0, 0, 0];
    for (let p = 0; p < SHAPE_SIDE * SHAPE_SIDE; p++) for (let c = 0; c < 3; c++) mean[c] = (mean[c] ?? 0) + (pixels[i * SHAPE_VALUES + p * 3 + c] ?? 0) / (SHAPE_SIDE * SHAPE_SIDE);
    return mean;
  });
  const half = Math.floor(count / 2);
  const centroids = SHAPE_CLASSES.map((_, k) => {
    const members = means.slice(0, half).filter((_, i) => labels[i] === k);
    return [0, 1, 2].map((c) => members.reduce((s, m) => s + (m[c] ?? 0), 0) / members.length);
  });
  let right = 0;
  for (let i = half; i < count; i++) {
    const distances = centroids.map((centroid) => centroid.reduce((s, v, c) => s + (v - (means[i]?.[c] ?? 0)) ** 2, 0));
    if (distances.indexOf(Math.min(...distances)) === labels[i]) right += 1;
  }
  return right / (count - half);
}

describe("generated colour shapes (the CIFAR stand-in)", () => {
  const images = colourShapes(400, createRandom(7));

  it("are 32 × 32 × 3 values in [0, 1], classes balanced to within one", () => {
    expect(images.pixels.length).toBe(400 * SHAPE_SIDE * SHAPE_SIDE * SHAPE_CHANNELS);
    expect(images.pixels.every((value) => value >= 0 && value <= 1)).toBe(true);
    const counts = SHAPE_CLASSES.map((_, k) => images.labels.filter((label) => label === k).length);
    expect(counts).toEqual([100, 100, 100, 100]);
  });

  it("are reproduced by the seed and changed by another", () => {
    expect(colourShapes(20, createRandom(7)).pixels).toEqual(colourShapes(20, createRandom(7)).pixels);
    expect(colourShapes(20, createRandom(8)).pixels).not.toEqual(colourShapes(20, createRandom(7)).pixels);
  });

  it("give the class away by outline, not colour: the mean colour of an image names its class no better than chance", () => {
    const accuracy = meanColourAccuracy(images.pixels, images.labels);
    // Chance is 25%; 200 scored images put the 99% band at about ±8 points.
    expect(accuracy).toBeLessThan(0.35);
  });

  it("draw the four shapes as their definitions say", () => {
    // At the same reach the shapes cover different pixels: a corner of the square is outside the disc, the triangle's apex is narrow.
    expect(insideShape("square", 8, 8, 10)).toBe(true);
    expect(insideShape("disc", 8, 8, 10)).toBe(false);
    expect(insideShape("triangle", 3, -8, 10)).toBe(false);
    expect(insideShape("triangle", 3, 8, 10)).toBe(true);
    expect(insideShape("plus", 2, 9, 10)).toBe(true);
    expect(insideShape("plus", 6, 6, 10)).toBe(false);
  });
});
