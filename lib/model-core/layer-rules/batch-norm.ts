import { formula } from "../formula";
import type { LayerOf } from "../spec-schema";
import { accept, type RuleContext, type RuleOutcome } from "./rule-types";

/**
 * Batch normalisation over the last axis (C channels or features): learns a scale γ and a shift β
 * per channel and tracks a moving mean and variance for inference.
 * $$\text{Keras/tfjs: } 4C \ (2C \text{ trainable}) \qquad \text{PyTorch: } 2C$$
 * Keras `BatchNormalization` lists the moving statistics as non-trainable weights; PyTorch's
 * `nn.BatchNorm*d` keeps them as buffers, which `parameters()` and torchinfo do not count.
 */
export function deriveBatchNorm(_layer: LayerOf<"batchNorm">, { inputShape }: RuleContext): RuleOutcome {
  const channels = inputShape[inputShape.length - 1] ?? 0;
  const fewer = formula`− 2·${channels} = −${2 * channels}`.text;
  return accept({
    outputShape: [...inputShape],
    keras: {
      params: 4 * channels,
      trainable: 2 * channels,
      nonTrainable: 2 * channels,
      weights: 3 * channels,
      biases: channels,
      formula: formula`4·${channels} = ${4 * channels}`,
    },
    pytorch: {
      params: 2 * channels,
      trainable: 2 * channels,
      nonTrainable: 0,
      weights: channels,
      biases: channels,
      formula: formula`2·${channels} = ${2 * channels}`,
    },
    pytorchReason: {
      en: `PyTorch's nn.BatchNorm keeps the running mean and variance as buffers, not parameters: ${fewer}`,
      ko: `PyTorch의 nn.BatchNorm에서는 이동 평균과 분산이 모수가 아닌 버퍼입니다: ${fewer}`,
    },
  });
}
