/**
 * The question engine (pure: no tfjs, no framework). Templates and cards in, variants out:
 * `makeVariant(item, seed)` → prompt, expected answer, worked solution; `checkAnswer(variant, text)`
 * → correct / wrong / invalid. Verification against TensorFlow.js is in `./verify` (imports tfjs);
 * the "test N times" harness in `./harness`.
 */
export type {
  AnswerFormat,
  ArchitectureAsk,
  Bilingual,
  CheckResult,
  Choice,
  ExpectedAnswer,
  ItemType,
  Language,
  MistakeValue,
  ParamValue,
  ParamValues,
  Tolerance,
  Variant,
  VariantAnchor,
  VerificationRequest,
} from "./types";
export {
  ARCHITECTURE_ASKS,
  SIMULATION_IDS,
  anchorSchema,
  bilingualSchema,
  isTemplate,
  staticCardSchema,
  templateSchema,
  type Anchor,
  type Item,
  type StaticCard,
  type Template,
} from "./template-schema";
export { makeVariant, itemVersion, type VariantOptions } from "./make-variant";
export { checkAnswer } from "./check-answer";
export { askedOfNetwork, type AskedOfNetwork } from "./architecture-answer";
export { displayExpected, expectedByLanguage } from "./answer-values";
export { normalizeInput, parseBoolean, parseChoice, parseMatrix, parseNumber, parseShape } from "./answer-parse";
export { variantSeed } from "./variant-seed";
export { chooseVariantRequest, type VariantRequest } from "./variant-request";
export { VariantError } from "./params";
export { validateItem, type ItemIssue } from "./validate-item";
export type { CalculatorInput, CalculatorName } from "./calculators/types";
