import "server-only";
import type { PracticeCheckResult, PracticeVariant } from "../decks/deck-catalog";
import { typesetFeedback, typesetQuestion, type TypesetFeedback, type TypesetQuestion } from "./typeset";

/** The practice page's variant and check result with their texts typeset (./typeset.ts), as for /review. */

export type PracticeVariantPayload = Omit<PracticeVariant, "choices"> & TypesetQuestion;
export type PracticeCheckPayload = PracticeCheckResult & TypesetFeedback;

export const practiceVariantPayload = (variant: PracticeVariant): PracticeVariantPayload => ({ ...variant, ...typesetQuestion(variant) });
export const practiceCheckPayload = (result: PracticeCheckResult): PracticeCheckPayload => ({ ...result, ...typesetFeedback(result) });
