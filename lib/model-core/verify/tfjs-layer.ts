import * as tf from "@tensorflow/tfjs";
import { layerNames } from "../layer-names";
import type { ArchitectureSpec, LayerSpec } from "../spec-schema";

export type Initializer = ReturnType<typeof tf.initializers.zeros>;

/** Where each weight's starting values come from. Called once per weight, so seeds can differ. */
export interface WeightInitializers {
  kernel(): Initializer;
  recurrentKernel(): Initializer;
  bias(): Initializer;
  embeddings(): Initializer;
  gamma(): Initializer;
  beta(): Initializer;
  movingMean(): Initializer;
  movingVariance(): Initializer;
  /** Keras' LSTM default (forget-gate bias starts at 1); its initialiser concatenates real values. */
  unitForgetBias: boolean;
}

/**
 * The tf.layers equivalent of one spec layer. Activations and sizes map one to one; the recurrent
 * activation is the logistic sigmoid of ISLP §10.5 and PyTorch, not tfjs' default `hardSigmoid`.
 */
export function toTfjsLayer(
  layer: LayerSpec,
  { name, inputShape, init, flatInput }: { name: string; inputShape?: number[]; init: WeightInitializers; flatInput?: readonly number[] },
): tf.layers.Layer {
  const base = inputShape === undefined ? { name } : { name, inputShape };
  switch (layer.type) {
    case "dense":
      return tf.layers.dense({
        ...base,
        units: layer.units,
        activation: layer.activation,
        useBias: layer.useBias,
        kernelInitializer: init.kernel(),
        biasInitializer: init.bias(),
      });
    case "conv2d":
      return tf.layers.conv2d({
        ...base,
        filters: layer.filters,
        kernelSize: toTfjsWindow(layer.kernelSize),
        strides: toTfjsWindow(layer.strides),
        padding: layer.padding,
        dataFormat: "channelsLast",
        activation: layer.activation,
        useBias: layer.useBias,
        kernelInitializer: init.kernel(),
        biasInitializer: init.bias(),
      });
    case "maxPool2d":
    case "avgPool2d": {
      const args = {
        ...base,
        poolSize: toTfjsWindow(layer.poolSize),
        strides: toTfjsWindow(layer.strides ?? layer.poolSize),
        padding: layer.padding,
      };
      return layer.type === "maxPool2d" ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args);
    }
    case "flatten":
      // nn.Flatten of a flat input (the pytorch convention only) is the identity: tf.layers.flatten refuses it.
      return flatInput ? tf.layers.reshape({ ...base, targetShape: [...flatInput] }) : tf.layers.flatten(base);
    case "dropout":
      // Never seeded: a seeded tfjs Dropout draws the same mask on every call (ENVIRONMENT.md).
      return tf.layers.dropout({ ...base, rate: layer.rate });
    case "activation":
      return tf.layers.activation({ ...base, activation: layer.activation });
    case "embedding":
      return tf.layers.embedding({
        ...base,
        inputDim: layer.inputDim,
        outputDim: layer.outputDim,
        embeddingsInitializer: init.embeddings(),
      });
    case "simpleRNN":
      return tf.layers.simpleRNN({ ...base, ...recurrentArgs(layer, init) });
    case "lstm":
      return tf.layers.lstm({
        ...base,
        ...recurrentArgs(layer, init),
        recurrentActivation: "sigmoid",
        unitForgetBias: init.unitForgetBias,
      });
    case "gru":
      // tfjs' GRU is always the reset-before variant (Keras `reset_after=False`): one bias vector.
      return tf.layers.gru({ ...base, ...recurrentArgs(layer, init), recurrentActivation: "sigmoid" });
    case "batchNorm":
      return tf.layers.batchNormalization({
        ...base,
        axis: -1,
        gammaInitializer: init.gamma(),
        betaInitializer: init.beta(),
        movingMeanInitializer: init.movingMean(),
        movingVarianceInitializer: init.movingVariance(),
      });
  }
}

function recurrentArgs(layer: { units: number; returnSequences: boolean }, init: WeightInitializers) {
  return {
    units: layer.units,
    returnSequences: layer.returnSequences,
    kernelInitializer: init.kernel(),
    recurrentInitializer: init.recurrentKernel(),
    biasInitializer: init.bias(),
  };
}

function toTfjsWindow(size: number | readonly [number, number]): number | [number, number] {
  return typeof size === "number" ? size : [size[0], size[1]];
}

/**
 * `tf.sequential` of the whole spec, layer names as in the closed form ("dense_1"). The caller owns
 * the model and disposes it; if a layer fails to build, what was built is disposed here.
 */
export function buildSequential(spec: ArchitectureSpec, init: WeightInitializers): tf.Sequential {
  const names = layerNames(spec.layers);
  const model = tf.sequential();
  try {
    // Weights are variables and outlive the tidy; what initialisers leave behind does not (tfjs'
    // LSTM `unitForgetBias` initialiser leaks the four vectors it concatenates, per build).
    tf.tidy(() => {
      spec.layers.forEach((layer, index) => {
        const inputShape = index === 0 ? [...spec.input] : undefined;
        const incoming = index === 0 ? spec.input : model.outputs[0]?.shape.slice(1);
        const flatInput = layer.type === "flatten" && incoming !== undefined && incoming.length < 2 ? incoming.map((dim) => dim ?? 0) : undefined;
        model.add(toTfjsLayer(layer, { name: names[index] ?? `layer_${index + 1}`, inputShape, init, flatInput }));
      });
    });
  } catch (error) {
    if (model.layers.length > 0) model.dispose();
    throw error;
  }
  return model;
}
