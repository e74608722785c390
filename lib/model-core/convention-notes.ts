/**
 * Where a spec's meaning (not its parameter count) parts between tfjs/Keras and PyTorch, as notes
 * the calculator prints beside the counts (docs/architecture.md, "Model core: the PyTorch
 * convention"). The counts and shapes themselves are the same under both conventions except where
 * `conventionDifference` says; these notes cover what a count cannot show:
 *  - shapes are written channels-last, [height, width, channels], under both conventions, while a
 *    PyTorch tensor is [channels, height, width] (torch.nn.Conv2d, "Shape" in its documentation);
 *  - nn.Conv2d takes padding="same" only with stride 1 ("padding='same' is not supported for
 *    strided convolutions"), and nn.MaxPool2d / nn.AvgPool2d take no "same" at all (an explicit
 *    padding of at most half the window): a strided `same` convolution or any `same` pooling has
 *    no direct PyTorch equivalent;
 *  - hardSigmoid is clip(0.2·x + 0.5, 0, 1) in tfjs (tf.layers activations) and
 *    clip(x/6 + 0.5, 0, 1) in PyTorch (nn.Hardsigmoid);
 *  - under the pytorch convention a flatten of a flat input is nn.Flatten's pass-through.
 */
import type { ArchitectureSpec, LayerSpec } from "./spec-schema";

export type ConventionNoteKind = "channels-last" | "strided-same-conv" | "same-pooling" | "hard-sigmoid" | "flatten-identity";

export interface ConventionNote {
  kind: ConventionNoteKind;
  /** 0-based layers the note concerns (empty for the whole network). */
  layers: number[];
  en: string;
  ko: string;
}

const strided = (strides: number | readonly [number, number]) => (typeof strides === "number" ? strides !== 1 : strides[0] !== 1 || strides[1] !== 1);
const usesHardSigmoid = (layer: LayerSpec) => "activation" in layer && layer.activation === "hardSigmoid";
const layerList = (indices: readonly number[]) => indices.map((i) => i + 1).join(", ");

export function conventionNotes(spec: ArchitectureSpec): ConventionNote[] {
  const notes: ConventionNote[] = [];
  const image = spec.input.length === 3 || spec.layers.some((layer) => layer.type === "conv2d" || layer.type === "maxPool2d" || layer.type === "avgPool2d");
  if (image) {
    notes.push({
      kind: "channels-last",
      layers: [],
      en: "Shapes are written channels-last, [height, width, channels], under both conventions; a PyTorch tensor holds the same numbers as [channels, height, width]. The counts do not change.",
      ko: "두 규칙 모두 모양을 채널 마지막 순서 [높이, 너비, 채널]로 씁니다. PyTorch 텐서는 같은 값을 [채널, 높이, 너비] 순서로 가집니다. 모수 개수는 같습니다.",
    });
  }
  const stridedSame = spec.layers.flatMap((layer, index) => (layer.type === "conv2d" && layer.padding === "same" && strided(layer.strides) ? [index] : []));
  if (stridedSame.length > 0) {
    notes.push({
      kind: "strided-same-conv",
      layers: stridedSame,
      en: `Layer ${layerList(stridedSame)}: a strided convolution with "same" padding has no PyTorch equivalent (nn.Conv2d accepts padding="same" only with stride 1; explicit padding may give another output size).`,
      ko: `${layerList(stridedSame)}번 층: 스트라이드가 1이 아닌 "same" 패딩 컨볼루션은 PyTorch에 그대로 대응하는 것이 없습니다 (nn.Conv2d는 스트라이드 1일 때만 padding="same"을 받습니다. 패딩을 직접 주면 출력 크기가 달라질 수 있습니다).`,
    });
  }
  const samePooling = spec.layers.flatMap((layer, index) => ((layer.type === "maxPool2d" || layer.type === "avgPool2d") && layer.padding === "same" ? [index] : []));
  if (samePooling.length > 0) {
    notes.push({
      kind: "same-pooling",
      layers: samePooling,
      en: `Layer ${layerList(samePooling)}: pooling with "same" padding has no PyTorch equivalent (nn.MaxPool2d and nn.AvgPool2d take only an explicit padding of at most half the window).`,
      ko: `${layerList(samePooling)}번 층: "same" 패딩 풀링은 PyTorch에 대응하는 것이 없습니다 (nn.MaxPool2d와 nn.AvgPool2d는 창 크기 절반 이하의 패딩을 직접 줄 때만 받습니다).`,
    });
  }
  const hardSigmoid = spec.layers.flatMap((layer, index) => (usesHardSigmoid(layer) ? [index] : []));
  if (hardSigmoid.length > 0) {
    notes.push({
      kind: "hard-sigmoid",
      layers: hardSigmoid,
      en: `Layer ${layerList(hardSigmoid)}: hardSigmoid is clip(0.2·x + 0.5, 0, 1) in tfjs but clip(x/6 + 0.5, 0, 1) in PyTorch (nn.Hardsigmoid): same count, different function.`,
      ko: `${layerList(hardSigmoid)}번 층: hardSigmoid는 tfjs에서 clip(0.2·x + 0.5, 0, 1), PyTorch(nn.Hardsigmoid)에서 clip(x/6 + 0.5, 0, 1)입니다. 모수 개수는 같고 함수가 다릅니다.`,
    });
  }
  if (spec.convention === "pytorch") {
    const flatFlattens: number[] = [];
    let rank = spec.input.length;
    for (const [index, layer] of spec.layers.entries()) {
      if (layer.type === "flatten" && rank < 2) flatFlattens.push(index);
      rank = nextRank(layer, rank);
    }
    if (flatFlattens.length > 0) {
      notes.push({
        kind: "flatten-identity",
        layers: flatFlattens,
        en: `Layer ${layerList(flatFlattens)}: the input is already flat, so nn.Flatten passes it through unchanged (tf.layers.flatten would refuse it; the keras convention does).`,
        ko: `${layerList(flatFlattens)}번 층: 입력이 이미 평평하므로 nn.Flatten은 그대로 통과시킵니다 (tf.layers.flatten은 거부하며, keras 규칙도 거부합니다).`,
      });
    }
  }
  return notes;
}

/** The rank (without the batch axis) a layer outputs, for the layers that change it. */
function nextRank(layer: LayerSpec, rank: number): number {
  switch (layer.type) {
    case "flatten":
    case "dense":
      return layer.type === "flatten" ? 1 : rank;
    case "embedding":
      return rank + 1;
    case "simpleRNN":
    case "lstm":
    case "gru":
      return layer.returnSequences ? 2 : 1;
    default:
      return rank;
  }
}
