/**
 * The NYSE data (ISLP `NYSE.csv`, 1962-12-03 to 1986-12-31, 6,051 trading days) prepared as in the
 * ISLP lab §10.9.6: the three series DJ_return, log_volume and log_volatility standardised (with
 * all rows, as the lab's `StandardScaler` does), then for each day t the lagged values
 * t−5, …, t−1 of all three as a 5 × 3 sequence (oldest first, so the RNN reads them in time
 * order) to predict log_volume at t. The first five days have no full history and are dropped;
 * the file's `train` column splits the rest (the lab trains on days before 1980).
 */
import { columnIndex, parseCsv } from "./csv";
import { applyStandardisation, columnStatistics } from "./standardise";

export const NYSE_SERIES = ["DJ_return", "log_volume", "log_volatility"] as const;
export const NYSE_LAGS = 5;

export interface NyseTable {
  dates: string[];
  /** Row-major, days × 3, in NYSE_SERIES order, unscaled. */
  series: Float32Array;
  isTrain: boolean[];
}

export function parseNyse(csvText: string): NyseTable {
  const table = parseCsv(csvText);
  const dateColumn = columnIndex(table, "date");
  const trainColumn = columnIndex(table, "train");
  const seriesColumns = NYSE_SERIES.map((name) => columnIndex(table, name));
  const series = new Float32Array(table.rows.length * NYSE_SERIES.length);
  const dates: string[] = [];
  const isTrain: boolean[] = [];
  table.rows.forEach((row, r) => {
    dates.push(row[dateColumn] ?? "");
    const flag = (row[trainColumn] ?? "").toUpperCase();
    if (flag !== "TRUE" && flag !== "FALSE") throw new Error(`NYSE row ${r + 2}: train must be TRUE or FALSE, got "${row[trainColumn]}"`);
    isTrain.push(flag === "TRUE");
    seriesColumns.forEach((column, s) => {
      const value = Number(row[column]);
      if (!Number.isFinite(value)) throw new Error(`NYSE row ${r + 2}: ${NYSE_SERIES[s]} is not a number`);
      series[r * NYSE_SERIES.length + s] = value;
    });
  });
  return { dates, series, isTrain };
}

export interface NyseLagged {
  /** Samples × 5 × 3, row-major; lag 5 first, lag 1 last. */
  xTrain: Float32Array;
  xTest: Float32Array;
  /** Standardised log_volume on the predicted day. */
  yTrain: Float32Array;
  yTest: Float32Array;
  trainCount: number;
  testCount: number;
  /** The predicted days of the test samples, for plotting. */
  testDates: string[];
}

export function lagNyse(table: NyseTable, lags = NYSE_LAGS): NyseLagged {
  const width = NYSE_SERIES.length;
  const days = table.dates.length;
  const scaled = applyStandardisation(table.series, columnStatistics(table.series, width));
  const volume = NYSE_SERIES.indexOf("log_volume");
  const train: { x: number[]; y: number[] } = { x: [], y: [] };
  const test: { x: number[]; y: number[]; dates: string[] } = { x: [], y: [], dates: [] };
  for (let day = lags; day < days; day++) {
    const target = table.isTrain[day] ? train : test;
    for (let lag = lags; lag >= 1; lag--) {
      const from = (day - lag) * width;
      for (let s = 0; s < width; s++) target.x.push(scaled[from + s] as number);
    }
    target.y.push(scaled[day * width + volume] as number);
    if (!table.isTrain[day]) test.dates.push(table.dates[day] ?? "");
  }
  return {
    xTrain: Float32Array.from(train.x),
    xTest: Float32Array.from(test.x),
    yTrain: Float32Array.from(train.y),
    yTest: Float32Array.from(test.y),
    trainCount: train.y.length,
    testCount: test.y.length,
    testDates: test.dates,
  };
}
