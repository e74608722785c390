/**
 * Static cards as variants, so that the review loop, the checker and storage treat every item the
 * same way. Only the seed's effect is the order of multiple-choice options. The solution leads
 * with the correct answer and continues with the card's explanation.
 */
import { integerAnswer } from "./answer-values";
import { parseNumber } from "./answer-parse";
import { createRandom } from "./random";
import type { ClozeCard, McCard, QaCard, StaticCard, TfCard } from "./template-schema";
import type { Bilingual, ExpectedAnswer, MistakeValue, Variant } from "./types";

const BLANK = /\[\[([^\]]+)\]\]/g;
const BLANK_SHOWN = "\\_\\_\\_\\_\\_";

/** The alternatives written in a cloze blank (`[[28×28|28x28]]`), per language. */
export function clozeBlanks(text: string): string[][] {
  return [...text.matchAll(BLANK)].map((match) => (match[1] ?? "").split("|").map((part) => part.trim()).filter((part) => part !== ""));
}

/**
 * Accepted answers; when every one is a number (`784`, `235,146`) the answer is numeric, so that
 * `２３５１４６` or `235 146` also count.
 */
function acceptedAnswer(accept: readonly (string | number)[]): ExpectedAnswer {
  const texts = accept.map(String);
  const numbers = texts.map(parseNumber);
  const first = numbers[0];
  if (first && numbers.every((n) => n !== null && n.value === first.value)) {
    return Number.isInteger(first.value) ? integerAnswer(first.value) : { format: "number", value: first.value, tolerance: { absolute: 0, relative: 1e-9 }, decimals: null };
  }
  return { format: "text", accept: [...new Set(texts)] };
}

const LABEL: Bilingual = { ko: "정답", en: "Answer" };

function solutionWith(answer: Bilingual, explanation: Bilingual): Bilingual {
  return { ko: `**${LABEL.ko}:** ${answer.ko}\n\n${explanation.ko}`, en: `**${LABEL.en}:** ${answer.en}\n\n${explanation.en}` };
}

interface CardParts {
  prompt: Bilingual;
  expectedAnswer: ExpectedAnswer;
  solution: Bilingual;
  choices: Variant["choices"];
  mistakes: MistakeValue[];
}

function qa(card: QaCard): CardParts {
  const expectedAnswer: ExpectedAnswer = card.accept && card.accept.length > 0 ? acceptedAnswer(card.accept) : { format: "self", answer: card.answer };
  return { prompt: card.prompt, expectedAnswer, solution: solutionWith(card.answer, card.explanation), choices: null, mistakes: [] };
}

function cloze(card: ClozeCard): CardParts {
  const ko = clozeBlanks(card.text.ko);
  const en = clozeBlanks(card.text.en);
  if (ko.length !== 1 || en.length !== 1) throw new Error(`cloze card ${card.id} must mark exactly one [[blank]] in each language`);
  const koAnswers = ko[0] ?? [];
  const enAnswers = en[0] ?? [];
  const prompt = { ko: card.text.ko.replace(BLANK, BLANK_SHOWN), en: card.text.en.replace(BLANK, BLANK_SHOWN) };
  const expectedAnswer = acceptedAnswer([...enAnswers, ...koAnswers, ...(card.accept ?? [])]);
  const answer = { ko: koAnswers[0] ?? "", en: enAnswers[0] ?? "" };
  return { prompt, expectedAnswer, solution: solutionWith(answer, card.explanation), choices: null, mistakes: [] };
}

function mc(card: McCard, seed: number): CardParts {
  const correct = card.options.filter((option) => option.correct === true);
  if (correct.length !== 1) throw new Error(`multiple-choice card ${card.id} must mark exactly one option correct`);
  const order = card.shuffle === false ? card.options : createRandom(seed).shuffle(card.options);
  const choices = order.map((option, i) => ({ letter: String.fromCharCode(65 + i), text: { ko: option.ko, en: option.en } }));
  const correctIndex = order.findIndex((option) => option.correct === true);
  const letter = String.fromCharCode(65 + correctIndex);
  const mistakes: MistakeValue[] = order.flatMap((option, i) => (option.feedback && option.correct !== true ? [{ value: String.fromCharCode(65 + i), feedback: option.feedback }] : []));
  const right = order[correctIndex];
  const answer = { ko: `${letter}. ${right?.ko ?? ""}`, en: `${letter}. ${right?.en ?? ""}` };
  return {
    prompt: card.prompt,
    expectedAnswer: { format: "choice", value: letter, optionCount: choices.length },
    solution: solutionWith(answer, card.explanation),
    choices,
    mistakes,
  };
}

function tf(card: TfCard): CardParts {
  const answer = card.answer ? { ko: "참 (O)", en: "True" } : { ko: "거짓 (X)", en: "False" };
  return { prompt: card.statement, expectedAnswer: { format: "boolean", value: card.answer }, solution: solutionWith(answer, card.explanation), choices: null, mistakes: [] };
}

export function makeStaticVariant(card: StaticCard, seed: number, version: string): Variant {
  let parts: CardParts;
  switch (card.type) {
    case "qa":
      parts = qa(card);
      break;
    case "cloze":
      parts = cloze(card);
      break;
    case "mc":
      parts = mc(card, seed);
      break;
    case "tf":
      parts = tf(card);
      break;
  }
  return {
    itemId: card.id,
    itemType: card.type,
    concept: card.concept,
    simulation: card.simulation ?? null,
    seed,
    anchor: null,
    params: {},
    prompt: parts.prompt,
    choices: parts.choices,
    expectedAnswer: parts.expectedAnswer,
    answerFormat: parts.expectedAnswer.format,
    solution: parts.solution,
    architecture: null,
    verification: null,
    mistakes: parts.mistakes,
    templateVersion: version,
  };
}
