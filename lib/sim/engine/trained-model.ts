/**
 * `TrainedModel` handles given to an experiment's `analyse`: predictions (with dropout on or off),
 * a layer's output and a layer's weights, as plain arrays. Every tensor made here is freed before
 * the promise resolves. Linear models fitted without tfjs (least squares, the lasso) answer
 * `predict` and `layerWeights` from their coefficients and have no layer outputs.
 */
import { predictLeastSquares, type LeastSquaresFit } from "../linear/least-squares";
import type { ModelRecord, TrainedModel } from "./experiment-types";
import type { Sequential, Tensor, Tf } from "./tfjs-types";

async function readAndFree(tensor: Tensor): Promise<{ shape: number[]; values: Float32Array }> {
  try {
    return { shape: [...tensor.shape], values: new Float32Array(await tensor.data()) };
  } finally {
    tensor.dispose();
  }
}

function single(tf: Tf, output: unknown): Tensor {
  const tensor = Array.isArray(output) ? output[0] : output;
  if (!(tensor instanceof tf.Tensor)) throw new Error("the model returned no tensor");
  return tensor;
}

export function tfjsTrainedModel(tf: Tf, model: Sequential, record: ModelRecord): TrainedModel {
  const inputShape = record.spec.input;
  const asInput = (x: Float32Array, count: number) => tf.tensor(x, [count, ...inputShape]);
  const layerAt = (index: number) => {
    const layer = model.layers[index];
    if (!layer) throw new Error(`${record.id} has no layer ${index} (it has ${model.layers.length})`);
    return layer;
  };
  return {
    record,
    async predict(x, count, options = {}) {
      const output = tf.tidy(() => {
        const input = asInput(x, count);
        // `apply` with training: true runs Dropout as in training (a fresh mask per call); `predict` never does.
        return options.training ? single(tf, model.apply(input, { training: true })) : single(tf, model.predict(input));
      });
      return (await readAndFree(output)).values;
    },
    async layerOutput(index, x, count) {
      layerAt(index);
      const output = tf.tidy(() => {
        let h: Tensor = asInput(x, count);
        for (let i = 0; i <= index; i++) h = single(tf, layerAt(i).apply(h, { training: false }));
        return h;
      });
      return readAndFree(output);
    },
    async layerWeights(index) {
      // `getWeights` returns the variables themselves: read them, never dispose them.
      return Promise.all(
        layerAt(index)
          .getWeights()
          .map(async (weight) => ({ shape: [...weight.shape], values: new Float32Array(await weight.data()) })),
      );
    },
  };
}

export function leastSquaresTrainedModel(fit: LeastSquaresFit, record: ModelRecord): TrainedModel {
  const none = () => Promise.reject(new Error(`${record.id} is fitted without tfjs and has no layer outputs`));
  return {
    record,
    predict: async (x) => predictLeastSquares(fit, x),
    layerOutput: none,
    // Its one dense(1) layer's weights in tfjs' order and shapes: kernel [p, 1], then bias [1].
    layerWeights: async (index) => {
      if (index !== 0) throw new Error(`${record.id} has no layer ${index} (it has 1)`);
      return [
        { shape: [fit.coefficients.length, 1], values: Float32Array.from(fit.coefficients) },
        { shape: [1], values: Float32Array.of(fit.intercept) },
      ];
    },
  };
}
