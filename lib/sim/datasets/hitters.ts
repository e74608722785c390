/**
 * The Hitters data (ISLP `Hitters.csv`; 1986–87 Major League Baseball) prepared as in the ISLP lab
 * §10.9.1: rows without a Salary dropped (322 → 263), the three two-level factors one-hot encoded
 * with their first level dropped (League[N], Division[W], NewLeague[N]), giving 19 predictors in
 * the file's column order, and a 175 / 88 train/test split (`test_size=1/3`).
 *
 * Two honest differences from the lab: the split is a seeded permutation of our own (scikit-learn's
 * `random_state=1` permutation cannot be reproduced outside NumPy), and the standardisation uses
 * the training rows only (the lab scales with all 263 rows first), so no test row informs training.
 */
import { permutation, type SeededRandom } from "../random/seeded-random";
import { columnIndex, parseCsv } from "./csv";
import { applyStandardisation, columnStatistics, type ColumnStatistics } from "./standardise";

const FACTORS = { League: "N", Division: "W", NewLeague: "N" } as const;

export interface HittersTable {
  /** 19 predictor names in model order ("AtBat", ..., "League[N]", ...). */
  predictors: string[];
  /** Row-major, rows × 19, unscaled. */
  x: Float32Array;
  /** Salary in thousands of dollars. */
  salary: Float32Array;
  rows: number;
}

export const HITTERS_ROWS_WITH_SALARY = 263;
export const HITTERS_TEST_ROWS = Math.ceil(HITTERS_ROWS_WITH_SALARY / 3);
export const HITTERS_TRAIN_ROWS = HITTERS_ROWS_WITH_SALARY - HITTERS_TEST_ROWS;

export function parseHitters(csvText: string): HittersTable {
  const table = parseCsv(csvText);
  const salaryColumn = columnIndex(table, "Salary");
  const predictors: string[] = [];
  const extractors: ((row: string[]) => number)[] = [];
  table.header.forEach((name, column) => {
    if (column === salaryColumn) return;
    if (name in FACTORS) {
      const level = FACTORS[name as keyof typeof FACTORS];
      predictors.push(`${name}[${level}]`);
      extractors.push((row) => (row[column] === level ? 1 : 0));
    } else {
      predictors.push(name);
      extractors.push((row) => {
        const value = Number(row[column]);
        if (!Number.isFinite(value)) throw new Error(`Hitters: column ${name} has a non-number "${row[column]}"`);
        return value;
      });
    }
  });
  const kept = table.rows.filter((row) => (row[salaryColumn] ?? "").trim() !== "" && row[salaryColumn] !== "NA");
  const x = new Float32Array(kept.length * predictors.length);
  const salary = new Float32Array(kept.length);
  kept.forEach((row, r) => {
    extractors.forEach((extract, c) => {
      x[r * predictors.length + c] = extract(row);
    });
    salary[r] = Number(row[salaryColumn]);
  });
  return { predictors, x, salary, rows: kept.length };
}

export interface HittersSplit {
  predictors: string[];
  /** Indices into the 263 kept rows. */
  trainRows: number[];
  testRows: number[];
  /** Standardised with the training rows' statistics. */
  xTrain: Float32Array;
  xTest: Float32Array;
  /** Salary, thousands of dollars, unscaled. */
  yTrain: Float32Array;
  yTest: Float32Array;
  scaling: ColumnStatistics;
}

export function splitHitters(table: HittersTable, random: SeededRandom): HittersSplit {
  const p = table.predictors.length;
  const order = Array.from(permutation(table.rows, random));
  const testCount = Math.ceil(table.rows / 3);
  const testRows = order.slice(0, testCount).sort((a, b) => a - b);
  const trainRows = order.slice(testCount).sort((a, b) => a - b);
  const pick = (rows: number[]) => {
    const x = new Float32Array(rows.length * p);
    const y = new Float32Array(rows.length);
    rows.forEach((row, i) => {
      x.set(table.x.subarray(row * p, (row + 1) * p), i * p);
      y[i] = table.salary[row] as number;
    });
    return { x, y };
  };
  const train = pick(trainRows);
  const test = pick(testRows);
  const scaling = columnStatistics(train.x, p);
  return {
    predictors: table.predictors,
    trainRows,
    testRows,
    xTrain: applyStandardisation(train.x, scaling),
    xTest: applyStandardisation(test.x, scaling),
    yTrain: train.y,
    yTest: test.y,
    scaling,
  };
}
