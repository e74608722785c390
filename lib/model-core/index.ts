/**
 * The model core's closed form: spec grammar, validation, shapes and parameter counts with their
 * formulas, and the two counting conventions. Pure and light: nothing here (or below it) imports
 * TensorFlow.js, so pages can use it without loading tfjs. The tfjs builder and the verification
 * live in `./tfjs`.
 */
export {
  ACTIVATIONS,
  CONVENTIONS,
  LAYER_TYPES,
  architectureSpecSchema,
  layerSpecSchema,
  type ActivationName,
  type ArchitectureSpec,
  type ArchitectureSpecInput,
  type Convention,
  type LayerOf,
  type LayerSpec,
  type LayerType,
} from "./spec-schema";
export { validateSpec, type SpecValidation } from "./validate-spec";
export { InvalidSpecError } from "./invalid-spec-error";
export { deriveArchitecture, type ArchitectureDerivation, type LayerDerivation } from "./derive-architecture";
export {
  conventionDifference,
  type ConventionDifference,
  type ConventionTotals,
  type LayerConventionDifference,
} from "./convention-difference";
export type { ConventionReason } from "./layer-rules/rule-types";
export { conventionNotes, type ConventionNote, type ConventionNoteKind } from "./convention-notes";
export { formatNumber, formatTexNumber } from "./format-number";
export { parseSpecText, type SpecTextParse } from "./parse-spec-text";
export { layerNames } from "./layer-names";
export { ISLP_ARCHITECTURES, type IslpArchitecture } from "./islp-architectures";
export { MAX_DIMENSION, MAX_LAYERS, MAX_TOTAL_PARAMS } from "./limits";
