/**
 * Node-only access to the data sets (tests, the `datasets` command, benchmarks): reading
 * `public/datasets/` from disk and building the MNIST file from the `mnist` package. Never
 * imported by browser code. When the built MNIST file is missing (a fresh checkout before
 * `deepdrill datasets`), the source builds it in memory, so tests see the same digits.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildMnistBytes, MNIST_SPLIT_SEED } from "./build-mnist";
import { DATASET_FILES, DATASETS_DIRECTORY } from "./dataset-files";
import type { DatasetSource } from "./dataset-source";
import { MNIST_FORMAT_VERSION, MNIST_IMAGE_SIZE, type MnistManifest } from "./mnist-format";

/** The package's ten per-class arrays, 784 floats per image, and its version. */
export function readMnistPackage(): { digits: number[][]; version: string } {
  const require = createRequire(import.meta.url);
  const digits: number[][] = [];
  for (let cls = 0; cls < 10; cls++) {
    const file: unknown = require(`mnist/src/digits/${cls}.json`);
    if (typeof file !== "object" || file === null || !("data" in file) || !Array.isArray(file.data)) {
      throw new Error(`mnist/src/digits/${cls}.json has no data array`);
    }
    digits.push(file.data as number[]);
  }
  return { digits, version: mnistPackageVersion() };
}

export function mnistPackageVersion(): string {
  const pkg: unknown = createRequire(import.meta.url)("mnist/package.json");
  return typeof pkg === "object" && pkg !== null && "version" in pkg && typeof pkg.version === "string" ? pkg.version : "unknown";
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The compressed file and its manifest, from the installed `mnist` package. */
export function buildMnistFiles(): { manifest: MnistManifest; compressed: Uint8Array } {
  const { digits, version } = readMnistPackage();
  const { bytes, layout } = buildMnistBytes(digits, MNIST_SPLIT_SEED);
  const compressed = new Uint8Array(gzipSync(bytes, { level: 9 }));
  const manifest: MnistManifest = {
    format: "deepdrill-mnist",
    version: MNIST_FORMAT_VERSION,
    source: { package: "mnist", version, licence: "MIT" },
    imageSize: MNIST_IMAGE_SIZE,
    splitSeed: MNIST_SPLIT_SEED,
    file: DATASET_FILES.mnistData,
    bytes: bytes.length,
    sha256: sha256(bytes),
    compressedBytes: compressed.length,
    ...layout,
  };
  return { manifest, compressed };
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

export function nodeDatasetSource(directory = path.resolve(process.cwd(), DATASETS_DIRECTORY)): DatasetSource {
  let inMemory: ReturnType<typeof buildMnistFiles> | null = null;
  return {
    async readText(file) {
      try {
        return await readFile(path.join(directory, file), "utf8");
      } catch (error) {
        if (!(isMissing(error) && file === DATASET_FILES.mnistManifest)) throw error;
        inMemory ??= buildMnistFiles();
        return JSON.stringify(inMemory.manifest);
      }
    },
    async readBytes(file) {
      // Once the manifest came from memory, so does the data it describes.
      if (inMemory && file === inMemory.manifest.file) return inMemory.compressed;
      return new Uint8Array(await readFile(path.join(directory, file)));
    },
  };
}
