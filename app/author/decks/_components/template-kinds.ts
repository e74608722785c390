/**
 * The form's common template kinds (pure): a handful of fields in, a complete template in the deck
 * format out (prompt and worked solution in both languages, the answer from the model core or a
 * calculator, the author's closed form that the harness checks, and a typical mistake). The YAML is
 * then the author's to refine in the editor.
 */
import { itemsYaml } from "@/lib/content/export-yaml";
import type { Template } from "@/lib/questions";

export const TEMPLATE_KINDS = ["dense-params", "rnn-params", "conv-output-size", "activation-value", "steps-per-epoch", "dropout"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export interface TemplateFormValues {
  kind: TemplateKind;
  id: string;
  concept: string;
  titleKo: string;
  titleEn: string;
  /** dense-params: inputs p, the hidden layers' units (1–3 layers), outputs M. */
  inputs: string;
  hidden: string[];
  outputs: string;
  activation: "relu" | "sigmoid" | "tanh";
  ask: "total" | "weights" | "biases";
  /** rnn-params */
  rnnType: "simpleRNN" | "lstm" | "gru";
  features: string;
  units: string;
  timesteps: string;
  convention: "keras" | "pytorch";
  /** conv-output-size */
  size: string;
  kernel: string;
  stride: string;
  /** activation-value */
  fn: "sigmoid" | "tanh" | "relu";
  z: string;
  /** steps-per-epoch */
  examples: string;
  batch: string;
  /** dropout */
  dropoutUnits: string;
  rate: string;
}

export const DEFAULT_VALUES: TemplateFormValues = {
  kind: "dense-params",
  id: "",
  concept: "",
  titleKo: "",
  titleEn: "",
  inputs: "2..20",
  hidden: ["2..30"],
  outputs: "1",
  activation: "relu",
  ask: "total",
  rnnType: "lstm",
  features: "2..50",
  units: "4..64 step 4",
  timesteps: "5..50 step 5",
  convention: "keras",
  size: "8..64",
  kernel: "[3, 5]",
  stride: "[1, 2]",
  fn: "sigmoid",
  z: "-4..4",
  examples: "1000..60000 step 1000",
  batch: "[32, 64, 128]",
  dropoutUnits: "10..500 step 10",
  rate: "[0.1, 0.2, 0.3, 0.4, 0.5]",
};

export const DEFAULT_TITLES: Record<TemplateKind, { ko: string; en: string }> = {
  "dense-params": { ko: "완전 연결 신경망의 모수 수", en: "Parameters of a fully connected network" },
  "rnn-params": { ko: "순환층의 모수 수", en: "Parameters of a recurrent layer" },
  "conv-output-size": { ko: "컨볼루션 출력의 크기", en: "Size of a convolution's output" },
  "activation-value": { ko: "활성화 함수의 값", en: "Value of an activation function" },
  "steps-per-epoch": { ko: "에폭당 단계 수", en: "Steps per epoch" },
  dropout: { ko: "드롭아웃 후 남는 유닛", en: "Units left after dropout" },
};

/** A parameter as the form gives it: a list `[3, 5]`, a number, or a range `2..20`. */
function paramValue(source: string): string | number | (string | number)[] {
  const text = source.trim();
  if (/^\[.*\]$/.test(text)) {
    return text
      .slice(1, -1)
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => (/^-?\d+(\.\d+)?$/.test(part) ? Number(part) : part));
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

const GATES = { simpleRNN: 1, lstm: 4, gru: 3 } as const;
const RNN_NAMES = { simpleRNN: "SimpleRNN", lstm: "LSTM", gru: "GRU" } as const;

function denseTemplate(values: TemplateFormValues): Omit<Template, "id" | "concept" | "title"> {
  const hidden = values.hidden.length > 0 ? values.hidden.slice(0, 3) : ["2..30"];
  const names = hidden.map((_, i) => `K_${i + 1}`);
  const params: Record<string, string | number | (string | number)[]> = { p: paramValue(values.inputs) };
  names.forEach((name, i) => (params[name] = paramValue(hidden[i] ?? "2..30")));
  params.M = paramValue(values.outputs);
  const chain = ["p", ...names, "M"];
  const pairs = chain.slice(1).map((to, i) => [chain[i] ?? "p", to] as const);
  const formula =
    values.ask === "total"
      ? pairs.map(([from, to]) => `(${from}+1)*${to}`).join(" + ")
      : values.ask === "weights"
        ? pairs.map(([from, to]) => `${from}*${to}`).join(" + ")
        : chain.slice(1).join(" + ");
  const hiddenEn = names.map((name) => `{{${name}}}`).join(", ");
  const hiddenKo = names.map((name) => `{{${name}}}`).join(", ");
  const layersEn = names.length === 1 ? `one hidden layer of ${hiddenEn} units` : `${names.length} hidden layers of ${hiddenEn} units`;
  const layersKo = names.length === 1 ? `유닛 ${hiddenKo}개인 은닉층 하나` : `유닛이 각각 ${hiddenKo}개인 은닉층 ${names.length}개`;
  const askEn = { total: "How many parameters, biases included, does it have?", weights: "How many weights does it have, not counting the biases?", biases: "How many biases does it have?" }[values.ask];
  const askKo = { total: "편향을 포함한 모수는 모두 몇 개입니까?", weights: "편향을 제외한 가중치는 몇 개입니까?", biases: "편향은 모두 몇 개입니까?" }[values.ask];
  const explainEn = {
    total: "Each dense layer has (units of the previous layer + 1) × (its own units) parameters; the +1 is the bias.",
    weights: "Each dense layer has (units of the previous layer) × (its own units) weights; the biases are left out.",
    biases: "Each unit of every dense layer (hidden and output) has exactly one bias.",
  }[values.ask];
  const explainKo = {
    total: "완전 연결층마다 (앞 층의 유닛 수 + 1) × (이 층의 유닛 수)개의 모수가 있습니다. +1은 편향입니다.",
    weights: "완전 연결층마다 (앞 층의 유닛 수) × (이 층의 유닛 수)개의 가중치가 있습니다. 편향은 빼고 셉니다.",
    biases: "모든 완전 연결층(은닉층과 출력층)의 유닛마다 편향이 정확히 하나씩 있습니다.",
  }[values.ask];
  const mistakes =
    values.ask === "total"
      ? [{ formula: pairs.map(([from, to]) => `${from}*${to}`).join(" + "), feedback: { ko: "가중치만 세고 층마다 있는 편향을 빠뜨렸습니다.", en: "You counted the weights but not each layer's biases." } }]
      : values.ask === "weights"
        ? [{ formula: pairs.map(([from, to]) => `(${from}+1)*${to}`).join(" + "), feedback: { ko: "편향까지 센 전체 모수의 수입니다.", en: "That is the total with the biases." } }]
        : [];
  const outputsEn = params.M === 1 ? "one output" : "{{M}} outputs";
  return {
    params,
    prompt: {
      ko: `입력 {{p}}개, ${layersKo}(활성화 함수 ${values.activation}), 출력 {{M}}개인 완전 연결 신경망이 있습니다. ${askKo}`,
      en: `A fully connected network has {{p}} inputs, ${layersEn} (${values.activation} activation) and ${outputsEn}. ${askEn}`,
    },
    answer: {
      architecture: {
        input: ["=p"],
        layers: [...names.map((name) => ({ type: "dense", units: `=${name}`, activation: values.activation })), { type: "dense", units: "=M" }],
      },
      ask: values.ask,
      formula,
    },
    solution: { ko: `${explainKo}\n\n{{@work}}`, en: `${explainEn}\n\n{{@work}}` },
    ...(mistakes.length > 0 ? { mistakes } : {}),
  };
}

function rnnTemplate(values: TemplateFormValues): Omit<Template, "id" | "concept" | "title"> {
  const gates = GATES[values.rnnType];
  const name = RNN_NAMES[values.rnnType];
  const pytorch = values.convention === "pytorch";
  const formula = pytorch ? `${gates}*u*(d + u) + 2*${gates}*u` : `${gates}*u*(d + u + 1)`;
  const gatesEn = gates === 1 ? "" : ` (${gates} gates)`;
  const gatesKo = gates === 1 ? "" : ` (게이트 ${gates}개)`;
  const biasEn = pytorch ? "PyTorch's nn." + (values.rnnType === "simpleRNN" ? "RNN" : name) + " keeps two bias vectors per gate" : "Keras and TensorFlow.js keep one bias vector per gate";
  const biasKo = pytorch ? "PyTorch의 nn." + (values.rnnType === "simpleRNN" ? "RNN" : name) + "은 게이트마다 편향 벡터가 두 개입니다" : "Keras와 TensorFlow.js는 게이트마다 편향 벡터가 하나입니다";
  return {
    params: { T: paramValue(values.timesteps), d: paramValue(values.features), u: paramValue(values.units) },
    prompt: {
      ko: `길이 {{T}}, 시점마다 특성 {{d}}개인 시퀀스가 유닛 {{u}}개의 ${name} 층에 들어갑니다. ${pytorch ? "PyTorch" : "Keras"} 기준으로 이 층의 모수는 몇 개입니까?`,
      en: `Sequences of length {{T}} with {{d}} features per step feed a ${name} layer of {{u}} units. How many parameters does the layer have (${pytorch ? "PyTorch" : "Keras"} convention)?`,
    },
    answer: {
      architecture: { input: ["=T", "=d"], convention: values.convention, layers: [{ type: values.rnnType, units: "=u" }] },
      ask: "layer-params",
      layer: 1,
      formula,
    },
    solution: {
      ko: `${name}의 게이트${gatesKo}마다 입력 가중치 $d \\times u$, 순환 가중치 $u \\times u$, 편향이 있습니다. ${biasKo}. 시퀀스 길이는 모수의 수와 무관합니다.\n\n{{@work}}`,
      en: `Each gate of the ${name}${gatesEn} has input weights $d \\times u$, recurrent weights $u \\times u$ and biases; ${biasEn}. The sequence length does not change the count.\n\n{{@work}}`,
    },
    mistakes: [{ formula: `${gates}*u*(d + u)`, feedback: { ko: "편향을 빠뜨렸습니다.", en: "You left out the biases." } }],
  };
}

function convTemplate(values: TemplateFormValues): Omit<Template, "id" | "concept" | "title"> {
  return {
    params: { n: paramValue(values.size), k: paramValue(values.kernel), s: paramValue(values.stride) },
    constraints: ["k <= n"],
    prompt: {
      ko: "크기 $ {{n}} \\times {{n}} $인 이미지에 $ {{k}} \\times {{k}} $ 필터를 보폭(stride) {{s}}, 패딩 없이(valid) 적용합니다. 출력 특징 맵의 한 변의 길이는?",
      en: "A $ {{k}} \\times {{k}} $ filter slides over a $ {{n}} \\times {{n}} $ image with stride {{s}} and no padding (valid). How many rows does the output feature map have?",
    },
    answer: { calculator: "output-size", layer: "conv", input: "n", kernel: "k", stride: "s", padding: "valid", formula: "floor((n - k)/s) + 1" },
    solution: {
      ko: "필터가 들어갈 수 있는 위치의 수를 셉니다: 남는 칸 $n - k$를 보폭으로 나눈 몫에 처음 위치 1을 더합니다.\n\n{{@work}}",
      en: "Count the positions the filter fits in: the spare rows $n - k$ divided by the stride (rounded down), plus the first position.\n\n{{@work}}",
    },
    mistakes: [{ formula: "n - k", feedback: { ko: "첫 위치(+1)를 빠뜨렸습니다.", en: "You forgot the first position (+1)." } }],
  };
}

function activationTemplate(values: TemplateFormValues): Omit<Template, "id" | "concept" | "title"> {
  const explain = {
    sigmoid: { ko: "시그모이드 $\\sigma(z) = \\frac{1}{1 + e^{-z}}$는 $z$를 0과 1 사이의 값으로 바꿉니다.", en: "The sigmoid $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ squashes $z$ into the interval from 0 to 1." },
    tanh: { ko: "쌍곡탄젠트 $\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}$는 $z$를 -1과 1 사이의 값으로 바꿉니다.", en: "The hyperbolic tangent $\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}$ maps $z$ into the interval from -1 to 1." },
    relu: { ko: "ReLU $g(z) = \\max(0, z)$는 음수를 0으로 만들고 양수는 그대로 둡니다.", en: "ReLU $g(z) = \\max(0, z)$ turns negative values into 0 and keeps positive ones." },
  }[values.fn];
  return {
    params: { z: paramValue(values.z) },
    prompt: {
      ko: `$z = {{z}}$일 때 ${values.fn} 활성화 함수의 값은? (소수 셋째 자리까지)`,
      en: `What is the ${values.fn} activation at $z = {{z}}$? (to three decimals)`,
    },
    answer: { calculator: "activation", fn: values.fn, z: "z", decimals: 3 },
    solution: { ko: `${explain.ko}\n\n{{@work}}`, en: `${explain.en}\n\n{{@work}}` },
  };
}

function stepsTemplate(values: TemplateFormValues): Omit<Template, "id" | "concept" | "title"> {
  return {
    params: { n: paramValue(values.examples), b: paramValue(values.batch) },
    prompt: {
      ko: "훈련 데이터 {{n}}개를 미니배치 크기 {{b}}로 학습합니다. 한 에폭은 몇 단계(경사 하강 갱신)입니까?",
      en: "A model trains on {{n}} examples with minibatches of {{b}}. How many steps (gradient updates) make one epoch?",
    },
    answer: { calculator: "steps-per-epoch", n: "n", batch: "b", formula: "ceil(n/b)" },
    solution: {
      ko: "한 에폭은 훈련 데이터 전체를 한 번 도는 것입니다. 마지막 미니배치가 작아도 한 단계로 셉니다.\n\n{{@work}}",
      en: "One epoch is one pass over the training data; a smaller last minibatch still counts as a step.\n\n{{@work}}",
    },
    mistakes: [{ formula: "floor(n/b)", feedback: { ko: "마지막의 작은 미니배치도 한 단계입니다(올림).", en: "The smaller last minibatch is a step too (round up)." } }],
  };
}

function dropoutTemplate(values: TemplateFormValues): Omit<Template, "id" | "concept" | "title"> {
  return {
    params: { u: paramValue(values.dropoutUnits), r: paramValue(values.rate) },
    symbols: { r: "\\varphi" },
    prompt: {
      ko: "유닛 {{u}}개인 층에 드롭아웃 비율 $\\varphi = {{r}}$을 적용합니다. 훈련 중 한 단계에서 남는 유닛 수의 기댓값은?",
      en: "Dropout with rate $\\varphi = {{r}}$ is applied to a layer of {{u}} units. How many units are expected to stay active in a training step?",
    },
    answer: { calculator: "dropout", units: "u", rate: "r", part: "active", decimals: 1, formula: "u*(1 - r)" },
    solution: {
      ko: "유닛마다 확률 $\\varphi$로 꺼지고 $1 - \\varphi$로 남으므로 남는 유닛 수의 기댓값은 $u(1 - \\varphi)$입니다.\n\n{{@work}}",
      en: "Each unit is switched off with probability $\\varphi$ and stays with probability $1 - \\varphi$, so $u(1 - \\varphi)$ units are expected to stay.\n\n{{@work}}",
    },
    mistakes: [{ formula: "u*r", feedback: { ko: "꺼지는 유닛 수를 구했습니다. 남는 유닛은 $1-\\varphi$ 비율입니다.", en: "That is the number switched off; the share that stays is $1-\\varphi$." } }],
  };
}

const BUILDERS: Record<TemplateKind, (values: TemplateFormValues) => Omit<Template, "id" | "concept" | "title">> = {
  "dense-params": denseTemplate,
  "rnn-params": rnnTemplate,
  "conv-output-size": convTemplate,
  "activation-value": activationTemplate,
  "steps-per-epoch": stepsTemplate,
  dropout: dropoutTemplate,
};

export function buildTemplate(values: TemplateFormValues): Template {
  const defaults = DEFAULT_TITLES[values.kind];
  const body = BUILDERS[values.kind](values);
  return {
    id: values.id.trim(),
    concept: values.concept,
    title: { ko: values.titleKo.trim() || defaults.ko, en: values.titleEn.trim() || defaults.en },
    ...body,
  } as Template;
}

/** The template as the file `templates/<id>.yaml` holds it. */
export function templateFileText(values: TemplateFormValues): string {
  return `# Made with the template form (${values.kind}); edit freely.\n${itemsYaml([buildTemplate(values)])}`;
}

export function templateFilePath(id: string): string {
  return `templates/${id.trim() || "new-template"}.yaml`;
}

/** The text of a new template file: a working template to start from. */
export function skeletonFileText(id: string, concept: string): string {
  return templateFileText({ ...DEFAULT_VALUES, id, concept, titleKo: DEFAULT_TITLES["dense-params"].ko, titleEn: DEFAULT_TITLES["dense-params"].en });
}
