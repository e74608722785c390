import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRandom } from "../random/seeded-random";
import { buildMnistBytes } from "./build-mnist";
import { columnIndex, parseCsv } from "./csv";
import { DATASET_FILES, DATASETS_DIRECTORY } from "./dataset-files";
import { createDatasetCache } from "./dataset-source";
import { HITTERS_TEST_ROWS, HITTERS_TRAIN_ROWS, splitHitters } from "./hitters";
import { decodeMnist, gunzip, MNIST_PIXELS, type MnistManifest } from "./mnist-format";
import { nodeDatasetSource } from "./node-datasets";
import { lagNyse } from "./nyse";

const cache = createDatasetCache(nodeDatasetSource());

describe("CSV", () => {
  it("reads quoted fields, doubled quotes, CRLF and a missing final newline", () => {
    expect(parseCsv('a,"b, c",d\r\n1,"say ""hi""",\r\n2,x,y')).toEqual({
      header: ["a", "b, c", "d"],
      rows: [
        ["1", 'say "hi"', ""],
        ["2", "x", "y"],
      ],
    });
  });
  it("rejects a ragged row with its line number, and an unclosed quote", () => {
    expect(() => parseCsv("a,b\n1,2\n3")).toThrow("CSV row 3 has 1 fields; the header has 2");
    expect(() => parseCsv('a,b\n1,"2\n3,4')).toThrow("CSV row");
  });

  // The shipped files have no quoted commas or line breaks, so splitting lines on commas (and
  // dropping NYSE's quotes) is an independent reading to check the parser against.
  const shipped = async (file: string) => readFile(path.join(DATASETS_DIRECTORY, file), "utf8");
  const naiveRows = (text: string) =>
    text
      .split(/\r?\n/)
      .filter((line) => line !== "")
      .map((line) => line.split(",").map((cell) => cell.replace(/^"(.*)"$/, "$1")));
  const columnSum = (rows: string[][], column: number) => rows.reduce((sum, row) => sum + (row[column] ? Number(row[column]) : 0), 0);

  it.each([
    [DATASET_FILES.hitters, "Salary", 322],
    [DATASET_FILES.nyse, "log_volume", 6051],
  ])("reads the shipped %s as splitting its lines does (rows, %s total, first and last rows)", async (file, column, rowCount) => {
    const text = await shipped(file);
    const [naiveHeader = [], ...naive] = naiveRows(text);
    const table = parseCsv(text);
    expect(table.header).toEqual(naiveHeader);
    expect([table.rows.length, naive.length]).toEqual([rowCount, rowCount]);
    const index = columnIndex(table, column);
    expect(columnSum(table.rows, index)).toBeCloseTo(columnSum(naive, index), 6);
    expect([table.rows[0], table.rows.at(-1)]).toEqual([naive[0], naive.at(-1)]);
  });
});

describe("Hitters as in the ISLP lab", () => {
  it("keeps the 263 players with a salary, one-hot encodes the factors into 19 predictors, splits 175 / 88", async () => {
    const { hitters } = await cache.load(["hitters"]);
    if (!hitters) throw new Error("not loaded");
    expect(hitters.rows).toBe(263);
    expect(hitters.predictors).toHaveLength(19);
    expect(hitters.predictors.slice(13, 16)).toEqual(["League[N]", "Division[W]", "PutOuts"]);
    expect(hitters.predictors.at(-1)).toBe("NewLeague[N]");
    // -Alan Ashby, the first row with a salary: 475.0 thousand dollars, National League, West.
    expect(hitters.salary[0]).toBe(475);
    expect(Array.from(hitters.x.subarray(0, 19))).toEqual([315, 81, 7, 24, 38, 39, 14, 3449, 835, 69, 321, 414, 375, 1, 1, 632, 43, 10, 1]);
    const split = splitHitters(hitters, createRandom(1));
    expect([split.trainRows.length, split.testRows.length]).toEqual([HITTERS_TRAIN_ROWS, HITTERS_TEST_ROWS]);
    expect([HITTERS_TRAIN_ROWS, HITTERS_TEST_ROWS]).toEqual([175, 88]);
    expect(new Set([...split.trainRows, ...split.testRows]).size).toBe(263);
    // Standardised with the training rows: each training column has mean 0, sd 1.
    const column = Array.from({ length: 175 }, (_, r) => split.xTrain[r * 19] ?? NaN);
    const mean = column.reduce((a, b) => a + b, 0) / 175;
    const sd = Math.sqrt(column.reduce((a, b) => a + (b - mean) ** 2, 0) / 174);
    expect(mean).toBeCloseTo(0, 5);
    expect(sd).toBeCloseTo(1, 5);
    expect(splitHitters(hitters, createRandom(1)).testRows).toEqual(split.testRows);
    expect(splitHitters(hitters, createRandom(2)).testRows).not.toEqual(split.testRows);
  });
});

describe("NYSE as in the ISLP lab", () => {
  it("makes lag-5 sequences of the three standardised series, split by the train column", async () => {
    const { nyse } = await cache.load(["nyse"]);
    if (!nyse) throw new Error("not loaded");
    expect(nyse.dates).toHaveLength(6051);
    const lagged = lagNyse(nyse);
    expect(lagged.trainCount + lagged.testCount).toBe(6046);
    expect(lagged.testCount).toBe(1770);
    expect(lagged.xTrain).toHaveLength(lagged.trainCount * 15);
    // Sample 1 predicts day 6 from days 1–5 (rows oldest first, columns DJ_return, log_volume,
    // log_volatility). Its target, day 6's volume, is sample 2's lag-1 volume (row 5, column 2);
    // sample 1's lag-1 volume (day 5) is sample 2's lag-2 volume.
    expect(lagged.xTrain[15 + 4 * 3 + 1]).toBeCloseTo(lagged.yTrain[0] ?? NaN, 6);
    expect(lagged.xTrain[15 + 3 * 3 + 1]).toBeCloseTo(lagged.xTrain[4 * 3 + 1] ?? NaN, 6);
    expect(lagged.testDates[0]).toBe("1980-01-02");
  });
});

describe("MNIST file", () => {
  it("encodes and decodes the layout, and gunzip passes plain bytes through", async () => {
    const digits = Array.from({ length: 10 }, (_, cls) => Array.from({ length: 1001 * MNIST_PIXELS }, (_, i) => ((i + cls) % 256) / 255));
    const { bytes, layout } = buildMnistBytes(digits, 1);
    const manifest = { bytes: bytes.length, ...layout } as MnistManifest;
    const decoded = decodeMnist(await gunzip(bytes), manifest);
    expect([decoded.train.count, decoded.test.count]).toEqual([8000, 2010]);
    expect(Array.from(decoded.train.labels).every((label) => label < 10)).toBe(true);
    expect(() => decodeMnist(bytes.subarray(1), manifest)).toThrow("the manifest says");
  });

  it("ships 8,000 training and 2,000 test digits with every class in both", async () => {
    const { mnist } = await cache.load(["mnist"]);
    if (!mnist) throw new Error("not loaded");
    expect([mnist.train.count, mnist.test.count]).toEqual([8000, 2000]);
    expect(mnist.train.pixels).toHaveLength(8000 * 784);
    const counts = new Array<number>(10).fill(0);
    mnist.test.labels.forEach((label) => (counts[label] = (counts[label] ?? 0) + 1));
    expect(Math.min(...counts)).toBeGreaterThan(150);
    expect(mnist.train.pixels.reduce((a, b) => Math.max(a, b), 0)).toBe(255);
  });
});
