/**
 * A small stand-in for CIFAR100 that the page can make itself: 32 × 32 colour images (three
 * channels, values in [0, 1], channels last as tfjs stores them) of one filled shape each — a disc,
 * a square, a triangle or a plus — at a random place and size, in a random colour on a random
 * background, with a little pixel noise. CIFAR100 is not shipped (163 MB) and the browser has no
 * network to fetch it; what the two share is the input shape 32 × 32 × 3 and the task of naming
 * what is in a colour picture. What differs: 4 classes instead of 100, and a shape drawn on a plain
 * background instead of a photograph. Colour says nothing about the class (every colour pair is
 * drawn the same way for every class), so a network must read the outline, as the first layer's
 * filters do. Pure and seeded: the same seed draws the same images.
 */
import type { SeededRandom } from "../random/seeded-random";

export const SHAPE_CLASSES = ["disc", "square", "triangle", "plus"] as const;
export type ShapeClass = (typeof SHAPE_CLASSES)[number];
export const SHAPE_SIDE = 32;
export const SHAPE_CHANNELS = 3;
export const SHAPE_VALUES = SHAPE_SIDE * SHAPE_SIDE * SHAPE_CHANNELS;

/** Shapes reach 5 to 11 pixels from their centre; centres keep them inside the image. */
const MIN_REACH = 5;
const MAX_REACH = 11;
/** Foreground and background differ by at least this much (Euclidean, in RGB of [0, 1]), so the shape shows. */
const MIN_CONTRAST = 0.6;
const NOISE_SD = 0.04;
/** Backgrounds are dark, shapes lighter: a shape's edge always goes from dark to light, as in a photograph's lit object. */
const DARKEST = 0.35;

export interface ShapeImages {
  /** count × 32 × 32 × 3, row-major, channels last. */
  pixels: Float32Array;
  /** Class index per image (into SHAPE_CLASSES). */
  labels: Uint8Array;
  count: number;
}

/** Is the pixel at offset (dx, dy) from the centre inside a shape of this reach? */
export function insideShape(shape: ShapeClass, dx: number, dy: number, reach: number): boolean {
  switch (shape) {
    case "disc":
      return dx * dx + dy * dy <= reach * reach;
    case "square": {
      // About the disc's area: a side of √π · reach.
      const half = reach * 0.886;
      return Math.abs(dx) <= half && Math.abs(dy) <= half;
    }
    case "triangle":
      // Apex up: the half-width grows from 0 at dy = −reach to `reach` at dy = +reach.
      return dy >= -reach && dy <= reach && Math.abs(dx) <= (dy + reach) / 2;
    case "plus": {
      const arm = reach / 3;
      return (Math.abs(dx) <= reach && Math.abs(dy) <= arm) || (Math.abs(dy) <= reach && Math.abs(dx) <= arm);
    }
  }
}

function randomColour(random: SeededRandom): [number, number, number] {
  return [random.uniform(), random.uniform(), random.uniform()];
}

/** A light colour on a dark one (a background in [0, 0.35]³), at least MIN_CONTRAST apart. */
function colourPair(random: SeededRandom): { fg: [number, number, number]; bg: [number, number, number] } {
  for (;;) {
    const fg = randomColour(random);
    const bg = randomColour(random).map((value) => value * DARKEST) as [number, number, number];
    if (Math.hypot(fg[0] - bg[0], fg[1] - bg[1], fg[2] - bg[2]) >= MIN_CONTRAST) return { fg, bg };
  }
}

const clip = (value: number) => Math.min(1, Math.max(0, value));

/** Draws one image into `out` at `offset`. */
function drawShape(out: Float32Array, offset: number, shape: ShapeClass, random: SeededRandom): void {
  const reach = random.between(MIN_REACH, MAX_REACH);
  const margin = Math.ceil(reach) + 1;
  const cx = random.between(margin, SHAPE_SIDE - margin);
  const cy = random.between(margin, SHAPE_SIDE - margin);
  const { fg, bg } = colourPair(random);
  for (let row = 0; row < SHAPE_SIDE; row++) {
    for (let column = 0; column < SHAPE_SIDE; column++) {
      const colour = insideShape(shape, column + 0.5 - cx, row + 0.5 - cy, reach) ? fg : bg;
      const at = offset + (row * SHAPE_SIDE + column) * SHAPE_CHANNELS;
      for (let channel = 0; channel < SHAPE_CHANNELS; channel++) out[at + channel] = clip((colour[channel] as number) + NOISE_SD * random.normal());
    }
  }
}

/** `count` images, the classes in turn (so they are balanced to within one), in a seeded order. */
export function colourShapes(count: number, random: SeededRandom): ShapeImages {
  const pixels = new Float32Array(count * SHAPE_VALUES);
  const labels = new Uint8Array(count);
  const order = Array.from({ length: count }, (_, i) => i % SHAPE_CLASSES.length);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.integer(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  order.forEach((label, i) => {
    labels[i] = label;
    drawShape(pixels, i * SHAPE_VALUES, SHAPE_CLASSES[label] as ShapeClass, random);
  });
  return { pixels, labels, count };
}
