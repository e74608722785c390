/**
 * The prepared arrays as tensors, created once per run and shared by its models: one [count,
 * features] tensor per split, reshaped (no copy) to each model's input shape. Everything created
 * here is freed by `dispose`.
 */
import type { ArrayDataset, DataSplit, PreparedData } from "./experiment-types";
import type { Tensor, Tf } from "./tfjs-types";

export interface SplitTensors {
  x: Tensor;
  y: Tensor;
  data: ArrayDataset;
}

export function createSplitTensors(tf: Tf, data: PreparedData) {
  const owned: Tensor[] = [];
  const base = new Map<DataSplit, { x: Tensor; y: Tensor; data: ArrayDataset }>();
  const shaped = new Map<string, SplitTensors>();

  const baseOf = (split: DataSplit) => {
    let entry = base.get(split);
    if (!entry) {
      const set = data[split];
      if (!set) throw new Error(`the experiment prepared no ${split} data`);
      const features = set.x.length / set.count;
      if (!Number.isInteger(features)) throw new Error(`${split}: ${set.x.length} values is not ${set.count} whole samples`);
      const x = tf.tensor2d(set.x, [set.count, features]);
      const y = tf.tensor2d(set.y, [set.count, set.yWidth]);
      owned.push(x, y);
      entry = { x, y, data: set };
      base.set(split, entry);
    }
    return entry;
  };

  return {
    /** The split's arrays (no tensors). */
    data(split: DataSplit): ArrayDataset {
      const set = data[split];
      if (!set) throw new Error(`the experiment prepared no ${split} data`);
      return set;
    },
    /** The split with x shaped [count, ...inputShape]. */
    get(split: DataSplit, inputShape: readonly number[]): SplitTensors {
      const key = `${split}:${inputShape.join("x")}`;
      let entry = shaped.get(key);
      if (!entry) {
        const { x, y, data: set } = baseOf(split);
        const perSample = inputShape.reduce((a, b) => a * b, 1);
        if (perSample !== x.shape[1]) {
          throw new Error(`${split} samples have ${x.shape[1]} values; the model's input ${JSON.stringify(inputShape)} needs ${perSample}`);
        }
        const reshaped = inputShape.length === 1 ? x : x.reshape([set.count, ...inputShape]);
        if (reshaped !== x) owned.push(reshaped);
        entry = { x: reshaped, y, data: set };
        shaped.set(key, entry);
      }
      return entry;
    },
    dispose() {
      tf.dispose(owned);
      owned.length = 0;
      base.clear();
      shaped.clear();
    },
  };
}
export type SplitTensorCache = ReturnType<typeof createSplitTensors>;
