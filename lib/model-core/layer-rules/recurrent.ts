import { formula } from "../formula";
import { describeShape } from "../shape";
import type { LayerOf } from "../spec-schema";
import { accept, allTrainable, reject, type RuleContext, type RuleOutcome } from "./rule-types";

type RecurrentLayer = LayerOf<"simpleRNN" | "lstm" | "gru">;

/** Gate blocks per cell, each a full (input + recurrent + bias) set: RNN 1, GRU 3 (z, r, h), LSTM 4 (i, f, c, o). */
const GATES: Readonly<Record<RecurrentLayer["type"], number>> = { simpleRNN: 1, gru: 3, lstm: 4 };
const TORCH_CLASS: Readonly<Record<RecurrentLayer["type"], string>> = { simpleRNN: "nn.RNN", gru: "nn.GRU", lstm: "nn.LSTM" };

/**
 * Recurrent layers with u units on inputs of p features, g gate blocks (ISLP (2023) §10.5: the
 * simple RNN has W (u × p), U (u × u) and a bias; an LSTM repeats that per gate):
 * $$\text{Keras/tfjs: } g\,u\,(p + u + 1) \qquad \text{PyTorch: } g\,u\,(p + u) + 2\,g\,u$$
 * PyTorch's `nn.RNN/LSTM/GRU` keep two bias vectors, `b_ih` and `b_hh` (torch.nn docs); tfjs keeps
 * one (its GRU supports only `resetAfter: false`). Counting one bias per unit, as Keras does, NYSE's
 * RNN(3 → 12) + dense has 205 parameters, 217 in PyTorch.
 */
export function deriveRecurrent(layer: RecurrentLayer, { index, inputShape }: RuleContext): RuleOutcome {
  const [timesteps, features] = inputShape;
  if (inputShape.length !== 2 || timesteps === undefined || features === undefined) {
    const hint = index === 0 && inputShape.length === 1 ? " (token ids need an embedding first)" : "";
    return reject(
      `a recurrent layer needs a sequence input [timesteps, features]; its input ${describeShape(inputShape)} has rank ${inputShape.length}${hint}`,
    );
  }
  const gates = GATES[layer.type];
  const u = layer.units;
  const weights = gates * u * (features + u);
  const oneBias = gates * u;
  const g = gates === 1 ? "" : `${gates}·`;
  const twoG = `${2 * gates}·`;
  const keras = allTrainable(weights, oneBias, formula`${g}${u}·(${features} + ${u} + 1) = ${weights + oneBias}`);
  const pytorch = allTrainable(weights, 2 * oneBias, formula`${g}${u}·(${features} + ${u}) + ${twoG}${u} = ${weights + 2 * oneBias}`);
  const delta = gates === 1 ? formula`+ ${u}` : formula`+ ${g}${u} = ${oneBias}`;
  const torchClass = TORCH_CLASS[layer.type];
  return accept({
    outputShape: layer.returnSequences ? [timesteps, u] : [u],
    keras,
    pytorch,
    pytorchReason: {
      en: `PyTorch's ${torchClass} carries two bias vectors (b_ih and b_hh): ${delta.text}`,
      ko: `PyTorch의 ${torchClass}에는 편향 벡터가 두 개(b_ih, b_hh) 있습니다: ${delta.text}`,
    },
  });
}
