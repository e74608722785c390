/** Per-epoch measurements the experiments share, scored on the model's predictions for one split. */
import { accuracy, argMaxRows } from "../../metrics/classification-metrics";
import { meanAbsoluteError, meanSquaredError, rSquared } from "../../metrics/regression-metrics";
import type { ArrayDataset, DataSplit, EpochMetric } from "../../engine/experiment-types";

/** Back to the original units when the targets were standardised for training. */
function unscaled(data: ArrayDataset, values: Float32Array): Float32Array {
  if (!data.yScale) return values;
  const { mean, sd } = data.yScale;
  return values.map((value) => value * sd + mean);
}

/** Share of samples whose highest score is the one-hot label's class. */
export function accuracyMetric(name: string, on: DataSplit): EpochMetric {
  return {
    name,
    on,
    score: (data, predictions) => accuracy(argMaxRows(data.y, data.yWidth), argMaxRows(predictions, data.yWidth)),
  };
}

/** Mean squared error in the units the model was trained in (a loss computed with dropout off). */
export function mseMetric(name: string, on: DataSplit): EpochMetric {
  return { name, on, score: (data, predictions) => meanSquaredError(data.y, predictions) };
}

/** Mean absolute error in the response's original units (Hitters: thousands of dollars). */
export function maeMetric(name: string, on: DataSplit): EpochMetric {
  return { name, on, score: (data, predictions) => meanAbsoluteError(unscaled(data, data.y), unscaled(data, predictions)) };
}

export function rSquaredMetric(name: string, on: DataSplit): EpochMetric {
  return { name, on, score: (data, predictions) => rSquared(data.y, predictions) };
}

/** Mean cross-entropy −log p(true class) of softmax outputs against one-hot labels. */
export function crossEntropyMetric(name: string, on: DataSplit): EpochMetric {
  return {
    name,
    on,
    score: (data, probabilities) => {
      let total = 0;
      for (let i = 0; i < data.y.length; i++) if (data.y[i] === 1) total -= Math.log(Math.max(probabilities[i] as number, 1e-7));
      return total / data.count;
    },
  };
}
