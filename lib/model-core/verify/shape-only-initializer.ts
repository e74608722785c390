import * as tf from "@tensorflow/tfjs";

type Initializer = ReturnType<typeof tf.initializers.zeros>;

/**
 * An initialiser for counting only: it hands tfjs a weight of the right shape backed by a
 * one-element buffer, so building a layer allocates and fills nothing.
 *
 * Why: a layer's `build` asks its initialisers for every weight, and that is where building spends
 * its time: `glorotUniform` draws one random number per weight, and the LSTM's `orthogonal`
 * recurrent initialiser runs a QR decomposition (tfjs warns "Slowness may result" above 2,000
 * elements). Even `zeros` (what tfjs' own `setFastWeightInitDuringBuild` uses when loading a model)
 * still allocates the full buffer: 40 GB for a spec at the 10¹⁰-parameter limit. Counting needs
 * only the shapes, which tfjs reads from `Tensor.shape` (`countParams`, `trainableWeights`).
 *
 * The tensor is made the way a backend makes its outputs (`backend.write` + `makeTensorFromTensorInfo`),
 * so the engine's reference counts stay right and `dispose` frees it. Its values must never be
 * read: the model it builds is for counting and is disposed before it leaves `countWithTfjs`.
 * (LSTM's `unitForgetBias` concatenates initial values, so counting turns it off.)
 */
export function shapeOnlyInitializer(): Initializer {
  const initializer = tf.initializers.zeros();
  initializer.apply = (shape, dtype = "float32") => {
    const engine = tf.engine();
    const backend = engine.backend;
    const dataId = backend.write(new Float32Array(1), [1], dtype);
    return engine.makeTensorFromTensorInfo({ dataId, shape: shape.map((dim) => dim ?? 1), dtype }, backend);
  };
  return initializer;
}
