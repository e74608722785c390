/**
 * Where the shipped data sets live: `public/datasets/` on disk, `/datasets/` over HTTP.
 * The MNIST pair is built by `deepdrill datasets` (git-ignored); the CSVs are committed.
 */
export const DATASETS_URL_PATH = "/datasets/";
export const DATASETS_DIRECTORY = "public/datasets";

export const DATASET_FILES = {
  mnistManifest: "mnist-10k.json",
  mnistData: "mnist-10k.u8.gz",
  hitters: "Hitters.csv",
  nyse: "NYSE.csv",
} as const;

export type DatasetId = "mnist" | "hitters" | "nyse";
