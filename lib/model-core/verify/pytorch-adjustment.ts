import type { LayerSpec } from "../spec-schema";

/** How many parameters PyTorch counts beyond (or short of) what tfjs built for one layer. */
export interface PytorchAdjustment {
  params: number;
  trainable: number;
}

const NONE: PytorchAdjustment = { params: 0, trainable: 0 };
const GATE_BLOCKS = { simpleRNN: 1, gru: 3, lstm: 4 } as const;

/**
 * The documented difference (docs/architecture.md "Model core: the PyTorch convention"), stated from what tfjs built rather than from the closed form,
 * so the PyTorch count of a verification is "tfjs + this" and not the closed form checking itself:
 * - `nn.RNN/GRU/LSTM` add a second bias vector `b_hh`: + g·u, all trainable;
 * - `nn.BatchNorm*d` keeps the running mean and variance as buffers: − 2·C, none of them trainable
 *   (tfjs lists them as non-trainable weights), C read from the shape tfjs produced.
 */
export function pytorchAdjustment(layer: LayerSpec, tfjsOutputShape: readonly number[]): PytorchAdjustment {
  switch (layer.type) {
    case "simpleRNN":
    case "gru":
    case "lstm": {
      const extraBias = GATE_BLOCKS[layer.type] * layer.units;
      return { params: extraBias, trainable: extraBias };
    }
    case "batchNorm":
      return { params: -2 * (tfjsOutputShape[tfjsOutputShape.length - 1] ?? 0), trainable: 0 };
    default:
      return NONE;
  }
}
